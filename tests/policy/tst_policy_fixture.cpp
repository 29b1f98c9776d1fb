#include "TestSupport.h"
#include "policy/EvaluateDocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

// Runs every acceptance case of shared/fixtures/policy-cases.json through the batch entry point.
class TestPolicyFixture : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cases_data();
    void cases();
    void everyResultExplainsItself();

private:
    QJsonObject m_fixture;
    QHash<QString, QJsonObject> m_results;
    QStringList m_order;
};

void TestPolicyFixture::initTestCase()
{
    const QString path = testsupport::sharedDir() + QStringLiteral("/fixtures/policy-cases.json");
    m_fixture = testsupport::readJsonFile(path);
    QVERIFY2(!m_fixture.isEmpty(), qPrintable(QStringLiteral("cannot read %1").arg(path)));
    const auto out = adm::policy::evaluateDocument(m_fixture.value(QStringLiteral("input")).toObject());
    QVERIFY2(out.ok(), qPrintable(out.error().message));
    const QJsonArray results = out->value(QStringLiteral("results")).toArray();
    for (const QJsonValue& v : results) {
        const QJsonObject r = v.toObject();
        m_order.append(r.value(QStringLiteral("application_id")).toString());
        m_results.insert(m_order.constLast(), r);
    }
}

void TestPolicyFixture::cases_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("category");
    QTest::addColumn<bool>("eligible");
    QTest::addColumn<QStringList>("flags");
    const QJsonArray expected = m_fixture.value(QStringLiteral("expected")).toArray();
    QVERIFY(!expected.isEmpty());
    for (const QJsonValue& v : expected) {
        const QJsonObject e = v.toObject();
        QStringList flags;
        for (const QJsonValue& f : e.value(QStringLiteral("flags")).toArray())
            flags.append(f.toString());
        flags.sort();
        const QString id = e.value(QStringLiteral("application_id")).toString();
        QTest::newRow(qPrintable(id + QStringLiteral(": ") + e.value(QStringLiteral("why")).toString()))
            << id << e.value(QStringLiteral("category")).toString() << e.value(QStringLiteral("eligible")).toBool()
            << flags;
    }
}

void TestPolicyFixture::cases()
{
    QFETCH(QString, id);
    QFETCH(QString, category);
    QFETCH(bool, eligible);
    QFETCH(QStringList, flags);
    QVERIFY2(m_results.contains(id), qPrintable(id));
    const QJsonObject r = m_results.value(id);
    QStringList got;
    for (const QJsonValue& f : r.value(QStringLiteral("flags")).toArray())
        got.append(f.toString());
    QCOMPARE(r.value(QStringLiteral("category")).toString(), category);
    QCOMPARE(r.value(QStringLiteral("eligible")).toBool(), eligible);
    QCOMPARE(got, flags);
}

void TestPolicyFixture::everyResultExplainsItself()
{
    // Results come in input order, one per application, each with a readable reason per rule.
    QStringList inputOrder;
    const QJsonArray apps =
        m_fixture.value(QStringLiteral("input")).toObject().value(QStringLiteral("applications")).toArray();
    for (const QJsonValue& a : apps)
        inputOrder.append(a.toObject().value(QStringLiteral("id")).toString());
    QCOMPARE(m_order, inputOrder);
    for (const QJsonObject& r : std::as_const(m_results)) {
        const QJsonArray checks = r.value(QStringLiteral("checks")).toArray();
        QVERIFY(checks.size() >= 5);
        for (const QJsonValue& c : checks) {
            const QJsonObject o = c.toObject();
            QVERIFY(!o.value(QStringLiteral("rule")).toString().isEmpty());
            QVERIFY(o.value(QStringLiteral("passed")).isBool());
            QVERIFY(o.value(QStringLiteral("record_ids")).isArray());
            QVERIFY2(!o.value(QStringLiteral("reason")).toString().isEmpty(),
                     qPrintable(o.value(QStringLiteral("rule")).toString()));
        }
    }
    // A1: the property rule names the decisive certificate and how the address matched.
    const QJsonArray checks = m_results.value(QStringLiteral("A2026P0001")).value(QStringLiteral("checks")).toArray();
    QJsonObject property;
    for (const QJsonValue& c : checks) {
        if (c.toObject().value(QStringLiteral("rule")).toString() == QLatin1String("property_in_zone"))
            property = c.toObject();
    }
    QCOMPARE(property.value(QStringLiteral("record_ids")).toArray(), QJsonArray{QStringLiteral("R-P-0002")});
    QVERIFY(property.value(QStringLiteral("reason")).toString().contains(QStringLiteral("阳光花园")));
    QCOMPARE(property.value(QStringLiteral("fields")).toObject().value(QStringLiteral("certificate_no")).toString(),
             QStringLiteral("鲁(2024)日照市不动产权第0000002号"));
}

QTEST_GUILESS_MAIN(TestPolicyFixture)
#include "tst_policy_fixture.moc"
