#include "HubFixture.h"
#include "HubStorage.h"
#include "LiveCity.h"
#include "domain/IdNumber.h"

#include <QMap>
#include <QTest>

// --live: the city keeps moving, with bumped versions, new applications, deletes and conflicts.
class TestHubLive : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void eventsBumpVersionsAndEmitChanges();
    void reviewerMeetsConflicts();
    void statsFollowTheCity();
    void runsOnItsOwnAtTheGivenRate();

private:
    HubFixture m_hub{HubFixture::City::Generated, 300};
    QString m_supervisor;
};

void TestHubLive::initTestCase()
{
    QVERIFY(m_hub.start());
    QVERIFY(m_hub.hub().live());
    m_supervisor = m_hub.login(QStringLiteral("supervisor.city"));
}

void TestHubLive::eventsBumpVersionsAndEmitChanges()
{
    QString cursor;
    QMap<QString, qint64> versions;
    for (const QJsonObject& c : m_hub.pullAll(m_supervisor, 5000, &cursor))
        versions.insert(c.value(QStringLiteral("entity")).toString() + u'/' + c.value(QStringLiteral("id")).toString(),
                        c.value(QStringLiteral("version")).toInteger());
    QVERIFY(m_hub.hub().live()->step(300));
    QVERIFY(m_hub.hub().live()->eventCount() > 200);

    const QList<QJsonObject> delta = m_hub.pullAll(m_supervisor, 100, &cursor);
    QVERIFY(delta.size() > 150);
    int fresh = 0;
    int deletes = 0;
    int withdrawn = 0;
    int decided = 0;
    for (const QJsonObject& c : delta) {
        const QString key =
            c.value(QStringLiteral("entity")).toString() + u'/' + c.value(QStringLiteral("id")).toString();
        const QJsonObject d = c.value(QStringLiteral("data")).toObject();
        if (c.value(QStringLiteral("op")).toString() == QLatin1String("delete"))
            ++deletes;
        if (!versions.contains(key)) {
            // A new application, with a valid child ID number.
            QCOMPARE(c.value(QStringLiteral("entity")).toString(), QStringLiteral("application"));
            QVERIFY(c.value(QStringLiteral("version")).toInteger() >= 1); // 1, or more if it moved on at once
            QVERIFY(adm::IdNumber::parse(
                        d.value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString())
                        .isValid());
            ++fresh;
            continue;
        }
        // Changed entities go up in version; records re-sent for a new application keep theirs.
        QVERIFY(c.value(QStringLiteral("version")).toInteger() >= versions.value(key));
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("application")) {
            QVERIFY(c.value(QStringLiteral("version")).toInteger() > versions.value(key));
            QCOMPARE(d.value(QStringLiteral("version")).toInteger(), c.value(QStringLiteral("version")).toInteger());
            withdrawn += d.value(QStringLiteral("status")).toString() == QLatin1String("withdrawn") ? 1 : 0;
            decided += d.value(QStringLiteral("decision")).isObject() ? 1 : 0;
        }
    }
    QVERIFY(fresh > 0);
    QVERIFY(deletes > 0);
    QVERIFY(withdrawn > 0);
    QVERIFY(decided > 0);
}

void TestHubLive::reviewerMeetsConflicts()
{
    const QString reviewerId = m_hub.accountWithRole(QStringLiteral("reviewer"));
    const QString reviewer = m_hub.login(reviewerId);
    QString cursor;
    QMap<QString, qint64> seen;
    for (const QJsonObject& c : m_hub.pullAll(reviewer, 5000, &cursor)) {
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("application"))
            seen.insert(c.value(QStringLiteral("id")).toString(), c.value(QStringLiteral("version")).toInteger());
    }
    // Until the city changes one of this reviewer's applications.
    QString moved;
    for (int round = 0; round < 50 && moved.isEmpty(); ++round) {
        QVERIFY(m_hub.hub().live()->step(50));
        for (const QJsonObject& c : m_hub.pullAll(reviewer, 5000, &cursor)) {
            const QString id = c.value(QStringLiteral("id")).toString();
            if (c.value(QStringLiteral("entity")).toString() == QLatin1String("application") && seen.contains(id) &&
                c.value(QStringLiteral("version")).toInteger() > seen.value(id))
                moved = id;
        }
    }
    QVERIFY(!moved.isEmpty());
    // A decision made on what the reviewer saw before is a conflict now.
    const auto r =
        m_hub.post(QStringLiteral("/api/v1/decisions"),
                   QJsonObject{{QStringLiteral("decisions"),
                                QJsonArray{QJsonObject{{QStringLiteral("idempotency_key"), newKey()},
                                                       {QStringLiteral("application_id"), moved},
                                                       {QStringLiteral("base_version"), seen.value(moved)},
                                                       {QStringLiteral("outcome"), QStringLiteral("approve")}}}}},
                   reviewer);
    QCOMPARE(r.result().value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    QCOMPARE(r.result().value(QStringLiteral("code")).toString(), QStringLiteral("version_mismatch"));
    QVERIFY(r.result().value(QStringLiteral("version")).toInteger() > seen.value(moved));
}

void TestHubLive::statsFollowTheCity()
{
    int applications = 0;
    int records = 0;
    QMap<QString, int> statuses;
    for (const QJsonObject& c : m_hub.pullAll(m_supervisor)) {
        const QString entity = c.value(QStringLiteral("entity")).toString();
        if (entity == QLatin1String("application")) {
            ++applications;
            statuses[c.value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toString()] += 1;
        } else if (entity == QLatin1String("agency_record") &&
                   c.value(QStringLiteral("op")).toString() == QLatin1String("upsert")) {
            ++records;
        }
    }
    const auto stats = m_hub.get(QStringLiteral("/api/v1/admin/stats"), m_supervisor);
    QVERIFY(applications > 300);
    QCOMPARE(stats.json.value(QStringLiteral("applications")).toInt(), applications);
    QCOMPARE(stats.json.value(QStringLiteral("agency_records")).toInt(), records);
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        QCOMPARE(stats.json.value(QStringLiteral("by_status")).toObject().value(it.key()).toInt(), it.value());
}

void TestHubLive::runsOnItsOwnAtTheGivenRate()
{
    HubFixture hub;
    hub.options.liveRate = 40;
    QVERIFY(hub.start());
    const qint64 head = hub.hub().storage().head();
    QTRY_VERIFY_WITH_TIMEOUT(hub.hub().live()->eventCount() >= 20, 10000);
    QVERIFY(hub.hub().storage().head() > head);
}

QTEST_GUILESS_MAIN(TestHubLive)
#include "tst_hublive.moc"
