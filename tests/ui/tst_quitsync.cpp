#include "DetailPane.h"
#include "HubFixture.h"
#include "MainWindow.h"
#include "QueuePane.h"
#include "ScriptedPrompter.h"
#include "store/Workspace.h"
#include "sync/Enrolment.h"
#include "sync/HubSignIn.h"
#include "views/ApplicationDetail.h"
#include "views/QueueModel.h"
#include "views/SessionStatus.h"
#include "views/SyncedSession.h"
#include "views/OpenCache.h"

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;

namespace {

constexpr int kNetworkMs = 20000;

// Approves in the category of the check, or the claimed one with the reason for it.
ScriptedPrompter::DecisionAnswer approveAsChecked()
{
    return [](const ui::DecisionContext& c) {
        sync::DecisionRequest r;
        r.applicationId = c.applicationId;
        r.outcome = QStringLiteral("approve");
        r.category = c.checkedCategory.isEmpty() || c.checkedCategory == QLatin1String("none") ? c.claimedCategory
                                                                                               : c.checkedCategory;
        if (r.category != c.checkedCategory)
            r.reasonCode = QStringLiteral("category_override");
        return r;
    };
}

} // namespace

// Quitting a workstation synced with the sandbox hub (in-process) with a decision in the outbox:
// "Sync first and quit" sends it and quits; when the sync fails, the window says so and quits; the
// decision waits in the outbox.
class TestQuitSync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void syncFirstSendsThenQuits();
    void syncFirstThatFailsSaysSoAndQuits();

private:
    struct Open {
        std::unique_ptr<QTemporaryDir> dir;
        std::unique_ptr<ui::MainWindow> window;
        SyncedSession* session = nullptr; // owned by the window
        std::unique_ptr<QSignalSpy> synced;
    };
    void open(Open& o, ScriptedPrompter& prompter);
    // Approves the first application of To review with A (the prompter answers the dialog).
    void approveFirst(Open& o);
    static qint64 outbox(Open& o);

    HubFixture m_hub;
    QString m_account;
    const QString m_user = QStringLiteral("liu.fang");
    const QString m_passphrase = QStringLiteral("desk passphrase 1");
};

void TestQuitSync::initTestCase()
{
    qputenv("ADMISSIONS_LANG", "en");
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setQuitOnLastWindowClosed(false);
    m_hub.options.liveRate = 0;
    QVERIFY(m_hub.start());
    m_account = m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001"));
    QVERIFY(!m_account.isEmpty());
}

void TestQuitSync::open(Open& o, ScriptedPrompter& prompter)
{
    o.dir = std::make_unique<QTemporaryDir>();
    auto ws = store::Workspace::initialise(o.dir->filePath(QStringLiteral("ws")), m_user, QStringLiteral("reviewer"),
                                           m_passphrase);
    QVERIFY2(ws, ws ? "" : qPrintable(ws.error().message));
    auto url = sync::Enrolment::parseHubUrl(m_hub.url());
    QVERIFY(url);
    auto ca = sync::Enrolment::readCaFile(m_hub.dataDir() + QStringLiteral("/ca.pem"));
    QVERIFY(ca);
    const sync::Enrolment enrolment =
        sync::hubsignin::prepare((*ws)->database().writer(), *url, *ca, QStringLiteral("Counter 1"));
    auto account = sync::hubsignin::signIn(enrolment, m_account, m_hub.password(m_account), sync::SyncOptions{});
    QVERIFY2(account, account ? "" : qPrintable(account.error().message));
    QVERIFY(sync::hubsignin::recordEnrolment(**ws, enrolment));
    QVERIFY(sync::hubsignin::recordSignIn(**ws, m_account));

    auto session = std::make_unique<SyncedSession>(std::move(*ws));
    session->setCredentials(m_account, m_hub.password(m_account));
    o.session = session.get();
    o.synced = std::make_unique<QSignalSpy>(o.session, &Session::syncFinished);
    o.window = std::make_unique<ui::MainWindow>(
        std::move(session),
        [](views::OpenCache cache) -> std::unique_ptr<Session> {
            return std::make_unique<SyncedSession>(cache.take());
        },
        &prompter);
    o.session->syncNow();
    o.window->show();
    QApplication::setActiveWindow(o.window.get());
    QVERIFY(QTest::qWaitForWindowActive(o.window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(o.synced->count(), 1, kNetworkMs);
    QVERIFY2(o.synced->first().at(0).toBool(), qPrintable(o.synced->first().at(1).toString()));
}

void TestQuitSync::approveFirst(Open& o)
{
    auto* table = o.window->findChild<QTableView*>(QStringLiteral("queueTable"));
    QTRY_VERIFY(qobject_cast<QueueModel*>(table->model()) &&
                !qobject_cast<QueueModel*>(table->model())->applicationIdAt(0).isEmpty());
    auto* model = qobject_cast<QueueModel*>(table->model());
    const QString id = model->applicationIdAt(0);
    table->setCurrentIndex(model->index(0, 0));
    QTRY_VERIFY(o.window->detailPane()->detail() && o.window->detailPane()->detail()->application.id == id);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A);
    QTRY_COMPARE(outbox(o), qint64(1));
}

qint64 TestQuitSync::outbox(Open& o)
{
    if (!o.session || o.window->isLocked())
        return -1;
    auto reader = o.session->readers()();
    if (!reader)
        return -1;
    auto s = SessionStatus::read(**reader);
    return s ? s->outbox : -1;
}

void TestQuitSync::syncFirstSendsThenQuits()
{
    ScriptedPrompter prompter;
    prompter.approve = approveAsChecked();
    Open o;
    open(o, prompter);
    if (QTest::currentTestFailed())
        return;
    approveFirst(o);
    if (QTest::currentTestFailed())
        return;

    prompter.choices = {0}; // "Sync first and quit"
    const int passes = int(o.synced->count());
    o.window->findChild<QAction*>(QStringLiteral("quitAction"))->trigger();
    QTRY_COMPARE(prompter.asked.count(QStringLiteral("choose Decisions not sent")), 1);
    QVERIFY2(prompter.questions.last().startsWith(QStringLiteral("1 decision")), qPrintable(prompter.questions.last()));
    QTRY_VERIFY_WITH_TIMEOUT(!o.window->isVisible(), kNetworkMs);
    QVERIFY(o.synced->count() > passes);
    QVERIFY2(o.synced->last().at(0).toBool(), qPrintable(o.synced->last().at(1).toString()));
    QCOMPARE(outbox(o), qint64(0)); // sent before the window went
    QVERIFY2(prompter.informed.isEmpty(), qPrintable(prompter.informed.join(u'\n')));
}

void TestQuitSync::syncFirstThatFailsSaysSoAndQuits()
{
    ScriptedPrompter prompter;
    prompter.approve = approveAsChecked();
    Open o;
    open(o, prompter);
    if (QTest::currentTestFailed())
        return;
    approveFirst(o);
    if (QTest::currentTestFailed())
        return;

    m_hub.stop(); // the platform does not answer any more
    prompter.choices = {0};
    o.window->findChild<QAction*>(QStringLiteral("quitAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!o.window->isVisible(), 3 * kNetworkMs);
    QCOMPARE(prompter.asked.count(QStringLiteral("choose Decisions not sent")), 1);
    QCOMPARE(prompter.informed.size(), 1);
    QVERIFY2(prompter.informed.first().contains(QStringLiteral("1 decision")), qPrintable(prompter.informed.first()));
    QCOMPARE(outbox(o), qint64(1)); // kept for the next sync
}

QTEST_MAIN(TestQuitSync)
#include "tst_quitsync.moc"
