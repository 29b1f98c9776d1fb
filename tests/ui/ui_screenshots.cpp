// ui_screenshots: saves a PNG of each main screen of the workstation, in English and in Chinese,
// so that people can look at what a reviewer sees (docs/screenshots/). scripts/screenshots.sh runs
// it against a workstation synced with the sandbox hub, under Xvfb.
//
//   ui_screenshots OUT_DIR --data-dir DIR --user NAME   a synced workstation; the passphrase from
//                                                      $ADMISSIONS_PASSPHRASE, the hub password
//                                                      from $ADMISSIONS_HUB_PASSWORD
//   ui_screenshots OUT_DIR [APPLICATIONS]              a generated city, no hub
#include "CityFixture.h"
#include "DecisionDialog.h"
#include "DetailPane.h"
#include "FirstRunWizard.h"
#include "HubSignInDialog.h"
#include "MainWindow.h"
#include "NoteDialog.h"
#include "RevealDialog.h"
#include "ScriptedPrompter.h"
#include "SettingsDialog.h"
#include "i18n/Translations.h"
#include "sync/Enrolment.h"
#include "sync/SyncState.h"
#include "views/BinCountsModel.h"
#include "views/LocalSession.h"
#include "views/QueueModel.h"
#include "views/SyncedSession.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
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

// Waits for a screen to be ready; a screen that never gets there is still saved, with a warning.
template <typename Predicate> void waitFor(Predicate ready, int ms, const char* what)
{
    if (!QTest::qWaitFor(ready, ms))
        qWarning("still waiting for %s after %d ms", what, ms);
}

void save(QWidget* w, const QString& path)
{
    QTest::qWait(150);
    if (!w->grab().save(path))
        qWarning("cannot write %s", qPrintable(path));
    else
        qInfo("wrote %s", qPrintable(path));
}

struct Desk {
    QString dataDir;
    QString user;
    QString passphrase;
    QString hubPassword; // empty: work offline
};

// The session the workstation would start: synced with the hub when it is enrolled and a hub
// password is given, so that the status bar shows what a reviewer sees.
std::unique_ptr<views::Session> sessionFor(std::unique_ptr<store::Workspace> ws, const QString& hubPassword)
{
    store::Connection& db = ws->database().writer();
    const QString account = sync::SyncState(db).accountFor(ws->user());
    if (hubPassword.isEmpty() || account.isEmpty() || !sync::Enrolment::load(db))
        return std::make_unique<views::LocalSession>(std::move(ws));
    auto session = std::make_unique<views::SyncedSession>(std::move(ws));
    session->setCredentials(account, hubPassword);
    return session;
}

// The first-run wizard on an empty folder, and the hub sign-in dialog of an enrolled one.
void shootFirstRun(const Desk& desk, const QString& out, const QString& suffix)
{
    QTemporaryDir empty;
    ui::FirstRunWizard wizard(empty.filePath(QStringLiteral("new")));
    wizard.show();
    const auto type = [&wizard](const char* name, const QString& text) {
        if (auto* edit = wizard.findChild<QLineEdit*>(QLatin1String(name)))
            edit->setText(text);
    };
    type("userNameEdit", QStringLiteral("wang.li"));
    type("passphraseEdit", QStringLiteral("screenshots-2026"));
    type("confirmEdit", QStringLiteral("screenshots-2026"));
    save(&wizard, out + QStringLiteral("/first_run_user") + suffix);

    auto ws = store::Workspace::unlock(desk.dataDir, desk.user, desk.passphrase);
    if (!ws)
        return;
    auto enrolment = sync::Enrolment::load((*ws)->database().writer());
    const QString account = sync::SyncState((*ws)->database().writer()).accountFor(desk.user);
    if (!enrolment || account.isEmpty())
        return;
    // The hub page, filled in as an administrator would (the CA written out for the file field).
    wizard.next(); // creates the first user in the empty folder
    waitFor([&wizard] { return wizard.currentId() == ui::FirstRunWizard::HubPage; }, 10000, "the hub page");
    const QString ca = empty.filePath(QStringLiteral("ca.pem"));
    QFile caFile(ca);
    if (caFile.open(QIODevice::WriteOnly))
        caFile.write(enrolment->caPem);
    caFile.close();
    type("hubUrlEdit", enrolment->hubUrl.toString());
    type("caFileEdit", ca);
    type("hubAccountEdit", account);
    type("hubPasswordEdit", QStringLiteral("********"));
    save(&wizard, out + QStringLiteral("/first_run_hub") + suffix);
    ui::HubSignInDialog signIn(*enrolment, account);
    signIn.show();
    save(&signIn, out + QStringLiteral("/hub_sign_in") + suffix);
}

// What an officer writes: an information request (what to bring, by when) and two internal notes
// on one application, then History and Notes of the detail pane, and the note dialog.
void shootOfficerText(ui::MainWindow& window, ScriptedPrompter& prompter, const QString& out, const QString& suffix,
                      bool chinese)
{
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    auto* model = qobject_cast<views::QueueModel*>(table->model());
    ui::DetailPane* pane = window.detailPane();
    table->setCurrentIndex(model->index(3, 0));
    const QString id = model->applicationIdAt(3);
    waitFor([&] { return pane->detail() && pane->detail()->application.id == id; }, 20000, "the detail pane");
    prompter.requestInfo = [chinese](const ui::DecisionContext& c) -> std::optional<sync::DecisionRequest> {
        sync::DecisionRequest r;
        r.applicationId = c.applicationId;
        r.outcome = QStringLiteral("request_info");
        r.reasonCode = QStringLiteral("documents_missing");
        r.note = chinese ? QStringLiteral("请携带房产证原件和户口簿到学校招生办核验。")
                         : QStringLiteral("Please bring the original property certificate and the household "
                                          "register to the school's admissions office.");
        r.dueDate = QDate::currentDate().addDays(7);
        return r;
    };
    window.findChild<QAction*>(QStringLiteral("requestInfoAction"))->trigger();
    waitFor([&] { return pane->detail() && pane->detail()->decision; }, 20000, "the request in the detail");
    const QStringList notes =
        chinese ? QStringList{QStringLiteral("父亲来电：房产证在银行抵押，下周一带抵押合同来。"),
                              QStringLiteral("已电话告知需补交的材料。")}
                : QStringList{QStringLiteral("Father phoned: the certificate is with the bank (mortgage); he will "
                                             "bring the mortgage contract on Monday."),
                              QStringLiteral("Told the family by phone what to bring.")};
    for (const QString& n : notes) {
        const qsizetype before = pane->detail() ? pane->detail()->notes.size() : 0;
        prompter.noteText = n;
        window.findChild<QAction*>(QStringLiteral("addNoteAction"))->trigger();
        waitFor([&] { return pane->detail() && pane->detail()->notes.size() > before; }, 20000, "the note");
    }
    pane->verticalScrollBar()->setValue(0);
    save(pane, out + QStringLiteral("/detail_decision") + suffix);
    if (QWidget* history = pane->findChild<QWidget*>(QStringLiteral("historyList"))) {
        pane->verticalScrollBar()->setValue(pane->verticalScrollBar()->maximum());
        pane->ensureWidgetVisible(history, 0, 40);
    }
    save(pane, out + QStringLiteral("/detail_history_notes") + suffix);
    ui::NoteDialog dialog(id, &window);
    dialog.show();
    save(&dialog, out + QStringLiteral("/note_dialog") + suffix);
}

void shoot(const Desk& desk, const QString& out, const QString& language)
{
    i18n::installTranslations(*qApp, language);
    QLocale::setDefault(
        QLocale(language == QLatin1String("zh_CN") ? QStringLiteral("zh_CN") : QStringLiteral("en_GB")));
    const QString suffix = QStringLiteral("_%1.png").arg(language);
    shootFirstRun(desk, out, suffix);
    ScriptedPrompter prompter;
    auto ws = store::Workspace::unlock(desk.dataDir, desk.user, desk.passphrase);
    if (!ws)
        qFatal("%s", qPrintable(ws.error().message));
    std::unique_ptr<views::Session> session = sessionFor(std::move(*ws), desk.hubPassword);
    views::Session* live = session.get();
    bool synced = !live->canSync();
    QObject::connect(live, &views::Session::syncFinished, live, [&synced](bool, const QString&) { synced = true; });
    ui::MainWindow window(
        std::move(session),
        [](std::unique_ptr<store::Workspace> w) -> std::unique_ptr<views::Session> {
            return std::make_unique<views::LocalSession>(std::move(w));
        },
        &prompter);
    if (!synced)
        live->syncNow();
    waitFor([&] { return synced; }, 120000, "the sync");
    window.resize(1600, 960);
    window.show();
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    auto* model = qobject_cast<views::QueueModel*>(table->model());
    auto* binList = window.findChild<QTreeView*>(QStringLiteral("binList"));
    waitFor([&] { return !model->isCounting(); }, 20000, "the queue counts");
    // The Flagged bin: applications with something to look at.
    binList->setCurrentIndex(binList->model()->index(int(views::Bin::Flagged), 0));
    waitFor([&] { return !model->isCounting() && model->rowCount() > 0; }, 20000, "the flagged queue");
    table->setCurrentIndex(model->index(2, 0));
    waitFor([&] { return window.detailPane()->detail() != nullptr; }, 20000, "the detail pane");
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
    shootOfficerText(window, prompter, out, suffix, language == QLatin1String("zh_CN"));
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
    QStringList args = app.arguments();
    if (args.size() < 2) {
        qWarning("usage: ui_screenshots OUT_DIR [APPLICATIONS] | OUT_DIR --data-dir DIR --user NAME");
        return 2;
    }
    const QString out = args.at(1);
    QDir().mkpath(out);
    Desk desk;
    QTemporaryDir dir;
    if (const qsizetype at = args.indexOf(QStringLiteral("--data-dir")); at > 0 && at + 1 < args.size()) {
        const qsizetype userAt = args.indexOf(QStringLiteral("--user"));
        desk.dataDir = args.at(at + 1);
        desk.user = userAt > 0 && userAt + 1 < args.size() ? args.at(userAt + 1) : QString();
        desk.passphrase = qEnvironmentVariable("ADMISSIONS_PASSPHRASE");
        desk.hubPassword = qEnvironmentVariable("ADMISSIONS_HUB_PASSWORD");
    } else {
        QStandardPaths::setTestModeEnabled(true);
        const int applications = args.size() > 2 ? args.at(2).toInt() : 3000;
        if (!testsupport::makeCityWorkspace(dir.path(), applications))
            return 1; // the warning says why
        desk = Desk{dir.path(), testsupport::kReviewer, testsupport::kPassphrase, {}};
    }
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")})
        shoot(desk, out, language);
    return 0;
}
