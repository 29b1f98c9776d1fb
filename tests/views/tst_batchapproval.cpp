#include "CityFixture.h"
#include "ResultCheck.h"
#include "security/AuditLog.h"
#include "store/Workspace.h"
#include "sync/Outbox.h"
#include "views/BatchApproval.h"
#include "views/DecisionService.h"
#include "views/LocalSession.h"

#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;

// Batch approval of clean cases on a generated city in a real SQLCipher cache: the clean ones of a
// mixed selection are approved, each with its own outbox item and audit entry, one can be taken
// back alone; a set that would go over a school's seats is refused whole and writes nothing.
class TestBatchApproval : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void mixedSelectionApprovesOnlyClean();
    void overCapacityRefusesAll();
    void clerkMayNotApprove();

private:
    // Applications of the cache by what the brief calls them, worked out here with plain SQL.
    struct Sample {
        QStringList clean, flagged, otherCategory, notEligible, decided;
    };
    Sample sample();
    Result<BatchOutcome> approve(const QStringList& ids, DecisionService* service = nullptr);
    qint64 count(const QString& sql);

    QTemporaryDir m_dir;
    std::unique_ptr<LocalSession> m_session;
    store::Workspace* m_ws = nullptr;
};

void TestBatchApproval::initTestCase()
{
    QVERIFY(testsupport::makeCityWorkspace(m_dir.path(), 800));
}

void TestBatchApproval::init()
{
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    QVERIFY_OK(ws);
    m_ws = ws->get();
    m_session = std::make_unique<LocalSession>(std::move(*ws));
}

void TestBatchApproval::cleanup()
{
    m_session.reset();
    m_ws = nullptr;
}

qint64 TestBatchApproval::count(const QString& sql)
{
    auto v = m_ws->database().writer().scalar(sql);
    return v ? v->toLongLong() : -1;
}

TestBatchApproval::Sample TestBatchApproval::sample()
{
    Sample s;
    auto q = m_ws->database().writer().prepare(QStringLiteral(
        "SELECT a.id, a.status, a.claimed_category, e.category, e.eligible, e.flag_mask, "
        "EXISTS (SELECT 1 FROM outbox o WHERE o.subject_id = a.id AND o.state IN ('pending', 'conflict', 'invalid')) "
        "FROM applications a JOIN eligibility_results e ON e.application_id = a.id ORDER BY a.id"));
    if (!q)
        return s;
    while (q->step()) {
        const QString id = q->text(0);
        const bool open = q->text(1) == QLatin1String("submitted") || q->text(1) == QLatin1String("under_review");
        if (!open || q->int64(6))
            s.decided << id;
        else if (!q->int64(4))
            s.notEligible << id;
        else if (q->int64(5))
            s.flagged << id;
        else if (q->text(2) != q->text(3))
            s.otherCategory << id;
        else
            s.clean << id;
    }
    return s;
}

Result<BatchOutcome> TestBatchApproval::approve(const QStringList& ids, DecisionService* service)
{
    DecisionService own(*m_session);
    std::optional<Result<BatchOutcome>> answer;
    (service ? service : &own)->approveBatch(ids, this, [&](Result<BatchOutcome> r) { answer.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
        return Error{QStringLiteral("timeout"), QStringLiteral("no answer")};
    return *answer;
}

void TestBatchApproval::mixedSelectionApprovesOnlyClean()
{
    const Sample s = sample();
    QVERIFY2(s.clean.size() >= 4 && !s.flagged.isEmpty() && !s.decided.isEmpty() && !s.notEligible.isEmpty(),
             qPrintable(QStringLiteral("clean %1 flagged %2 decided %3 not eligible %4")
                            .arg(s.clean.size())
                            .arg(s.flagged.size())
                            .arg(s.decided.size())
                            .arg(s.notEligible.size())));
    // Give the schools room: this test is about which ones, not about seats.
    QVERIFY_OK(m_ws->database().writer().exec(QStringLiteral("UPDATE schools SET capacity = 100000")));

    const QStringList clean = s.clean.mid(0, 4);
    QStringList selection = {clean[0], s.flagged[0], clean[1], s.decided[0], clean[2], s.notEligible[0], clean[3]};
    if (!s.otherCategory.isEmpty())
        selection << s.otherCategory[0];
    const qint64 outboxBefore = count(QStringLiteral("SELECT count(*) FROM outbox"));
    const qint64 lastItem = count(QStringLiteral("SELECT coalesce(max(id), 0) FROM outbox"));
    const qint64 auditBefore = count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'decision.make'"));

    // The plan the dialog shows, read on a reader connection.
    auto reader = m_ws->database().openReader();
    QVERIFY_OK(reader);
    auto plan = BatchApproval::plan(**reader, selection);
    QVERIFY_OK(plan);
    QCOMPARE(plan->clean, clean);
    QCOMPARE(plan->skipped.value(BatchSkip::Flagged), QStringList{s.flagged[0]});
    QCOMPARE(plan->skipped.value(BatchSkip::AlreadyDecided), QStringList{s.decided[0]});
    QCOMPARE(plan->skipped.value(BatchSkip::NotEligible), QStringList{s.notEligible[0]});
    QCOMPARE(plan->skippedCount(), int(selection.size() - clean.size()));
    QVERIFY(!plan->overCapacity());

    DecisionService service(*m_session);
    auto outcome = approve(selection, &service);
    QVERIFY_OK(outcome);
    QVERIFY2(outcome->stopped.code.isEmpty(), qPrintable(outcome->stopped.message));
    QCOMPARE(outcome->approved, clean);
    QCOMPARE(outcome->items.size(), 4);

    // One outbox item and one audit entry per approval.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outboxBefore + 4);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'decision.make'")), auditBefore + 4);
    sync::Outbox outbox(m_ws->database().writer());
    for (int i = 0; i < 4; ++i) {
        auto item = outbox.item(outcome->items.at(i));
        QVERIFY_OK(item);
        QVERIFY(item->has_value());
        QCOMPARE((*item)->subjectId, clean.at(i));
        QCOMPARE((*item)->payload.value(QStringLiteral("outcome")).toString(), QStringLiteral("approve"));
        QCOMPARE((*item)->state, sync::state::Pending);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'decision.make' AND "
                                      "subject LIKE 'application=%1 %item=%2%'")
                           .arg(clean.at(i))
                           .arg(outcome->items.at(i))),
                 qint64(1));
    }
    for (const QString& left : {s.flagged[0], s.decided[0], s.notEligible[0]})
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE subject_id = '%1' AND id > %2")
                           .arg(left)
                           .arg(lastItem)),
                 qint64(0));

    auto again = approve({clean[0]}); // already waiting: nothing more
    QVERIFY_OK(again);
    QVERIFY(again->approved.isEmpty());
    QCOMPARE(again->plan.skipped.value(BatchSkip::AlreadyDecided), QStringList{clean[0]});

    // Taken back one by one (Ctrl+Z): the last approval only, the others stay.
    QVERIFY(service.canUndo());
    std::optional<Result<QString>> undone;
    service.undoLast(this, [&](Result<QString> r) { undone.emplace(std::move(r)); });
    QTRY_VERIFY(undone.has_value());
    QVERIFY_OK(*undone);
    QCOMPARE(**undone, clean[3]);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending' AND id IN (%1, %2, %3, %4)")
                       .arg(outcome->items[0])
                       .arg(outcome->items[1])
                       .arg(outcome->items[2])
                       .arg(outcome->items[3])),
             qint64(3));
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM outbox WHERE id = %1 AND state = 'dropped'").arg(outcome->items[3])),
        qint64(1));
}

void TestBatchApproval::overCapacityRefusesAll()
{
    const Sample s = sample();
    // Two clean applications of one school, whose seats are all taken but one.
    QString school;
    QStringList two;
    for (const QString& id : s.clean) {
        const QString sid =
            m_ws->database()
                .writer()
                .scalar(QStringLiteral("SELECT target_school_id FROM applications WHERE id = '%1'").arg(id))
                ->toString();
        if (school.isEmpty())
            school = sid;
        if (sid == school)
            two << id;
        if (two.size() == 2)
            break;
    }
    QCOMPARE(two.size(), 2);
    const qint64 approved =
        count(QStringLiteral("SELECT count(*) FROM queue_rows WHERE school_id = '%1' AND bin = 3").arg(school));
    QVERIFY_OK(m_ws->database().writer().exec(
        QStringLiteral("UPDATE schools SET capacity = %1 WHERE id = '%2'").arg(approved + 1).arg(school)));
    const qint64 outboxBefore = count(QStringLiteral("SELECT count(*) FROM outbox"));
    const qint64 auditBefore = count(QStringLiteral("SELECT count(*) FROM audit_log"));

    auto outcome = approve(two);
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().code, QStringLiteral("over_capacity"));
    QVERIFY2(outcome.error().message.contains(QStringLiteral("go over by 1")), qPrintable(outcome.error().message));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outboxBefore);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), auditBefore);

    // One fits.
    auto one = approve(two.mid(0, 1));
    QVERIFY_OK(one);
    QCOMPARE(one->approved, two.mid(0, 1));
}

void TestBatchApproval::clerkMayNotApprove()
{
    m_session.reset();
    QVERIFY_OK(store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase)
                   .value()
                   ->addUser(QStringLiteral("wang.lei"), QStringLiteral("clerk"), QStringLiteral("clerk passphrase 1"),
                             false));
    auto ws = store::Workspace::unlock(m_dir.path(), QStringLiteral("wang.lei"), QStringLiteral("clerk passphrase 1"));
    QVERIFY_OK(ws);
    m_ws = ws->get();
    m_session = std::make_unique<LocalSession>(std::move(*ws));
    const qint64 outboxBefore = count(QStringLiteral("SELECT count(*) FROM outbox"));
    auto outcome = approve(sample().clean.mid(0, 2));
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().code, QStringLiteral("role_not_allowed"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outboxBefore);
}

QTEST_GUILESS_MAIN(TestBatchApproval)
#include "tst_batchapproval.moc"
