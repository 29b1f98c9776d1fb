#include "HubFixture.h"
#include "citygen/CityGenerator.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"

#include <QMap>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

// Admin stats against what the generator made, agency lookups, and log lines without personal data.
class TestHubAdmin : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cityStatsEqualTheGeneratedCity();
    void districtStatsCoverTheDistrictOnly();
    void statsNeedASupervisor();
    void lookupAnswersThePersonsRecords();
    void badLookupIs422();
    void logLinesHoldNoPersonalData();

private:
    struct Generated {
        QMap<QString, QJsonObject> applications;
        QMap<QString, QJsonObject> records;
        QMap<QString, QString> schoolDistrict;
    };

    HubFixture m_hub{HubFixture::City::Generated, 300};
    Generated m_city;
};

void TestHubAdmin::initTestCase()
{
    g_previous = qInstallMessageHandler(collect);
    QVERIFY(m_hub.start());
    // The same city again, straight from the generator.
    adm::citygen::Options options;
    options.applications = 300;
    options.seed = m_hub.options.seed;
    adm::citygen::CityGenerator generator(options);
    generator.generate([this](const adm::Change& c) {
        if (c.entity == QLatin1String("application"))
            m_city.applications.insert(c.id, c.data);
        else if (c.entity == QLatin1String("agency_record") && !c.isDelete())
            m_city.records.insert(c.id, c.data);
        else if (c.entity == QLatin1String("agency_record"))
            m_city.records.remove(c.id);
        else if (c.entity == QLatin1String("school"))
            m_city.schoolDistrict.insert(c.id, c.data.value(QStringLiteral("district_code")).toString());
    });
    QCOMPARE(m_city.applications.size(), 300);
    QVERIFY(!m_city.records.isEmpty());
}

void TestHubAdmin::cleanupTestCase()
{
    qInstallMessageHandler(g_previous);
}

void TestHubAdmin::cityStatsEqualTheGeneratedCity()
{
    const auto r = m_hub.get(QStringLiteral("/api/v1/admin/stats"), m_hub.login(QStringLiteral("supervisor.city")));
    QCOMPARE(r.status, 200);
    QMap<QString, int> byStatus;
    int decisions = 0;
    for (const QJsonObject& a : std::as_const(m_city.applications)) {
        byStatus[a.value(QStringLiteral("status")).toString()] += 1;
        decisions += a.value(QStringLiteral("decision")).isObject() ? 1 : 0;
    }
    QCOMPARE(r.json.value(QStringLiteral("applications")).toInt(), int(m_city.applications.size()));
    QCOMPARE(r.json.value(QStringLiteral("agency_records")).toInt(), int(m_city.records.size()));
    QCOMPARE(r.json.value(QStringLiteral("decisions")).toInt(), decisions);
    const QJsonObject statuses = r.json.value(QStringLiteral("by_status")).toObject();
    int sum = 0;
    for (auto it = statuses.constBegin(); it != statuses.constEnd(); ++it) {
        QCOMPARE(it.value().toInt(), byStatus.value(it.key()));
        sum += it.value().toInt();
    }
    QCOMPARE(sum, int(m_city.applications.size()));
    for (const QString& s : byStatus.keys())
        QVERIFY2(statuses.contains(s), qPrintable(s));
}

void TestHubAdmin::districtStatsCoverTheDistrictOnly()
{
    QString supervisor;
    for (const QJsonValue& v : m_hub.accounts()) {
        const QJsonObject a = v.toObject();
        if (a.value(QStringLiteral("roles")).toArray().contains(QStringLiteral("supervisor")) &&
            a.value(QStringLiteral("district_code")).toString() != QLatin1String("371100"))
            supervisor = a.value(QStringLiteral("account")).toString();
    }
    QVERIFY(!supervisor.isEmpty());
    const QString district = m_hub.account(supervisor).value(QStringLiteral("district_code")).toString();
    int expected = 0;
    QSet<QString> people;
    for (const QJsonObject& a : std::as_const(m_city.applications)) {
        if (m_city.schoolDistrict.value(a.value(QStringLiteral("target_school_id")).toString()) != district)
            continue;
        ++expected;
        people.insert(a.value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString());
        for (const QJsonValue& g : a.value(QStringLiteral("guardians")).toArray())
            people.insert(g.toObject().value(QStringLiteral("id_number")).toString());
    }
    int records = 0;
    for (const QJsonObject& rec : std::as_const(m_city.records)) {
        bool concerns = false;
        for (const QJsonValue& v : rec.value(QStringLiteral("subject_id_numbers")).toArray())
            concerns = concerns || people.contains(v.toString());
        records += concerns ? 1 : 0;
    }
    QVERIFY(expected > 0 && expected < m_city.applications.size());
    const auto r = m_hub.get(QStringLiteral("/api/v1/admin/stats"), m_hub.login(supervisor));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("applications")).toInt(), expected);
    QCOMPARE(r.json.value(QStringLiteral("agency_records")).toInt(), records);
}

void TestHubAdmin::statsNeedASupervisor()
{
    for (const QString& role : {QStringLiteral("clerk"), QStringLiteral("reviewer"), QStringLiteral("principal")}) {
        const auto r = m_hub.get(QStringLiteral("/api/v1/admin/stats"), m_hub.login(m_hub.accountWithRole(role)));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
    }
}

void TestHubAdmin::lookupAnswersThePersonsRecords()
{
    // The person with the most records in the city.
    QMap<QString, int> counts;
    for (const QJsonObject& rec : std::as_const(m_city.records)) {
        for (const QJsonValue& v : rec.value(QStringLiteral("subject_id_numbers")).toArray())
            counts[v.toString()] += 1;
    }
    QString person;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (person.isEmpty() || it.value() > counts.value(person))
            person = it.key();
    }
    QVERIFY(counts.value(person) >= 2);
    const QString clerk = m_hub.login(m_hub.accountWithRole(QStringLiteral("clerk")));
    const auto r = m_hub.get(QStringLiteral("/api/v1/agency/lookup?id_number=") + person, clerk);
    QCOMPARE(r.status, 200);
    const QJsonArray records = r.json.value(QStringLiteral("records")).toArray();
    QCOMPARE(records.size(), counts.value(person));
    for (const QJsonValue& v : records) {
        const QJsonObject rec = v.toObject();
        QVERIFY(rec.value(QStringLiteral("subject_id_numbers")).toArray().contains(person));
        QCOMPARE(rec, m_city.records.value(rec.value(QStringLiteral("id")).toString()));
    }
    // A valid number nobody has: no records.
    const QString nobody = QStringLiteral("11010519491231002");
    const auto none = m_hub.get(
        QStringLiteral("/api/v1/agency/lookup?id_number=") + nobody + adm::IdNumber::checkCharacter(nobody), clerk);
    QCOMPARE(none.status, 200);
    QVERIFY(none.json.value(QStringLiteral("records")).toArray().isEmpty());
}

void TestHubAdmin::badLookupIs422()
{
    const QString token = m_hub.login(QStringLiteral("supervisor.city"));
    auto r = m_hub.get(QStringLiteral("/api/v1/agency/lookup"), token);
    QCOMPARE(r.status, 422);
    QVERIFY(r.errorMessage().startsWith(QStringLiteral("id_number:")));
    r = m_hub.get(QStringLiteral("/api/v1/agency/lookup?id_number=12345"), token);
    QCOMPARE(r.status, 422);
    QVERIFY(r.errorMessage().startsWith(QStringLiteral("id_number:")));
}

void TestHubAdmin::logLinesHoldNoPersonalData()
{
    QStringList lines;
    {
        QMutexLocker lock(&g_logMutex);
        lines = g_log;
    }
    const QStringList requests = lines.filter(QStringLiteral("/api/v1/agency/lookup"));
    QVERIFY(requests.size() >= 3); // the lookups above were logged...
    QSet<QString> ids;
    QSet<QString> names;
    for (const QJsonObject& a : std::as_const(m_city.applications)) {
        ids.insert(a.value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString());
        names.insert(a.value(QStringLiteral("child")).toObject().value(QStringLiteral("name")).toString());
        for (const QJsonValue& g : a.value(QStringLiteral("guardians")).toArray()) {
            ids.insert(g.toObject().value(QStringLiteral("id_number")).toString());
            names.insert(g.toObject().value(QStringLiteral("name")).toString());
        }
    }
    for (const QString& line : std::as_const(lines)) {
        // ...without the number looked up, nor any name or number of the city.
        QVERIFY2(!line.contains(QRegularExpression(QStringLiteral("\\d{17}[\\dXx]"))), qPrintable(line));
        for (const QString& n : std::as_const(names))
            QVERIFY2(n.size() < 2 || !line.contains(n), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestHubAdmin)
#include "tst_hubadmin.moc"
