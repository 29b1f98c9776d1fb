#include "ResultCheck.h"
#include "TestSupport.h"
#include "domain/JsonCodec.h"
#include "security/Crypto.h"
#include "store/CacheEligibility.h"
#include "store/ChangeApplier.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::store;

// The whole-cache checker: the fixture cases through the cache, and re-checking only what changed.
class TestCacheEligibility : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void fixtureThroughTheCache();
    void secondRefreshChecksNothing();
    void deletingADuplicateClearsTheOthersFlag();
    void changedRecordRechecksOnlyItsApplications();
    void policyChangeRechecksEverything();
    void explainMatchesStoredResult();
    void chunkedReadsMatchTheOnePass();
    void chunksInFlightMatchOneChunk();
    void unreadableApplicationLosesItsResult();

private:
    QString flagsOf(const QString& id);
    QStringList resultRows(const QStringList& columns);
    QString categoryOf(const QString& id);
    Change fixtureChange(const QString& id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    QList<Change> m_changes;
};

void TestCacheEligibility::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("cache.db")), crypto::randomBytes(32),
                             Database::OpenMode::Create);
    QVERIFY(db.ok());
    m_db = std::move(*db);
    m_changes.clear();
    for (const QJsonObject& o : testsupport::fixtureChanges()) {
        auto change = json::readChange(o);
        QVERIFY2(change.ok(), qPrintable(change.error().message));
        m_changes.append(*change);
    }
    QVERIFY2(!m_changes.isEmpty(), "no fixture: run through ctest, which sets ADMISSIONS_SHARED_DIR");
    QVERIFY(ChangeApplier(m_db->writer()).apply(m_changes).ok());
    auto stats = CacheEligibility(m_db->writer()).refresh();
    QVERIFY2(stats.ok(), qPrintable(stats.error().message));
    QVERIFY(stats->everything);
    QCOMPARE(stats->checked, 9);
}

void TestCacheEligibility::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

QString TestCacheEligibility::flagsOf(const QString& id)
{
    auto q = m_db->writer().prepare(QStringLiteral("SELECT flags FROM eligibility_results WHERE application_id = ?"));
    q->bind(1, id);
    return q->step() ? q->text(0) : QStringLiteral("<none>");
}

QString TestCacheEligibility::categoryOf(const QString& id)
{
    auto q =
        m_db->writer().prepare(QStringLiteral("SELECT category FROM eligibility_results WHERE application_id = ?"));
    q->bind(1, id);
    return q->step() ? q->text(0) : QStringLiteral("<none>");
}

// Every stored result, one line each with the given columns, in application order.
QStringList TestCacheEligibility::resultRows(const QStringList& columns)
{
    QStringList rows;
    auto q = m_db->writer().prepare(
        QStringLiteral("SELECT %1 FROM eligibility_results ORDER BY application_id").arg(columns.join(u',')));
    while (q->step()) {
        QStringList values;
        for (int i = 0; i < columns.size(); ++i)
            values.append(q->text(i));
        rows.append(values.join(u'|'));
    }
    return rows;
}

Change TestCacheEligibility::fixtureChange(const QString& id)
{
    for (const Change& c : m_changes)
        if (c.id == id)
            return c;
    return {};
}

void TestCacheEligibility::fixtureThroughTheCache()
{
    const QJsonArray expected =
        testsupport::readJsonFile(testsupport::sharedDir() + QStringLiteral("/fixtures/policy-cases.json"))
            .value(QStringLiteral("expected"))
            .toArray();
    QVERIFY(expected.size() >= 9);
    for (const QJsonValue& v : expected) {
        const QJsonObject e = v.toObject();
        const QString id = e.value(QStringLiteral("application_id")).toString();
        QStringList flags;
        for (const QJsonValue& f : e.value(QStringLiteral("flags")).toArray())
            flags.append(f.toString());
        QCOMPARE(categoryOf(id), e.value(QStringLiteral("category")).toString());
        QCOMPARE(flagsOf(id), flags.join(u','));
    }
    QCOMPARE(TEST_VALUE(m_db->writer().scalar(QStringLiteral("SELECT count(*) FROM eligibility_dirty"))).toInt(), 0);
}

void TestCacheEligibility::secondRefreshChecksNothing()
{
    auto stats = CacheEligibility(m_db->writer()).refresh();
    QVERIFY_OK(stats);
    QCOMPARE(stats->checked, 0);
    QVERIFY(!stats->everything);
}

void TestCacheEligibility::deletingADuplicateClearsTheOthersFlag()
{
    QCOMPARE(flagsOf(QStringLiteral("A2026P0008")), QStringLiteral("duplicate_application"));
    QVERIFY(
        ChangeApplier(m_db->writer())
            .apply({Change{100, entity::Application, QStringLiteral("delete"), QStringLiteral("A2026P0009"), 2, {}}})
            .ok());
    auto stats = CacheEligibility(m_db->writer()).refresh();
    QVERIFY(stats.ok());
    QCOMPARE(stats->removed, 1);
    QCOMPARE(flagsOf(QStringLiteral("A2026P0009")), QStringLiteral("<none>"));
    QCOMPARE(flagsOf(QStringLiteral("A2026P0008")), QString());
    // And back: the flag returns on both.
    Change again = fixtureChange(QStringLiteral("A2026P0009"));
    again.version = 3;
    again.data.insert(QStringLiteral("version"), 3);
    QVERIFY(ChangeApplier(m_db->writer()).apply({again}).ok());
    QVERIFY(CacheEligibility(m_db->writer()).refresh().ok());
    QCOMPARE(flagsOf(QStringLiteral("A2026P0008")), QStringLiteral("duplicate_application"));
    QCOMPARE(flagsOf(QStringLiteral("A2026P0009")), QStringLiteral("duplicate_application"));
}

void TestCacheEligibility::changedRecordRechecksOnlyItsApplications()
{
    // The rental of A2026P0004 (R-P-0009) now starts a month earlier: six months before C.
    Change rental = fixtureChange(QStringLiteral("R-P-0009"));
    QVERIFY(!rental.id.isEmpty());
    QJsonObject fields = rental.data.value(QStringLiteral("fields")).toObject();
    fields.insert(QStringLiteral("start_on"), QStringLiteral("2026-01-31"));
    rental.data.insert(QStringLiteral("fields"), fields);
    rental.version = 2;
    QCOMPARE(categoryOf(QStringLiteral("A2026P0004")), QStringLiteral("none"));
    QVERIFY(ChangeApplier(m_db->writer()).apply({rental}).ok());
    auto stats = CacheEligibility(m_db->writer()).refresh();
    QVERIFY(stats.ok());
    QCOMPARE(stats->checked, 1);
    QCOMPARE(stats->changed, 1);
    QCOMPARE(categoryOf(QStringLiteral("A2026P0004")), QStringLiteral("C"));
}

void TestCacheEligibility::policyChangeRechecksEverything()
{
    Change policy = fixtureChange(QStringLiteral("P-371102-2026-primary1"));
    policy.version = 2;
    policy.data.insert(QStringLiteral("min_rental_months"), 12);
    QVERIFY(ChangeApplier(m_db->writer()).apply({policy}).ok());
    auto stats = CacheEligibility(m_db->writer()).refresh();
    QVERIFY(stats->everything);
    QCOMPARE(stats->checked, 9);
    // The rental of A2026P0003 ran 11 months before C: no longer enough.
    QCOMPARE(categoryOf(QStringLiteral("A2026P0003")), QStringLiteral("none"));
}

void TestCacheEligibility::explainMatchesStoredResult()
{
    CacheEligibility eligibility(m_db->writer());
    for (const QString& id : {QStringLiteral("A2026P0002"), QStringLiteral("A2026P0009")}) {
        auto r = eligibility.explain(id);
        QVERIFY(r.ok());
        QCOMPARE(policy::categoryCode(r->category), categoryOf(id));
        QCOMPARE(r->flags.join(u','), flagsOf(id));
        QVERIFY(!r->checks.isEmpty());
    }
    QCOMPARE(eligibility.explain(QStringLiteral("A-NONE")).error().code, QStringLiteral("not_found"));
}

// A cache too large to hold every record is checked chunk by chunk, each chunk reading only its
// own applications' records: the stored results must be the same as with the one pass.
void TestCacheEligibility::chunkedReadsMatchTheOnePass()
{
    const QStringList columns = {QStringLiteral("application_id"), QStringLiteral("category"), QStringLiteral("flags"),
                                 QStringLiteral("evidence_digest"), QStringLiteral("result")};
    const auto snapshot = [&] { return resultRows(columns); };
    const QStringList onePass = snapshot();
    QVERIFY(!onePass.isEmpty());
    auto stats = CacheEligibility(m_db->writer(), 3, 0).checkAll();
    QVERIFY2(stats.ok(), qPrintable(stats.error().message));
    QCOMPARE(stats->checked, qint64(onePass.size()));
    QCOMPARE(stats->changed, qint64(0));
    QCOMPARE(snapshot(), onePass);
}

// Small chunks keep two in flight (one checked on the pool while the other is written): the same
// rows, and progress that rises to the total.
void TestCacheEligibility::chunksInFlightMatchOneChunk()
{
    const QStringList columns = {QStringLiteral("application_id"), QStringLiteral("category"), QStringLiteral("flags"),
                                 QStringLiteral("evidence_digest")};
    const auto snapshot = [&] { return resultRows(columns); };
    const QStringList oneChunk = snapshot();
    QList<qint64> done;
    auto stats = CacheEligibility(m_db->writer(), 2).checkAll([&done](qint64 d, qint64 total) {
        QCOMPARE(total, qint64(9));
        done.append(d);
    });
    QVERIFY2(stats.ok(), qPrintable(stats.error().message));
    QCOMPARE(stats->changed, qint64(0));
    QCOMPARE(done, (QList<qint64>{2, 4, 6, 8, 9}));
    QCOMPARE(snapshot(), oneChunk);
}

// An application whose stored text no longer reads is skipped, and its old result goes with it
// (rather than a stale category staying in the queue).
void TestCacheEligibility::unreadableApplicationLosesItsResult()
{
    QCOMPARE(categoryOf(QStringLiteral("A2026P0003")), QStringLiteral("C"));
    QVERIFY(m_db->writer()
                .exec(QStringLiteral("UPDATE applications SET data = '{\"id\": 7}' WHERE id = 'A2026P0003'; "
                                     "INSERT INTO eligibility_dirty (application_id) VALUES ('A2026P0003')"))
                .ok());
    auto stats = CacheEligibility(m_db->writer()).refresh();
    QVERIFY2(stats.ok(), qPrintable(stats.error().message));
    QCOMPARE(stats->checked, qint64(0));
    QCOMPARE(stats->removed, qint64(1));
    QCOMPARE(categoryOf(QStringLiteral("A2026P0003")), QStringLiteral("<none>"));
}

QTEST_GUILESS_MAIN(TestCacheEligibility)
#include "tst_cacheeligibility.moc"
