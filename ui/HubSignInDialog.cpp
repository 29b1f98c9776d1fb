#include "HubSignInDialog.h"

#include "ErrorSpace.h"
#include "HubCall.h"
#include "SecretText.h"
#include "security/Permissions.h"
#include "sync/HubSignIn.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace adm::ui {

HubSignInDialog::HubSignInDialog(const sync::Enrolment& enrolment, const QString& account, QWidget* parent)
    : QDialog(parent)
    , m_enrolment(enrolment)
    , m_account(account)
{
    setWindowTitle(tr("Sign in to the city platform"));
    setObjectName(QStringLiteral("hubSignInDialog"));
    m_options.requestTimeoutMs = 15000;
    m_options.maxAttempts = 1;

    auto* intro = new QLabel(tr("Sign in to the city platform to receive new applications and send your decisions. The "
                                "password is not stored on this computer."),
                             this);
    intro->setWordWrap(true);

    const QUrl& url = enrolment.hubUrl;
    auto* hub = new QLabel(QStringLiteral("%1:%2").arg(url.host()).arg(url.port(443)), this);
    hub->setObjectName(QStringLiteral("hubLabel"));
    hub->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* accountLabel = new QLabel(account, this);
    accountLabel->setObjectName(QStringLiteral("accountLabel"));
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("hubPasswordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setMinimumWidth(280);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("errorLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->hide();
    reserveErrorSpace(m_status);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("City platform:"), hub);
    form->addRow(tr("Account:"), accountLabel);
    form->addRow(tr("&Password:"), m_passwordEdit);

    auto* buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    m_offline = buttons->addButton(tr("Work &offline"), QDialogButtonBox::RejectRole);
    m_offline->setObjectName(QStringLiteral("offlineButton"));
    m_offline->setAutoDefault(false);
    m_later = buttons->addButton(tr("Sync &when it answers"), QDialogButtonBox::AcceptRole);
    m_later->setObjectName(QStringLiteral("laterButton"));
    m_later->setAutoDefault(false);
    connect(m_later, &QPushButton::clicked, this, [this] {
        // What was typed since the hub could not be reached, else the password it could not be asked about.
        if (!m_passwordEdit->text().isEmpty())
            m_password = takeSecretText(m_passwordEdit);
        else if (m_unanswered)
            m_password = std::move(*m_unanswered);
        m_unanswered.reset();
        accept();
    });
    m_cancel = buttons->addButton(tr("&Cancel sign-in"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelSignInButton"));
    m_cancel->setAutoDefault(false);
    // After the last addButton(): the box shows every button each time it lays them out.
    m_later->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &HubSignInDialog::cancelSignIn);
    connect(m_signIn, &QPushButton::clicked, this, &HubSignInDialog::signIn);
    connect(m_offline, &QPushButton::clicked, this, &HubSignInDialog::reject);

    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    m_reason->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows for a long message
    layout->addWidget(m_reason);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    m_passwordEdit->setFocus();
}

void HubSignInDialog::setReason(const QString& text)
{
    m_reason->setText(text);
    m_reason->setVisible(!text.isEmpty());
}

void HubSignInDialog::reject()
{
    // Esc or "Work offline" while a sign-in waits: the attempt is dropped, and the person works on.
    delete m_call;
    setBusy(false);
    QDialog::reject();
}

void HubSignInDialog::cancelSignIn()
{
    if (!m_busy)
        return;
    delete m_call; // its answer, when it comes, is dropped (the worker gives up within its timeout)
    setBusy(false);
    showStatus(tr("Sign-in cancelled. Type the password to try again, or work offline: decisions wait in the "
                  "outbox.")
                   .toHtmlEscaped(),
               false);
    m_passwordEdit->setFocus();
}

void HubSignInDialog::showStatus(const QString& richText, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_status->setText(richText);
    m_status->show();
    adjustSize(); // grow with the message rather than clip it
}

void HubSignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_passwordEdit->setEnabled(!busy);
    m_signIn->setEnabled(!busy);
    m_later->setEnabled(!busy);
    // "Work offline" stays usable: a platform that does not answer must not hold the person here.
    m_cancel->setVisible(busy);
    if (busy)
        m_cancel->setFocus();
}

void HubSignInDialog::signIn()
{
    if (m_busy)
        return;
    if (m_passwordEdit->text().isEmpty()) {
        showStatus(tr("Type the city platform password of %1 first.").arg(m_account).toHtmlEscaped(), true);
        m_passwordEdit->setFocus();
        return;
    }
    // Out of the widget at once; one owner, shared with the worker (the functor must be copyable).
    auto password = std::make_shared<security::SecretBytes>(takeSecretText(m_passwordEdit));
    m_unanswered.reset();
    setBusy(true);
    showStatus(tr("Signing in to %1…").arg(m_enrolment.hubUrl.host()).toHtmlEscaped(), false);
    m_call = runHubCall(
        this,
        [enrolment = m_enrolment, account = m_account, password, options = m_options] {
            HubOutcome out;
            auto signedIn = sync::hubsignin::signIn(enrolment, account, password->clone(), options);
            out.ok = signedIn.ok();
            if (signedIn) {
                out.account = signedIn->account;
                out.session = std::make_shared<sync::HubSession>(std::move(*signedIn));
            } else {
                out.error = signedIn.error();
            }
            return out;
        },
        [this, password](const HubOutcome& outcome) { finish(outcome, password); });
}

void HubSignInDialog::finish(const HubOutcome& outcome, std::shared_ptr<security::SecretBytes> password)
{
    setBusy(false);
    if (!outcome.ok) {
        // No network is no reason to stop work: the session may keep retrying with this password.
        const bool offline = sync::isOffline(outcome.error.code);
        m_later->setVisible(offline);
        if (offline)
            m_unanswered = std::move(password);
        else
            password->clear();
        showStatus(hubProblemText(outcome.error), true);
        m_passwordEdit->setFocus();
        return;
    }
    password->clear();
    if (!m_localRole.isEmpty()) {
        if (Status s = security::rolesAgree(m_localRole, m_account, outcome.account.roles); !s) {
            showStatus(s.error().message.toHtmlEscaped(), true);
            return;
        }
    }
    m_session = outcome.session;
    accept();
}

} // namespace adm::ui
