#include "CityFixture.h"
#include "DetailPane.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "ScriptedPrompter.h"
#include "UnlockDialog.h"
#include "store/ChangeApplier.h"
#include "store/Workspace.h"
#include "sync/DecisionWorkflow.h"
#include "views/BinCountsModel.h"
#include "views/LocalSession.h"
#include "views/OpenCache.h"
#include "views/QueueModel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace adm;
using namespace adm::views;

// What an officer writes, driven through the real main window (offscreen) over a real SQLCipher
// cache: a decision's note and an information request's due date in History and in the summary;
// the "Information overdue" filter on a fixed day; internal notes with who and when, audited
// without their text, kept across a lock.
class TestOfficerText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void requestAndNotesShownInHistory();
    void overdueFilterListsExactlyTheOverdue();
    void internalNotesAreKeptAndAudited();

private:
    struct Open {
        std::unique_ptr<ui::MainWindow> window;
        store::Workspace* workspace = nullptr; // owned by the window's session
        Session* session = nullptr;
        QTableView* table = nullptr;
        QueueModel* model = nullptr;
        QString error;
    };
    Open open(ScriptedPrompter& prompter);
    // The platform's view of an application changes: a new version with this status and decision.
    Status upstream(Open& o, const QString& id, const QString& status, const QJsonObject& decision);
    // Shows one application in the detail pane and waits until it is there.
    bool show(Open& o, const QString& id);
    // The texts of the visible labels called `name` in the detail pane.
    static QStringList labels(Open& o, const QString& name);

    std::unique_ptr<QTemporaryDir> m_dir; // a new city for each test
};

void TestOfficerText::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestOfficerText::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(testsupport::makeCityWorkspace(m_dir->path(), 400));
}

TestOfficerText::Open TestOfficerText::open(ScriptedPrompter& prompter)
{
    Open o;
    auto ws = store::Workspace::unlock(m_dir->path(), testsupport::kReviewer, testsupport::kPassphrase);
    if (!ws) {
        o.error = QStringLiteral("unlock failed: ") + ws.error().message;
        return o;
    }
    o.workspace = ws->get();
    auto session = std::make_unique<LocalSession>(std::move(*ws));
    o.session = session.get();
    o.window = std::make_unique<ui::MainWindow>(
        std::move(session),
        [](views::OpenCache cache) -> std::unique_ptr<Session> {
            return std::make_unique<LocalSession>(cache.take());
        },
        &prompter);
    o.window->show();
    QApplication::setActiveWindow(o.window.get());
    if (!QTest::qWaitForWindowActive(o.window.get()))
        o.error = QStringLiteral("the window did not become active");
    o.table = o.window->findChild<QTableView*>(QStringLiteral("queueTable"));
    o.model = o.table ? qobject_cast<QueueModel*>(o.table->model()) : nullptr;
    if (!o.model) {
        o.error = QStringLiteral("no queue table with a queue model");
        return o;
    }
    if (!QTest::qWaitFor([&] { return !o.model->isCounting() && o.model->rowCount() > 20; }, 10000))
        o.error = QStringLiteral("the queue was not counted");
    o.table->setFocus();
    return o;
}

Status TestOfficerText::upstream(Open& o, const QString& id, const QString& status, const QJsonObject& decision)
{
    store::Connection& writer = o.workspace->database().writer();
    Change c;
    c.entity = entity::Application;
    c.op = QStringLiteral("upsert");
    c.id = id;
    {
        auto s = writer.prepare(QStringLiteral("SELECT version, data FROM applications WHERE id = ?"));
        if (!s)
            return s.error();
        s->bind(1, id);
        if (!s->step())
            return Error{QStringLiteral("test"), QStringLiteral("no application %1").arg(id)};
        c.version = s->int64(0) + 1;
        c.data = QJsonDocument::fromJson(s->utf8(1)).object();
    }
    c.data.insert(QStringLiteral("status"), status);
    c.data.insert(QStringLiteral("version"), c.version);
    c.data.insert(QStringLiteral("decision"), decision);
    auto applied = store::ChangeApplier(writer).apply({c});
    if (!applied)
        return applied.error();
    Q_EMIT o.session->cacheChanged();
    return {};
}

bool TestOfficerText::show(Open& o, const QString& id)
{
    Q_EMIT o.window->detailPane()->openApplication(id);
    return QTest::qWaitFor(
        [&] {
            const ui::DetailPane* pane = o.window->detailPane();
            return pane->detail() && pane->detail()->application.id == id && pane->applicationId() == id;
        },
        10000);
}

QStringList TestOfficerText::labels(Open& o, const QString& name)
{
    QStringList out;
    for (QLabel* l : o.window->detailPane()->findChildren<QLabel*>(name))
        out << l->text();
    return out;
}

namespace {

QJsonObject decision(const QString& outcome, const QString& reason, const QString& note, const QString& due)
{
    QJsonObject d{{QStringLiteral("outcome"), outcome},
                  {QStringLiteral("category"), QJsonValue()},
                  {QStringLiteral("reason_code"), reason.isEmpty() ? QJsonValue() : QJsonValue(reason)},
                  {QStringLiteral("note"), note},
                  {QStringLiteral("decided_by"), QStringLiteral("zhao.min")},
                  {QStringLiteral("decided_at"), QStringLiteral("2026-11-20T02:00:00Z")},
                  {QStringLiteral("batch_id"), QJsonValue()},
                  {QStringLiteral("signed"), false}};
    if (!due.isEmpty())
        d.insert(QStringLiteral("due_date"), due);
    return d;
}

bool anyContains(const QStringList& list, const QString& text)
{
    for (const QString& s : list)
        if (s.contains(text))
            return true;
    return false;
}

} // namespace

void TestOfficerText::requestAndNotesShownInHistory()
{
    ScriptedPrompter prompter;
    const QString needed = QStringLiteral("请携带房产证原件和户口簿到学校核验");
    const QDate due = QDate::currentDate().addDays(10);
    prompter.requestInfo = [&](const ui::DecisionContext& c) -> std::optional<sync::DecisionRequest> {
        sync::DecisionRequest r;
        r.applicationId = c.applicationId;
        r.outcome = QStringLiteral("request_info");
        r.reasonCode = QStringLiteral("documents_missing");
        r.note = needed;
        r.dueDate = due;
        return r;
    };
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QTRY_VERIFY(o.window->detailPane()->detail() != nullptr);
    const QString id = o.window->detailPane()->detail()->application.id;

    // An information request made here, with the I key.
    QTest::keyClick(o.table, Qt::Key_I);
    QVERIFY(prompter.asked.contains(QStringLiteral("request_info ") + id));
    // The request moves it to "Information requested" and the queue on to the next applicant; the
    // officer opens it again (as from that bin) to read what was asked.
    QTRY_VERIFY_WITH_TIMEOUT(testsupport::queueText(*o.model, 0, Column::Number) != id, 10000);
    QVERIFY(show(o, id));
    QTRY_VERIFY(anyContains(labels(o, QStringLiteral("historyFamilyText")), needed));
    QVERIFY(anyContains(labels(o, QStringLiteral("historyFamilyText")), QStringLiteral("Sent to the family")));
    QVERIFY(anyContains(labels(o, QStringLiteral("historyDueDate")), due.toString(Qt::ISODate)));
    // The summary says the same: what the family is told, by when.
    QVERIFY(anyContains(labels(o, QStringLiteral("decisionFamilyText")), needed));
    QVERIFY(anyContains(labels(o, QStringLiteral("decisionDueDate")), due.toString(Qt::ISODate)));
    QVERIFY(anyContains(labels(o, QStringLiteral("decisionValue")), QStringLiteral("decided here")));
    // The due date travels in the decision (the contract's optional extension).
    {
        auto q = o.workspace->database().writer().prepare(
            QStringLiteral("SELECT payload FROM outbox WHERE kind = 'decision' AND subject_id = ? AND state = "
                           "'pending'"));
        QVERIFY(q);
        q->bind(1, id);
        QVERIFY(q->step());
        const QJsonObject payload = QJsonDocument::fromJson(q->utf8(0)).object();
        QCOMPARE(payload.value(QStringLiteral("due_date")).toString(), due.toString(Qt::ISODate));
        QCOMPARE(payload.value(QStringLiteral("note")).toString(), needed);
    }

    // A rejection that came from the platform shows its note and its reason.
    const QString other = testsupport::queueText(*o.model, 5, Column::Number);
    QVERIFY(other != id);
    const QString told = QStringLiteral("家长已书面撤回申请");
    QVERIFY(upstream(o, other, QStringLiteral("rejected"),
                     decision(QStringLiteral("reject"), QStringLiteral("withdrawn_by_family"), told, QString()))
                .ok());
    // Rejected, it leaves this bin once the queue has read the change; opened only then, so that the
    // queue's refresh (which moves the selection on) does not come after it.
    QTRY_VERIFY_WITH_TIMEOUT(testsupport::queueText(*o.model, 5, Column::Number) != other, 10000);
    QVERIFY(show(o, other));
    QTRY_VERIFY(anyContains(labels(o, QStringLiteral("historyFamilyText")), told));
    QVERIFY(anyContains(labels(o, QStringLiteral("decisionValue")), QStringLiteral("Withdrawn by the family")));
    QVERIFY(anyContains(labels(o, QStringLiteral("decisionValue")), QStringLiteral("from the platform")));
    QVERIFY(labels(o, QStringLiteral("historyDueDate")).isEmpty()); // a rejection has no due date
}

void TestOfficerText::overdueFilterListsExactlyTheOverdue()
{
    ScriptedPrompter prompter;
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    // "Today" for the filter is fixed; the requests made here must be due after the real today.
    const QDate today = QDate::currentDate().addYears(1);
    auto* bar = o.window->findChild<ui::FilterBar*>(QStringLiteral("filterBar"));
    QVERIFY(bar);
    bar->setToday([today] { return today; });

    QStringList ids;
    for (int row = 10; ids.size() < 8; ++row)
        ids << testsupport::queueText(*o.model, row, Column::Number);
    const QString upOverdue = ids[0], upLater = ids[1], upThenApproved = ids[2], upAnsweredHere = ids[3];
    const QString hereOverdue = ids[4], hereLater = ids[5];
    auto request = [](const QDate& due) {
        return decision(QStringLiteral("request_info"), QString(), QStringLiteral("补交材料"),
                        due.toString(Qt::ISODate));
    };
    const QString info = QStringLiteral("info_requested");
    QVERIFY(upstream(o, upOverdue, info, request(today.addDays(-30))).ok());
    QVERIFY(upstream(o, upLater, info, request(today.addDays(30))).ok());
    QVERIFY(upstream(o, upThenApproved, info, request(today.addDays(-40))).ok());
    QVERIFY(upstream(o, upThenApproved, QStringLiteral("approved"),
                     decision(QStringLiteral("approve"), QString(), QString(), QString()))
                .ok());
    QVERIFY(upstream(o, upAnsweredHere, info, request(today.addDays(-20))).ok());
    QVERIFY(upstream(o, ids[6], info,
                     decision(QStringLiteral("request_info"), QString(), QStringLiteral("补交材料"),
                              QString())) // a platform that sends no due date
                .ok());

    store::Connection& writer = o.workspace->database().writer();
    sync::DecisionWorkflow workflow(writer, o.workspace->audit(), testsupport::kReviewer, o.workspace->role(), QString());
    auto decide = [&](const QString& id, const QString& outcome, const QDate& dueDate) {
        sync::DecisionRequest r;
        r.applicationId = id;
        r.outcome = outcome;
        r.note = QStringLiteral("请补交社保缴费证明");
        r.reasonCode = outcome == QLatin1String("approve") ? QStringLiteral("verified_on_paper") : QString();
        r.category = outcome == QLatin1String("approve") ? QStringLiteral("A") : QString();
        r.dueDate = dueDate;
        return workflow.decide(r);
    };
    // The due date of a request made here cannot be today or earlier.
    QCOMPARE(decide(hereOverdue, QStringLiteral("request_info"), QDate::currentDate()).error().code,
             QStringLiteral("bad_input"));
    QVERIFY(decide(hereOverdue, QStringLiteral("request_info"), today.addDays(-10)).ok());
    QVERIFY(decide(hereLater, QStringLiteral("request_info"), today.addDays(10)).ok());
    QVERIFY(decide(upAnsweredHere, QStringLiteral("approve"), QDate()).ok()); // answered: not overdue
    // A request of ours, overdue, then dropped before it was sent: the platform's own request (due
    // later) is the state again, so it is not overdue.
    const QString droppedHere = ids[7];
    QVERIFY(upstream(o, droppedHere, info, request(today.addDays(30))).ok());
    auto dropped = decide(droppedHere, QStringLiteral("request_info"), today.addDays(-5));
    QVERIFY(dropped.ok());
    QVERIFY(workflow.drop(dropped->id).ok());
    Q_EMIT o.session->cacheChanged();

    auto* binList = o.window->findChild<QTreeView*>(QStringLiteral("binList"));
    auto* bins = qobject_cast<BinCountsModel*>(binList->model());
    QTRY_VERIFY2(
        !bins->isCounting() && bins->countOf(Bin::InfoRequested) >= 6,
        qPrintable(
            QStringLiteral("counting %1, %2 requests").arg(bins->isCounting()).arg(bins->countOf(Bin::InfoRequested))));
    const qint64 allRequests = bins->countOf(Bin::InfoRequested);
    const QRect rect = binList->visualRect(bins->index(store::QueueRules::listedRow(Bin::InfoRequested), 0));
    QTest::mouseClick(binList->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY(o.model->query().bin == Bin::InfoRequested && !o.model->isCounting());
    QTRY_COMPARE(qint64(o.model->rowCount()), allRequests);

    auto* overdue = o.window->findChild<QCheckBox*>(QStringLiteral("overdueFilter"));
    QVERIFY(overdue);
    QTest::mouseClick(overdue, Qt::LeftButton);
    QVERIFY(overdue->isChecked());
    QTRY_VERIFY(o.model->query().filter.overdueOn == today && !o.model->isCounting());
    QTRY_COMPARE(o.model->rowCount(), 2);
    QStringList shown{testsupport::queueText(*o.model, 0, Column::Number),
                      testsupport::queueText(*o.model, 1, Column::Number)};
    shown.sort();
    QStringList expected{upOverdue, hereOverdue};
    expected.sort();
    QCOMPARE(shown, expected);
    // No other bin holds an overdue request (the approved one's old due date does not count).
    QTRY_VERIFY(!bins->isCounting() && bins->countOf(Bin::InfoRequested) == 2);
    QCOMPARE(bins->countOf(Bin::Approved), qint64(0));
    QCOMPARE(bins->countOf(Bin::ToReview), qint64(0));

    // 20 days later by the filter's clock, the request made here for 10 days on is overdue too.
    bar->setToday([today] { return today.addDays(20); });
    QTest::mouseClick(overdue, Qt::LeftButton);
    QTest::mouseClick(overdue, Qt::LeftButton);
    QTRY_VERIFY(o.model->query().filter.overdueOn == today.addDays(20) && !o.model->isCounting());
    QTRY_COMPARE(o.model->rowCount(), 3);

    QTest::mouseClick(overdue, Qt::LeftButton); // off again: every request
    QTRY_VERIFY(!o.model->query().filter.overdueOn.isValid() && !o.model->isCounting());
    QTRY_COMPARE(qint64(o.model->rowCount()), allRequests);
}

void TestOfficerText::internalNotesAreKeptAndAudited()
{
    ScriptedPrompter prompter;
    Open o = open(prompter);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QTRY_VERIFY(o.window->detailPane()->detail() != nullptr);
    const QString id = o.window->detailPane()->detail()->application.id;
    QVERIFY(o.window->detailPane()->findChild<QLabel*>(QStringLiteral("notesWhere")) != nullptr);
    QVERIFY(o.window->detailPane()
                ->findChild<QLabel*>(QStringLiteral("notesWhere"))
                ->text()
                .contains(QStringLiteral("Kept on this workstation only")));

    // Cancelled: nothing is written.
    QTest::keyClick(o.table, Qt::Key_N);
    QCOMPARE(prompter.asked.count(QStringLiteral("note ") + id), 1);
    QVERIFY(o.window->detailPane()->detail()->notes.isEmpty());

    const QString first = QStringLiteral("家长来电：下周一补交租赁备案");
    prompter.noteText = first;
    QTest::keyClick(o.table, Qt::Key_N);
    QTRY_COMPARE(labels(o, QStringLiteral("noteText")), QStringList{first});
    QCOMPARE(labels(o, QStringLiteral("noteAuthor")), QStringList{testsupport::kReviewer});
    const ApplicantNote note = o.window->detailPane()->detail()->notes.first();
    QCOMPARE(note.author, testsupport::kReviewer);
    QVERIFY(qAbs(note.at.secsTo(QDateTime::currentDateTimeUtc())) < 3600); // a real time, not a default

    const QString second = QStringLiteral("Saw the original contract at the counter.");
    prompter.noteText = second;
    auto* add = o.window->detailPane()->findChild<QPushButton*>(QStringLiteral("addNoteButton"));
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE(labels(o, QStringLiteral("noteText")), (QStringList{first, second}));

    // Audited with ids only: never the text.
    {
        auto q = o.workspace->database().writer().prepare(
            QStringLiteral("SELECT actor, subject FROM audit_log WHERE action = 'note.add' ORDER BY seq"));
        QVERIFY(q);
        int entries = 0;
        while (q->step()) {
            ++entries;
            QCOMPARE(q->text(0), testsupport::kReviewer);
            QVERIFY(q->text(1).startsWith(QStringLiteral("application=%1 note=").arg(id)));
            QVERIFY(!q->text(1).contains(QStringLiteral("租赁")) && !q->text(1).contains(QStringLiteral("contract")));
        }
        QCOMPARE(entries, 2);
    }

    // Lock, unlock: the notes are still there, with who and when.
    o.window->findChild<QAction*>(QStringLiteral("lockAction"))->trigger();
    QVERIFY(o.window->isLocked());
    o.workspace = nullptr;
    QVERIFY(o.window->detailPane()->detail() == nullptr);
    // The cache files on disk do not hold the text in the clear.
    QDirIterator files(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
    int read = 0;
    while (files.hasNext()) {
        const QString name = files.next();
        ++read;
        QFile f(name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains(first.toUtf8()) && !bytes.contains(second.toUtf8()), qPrintable(name));
    }
    QVERIFY(read > 0);
    ui::UnlockDialog* unlock = nullptr;
    QTRY_VERIFY((unlock = o.window->findChild<ui::UnlockDialog*>()) && unlock->isVisible());
    QTest::keyClicks(unlock->findChild<QLineEdit*>(QStringLiteral("passphraseEdit")), testsupport::kPassphrase);
    QSignalSpy unlocked(o.window.get(), &ui::MainWindow::unlocked);
    QTest::mouseClick(unlock->findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
    QTRY_COMPARE(unlocked.count(), 1);
    QVERIFY(show(o, id));
    QTRY_COMPARE(labels(o, QStringLiteral("noteText")), (QStringList{first, second}));
    QCOMPARE(labels(o, QStringLiteral("noteAuthor")), (QStringList{testsupport::kReviewer, testsupport::kReviewer}));
}

QTEST_MAIN(TestOfficerText)
#include "tst_officertext.moc"
