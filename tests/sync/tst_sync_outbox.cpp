#include "ResultCheck.h"
#include "TestSupport.h"
#include "domain/JsonCodec.h"
#include "security/AuditLog.h"
#include "security/Crypto.h"
#include "store/ChangeApplier.h"
#include "store/Database.h"
#include "sync/Conflicts.h"
#include "sync/DecisionWorkflow.h"
#include "sync/Enrolment.h"
#include "sync/Outbox.h"
#include "sync/PushResults.h"
#include "sync/ReasonCodes.h"
#include "sync/SyncState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace adm;
using namespace adm::sync;

// The outbox table, the reading of per-item results, the decision workflow's rules and the
// conflicts view, on a real encrypted cache holding the policy fixture.

namespace {

// The stored item, or (failing the test) an empty one: never a dereference of nothing.
OutboxItem stored(const Outbox& outbox, qint64 id)
{
    auto item = outbox.item(id);
    if (!item || !item->has_value()) {
        QTest::qFail(qPrintable(QStringLiteral("outbox item %1 not read: %2").arg(id).arg(item.error().message)),
                     __FILE__, __LINE__);
        return {};
    }
    return **item;
}

} // namespace

class TestSyncOutbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void enqueueKeepsOrderAndKey();
    void recordClearsAcceptedKeepsConflicts();
    void recordTouchesOnlyPendingItems();
    void unknownStatusKeepsItemPending();
    void replayedConflictStaysAConflict();
    void resultsMatchByKeyThenPosition();
    void resultsWithoutListAreABadReply();
    void refusalBecomesItemResult();
    void decisionRules_data();
    void decisionRules();
    void approvalInCheckedCategoryNeedsNoReason();
    void missingCheckTableMeansUnknownCategory();
    void decisionAndAuditCommitTogether();
    void decidingAgainSupersedesUnsent();
    void decisionInFlightIsRefused();
    void conflictShowsBothVersionsAndResolves();
    void dropIsAudited();
    void reasonCodesAreComplete();
    void enrolmentWithAnotherHubRestartsFeedAndAudit();

private:
    QString anyOpenApplication();
    qint64 scalar(const QString& sql);
    DecisionWorkflow workflow()
    {
        return DecisionWorkflow(m_db->writer(), *m_audit, QStringLiteral("admin"), role::Reviewer,
                                QStringLiteral("liu.fang"));
    }
    void upsertApplication(const QString& id, qint64 version, const QString& status);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<security::AuditLog> m_audit;
};

void TestSyncOutbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = store::Database::open(m_dir->filePath(QStringLiteral("cache.db")), crypto::randomBytes(32),
                                    store::Database::OpenMode::Create);
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    m_db = std::move(*db);
    m_audit = std::make_unique<security::AuditLog>(m_db->writer());
    QList<Change> changes;
    for (const QJsonObject& o : testsupport::fixtureChanges()) {
        auto c = json::readChange(o);
        QVERIFY(c.ok());
        changes.append(*c);
    }
    store::ChangeApplier applier(m_db->writer());
    QVERIFY(applier.apply(changes).ok());
}

void TestSyncOutbox::cleanup()
{
    m_audit.reset();
    m_db.reset();
    m_dir.reset();
}

qint64 TestSyncOutbox::scalar(const QString& sql)
{
    auto v = m_db->writer().scalar(sql);
    return v ? v->toLongLong() : -1;
}

QString TestSyncOutbox::anyOpenApplication()
{
    auto v = m_db->writer().scalar(
        QStringLiteral("SELECT id FROM applications WHERE status = 'submitted' ORDER BY id LIMIT 1"));
    return v ? v->toString() : QString();
}

void TestSyncOutbox::upsertApplication(const QString& id, qint64 version, const QString& status)
{
    auto row = m_db->writer().prepare(QStringLiteral("SELECT data FROM applications WHERE id = ?"));
    QVERIFY(row.ok());
    row->bind(1, id);
    QVERIFY(row->step());
    QJsonObject data = QJsonDocument::fromJson(row->utf8(0)).object();
    data.insert(QStringLiteral("version"), version);
    data.insert(QStringLiteral("status"), status);
    store::ChangeApplier applier(m_db->writer());
    QVERIFY(applier.apply({Change{0, entity::Application, QStringLiteral("upsert"), id, version, data}}).ok());
}

void TestSyncOutbox::enqueueKeepsOrderAndKey()
{
    Outbox outbox(m_db->writer());
    auto a =
        outbox.enqueue(kind::Decision, QStringLiteral("A1"), {{QStringLiteral("x"), 1}}, 3, QStringLiteral("admin"));
    auto b = outbox.enqueue(kind::Decision, QStringLiteral("A2"),
                            {{QStringLiteral("idempotency_key"), QStringLiteral("given-key")}}, std::nullopt,
                            QStringLiteral("admin"));
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a->id < b->id);
    QCOMPARE(a->state, state::Pending);
    QCOMPARE(a->baseVersion.value(), qint64(3));
    QVERIFY(!QUuid::fromString(a->idempotencyKey).isNull());
    QCOMPARE(a->payload.value(QStringLiteral("idempotency_key")).toString(), a->idempotencyKey);
    QCOMPARE(b->idempotencyKey, QStringLiteral("given-key"));
    auto pending = outbox.pending(kind::Decision, 0, 10);
    QVERIFY_OK(pending);
    QCOMPARE(pending->size(), 2);
    QCOMPARE(pending->at(0).id, a->id);
    QCOMPARE(TEST_VALUE(outbox.pending(kind::Decision, a->id, 10)).size(), 1);
    QCOMPARE(TEST_VALUE(outbox.pending(kind::Batch, 0, 10)).size(), 0);
    QVERIFY(outbox.markAttempt({a->id}).ok());
    QCOMPARE(stored(outbox, a->id).attempts, 1);
}

void TestSyncOutbox::recordClearsAcceptedKeepsConflicts()
{
    Outbox outbox(m_db->writer());
    QList<OutboxItem> items;
    for (int i = 0; i < 4; ++i)
        items.append(
            TEST_VALUE(outbox.enqueue(kind::Decision, QStringLiteral("A%1").arg(i), {}, 1, QStringLiteral("admin"))));
    const QList<ItemResult> results = {
        {items[0].idempotencyKey, QStringLiteral("accepted"), QStringLiteral("A0"), 2, {}, {}},
        {items[1].idempotencyKey, QStringLiteral("duplicate"), QStringLiteral("A1"), 2, {}, {}},
        {items[2].idempotencyKey, QStringLiteral("conflict"), QStringLiteral("A2"), 5,
         QStringLiteral("version_mismatch"), QStringLiteral("changed upstream")},
        {items[3].idempotencyKey,
         QStringLiteral("invalid"),
         {},
         std::nullopt,
         QStringLiteral("bad_reason"),
         QStringLiteral("reason_code: unknown")}};
    QVERIFY(outbox.record(PushResults::match(items, results)).ok());
    const auto get = [&](int i) { return stored(outbox, items[i].id); };
    QCOMPARE(get(0).state, state::Done);
    QCOMPARE(get(0).resultVersion.value(), qint64(2));
    QCOMPARE(get(1).state, state::Done);
    QCOMPARE(get(1).resultStatus, QStringLiteral("duplicate"));
    QCOMPARE(get(2).state, state::Conflict);
    QCOMPARE(get(2).resultCode, QStringLiteral("version_mismatch"));
    QCOMPARE(get(2).resultVersion.value(), qint64(5));
    QCOMPARE(get(3).state, state::Invalid);
    QCOMPARE(get(3).resultMessage, QStringLiteral("reason_code: unknown"));
    QCOMPARE(TEST_VALUE(outbox.pending(kind::Decision, 0, 10)).size(), 0);
    const auto counts = *outbox.countByState();
    QCOMPARE(counts.value(state::Done), 2);
    QCOMPARE(counts.value(state::Conflict), 1);
}

void TestSyncOutbox::recordTouchesOnlyPendingItems()
{
    Outbox outbox(m_db->writer());
    auto item = TEST_VALUE(outbox.enqueue(kind::Decision, QStringLiteral("A1"), {}, 1, QStringLiteral("admin")));
    QVERIFY(outbox.markDropped(item.id).ok());
    QVERIFY(outbox.record({{item.id, {item.idempotencyKey, QStringLiteral("accepted"), {}, 2, {}, {}}}}).ok());
    QCOMPARE(stored(outbox, item.id).state, state::Dropped); // a late answer does not revive it
}

void TestSyncOutbox::unknownStatusKeepsItemPending()
{
    Outbox outbox(m_db->writer());
    auto item = TEST_VALUE(outbox.enqueue(kind::Decision, QStringLiteral("A1"), {}, 1, QStringLiteral("admin")));
    QVERIFY(outbox.record({{item.id, {item.idempotencyKey, QStringLiteral("queued"), {}, {}, {}, {}}}}).ok());
    QCOMPARE(stored(outbox, item.id).state, state::Pending);
}

void TestSyncOutbox::replayedConflictStaysAConflict()
{
    Outbox outbox(m_db->writer());
    QList<OutboxItem> items;
    for (int i = 0; i < 3; ++i)
        items.append(
            TEST_VALUE(outbox.enqueue(kind::Decision, QStringLiteral("A%1").arg(i), {}, 1, QStringLiteral("admin"))));
    auto parsed = PushResults::parse(
        QJsonDocument::fromJson(QStringLiteral(R"({"results":[
        {"idempotency_key":"%1","status":"duplicate","original_status":"conflict","version":4,"code":"version_mismatch"},
        {"idempotency_key":"%2","status":"duplicate","code":"application_withdrawn"},
        {"idempotency_key":"%3","status":"duplicate","original_status":"accepted","id":"A2","version":2}]})")
                                    .arg(items[0].idempotencyKey, items[1].idempotencyKey, items[2].idempotencyKey)
                                    .toUtf8())
            .object());
    QVERIFY(parsed.ok());
    QVERIFY(outbox.record(PushResults::match(items, *parsed)).ok());
    QCOMPARE(stored(outbox, items[0].id).state, state::Conflict);
    QCOMPARE(stored(outbox, items[0].id).resultVersion.value_or(-1), qint64(4));
    QCOMPARE(stored(outbox, items[1].id).state, state::Conflict);
    QCOMPARE(stored(outbox, items[2].id).state, state::Done);
}

void TestSyncOutbox::resultsMatchByKeyThenPosition()
{
    QList<OutboxItem> sent(3);
    for (int i = 0; i < 3; ++i) {
        sent[i].id = 10 + i;
        sent[i].idempotencyKey = QStringLiteral("k%1").arg(i);
    }
    // Out of order by key, one without a key (by position), one unknown key, one repeated.
    const QList<ItemResult> results = {{QStringLiteral("k2"), QStringLiteral("accepted"), {}, {}, {}, {}},
                                       {QString(), QStringLiteral("conflict"), {}, {}, {}, {}},
                                       {QStringLiteral("nope"), QStringLiteral("accepted"), {}, {}, {}, {}},
                                       {QStringLiteral("k2"), QStringLiteral("invalid"), {}, {}, {}, {}}};
    const auto matched = PushResults::match(sent, results);
    QCOMPARE(matched.size(), 2);
    QCOMPARE(matched[0].first, qint64(12));
    QCOMPARE(matched[0].second.status, QStringLiteral("accepted"));
    QCOMPARE(matched[1].first, qint64(11)); // position 1
    QCOMPARE(matched[1].second.status, QStringLiteral("conflict"));
}

void TestSyncOutbox::resultsWithoutListAreABadReply()
{
    QCOMPARE(PushResults::parse({}).error().code, QStringLiteral("hub_bad_reply"));
    auto ok = PushResults::parse(QJsonDocument::fromJson(R"({"results":[{"idempotency_key":"k","status":"accepted",
        "id":"A1","version":4,"code":null}]})")
                                     .object());
    QVERIFY(ok.ok());
    QCOMPARE(ok->first().version.value(), qint64(4));
    QCOMPARE(ok->first().id, QStringLiteral("A1"));
}

void TestSyncOutbox::refusalBecomesItemResult()
{
    OutboxItem item;
    item.idempotencyKey = QStringLiteral("k");
    QCOMPARE(PushResults::fromRefusal(item, 409, QStringLiteral("conflict"), QStringLiteral("m")).status,
             QStringLiteral("conflict"));
    const ItemResult r = PushResults::fromRefusal(item, 422, QString(), QStringLiteral("field x"));
    QCOMPARE(r.status, QStringLiteral("invalid"));
    QCOMPARE(r.code, QStringLiteral("http_422"));
    QCOMPARE(r.message, QStringLiteral("field x"));
}

void TestSyncOutbox::decisionRules_data()
{
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::newRow("approve, check unknown, no reason") << "approve"
                                                       << ""
                                                       << ""
                                                       << ""
                                                       << "reason_required";
    QTest::newRow("approve with reason") << "approve"
                                         << "A"
                                         << "verified_on_paper"
                                         << ""
                                         << "";
    QTest::newRow("approve, reason for another outcome") << "approve"
                                                         << "A"
                                                         << "not_in_zone"
                                                         << ""
                                                         << "bad_input";
    QTest::newRow("approve, unknown reason") << "approve"
                                             << "A"
                                             << "because"
                                             << ""
                                             << "bad_input";
    QTest::newRow("approve, category D") << "approve"
                                         << "D"
                                         << "other"
                                         << "x"
                                         << "bad_input";
    QTest::newRow("reject without reason") << "reject"
                                           << ""
                                           << ""
                                           << ""
                                           << "reason_required";
    QTest::newRow("reject with reason") << "reject"
                                        << ""
                                        << "not_in_zone"
                                        << ""
                                        << "";
    QTest::newRow("reject with category") << "reject"
                                          << "A"
                                          << "not_in_zone"
                                          << ""
                                          << "bad_input";
    QTest::newRow("other without note") << "reject"
                                        << ""
                                        << "other"
                                        << ""
                                        << "note_required";
    QTest::newRow("other with note") << "reject"
                                     << ""
                                     << "other"
                                     << "moved away"
                                     << "";
    QTest::newRow("request info without note") << "request_info"
                                               << ""
                                               << ""
                                               << ""
                                               << "note_required";
    QTest::newRow("request info with note") << "request_info"
                                            << ""
                                            << ""
                                            << "bring the rental contract"
                                            << "";
    QTest::newRow("unknown outcome") << "maybe"
                                     << ""
                                     << ""
                                     << ""
                                     << "bad_input";
}

void TestSyncOutbox::decisionRules()
{
    QFETCH(QString, outcome);
    QFETCH(QString, category);
    QFETCH(QString, reason);
    QFETCH(QString, note);
    QFETCH(QString, error);
    const QString app = anyOpenApplication();
    QVERIFY(!app.isEmpty());
    auto r = workflow().decide({app, outcome, category, reason, note, {}});
    QCOMPARE(r.ok() ? QString() : r.error().code, error);
    if (!r.ok()) {
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), qint64(0));
        return;
    }
    QCOMPARE(r->payload.value(QStringLiteral("outcome")).toString(), outcome);
    QCOMPARE(r->payload.value(QStringLiteral("decided_by")).toString(), QStringLiteral("liu.fang"));
    QVERIFY(r->payload.value(QStringLiteral("base_version")).toInteger() >= 1);
    QVERIFY(!r->payload.value(QStringLiteral("evidence_record_ids")).toArray().isEmpty());
}

void TestSyncOutbox::approvalInCheckedCategoryNeedsNoReason()
{
    const QString app = anyOpenApplication();
    // As after a run of the checker: nothing waits for a new check.
    QVERIFY(m_db->writer().exec(QStringLiteral("DELETE FROM eligibility_dirty")).ok());
    QVERIFY(m_db->setMeta(QStringLiteral("eligibility.all_stale"), QString()).ok());
    auto insert = m_db->writer().prepare(QStringLiteral(
        "INSERT INTO eligibility_results (application_id, policy_id, evidence_digest, category, eligible, flags, "
        "flag_mask, result, checked_at) VALUES (?, 'P-1', 'd', 'B', 1, '', 0, ?, '2026-06-01T00:00:00Z')"));
    QVERIFY(insert.ok());
    insert->bind(1, app).bindUtf8(2, R"({"checks":[{"rule":"property_in_zone","record_ids":["R-X-1","R-X-2"]}]})");
    QVERIFY(insert->run().ok());
    auto other = workflow().decide({app, QStringLiteral("approve"), QStringLiteral("A"), {}, {}, {}});
    QCOMPARE(other.error().code, QStringLiteral("reason_required"));
    QVERIFY(other.error().message.contains(QStringLiteral("B")));
    auto same = workflow().decide({app, QStringLiteral("approve"), {}, {}, {}, {}});
    QVERIFY2(same.ok(), qPrintable(same.error().message));
    QCOMPARE(same->payload.value(QStringLiteral("category")).toString(), QStringLiteral("B"));
    QCOMPARE(same->payload.value(QStringLiteral("policy_id")).toString(), QStringLiteral("P-1"));
    QCOMPARE(same->payload.value(QStringLiteral("evidence_record_ids")).toArray(),
             (QJsonArray{QStringLiteral("R-X-1"), QStringLiteral("R-X-2")}));
    // A result computed from data that changed since is no basis.
    QVERIFY(m_db->writer().exec(QStringLiteral("INSERT INTO eligibility_dirty VALUES ('%1')").arg(app)).ok());
    QCOMPARE(workflow().check({app, QStringLiteral("approve"), {}, {}, {}, {}}).error().code,
             QStringLiteral("reason_required"));
    QVERIFY(m_db->writer().exec(QStringLiteral("DELETE FROM eligibility_dirty")).ok());
    QVERIFY(workflow().check({app, QStringLiteral("approve"), {}, {}, {}, {}}).ok());
    QVERIFY(m_db->setMeta(QStringLiteral("eligibility.all_stale"), QStringLiteral("1")).ok());
    QCOMPARE(workflow().check({app, QStringLiteral("approve"), {}, {}, {}, {}}).error().code,
             QStringLiteral("reason_required"));
}

void TestSyncOutbox::missingCheckTableMeansUnknownCategory()
{
    QVERIFY(m_db->writer().exec(QStringLiteral("DROP TABLE eligibility_results")).ok());
    const QString app = anyOpenApplication();
    QCOMPARE(workflow().check({app, QStringLiteral("approve"), {}, {}, {}, {}}).error().code,
             QStringLiteral("reason_required"));
    QVERIFY(workflow().check({app, QStringLiteral("approve"), {}, QStringLiteral("verified_on_paper"), {}, {}}).ok());
}

void TestSyncOutbox::decisionAndAuditCommitTogether()
{
    const QString app = anyOpenApplication();
    const qint64 auditBefore = scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
    // A failing audit append (the table is gone) must take the outbox item with it.
    QVERIFY(m_db->writer().exec(QStringLiteral("ALTER TABLE audit_log RENAME TO audit_log_away")).ok());
    auto failed = workflow().decide({app, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
    QVERIFY(!failed.ok());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), qint64(0));
    QVERIFY(m_db->writer().exec(QStringLiteral("ALTER TABLE audit_log_away RENAME TO audit_log")).ok());
    auto ok = workflow().decide({app, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
    QVERIFY(ok.ok());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), qint64(1));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log")), auditBefore + 1);
    auto entries = m_audit->entries(auditBefore, 10);
    QVERIFY_OK(entries);
    QCOMPARE(entries->last().action, QStringLiteral("decision.make"));
    QVERIFY(entries->last().subject.contains(app));
    QVERIFY(m_audit->verify().ok());
}

void TestSyncOutbox::decidingAgainSupersedesUnsent()
{
    const QString app = anyOpenApplication();
    auto first = workflow().decide({app, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
    auto second = workflow().decide({app, QStringLiteral("request_info"), {}, {}, QStringLiteral("bring it"), {}});
    QVERIFY(first.ok() && second.ok());
    Outbox outbox(m_db->writer());
    const OutboxItem old = stored(outbox, first->id);
    QCOMPARE(old.state, state::Superseded);
    QCOMPARE(old.supersededBy.value(), second->id);
    QCOMPARE(TEST_VALUE(outbox.pending(kind::Decision, 0, 10)).size(), 1);
}

void TestSyncOutbox::decisionInFlightIsRefused()
{
    const QString app = anyOpenApplication();
    auto first = workflow().decide({app, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
    QVERIFY_OK(first);
    Outbox outbox(m_db->writer());
    QVERIFY(outbox.markAttempt({first->id}).ok()); // sent, answer lost
    auto second = workflow().decide({app, QStringLiteral("reject"), {}, QStringLiteral("age_out_of_range"), {}, {}});
    QCOMPARE(second.error().code, QStringLiteral("decision_in_flight"));
    QCOMPARE(workflow().drop(first->id).error().code, QStringLiteral("decision_in_flight"));
}

void TestSyncOutbox::conflictShowsBothVersionsAndResolves()
{
    const QString app = anyOpenApplication();
    auto mine = workflow().decide({app, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
    QVERIFY(mine.ok());
    const qint64 base = mine->baseVersion.value();
    Outbox outbox(m_db->writer());
    QVERIFY(outbox.markAttempt({mine->id}).ok());
    QVERIFY(outbox
                .record({{mine->id,
                          {mine->idempotencyKey, QStringLiteral("conflict"), app, base + 1,
                           QStringLiteral("version_mismatch"), QStringLiteral("changed")}}})
                .ok());
    // Before the pull: the upstream state is not here yet, deciding again waits for it.
    auto conflicts = Conflicts::list(m_db->writer());
    QVERIFY_OK(conflicts);
    QCOMPARE(conflicts->size(), 1);
    QVERIFY(!conflicts->first().upstreamCurrent);
    QCOMPARE(conflicts->first().actions, QStringList{QStringLiteral("drop")});
    QCOMPARE(workflow().check({app, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}}).error().code,
             QStringLiteral("sync_first"));
    // After the pull brought version base+1 (still open): both sides, and deciding again supersedes.
    upsertApplication(app, base + 1, QStringLiteral("under_review"));
    conflicts = Conflicts::list(m_db->writer());
    const Conflict c = conflicts->first();
    QVERIFY(c.upstreamCurrent);
    QCOMPARE(c.mine.value(QStringLiteral("outcome")).toString(), QStringLiteral("reject"));
    QCOMPARE(c.mine.value(QStringLiteral("base_version")).toInteger(), base);
    QCOMPARE(c.upstream.value(QStringLiteral("status")).toString(), QStringLiteral("under_review"));
    QCOMPARE(c.upstream.value(QStringLiteral("version")).toInteger(), base + 1);
    QCOMPARE(c.actions, (QStringList{QStringLiteral("decide"), QStringLiteral("drop")}));
    const QJsonObject json = c.toJson();
    QVERIFY(!QJsonDocument(json).toJson().contains("id_number"));
    auto again = workflow().decide({app, QStringLiteral("reject"), {}, QStringLiteral("age_out_of_range"), {}, {}});
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again->baseVersion.value(), base + 1);
    QCOMPARE(stored(outbox, mine->id).state, state::Superseded);
    QCOMPARE(TEST_VALUE(Conflicts::list(m_db->writer())).size(), 0);
    // Withdrawn upstream: only dropping is left.
    upsertApplication(app, base + 2, QStringLiteral("withdrawn"));
    QCOMPARE(
        workflow()
            .check(
                {app, QStringLiteral("approve"), QStringLiteral("A"), QStringLiteral("other"), QStringLiteral("n"), {}})
            .error()
            .code,
        QStringLiteral("application_closed"));
}

void TestSyncOutbox::dropIsAudited()
{
    const QString app = anyOpenApplication();
    auto item = workflow().decide({app, QStringLiteral("reject"), {}, QStringLiteral("not_in_zone"), {}, {}});
    QVERIFY_OK(item);
    QVERIFY(workflow().drop(item->id).ok());
    QCOMPARE(stored(Outbox(m_db->writer()), item->id).state, state::Dropped);
    auto entries = m_audit->entries(0, 100);
    QVERIFY_OK(entries);
    QVERIFY(!entries->isEmpty());
    QCOMPARE(entries->last().action, QStringLiteral("outbox.drop"));
    QCOMPARE(workflow().drop(item->id).error().code, QStringLiteral("not_found")); // once
    QCOMPARE(workflow().drop(987654).error().code, QStringLiteral("not_found"));
}

void TestSyncOutbox::reasonCodesAreComplete()
{
    const QJsonArray all = ReasonCodes::toJson();
    QVERIFY(all.size() >= 10);
    for (const QString& needed :
         {QStringLiteral("category_override"), QStringLiteral("not_in_zone"), QStringLiteral("age_out_of_range"),
          QStringLiteral("duplicate_application"), QStringLiteral("documents_missing"),
          QStringLiteral("property_disputed"), QStringLiteral("guardian_not_linked"), QStringLiteral("other"),
          QStringLiteral("withdrawn_by_family")})
        QVERIFY2(ReasonCodes::isKnown(needed), qPrintable(needed));
    for (const QString& outcome : {QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("request_info")})
        QVERIFY(ReasonCodes::fits(QStringLiteral("other"), outcome));
    for (const QJsonValue& v : all) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("code"), QStringLiteral("label_en"), QStringLiteral("label_zh"),
                                        QStringLiteral("outcome")}));
        QVERIFY(!o.value(QStringLiteral("label_zh")).toString().isEmpty());
        QVERIFY(!o.value(QStringLiteral("label_en")).toString().isEmpty());
    }
}

void TestSyncOutbox::enrolmentWithAnotherHubRestartsFeedAndAudit()
{
    store::Connection& c = m_db->writer();
    QCOMPARE(Enrolment::load(c).error().code, QStringLiteral("not_enrolled"));
    Enrolment e;
    e.hubUrl = QUrl(QStringLiteral("https://hub.example.org:8443/"));
    e.caPem = "pem";
    e.workstationId = QStringLiteral("w-1");
    e.workstationName = QStringLiteral("Counter 2");
    bool changed = true;
    QVERIFY(Enrolment::save(c, e, &changed).ok());
    QVERIFY(!changed);
    SyncState state(c);
    QVERIFY(state.set(SyncState::Cursor, QStringLiteral("c1.99")).ok());
    QVERIFY(state.set(SyncState::AuditSeq, QStringLiteral("5")).ok());
    QVERIFY(Enrolment::save(c, e, &changed).ok()); // the same hub again: nothing restarts
    QVERIFY(!changed);
    QCOMPARE(TEST_VALUE(state.get(SyncState::Cursor)), QStringLiteral("c1.99"));
    auto outbox = Outbox(c).enqueue(kind::Decision, QStringLiteral("A1"), {}, 1, QStringLiteral("admin"));
    QVERIFY_OK(outbox);
    e.hubUrl = QUrl(QStringLiteral("https://other.example.org/"));
    QVERIFY(Enrolment::save(c, e, &changed).ok());
    QVERIFY(changed);
    QCOMPARE(TEST_VALUE(state.get(SyncState::Cursor)), QString());
    QCOMPARE(TEST_VALUE(state.get(SyncState::SweepPending)), QStringLiteral("1"));
    QCOMPARE(TEST_VALUE(state.get(SyncState::AuditSeq)), QString());
    QCOMPARE(stored(Outbox(c), outbox->id).state, state::Pending); // local work is kept
    const auto loaded = Enrolment::load(c);
    QVERIFY_OK(loaded);
    QCOMPARE(loaded->hubUrl, e.hubUrl);
    QCOMPARE(loaded->workstationId, QStringLiteral("w-1"));
}

QTEST_GUILESS_MAIN(TestSyncOutbox)
#include "tst_sync_outbox.moc"
