#include "CityFixture.h"
#include "DetailPane.h"
#include "MainWindow.h"
#include "ResultCheck.h"
#include "ScriptedPrompter.h"
#include "UnlockDialog.h"
#include "security/Permissions.h"
#include "store/SchoolSettingsStore.h"
#include "store/Sql.h"
#include "store/Workspace.h"
#include "sync/DecisionWorkflow.h"
#include "sync/Outbox.h"
#include "views/BinCountsModel.h"
#include "views/DecisionService.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"
#include "views/QueueModel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace adm;

// The window offers each role its work (issue 11), driven offscreen on the real widgets over a real
// cache: a role that may not decide has no decision action, shortcut, menu or button, its window
// says it reads only, A does nothing and nothing reaches the outbox; the workflow called directly
// refuses it. The title and the status bar name the user and the role.
class TestRolesWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void offeredByRole_data();
    void offeredByRole();
    void unlockingAsAnotherRoleChangesWhatIsOffered();
    void lockWhileADecisionIsAskedTakesTheKeysAway();
    void conflictIsShownToAClerkWithoutDecisionButtons();

private:
    struct Open {
        std::unique_ptr<ui::MainWindow> window;
        store::Workspace* workspace = nullptr; // owned by the window's session
        views::Session* session = nullptr;
        QTableView* table = nullptr;
        QString error;
    };
    Open open(const QString& user, ScriptedPrompter& prompter);
    Status setPrincipalDecides(bool on);
    // Rows of the outbox (every item ever queued), or only those waiting to be sent.
    static qint64 outboxCount(store::Workspace& ws, bool pendingOnly = false);

    QTemporaryDir m_dir;
};

namespace {
const QString kClerk = QStringLiteral("wang.lei");
const QString kPrincipal = QStringLiteral("chen.jing");
const QString kSupervisor = QStringLiteral("zhao.min");
const QString kOtherPassphrase = QStringLiteral("another passphrase 2");

QString passphraseOf(const QString& user)
{
    return user == testsupport::kReviewer ? testsupport::kPassphrase : kOtherPassphrase;
}

// Every action of the window whose shortcut is one of the decision keys.
QStringList decisionShortcuts(QWidget* window)
{
    const QList<QKeySequence> keys = {QKeySequence(Qt::Key_A), QKeySequence(Qt::Key_R), QKeySequence(Qt::Key_I),
                                      QKeySequence(QKeySequence::Undo)};
    QStringList found;
    for (QAction* a : window->findChildren<QAction*>())
        if (keys.contains(a->shortcut()))
            found << a->objectName();
    return found;
}

QStringList menuTitles(ui::MainWindow* window)
{
    QStringList titles;
    for (QAction* a : window->menuBar()->actions())
        titles << a->text();
    return titles;
}
} // namespace

void TestRolesWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    auto ws = testsupport::makeCityWorkspace(m_dir.path(), 300);
    QVERIFY(ws);
    for (const auto& [user, role] : {std::pair{kClerk, role::Clerk}, std::pair{kPrincipal, role::Principal},
                                     std::pair{kSupervisor, role::Supervisor}})
        QVERIFY_OK(ws->addUser(user, role, security::SecretBytes(kOtherPassphrase), false));
}

Status TestRolesWindow::setPrincipalDecides(bool on)
{
    auto admin = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    if (!admin)
        return admin.error();
    store::Workspace& ws = **admin;
    auto schools = store::SchoolSettingsStore::schoolIds(ws.database().writer(), 1000);
    if (!schools)
        return schools.error();
    for (const QString& school : *schools)
        if (Status s = store::SchoolSettingsStore::setPrincipalDecides(ws.database().writer(), ws.audit(), ws.user(),
                                                                       school, on);
            !s)
            return s;
    return {};
}

qint64 TestRolesWindow::outboxCount(store::Workspace& ws, bool pendingOnly)
{
    auto n = ws.database().writer().scalar(pendingOnly
                                               ? QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")
                                               : QStringLiteral("SELECT count(*) FROM outbox"));
    return n ? n->toLongLong() : -1;
}

TestRolesWindow::Open TestRolesWindow::open(const QString& user, ScriptedPrompter& prompter)
{
    Open o;
    auto ws = store::Workspace::unlock(m_dir.path(), user, security::SecretBytes(passphraseOf(user)));
    if (!ws) {
        o.error = QStringLiteral("unlock failed: ") + ws.error().message;
        return o;
    }
    o.workspace = ws->get();
    auto session = std::make_unique<views::LocalSession>(std::move(*ws));
    o.session = session.get();
    o.window = std::make_unique<ui::MainWindow>(
        std::move(session),
        [](views::OpenCache cache) -> std::unique_ptr<views::Session> {
            return std::make_unique<views::LocalSession>(cache.take());
        },
        &prompter);
    o.window->show();
    QApplication::setActiveWindow(o.window.get());
    if (!QTest::qWaitForWindowActive(o.window.get()))
        o.error = QStringLiteral("the window did not become active");
    o.table = o.window->findChild<QTableView*>(QStringLiteral("queueTable"));
    auto* model = o.table ? qobject_cast<views::QueueModel*>(o.table->model()) : nullptr;
    if (!model) {
        o.error = QStringLiteral("no queue table with a queue model");
        return o;
    }
    // Every role reads the queues.
    if (!QTest::qWaitFor([&] { return !model->isCounting() && model->rowCount() > 0; }, 10000))
        o.error = QStringLiteral("the queue was not counted");
    o.table->setFocus();
    return o;
}

void TestRolesWindow::offeredByRole_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("schoolAllows");
    QTest::addColumn<bool>("decides");
    QTest::newRow("clerk") << kClerk << false << false;
    QTest::newRow("reviewer") << testsupport::kReviewer << false << true;
    QTest::newRow("principal") << kPrincipal << false << false;
    QTest::newRow("principal, school allows") << kPrincipal << true << true;
    QTest::newRow("supervisor") << kSupervisor << false << false;
    QTest::newRow("clerk, school allows principals") << kClerk << true << false;
}

void TestRolesWindow::offeredByRole()
{
    QFETCH(QString, user);
    QFETCH(bool, schoolAllows);
    QFETCH(bool, decides);
    QVERIFY_OK(setPrincipalDecides(schoolAllows));
    ScriptedPrompter prompter;
    prompter.requestInfo = [](const ui::DecisionContext& c) -> std::optional<sync::DecisionRequest> {
        sync::DecisionRequest r;
        r.applicationId = c.applicationId;
        r.outcome = QStringLiteral("request_info");
        r.note = QStringLiteral("bring the rental contract");
        return r;
    };
    Open o = open(user, prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    const QString role = o.workspace->role();
    ui::DetailPane* pane = o.window->detailPane();
    QTRY_VERIFY(pane->detail() != nullptr); // every role reads the detail
    // The principal's rights come from the cache a moment after the window opens.
    if (decides)
        QTRY_VERIFY(o.window->findChild<QAction*>(QStringLiteral("approveAction")) != nullptr);

    // Who is signed in, in the title and in the status bar.
    QCOMPARE(o.window->windowTitle(),
             QStringLiteral("Admissions Workstation — %1 (%2)").arg(user, role::displayName(role)));
    auto* userLabel = o.window->findChild<QLabel*>(QStringLiteral("userLabel"));
    QVERIFY(userLabel && userLabel->text().contains(role::displayName(role)) && userLabel->text().contains(user));

    // What is offered.
    for (const char* name : {"approveAction", "rejectAction", "requestInfoAction", "undoAction"})
        QCOMPARE(o.window->findChild<QAction*>(QLatin1String(name)) != nullptr, decides);
    QCOMPARE(decisionShortcuts(o.window.get()).size(), decides ? 4 : 0);
    QCOMPARE(menuTitles(o.window.get()).contains(QStringLiteral("&Decision")), decides);
    QVERIFY(menuTitles(o.window.get()).contains(QStringLiteral("&Queue")));
    QCOMPARE(pane->decisionsOffered(), decides);
    auto* readOnly = o.window->findChild<QLabel*>(QStringLiteral("readOnlyLabel"));
    QVERIFY(readOnly);
    QCOMPARE(readOnly->isVisible(), !decides);
    if (!decides)
        QVERIFY2(readOnly->text().startsWith(QStringLiteral("Read only")), qPrintable(readOnly->text()));

    const qint64 before = outboxCount(*o.workspace);
    const QString shown = pane->detail()->application.id;
    if (decides) {
        const qint64 pending = outboxCount(*o.workspace, true);
        o.window->statusBar()->clearMessage();
        QTest::keyClick(o.table, Qt::Key_I);
        QTRY_COMPARE(outboxCount(*o.workspace, true), pending + 1);
        QVERIFY(prompter.asked.contains(QStringLiteral("request_info ") + shown));
        // The window has heard back (its sentence in the status bar): the decision is its to take back.
        QTRY_VERIFY(!o.window->statusBar()->currentMessage().isEmpty());
        QTest::keyClick(o.table, Qt::Key_Z, Qt::ControlModifier); // taken back: dropped, no longer pending
        QTRY_COMPARE(outboxCount(*o.workspace, true), pending);
        return;
    }
    // Refused: the keys ask nothing and write nothing (the key events are handled before keyClick returns).
    for (Qt::Key key : {Qt::Key_A, Qt::Key_R, Qt::Key_I})
        QTest::keyClick(o.table, key);
    QTest::keyClick(o.table, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY2(prompter.asked.isEmpty(), qPrintable(prompter.asked.join(u',')));
    QCOMPARE(outboxCount(*o.workspace), before);
    // And the workflow itself, called directly, refuses with the sentence saying who may.
    views::DecisionService service(*o.session);
    sync::DecisionRequest request;
    request.applicationId = shown;
    request.outcome = QStringLiteral("request_info");
    request.note = QStringLiteral("bring the rental contract");
    std::optional<Result<sync::OutboxItem>> answer;
    service.decide(request, this, [&answer](Result<sync::OutboxItem> r) { answer.emplace(std::move(r)); });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!answer->ok());
    QCOMPARE(answer->error().code, security::kRoleNotAllowed);
    QVERIFY2(answer->error().message.contains(QStringLiteral("Only an admissions officer (reviewer) may")),
             qPrintable(answer->error().message));
    QCOMPARE(outboxCount(*o.workspace), before);
}

void TestRolesWindow::unlockingAsAnotherRoleChangesWhatIsOffered()
{
    QVERIFY_OK(setPrincipalDecides(false));
    ScriptedPrompter prompter;
    Open o = open(testsupport::kReviewer, prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QVERIFY(o.window->findChild<QAction*>(QStringLiteral("approveAction")));
    o.window->lock();
    o.workspace = nullptr; // closed with the session
    // Locked: no keys, no name in the title.
    QVERIFY(!o.window->findChild<QAction*>(QStringLiteral("approveAction")));
    QCOMPARE(o.window->windowTitle(), QStringLiteral("Admissions Workstation"));

    ui::UnlockDialog* unlock = nullptr;
    QTRY_VERIFY((unlock = o.window->findChild<ui::UnlockDialog*>()) && unlock->isVisible());
    auto* users = unlock->findChild<QComboBox*>(QStringLiteral("userCombo"));
    QVERIFY(users);
    const int clerkAt = users->findData(kClerk) >= 0 ? users->findData(kClerk) : users->findText(kClerk);
    QVERIFY(clerkAt >= 0);
    users->setCurrentIndex(clerkAt);
    QTest::keyClicks(unlock->findChild<QLineEdit*>(QStringLiteral("passphraseEdit")), kOtherPassphrase);
    QSignalSpy unlocked(o.window.get(), &ui::MainWindow::unlocked);
    QTest::mouseClick(unlock->findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
    QTRY_COMPARE(unlocked.count(), 1);
    QVERIFY(!o.window->findChild<QAction*>(QStringLiteral("approveAction")));
    QVERIFY(decisionShortcuts(o.window.get()).isEmpty());
    QCOMPARE(o.window->windowTitle(),
             QStringLiteral("Admissions Workstation — %1 (%2)").arg(kClerk, role::displayName(role::Clerk)));
    QVERIFY(o.window->findChild<QLabel*>(QStringLiteral("readOnlyLabel"))->isVisible());
}

// The idle lock can come while a decision dialog is open, that is while the A action is still being
// handled: the keys go (the next user may not decide) without pulling the action from under itself.
void TestRolesWindow::lockWhileADecisionIsAskedTakesTheKeysAway()
{
    QVERIFY_OK(setPrincipalDecides(false));
    ScriptedPrompter prompter;
    Open o = open(testsupport::kReviewer, prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QTRY_VERIFY(o.window->detailPane()->detail() != nullptr);
    const qint64 before = outboxCount(*o.workspace);
    ui::MainWindow* window = o.window.get();
    prompter.approve = [window](const ui::DecisionContext&) -> std::optional<sync::DecisionRequest> {
        window->lock(); // as the idle lock would, from inside the dialog's event loop
        return std::nullopt;
    };
    QSignalSpy locked(window, &ui::MainWindow::locked);
    QTest::keyClick(o.table, Qt::Key_A);
    QCOMPARE(locked.count(), 1);
    QVERIFY(window->isLocked());
    o.workspace = nullptr; // closed with the session
    QVERIFY(!window->findChild<QAction*>(QStringLiteral("approveAction")));
    QVERIFY(decisionShortcuts(window).isEmpty());
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    QVERIFY(ws.ok());
    QCOMPARE(outboxCount(**ws), before);
}

// A decision of this workstation that the hub refused, seen by a clerk: shown (what was decided and
// what the hub said), but with no button to drop it and no "press A, R or I" (issue 11).
void TestRolesWindow::conflictIsShownToAClerkWithoutDecisionButtons()
{
    QString id;
    qint64 itemId = 0;
    {
        auto admin = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
        QVERIFY_OK(admin);
        store::Connection& writer = (*admin)->database().writer();
        auto q = writer.prepare(QStringLiteral("SELECT id FROM applications WHERE status = 'submitted' ORDER BY id"));
        QVERIFY(q.ok() && q->step());
        id = q->text(0);
        sync::DecisionWorkflow workflow(writer, (*admin)->audit(), (*admin)->user(), (*admin)->role(), QString());
        sync::DecisionRequest request;
        request.applicationId = id;
        request.outcome = QStringLiteral("reject");
        request.reasonCode = QStringLiteral("not_in_zone");
        auto item = workflow.decide(request);
        QVERIFY_OK(item);
        itemId = item->id;
        sync::Outbox outbox(writer);
        QVERIFY_OK(outbox.markAttempt({item->id}));
        QVERIFY_OK(outbox.record({{item->id, sync::ItemResult{item->idempotencyKey, QStringLiteral("conflict"), id, 5,
                                                              QStringLiteral("version_mismatch"),
                                                              QStringLiteral("the application changed")}}}));
    }
    ScriptedPrompter prompter;
    Open o = open(kClerk, prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    auto* binList = o.window->findChild<QTreeView*>(QStringLiteral("binList"));
    auto* bins = qobject_cast<views::BinCountsModel*>(binList->model());
    QTRY_COMPARE(bins->countOf(views::Bin::Conflicts), qint64(1));
    const QRect rect = binList->visualRect(bins->index(int(views::Bin::Conflicts), 0));
    QTest::mouseClick(binList->viewport(), Qt::LeftButton, {}, rect.center());
    auto* model = qobject_cast<views::QueueModel*>(o.table->model());
    QTRY_VERIFY(model->query().bin == views::Bin::Conflicts && !model->isCounting() && model->rowCount() == 1);
    QTRY_COMPARE(model->applicationIdAt(0), id);
    QTRY_VERIFY(o.window->detailPane()->detail() && o.window->detailPane()->detail()->application.id == id);
    QTRY_VERIFY(o.window->findChild<QLabel*>(QStringLiteral("conflictMine")) != nullptr);
    QVERIFY(o.window->findChild<QLabel*>(QStringLiteral("conflictMine"))->text().contains(QStringLiteral("Reject")));
    QVERIFY(!o.window->findChild<QPushButton*>(QStringLiteral("dropButton")));
    for (QLabel* l : o.window->findChildren<QLabel*>())
        QVERIFY2(!l->text().contains(QStringLiteral("Press A, R or I")), qPrintable(l->text()));
    o.window.reset();
    o.workspace = nullptr;
    // The reviewer gives it up, for the tests after this one.
    auto admin = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    QVERIFY_OK(admin);
    sync::DecisionWorkflow workflow((*admin)->database().writer(), (*admin)->audit(), (*admin)->user(),
                                    (*admin)->role(), QString());
    QVERIFY_OK(workflow.drop(itemId));
}

QTEST_MAIN(TestRolesWindow)
#include "tst_roleswindow.moc"
