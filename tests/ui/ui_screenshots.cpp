// ui_screenshots: saves a PNG of each main screen of the workstation, in English and in Chinese,
// over a generated city, so that people can look at what a reviewer sees (docs/screenshots/).
//
//   ui_screenshots OUT_DIR [APPLICATIONS]      (under Xvfb, or QT_QPA_PLATFORM=offscreen)
#include "CityFixture.h"
#include "DecisionDialog.h"
#include "DetailPane.h"
#include "MainWindow.h"
#include "RevealDialog.h"
#include "ScriptedPrompter.h"
#include "SettingsDialog.h"
#include "i18n/Translations.h"
#include "views/BinCountsModel.h"
#include "views/LocalSession.h"
#include "views/QueueModel.h"

#include <QApplication>
#include <QDir>
#include <QLocale>
#include <QScreen>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace adm;

namespace {

void save(QWidget* w, const QString& path)
{
    QTest::qWait(150);
    if (!w->grab().save(path))
        qWarning("cannot write %s", qPrintable(path));
    else
        qInfo("wrote %s", qPrintable(path));
}

void shoot(const QString& dataDir, const QString& out, const QString& language)
{
    i18n::installTranslations(*qApp, language);
    QLocale::setDefault(
        QLocale(language == QLatin1String("zh_CN") ? QStringLiteral("zh_CN") : QStringLiteral("en_GB")));
    ScriptedPrompter prompter;
    auto ws = store::Workspace::unlock(dataDir, testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws)
        qFatal("%s", qPrintable(ws.error().message));
    ui::MainWindow window(
        std::make_unique<views::LocalSession>(std::move(*ws)),
        [](std::unique_ptr<store::Workspace> w) -> std::unique_ptr<views::Session> {
            return std::make_unique<views::LocalSession>(std::move(w));
        },
        &prompter);
    window.resize(1600, 960);
    window.show();
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    auto* model = qobject_cast<views::QueueModel*>(table->model());
    auto* binList = window.findChild<QTreeView*>(QStringLiteral("binList"));
    QTest::qWaitFor([&] { return !model->isCounting(); }, 20000);
    // The Flagged bin: applications with something to look at.
    binList->setCurrentIndex(binList->model()->index(int(views::Bin::Flagged), 0));
    QTest::qWaitFor([&] { return !model->isCounting() && model->rowCount() > 0; }, 20000);
    table->setCurrentIndex(model->index(2, 0));
    QTest::qWaitFor([&] { return window.detailPane()->detail() != nullptr; }, 20000);
    const QString suffix = QStringLiteral("_%1.png").arg(language);
    save(&window, out + QStringLiteral("/main") + suffix);

    ui::DetailPane* pane = window.detailPane();
    pane->verticalScrollBar()->setValue(pane->verticalScrollBar()->maximum() / 3);
    save(pane, out + QStringLiteral("/detail_check") + suffix);
    pane->verticalScrollBar()->setValue(pane->verticalScrollBar()->maximum());
    if (auto* records = window.findChild<QTreeView*>(QStringLiteral("recordsTree")))
        records->expandToDepth(0);
    save(pane, out + QStringLiteral("/detail_records") + suffix);

    const views::ApplicationDetail* d = pane->detail();
    ui::DecisionContext context{d->application.id, d->row.checked, d->application.claimedCategory, d->seats};
    {
        ui::DecisionDialog approve(ui::DecisionDialog::Kind::Approve, context, &window);
        approve.show();
        save(&approve, out + QStringLiteral("/approve") + suffix);
    }
    {
        ui::DecisionDialog reject(ui::DecisionDialog::Kind::Reject, context, &window);
        reject.show();
        save(&reject, out + QStringLiteral("/reject") + suffix);
    }
    {
        ui::DecisionDialog info(ui::DecisionDialog::Kind::RequestInfo, context, &window);
        info.show();
        save(&info, out + QStringLiteral("/request_info") + suffix);
    }
    {
        ui::RevealDialog reveal(d->application.id,
                                QCoreApplication::translate("adm::ui::MainWindow", "guardian %1").arg(1), &window);
        reveal.show();
        save(&reveal, out + QStringLiteral("/reveal") + suffix);
    }
    {
        ui::SettingsDialog settings(&window);
        settings.show();
        save(&settings, out + QStringLiteral("/settings") + suffix);
    }
    window.lock();
    QTest::qWait(300);
    save(&window, out + QStringLiteral("/locked") + suffix);
    if (auto* unlock = window.findChild<QDialog*>(QStringLiteral("unlockDialog")))
        save(unlock, out + QStringLiteral("/unlock") + suffix);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        qWarning("usage: ui_screenshots OUT_DIR [APPLICATIONS]");
        return 2;
    }
    const QString out = args.at(1);
    QDir().mkpath(out);
    const int applications = args.size() > 2 ? args.at(2).toInt() : 3000;
    QTemporaryDir dir;
    testsupport::makeCityWorkspace(dir.path(), applications);
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")})
        shoot(dir.path(), out, language);
    return 0;
}
