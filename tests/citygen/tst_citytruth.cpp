#include "ResultCheck.h"
#include "citygen/CityGenerator.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace adm;
using namespace adm::citygen;

namespace {

constexpr int kApplications = 42000;

struct Range {
    double low;
    double high;
};

// The proportions docs/city-generator.md promises for the default city (share of applications).
const QMap<QString, Range>& flagRanges()
{
    static const QMap<QString, Range> ranges{
        {"duplicate_application", {0.023, 0.036}}, {"shared_property", {0.0045, 0.012}},
        {"property_cancelled", {0.011, 0.019}},    {"guardian_not_linked", {0.033, 0.050}},
        {"category_mismatch", {0.026, 0.042}},     {"over_age", {0.008, 0.015}},
        {"address_uncertain", {0.018, 0.030}},     {"record_missing", {0.018, 0.029}},
        {"under_age", {0.0035, 0.0085}},
    };
    return ranges;
}

const QMap<QString, Range>& categoryRanges()
{
    static const QMap<QString, Range> ranges{
        {"A", {0.57, 0.66}}, {"B", {0.10, 0.15}}, {"C", {0.16, 0.22}}, {"none", {0.055, 0.095}}};
    return ranges;
}

const QMap<QString, Range>& scenarioRanges()
{
    static const QMap<QString, Range> ranges{
        {"loose_road", {0.008, 0.016}},
        {"loose_compound", {0.008, 0.016}},
        {"loose_but_exact", {0.0015, 0.005}},
        {"duplicate", {0.023, 0.036}},
        {"sold_after_cutoff", {0.006, 0.013}},
        {"sealed", {0.0025, 0.0065}},
        {"sold_before_cutoff", {0.004, 0.0095}},
        {"not_linked", {0.020, 0.033}},
        {"under_age", {0.0035, 0.0085}},
        {"over_age", {0.008, 0.015}},
        {"missing_records", {0.013, 0.022}},
        {"shared_flat", {0.0045, 0.012}},
        {"twins", {0.0035, 0.009}},
        {"rental_too_short", {0.007, 0.013}},
        {"broken_insurance", {0.0075, 0.0135}},
        {"out_of_zone", {0.014, 0.023}},
        {"wrong_claim", {0.020, 0.032}},
        {"commercial_only", {0.0015, 0.005}},
    };
    return ranges;
}

// "B:nonlocal_owner/loose_road.variant+extra" -> "loose_road"
QString troubleOf(const QString& scenario)
{
    QString t = scenario.section(u'/', 1);
    t = t.section(u'+', 0, 0);
    return t.section(u'.', 0, 0);
}

} // namespace

class TestCityTruth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyApplicationHasOneTruth();
    void scenariosMeanWhatTheTruthSays();
    void eligibleFollowsCategoryAndAge();
    void categoryMismatchFollowsTheClaim();
    void ageFlagsFollowTheIdNumber();
    void duplicatesAreFlaggedOnBothApplications();
    void guardianLinksFollowTheRecords();
    void recordMissingFollowsTheDataSets();
    void evidenceBacksEachCategory();
    void flagProportions();
    void categoryProportions();
    void everyTroubleKindAppears();
    void anotherYearKeepsTheMeaning();

private:
    void checkBlock();

    // Collected while the city streams past.
    QList<AgencyRecord> m_records;
    QList<Application> m_apps;
    bool m_inApplications = false;
    QHash<QString, Truth> m_truth;
    QHash<QString, QString> m_schoolDistrict;
    QHash<QString, Policy> m_policies; // by district and grade
    QHash<QString, int> m_childApplications;
    QList<QPair<QString, QString>> m_childOf; // application id, child id

    // Findings of the independent recomputation.
    int m_applications = 0;
    int m_missingTruth = 0;
    int m_intendedDiffers = 0;
    QStringList m_intendedExamples;
    int m_eligibleWrong = 0;
    int m_mismatchWrong = 0;
    int m_ageWrong = 0;
    int m_linkWrong = 0;
    int m_missingWrong = 0;
    int m_evidenceWrong = 0;
    QStringList m_evidenceExamples;
    QMap<QString, int> m_flags;
    QMap<QString, int> m_categories;
    QMap<QString, int> m_scenarios;
};

void TestCityTruth::initTestCase()
{
    Options o;
    o.applications = kApplications;
    o.seed = 7;
    CityGenerator generator(o);
    generator.generate(
        [&](const Change& c) {
            if (c.entity == entity::AgencyRecord) {
                if (m_inApplications)
                    checkBlock();
                m_records.append(TEST_VALUE(json::readAgencyRecord(c.data)));
            } else if (c.entity == entity::Application) {
                m_inApplications = true;
                m_apps.append(TEST_VALUE(json::readApplication(c.data)));
            } else if (c.entity == entity::School) {
                const auto s = json::readSchool(c.data);
                QVERIFY_OK(s);
                m_schoolDistrict.insert(s->id, s->districtCode);
            } else if (c.entity == entity::Policy) {
                const auto p = json::readPolicy(c.data);
                QVERIFY_OK(p);
                m_policies.insert(p->districtCode + p->grade, *p);
            }
        },
        [&](const Truth& t) { m_truth.insert(t.applicationId, t); });
    checkBlock();
}

void TestCityTruth::checkBlock()
{
    // One unit: its records, then its applications. Every rule below is recomputed from the
    // records as written, not from what the generator meant.
    auto concerns = [](const AgencyRecord& r, const Application& a) {
        if (r.subjectIdNumbers.contains(a.child.idNumber))
            return true;
        return std::any_of(a.guardians.cbegin(), a.guardians.cend(),
                           [&](const Guardian& g) { return r.subjectIdNumbers.contains(g.idNumber); });
    };
    auto isGuardian = [](const Application& a, const QString& id) {
        return std::any_of(a.guardians.cbegin(), a.guardians.cend(),
                           [&](const Guardian& g) { return g.idNumber == id; });
    };
    auto field = [](const AgencyRecord& r, const char* key) { return r.fields.value(QLatin1String(key)); };

    for (const Application& a : m_apps) {
        ++m_applications;
        ++m_childApplications[a.child.idNumber];
        m_childOf.append({a.id, a.child.idNumber});
        if (!m_truth.contains(a.id)) {
            ++m_missingTruth;
            continue;
        }
        const Truth& t = m_truth[a.id];
        const Policy& policy = m_policies[m_schoolDistrict.value(a.targetSchoolId) + a.grade];
        for (const QString& f : t.flags)
            ++m_flags[f];
        ++m_categories[t.category];
        ++m_scenarios[troubleOf(t.scenario)];

        if (t.scenario.section(u':', 0, 0) != t.category) {
            ++m_intendedDiffers;
            if (m_intendedExamples.size() < 5)
                m_intendedExamples.append(a.id + u' ' + t.category + u' ' + t.scenario);
        }
        const bool underAge = t.flags.contains(u"under_age");
        m_eligibleWrong += t.eligible != (t.category != u"none" && !underAge) ? 1 : 0;
        const bool mismatch = t.category != u"none" && t.category != a.claimedCategory;
        m_mismatchWrong += mismatch != t.flags.contains(u"category_mismatch") ? 1 : 0;

        const QDate born = IdNumber::parse(a.child.idNumber).birthDate();
        const bool primary = a.grade == u"primary1";
        m_ageWrong += (primary && born > policy.birthTo) != underAge ? 1 : 0;
        m_ageWrong += (primary && born < policy.birthFrom) != t.flags.contains(u"over_age") ? 1 : 0;

        // Guardians tied to the child by the household record or by marriage to a member.
        QStringList members;
        for (const AgencyRecord& r : m_records) {
            if (r.dataset != u"resident_population")
                continue;
            QStringList ids;
            bool hasChild = false;
            for (const QJsonValue& m : field(r, "members").toArray()) {
                ids.append(m.toObject().value(QLatin1String("id_number")).toString());
                hasChild = hasChild || ids.last() == a.child.idNumber;
            }
            if (hasChild)
                members = ids;
        }
        bool linked = true;
        for (const Guardian& g : a.guardians) {
            if (members.contains(g.idNumber))
                continue;
            bool married = false;
            for (const AgencyRecord& r : m_records) {
                if (r.dataset != u"marriage_registration" || field(r, "status").toString() != u"married")
                    continue;
                QStringList spouses;
                for (const QJsonValue& v : field(r, "spouse_id_numbers").toArray())
                    spouses.append(v.toString());
                if (!spouses.contains(g.idNumber))
                    continue;
                for (const QString& s : spouses)
                    married = married || (s != g.idNumber && members.contains(s) && isGuardian(a, s));
            }
            linked = linked && married;
        }
        m_linkWrong += linked == t.flags.contains(u"guardian_not_linked") ? 1 : 0;

        // record_missing: a requirement of the claimed category with no record at all.
        auto none = [&](QStringList datasets) {
            return std::none_of(m_records.cbegin(), m_records.cend(),
                                [&](const AgencyRecord& r) { return datasets.contains(r.dataset) && concerns(r, a); });
        };
        const bool noHousehold = none({"resident_population"});
        const bool noProperty = none({"real_estate_registration", "sale_contract"});
        const bool noResidence = none({"rental_filing", "residence_permit"});
        const bool noWork = none({"social_insurance", "individual_business", "enterprise_legal_person"});
        const bool missing = a.claimedCategory == u"A"   ? noHousehold || noProperty
                             : a.claimedCategory == u"B" ? noProperty
                                                         : noResidence || noWork;
        m_missingWrong += missing != t.flags.contains(u"record_missing") ? 1 : 0;

        // Evidence: a category needs records of the kind it rests on.
        const QDate cutoff = policy.cutoffDate;
        bool evidenceOk = true;
        const bool ownsSomething = std::any_of(m_records.cbegin(), m_records.cend(), [&](const AgencyRecord& r) {
            if (!concerns(r, a))
                return false;
            if (r.dataset == u"real_estate_registration")
                return field(r, "usage").toString() == u"residential" &&
                       (field(r, "status").toString() != u"cancelled" ||
                        json::parseDate(field(r, "cancelled_on").toString()) > cutoff);
            return r.dataset == u"sale_contract" && field(r, "status").toString() == u"filed";
        });
        const bool sealedOrSoldLate = std::any_of(m_records.cbegin(), m_records.cend(), [&](const AgencyRecord& r) {
            return r.dataset == u"real_estate_registration" && concerns(r, a) &&
                   (field(r, "status").toString() == u"sealed" ||
                    (field(r, "status").toString() == u"cancelled" &&
                     json::parseDate(field(r, "cancelled_on").toString()) > cutoff));
        });
        const bool rents = std::any_of(m_records.cbegin(), m_records.cend(), [&](const AgencyRecord& r) {
            if (r.dataset == u"rental_filing")
                return field(r, "status").toString() == u"valid" &&
                       std::any_of(a.guardians.cbegin(), a.guardians.cend(), [&](const Guardian& g) {
                           return field(r, "tenant_id_numbers").toArray().contains(QJsonValue(g.idNumber));
                       });
            return r.dataset == u"residence_permit" && isGuardian(a, field(r, "holder_id_number").toString());
        });
        if (t.category == u"A" || t.category == u"B")
            evidenceOk = ownsSomething;
        else if (t.category == u"C")
            evidenceOk = rents && !noWork;
        if (t.flags.contains(u"property_cancelled"))
            evidenceOk = evidenceOk && sealedOrSoldLate && (t.category == u"A" || t.category == u"B");
        if (t.flags.contains(u"address_uncertain"))
            evidenceOk = evidenceOk && t.category != u"none";
        if (t.flags.contains(u"shared_property")) {
            // Another application of this unit, for another child, rests on a certificate that
            // names guardians of both.
            const bool partner = std::any_of(m_apps.cbegin(), m_apps.cend(), [&](const Application& b) {
                return b.child.idNumber != a.child.idNumber &&
                       std::any_of(m_records.cbegin(), m_records.cend(), [&](const AgencyRecord& r) {
                           return r.dataset == u"real_estate_registration" && concerns(r, a) && concerns(r, b);
                       });
            });
            evidenceOk = evidenceOk && partner && (t.category == u"A" || t.category == u"B");
        }
        if (!evidenceOk) {
            ++m_evidenceWrong;
            if (m_evidenceExamples.size() < 5)
                m_evidenceExamples.append(a.id + u' ' + t.category + u' ' + t.flags.join(u',') + u' ' + t.scenario);
        }
    }
    m_records.clear();
    m_apps.clear();
    m_inApplications = false;
}

void TestCityTruth::everyApplicationHasOneTruth()
{
    QCOMPARE(m_applications, kApplications);
    QCOMPARE(m_truth.size(), kApplications);
    QCOMPARE(m_missingTruth, 0);
}

void TestCityTruth::scenariosMeanWhatTheTruthSays()
{
    // Each family was built to come out a certain way; the policy, applied to its records,
    // must agree for every one of them.
    QVERIFY2(m_intendedDiffers == 0, qPrintable(m_intendedExamples.join(u'\n')));
}

void TestCityTruth::eligibleFollowsCategoryAndAge()
{
    QCOMPARE(m_eligibleWrong, 0);
}

void TestCityTruth::categoryMismatchFollowsTheClaim()
{
    QCOMPARE(m_mismatchWrong, 0);
}

void TestCityTruth::ageFlagsFollowTheIdNumber()
{
    QCOMPARE(m_ageWrong, 0);
}

void TestCityTruth::duplicatesAreFlaggedOnBothApplications()
{
    int wrong = 0;
    for (const auto& [id, child] : m_childOf) {
        const bool duplicate = m_childApplications.value(child) > 1;
        wrong += duplicate != m_truth[id].flags.contains(u"duplicate_application") ? 1 : 0;
    }
    QCOMPARE(wrong, 0);
    QVERIFY(m_flags.value(QStringLiteral("duplicate_application")) % 2 == 0);
}

void TestCityTruth::guardianLinksFollowTheRecords()
{
    QCOMPARE(m_linkWrong, 0);
}

void TestCityTruth::recordMissingFollowsTheDataSets()
{
    QCOMPARE(m_missingWrong, 0);
}

void TestCityTruth::evidenceBacksEachCategory()
{
    QVERIFY2(m_evidenceWrong == 0, qPrintable(m_evidenceExamples.join(u'\n')));
}

void TestCityTruth::flagProportions()
{
    for (auto it = flagRanges().cbegin(); it != flagRanges().cend(); ++it) {
        const double share = m_flags.value(it.key()) / double(kApplications);
        QVERIFY2(share >= it->low && share <= it->high, qPrintable(it.key() + u' ' + QString::number(share)));
    }
    QCOMPARE(m_flags.size(), flagRanges().size()); // no flag outside the policy's list
}

void TestCityTruth::categoryProportions()
{
    for (auto it = categoryRanges().cbegin(); it != categoryRanges().cend(); ++it) {
        const double share = m_categories.value(it.key()) / double(kApplications);
        QVERIFY2(share >= it->low && share <= it->high, qPrintable(it.key() + u' ' + QString::number(share)));
    }
    QCOMPARE(m_categories.size(), 4);
}

void TestCityTruth::everyTroubleKindAppears()
{
    for (auto it = scenarioRanges().cbegin(); it != scenarioRanges().cend(); ++it) {
        const double share = m_scenarios.value(it.key()) / double(kApplications);
        QVERIFY2(share >= it->low && share <= it->high, qPrintable(it.key() + u' ' + QString::number(share)));
    }
    const double clean = m_scenarios.value(QStringLiteral("clean")) / double(kApplications);
    QVERIFY(clean > 0.74 && clean < 0.82);
}

void TestCityTruth::anotherYearKeepsTheMeaning()
{
    // The calendar moves with the admission year: every family still means what it meant.
    Options o;
    o.applications = 6000;
    o.admissionYear = 2031;
    o.seed = 11;
    CityGenerator generator(o);
    int differs = 0;
    int truths = 0;
    QString cutoff;
    QString firstId;
    generator.generate(
        [&](const Change& c) {
            if (c.entity == entity::Policy && cutoff.isEmpty())
                cutoff = c.data.value(QLatin1String("cutoff_date")).toString();
            if (c.entity == entity::Application && firstId.isEmpty())
                firstId = c.id;
        },
        [&](const Truth& t) {
            ++truths;
            differs += t.scenario.section(u':', 0, 0) != t.category ? 1 : 0;
        });
    QCOMPARE(truths, 6000);
    QCOMPARE(differs, 0);
    QCOMPARE(cutoff, QStringLiteral("2031-07-31"));
    QCOMPARE(firstId, QStringLiteral("A2031000001"));
}

QTEST_GUILESS_MAIN(TestCityTruth)
#include "tst_citytruth.moc"
