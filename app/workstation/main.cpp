// admissions-workstation: the desktop program. This file is the composition root: it reads the
// settings, installs the translations, unlocks the data folder and hands it to the main window
// with the session that fits it (the sync engine when the workstation is enrolled with a hub).
#include "MainWindow.h"
#include "UnlockDialog.h"
#include "i18n/Translations.h"
#include "store/Workspace.h"
#include "sync/SyncState.h"
#include "views/LocalSession.h"
#include "views/SyncedSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QInputDialog>
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

// The hub password for this session: $ADMISSIONS_HUB_PASSWORD (the demo), else asked. Never stored.
QString hubPassword(const QString& account)
{
    QString password = qEnvironmentVariable("ADMISSIONS_HUB_PASSWORD");
    if (!password.isEmpty())
        return password;
    bool ok = false;
    password = QInputDialog::getText(nullptr, QApplication::translate("main", "Sign in to the hub"),
                                     QApplication::translate("main", "Hub password for %1:").arg(account),
                                     QLineEdit::Password, QString(), &ok);
    return ok ? password : QString();
}

std::unique_ptr<adm::views::Session> makeSession(std::unique_ptr<adm::store::Workspace> workspace)
{
    adm::sync::SyncState state(workspace->database().writer());
    const auto hub = state.get(adm::sync::SyncState::HubUrl);
    const QString account = state.accountFor(workspace->user());
    if (hub && !hub->isEmpty() && !account.isEmpty()) {
        const QString password = hubPassword(account);
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

    auto users = adm::store::Workspace::users(dataDir);
    if (!users) {
        QMessageBox box(QMessageBox::Critical, QApplication::translate("main", "Admissions Workstation"),
                        users.error().message);
        box.exec();
        return 2;
    }

    adm::ui::UnlockDialog unlock(dataDir);
    if (unlock.exec() != QDialog::Accepted)
        return 0;
    adm::ui::MainWindow window(makeSession(unlock.takeWorkspace()), &makeSession);
    QObject::connect(&window, &adm::ui::MainWindow::languageChosen, &app,
                     [&app](const QString& setting) { setLanguage(app, setting); });
    window.show();
    return app.exec();
}
