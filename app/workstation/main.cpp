// admissions-workstation: the desktop program. This file is the composition root: it reads the
// settings, installs the translations, unlocks the data folder and hands it to the main window.
#include "MainWindow.h"
#include "UnlockDialog.h"
#include "i18n/Translations.h"
#include "store/Workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QSettings>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Admissions"));
    QApplication::setApplicationName(QStringLiteral("admissions-workstation"));
    QApplication::setApplicationVersion(QStringLiteral(ADMISSIONS_VERSION));

    const QString languageSetting = qEnvironmentVariable(
        "ADMISSIONS_LANG", QSettings().value(QStringLiteral("language"), QStringLiteral("system")).toString());
    adm::i18n::installTranslations(app, adm::i18n::resolveLanguage(languageSetting));

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
        QMessageBox::critical(nullptr, QApplication::translate("main", "Admissions Workstation"),
                              users.error().message);
        return 2;
    }

    adm::ui::UnlockDialog unlock(dataDir);
    if (unlock.exec() != QDialog::Accepted)
        return 0;
    adm::ui::MainWindow window(unlock.takeWorkspace());
    QObject::connect(&window, &adm::ui::MainWindow::languageChosen, &app, [&app](const QString& setting) {
        adm::i18n::installTranslations(app, adm::i18n::resolveLanguage(setting));
    });
    window.show();
    return app.exec();
}
