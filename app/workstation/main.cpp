// admissions-workstation: the desktop program. This file is the composition root: it reads the
// settings, installs the translations, sets the data folder up on the first start (or unlocks it)
// and hands it to the main window with the session that fits it (the sync engine when the
// workstation is enrolled with a hub and its user signed in).
#include "FirstRunWizard.h"
#include "HubSignInDialog.h"
#include "MainWindow.h"
#include "UnlockDialog.h"
#include "i18n/Translations.h"
#include "store/Workspace.h"
#include "sync/Enrolment.h"
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

// The hub password for this session: $ADMISSIONS_HUB_PASSWORD (the demo), else the sign-in dialog,
// which checks it with the hub. Empty: work offline. Never stored.
QString hubPassword(const adm::sync::Enrolment& enrolment, const QString& account)
{
    const QString password = qEnvironmentVariable("ADMISSIONS_HUB_PASSWORD");
    if (!password.isEmpty())
        return password;
    adm::ui::HubSignInDialog dialog(enrolment, account);
    return dialog.exec() == QDialog::Accepted ? dialog.password() : QString();
}

// `password`: one the hub has just accepted (the first-run wizard); otherwise it is asked for.
std::unique_ptr<adm::views::Session> makeSession(std::unique_ptr<adm::store::Workspace> workspace,
                                                 QString password = {})
{
    auto enrolment = adm::sync::Enrolment::load(workspace->database().writer());
    const QString account = adm::sync::SyncState(workspace->database().writer()).accountFor(workspace->user());
    if (enrolment && !account.isEmpty()) {
        if (password.isEmpty())
            password = hubPassword(*enrolment, account);
        if (!password.isEmpty()) {
            auto session = std::make_unique<adm::views::SyncedSession>(std::move(workspace));
            session->setCredentials(account, password);
            session->setWatchInterval(60000);
            session->syncNow();
            return session;
        }
    }
    // Not enrolled, or no password given: work offline; decisions wait in the outbox.
    return std::make_unique<adm::views::LocalSession>(std::move(workspace));
}

// The unlocked workspace to start with: the first-run wizard on a data folder without a
// workstation, else the unlock dialog. Null: the person closed it, or the folder is unusable (exit
// code 2).
std::unique_ptr<adm::views::Session> openSession(const QString& dataDir, int* exitCode)
{
    auto users = adm::store::Workspace::users(dataDir);
    if (!users && users.error().code == QLatin1String("not_initialised")) {
        adm::ui::FirstRunWizard wizard(dataDir);
        if (wizard.exec() != QDialog::Accepted || !wizard.workspace())
            return nullptr;
        const QString password = wizard.hubPassword();
        return makeSession(wizard.takeWorkspace(), password);
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
    return makeSession(unlock.takeWorkspace());
}

} // namespace

int main(int argc, char* argv[])
{
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
    adm::ui::MainWindow window(std::move(session), [](std::unique_ptr<adm::store::Workspace> workspace) {
        return makeSession(std::move(workspace));
    });
    QObject::connect(&window, &adm::ui::MainWindow::languageChosen, &app,
                     [&app](const QString& setting) { setLanguage(app, setting); });
    window.show();
    return app.exec();
}
