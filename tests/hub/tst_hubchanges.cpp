#include "CityRepository.h"
#include "HubFixture.h"
#include "HubStorage.h"

#include <QSet>
#include <QTest>

// The change feed: paging, cursors, scopes, deletes and expiry.
class TestHubChanges : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fullPullPagesWithCursor();
    void reviewerSeesOnlyItsSchools_data();
    void reviewerSeesOnlyItsSchools();
    void supervisorsSeeTheirDistrictOrCity();
    void badLimitIs422_data();
    void badLimitIs422();
    void badCursorIs422AndForeignCursor410();
    void incrementalPullGetsTheNewVersion();
    void deleteArrivesAsTombstone();
    void cursorExpiresAfterRetention();

private:
    static QSet<QString> peopleOf(const QList<QJsonObject>& changes);
    QJsonObject decide(HubFixture& hub, const QString& token, const QString& applicationId, qint64 baseVersion);

    HubFixture m_hub;
};

QSet<QString> TestHubChanges::peopleOf(const QList<QJsonObject>& changes)
{
    QSet<QString> people;
    for (const QJsonObject& c : changes) {
        if (c.value(QStringLiteral("entity")).toString() != QLatin1String("application"))
            continue;
        const QJsonObject d = c.value(QStringLiteral("data")).toObject();
        people.insert(d.value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString());
        for (const QJsonValue& g : d.value(QStringLiteral("guardians")).toArray())
            people.insert(g.toObject().value(QStringLiteral("id_number")).toString());
    }
    return people;
}

QJsonObject TestHubChanges::decide(HubFixture& hub, const QString& token, const QString& applicationId,
                                   qint64 baseVersion)
{
    const auto r = hub.post(QStringLiteral("/api/v1/decisions"),
                            QJsonObject{{QStringLiteral("decisions"),
                                         QJsonArray{QJsonObject{{QStringLiteral("idempotency_key"), newKey()},
                                                                {QStringLiteral("application_id"), applicationId},
                                                                {QStringLiteral("base_version"), baseVersion},
                                                                {QStringLiteral("outcome"), QStringLiteral("approve")},
                                                                {QStringLiteral("category"), QStringLiteral("A")}}}}},
                            token);
    return r.result();
}

void TestHubChanges::initTestCase()
{
    QVERIFY(m_hub.start());
}

void TestHubChanges::fullPullPagesWithCursor()
{
    const QString token = m_hub.login(QStringLiteral("supervisor.city"));
    const QList<QJsonObject> all = m_hub.pullAll(token, 5000);
    QCOMPARE(all.size(), 32); // the fixture city: 1 policy, 2 schools, 2 zones, 18 records, 9 applications

    QString cursor;
    QList<QJsonObject> paged;
    int pages = 0;
    qint64 lastSeq = 0;
    while (true) {
        QString path = QStringLiteral("/api/v1/changes?limit=5");
        if (!cursor.isEmpty())
            path += QStringLiteral("&after=") + cursor;
        const auto r = m_hub.get(path, token);
        QCOMPARE(r.status, 200);
        const QJsonArray changes = r.json.value(QStringLiteral("changes")).toArray();
        QVERIFY(changes.size() <= 5);
        for (const QJsonValue& v : changes) {
            const qint64 seq = v.toObject().value(QStringLiteral("seq")).toInteger();
            QVERIFY(seq > lastSeq);
            lastSeq = seq;
            paged.append(v.toObject());
        }
        QVERIFY(!r.json.value(QStringLiteral("server_time")).toString().isEmpty());
        QVERIFY(r.json.value(QStringLiteral("has_more")).isBool());
        cursor = r.json.value(QStringLiteral("cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        ++pages;
        if (!r.json.value(QStringLiteral("has_more")).toBool())
            break;
        QCOMPARE(changes.size(), 5);
        QVERIFY(pages < 20);
    }
    QCOMPARE(pages, 7);
    QCOMPARE(paged, all);
    // Nothing new after the last cursor.
    const auto r = m_hub.get(QStringLiteral("/api/v1/changes?after=") + cursor, token);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.value(QStringLiteral("changes")).toArray().isEmpty());
    QCOMPARE(r.json.value(QStringLiteral("has_more")).toBool(), false);

    // Each change has the contract's shape.
    for (const QJsonObject& c : all) {
        QVERIFY(QStringList({QStringLiteral("policy"), QStringLiteral("school"), QStringLiteral("zone"),
                             QStringLiteral("application"), QStringLiteral("agency_record")})
                    .contains(c.value(QStringLiteral("entity")).toString()));
        QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
        QCOMPARE(c.value(QStringLiteral("id")).toString(),
                 c.value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString());
        QVERIFY(c.value(QStringLiteral("version")).toInteger() >= 1);
    }
}

void TestHubChanges::reviewerSeesOnlyItsSchools_data()
{
    QTest::addColumn<QString>("school");
    QTest::addColumn<int>("applications");
    QTest::newRow("S371102001") << QStringLiteral("S371102001") << 7;
    QTest::newRow("S371102002") << QStringLiteral("S371102002") << 2;
}

void TestHubChanges::reviewerSeesOnlyItsSchools()
{
    QFETCH(QString, school);
    QFETCH(int, applications);
    const QString token = m_hub.login(m_hub.accountWithRole(QStringLiteral("reviewer"), school));
    const QList<QJsonObject> seen = m_hub.pullAll(token, 3);
    const QList<QJsonObject> everything = m_hub.pullAll(m_hub.login(QStringLiteral("supervisor.city")));
    const QSet<QString> people = peopleOf(seen);
    int apps = 0;
    int records = 0;
    QSet<QString> seenIds;
    for (const QJsonObject& c : seen) {
        const QString entity = c.value(QStringLiteral("entity")).toString();
        const QJsonObject d = c.value(QStringLiteral("data")).toObject();
        seenIds.insert(entity + u'/' + c.value(QStringLiteral("id")).toString());
        if (entity == QLatin1String("application")) {
            QCOMPARE(d.value(QStringLiteral("target_school_id")).toString(), school);
            ++apps;
        } else if (entity == QLatin1String("agency_record")) {
            bool concerns = false;
            for (const QJsonValue& v : d.value(QStringLiteral("subject_id_numbers")).toArray())
                concerns = concerns || people.contains(v.toString());
            QVERIFY2(concerns, qPrintable(c.value(QStringLiteral("id")).toString()));
            ++records;
        }
    }
    QCOMPARE(apps, applications);
    QVERIFY(records > 0);
    // And nothing it may see is held back: every record of its people, every piece of reference data.
    for (const QJsonObject& c : everything) {
        const QString entity = c.value(QStringLiteral("entity")).toString();
        const QString key = entity + u'/' + c.value(QStringLiteral("id")).toString();
        const QJsonObject d = c.value(QStringLiteral("data")).toObject();
        bool should = entity != QLatin1String("application") && entity != QLatin1String("agency_record");
        if (entity == QLatin1String("application"))
            should = d.value(QStringLiteral("target_school_id")).toString() == school;
        if (entity == QLatin1String("agency_record")) {
            for (const QJsonValue& v : d.value(QStringLiteral("subject_id_numbers")).toArray())
                should = should || people.contains(v.toString());
        }
        QCOMPARE(seenIds.contains(key), should);
    }
}

void TestHubChanges::supervisorsSeeTheirDistrictOrCity()
{
    const QList<QJsonObject> district = m_hub.pullAll(m_hub.login(QStringLiteral("supervisor.371102")));
    const QList<QJsonObject> city = m_hub.pullAll(m_hub.login(QStringLiteral("supervisor.city")));
    QCOMPARE(district.size(), city.size()); // both fixture schools lie in 371102
    QVERIFY(!city.isEmpty());
}

void TestHubChanges::badLimitIs422_data()
{
    QTest::addColumn<QString>("limit");
    QTest::newRow("zero") << QStringLiteral("0");
    QTest::newRow("too many") << QStringLiteral("5001");
    QTest::newRow("negative") << QStringLiteral("-3");
    QTest::newRow("text") << QStringLiteral("abc");
    QTest::newRow("fraction") << QStringLiteral("2.5");
}

void TestHubChanges::badLimitIs422()
{
    QFETCH(QString, limit);
    const auto r =
        m_hub.get(QStringLiteral("/api/v1/changes?limit=") + limit, m_hub.login(QStringLiteral("supervisor.city")));
    QCOMPARE(r.status, 422);
    QVERIFY2(r.errorMessage().startsWith(QStringLiteral("limit:")), qPrintable(r.errorMessage()));
}

void TestHubChanges::badCursorIs422AndForeignCursor410()
{
    const QString token = m_hub.login(QStringLiteral("supervisor.city"));
    auto r = m_hub.get(QStringLiteral("/api/v1/changes?after=garbage"), token);
    QCOMPARE(r.status, 422);
    QVERIFY(r.errorMessage().startsWith(QStringLiteral("after:")));

    // A cursor of another hub (another epoch) is too old for this one.
    HubFixture other;
    QVERIFY(other.start());
    QString foreign;
    other.pullAll(other.login(QStringLiteral("supervisor.city")), 5000, &foreign);
    QVERIFY(!foreign.isEmpty());
    r = m_hub.get(QStringLiteral("/api/v1/changes?after=") + foreign, token);
    QCOMPARE(r.status, 410);
    QCOMPARE(r.errorCode(), QStringLiteral("cursor_expired"));
}

void TestHubChanges::incrementalPullGetsTheNewVersion()
{
    const QString reviewer =
        m_hub.login(m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001")));
    const QString other = m_hub.login(m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102002")));
    QString cursor;
    QString otherCursor;
    const QList<QJsonObject> before = m_hub.pullAll(reviewer, 5000, &cursor);
    m_hub.pullAll(other, 5000, &otherCursor);
    QJsonObject target;
    for (const QJsonObject& c : before) {
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("application") &&
            c.value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toString() ==
                QLatin1String("submitted"))
            target = c;
    }
    QVERIFY(!target.isEmpty());
    const QString id = target.value(QStringLiteral("id")).toString();
    const qint64 version = target.value(QStringLiteral("version")).toInteger();
    const QJsonObject result = decide(m_hub, reviewer, id, version);
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));

    const QList<QJsonObject> delta = m_hub.pullAll(reviewer, 5000, &cursor);
    QCOMPARE(delta.size(), 1);
    QCOMPARE(delta.first().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(delta.first().value(QStringLiteral("version")).toInteger(), version + 1);
    const QJsonObject data = delta.first().value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
    QCOMPARE(data.value(QStringLiteral("version")).toInteger(), version + 1);
    QCOMPARE(data.value(QStringLiteral("decision")).toObject().value(QStringLiteral("outcome")).toString(),
             QStringLiteral("approve"));
    // The other school's reviewer hears nothing of it.
    QVERIFY(m_hub.pullAll(other, 5000, &otherCursor).isEmpty());
}

void TestHubChanges::deleteArrivesAsTombstone()
{
    const QString token = m_hub.login(QStringLiteral("supervisor.city"));
    QString cursor;
    m_hub.pullAll(token, 5000, &cursor);
    adm::hub::HubStorage& storage = m_hub.hub().storage();
    auto record = m_hub.hub().city().record(QStringLiteral("R-P-0001"));
    QVERIFY(record && record->has_value());
    {
        adm::store::Transaction t(storage.connection());
        QVERIFY(bool(m_hub.hub().city().deleteRecord(QStringLiteral("R-P-0001"), (*record)->version + 1)));
        QVERIFY(t.commit().ok());
    }
    const QList<QJsonObject> delta = m_hub.pullAll(token, 5000, &cursor);
    QCOMPARE(delta.size(), 1);
    QCOMPARE(delta.first().value(QStringLiteral("op")).toString(), QStringLiteral("delete"));
    QCOMPARE(delta.first().value(QStringLiteral("entity")).toString(), QStringLiteral("agency_record"));
    QCOMPARE(delta.first().value(QStringLiteral("version")).toInteger(), (*record)->version + 1);
    QVERIFY(!delta.first().contains(QStringLiteral("data")));
    // The reviewer whose family it concerned gets the delete as well.
    const QString reviewer =
        m_hub.login(m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001")));
    bool found = false;
    for (const QJsonObject& c : m_hub.pullAll(reviewer))
        found = found || (c.value(QStringLiteral("id")).toString() == QLatin1String("R-P-0001") &&
                          c.value(QStringLiteral("op")).toString() == QLatin1String("delete"));
    QVERIFY(found);
}

void TestHubChanges::cursorExpiresAfterRetention()
{
    HubFixture hub;
    hub.options.cursorRetention = 3;
    QVERIFY(hub.start());
    const QString supervisor = hub.login(QStringLiteral("supervisor.city"));
    const QString reviewer = hub.login(hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001")));
    QString cursor;
    QList<QJsonObject> apps;
    for (const QJsonObject& c : hub.pullAll(supervisor, 5000, &cursor)) {
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("application") &&
            c.value(QStringLiteral("data")).toObject().value(QStringLiteral("target_school_id")).toString() ==
                QLatin1String("S371102001"))
            apps.append(c);
    }
    QVERIFY(apps.size() >= 4);
    // Three changes after the cursor: still inside the retention.
    for (int i = 0; i < 3; ++i) {
        const QJsonObject r = decide(hub, reviewer, apps.at(i).value(QStringLiteral("id")).toString(),
                                     apps.at(i).value(QStringLiteral("version")).toInteger());
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    }
    QCOMPARE(hub.get(QStringLiteral("/api/v1/changes?after=") + cursor, supervisor).status, 200);
    // A fourth: the cursor is too old.
    decide(hub, reviewer, apps.at(3).value(QStringLiteral("id")).toString(),
           apps.at(3).value(QStringLiteral("version")).toInteger());
    const auto r = hub.get(QStringLiteral("/api/v1/changes?after=") + cursor, supervisor);
    QCOMPARE(r.status, 410);
    QCOMPARE(r.errorCode(), QStringLiteral("cursor_expired"));
    // A full pull starts again.
    QCOMPARE(hub.pullAll(supervisor).size(), 32);
}

QTEST_GUILESS_MAIN(TestHubChanges)
#include "tst_hubchanges.moc"
