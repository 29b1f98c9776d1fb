#include "EligibilityCheck.h"

#include "EligibilityRules.h"
#include "HouseholdLinks.h"
#include "IsoDates.h"

#include <QCoreApplication>

namespace adm::policy {

namespace {

QString requirementName(const QString& rule)
{
    if (rule == rule::PropertyInZone)
        return QCoreApplication::translate("EligibilityCheck", "property");
    if (rule == rule::UrbanHouseholdRegistration)
        return QCoreApplication::translate("EligibilityCheck", "household registration");
    if (rule == rule::ResidenceInZone)
        return QCoreApplication::translate("EligibilityCheck", "residence");
    return QCoreApplication::translate("EligibilityCheck", "work");
}

} // namespace

EligibilityCheck::EligibilityCheck(const PolicyCatalog& catalog, const EvidenceIndex& evidence)
    : m_catalog(catalog)
    , m_evidence(evidence)
{}

EligibilityResult EligibilityCheck::check(const Application& app) const
{
    EligibilityResult res;
    res.applicationId = app.id;
    res.claimedCategory = app.claimedCategory;

    Applicant who;
    who.applicationId = app.id;
    who.child = EvidenceIndex::normalizeId(app.child.idNumber);
    for (const Guardian& g : app.guardians) {
        const QString id = EvidenceIndex::normalizeId(g.idNumber);
        if (id.isEmpty())
            continue;
        who.guardians.append(id);
        who.guardianRelations.append(g.relation.isEmpty() ? QStringLiteral("other") : g.relation);
    }
    res.summary.applicationId = app.id;
    res.summary.admissionYear = app.admissionYear;
    res.summary.childIdNumber = who.child;
    res.summary.householdKey = QStringLiteral("child:") + who.child;

    RuleCheck noPolicy;
    noPolicy.rule = rule::Policy;
    const School* school = m_catalog.school(app.targetSchoolId);
    if (!school) {
        noPolicy.reason = QCoreApplication::translate("EligibilityCheck", "The target school %1 is not known.")
                              .arg(app.targetSchoolId);
        res.checks.append(noPolicy);
        return res;
    }
    const Policy* policy = m_catalog.policyFor(school->districtCode, app.admissionYear, app.grade);
    if (!policy) {
        noPolicy.reason =
            QCoreApplication::translate("EligibilityCheck", "No admission policy for district %1, year %2, grade %3.")
                .arg(school->districtCode, QString::number(app.admissionYear), app.grade);
        res.checks.append(noPolicy);
        return res;
    }
    res.policyId = policy->id;
    res.checks.reserve(5);

    who.collectRecords(m_evidence);
    const EligibilityRules rules(m_evidence, *policy, m_catalog.zonesOfSchool(school->id), who);
    const HouseholdLinks links(m_evidence, who, policy->cutoffDate);
    bool ageOk = true;
    if (app.grade == QLatin1String("primary1")) {
        bool underAge = false;
        bool overAge = false;
        const RuleOutcome age = rules.age(&underAge, &overAge);
        ageOk = age.check.passed;
        res.checks.append(age.check);
        if (underAge)
            res.setFlag(flag::UnderAge, age.check.reason);
        if (overAge)
            res.setFlag(flag::OverAge, age.check.reason);
    }
    const RuleOutcome property = rules.property();
    const RuleOutcome household = rules.household();
    const RuleOutcome residence = rules.residence();
    const RuleOutcome work = rules.work();
    res.checks.append(property.check);
    res.checks.append(household.check);
    res.checks.append(residence.check);
    res.checks.append(work.check);

    // The first category that holds.
    const RuleOutcome* decisiveAddress = nullptr;
    if (property.check.passed) {
        res.category = household.check.passed ? Category::A : Category::B;
        decisiveAddress = &property;
    } else if (residence.check.passed && work.check.passed) {
        res.category = Category::C;
        decisiveAddress = &residence;
    }
    res.eligible = res.category != Category::None && ageOk;
    if (decisiveAddress)
        res.decisiveDate = decisiveAddress->date;

    // Flags that this application decides alone.
    if (property.check.passed) {
        const EvidenceRecord& r = m_evidence.record(property.decisive);
        if (r.dataset == Dataset::RealEstateRegistration) {
            res.summary.decisiveCertificateNo = r.number;
            if (r.status == QLatin1String("sealed"))
                res.setFlag(flag::PropertyCancelled,
                            QCoreApplication::translate("EligibilityCheck", "Real-estate certificate %1 is sealed.")
                                .arg(r.number));
            else if (r.status == QLatin1String("cancelled"))
                res.setFlag(flag::PropertyCancelled,
                            QCoreApplication::translate("EligibilityCheck",
                                                        "Real-estate certificate %1 was cancelled on %2, after the "
                                                        "cut-off: sold after the cut-off.")
                                .arg(r.number, IsoDates::format(r.endDate)));
        }
    }
    if (decisiveAddress && decisiveAddress->match.kind == MatchKind::Loose)
        res.setFlag(flag::AddressUncertain, QCoreApplication::translate("EligibilityCheck", "The decisive address %1.")
                                                .arg(m_catalog.zoneMatcher().describe(decisiveAddress->match)));
    const QStringList unlinked = links.unlinkedGuardians();
    if (!unlinked.isEmpty())
        res.setFlag(flag::GuardianNotLinked,
                    QCoreApplication::translate("EligibilityCheck",
                                                "No agency record ties %1 to the child; paper evidence is needed.")
                        .arg(unlinked.join(QStringLiteral(", "))));
    const QString found = categoryCode(res.category);
    if (res.category != Category::None && !app.claimedCategory.isEmpty() && found != app.claimedCategory)
        res.setFlag(
            flag::CategoryMismatch,
            QCoreApplication::translate("EligibilityCheck", "The family claimed category %1; the check finds %2.")
                .arg(app.claimedCategory, found));

    // record_missing: a requirement of the claimed category for which no data set that could meet
    // it has any record of the child or a guardian.
    QStringList missing;
    const QString& claimed = app.claimedCategory;
    if (claimed == QLatin1String("A") && !who.hasAnyRecord(m_evidence, {Dataset::ResidentPopulation}))
        missing.append(requirementName(rule::UrbanHouseholdRegistration));
    if ((claimed == QLatin1String("A") || claimed == QLatin1String("B")) &&
        !who.hasAnyRecord(m_evidence, {Dataset::RealEstateRegistration, Dataset::SaleContract}))
        missing.append(requirementName(rule::PropertyInZone));
    if (claimed == QLatin1String("C")) {
        if (!who.hasAnyRecord(m_evidence, {Dataset::RentalFiling, Dataset::ResidencePermit}))
            missing.append(requirementName(rule::ResidenceInZone));
        if (!who.hasAnyRecord(m_evidence,
                              {Dataset::SocialInsurance, Dataset::IndividualBusiness, Dataset::EnterpriseLegalPerson}))
            missing.append(requirementName(rule::WorkInCity));
    }
    if (!missing.isEmpty())
        res.setFlag(flag::RecordMissing,
                    QCoreApplication::translate("EligibilityCheck",
                                                "Claimed category %1, but no agency has any record of the child or a "
                                                "guardian for: %2.")
                        .arg(claimed, missing.join(QStringLiteral(", "))));

    res.summary.householdKey = links.householdKey(household.decisive);
    return res;
}

} // namespace adm::policy
