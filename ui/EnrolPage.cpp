#include "EnrolPage.h"

#include "ErrorSpace.h"
#include "FirstRunWizard.h"
#include "HubCall.h"
#include "SecretText.h"
#include "security/Permissions.h"
#include "sync/Enrolment.h"
#include "sync/HubSignIn.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace adm::ui {

EnrolPage::EnrolPage(FirstRunWizard* wizard)
    : m_wizard(wizard)
{
    setObjectName(QStringLiteral("hubPage"));
    setTitle(tr("Connect to the city platform"));
    setSubTitle(tr("The city platform sends the applications and receives the decisions."));
    setButtonText(QWizard::NextButton, tr("C&onnect and sign in"));

    auto* intro = new QLabel(
        tr("Fill in what the city platform's administrator gave you. Without a city platform the workstation "
           "works offline, with bundles an administrator imports."),
        this);
    intro->setWordWrap(true);

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("hubUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://hub.example.org:8443"));
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("ca.pem from the city platform's administrator"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("caBrowseButton"));
    m_browse->setAutoDefault(false);
    connect(m_browse, &QPushButton::clicked, this, &EnrolPage::browseCa);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    m_workstation = new QLineEdit(this);
    m_workstation->setObjectName(QStringLiteral("workstationNameEdit"));
    m_account = new QLineEdit(this);
    m_account->setObjectName(QStringLiteral("hubAccountEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("hubPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("hubStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->hide();
    reserveErrorSpace(m_status);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("City platform &address:"), m_url);
    auto* caLabel = new QLabel(tr("&CA file:"), this);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);
    form->addRow(tr("Workstation &name:"), m_workstation);
    form->addRow(tr("City platform acco&unt:"), m_account);
    form->addRow(tr("City platform &password:"), m_password);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch();
}

void EnrolPage::initializePage()
{
    if (m_workstation->text().isEmpty())
        m_workstation->setText(QHostInfo::localHostName());
    m_url->setFocus();
}

bool EnrolPage::isComplete() const
{
    return !m_busy;
}

bool EnrolPage::validatePage()
{
    if (m_done || m_skipped)
        return true;
    // The hub's answer comes later: the page moves on by itself once it is saved (finish()).
    if (!m_busy)
        connectAndSignIn();
    return false;
}

void EnrolPage::skip()
{
    if (m_busy)
        return;
    m_skipped = true;
    m_wizard->next();
}

void EnrolPage::browseCa()
{
    const QString start = m_caFile->text().isEmpty() ? QDir::homePath() : QFileInfo(m_caFile->text()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("The city platform's CA file"), start,
                                                      tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(QDir::toNativeSeparators(file));
}

void EnrolPage::showStatus(const QString& richText, bool error, QLineEdit* focus)
{
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_status->setText(richText);
    m_status->show();
    if (focus) {
        focus->selectAll();
        focus->setFocus();
    }
}

void EnrolPage::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget* w :
         {static_cast<QWidget*>(m_url), static_cast<QWidget*>(m_caFile), static_cast<QWidget*>(m_browse),
          static_cast<QWidget*>(m_workstation), static_cast<QWidget*>(m_account), static_cast<QWidget*>(m_password)})
        w->setEnabled(!busy);
    m_wizard->setBusy(busy);
    Q_EMIT completeChanged();
}

void EnrolPage::connectAndSignIn()
{
    // Everything that needs no network first: plain http and a bad file never leave this computer.
    const struct {
        QLineEdit* edit;
        QString missing;
    } required[] = {
        {m_url, tr("Type the city platform address, for example https://hub.example.org:8443.")},
        {m_caFile, tr("Choose the city platform's CA file (ca.pem) with Browse…")},
        {m_account, tr("Type your city platform account.")},
        {m_password, tr("Type the city platform password of this account.")},
    };
    for (const auto& r : required) {
        if (r.edit->text().trimmed().isEmpty()) {
            showStatus(r.missing.toHtmlEscaped(), true, r.edit);
            return;
        }
    }
    auto url = sync::Enrolment::parseHubUrl(m_url->text());
    if (!url) {
        showStatus(hubProblemText(url.error()), true, m_url);
        return;
    }
    auto pem = sync::Enrolment::readCaFile(QDir::fromNativeSeparators(m_caFile->text().trimmed()));
    if (!pem) {
        showStatus(hubProblemText(pem.error()), true, m_caFile);
        return;
    }
    const QString account = m_account->text().trimmed();
    // One owner, shared with the worker (the functor must be copyable); the field keeps its text so
    // that a mistyped address can be corrected without typing the password again.
    auto password = std::make_shared<security::SecretBytes>(m_password->text());
    const sync::SyncOptions options = m_wizard->hubOptions();

    setBusy(true);
    showStatus(tr("Connecting to %1…").arg(url->host()).toHtmlEscaped(), false);
    // The workstation's id comes from the cache (read on the setup's worker), then the hub is asked.
    m_wizard->setup().prepareEnrolment(
        *url, *pem, m_workstation->text(), this, [this, account, password, options](sync::Enrolment enrolment) {
            runHubCall(
                this,
                [enrolment, account, password, options] {
                    HubOutcome out;
                    if (Status s = sync::hubsignin::probe(enrolment, options); !s) {
                        out.error = s.error();
                        return out;
                    }
                    auto signedIn = sync::hubsignin::signIn(enrolment, account, password->clone(), options);
                    if (!signedIn) {
                        out.error = signedIn.error();
                        return out;
                    }
                    out.ok = true;
                    out.account = signedIn->account;
                    out.session = std::make_shared<sync::HubSession>(std::move(*signedIn));
                    return out;
                },
                [this, enrolment, account, password](const HubOutcome& outcome) {
                    password->clear();
                    finish(outcome, enrolment, account);
                });
        });
}

void EnrolPage::finish(const HubOutcome& outcome, const sync::Enrolment& enrolment, const QString& account)
{
    if (!outcome.ok) {
        setBusy(false);
        const QString& c = outcome.error.code;
        QLineEdit* focus = c == sync::code::SignInRefused || c == sync::code::Busy ? m_password
                           : c == sync::code::BadCa || sync::isTlsRefusal(c)       ? m_caFile
                                                                                   : m_url;
        showStatus(hubProblemText(outcome.error), true, focus);
        return;
    }
    // Nor an enrolment under an account of another role than the local user's.
    if (Status s = security::rolesAgree(m_wizard->cache().role(), account, outcome.account.roles); !s) {
        setBusy(false);
        showStatus(s.error().message.toHtmlEscaped(), true);
        return;
    }
    // Saved only now, on the setup's worker: a hub that refused the certificate or the password
    // leaves no trace behind. The session token is kept in the cache: the first sync needs no password.
    m_wizard->setup().recordSignIn(enrolment, account, outcome.session, this, [this, enrolment, account](Status saved) {
        setBusy(false);
        if (!saved) {
            showStatus(saved.error().message.toHtmlEscaped(), true);
            return;
        }
        m_wizard->setSignedIn(enrolment.hubUrl.toString(), enrolment.workstationName, account);
        (void)takeSecretText(m_password); // cleared, and its buffer wiped
        m_done = true;
        m_wizard->next();
    });
}

} // namespace adm::ui
