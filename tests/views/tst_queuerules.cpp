#include "CityFixture.h"
#include "store/CacheEligibility.h"
#include "store/ChangeApplier.h"
#include "store/QueueRules.h"
#include "sync/DecisionWorkflow.h"
#include "sync/Outbox.h"
#include "sync/SignOff.h"
#include "views/Labels.h"
#include "views/QueueReader.h"
#include "views/QueueSql.h"

#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::views;
using store::QueueRules;

// The queue's rules (store/QueueRules.h): every bin is named and reachable through the real writers
// (sync changes, the check, decisions in the outbox, the hub's answers), and the SQL the triggers
// are made of says what the table says.
class TestQueueRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyBinIsNamed();
    void theRulesAreConsistent();
    void binSqlAgreesWithTheRules_data();
    void binSqlAgreesWithTheRules();
    void facetsSqlAgreesWithTheRules();
    void theCacheHoldsTheGeneratedTriggers();
    void everyBinIsReachableThroughTheWriters();
    void anOlderCacheIsBroughtUpToTheRules();

private:
    // The application's queue row: "bin pending conflict".
    QString rowOf(const QString& id);
    // The applications a bin's query returns (the reader's path, not the column).
    QStringList inBin(Bin bin);
    // A sync change: the application as stored, with `status` (and a new id when `asId` is set).
    Status applyApplication(const QString& id, const QString& status, const QString& asId = {});
    // Applications in `bin`, from the column.
    QStringList idsWithBin(Bin bin, int limit);

    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_ws;
    std::unique_ptr<store::Connection> m_reader;
};

void TestQueueRules::initTestCase()
{
    m_ws = testsupport::makeCityWorkspace(m_dir.path(), 300);
    auto r = m_ws->database().openReader();
    QVERIFY(r.ok());
    m_reader = std::move(*r);
}

void TestQueueRules::everyBinIsNamed()
{
    QSet<int> numbers;
    QSet<QString> names;
    QSet<QString> labels;
    for (const store::QueueBinRule& r : store::kQueueBins) {
        QVERIFY(r.name && *r.name);
        QVERIFY(r.label && *r.label);
        QVERIFY2(!numbers.contains(int(r.bin)), r.name);
        numbers.insert(int(r.bin));
        names.insert(QString::fromUtf8(r.name));
        labels.insert(labels::bin(r.bin));
        QCOMPARE(labels::bin(r.bin), QString::fromUtf8(r.label)); // no translator loaded: the English
        QCOMPARE(QueueRules::rule(r.bin).name, r.name);
    }
    QCOMPARE(names.size(), numbers.size());
    QCOMPARE(labels.size(), numbers.size());
    // Bin 9 has a name and words of its own; an unknown number reads as the rest bin.
    QCOMPARE(labels::bin(Bin::Closed), QStringLiteral("Closed"));
    QCOMPARE(QueueRules::rule(Bin(42)).bin, Bin::Closed);
    // The queue list: every listed bin at its row, in the table's order.
    QCOMPARE(kBinCount, 7);
    for (int row = 0; row < kBinCount; ++row)
        QCOMPARE(QueueRules::listedRow(QueueRules::listedAt(row)), row);
    QCOMPARE(QueueRules::listedRow(Bin::Closed), -1);
    QCOMPARE(QueueRules::listedAt(int(Bin::Conflicts)), Bin::Conflicts);
}

void TestQueueRules::theRulesAreConsistent()
{
    int rest = 0;
    QSet<QString> decisions;
    QSet<QString> placements; // status + flags
    for (const store::QueueBinRule& r : store::kQueueBins) {
        rest += r.rest ? 1 : 0;
        if (r.overlay) {
            QVERIFY2(!r.decision && !r.statuses[0] && !r.rest, r.name); // an overlay places nothing
            continue;
        }
        QVERIFY2(r.decision || r.statuses[0] || r.rest, r.name); // a placed bin says what places it
        if (r.decision) {
            QVERIFY2(!decisions.contains(QString::fromUtf8(r.decision)), r.decision);
            decisions.insert(QString::fromUtf8(r.decision));
        }
        for (const char* s : r.statuses) {
            if (!s)
                continue;
            const QStringList flags = r.flags == store::QueueFlags::Any    ? QStringList{"none", "some"}
                                      : r.flags == store::QueueFlags::None ? QStringList{"none"}
                                                                           : QStringList{"some"};
            for (const QString& f : flags) {
                const QString key = QString::fromUtf8(s) + u'/' + f;
                QVERIFY2(!placements.contains(key), qPrintable(key)); // two bins would claim it
                placements.insert(key);
            }
        }
    }
    QCOMPARE(rest, 1);
    QCOMPARE(QueueRules::decisions().size(), decisions.size());
    // Each facet's bits stay clear of the next one's.
    int next = 0;
    for (const store::QueueFacet& f : store::kQueueFacets) {
        QCOMPARE(f.shift, next);
        int codes = 0;
        for (const char* c : f.codes)
            codes += c ? 1 : 0;
        if (f.width > 0)
            QVERIFY2(codes <= (1 << f.width), f.name);
        next = f.shift + f.width;
    }
}

void TestQueueRules::binSqlAgreesWithTheRules_data()
{
    // What the rules are meant to say, written out by hand.
    QTest::addColumn<QString>("pending");
    QTest::addColumn<QString>("status");
    QTest::addColumn<qint64>("flags");
    QTest::addColumn<int>("bin");
    QTest::newRow("submitted") << ""
                               << "submitted" << qint64(0) << int(Bin::ToReview);
    QTest::newRow("under review") << ""
                                  << "under_review" << qint64(0) << int(Bin::ToReview);
    QTest::newRow("flagged") << ""
                             << "submitted" << qint64(4) << int(Bin::Flagged);
    QTest::newRow("upstream approved") << ""
                                       << "approved" << qint64(4) << int(Bin::Approved);
    QTest::newRow("upstream rejected") << ""
                                       << "rejected" << qint64(0) << int(Bin::Rejected);
    QTest::newRow("upstream info") << ""
                                   << "info_requested" << qint64(0) << int(Bin::InfoRequested);
    QTest::newRow("approve waiting") << "approve"
                                     << "submitted" << qint64(4) << int(Bin::Approved);
    QTest::newRow("reject waiting") << "reject"
                                    << "approved" << qint64(0) << int(Bin::Rejected);
    QTest::newRow("request waiting") << "request_info"
                                     << "under_review" << qint64(0) << int(Bin::InfoRequested);
    QTest::newRow("withdrawn") << ""
                               << "withdrawn" << qint64(0) << int(Bin::Closed);
    QTest::newRow("unknown status") << ""
                                    << "archived" << qint64(1) << int(Bin::Closed);
    QTest::newRow("unknown outcome") << "defer"
                                     << "submitted" << qint64(0) << int(Bin::ToReview);
}

void TestQueueRules::binSqlAgreesWithTheRules()
{
    QFETCH(QString, pending);
    QFETCH(QString, status);
    QFETCH(qint64, flags);
    QFETCH(int, bin);
    QCOMPARE(int(QueueRules::binOf(pending, status, flags)), bin);

    // The generated CASE, evaluated by SQLite, over every combination of the inputs.
    store::QueueInputs in;
    in.pending = QStringLiteral("?1");
    in.status = QStringLiteral("?2");
    in.flagMask = QStringLiteral("?3");
    auto q = m_reader->prepare(QStringLiteral("SELECT ") + QueueRules::binSql(in));
    QVERIFY(q.ok());
    QStringList pendings = QueueRules::decisions() << QString() << QStringLiteral("defer");
    QStringList statuses = {QStringLiteral("withdrawn"), QStringLiteral("archived")};
    for (const store::QueueBinRule& r : store::kQueueBins)
        for (const char* s : r.statuses)
            if (s)
                statuses << QString::fromUtf8(s);
    for (const QString& p : pendings)
        for (const QString& s : statuses)
            for (qint64 f : {qint64(0), qint64(1), qint64(6)}) {
                q->reset();
                q->bind(1, p.isNull() ? QStringLiteral("") : p).bind(2, s).bind(3, f);
                QVERIFY(q->step());
                QCOMPARE(int(q->int64(0)), int(QueueRules::binOf(p, s, f)));
            }
}

void TestQueueRules::facetsSqlAgreesWithTheRules()
{
    store::QueueInputs in;
    in.channel = QStringLiteral("?1");
    in.checked = QStringLiteral("?2");
    in.flagMask = QStringLiteral("?3");
    auto q = m_reader->prepare(QStringLiteral("SELECT ") + QueueRules::facetsSql(in));
    QVERIFY(q.ok());
    const QStringList categories = {"", "A", "B", "C", "none", "D"};
    for (const QString& channel : {QStringLiteral("online"), QStringLiteral("counter"), QStringLiteral("kiosk")})
        for (int c = 0; c < categories.size(); ++c)
            for (qint64 f : {qint64(0), qint64(1), qint64(1) << 10}) {
                const qint64 byHand =
                    (channel == QLatin1String("counter") ? 1 : 0) | (qint64(c < 5 ? c : 0) << 1) | (f << 4);
                QCOMPARE(QueueRules::facetsOf(channel, categories[c], f), byHand);
                q->reset();
                q->bind(1, channel).bind(2, categories[c]).bind(3, f);
                QVERIFY(q->step());
                QCOMPARE(q->int64(0), byHand);
                QCOMPARE(QueueSql::categoryFacet(categories[c]), c < 5 ? c : 0);
            }
}

void TestQueueRules::theCacheHoldsTheGeneratedTriggers()
{
    const auto wanted = QueueRules::triggers();
    QCOMPARE(wanted.size(), 12);
    for (const auto& [name, sql] : wanted) {
        auto q = m_reader->prepare(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"));
        q->bind(1, name);
        QVERIFY2(q->step(), qPrintable(name));
        QCOMPARE(q->text(0), sql);
        // Made from the table, not written by hand: no JSON text search, one CASE per bin rule.
        QVERIFY(!sql.contains(QStringLiteral("instr(")));
    }
    auto installed = QueueRules::isInstalled(*m_reader);
    QVERIFY(installed.ok() && *installed);
    // Every row holds what the rules say for it.
    auto q = m_reader->prepare(QStringLiteral("SELECT pending, status, flag_mask, bin, channel, checked, facets FROM "
                                              "queue_rows"));
    int rows = 0;
    while (q->step()) {
        ++rows;
        QCOMPARE(int(q->int64(3)), int(QueueRules::binOf(q->text(0), q->text(1), q->int64(2))));
        QCOMPARE(q->int64(6), QueueRules::facetsOf(q->text(4), q->text(5), q->int64(2)));
    }
    QVERIFY(rows >= 300);
}

QString TestQueueRules::rowOf(const QString& id)
{
    auto s =
        m_reader->prepare(QStringLiteral("SELECT bin, pending, conflict FROM queue_rows WHERE application_id = ?"));
    s->bind(1, id);
    if (!s->step())
        return QStringLiteral("(no row)");
    return QStringLiteral("%1 %2 %3").arg(s->int64(0)).arg(s->text(1)).arg(s->int64(2));
}

QStringList TestQueueRules::inBin(Bin bin)
{
    QueueQuery q;
    q.bin = bin;
    q.sortColumn = Column::Number;
    QStringList ids;
    auto rows = QueueReader(*m_reader).firstRows(q, 100000);
    if (rows)
        for (const QueueRow& r : *rows)
            ids << r.applicationId;
    return ids;
}

QStringList TestQueueRules::idsWithBin(Bin bin, int limit)
{
    auto s = m_reader->prepare(
        QStringLiteral("SELECT application_id FROM queue_rows WHERE bin = ? AND pending = '' AND conflict = 0 ORDER BY "
                       "application_id LIMIT ?"));
    s->bind(1, qint64(bin)).bind(2, qint64(limit));
    QStringList ids;
    while (s->step())
        ids << s->text(0);
    return ids;
}

Status TestQueueRules::applyApplication(const QString& id, const QString& status, const QString& asId)
{
    auto s = m_reader->prepare(QStringLiteral("SELECT version, data FROM applications WHERE id = ?"));
    s->bind(1, id);
    if (!s->step())
        return Error{QStringLiteral("test"), QStringLiteral("no application %1").arg(id)};
    Change c;
    c.entity = entity::Application;
    c.op = QStringLiteral("upsert");
    c.id = asId.isEmpty() ? id : asId;
    c.version = asId.isEmpty() ? s->int64(0) + 1 : 1;
    c.data = QJsonDocument::fromJson(s->utf8(1)).object();
    c.data.insert(QStringLiteral("status"), status);
    if (c.data.contains(QStringLiteral("id")))
        c.data.insert(QStringLiteral("id"), c.id);
    auto applied = store::ChangeApplier(m_ws->database().writer()).apply({c});
    if (!applied)
        return applied.error();
    auto checked = store::CacheEligibility(m_ws->database().writer()).refresh();
    if (!checked)
        return checked.error();
    return {};
}

void TestQueueRules::everyBinIsReachableThroughTheWriters()
{
    QSet<int> reached;
    auto reach = [&](const QString& id, Bin bin) {
        if (!inBin(bin).contains(id))
            return false;
        reached.insert(int(bin));
        return true;
    };
    QStringList open = idsWithBin(Bin::ToReview, 8);
    QCOMPARE(open.size(), 8);
    const QString toReview = open.takeFirst();
    QVERIFY(reach(toReview, Bin::ToReview));

    // Sync changes: the hub decided, or the family withdrew.
    const QString upstream = open.takeFirst();
    for (const auto& [status, bin] :
         {std::pair{QStringLiteral("approved"), Bin::Approved}, std::pair{QStringLiteral("rejected"), Bin::Rejected},
          std::pair{QStringLiteral("info_requested"), Bin::InfoRequested},
          std::pair{QStringLiteral("under_review"), Bin::ToReview}}) {
        QVERIFY(applyApplication(upstream, status).ok());
        QVERIFY2(reach(upstream, bin), qPrintable(status + u' ' + rowOf(upstream)));
    }
    const QString withdrawn = open.takeFirst();
    QVERIFY(applyApplication(withdrawn, QStringLiteral("withdrawn")).ok());
    QVERIFY(reach(withdrawn, Bin::Closed));
    QCOMPARE(rowOf(withdrawn), QStringLiteral("%1  0").arg(int(Bin::Closed)));
    for (int row = 0; row < kBinCount; ++row) // the queue list does not show it
        QVERIFY(!inBin(QueueRules::listedAt(row)).contains(withdrawn));

    // The check: a second application for the same child flags both (duplicate_application).
    const QString original = open.takeFirst();
    QVERIFY(applyApplication(original, QStringLiteral("submitted"), QStringLiteral("A2099000001")).ok());
    QVERIFY2(reach(original, Bin::Flagged), qPrintable(rowOf(original)));
    QVERIFY(reach(QStringLiteral("A2099000001"), Bin::Flagged));

    // Decisions of this workstation, waiting in the outbox.
    store::Connection& writer = m_ws->database().writer();
    sync::DecisionWorkflow workflow(writer, m_ws->audit(), testsupport::kReviewer, m_ws->role(), QString());
    sync::DecisionRequest approve;
    approve.applicationId = open.takeFirst();
    approve.outcome = QStringLiteral("approve");
    approve.category = QStringLiteral("A");
    approve.reasonCode = QStringLiteral("verified_on_paper");
    auto approved = workflow.decide(approve);
    QVERIFY2(approved.ok(), qPrintable(approved.error().message));
    QVERIFY(reach(approve.applicationId, Bin::Approved));
    QCOMPARE(rowOf(approve.applicationId), QStringLiteral("%1 approve 0").arg(int(Bin::Approved)));
    // The outcome comes from the outbox's own column, filled by its writer.
    auto outcome = m_reader->scalar(QStringLiteral("SELECT outcome FROM outbox WHERE id = %1").arg(approved->id));
    QCOMPARE(outcome->toString(), QStringLiteral("approve"));

    sync::DecisionRequest info;
    info.applicationId = open.takeFirst();
    info.outcome = QStringLiteral("request_info");
    info.note = QStringLiteral("bring the rental contract");
    QVERIFY(workflow.decide(info).ok());
    QVERIFY(reach(info.applicationId, Bin::InfoRequested));

    sync::DecisionRequest reject;
    reject.applicationId = open.takeFirst();
    reject.outcome = QStringLiteral("reject");
    reject.reasonCode = QStringLiteral("not_in_zone");
    auto rejected = workflow.decide(reject);
    QVERIFY(rejected.ok());
    QVERIFY(reach(reject.applicationId, Bin::Rejected));

    // The hub refuses the rejection: in Conflicts, and back in its bin by its upstream state.
    sync::Outbox outbox(writer);
    QVERIFY(outbox.markAttempt({rejected->id}).ok());
    sync::ItemResult refused{rejected->idempotencyKey,           QStringLiteral("conflict"), reject.applicationId, 9,
                             QStringLiteral("version_mismatch"), QStringLiteral("changed")};
    QVERIFY(outbox.record({{rejected->id, refused}}).ok());
    QVERIFY(reach(reject.applicationId, Bin::Conflicts));
    QVERIFY(reach(reject.applicationId, Bin::ToReview));

    // The principal takes a decision out of a draft batch and returns it to its officer: in Returned
    // (an overlay) until the application changes, and out of it when a discarded draft held the item.
    const QString returned = open.takeFirst();
    QVERIFY(applyApplication(returned, QStringLiteral("approved")).ok());
    for (const char* batch : {"b-one", "b-two"}) {
        QVERIFY(writer
                    .exec(QStringLiteral("INSERT INTO batches (id, school_id, title, created_at, created_by) VALUES "
                                         "('%1', 's', 't', '2026-06-20T08:00:00Z', 'p')")
                              .arg(QLatin1String(batch)))
                    .ok());
        QVERIFY(writer
                    .exec(QStringLiteral("INSERT INTO batch_items (batch_id, application_id, version, outcome) SELECT "
                                         "'%1', id, version, 'approve' FROM applications WHERE id = '%2'")
                              .arg(QLatin1String(batch), returned))
                    .ok());
    }
    sync::SignOff principal(writer, m_ws->audit(), QStringLiteral("p"), QStringLiteral("principal"), QString());
    QVERIFY(!inBin(Bin::Returned).contains(returned));
    QVERIFY(principal.returnItem(QStringLiteral("b-one"), returned, QStringLiteral("check the contract")).ok());
    QVERIFY(reach(returned, Bin::Returned));
    QVERIFY(inBin(Bin::Approved).contains(returned)); // an overlay: still in its own bin
    QVERIFY(principal.discard(QStringLiteral("b-one")).ok());
    QVERIFY(!inBin(Bin::Returned).contains(returned));
    QVERIFY(principal.returnItem(QStringLiteral("b-two"), returned, QStringLiteral("check again")).ok());
    QVERIFY(inBin(Bin::Returned).contains(returned));
    QVERIFY(applyApplication(returned, QStringLiteral("approved")).ok()); // a new version came
    QVERIFY(!inBin(Bin::Returned).contains(returned));

    QSet<int> all;
    for (const store::QueueBinRule& r : store::kQueueBins)
        all.insert(int(r.bin));
    QCOMPARE(reached, all);
}

void TestQueueRules::anOlderCacheIsBroughtUpToTheRules()
{
    // A cache made before migration 6, or with other rules: decisions without their outcome column
    // filled, a trigger that differs, rows in the wrong bins. Opening it with these rules fills the
    // outcomes from the payloads, makes the triggers again and puts every row right.
    store::Connection& writer = m_ws->database().writer();
    const QString id = idsWithBin(Bin::ToReview, 1).value(0);
    QVERIFY(!id.isEmpty());
    auto decided = writer.scalar(QStringLiteral("SELECT subject_id FROM outbox WHERE outcome = 'approve'"));
    QVERIFY(decided.ok() && !decided->toString().isEmpty());
    const QString approved = decided->toString();
    QVERIFY(writer.exec(QStringLiteral("UPDATE outbox SET outcome = NULL")).ok());
    QVERIFY(writer.exec(QStringLiteral("UPDATE queue_rows SET pending = '' WHERE application_id = '%1'").arg(approved))
                .ok());
    QVERIFY(writer.exec(QStringLiteral("PRAGMA user_version = 5")).ok());
    QVERIFY(writer.exec(QStringLiteral("DROP TRIGGER queue_rows_pending")).ok());
    QVERIFY(writer
                .exec(QStringLiteral("CREATE TRIGGER queue_rows_pending AFTER UPDATE OF pending ON queue_rows BEGIN "
                                     "SELECT 1; END"))
                .ok());
    QVERIFY(writer.exec(QStringLiteral("UPDATE queue_rows SET bin = 7, facets = 0 WHERE application_id = '%1'").arg(id))
                .ok());
    QVERIFY(!*QueueRules::isInstalled(writer));
    m_reader.reset();
    m_ws.reset();
    auto ws = store::Workspace::unlock(m_dir.path(), testsupport::kReviewer, testsupport::kPassphrase);
    QVERIFY2(ws.ok(), qPrintable(ws.error().message));
    m_ws = std::move(*ws);
    m_reader = std::move(m_ws->database().openReader().value());
    QVERIFY(*QueueRules::isInstalled(*m_reader));
    QCOMPARE(m_ws->database().schemaVersion(), store::Database::latestSchemaVersion());
    QCOMPARE(rowOf(id), QStringLiteral("%1  0").arg(int(Bin::ToReview)));
    QCOMPARE(rowOf(approved), QStringLiteral("%1 approve 0").arg(int(Bin::Approved)));
    QCOMPARE(m_reader->scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE outcome IS NULL"))->toInt(), 0);
    theCacheHoldsTheGeneratedTriggers();
}

QTEST_GUILESS_MAIN(TestQueueRules)
#include "tst_queuerules.moc"
