#include "EvidenceFields.h"

#include "IsoDates.h"

#include <climits>

namespace adm::policy {

EvidenceUse EvidenceFields::of(const EvidenceIndex& evidence, int index, const Applicant& applicant,
                               const ZoneMatch& match)
{
    const EvidenceRecord& r = evidence.record(index);
    EvidenceUse e;
    e.recordId = r.id;
    e.agency = r.agency;
    e.dataset = r.datasetName;
    e.fetchedAt = r.fetchedAt;
    e.fields.reserve(8);
    auto field = [&e](const QString& name, const QString& value) { e.fields.append(EvidenceField{name, value}); };
    QStringList heldBy;
    for (const QString& p : r.persons) {
        const QString role = applicant.roleOf(p);
        if (!role.isEmpty() && !heldBy.contains(role))
            heldBy.append(role);
    }
    switch (r.dataset) {
    case Dataset::RealEstateRegistration:
        field(QStringLiteral("certificate_no"), r.number);
        field(QStringLiteral("usage"), r.usage);
        field(QStringLiteral("status"), r.status);
        field(QStringLiteral("registered_on"), IsoDates::formatOrMark(r.date));
        if (r.endDateGiven)
            field(QStringLiteral("cancelled_on"), IsoDates::formatOrMark(r.endDate));
        break;
    case Dataset::SaleContract:
        field(QStringLiteral("contract_no"), r.number);
        field(QStringLiteral("status"), r.status);
        field(QStringLiteral("signed_on"), IsoDates::formatOrMark(r.date));
        break;
    case Dataset::ResidentPopulation: {
        field(QStringLiteral("household_no"), r.number);
        const HouseholdMember* m = r.member(applicant.child);
        if (m)
            field(QStringLiteral("registered_on"),
                  IsoDates::formatOrMark(m->registeredOn.isValid() ? m->registeredOn : r.date));
        heldBy.clear();
        break;
    }
    case Dataset::RentalFiling:
        field(QStringLiteral("filing_no"), r.number);
        field(QStringLiteral("status"), r.status);
        field(QStringLiteral("start_on"), IsoDates::formatOrMark(r.date));
        field(QStringLiteral("end_on"), r.endDateGiven ? IsoDates::formatOrMark(r.endDate) : QString());
        break;
    case Dataset::ResidencePermit:
        field(QStringLiteral("permit_no"), r.number);
        field(QStringLiteral("issued_on"), IsoDates::formatOrMark(r.date));
        field(QStringLiteral("expires_on"), r.endDateGiven ? IsoDates::formatOrMark(r.endDate) : QString());
        break;
    case Dataset::SocialInsurance: {
        field(QStringLiteral("employer_name"), r.title);
        field(QStringLiteral("city_code"), r.cityCode);
        QStringList periods;
        for (const MonthPeriod& p : r.periods)
            periods.append(QStringLiteral("%1..%2").arg(IsoDates::formatMonth(p.from),
                                                        p.to == INT_MAX ? QString() : IsoDates::formatMonth(p.to)));
        field(QStringLiteral("periods"), periods.join(QStringLiteral(", ")));
        break;
    }
    case Dataset::IndividualBusiness:
    case Dataset::EnterpriseLegalPerson:
        field(r.dataset == Dataset::IndividualBusiness ? QStringLiteral("registration_no")
                                                       : QStringLiteral("credit_code"),
              r.number);
        field(r.dataset == Dataset::IndividualBusiness ? QStringLiteral("trade_name") : QStringLiteral("name"),
              r.title);
        field(QStringLiteral("status"), r.status);
        field(QStringLiteral("registered_on"), IsoDates::formatOrMark(r.date));
        break;
    case Dataset::MarriageRegistration:
        field(QStringLiteral("certificate_no"), r.number);
        field(QStringLiteral("status"), r.status);
        field(QStringLiteral("registered_on"), IsoDates::formatOrMark(r.date));
        break;
    case Dataset::Other:
        break;
    }
    if (!r.address.isEmpty())
        field(QStringLiteral("address"), r.address);
    if (!heldBy.isEmpty())
        field(QStringLiteral("held_by"), heldBy.join(QStringLiteral(", ")));
    e.address = match;
    if (match.matched()) {
        e.addressText = evidence.zoneMatcher().describe(match);
        field(QStringLiteral("address_match"), e.addressText);
    }
    return e;
}

} // namespace adm::policy
