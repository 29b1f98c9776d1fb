#include "ResultCheck.h"
#include "TestSupport.h"
#include "domain/JsonCodec.h"
#include "security/Crypto.h"
#include "store/CacheStats.h"
#include "store/ChangeApplier.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace adm;
using namespace adm::store;

class TestChangeApplier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void appliesFixture();
    void applyingTwiceChangesNothing();
    void olderVersionNeverOverwritesNewer();
    void deleteThenLateOlderUpsertStaysDeleted();
    void deleteWithNewerRowIsIgnored();
    void unknownFieldsAndDatasetsKept();
    void unknownEntityKept();
    void invalidChangeRejectsWholeBatch();
    void metaWrittenWithBatch();
    void peopleAndSubjectsFollowUpdates();
    void durableSettingsComeBackAfterABatch();

private:
    QString dataOf(const QString& table, const QString& id);
    qint64 count(const QString& sql);
    static Change app(const QString& id, qint64 version, const QString& status, const QJsonObject& extra = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ChangeApplier> m_applier;
};

Change TestChangeApplier::app(const QString& id, qint64 version, const QString& status, const QJsonObject& extra)
{
    QJsonObject data = QJsonDocument::fromJson(R"({"admission_year":2026,"grade":"primary1","channel":"online",
        "submitted_at":"2026-06-01T02:00:00Z","child":{"name":"王小明","id_number":"371102201911051073"},
        "guardians":[{"name":"王强","id_number":"37110219880315103X","relation":"father","phone":"13800000000"}],
        "target_school_id":"S371102001","claimed_category":"A","claimed_address":"","decision":null})")
                           .object();
    data.insert(QStringLiteral("id"), id);
    data.insert(QStringLiteral("version"), version);
    data.insert(QStringLiteral("status"), status);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        data.insert(it.key(), it.value());
    return Change{0, entity::Application, QStringLiteral("upsert"), id, version, data};
}

void TestChangeApplier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("cache.db")), crypto::randomBytes(32),
                             Database::OpenMode::Create);
    QVERIFY(db.ok());
    m_db = std::move(*db);
    m_applier = std::make_unique<ChangeApplier>(m_db->writer());
}

void TestChangeApplier::cleanup()
{
    m_applier.reset();
    m_db.reset();
    m_dir.reset();
}

QString TestChangeApplier::dataOf(const QString& table, const QString& id)
{
    auto q = m_db->writer().prepare(QStringLiteral("SELECT data FROM %1 WHERE id = ?").arg(table));
    q->bind(1, id);
    return q->step() ? q->text(0) : QString();
}

qint64 TestChangeApplier::count(const QString& sql)
{
    return TEST_VALUE(m_db->writer().scalar(sql)).toLongLong();
}

void TestChangeApplier::appliesFixture()
{
    QList<Change> changes;
    for (const QJsonObject& o : testsupport::fixtureChanges())
        changes.append(TEST_VALUE(json::readChange(o)));
    auto stats = m_applier->apply(changes);
    QVERIFY2(stats.ok(), qPrintable(stats.error().message));
    QCOMPARE(stats->upserted, changes.size());
    auto counts = collectCacheStats(m_db->writer());
    QVERIFY_OK(counts);
    const QJsonObject entities = counts->value(QStringLiteral("entities")).toObject();
    QCOMPARE(entities.value(QStringLiteral("application")).toInt(), 9);
    QCOMPARE(entities.value(QStringLiteral("agency_record")).toInt(), 18);
    QCOMPARE(entities.value(QStringLiteral("school")).toInt(), 2);
    QCOMPARE(counts->value(QStringLiteral("datasets")).toObject().value(QStringLiteral("rental_filing")).toInt(), 2);
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM record_subjects")) > 18);
}

void TestChangeApplier::applyingTwiceChangesNothing()
{
    QList<Change> changes;
    for (const QJsonObject& o : testsupport::fixtureChanges())
        changes.append(TEST_VALUE(json::readChange(o)));
    QVERIFY2(!changes.isEmpty(), "no shared fixture (see the warning above)");
    QVERIFY(m_applier->apply(changes).ok());
    const QString before = dataOf(QStringLiteral("applications"), QStringLiteral("A2026P0001"));
    const qint64 people = count(QStringLiteral("SELECT count(*) FROM application_people"));
    auto again = m_applier->apply(changes);
    QVERIFY(again.ok());
    QCOMPARE(again->upserted, 0);
    QCOMPARE(again->skipped, changes.size());
    QCOMPARE(dataOf(QStringLiteral("applications"), QStringLiteral("A2026P0001")), before);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM application_people")), people);
}

void TestChangeApplier::olderVersionNeverOverwritesNewer()
{
    QVERIFY(m_applier->apply({app(QStringLiteral("A1"), 3, QStringLiteral("approved"))}).ok());
    auto stats = m_applier->apply({app(QStringLiteral("A1"), 2, QStringLiteral("submitted"))});
    QVERIFY_OK(stats);
    QCOMPARE(stats->skipped, 1);
    QVERIFY(dataOf(QStringLiteral("applications"), QStringLiteral("A1")).contains(QStringLiteral("approved")));
    // Within one batch, too: the newest wins whatever the order.
    QVERIFY(m_applier
                ->apply({app(QStringLiteral("A2"), 5, QStringLiteral("rejected")),
                         app(QStringLiteral("A2"), 4, QStringLiteral("under_review"))})
                .ok());
    QVERIFY(dataOf(QStringLiteral("applications"), QStringLiteral("A2")).contains(QStringLiteral("rejected")));
    QCOMPARE(count(QStringLiteral("SELECT version FROM applications WHERE id = 'A2'")), 5);
}

void TestChangeApplier::deleteThenLateOlderUpsertStaysDeleted()
{
    QVERIFY(m_applier->apply({app(QStringLiteral("A1"), 2, QStringLiteral("submitted"))}).ok());
    const Change del{0, entity::Application, QStringLiteral("delete"), QStringLiteral("A1"), 3, {}};
    auto stats = m_applier->apply({del});
    QVERIFY_OK(stats);
    QCOMPARE(stats->deleted, 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM applications")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM application_people")), 0);
    QVERIFY(m_applier->apply({app(QStringLiteral("A1"), 2, QStringLiteral("submitted"))}).ok());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM applications")), 0);
    // A genuinely newer version brings it back.
    QVERIFY(m_applier->apply({app(QStringLiteral("A1"), 4, QStringLiteral("submitted"))}).ok());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM applications")), 1);
    // Deleting twice is harmless.
    QVERIFY(m_applier->apply({del, del}).ok());
}

void TestChangeApplier::deleteWithNewerRowIsIgnored()
{
    QVERIFY(m_applier->apply({app(QStringLiteral("A1"), 6, QStringLiteral("submitted"))}).ok());
    auto stats =
        m_applier->apply({Change{0, entity::Application, QStringLiteral("delete"), QStringLiteral("A1"), 5, {}}});
    QVERIFY_OK(stats);
    QCOMPARE(stats->skipped, 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM applications")), 1);
}

void TestChangeApplier::unknownFieldsAndDatasetsKept()
{
    const QJsonObject extra{{QStringLiteral("wechat_openid"), QStringLiteral("o-123")},
                            {QStringLiteral("future"), QJsonObject{{QStringLiteral("x"), 1}}}};
    QVERIFY(m_applier->apply({app(QStringLiteral("A1"), 1, QStringLiteral("submitted"), extra)}).ok());
    const QJsonObject stored =
        QJsonDocument::fromJson(dataOf(QStringLiteral("applications"), QStringLiteral("A1")).toUtf8()).object();
    QCOMPARE(stored.value(QStringLiteral("wechat_openid")).toString(), QStringLiteral("o-123"));
    QCOMPARE(stored.value(QStringLiteral("future")).toObject().value(QStringLiteral("x")).toInt(), 1);

    const QJsonObject record = QJsonDocument::fromJson(R"({"id":"R-TAX-1","agency":"tax","dataset":"tax_payment",
        "source_ref":"T-1","subject_id_numbers":["37110219880315103X"],"fetched_at":"2026-06-02T01:00:00Z",
        "fields":{"months":12,"unknown_nested":{"a":[1,2,3]}}})")
                                   .object();
    QVERIFY(
        m_applier
            ->apply({Change{0, entity::AgencyRecord, QStringLiteral("upsert"), QStringLiteral("R-TAX-1"), 1, record}})
            .ok());
    QCOMPARE(
        QJsonDocument::fromJson(dataOf(QStringLiteral("agency_records"), QStringLiteral("R-TAX-1")).toUtf8()).object(),
        record);
    auto counts = collectCacheStats(m_db->writer());
    QVERIFY_OK(counts);
    QCOMPARE(counts->value(QStringLiteral("datasets")).toObject().value(QStringLiteral("tax_payment")).toInt(), 1);
}

void TestChangeApplier::unknownEntityKept()
{
    const QJsonObject data{{QStringLiteral("id"), QStringLiteral("K1")}, {QStringLiteral("note"), QStringLiteral("n")}};
    QVERIFY(m_applier
                ->apply({Change{0, QStringLiteral("student_status"), QStringLiteral("upsert"), QStringLiteral("K1"), 1,
                                data}})
                .ok());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM other_entities WHERE entity = 'student_status'")), 1);
    auto counts = collectCacheStats(m_db->writer());
    QVERIFY_OK(counts);
    QCOMPARE(counts->value(QStringLiteral("entities")).toObject().value(QStringLiteral("student_status")).toInt(), 1);
}

void TestChangeApplier::invalidChangeRejectsWholeBatch()
{
    Change bad = app(QStringLiteral("A9"), 1, QStringLiteral("submitted"));
    bad.data.insert(QStringLiteral("grade"), QStringLiteral("grade9"));
    bad.seq = 77;
    auto result = m_applier->apply({app(QStringLiteral("A1"), 1, QStringLiteral("submitted")), bad});
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(QStringLiteral("77")), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QStringLiteral("grade")), qPrintable(result.error().message));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM applications")), 0);
}

void TestChangeApplier::metaWrittenWithBatch()
{
    QVERIFY(m_applier
                ->apply({app(QStringLiteral("A1"), 1, QStringLiteral("submitted"))},
                        {{QStringLiteral("feed.cursor"), QStringLiteral("c-1")}})
                .ok());
    QCOMPARE(TEST_VALUE(m_db->meta(QStringLiteral("feed.cursor"))), QStringLiteral("c-1"));
    Change bad = app(QStringLiteral("A2"), 1, QStringLiteral("submitted"));
    bad.data.remove(QStringLiteral("child"));
    QVERIFY(!m_applier->apply({bad}, {{QStringLiteral("feed.cursor"), QStringLiteral("c-2")}}).ok());
    QCOMPARE(TEST_VALUE(m_db->meta(QStringLiteral("feed.cursor"))), QStringLiteral("c-1"));
}

// A batch commits without waiting for the disk, but what comes after it (a decision, an audit
// entry) must find the connection's durable settings as the cache set them.
void TestChangeApplier::durableSettingsComeBackAfterABatch()
{
    const qint64 synchronous = count(QStringLiteral("PRAGMA synchronous"));
    const qint64 checkpoint = count(QStringLiteral("PRAGMA wal_autocheckpoint"));
    QCOMPARE(synchronous, qint64(2)); // FULL, as Database opens the writer
    QVERIFY(m_applier->apply({app(QStringLiteral("A1"), 1, QStringLiteral("submitted"))}).ok());
    QCOMPARE(count(QStringLiteral("PRAGMA synchronous")), synchronous);
    QCOMPARE(count(QStringLiteral("PRAGMA wal_autocheckpoint")), checkpoint);
    Change bad = app(QStringLiteral("A2"), 1, QStringLiteral("submitted"));
    bad.data.remove(QStringLiteral("child"));
    QVERIFY(!m_applier->apply({bad}).ok()); // refused before anything is written
    QCOMPARE(count(QStringLiteral("PRAGMA synchronous")), synchronous);
}

void TestChangeApplier::peopleAndSubjectsFollowUpdates()
{
    QVERIFY(m_applier->apply({app(QStringLiteral("A1"), 1, QStringLiteral("submitted"))}).ok());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM application_people WHERE application_id = 'A1'")), 2);
    Change v2 = app(QStringLiteral("A1"), 2, QStringLiteral("submitted"));
    v2.data.insert(QStringLiteral("guardians"), QJsonArray());
    QVERIFY(m_applier->apply({v2}).ok());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM application_people WHERE application_id = 'A1'")), 1);
}

QTEST_GUILESS_MAIN(TestChangeApplier)
#include "tst_changeapplier.moc"
