#include "PolicyTestData.h"
#include "policy/EligibilityResult.h"

#include <QTest>
#include <functional>

using namespace policytest;
using adm::policy::categoryCode;
using adm::policy::EligibilityResult;

using Setup = std::function<void(Doc&, const Family&)>;
Q_DECLARE_METATYPE(Setup)

namespace {

const QString kFlat = QStringLiteral("东港区海曲东路120号阳光花园1号楼1单元101");
const QString kRented = QStringLiteral("东港区海曲东路57号");
const QString kHebei = QStringLiteral("河北省石家庄市长安区建设北大街5号");
const QDate kCutoff(2026, 7, 31);

// Category A family: urban household and a flat in zone Z01.
void homeOwners(Doc& d, const Family& f)
{
    d.household(f, kFlat);
    d.realEstate({f.father}, kFlat);
}

// Category C family from Hebei: household there, a rental in zone and insurance in the city.
void movedForWork(Doc& d, const Family& f)
{
    d.household(f, kHebei);
}

} // namespace

// Every boundary of the rules: dates on, before and after the cut-off and the birth window,
// month runs of exactly the minimum and one short, street ends and parity, each property status.
class TestPolicyRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rules_data();
    void rules();
    void monthArithmetic_data();
    void monthArithmetic();
    void decisiveRecord();
    void ruleEvidence();

private:
    static void add(const char* name, const QString& claimed, const QString& category, bool eligible,
                    const QStringList& flags, const Setup& setup, const QString& area = QStringLiteral("371102"),
                    const QDate& birth = QDate(2019, 11, 5), const QString& school = QStringLiteral("S1"));
};

void TestPolicyRules::add(const char* name, const QString& claimed, const QString& category, bool eligible,
                          const QStringList& flags, const Setup& setup, const QString& area, const QDate& birth,
                          const QString& school)
{
    QTest::newRow(name) << claimed << category << eligible << flags << setup << area << birth << school;
}

void TestPolicyRules::rules_data()
{
    QTest::addColumn<QString>("claimed");
    QTest::addColumn<QString>("category");
    QTest::addColumn<bool>("eligible");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<QString>("area");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QString>("school");
    const QString A = QStringLiteral("A");
    const QString B = QStringLiteral("B");
    const QString C = QStringLiteral("C");
    const QString none = QStringLiteral("none");
    const QStringList noFlags;
    const QString hebei = QStringLiteral("130102");

    // Birth window [2019-09-01, 2020-08-31].
    add("born on birth_from", A, A, true, noFlags, homeOwners, {}, QDate(2019, 9, 1));
    add("born the day before birth_from", A, A, true, {"over_age"}, homeOwners, {}, QDate(2019, 8, 31));
    add("born on birth_to", A, A, true, noFlags, homeOwners, {}, QDate(2020, 8, 31));
    add("born the day after birth_to", A, A, false, {"under_age"}, homeOwners, {}, QDate(2020, 9, 1));

    // Real-estate registration.
    auto flatWith = [](const QDate& registered, const QString& status, const QDate& cancelled, const QString& usage) {
        return Setup([=](Doc& d, const Family& f) {
            d.household(f, kFlat);
            d.realEstate({f.father}, kFlat, registered, status, cancelled, usage);
        });
    };
    const QString valid = QStringLiteral("valid");
    const QString residential = QStringLiteral("residential");
    add("registered on C", A, A, true, noFlags, flatWith(kCutoff, valid, {}, residential));
    add("registered the day after C", A, none, false, noFlags, flatWith(kCutoff.addDays(1), valid, {}, residential));
    add("status valid", A, A, true, noFlags, flatWith(QDate(2016, 1, 1), valid, {}, residential));
    add("status mortgaged", A, A, true, noFlags, flatWith(QDate(2016, 1, 1), "mortgaged", {}, residential));
    add("status sealed", A, A, true, {"property_cancelled"}, flatWith(QDate(2016, 1, 1), "sealed", {}, residential));
    add("cancelled the day before C", A, none, false, noFlags,
        flatWith(QDate(2016, 1, 1), "cancelled", kCutoff.addDays(-1), residential));
    add("cancelled on C", A, none, false, noFlags, flatWith(QDate(2016, 1, 1), "cancelled", kCutoff, residential));
    add("cancelled the day after C", A, A, true, {"property_cancelled"},
        flatWith(QDate(2016, 1, 1), "cancelled", kCutoff.addDays(1), residential));
    add("cancelled without a date", A, none, false, noFlags, flatWith(QDate(2016, 1, 1), "cancelled", {}, residential));
    add("usage commercial", A, none, false, noFlags, flatWith(QDate(2016, 1, 1), valid, {}, "commercial"));
    add("usage other", A, none, false, noFlags, flatWith(QDate(2016, 1, 1), valid, {}, "other"));
    add("owned by the child", A, A, true, noFlags, [](Doc& d, const Family& f) {
        d.household(f, kFlat);
        d.realEstate({f.child}, kFlat);
    });
    add("owned by a stranger", A, none, false, noFlags, [](Doc& d, const Family& f) {
        d.household(f, kFlat);
        const QString stranger = makeId(QStringLiteral("371102"), QDate(1970, 1, 1), 11);
        d.record("natural_resources", "real_estate_registration", {f.father},
                 QJsonObject{{"certificate_no", "X1"},
                             {"address", kFlat},
                             {"usage", "residential"},
                             {"owners", QJsonArray{QJsonObject{{"id_number", stranger}, {"share", 1}}}},
                             {"registered_on", "2016-01-01"},
                             {"status", "valid"}});
    });
    // Filed sale contract.
    auto contract = [](const QDate& signedOn, const QString& status) {
        return Setup([=](Doc& d, const Family& f) {
            d.household(f, kFlat);
            d.saleContract(f.parents(), QStringLiteral("金海岸小区5栋1单元302"), signedOn, status);
        });
    };
    add("contract signed on C", A, A, true, noFlags, contract(kCutoff, "filed"));
    add("contract signed the day after C", A, none, false, noFlags, contract(kCutoff.addDays(1), "filed"));
    add("contract cancelled", A, none, false, noFlags, contract(QDate(2026, 4, 10), "cancelled"));

    // Urban household registration.
    auto householdAt = [](const QString& address, const QDate& since) {
        return Setup([=](Doc& d, const Family& f) {
            d.household(f, address, since);
            d.realEstate({f.father}, kFlat);
        });
    };
    add("child registered on C", A, A, true, noFlags, householdAt(kFlat, kCutoff));
    add("child registered the day after C", A, B, true, {"category_mismatch"}, householdAt(kFlat, kCutoff.addDays(1)));
    add("household names a non-urban district", A, B, true, {"category_mismatch"},
        householdAt(QStringLiteral("日照市岚山区圣岚路12号"), QDate(2019, 12, 1)));
    add("household names no district, zone of an urban district", A, A, true, noFlags,
        householdAt(QStringLiteral("海曲东路120号"), QDate(2019, 12, 1)));
    add("household names no district, zone of another district", A, B, true, {"category_mismatch"},
        householdAt(QStringLiteral("圣岚路13号"), QDate(2019, 12, 1)));
    add("household names no district, in no zone", A, B, true, {"category_mismatch"},
        householdAt(QStringLiteral("某某路5号"), QDate(2019, 12, 1)));
    add("household in another province", A, B, true, {"category_mismatch"}, householdAt(kHebei, QDate(2019, 12, 1)));
    add("policy lists the other district as urban", A, A, true, noFlags, [](Doc& d, const Family& f) {
        d.mainPolicy().insert(QStringLiteral("urban_district_codes"), QJsonArray{"371102", "371103"});
        d.household(f, QStringLiteral("岚山区圣岚路12号"));
        d.realEstate({f.father}, kFlat);
    });
    add("no household lists the child", A, B, true, {"category_mismatch", "guardian_not_linked"},
        [](Doc& d, const Family& f) {
            d.householdWith(f.parents(),
                            QJsonArray{QJsonObject{{"id_number", f.father}, {"registered_on", "2015-03-01"}},
                                       QJsonObject{{"id_number", f.mother}, {"registered_on", "2015-03-01"}}},
                            kFlat, QStringLiteral("HH-P"));
            d.realEstate({f.father}, kFlat);
        });

    // Street range ends and parity (zone Z02: 北京路 2-100 even), through a whole check.
    auto beijingRoad = [](int number) {
        return Setup([=](Doc& d, const Family& f) {
            const QString address = QStringLiteral("东港区北京路%1号").arg(number);
            d.household(f, address);
            d.realEstate({f.father}, address);
        });
    };
    add("北京路2号: first of the range", A, A, true, noFlags, beijingRoad(2), {}, QDate(2019, 11, 5), "S2");
    add("北京路100号: last of the range", A, A, true, noFlags, beijingRoad(100), {}, QDate(2019, 11, 5), "S2");
    add("北京路102号: past the range", A, none, false, noFlags, beijingRoad(102), {}, QDate(2019, 11, 5), "S2");
    add("北京路35号: odd", A, none, false, noFlags, beijingRoad(35), {}, QDate(2019, 11, 5), "S2");
    add("北京路0号: before the range", A, none, false, noFlags, beijingRoad(0), {}, QDate(2019, 11, 5), "S2");

    // Residence: rental filing (six months before C is 2026-01-31) and residence permit.
    auto rentalFrom = [](const QDate& start, const QDate& end, const QString& status, bool childTenant) {
        return Setup([=](Doc& d, const Family& f) {
            movedForWork(d, f);
            d.rental({childTenant ? f.child : f.father}, kRented, start, end, status);
            d.insurance(f.father, {"2025-01:2026-07"});
        });
    };
    const QDate sixBefore(2026, 1, 31);
    const QDate later(2027, 7, 31);
    add("rental starts exactly six months before C", C, C, true, noFlags, rentalFrom(sixBefore, later, "valid", false),
        hebei);
    add("rental starts a day short of six months", C, none, false, noFlags,
        rentalFrom(sixBefore.addDays(1), later, "valid", false), hebei);
    add("rental ends on C", C, C, true, noFlags, rentalFrom(QDate(2025, 1, 1), kCutoff, "valid", false), hebei);
    add("rental ends the day before C", C, none, false, noFlags,
        rentalFrom(QDate(2025, 1, 1), kCutoff.addDays(-1), "valid", false), hebei);
    add("rental without an end date", C, C, true, noFlags, rentalFrom(QDate(2025, 1, 1), {}, "valid", false), hebei);
    add("rental cancelled", C, none, false, noFlags, rentalFrom(QDate(2025, 1, 1), later, "cancelled", false), hebei);
    add("rental naming only the child", C, none, false, noFlags, rentalFrom(QDate(2025, 1, 1), later, "valid", true),
        hebei);
    add(
        "rental outside the zone", C, none, false, noFlags,
        [](Doc& d, const Family& f) {
            movedForWork(d, f);
            d.rental({f.father}, QStringLiteral("东港区北京路36号"), QDate(2025, 1, 1), QDate(2027, 1, 1));
            d.insurance(f.father, {"2025-01:2026-07"});
        },
        hebei);
    auto lateAugust = [](const QDate& start) {
        return Setup([=](Doc& d, const Family& f) {
            d.mainPolicy().insert(QStringLiteral("cutoff_date"), QStringLiteral("2026-08-31"));
            movedForWork(d, f);
            d.rental({f.father}, kRented, start, QDate(2027, 8, 31));
            d.insurance(f.father, {"2025-01:2026-08"});
        });
    };
    add("C 2026-08-31: rental from 2026-02-28 (month end)", C, C, true, noFlags, lateAugust(QDate(2026, 2, 28)), hebei);
    add("C 2026-08-31: rental from 2026-03-01", C, none, false, noFlags, lateAugust(QDate(2026, 3, 1)), hebei);
    auto permit = [](const QDate& issued, const QDate& expires) {
        return Setup([=](Doc& d, const Family& f) {
            movedForWork(d, f);
            d.residencePermit(f.mother, kRented, issued, expires);
            d.insurance(f.father, {"2025-01:2026-07"});
        });
    };
    add("permit issued exactly six months before C", C, C, true, noFlags, permit(sixBefore, later), hebei);
    add("permit issued a day short of six months", C, none, false, noFlags, permit(sixBefore.addDays(1), later), hebei);
    add("permit expires on C", C, C, true, noFlags, permit(QDate(2025, 1, 1), kCutoff), hebei);
    add("permit expired the day before C", C, none, false, noFlags, permit(QDate(2025, 1, 1), kCutoff.addDays(-1)),
        hebei);
    add("permit without expiry", C, C, true, noFlags, permit(QDate(2025, 1, 1), {}), hebei);

    // Work: social insurance runs (C's month 2026-07, minimum six).
    auto insured = [](const QStringList& periods, const QString& city) {
        return Setup([=](Doc& d, const Family& f) {
            movedForWork(d, f);
            d.rental({f.father}, kRented, QDate(2025, 1, 1), QDate(2027, 1, 1));
            d.insurance(f.mother, periods, city);
        });
    };
    const QString city = QStringLiteral("371100");
    add("six months ending in C's month", C, C, true, noFlags, insured({"2026-02:2026-07"}, city), hebei);
    add("five months ending in C's month", C, none, false, noFlags, insured({"2026-03:2026-07"}, city), hebei);
    add("six months ending the month before", C, C, true, noFlags, insured({"2026-01:2026-06"}, city), hebei);
    add("six months ending two months before", C, none, false, noFlags, insured({"2025-12:2026-05"}, city), hebei);
    add("broken run: four months at the end", C, none, false, noFlags,
        insured({"2025-10:2026-02", "2026-04:2026-07"}, city), hebei);
    add("broken run: seven months at the end", C, C, true, noFlags,
        insured({"2024-01:2024-12", "2026-01:2026-07"}, city), hebei);
    add("adjacent periods are one run", C, C, true, noFlags, insured({"2026-02:2026-04", "2026-05:2026-07"}, city),
        hebei);
    add("overlapping periods are one run", C, C, true, noFlags, insured({"2026-03:2026-07", "2026-01:2026-05"}, city),
        hebei);
    add("months after C's month do not count", C, none, false, noFlags, insured({"2026-03:2026-12"}, city), hebei);
    add("run through C's month counts up to it", C, C, true, noFlags, insured({"2026-02:2026-12"}, city), hebei);
    add("insurance paid in another city", C, none, false, noFlags, insured({"2025-01:2026-07"}, "130100"), hebei);
    // Work: business registrations (six months before C is 2026-01-31).
    auto business = [](const QDate& registered, const QString& status, bool enterprise) {
        return Setup([=](Doc& d, const Family& f) {
            movedForWork(d, f);
            d.rental({f.father}, kRented, QDate(2025, 1, 1), QDate(2027, 1, 1));
            d.business(f.father, registered, status, enterprise);
        });
    };
    add("business registered exactly six months before C", C, C, true, noFlags, business(sixBefore, "active", false),
        hebei);
    add("business registered a day short", C, none, false, noFlags, business(sixBefore.addDays(1), "active", false),
        hebei);
    add("business revoked", C, none, false, noFlags, business(QDate(2020, 1, 1), "revoked", false), hebei);
    add("enterprise legal representative", C, C, true, noFlags, business(sixBefore, "active", true), hebei);
    add("enterprise registered a day short", C, none, false, noFlags, business(sixBefore.addDays(1), "active", true),
        hebei);
    // Category order: property beats residence and work.
    add(
        "property and residence: B before C", C, B, true, {"category_mismatch"},
        [](Doc& d, const Family& f) {
            movedForWork(d, f);
            d.realEstate({f.mother}, kFlat);
            d.rental({f.father}, kRented, QDate(2025, 1, 1), QDate(2027, 1, 1));
            d.insurance(f.father, {"2025-01:2026-07"});
        },
        hebei);
}

void TestPolicyRules::rules()
{
    QFETCH(QString, claimed);
    QFETCH(QString, category);
    QFETCH(bool, eligible);
    QFETCH(QStringList, flags);
    QFETCH(Setup, setup);
    QFETCH(QString, area);
    QFETCH(QDate, birth);
    QFETCH(QString, school);
    Doc d;
    const Family f = Family::make(1, birth, area.isEmpty() ? QStringLiteral("371102") : area);
    d.application(QStringLiteral("A1"), f, school, claimed);
    setup(d, f);
    const EligibilityResult r = d.result(QStringLiteral("A1"));
    QCOMPARE(r.applicationId, QStringLiteral("A1"));
    flags.sort();
    const auto explain = [&r] {
        QStringList lines;
        for (const auto& c : r.checks)
            lines.append(QStringLiteral("%1 %2: %3").arg(c.rule, c.passed ? "ok" : "no", c.reason));
        return lines.join(u'\n');
    };
    QVERIFY2(categoryCode(r.category) == category, qPrintable(explain()));
    QCOMPARE(r.eligible, eligible);
    QCOMPARE(r.flags, flags);
}

void TestPolicyRules::monthArithmetic_data()
{
    QTest::addColumn<QDate>("cutoff");
    QTest::addColumn<int>("months");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("same day exists") << QDate(2026, 7, 31) << 6 << QDate(2026, 1, 31);
    QTest::newRow("end of August to February") << QDate(2026, 8, 31) << 6 << QDate(2026, 2, 28);
    QTest::newRow("leap February") << QDate(2024, 8, 31) << 6 << QDate(2024, 2, 29);
    QTest::newRow("30th to February") << QDate(2026, 8, 30) << 6 << QDate(2026, 2, 28);
    QTest::newRow("across a year") << QDate(2026, 3, 31) << 6 << QDate(2025, 9, 30);
    QTest::newRow("twelve months") << QDate(2026, 7, 31) << 12 << QDate(2025, 7, 31);
}

void TestPolicyRules::monthArithmetic()
{
    // The rules subtract months with QDate::addMonths; it must clamp as the policy says.
    QFETCH(QDate, cutoff);
    QFETCH(int, months);
    QFETCH(QDate, expected);
    QCOMPARE(cutoff.addMonths(-months), expected);
}

void TestPolicyRules::decisiveRecord()
{
    using adm::policy::rule::PropertyInZone;
    // A real-estate registration comes before a sale contract, even a later one.
    {
        Doc d;
        const Family f = Family::make(1);
        d.application(QStringLiteral("A1"), f);
        d.household(f, kFlat);
        d.saleContract(f.parents(), QStringLiteral("金海岸小区5栋1单元302"), QDate(2010, 1, 1));
        const QString registration = d.realEstate({f.father}, kFlat, QDate(2020, 1, 1));
        const auto r = d.result(QStringLiteral("A1"));
        QCOMPARE(r.check(PropertyInZone)->recordIds(), QStringList{registration});
    }
    // An exact address comes before a real-estate registration that matches only loosely.
    {
        Doc d;
        const Family f = Family::make(1);
        d.application(QStringLiteral("A1"), f);
        d.household(f, kFlat);
        d.realEstate({f.father}, QStringLiteral("阳光花园三期1号楼"), QDate(2010, 1, 1));
        const QString contract =
            d.saleContract(f.parents(), QStringLiteral("金海岸小区5栋1单元302"), QDate(2026, 4, 1));
        const auto r = d.result(QStringLiteral("A1"));
        QCOMPARE(r.check(PropertyInZone)->recordIds(), QStringList{contract});
        QVERIFY(!r.hasFlag(adm::policy::flag::AddressUncertain));
    }
    // Among equals, the earliest date.
    {
        Doc d;
        const Family f = Family::make(1);
        d.application(QStringLiteral("A1"), f);
        d.household(f, kFlat);
        d.realEstate({f.father}, kFlat, QDate(2018, 1, 1));
        const QString earlier = d.realEstate({f.mother}, QStringLiteral("海曲东路100号"), QDate(2012, 1, 1));
        const auto r = d.result(QStringLiteral("A1"));
        QCOMPARE(r.check(PropertyInZone)->recordIds(), QStringList{earlier});
        QCOMPARE(r.decisiveDate, QDate(2012, 1, 1));
    }
    // The decisive record's fields are what the flags look at: a valid earlier flat wins over a
    // sealed one, so no property_cancelled.
    {
        Doc d;
        const Family f = Family::make(1);
        d.application(QStringLiteral("A1"), f);
        d.household(f, kFlat);
        d.realEstate({f.father}, kFlat, QDate(2018, 1, 1), QStringLiteral("sealed"));
        d.realEstate({f.mother}, QStringLiteral("海曲东路100号"), QDate(2012, 1, 1));
        QVERIFY(!d.result(QStringLiteral("A1")).hasFlag(adm::policy::flag::PropertyCancelled));
    }
}

void TestPolicyRules::ruleEvidence()
{
    using namespace adm::policy;
    Doc d;
    const Family f = Family::make(1);
    d.application(QStringLiteral("A1"), f, QStringLiteral("S1"), QStringLiteral("C"));
    const QString household = d.household(f, kFlat);
    const QString flat = d.realEstate({f.father}, kFlat, QDate(2016, 5, 1));
    const QString rental =
        d.rental({f.father}, QStringLiteral("东港区海曲东路57号"), QDate(2026, 3, 1), QDate(2027, 1, 1));
    const auto r = d.result(QStringLiteral("A1"));
    // Each rule tried, in order, with its records and a reason.
    QStringList rules;
    for (const RuleCheck& c : r.checks)
        rules.append(c.rule);
    QCOMPARE(rules, (QStringList{rule::Age, rule::PropertyInZone, rule::UrbanHouseholdRegistration,
                                 rule::ResidenceInZone, rule::WorkInCity}));
    const RuleCheck* property = r.check(rule::PropertyInZone);
    QVERIFY(property->passed);
    QCOMPARE(property->recordIds(), QStringList{flat});
    const EvidenceUse* e = property->decisive();
    QVERIFY(e);
    QCOMPARE(e->agency, QStringLiteral("natural_resources"));
    QCOMPARE(e->fetchedAt, QDateTime(QDate(2026, 6, 2), QTime(1, 0), Qt::UTC));
    QCOMPARE(e->address.kind, MatchKind::Exact);
    QCOMPARE(e->address.listedCompound, QStringLiteral("阳光花园"));
    QCOMPARE(e->value(QStringLiteral("registered_on")), QStringLiteral("2016-05-01"));
    QCOMPARE(e->value(QStringLiteral("held_by")), QStringLiteral("father"));
    QCOMPARE(r.check(rule::UrbanHouseholdRegistration)->recordIds(), QStringList{household});
    // A failed rule names the records it examined and says why the closest one failed.
    const RuleCheck* residence = r.check(rule::ResidenceInZone);
    QVERIFY(!residence->passed);
    QCOMPARE(residence->recordIds(), QStringList{rental});
    QVERIFY2(residence->reason.contains(QStringLiteral("2026-03-01")) &&
                 residence->reason.contains(QStringLiteral("2026-01-31")),
             qPrintable(residence->reason));
    const RuleCheck* work = r.check(rule::WorkInCity);
    QVERIFY(!work->passed);
    QVERIFY(work->recordIds().isEmpty());
    // No ID number appears in any reason or field.
    for (const RuleCheck& c : r.checks) {
        for (const QString& id : f.everyone()) {
            QVERIFY(!c.reason.contains(id));
            for (const EvidenceUse& u : c.evidence) {
                for (const EvidenceField& field : u.fields)
                    QVERIFY(!field.value.contains(id));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestPolicyRules)
#include "tst_policy_rules.moc"
