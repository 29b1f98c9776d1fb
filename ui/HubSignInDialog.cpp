#include "HubSignInDialog.h"

#include "HubCall.h"
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
    setWindowTitle(tr("Sign in to the hub"));
    setObjectName(QStringLiteral("hubSignInDialog"));
    m_options.requestTimeoutMs = 15000;
    m_options.maxAttempts = 1;

    auto* intro = new QLabel(tr("Sign in to the hub to receive new applications and send your decisions. The "
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

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Hub:"), hub);
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
    m_later->hide();
    connect(m_later, &QPushButton::clicked, this, [this] {
        m_password = m_passwordEdit->text();
        m_passwordEdit->clear();
        accept();
    });
    connect(m_signIn, &QPushButton::clicked, this, &HubSignInDialog::signIn);
    connect(m_offline, &QPushButton::clicked, this, &HubSignInDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    m_passwordEdit->setFocus();
}

void HubSignInDialog::reject()
{
    if (m_busy) // the sign-in ends within its timeout; wait for its answer
        return;
    QDialog::reject();
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
    m_offline->setEnabled(!busy);
    m_later->setEnabled(!busy);
}

void HubSignInDialog::signIn()
{
    if (m_busy)
        return;
    const QString password = m_passwordEdit->text();
    if (password.isEmpty()) {
        showStatus(tr("Type the hub password of %1 first.").arg(m_account).toHtmlEscaped(), true);
        m_passwordEdit->setFocus();
        return;
    }
    setBusy(true);
    showStatus(tr("Signing in to %1…").arg(m_enrolment.hubUrl.host()).toHtmlEscaped(), false);
    runHubCall(
        this,
        [enrolment = m_enrolment, account = m_account, password, options = m_options] {
            HubOutcome out;
            auto signedIn = sync::hubsignin::signIn(enrolment, account, password, options);
            out.ok = signedIn.ok();
            if (signedIn)
                out.account = *signedIn;
            else
                out.error = signedIn.error();
            return out;
        },
        [this, password](const HubOutcome& outcome) { finish(outcome, password); });
}

void HubSignInDialog::finish(const HubOutcome& outcome, const QString& password)
{
    setBusy(false);
    if (!outcome.ok) {
        // No network is no reason to stop work: the session may keep retrying with this password.
        m_later->setVisible(sync::isOffline(outcome.error.code));
        showStatus(hubProblemText(outcome.error), true);
        m_passwordEdit->selectAll();
        m_passwordEdit->setFocus();
        return;
    }
    m_password = password;
    m_passwordEdit->clear();
    accept();
}

} // namespace adm::ui
