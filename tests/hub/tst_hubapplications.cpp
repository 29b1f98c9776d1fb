#include "HubFixture.h"
#include "domain/IdNumber.h"

#include <QTest>

// POST /api/v1/applications: counter applications.
class TestHubApplications : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void acceptedGetsNewIdAndAppearsInFeed();
    void duplicateChildReturnsExistingApplication();
    void replayIsDuplicate();
    void badFieldsAreInvalidNamingField_data();
    void badFieldsAreInvalidNamingField();
    void anotherSchoolIs403();
    void supervisorMayNotTakeApplications();

private:
    static QString validId(const QString& first17) { return first17 + adm::IdNumber::checkCharacter(first17); }
    QJsonObject counterApplication(const QString& childId, const QString& school = QStringLiteral("S371102001"));
    HubFixture::Reply push(const QString& token, const QJsonArray& items);

    HubFixture m_hub;
    QString m_clerk;
};

void TestHubApplications::initTestCase()
{
    QVERIFY(m_hub.start());
    m_clerk = m_hub.login(m_hub.accountWithRole(QStringLiteral("clerk"), QStringLiteral("S371102001")));
    QVERIFY(!m_clerk.isEmpty());
}

QJsonObject TestHubApplications::counterApplication(const QString& childId, const QString& school)
{
    return QJsonObject{
        {QStringLiteral("idempotency_key"), newKey()},
        {QStringLiteral("client_ref"), QStringLiteral("C2-0042")},
        {QStringLiteral("admission_year"), 2026},
        {QStringLiteral("grade"), QStringLiteral("primary1")},
        {QStringLiteral("channel"), QStringLiteral("counter")},
        {QStringLiteral("submitted_at"), QStringLiteral("2026-06-03T01:20:00Z")},
        {QStringLiteral("child"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("张小雨")}, {QStringLiteral("id_number"), childId}}},
        {QStringLiteral("guardians"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("张伟")},
                                {QStringLiteral("id_number"), validId(QStringLiteral("37110219850101101"))},
                                {QStringLiteral("relation"), QStringLiteral("father")},
                                {QStringLiteral("phone"), QStringLiteral("13900000000")}}}},
        {QStringLiteral("target_school_id"), school},
        {QStringLiteral("claimed_category"), QStringLiteral("B")},
        {QStringLiteral("claimed_address"), QStringLiteral("东港区海曲东路120号")},
        {QStringLiteral("paper_evidence"),
         QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("hukou_book")},
                                {QStringLiteral("checked_by"), QStringLiteral("clerk")},
                                {QStringLiteral("note"), QStringLiteral("original seen")}}}}};
}

HubFixture::Reply TestHubApplications::push(const QString& token, const QJsonArray& items)
{
    return m_hub.post(QStringLiteral("/api/v1/applications"), QJsonObject{{QStringLiteral("applications"), items}},
                      token);
}

void TestHubApplications::acceptedGetsNewIdAndAppearsInFeed()
{
    const QString reviewer =
        m_hub.login(m_hub.accountWithRole(QStringLiteral("reviewer"), QStringLiteral("S371102001")));
    QString cursor;
    m_hub.pullAll(reviewer, 5000, &cursor);

    const QString child = validId(QStringLiteral("37110220191201201"));
    const auto r = push(m_clerk, {counterApplication(child)});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.result().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    const QString id = r.result().value(QStringLiteral("id")).toString();
    QVERIFY(id.startsWith(QStringLiteral("A2026")));
    QCOMPARE(r.result().value(QStringLiteral("version")).toInteger(), 1);

    const QList<QJsonObject> delta = m_hub.pullAll(reviewer, 5000, &cursor);
    QCOMPARE(delta.size(), 1);
    const QJsonObject data = delta.first().value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(data.value(QStringLiteral("status")).toString(), QStringLiteral("submitted"));
    QCOMPARE(data.value(QStringLiteral("channel")).toString(), QStringLiteral("counter"));
    QCOMPARE(data.value(QStringLiteral("version")).toInteger(), 1);
    QCOMPARE(data.value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString(), child);
    QCOMPARE(data.value(QStringLiteral("client_ref")).toString(), QStringLiteral("C2-0042"));
    QVERIFY(data.value(QStringLiteral("decision")).isNull());
    QVERIFY(!data.contains(QStringLiteral("idempotency_key")));
}

void TestHubApplications::duplicateChildReturnsExistingApplication()
{
    // A child of the fixture city who applied online.
    QString existingId;
    QString child;
    for (const QJsonObject& c : m_hub.pullAll(m_hub.login(QStringLiteral("supervisor.city")))) {
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("application") &&
            c.value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toString() !=
                QLatin1String("withdrawn")) {
            existingId = c.value(QStringLiteral("id")).toString();
            child = c.value(QStringLiteral("data"))
                        .toObject()
                        .value(QStringLiteral("child"))
                        .toObject()
                        .value(QStringLiteral("id_number"))
                        .toString();
            break;
        }
    }
    QVERIFY(!child.isEmpty());
    const auto r = push(m_clerk, {counterApplication(child)});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.result().value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    QCOMPARE(r.result().value(QStringLiteral("code")).toString(), QStringLiteral("duplicate_child"));
    QCOMPARE(r.result().value(QStringLiteral("id")).toString(), existingId);

    // Also against one taken at the counter a moment ago, with a lower-case check character.
    const QString fresh = validId(QStringLiteral("37110220200202202"));
    const auto first = push(m_clerk, {counterApplication(fresh)});
    QCOMPARE(first.result().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    const auto second = push(m_clerk, {counterApplication(fresh.toLower())});
    QCOMPARE(second.result().value(QStringLiteral("code")).toString(), QStringLiteral("duplicate_child"));
    QCOMPARE(second.result().value(QStringLiteral("id")).toString(),
             first.result().value(QStringLiteral("id")).toString());
}

void TestHubApplications::replayIsDuplicate()
{
    const QJsonObject item = counterApplication(validId(QStringLiteral("37110220191111111")));
    const auto first = push(m_clerk, {item});
    QCOMPARE(first.result().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    const auto replay = push(m_clerk, {item});
    QCOMPARE(replay.result().value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    QCOMPARE(replay.result().value(QStringLiteral("id")).toString(),
             first.result().value(QStringLiteral("id")).toString());
}

void TestHubApplications::badFieldsAreInvalidNamingField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("named");
    QTest::newRow("check character") << QStringLiteral("child")
                                     << QJsonValue(QJsonObject{
                                            {QStringLiteral("name"), QStringLiteral("王一")},
                                            {QStringLiteral("id_number"), QStringLiteral("371102201912012011")}})
                                     << QStringLiteral("applications[0].child.id_number");
    QTest::newRow("child missing") << QStringLiteral("child") << QJsonValue()
                                   << QStringLiteral("applications[0].child");
    QTest::newRow("year type") << QStringLiteral("admission_year") << QJsonValue(QStringLiteral("2026"))
                               << QStringLiteral("applications[0].admission_year");
    QTest::newRow("grade") << QStringLiteral("grade") << QJsonValue(QStringLiteral("primary2"))
                           << QStringLiteral("applications[0].grade");
    QTest::newRow("junior at a primary school")
        << QStringLiteral("grade") << QJsonValue(QStringLiteral("junior7")) << QStringLiteral("applications[0].grade");
    QTest::newRow("unknown school") << QStringLiteral("target_school_id") << QJsonValue(QStringLiteral("S999"))
                                    << QStringLiteral("applications[0].target_school_id");
    QTest::newRow("guardian id") << QStringLiteral("guardians")
                                 << QJsonValue(
                                        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("李")},
                                                               {QStringLiteral("id_number"), QStringLiteral("12345")},
                                                               {QStringLiteral("relation"), QStringLiteral("mother")}}})
                                 << QStringLiteral("applications[0].guardians[0].id_number");
    QTest::newRow("evidence") << QStringLiteral("paper_evidence") << QJsonValue(QJsonArray{QStringLiteral("x")})
                              << QStringLiteral("applications[0].paper_evidence[0]");
}

void TestHubApplications::badFieldsAreInvalidNamingField()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, named);
    QJsonObject item = counterApplication(validId(QStringLiteral("37110220191212121")));
    if (value.isNull())
        item.remove(field);
    else
        item.insert(field, value);
    const auto r = push(m_clerk, {item});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.result().value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
    const QString message = r.result().value(QStringLiteral("message")).toString();
    QVERIFY2(message.startsWith(named + u':'), qPrintable(message));
}

void TestHubApplications::anotherSchoolIs403()
{
    const QString supervisor = m_hub.login(QStringLiteral("supervisor.city"));
    QString cursor;
    m_hub.pullAll(supervisor, 5000, &cursor);
    const auto r =
        push(m_clerk, {counterApplication(validId(QStringLiteral("37110220191010101")), QStringLiteral("S371102002"))});
    QCOMPARE(r.status, 403);
    QVERIFY(m_hub.pullAll(supervisor, 5000, &cursor).isEmpty());
}

void TestHubApplications::supervisorMayNotTakeApplications()
{
    const auto r = push(m_hub.login(QStringLiteral("supervisor.city")),
                        {counterApplication(validId(QStringLiteral("37110220191010102")))});
    QCOMPARE(r.status, 403);
}

QTEST_GUILESS_MAIN(TestHubApplications)
#include "tst_hubapplications.moc"
