// admissions-workstation: the desktop program. This file is the composition root: it reads the
// settings, installs the translations, sets the data folder up on the first start (or unlocks it)
// and hands it to the main window with the session that fits it (the sync engine when the
// workstation is enrolled with a hub and its user signed in).
#include "FirstRunWizard.h"
#include "HubSignInDialog.h"
#include "MainWindow.h"
#include "UnlockDialog.h"
#include "i18n/Translations.h"
#include "security/SecureHeap.h"
#include "store/Workspace.h"
#include "sync/Enrolment.h"
#include "sync/HubSignIn.h"
#include "sync/SessionCache.h"
#include "sync/SyncState.h"
#include "views/LocalSession.h"
#include "views/SyncedSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>

namespace {

void setLanguage(QApplication& app, const QString& setting)
{
    const QString language = adm::i18n::resolveLanguage(setting);
    adm::i18n::installTranslations(app, language);
    // Labels that come from tables in two languages (reason codes) follow the default locale.
    QLocale::setDefault(
        QLocale(language == QLatin1String("zh_CN") ? QStringLiteral("zh_CN") : QStringLiteral("en_GB")));
}

// Asks for the hub password in the sign-in dialog, which checks it with the hub. Accepted: the session
// the hub granted is kept in the cache (the password is wiped), or, after "Sync when it answers", the
// unchecked password is handed to the session. False: work offline.
bool askHubSignIn(adm::views::SyncedSession* session, adm::store::Workspace* workspace,
                  const adm::sync::Enrolment& enrolment, const QString& account, QWidget* parent, const QString& reason,
                  adm::security::SecretBytes* passwordOut)
{
    adm::ui::HubSignInDialog dialog(enrolment, account, parent);
    dialog.setReason(reason);
    dialog.setLocalRole(workspace ? workspace->role() : session->role());
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (dialog.hasSession()) {
        auto kept = dialog.takeSession();
        if (workspace) // before the sync engine takes the workspace
            return adm::sync::hubsignin::recordSignIn(*workspace, account, kept.get()).ok();
        session->setHubSession(account, std::move(kept));
        return true;
    }
    if (dialog.hasPassword()) {
        if (passwordOut) {
            *passwordOut = dialog.takePassword();
        } else {
            session->setCredentials(account, dialog.takePassword());
            session->syncNow();
        }
        return true;
    }
    return false;
}

// The session for an unlocked workspace: synced when the workstation is enrolled and its user has a
// hub account and either a session the hub granted earlier (kept in the cache while it lasts; the
// first-run wizard leaves one), $ADMISSIONS_HUB_PASSWORD (the demo), or a password given in the
// sign-in dialog. Otherwise local: decisions wait in the outbox. When the hub later ends the
// session, the dialog asks again.
std::unique_ptr<adm::views::Session> makeSession(adm::views::OpenCache cache)
{
    std::unique_ptr<adm::store::Workspace> workspace = cache.take();
    adm::store::Connection& db = workspace->database().writer();
    auto enrolment = adm::sync::Enrolment::load(db);
    const QString account = adm::sync::SyncState(db).accountFor(workspace->user());
    if (!enrolment || account.isEmpty())
        return std::make_unique<adm::views::LocalSession>(std::move(workspace));
    auto kept =
        adm::sync::SessionCache(db).load(workspace->user(), account, *enrolment, QDateTime::currentDateTimeUtc());
    const bool haveSession = kept && kept->has_value();
    adm::security::SecretBytes password;
    bool offline = false; // "Work offline": synced later, once the person signs in from the window
    if (!haveSession) {
        if (qEnvironmentVariableIsSet("ADMISSIONS_HUB_PASSWORD"))
            password = adm::security::SecretBytes(qgetenv("ADMISSIONS_HUB_PASSWORD"));
        else
            offline = !askHubSignIn(nullptr, workspace.get(), *enrolment, account, nullptr, QString(), &password);
    }
    auto session = std::make_unique<adm::views::SyncedSession>(std::move(workspace));
    adm::views::SyncedSession* raw = session.get();
    QObject::connect(
        raw, &adm::views::SyncedSession::signInNeeded, raw, [raw, enrolment = *enrolment, account](bool sessionEnded) {
            const QString reason = sessionEnded
                                       ? QApplication::translate("main", "The city platform ended the session. Sign in "
                                                                         "again to go on syncing, or work offline: "
                                                                         "decisions wait in the outbox.")
                                       : QString();
            if (askHubSignIn(raw, nullptr, enrolment, account, QApplication::activeWindow(), reason, nullptr))
                raw->setWatchInterval(60000);
        });
    if (offline) {
        session->workOffline();
        return session;
    }
    if (!password.isEmpty())
        session->setCredentials(account, std::move(password));
    session->setWatchInterval(60000);
    session->syncNow();
    return session;
}

// The unlocked workspace to start with: the first-run wizard on a data folder without a
// workstation, else the unlock dialog. Null: the person closed it, or the folder is unusable (exit
// code 2).
std::unique_ptr<adm::views::Session> openSession(const QString& dataDir, int* exitCode)
{
    auto users = adm::store::Workspace::users(dataDir);
    if (!users && users.error().code == QLatin1String("not_initialised")) {
        adm::ui::FirstRunWizard wizard(dataDir);
        if (wizard.exec() != QDialog::Accepted || !wizard.cache())
            return nullptr;
        return makeSession(wizard.takeCache()); // a hub sign-in in the wizard left its session in the cache
    }
    if (!users) {
        QMessageBox box(QMessageBox::Critical, QApplication::translate("main", "Admissions Workstation"),
                        users.error().message);
        box.exec();
        *exitCode = 2;
        return nullptr;
    }
    adm::ui::UnlockDialog unlock(dataDir);
    if (unlock.exec() != QDialog::Accepted)
        return nullptr;
    return makeSession(unlock.takeCache());
}

} // namespace

int main(int argc, char* argv[])
{
    adm::security::initSecureHeap(); // before any passphrase exists
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Admissions"));
    QApplication::setApplicationName(QStringLiteral("admissions-workstation"));
    QApplication::setApplicationVersion(QStringLiteral(ADMISSIONS_VERSION));

    setLanguage(
        app, qEnvironmentVariable("ADMISSIONS_LANG",
                                  QSettings().value(QStringLiteral("language"), QStringLiteral("system")).toString()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "School admissions review workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("data-dir"), QApplication::translate("main", "The workstation's data folder."),
                      QStringLiteral("DIR"), adm::store::Workspace::defaultDataDir()});
    parser.process(app);
    const QString dataDir = QDir::cleanPath(parser.value(QStringLiteral("data-dir")));

    int exitCode = 0;
    auto session = openSession(dataDir, &exitCode);
    if (!session)
        return exitCode;
    adm::ui::MainWindow window(std::move(session),
                               [](adm::views::OpenCache cache) { return makeSession(std::move(cache)); });
    QObject::connect(&window, &adm::ui::MainWindow::languageChosen, &app,
                     [&app](const QString& setting) { setLanguage(app, setting); });
    window.show();
    return app.exec();
}
