// ui_screenshots: saves a PNG of each main screen of the workstation, in English and in Chinese,
// so that people can look at what a reviewer sees (docs/screenshots/). scripts/screenshots.sh runs
// it against a workstation synced with the sandbox hub, under Xvfb.
//
//   ui_screenshots OUT_DIR --data-dir DIR --user NAME   a synced workstation; the passphrase from
//                                                      $ADMISSIONS_PASSPHRASE, the hub password
//                                                      from $ADMISSIONS_HUB_PASSWORD
//   ui_screenshots OUT_DIR [APPLICATIONS]              a generated city, no hub
//   --size WxH                                         the main window's size (default 1600x960)
//   --counter-only                                     only the counter window (issue 13)
//   --signoff-only                                     only the sign-off window (issue 14), a generated
//                                                      city, at 1920x1080 and 1366x768
//   --supervision-only                                 only the supervision dashboard (issue 16), a generated
//                                                      city with officers' decisions, at 1920x1080 and 1366x768
#include "BatchApproveDialog.h"
#include "CityFixture.h"
#include "CounterForm.h"
#include "CounterWindow.h"
#include "DecisionController.h"
#include "DecisionDialog.h"
#include "DetailPane.h"
#include "DraftKeeper.h"
#include "ExportDialog.h"
#include "FirstRunWizard.h"
#include "HubSignInDialog.h"
#include "MainWindow.h"
#include "NoteDialog.h"
#include "RevealDialog.h"
#include "ScriptedPrompter.h"
#include "SettingsDialog.h"
#include "ShortcutsDialog.h"
#include "SignOffPrompter.h"
#include "SignOffWindow.h"
#include "StatusStrip.h"
#include "SupervisionDesk.h"
#include "SupervisionWindow.h"
#include "domain/JsonCodec.h"
#include "i18n/Translations.h"
#include "security/Roles.h"
#include "store/Sql.h"
#include "sync/Enrolment.h"
#include "sync/SyncState.h"
#include "views/BatchApproval.h"
#include "views/BinCountsModel.h"
#include "views/LocalSession.h"
#include "views/QueueModel.h"
#include "views/QueueReader.h"
#include "views/SyncedSession.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <algorithm>

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

// Saves the question a modal call is about to show (a QMessageBox of DialogPrompter), then closes it
// with its escape answer.
void saveNextModal(const QString& path)
{
    QTimer::singleShot(300, qApp, [path] {
        QWidget* w = QApplication::activeModalWidget();
        if (!w) {
            qWarning("no question to save as %s", qPrintable(path));
            return;
        }
        if (!w->grab().save(path))
            qWarning("cannot write %s", qPrintable(path));
        else
            qInfo("wrote %s", qPrintable(path));
        w->close();
    });
}

// "Discard what you typed?" (Esc in a decision dialog with a note) and "Go on with your draft?"
// (after unlocking, or starting after a crash), as the real dialogs show them.
void shootDraftQuestions(QWidget* window, const ui::DecisionContext& context, const QString& out, const QString& suffix)
{
    ui::DecisionDialog info(ui::DecisionDialog::Kind::RequestInfo, context, window);
    info.show();
    if (auto* note = info.findChild<QPlainTextEdit*>(QStringLiteral("noteEdit")))
        note->setPlainText(QCoreApplication::translate("main", "The lease of the flat, signed by both parents"));
    saveNextModal(out + QStringLiteral("/discard_question") + suffix);
    info.reject(); // asks; the escape answer keeps editing
    info.done(QDialog::Rejected);

    views::DecisionDraft draft;
    draft.kind = QStringLiteral("request_info");
    draft.applicationId = context.applicationId;
    ui::DialogPrompter prompter;
    const ui::DraftKeeper::Question q = ui::DraftKeeper::offerQuestion(draft, true);
    saveNextModal(out + QStringLiteral("/draft_offer") + suffix);
    (void)prompter.choose(window, q.title, q.text, q.answers, q.escape);
}
QSize g_windowSize(1600, 960);
bool g_counterOnly = false;
bool g_signOffOnly = false;
bool g_supervisionOnly = false;
const QString kScreenPrincipal = QStringLiteral("wang.xiaozhang");
const QString kScreenPrincipalPassphrase = QStringLiteral("principal passphrase 3");

// The sign-off window (issue 14) of a principal with a draft's review in view: seats, the overrides (one
// marked seen), at 1920x1080 (signoff_<lang>.png) and 1366x768 (signoff_1366_<lang>.png).
void shootSignOff(const QString& dataDir, const QString& out, const QString& suffix)
{
    auto ws = store::Workspace::unlock(dataDir, kScreenPrincipal, security::SecretBytes(kScreenPrincipalPassphrase));
    if (!ws)
        qFatal("%s", qPrintable(ws.error().message));
    views::LocalSession session(std::move(*ws));
    ScriptedPrompter prompter;
    ui::DialogSignOffPrompter signOffPrompter;
    {
        // A draft, made once (the second language finds it).
        ui::SignOffWindow window(session, prompter, signOffPrompter);
        waitFor([&] { return !window.overview().schoolId.isEmpty(); }, 20000, "the sign-off overview");
        if (window.overview().batches.isEmpty()) {
            views::SignOffService service(session);
            bool made = false;
            sync::BatchSelection selection;
            selection.title = QStringLiteral("2026 primary 1 — first round");
            selection.schoolId = window.overview().schoolId;
            QString batchId;
            service.createBatch(selection, &window, [&](Result<sync::BatchSummary> b) {
                made = true;
                if (b)
                    batchId = b->id;
            });
            waitFor([&] { return made; }, 20000, "the batch");
            waitFor([&] { return window.review() && window.review()->batch.id == batchId; }, 20000, "the review");
            const auto overrides = window.review()->overrides();
            if (!overrides.isEmpty()) {
                bool seen = false;
                service.markSeen(batchId, overrides.first().applicationId, &window, [&](Status) { seen = true; });
                waitFor([&] { return seen; }, 20000, "an override seen");
            }
        }
    }
    for (const QSize size : {QSize(1920, 1080), QSize(1366, 768)}) {
        ui::SignOffWindow window(session, prompter, signOffPrompter);
        window.resize(size);
        window.show();
        waitFor([&] { return window.review().has_value(); }, 20000, "the review");
        save(&window,
             out + (size.width() == 1920 ? QStringLiteral("/signoff") : QStringLiteral("/signoff_1366")) + suffix);
    }
    (void)session.close();
}

// The supervision dashboard (issue 16) of a supervisor, each tab, at 1920x1080 (supervision_<tab>_<lang>.png;
// the Progress tab as supervision_<lang>.png) and 1366x768 (supervision_1366_<tab>_<lang>.png), and its PDF
// report (supervision_report_<lang>.pdf in the temporary folder, to look at).
void shootSupervision(const QString& dataDir, const QString& out, const QString& suffix)
{
    auto ws = store::Workspace::unlock(dataDir, testsupport::kSupervisor,
                                       security::SecretBytes(testsupport::kSupervisorPassphrase));
    if (!ws)
        qFatal("%s", qPrintable(ws.error().message));
    views::LocalSession session(std::move(*ws));
    struct Files : ui::SupervisionPrompter {
        QString report;
        std::optional<QString> askTableFile(QWidget*, const QString&) override { return std::nullopt; }
        std::optional<QString> askReportFile(QWidget*, const QString&) override { return report; }
    } files;
    const QStringList tabs = {QStringLiteral("progress"), QStringLiteral("seats"), QStringLiteral("channels"),
                              QStringLiteral("quality"), QStringLiteral("reviewers")};
    for (const QSize size : {QSize(1920, 1080), QSize(1366, 768)}) {
        ui::SupervisionWindow window(session, files);
        window.resize(size.width(), size.height() - 28); // the title bar
        window.show();
        waitFor([&] { return window.shown() != nullptr; }, 20000, "the figures");
        const QString prefix =
            out + (size.width() == 1920 ? QStringLiteral("/supervision") : QStringLiteral("/supervision_1366"));
        auto* tabWidget = window.findChild<QTabWidget*>(QStringLiteral("supervisionTabs"));
        for (int i = 0; i < tabs.size(); ++i) {
            tabWidget->setCurrentIndex(i);
            if (QTableView* t = window.tableView(i == 4 ? QStringLiteral("reviewers") : QStringLiteral("school_seats")))
                t->setCurrentIndex(t->model()->index(0, 0));
            save(&window, i == 0 ? prefix + suffix : prefix + u'_' + tabs.at(i) + suffix);
        }
        if (size.width() == 1920) {
            // To look at, not for docs/: beside the other temporary files.
            files.report =
                QDir::temp().filePath(QStringLiteral("supervision_report") +
                                      QString(suffix).replace(QStringLiteral(".png"), QStringLiteral(".pdf")));
            bool done = false;
            QObject::connect(&window, &ui::SupervisionWindow::exported, &window,
                             [&](bool ok, const QString&, const QString& m) {
                                 done = true;
                                 if (!ok)
                                     qWarning("report: %s", qPrintable(m));
                             });
            window.writeReport();
            waitFor([&] { return done; }, 60000, "the report");
        }
        window.shutdown();
    }
    (void)session.close();
}

// The counter window (issue 13) with a half-typed walk-in application: the child of an application the
// cache holds (so the check panel shows it, prominently, before anything is saved), a guardian, the
// address and the category, one paper document; the lookup without a city platform says so.
void shootCounter(ui::MainWindow& window, views::Session& session, const QString& out, const QString& suffix)
{
    auto reader = session.readers()();
    if (!reader)
        return;
    auto q = (*reader)->prepare(QStringLiteral("SELECT data FROM applications WHERE grade = 'primary1' AND status = "
                                               "'submitted' AND claimed_category = 'A' ORDER BY id LIMIT 1"));
    if (!q || !q->step()) {
        qWarning("no application to type at the counter");
        return;
    }
    auto app = json::readApplication(QJsonDocument::fromJson(q->utf8(0)).object());
    reader->reset();
    if (!app || app->guardians.isEmpty())
        return;
    auto* action = window.findChild<QAction*>(QStringLiteral("newCounterAction"));
    if (!action) {
        qWarning("the user is not offered the counter");
        return;
    }
    action->trigger();
    ui::CounterWindow* counter = nullptr;
    waitFor([&] { return (counter = window.counterWindow()) && counter->isReady(); }, 20000, "the counter window");
    if (!counter)
        return;
    counter->resize(g_windowSize);
    auto edit = [counter](const char* name, const QString& text) {
        if (auto* w = counter->findChild<QLineEdit*>(QLatin1String(name))) {
            w->setFocus();
            w->setText(text);
        }
    };
    auto choose = [counter](const char* name, const QString& data) {
        if (auto* w = counter->findChild<QComboBox*>(QLatin1String(name)))
            w->setCurrentIndex(std::max(0, w->findData(data)));
    };
    choose("counterGrade", QStringLiteral("primary1"));
    choose("counterSchool", app->targetSchoolId);
    edit("childIdNumber", app->child.idNumber);
    edit("childName", app->child.name);
    const Guardian& g = app->guardians.first();
    edit("guardianIdNumber0", g.idNumber);
    edit("guardianName0", g.name);
    choose("guardianRelation0", g.relation);
    edit("guardianPhone0", g.phone.left(7));
    edit("claimedAddress", app->claimedAddress);
    choose("claimedCategory", app->claimedCategory);
    if (auto* box = counter->findChild<QCheckBox*>(QStringLiteral("evidence_household_register")))
        box->setChecked(true);
    edit("evidenceNote_household_register", QCoreApplication::translate("main", "Original seen, page 3"));
    if (auto* phone = counter->findChild<QLineEdit*>(QStringLiteral("guardianPhone0")))
        phone->setFocus(); // its problem shows once it is left
    if (auto* address = counter->findChild<QLineEdit*>(QStringLiteral("claimedAddress")))
        address->setFocus();
    if (auto* lookup = counter->findChild<QPushButton*>(QStringLiteral("childLookup")))
        lookup->click(); // no city platform here: the panel says so
    auto* known = counter->findChild<QLabel*>(QStringLiteral("counterKnown"));
    auto* category = counter->findChild<QLabel*>(QStringLiteral("counterCategory"));
    waitFor(
        [&] {
            return known && known->isVisible() && category &&
                   !category->text().startsWith(QStringLiteral("The check runs"));
        },
        10000, "the check panel");
    save(counter, out + QStringLiteral("/counter_form") + suffix);
    counter->form()->clear();
    counter->close();
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

    // Issue 11 point 5: a platform that takes the connection and says nothing; then the cancel.
    QTcpServer silent;
    if (!silent.listen(QHostAddress::LocalHost))
        return;
    sync::Enrolment stalled = *enrolment;
    stalled.hubUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(silent.serverPort()));
    ui::HubSignInDialog waiting(stalled, account);
    waiting.show();
    if (auto* edit = waiting.findChild<QLineEdit*>(QStringLiteral("hubPasswordEdit")))
        edit->setText(QStringLiteral("********"));
    if (auto* button = waiting.findChild<QPushButton*>(QStringLiteral("signInButton")))
        button->click();
    auto* cancel = waiting.findChild<QPushButton*>(QStringLiteral("cancelSignInButton"));
    waitFor([cancel] { return cancel && cancel->isVisible(); }, 5000, "the sign-in to wait");
    save(&waiting, out + QStringLiteral("/hub_sign_in_waiting") + suffix);
    if (auto* button = waiting.findChild<QPushButton*>(QStringLiteral("cancelSignInButton")))
        button->click();
    save(&waiting, out + QStringLiteral("/hub_sign_in_cancelled") + suffix);
}

// Issue 11 point 5 and issue 12: the status bar after "Work offline" (with its sign-in link) and
// while the platform does not answer.
void shootStatusBar(ui::MainWindow& window, const QString& out, const QString& suffix)
{
    auto* strip = window.findChild<ui::StatusStrip*>();
    if (!strip)
        return;
    strip->setSignInNeeded(true);
    save(window.statusBar(), out + QStringLiteral("/status_not_signed_in") + suffix);
    strip->setSignInNeeded(false);
    strip->setOnline(true, true);
    strip->setAnswering(false);
    window.statusBar()->showMessage(QCoreApplication::translate("Sync", "Receiving changes: %1 so far…").arg(4000));
    save(window.statusBar(), out + QStringLiteral("/status_not_answering") + suffix);
    strip->setAnswering(true);
    window.statusBar()->clearMessage();
}

// Issue 11 point 4: a related application opened from the pane, outside the rows of the queue.
void shootOutsideQueue(ui::MainWindow& window, const QString& out, const QString& suffix)
{
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    ui::DetailPane* pane = window.detailPane();
    for (int row = 0; table && row < std::min(60, table->model()->rowCount()); ++row) {
        table->setCurrentIndex(table->model()->index(row, 0));
        const QString id = table->model()->index(row, 0).data().toString();
        waitFor([&] { return pane->detail() && pane->detail()->application.id == id; }, 5000, "a detail");
        if (pane->findChildren<QPushButton*>(QStringLiteral("relatedLink")).isEmpty())
            continue;
        // The queue searched for this one alone: its related applications are not among the rows.
        auto* search = window.findChild<QLineEdit*>(QStringLiteral("searchField"));
        search->setText(id);
        QTest::keyClick(search, Qt::Key_Return);
        waitFor([&] { return table->model()->rowCount() == 1 && table->model()->index(0, 0).data().toString() == id; },
                5000, "the search");
        table->setCurrentIndex(table->model()->index(0, 0));
        waitFor([&] { return pane->detail() && pane->detail()->application.id == id; }, 5000, "the detail");
        const QList<QPushButton*> links = pane->findChildren<QPushButton*>(QStringLiteral("relatedLink"));
        if (links.isEmpty())
            return;
        links.first()->click();
        waitFor([&] { return pane->findChild<QWidget*>(QStringLiteral("outsideQueueBanner")) != nullptr; }, 5000,
                "an application outside the queue");
        pane->verticalScrollBar()->setValue(0);
        save(&window, out + QStringLiteral("/outside_queue") + suffix);
        // The queue as it was: the screens after this one (and the place kept at the lock, which the
        // next language's window opens in) need its rows.
        search->clear();
        QTest::keyClick(search, Qt::Key_Return);
        waitFor([&] { return table->model()->rowCount() > 3; }, 5000, "the queue without the search");
        return;
    }
    qWarning("no application with a related one among the first rows");
}

// Issue 12's keyboard: Help → Keyboard shortcuts, and the menu of a queue row.
void shootKeyboard(ui::MainWindow& window, const QString& out, const QString& suffix)
{
    if (auto* action = window.findChild<QAction*>(QStringLiteral("shortcutsAction")))
        action->trigger();
    if (auto* dialog = window.findChild<ui::ShortcutsDialog*>()) {
        save(dialog, out + QStringLiteral("/shortcuts") + suffix);
        dialog->close();
    }
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    if (!table || !table->model() || table->model()->rowCount() < 2)
        return;
    const QPoint at = table->visualRect(table->model()->index(1, 1)).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, table->viewport()->mapToGlobal(at));
    QApplication::sendEvent(table->viewport(), &event);
    if (auto* menu = window.findChild<QMenu*>(QStringLiteral("queueContextMenu"))) {
        save(menu, out + QStringLiteral("/queue_menu") + suffix);
        menu->close();
    }
}

// Batch approval of the first rows to review, and the export dialog of the view on screen.
void shootBatchAndExport(ui::MainWindow& window, views::Session& session, views::QueueModel& model, const QString& out,
                         const QString& suffix)
{
    auto reader = session.readers()();
    if (!reader)
        return;
    views::QueueQuery toReview;
    auto rows = views::QueueReader(**reader).firstRows(toReview, 40);
    QStringList ids;
    for (const views::QueueRow& r : rows ? *rows : QVector<views::QueueRow>())
        ids << r.applicationId;
    if (auto plan = views::BatchApproval::plan(**reader, ids)) {
        ui::BatchApproveDialog batch(*plan, &window);
        batch.show();
        save(&batch, out + QStringLiteral("/batch_approve") + suffix);
    }
    ui::ExportContext context;
    context.query = model.query();
    context.rows = model.count();
    context.heading = views::QueueExport::heading(context.query, {}, QDateTime::currentDateTime());
    context.folder = QStringLiteral("/home/officer/Documents");
    ui::ExportDialog exportDialog(context, &window);
    exportDialog.show();
    save(&exportDialog, out + QStringLiteral("/export") + suffix);
}

// The read-only windows of a counter clerk and of a bureau supervisor (issue 11): no Decision menu,
// no decision keys, "Read only" in the status bar. Their users are added to the desk once.
void shootRoles(const Desk& desk, const QString& out, const QString& suffix)
{
    const QList<std::pair<QString, QString>> users = {{QStringLiteral("wang.lei"), role::Clerk},
                                                      {QStringLiteral("zhao.min"), role::Supervisor}};
    auto known = store::Workspace::users(desk.dataDir);
    for (const auto& [user, role] : users) {
        const bool exists = known && std::any_of(known->begin(), known->end(),
                                                 [&](const security::LocalUser& u) { return u.name == user; });
        if (exists)
            continue;
        auto admin = store::Workspace::unlock(desk.dataDir, desk.user, desk.passphrase);
        if (!admin || !(*admin)->addUser(user, role, security::SecretBytes(desk.passphrase), false)) {
            qWarning("cannot add the %s user", qPrintable(role));
            return;
        }
    }
    for (const auto& [user, role] : users) {
        auto ws = store::Workspace::unlock(desk.dataDir, user, desk.passphrase);
        if (!ws)
            continue;
        ScriptedPrompter prompter;
        ui::MainWindow window(std::make_unique<views::LocalSession>(std::move(*ws)), {}, &prompter);
        window.resize(1600, 960);
        window.show();
        auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
        auto* model = qobject_cast<views::QueueModel*>(table->model());
        waitFor([&] { return !model->isCounting() && model->rowCount() > 0; }, 20000, "the queue");
        table->setCurrentIndex(model->index(1, 0));
        waitFor([&] { return window.detailPane()->detail() != nullptr; }, 20000, "the detail pane");
        save(&window, out + QStringLiteral("/main_%1").arg(role) + suffix);
    }
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
    if (g_signOffOnly) {
        shootSignOff(desk.dataDir, out, suffix);
        return;
    }
    if (g_supervisionOnly) {
        shootSupervision(desk.dataDir, out, suffix);
        return;
    }
    if (!g_counterOnly)
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
        [](views::OpenCache cache) -> std::unique_ptr<views::Session> {
            return std::make_unique<views::LocalSession>(cache.take());
        },
        &prompter);
    if (!synced)
        live->syncNow();
    waitFor([&] { return synced; }, 120000, "the sync");
    window.resize(g_windowSize);
    window.show();
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    auto* model = qobject_cast<views::QueueModel*>(table->model());
    auto* binList = window.findChild<QTreeView*>(QStringLiteral("binList"));
    waitFor([&] { return !model->isCounting(); }, 20000, "the queue counts");
    if (g_counterOnly) {
        shootCounter(window, *live, out, suffix);
        return;
    }
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
    const ui::DecisionContext context = ui::DecisionController::contextFor(*d);
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
    shootDraftQuestions(&window, context, out, suffix);
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
    shootKeyboard(window, out, suffix);
    shootOutsideQueue(window, out, suffix);
    shootBatchAndExport(window, *live, *model, out, suffix);
    shootOfficerText(window, prompter, out, suffix, language == QLatin1String("zh_CN"));
    shootStatusBar(window, out, suffix);
    shootCounter(window, *live, out, suffix);
    window.lock();
    QTest::qWait(300);
    save(&window, out + QStringLiteral("/locked") + suffix);
    if (auto* unlock = window.findChild<QDialog*>(QStringLiteral("unlockDialog")))
        save(unlock, out + QStringLiteral("/unlock") + suffix);
    shootRoles(desk, out, suffix); // the desk's cache is closed now (locked)
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
    if (const qsizetype at = args.indexOf(QStringLiteral("--size")); at > 0 && at + 1 < args.size()) {
        const QStringList wh = args.at(at + 1).split(u'x');
        if (wh.size() == 2)
            g_windowSize = QSize(wh.at(0).toInt(), wh.at(1).toInt());
        args.remove(at, 2);
    }
    if (const qsizetype at = args.indexOf(QStringLiteral("--counter-only")); at > 0) {
        g_counterOnly = true;
        args.remove(at);
    }
    if (const qsizetype at = args.indexOf(QStringLiteral("--signoff-only")); at > 0) {
        g_signOffOnly = true;
        args.remove(at);
    }
    if (const qsizetype at = args.indexOf(QStringLiteral("--supervision-only")); at > 0) {
        g_supervisionOnly = true;
        args.remove(at);
    }
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
        auto ws = testsupport::makeCityWorkspace(dir.path(), applications);
        if (!ws)
            return 1; // the warning says why
        if (g_signOffOnly && testsupport::addSignOffDesk(*ws, kScreenPrincipal, kScreenPrincipalPassphrase,
                                                         QStringLiteral("principal.s371102001"))
                                 .isEmpty())
            return 1;
        if (g_supervisionOnly) {
            const auto made = testsupport::addSupervisionDesk(*ws);
            if (!made.error.isEmpty()) {
                qWarning("supervision desk: %s", qPrintable(made.error));
                return 1;
            }
        }
        desk = Desk{dir.path(), testsupport::kReviewer, testsupport::kPassphrase, {}};
    }
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")})
        shoot(desk, out, language);
    return 0;
}
