#include "PolicyTestData.h"
#include "domain/ValueLabels.h"
#include "policy/EligibilityText.h"
#include "policy/EvaluateDocument.h"

#include <QJsonDocument>
#include <QTest>
#include <functional>

using namespace policytest;
using namespace adm::policy;

using Edit = std::function<void(QJsonObject&)>;
Q_DECLARE_METATYPE(Edit)

namespace {

const QString kFlat = QStringLiteral("东港区海曲东路120号阳光花园1号楼1单元101");

Doc twoFamilies()
{
    Doc d;
    const Family f1 = Family::make(1);
    const Family f2 = Family::make(2);
    d.household(f1, kFlat);
    d.realEstate({f1.father}, kFlat);
    d.application(QStringLiteral("A1"), f1);
    d.application(QStringLiteral("A2"), f2, QStringLiteral("S2"), QStringLiteral("B"));
    return d;
}

QJsonObject& at(QJsonObject& doc, const char* list, int index, QJsonObject& scratch)
{
    scratch = doc.value(QLatin1StringView(list)).toArray().at(index).toObject();
    return scratch;
}

void put(QJsonObject& doc, const char* list, int index, const QJsonObject& item)
{
    QJsonArray a = doc.value(QLatin1StringView(list)).toArray();
    a.replace(index, item);
    doc.insert(QLatin1StringView(list), a);
}

} // namespace

// The batch entry point of `admissionsctl evaluate`: input validation naming item and field, the
// output document, policy selection, and the text of `admissionsctl explain`.
class TestPolicyDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void invalidInput_data();
    void invalidInput();
    void outputShape();
    void onlyPoliciesList();
    void policySelection();
    void noPolicyForTheApplication();
    void unknownDatasetsAreIgnored();
    void noIdNumbersInTheOutput();
    void explainText();
};

void TestPolicyDocument::invalidInput_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("prefix");
    auto row = [](const char* name, const char* prefix, Edit e) {
        QTest::newRow(name) << e << QString::fromLatin1(prefix);
    };
    row("no policy at all", "policy:", [](QJsonObject& o) {
        o.remove(QStringLiteral("policy"));
        o.remove(QStringLiteral("policies"));
    });
    row("policy not an object", "policy: must be an object",
        [](QJsonObject& o) { o.insert(QStringLiteral("policy"), 3); });
    row("policy without cut-off", "policy.cutoff_date:", [](QJsonObject& o) {
        QJsonObject p = o.value(QStringLiteral("policy")).toObject();
        p.remove(QStringLiteral("cutoff_date"));
        o.insert(QStringLiteral("policy"), p);
    });
    row("policies item with a bad grade", "policies[0].grade:", [](QJsonObject& o) {
        QJsonObject s;
        at(o, "policies", 0, s).insert(QStringLiteral("grade"), QStringLiteral("grade9"));
        put(o, "policies", 0, s);
    });
    row("no schools", "schools:", [](QJsonObject& o) { o.remove(QStringLiteral("schools")); });
    row("zones not a list", "zones: must be a list", [](QJsonObject& o) { o.insert(QStringLiteral("zones"), 1); });
    row("zone not an object", "zones[1]: must be an object", [](QJsonObject& o) {
        QJsonArray a = o.value(QStringLiteral("zones")).toArray();
        a.replace(1, QStringLiteral("Z02"));
        o.insert(QStringLiteral("zones"), a);
    });
    row("zone street from above to", "zones[0].streets[0].to:", [](QJsonObject& o) {
        QJsonObject z;
        at(o, "zones", 0, z);
        z.insert(QStringLiteral("streets"),
                 QJsonArray{QJsonObject{{"road", "海曲东路"}, {"from", 10}, {"to", 1}, {"parity", "all"}}});
        put(o, "zones", 0, z);
    });
    row("child ID check character", "applications[1].child.id_number: wrong_check_character", [](QJsonObject& o) {
        QJsonObject a;
        at(o, "applications", 1, a);
        QJsonObject child = a.value(QStringLiteral("child")).toObject();
        QString id = child.value(QStringLiteral("id_number")).toString();
        id[17] = id[17] == u'1' ? u'2' : u'1';
        child.insert(QStringLiteral("id_number"), id);
        a.insert(QStringLiteral("child"), child);
        put(o, "applications", 1, a);
    });
    row("child ID impossible date", "applications[0].child.id_number: impossible_date", [](QJsonObject& o) {
        QJsonObject a;
        at(o, "applications", 0, a);
        a.insert(QStringLiteral("child"), QJsonObject{{"name", "C"}, {"id_number", "371102201902300000"}});
        put(o, "applications", 0, a);
    });
    row("guardian ID too short", "applications[0].guardians[1].id_number: wrong_length", [](QJsonObject& o) {
        QJsonObject a;
        at(o, "applications", 0, a);
        QJsonArray gs = a.value(QStringLiteral("guardians")).toArray();
        QJsonObject g = gs.at(1).toObject();
        g.insert(QStringLiteral("id_number"), QStringLiteral("37110219900620"));
        gs.replace(1, g);
        a.insert(QStringLiteral("guardians"), gs);
        put(o, "applications", 0, a);
    });
    row("application without child", "applications[1].child:", [](QJsonObject& o) {
        QJsonObject a;
        at(o, "applications", 1, a).remove(QStringLiteral("child"));
        put(o, "applications", 1, a);
    });
    row("unknown target school", "applications[1].target_school_id:", [](QJsonObject& o) {
        QJsonObject a;
        at(o, "applications", 1, a).insert(QStringLiteral("target_school_id"), QStringLiteral("S9"));
        put(o, "applications", 1, a);
    });
    row("duplicate application id", "applications[1].id:", [](QJsonObject& o) {
        QJsonObject a;
        at(o, "applications", 1, a).insert(QStringLiteral("id"), QStringLiteral("A1"));
        put(o, "applications", 1, a);
    });
    row("school with an unknown zone", "schools[1].zone_ids[0]:", [](QJsonObject& o) {
        QJsonObject s;
        at(o, "schools", 1, s).insert(QStringLiteral("zone_ids"), QJsonArray{"Z99"});
        put(o, "schools", 1, s);
    });
    row("agency record fields not an object", "agency_records[1].fields:", [](QJsonObject& o) {
        QJsonObject r;
        at(o, "agency_records", 1, r).insert(QStringLiteral("fields"), QJsonArray{});
        put(o, "agency_records", 1, r);
    });
    row("no agency records", "agency_records:", [](QJsonObject& o) { o.remove(QStringLiteral("agency_records")); });
}

void TestPolicyDocument::invalidInput()
{
    QFETCH(Edit, edit);
    QFETCH(QString, prefix);
    const Doc d = twoFamilies();
    QJsonObject input = d.json();
    QVERIFY(evaluateDocument(input).ok());
    edit(input);
    const auto out = evaluateDocument(input);
    QVERIFY(!out.ok());
    QVERIFY2(out.error().message.startsWith(prefix), qPrintable(out.error().message));
    QVERIFY(!out.error().code.isEmpty());
    // The message says what is wrong, never the ID number.
    const QJsonArray apps = input.value(QStringLiteral("applications")).toArray();
    for (const QJsonValue& a : apps) {
        const QString child =
            a.toObject().value(QStringLiteral("child")).toObject().value(QStringLiteral("id_number")).toString();
        if (!child.isEmpty())
            QVERIFY(!out.error().message.contains(child));
    }
}

void TestPolicyDocument::outputShape()
{
    const auto out = evaluateDocument(twoFamilies().json());
    QVERIFY2(out.ok(), qPrintable(out.error().message));
    QCOMPARE(out->keys(), QStringList{QStringLiteral("results")});
    const QJsonArray results = out->value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    const QJsonObject a1 = results.at(0).toObject();
    const QJsonObject a2 = results.at(1).toObject();
    QCOMPARE(a1.value(QStringLiteral("application_id")).toString(), QStringLiteral("A1"));
    QCOMPARE(a2.value(QStringLiteral("application_id")).toString(), QStringLiteral("A2"));
    QCOMPARE(a1.value(QStringLiteral("category")).toString(), QStringLiteral("A"));
    QCOMPARE(a1.value(QStringLiteral("eligible")).toBool(), true);
    QCOMPARE(a1.value(QStringLiteral("flags")).toArray(), QJsonArray{});
    QCOMPARE(a2.value(QStringLiteral("category")).toString(), QStringLiteral("none"));
    QCOMPARE(a2.value(QStringLiteral("eligible")).toBool(), false);
    // A2 has no records at all: claimed B, nothing could meet the property requirement.
    QCOMPARE(a2.value(QStringLiteral("flags")).toArray(),
             (QJsonArray{QStringLiteral("guardian_not_linked"), QStringLiteral("record_missing")}));
    for (const QJsonValue& c : a1.value(QStringLiteral("checks")).toArray()) {
        const QJsonObject check = c.toObject();
        for (const char* key : {"rule", "passed", "record_ids", "reason", "fields"})
            QVERIFY2(check.contains(QLatin1StringView(key)), key);
    }
}

void TestPolicyDocument::onlyPoliciesList()
{
    QJsonObject input = twoFamilies().json();
    QJsonArray policies = input.value(QStringLiteral("policies")).toArray();
    policies.append(input.value(QStringLiteral("policy")));
    input.remove(QStringLiteral("policy"));
    input.insert(QStringLiteral("policies"), policies);
    const auto out = evaluateDocument(input);
    QVERIFY2(out.ok(), qPrintable(out.error().message));
    QCOMPARE(
        out->value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("category")).toString(),
        QStringLiteral("A"));
}

void TestPolicyDocument::policySelection()
{
    // The policy of the target school's district, year and grade: S3 is in 岚山区, whose policy
    // counts 371103 as urban.
    Doc d;
    QJsonObject lanshan = Doc::policy(QStringLiteral("371103"));
    lanshan.insert(QStringLiteral("urban_district_codes"), QJsonArray{"371103"});
    d.mainPolicy() = lanshan;
    QJsonObject input;
    const Family f = Family::make(1, QDate(2019, 11, 5), QStringLiteral("371103"));
    d.household(f, QStringLiteral("岚山区圣岚路13号"));
    d.realEstate({f.father}, QStringLiteral("岚山区圣岚路13号"));
    d.application(QStringLiteral("A1"), f, QStringLiteral("S3"));
    input = d.json();
    // Both a 371103 and (in "policies") another 371103 policy of a different year.
    QJsonObject otherYear = lanshan;
    otherYear.insert(QStringLiteral("id"), QStringLiteral("P-371103-2025"));
    otherYear.insert(QStringLiteral("admission_year"), 2025);
    otherYear.insert(QStringLiteral("urban_district_codes"), QJsonArray{});
    input.insert(QStringLiteral("policies"), QJsonArray{otherYear});
    auto in = readEvaluationInput(input);
    QVERIFY2(in.ok(), qPrintable(in.error().message));
    const QList<EligibilityResult> results = evaluate(*in);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.at(0).policyId, QStringLiteral("P-371103-2026-primary1"));
    QCOMPARE(categoryCode(results.at(0).category), QStringLiteral("A"));
}

void TestPolicyDocument::noPolicyForTheApplication()
{
    Doc d;
    const Family f = Family::make(1);
    d.household(f, kFlat);
    d.realEstate({f.father}, kFlat);
    d.application(QStringLiteral("A1"), f, QStringLiteral("S1"), QStringLiteral("A"), 2027);
    const EligibilityResult r = d.result(QStringLiteral("A1"));
    QCOMPARE(r.category, Category::None);
    QVERIFY(!r.eligible);
    QCOMPARE(r.checks.size(), 1);
    QCOMPARE(r.checks.at(0).rule, rule::Policy);
    QVERIFY(!r.checks.at(0).passed);
    QVERIFY2(r.checks.at(0).reason.contains(QStringLiteral("2027")), qPrintable(r.checks.at(0).reason));
}

void TestPolicyDocument::unknownDatasetsAreIgnored()
{
    Doc d = twoFamilies();
    d.record("tax", "tax_payment", {Family::make(1).father}, QJsonObject{{"amount", 12}});
    const auto out = evaluateDocument(d.json());
    QVERIFY2(out.ok(), qPrintable(out.error().message));
    QCOMPARE(
        out->value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("category")).toString(),
        QStringLiteral("A"));
}

void TestPolicyDocument::noIdNumbersInTheOutput()
{
    Doc d = twoFamilies();
    const Family f3 = Family::make(3, QDate(2019, 11, 5), QStringLiteral("130102"));
    d.household(f3, QStringLiteral("河北省石家庄市长安区建设北大街5号"));
    d.rental({f3.father}, QStringLiteral("东港区海曲东路57号"), QDate(2025, 1, 1), QDate(2027, 1, 1));
    d.insurance(f3.mother, {"2025-01:2026-07"});
    d.application(QStringLiteral("A3"), f3, QStringLiteral("S1"), QStringLiteral("C"));
    const auto out = evaluateDocument(d.json());
    QVERIFY(out.ok());
    const QByteArray bytes = QJsonDocument(*out).toJson();
    for (int n : {1, 2, 3}) {
        const Family f =
            Family::make(n, QDate(2019, 11, 5), n == 3 ? QStringLiteral("130102") : QStringLiteral("371102"));
        for (const QString& id : f.everyone())
            QVERIFY2(!bytes.contains(id.toUtf8()), "an ID number reached the output");
    }
    QVERIFY(bytes.contains("\"C\""));
}

void TestPolicyDocument::explainText()
{
    const Doc d = twoFamilies();
    const EligibilityResult r = d.result(QStringLiteral("A1"));
    const QString text = EligibilityText::render(r);
    QVERIFY2(text.contains(QStringLiteral("A1")) && text.contains(QStringLiteral("category A")), qPrintable(text));
    for (const RuleCheck& c : r.checks) {
        QVERIFY2(text.contains(adm::valueLabel(c.rule)), qPrintable(c.rule)); // the rule by its readable name
        QVERIFY2(text.contains(c.reason), qPrintable(c.reason));
        for (const QString& id : c.recordIds())
            QVERIFY(text.contains(id));
    }
    QVERIFY(text.contains(QStringLiteral("natural resources bureau")));
    QVERIFY(text.contains(QStringLiteral("阳光花园")));
    QVERIFY(text.count(u'\n') > 6);
    const QString other = EligibilityText::render(d.result(QStringLiteral("A2")));
    QVERIFY2(other.contains(QStringLiteral("record missing")) && other.contains(QStringLiteral("not eligible")),
             qPrintable(other));
}

QTEST_GUILESS_MAIN(TestPolicyDocument)
#include "tst_policy_document.moc"
