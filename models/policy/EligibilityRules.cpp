#include "EligibilityRules.h"

#include "DivisionCodes.h"
#include "EvidenceFields.h"
#include "IsoDates.h"
#include "domain/IdNumber.h"
#include "domain/ValueLabels.h"

#include <QCoreApplication>
#include <QVarLengthArray>
#include <algorithm>
#include <climits>
#include <functional>
#include <tuple>

namespace adm::policy {

namespace {

QString day(const QDate& d)
{
    return IsoDates::formatOrMark(d);
}

QString monthText(int month)
{
    return IsoDates::formatMonth(month);
}

QString orUnknown(const QString& s)
{
    return s.isEmpty() ? QCoreApplication::translate("EligibilityCheck", "(none given)") : valueLabel(s);
}

QString districtLabel(const QString& code)
{
    const QString name = DivisionCodes::nameOf(code);
    return name.isEmpty() ? code : QStringLiteral("%1 (%2)").arg(name, code);
}

bool isHeldStatus(const QString& status)
{
    return status == QLatin1String("valid") || status == QLatin1String("mortgaged") ||
           status == QLatin1String("sealed");
}

// Merged runs of paid months; overlapping or adjacent periods make one unbroken run.
QList<MonthPeriod> unbrokenRuns(QList<MonthPeriod> periods)
{
    std::sort(periods.begin(), periods.end(),
              [](const MonthPeriod& a, const MonthPeriod& b) { return a.from < b.from; });
    QList<MonthPeriod> runs;
    for (const MonthPeriod& p : std::as_const(periods)) {
        if (!runs.isEmpty() && (runs.last().to == INT_MAX || p.from <= runs.last().to + 1))
            runs.last().to = qMax(runs.last().to, p.to);
        else
            runs.append(p);
    }
    return runs;
}

} // namespace

EligibilityRules::EligibilityRules(const EvidenceIndex& evidence, const Policy& policy, const QList<int>& schoolZones,
                                   const Applicant& applicant)
    : m_evidence(evidence)
    , m_policy(policy)
    , m_zones(schoolZones)
    , m_applicant(applicant)
    , m_cutoff(policy.cutoffDate)
{}

QList<int> EligibilityRules::recordsIn(std::initializer_list<Dataset> datasets) const
{
    return m_applicant.recordsIn(m_evidence, datasets);
}

bool EligibilityRules::heldByPerson(const EvidenceRecord& r, bool guardiansOnly) const
{
    for (const QString& p : r.persons) {
        if (m_applicant.isGuardian(p) || (!guardiansOnly && p == m_applicant.child))
            return true;
    }
    return false;
}

ZoneMatch EligibilityRules::zoneMatch(const EvidenceRecord& r) const
{
    return ZoneMatcher::bestOf(r.zoneHits(), m_zones);
}

QString EligibilityRules::missReason(const EvidenceRecord& r) const
{
    return m_evidence.zoneMatcher().explainMiss(r.normalized(), m_zones);
}

QDate EligibilityRules::monthsBeforeCutoff(int months) const
{
    // Calendar months; QDate::addMonths turns a day the earlier month lacks into its last day.
    return m_cutoff.addMonths(-months);
}

EligibilityRules::Attempt EligibilityRules::tryRecord(int index, Detail detail) const
{
    switch (m_evidence.record(index).dataset) {
    case Dataset::RealEstateRegistration:
        return tryRealEstate(index, detail);
    case Dataset::SaleContract:
        return trySaleContract(index, detail);
    case Dataset::ResidentPopulation:
        return tryHousehold(index, detail);
    case Dataset::RentalFiling:
        return tryDatedResidence(index, detail, kRentalWords);
    case Dataset::ResidencePermit:
        return tryDatedResidence(index, detail, kPermitWords);
    case Dataset::SocialInsurance:
        return tryInsurance(index, detail);
    case Dataset::IndividualBusiness:
    case Dataset::EnterpriseLegalPerson:
        return tryBusiness(index, detail);
    default:
        return {};
    }
}

RuleOutcome EligibilityRules::conclude(const QString& rule, const QList<int>& records,
                                       const QString& noRecordReason) const
{
    RuleOutcome out;
    out.check.rule = rule;
    if (records.isEmpty()) {
        out.check.reason = noRecordReason;
        return out;
    }
    QVarLengthArray<Attempt, 8> attempts;
    for (int i : records)
        attempts.append(tryRecord(i, Detail::RankOnly));
    // Exact address, then real-estate before sale contract, then earliest date; the rest only
    // makes the choice deterministic.
    auto key = [this](const Attempt& x) {
        const EvidenceRecord& r = m_evidence.record(x.record);
        return std::make_tuple(!x.exact, x.rank, x.date.isValid() ? x.date.toJulianDay() : LLONG_MAX, int(r.dataset),
                               std::cref(r.id));
    };
    const Attempt* best = nullptr;
    for (const Attempt& a : attempts) {
        if (a.ok && (!best || key(a) < key(*best)))
            best = &a;
    }
    if (best) {
        const Attempt explained = tryRecord(best->record, Detail::WithReason);
        out.check.passed = true;
        out.check.reason = explained.reason;
        EvidenceUse e = EvidenceFields::of(m_evidence, best->record, m_applicant, best->match);
        e.decisive = true;
        out.check.evidence.append(e);
        out.decisive = best->record;
        out.match = best->match;
        out.date = best->date;
        return out;
    }
    const Attempt* closest = &attempts.front();
    for (const Attempt& a : attempts) {
        if (a.progress > closest->progress)
            closest = &a;
    }
    out.check.reason = tryRecord(closest->record, Detail::WithReason).reason;
    out.check.evidence.reserve(attempts.size());
    for (const Attempt& a : attempts)
        out.check.evidence.append(EvidenceFields::of(m_evidence, a.record, m_applicant, a.match));
    return out;
}

RuleOutcome EligibilityRules::age(bool* underAge, bool* overAge) const
{
    RuleOutcome out;
    out.check.rule = rule::Age;
    *underAge = false;
    *overAge = false;
    const IdNumber id = IdNumber::parse(m_applicant.child);
    if (!id.isValid()) {
        out.check.reason =
            QCoreApplication::translate("EligibilityCheck", "The child's ID number gives no birth date: %1")
                .arg(id.problemMessage());
        return out;
    }
    const QDate born = id.birthDate();
    const QString from = day(m_policy.birthFrom);
    const QString to = day(m_policy.birthTo);
    if (m_policy.birthTo.isValid() && born > m_policy.birthTo) {
        *underAge = true;
        out.check.reason =
            QCoreApplication::translate("EligibilityCheck", "Born on %1, after %2: under age, not eligible this year.")
                .arg(day(born), to);
        return out;
    }
    out.check.passed = true;
    if (m_policy.birthFrom.isValid() && born < m_policy.birthFrom) {
        *overAge = true;
        out.check.reason =
            QCoreApplication::translate("EligibilityCheck", "Born on %1, before %2: over age, for review.")
                .arg(day(born), from);
        return out;
    }
    out.check.reason =
        QCoreApplication::translate("EligibilityCheck", "Born on %1, within %2 to %3.").arg(day(born), from, to);
    return out;
}

EligibilityRules::Attempt EligibilityRules::tryRealEstate(int index, Detail detail) const
{
    const EvidenceRecord& r = m_evidence.record(index);
    Attempt a;
    a.record = index;
    a.rank = 0;
    a.date = r.date;
    if (!heldByPerson(r, false)) {
        if (detail == Detail::WithReason)
            a.reason =
                QCoreApplication::translate(
                    "EligibilityCheck", "Real-estate certificate %1 names neither the child nor a guardian as owner.")
                    .arg(r.number);
        return a;
    }
    a.progress = 1;
    if (r.usage != QLatin1String("residential")) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck",
                                                   "Real-estate certificate %1 is for %2 use, not residential.")
                           .arg(r.number, orUnknown(r.usage));
        return a;
    }
    a.progress = 2;
    if (!r.date.isValid() || r.date > m_cutoff) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate(
                           "EligibilityCheck", "Real-estate certificate %1 was registered on %2, after the cut-off %3.")
                           .arg(r.number, day(r.date), day(m_cutoff));
        return a;
    }
    a.progress = 3;
    const bool cancelled = r.status == QLatin1String("cancelled");
    if (!isHeldStatus(r.status) && !(cancelled && r.endDate.isValid() && r.endDate > m_cutoff)) {
        if (detail == Detail::WithReason && cancelled)
            a.reason =
                QCoreApplication::translate("EligibilityCheck",
                                            "Real-estate certificate %1 was cancelled on %2, not after the cut-off %3.")
                    .arg(r.number, day(r.endDate), day(m_cutoff));
        else if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck",
                                                   "Real-estate certificate %1 has status %2: not held at the cut-off.")
                           .arg(r.number, orUnknown(r.status));
        return a;
    }
    a.progress = 4;
    a.match = zoneMatch(r);
    if (!a.match.matched()) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck",
                                                   "Real-estate certificate %1 is not in the school's zone. %2")
                           .arg(r.number, missReason(r));
        return a;
    }
    a.ok = true;
    a.exact = a.match.isExact();
    if (detail == Detail::WithReason)
        a.reason =
            QCoreApplication::translate(
                "EligibilityCheck",
                "Real-estate certificate %1 (status %2, registered on %3) is in the school's zone: the address %4.")
                .arg(r.number, orUnknown(r.status), day(r.date), m_evidence.zoneMatcher().describe(a.match));
    return a;
}

EligibilityRules::Attempt EligibilityRules::trySaleContract(int index, Detail detail) const
{
    const EvidenceRecord& r = m_evidence.record(index);
    Attempt a;
    a.record = index;
    a.rank = 1;
    a.date = r.date;
    if (!heldByPerson(r, false)) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck",
                                                   "Sale contract %1 names neither the child nor a guardian as buyer.")
                           .arg(r.number);
        return a;
    }
    a.progress = 1;
    if (r.status != QLatin1String("filed")) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck", "Sale contract %1 has status %2, not filed.")
                           .arg(r.number, orUnknown(r.status));
        return a;
    }
    a.progress = 3;
    if (!r.date.isValid() || r.date > m_cutoff) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck",
                                                   "Sale contract %1 was signed on %2, after the cut-off %3.")
                           .arg(r.number, day(r.date), day(m_cutoff));
        return a;
    }
    a.progress = 4;
    a.match = zoneMatch(r);
    if (!a.match.matched()) {
        if (detail == Detail::WithReason)
            a.reason =
                QCoreApplication::translate("EligibilityCheck", "Sale contract %1 is not in the school's zone. %2")
                    .arg(r.number, missReason(r));
        return a;
    }
    a.ok = true;
    a.exact = a.match.isExact();
    if (detail == Detail::WithReason)
        a.reason =
            QCoreApplication::translate(
                "EligibilityCheck", "Filed sale contract %1 (signed on %2) is in the school's zone: the address %3.")
                .arg(r.number, day(r.date), m_evidence.zoneMatcher().describe(a.match));
    return a;
}

EligibilityRules::Attempt EligibilityRules::tryHousehold(int index, Detail detail) const
{
    const EvidenceRecord& r = m_evidence.record(index);
    Attempt a;
    a.record = index;
    const HouseholdMember* m = r.member(m_applicant.child);
    const QDate since = m && m->registeredOn.isValid() ? m->registeredOn : r.date;
    a.date = since;
    if (!since.isValid()) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate(
                           "EligibilityCheck", "Household %1 gives no date on which the child was registered there.")
                           .arg(r.number);
        return a;
    }
    if (since > m_cutoff) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck",
                                                   "Household %1 lists the child only from %2, after the cut-off %3.")
                           .arg(r.number, day(since), day(m_cutoff));
        return a;
    }
    a.progress = 1;
    const NormalizedAddress& ad = r.normalized();
    const QStringList& urban = m_policy.urbanDistrictCodes;
    if (ad.isEmpty()) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck", "Household %1 gives no address.").arg(r.number);
        return a;
    }
    if (!ad.otherPlace.isEmpty() || !ad.districtCode.isEmpty()) {
        // The address names its district: that decides.
        const bool ok =
            ad.otherPlace.isEmpty() && urban.contains(ad.districtCode) && ZoneMatcher::placeFits(ad, ad.districtCode);
        const QString where = detail == Detail::RankOnly ? QString()
                              : ad.otherPlace.isEmpty()  ? districtLabel(ad.districtCode)
                                                         : ad.places.join(QString());
        if (!ok) {
            if (detail == Detail::WithReason)
                a.reason = QCoreApplication::translate("EligibilityCheck",
                                                       "Household %1 is registered in %2, not in an urban district of "
                                                       "this policy.")
                               .arg(r.number, where);
            return a;
        }
        a.ok = true;
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate(
                           "EligibilityCheck", "Household %1 lists the child since %2, at an address in urban district "
                                               "%3.")
                           .arg(r.number, day(since), where);
        return a;
    }
    // Naming no district: its road or compound must lie in a zone of an urban district.
    const QList<Zone>& zones = m_evidence.zoneMatcher().zones();
    for (const ZoneMatch& hit : r.zoneHits()) {
        if (urban.contains(zones.at(hit.zone).districtCode) && hit.kind > a.match.kind)
            a.match = hit;
    }
    if (!a.match.matched()) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate(
                           "EligibilityCheck", "Household %1 is registered at an address that names no district and "
                                               "lies in no zone of an urban district.")
                           .arg(r.number);
        return a;
    }
    a.ok = true;
    a.exact = a.match.isExact();
    if (detail == Detail::WithReason)
        a.reason = QCoreApplication::translate(
                       "EligibilityCheck", "Household %1 lists the child since %2; its address %3, in urban district "
                                           "%4.")
                       .arg(r.number, day(since), m_evidence.zoneMatcher().describe(a.match),
                            districtLabel(zones.at(a.match.zone).districtCode));
    return a;
}

// The sentences of a dated residence document, in the "EligibilityCheck" context. Steps: held by a
// guardian; valid (a filing has a status, a permit has none); begun or issued at least the
// policy's months before the cut-off; not ended before it; in the school's zone.
struct EligibilityRules::DatedResidence {
    const char* notGuardians; // %1 number
    const char* notValid;     // %1 number, %2 status; null: the dataset has no status
    const char* tooLate;      // %1 number, %2 date, %3 latest date, %4 months
    const char* endedEarly;   // %1 number, %2 end, %3 cut-off
    const char* notInZone;    // %1 number, %2 why
    const char* passed;       // %1 number, %2 date, %3 latest date, %4 end, %5 the address match
};

const EligibilityRules::DatedResidence EligibilityRules::kRentalWords{
    QT_TRANSLATE_NOOP("EligibilityCheck", "Rental filing %1 does not name a guardian as tenant."),
    QT_TRANSLATE_NOOP("EligibilityCheck", "Rental filing %1 has status %2, not valid."),
    QT_TRANSLATE_NOOP("EligibilityCheck", "Rental filing %1 starts on %2, after %3 (%4 months before the cut-off)."),
    QT_TRANSLATE_NOOP("EligibilityCheck", "Rental filing %1 ends on %2, before the cut-off %3."),
    QT_TRANSLATE_NOOP("EligibilityCheck", "Rental filing %1 is not in the school's zone. %2"),
    QT_TRANSLATE_NOOP("EligibilityCheck", "Rental filing %1 runs from %2 (needed by %3) to %4; the address %5."),
};

const EligibilityRules::DatedResidence EligibilityRules::kPermitWords{
    QT_TRANSLATE_NOOP("EligibilityCheck", "Residence permit %1 is not a guardian's."),
    nullptr,
    QT_TRANSLATE_NOOP("EligibilityCheck",
                      "Residence permit %1 was issued on %2, after %3 (%4 months before the cut-off)."),
    QT_TRANSLATE_NOOP("EligibilityCheck", "Residence permit %1 expired on %2, before the cut-off %3."),
    QT_TRANSLATE_NOOP("EligibilityCheck", "Residence permit %1 is not in the school's zone. %2"),
    QT_TRANSLATE_NOOP("EligibilityCheck",
                      "Residence permit %1 was issued on %2 (needed by %3) and is valid until %4; the address %5."),
};

EligibilityRules::Attempt EligibilityRules::tryDatedResidence(int index, Detail detail,
                                                              const DatedResidence& words) const
{
    const auto text = [](const char* sentence) { return QCoreApplication::translate("EligibilityCheck", sentence); };
    const EvidenceRecord& r = m_evidence.record(index);
    Attempt a;
    a.record = index;
    a.date = r.date;
    const QDate latest = monthsBeforeCutoff(m_policy.minRentalMonths);
    if (!heldByPerson(r, true)) {
        if (detail == Detail::WithReason)
            a.reason = text(words.notGuardians).arg(r.number);
        return a;
    }
    a.progress = 1;
    if (words.notValid && r.status != QLatin1String("valid")) {
        if (detail == Detail::WithReason)
            a.reason = text(words.notValid).arg(r.number, orUnknown(r.status));
        return a;
    }
    a.progress = 2;
    if (!r.date.isValid() || r.date > latest) {
        if (detail == Detail::WithReason)
            a.reason =
                text(words.tooLate).arg(r.number, day(r.date), day(latest), QString::number(m_policy.minRentalMonths));
        return a;
    }
    a.progress = 3;
    if (r.endDateGiven && (!r.endDate.isValid() || r.endDate < m_cutoff)) {
        if (detail == Detail::WithReason)
            a.reason = text(words.endedEarly).arg(r.number, day(r.endDate), day(m_cutoff));
        return a;
    }
    a.progress = 4;
    a.match = zoneMatch(r);
    if (!a.match.matched()) {
        if (detail == Detail::WithReason)
            a.reason = text(words.notInZone).arg(r.number, missReason(r));
        return a;
    }
    a.ok = true;
    a.exact = a.match.isExact();
    if (detail == Detail::RankOnly)
        return a;
    const QString end = r.endDateGiven ? day(r.endDate) : text(QT_TRANSLATE_NOOP("EligibilityCheck", "no end date"));
    a.reason =
        text(words.passed).arg(r.number, day(r.date), day(latest), end, m_evidence.zoneMatcher().describe(a.match));
    return a;
}

EligibilityRules::Attempt EligibilityRules::tryInsurance(int index, Detail detail) const
{
    const EvidenceRecord& r = m_evidence.record(index);
    Attempt a;
    a.record = index;
    const QString label = detail == Detail::RankOnly ? QString() : r.title.isEmpty() ? r.id : r.title;
    if (!heldByPerson(r, true)) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck", "Social insurance with %1 is not a guardian's.")
                           .arg(label);
        return a;
    }
    a.progress = 1;
    // Same city: the first four digits of the division code.
    if (!r.cityCode.isEmpty() && QStringView(r.cityCode).left(4) != QStringView(m_policy.districtCode).left(4)) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck",
                                                   "Social insurance with %1 is paid in another city (%2).")
                           .arg(label, r.cityCode);
        return a;
    }
    a.progress = 2;
    // An unbroken run that ends in the month of the cut-off or the month before; months after the
    // cut-off's month do not count.
    const int cutoffMonth = monthNumber(m_cutoff);
    int bestLength = -1;
    int bestFrom = 0;
    int bestTo = 0;
    for (const MonthPeriod& run : unbrokenRuns(r.periods)) {
        if (run.to < cutoffMonth - 1 || run.from > cutoffMonth)
            continue;
        const int to = qMin(run.to, cutoffMonth);
        if (to - run.from + 1 > bestLength) {
            bestLength = to - run.from + 1;
            bestFrom = run.from;
            bestTo = to;
        }
    }
    const QString thisMonth = detail == Detail::WithReason ? monthText(cutoffMonth) : QString();
    const QString monthBefore = detail == Detail::WithReason ? monthText(cutoffMonth - 1) : QString();
    const QString needed = detail == Detail::WithReason ? QString::number(m_policy.minInsuranceMonths) : QString();
    if (bestLength < 0) {
        if (detail == Detail::WithReason)
            a.reason =
                QCoreApplication::translate("EligibilityCheck", "Social insurance with %1 has no contributions in "
                                                                "%2 or %3.")
                    .arg(label, monthBefore, thisMonth);
        return a;
    }
    a.progress = 3;
    a.date = QDate(bestFrom / 12, bestFrom % 12 + 1, 1);
    if (bestLength < m_policy.minInsuranceMonths) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate(
                           "EligibilityCheck", "Social insurance with %1: the unbroken run from %2 to %3 is %4 months; "
                                               "%5 are needed.")
                           .arg(label, monthText(bestFrom), monthText(bestTo), QString::number(bestLength), needed);
        return a;
    }
    a.ok = true;
    if (detail == Detail::WithReason)
        a.reason = QCoreApplication::translate("EligibilityCheck",
                                               "Social insurance with %1: %2 unbroken months from %3 to %4 (%5 needed, "
                                               "ending in %6 or %7).")
                       .arg(label, QString::number(bestLength), monthText(bestFrom), monthText(bestTo), needed,
                            monthBefore, thisMonth);
    return a;
}

EligibilityRules::Attempt EligibilityRules::tryBusiness(int index, Detail detail) const
{
    const EvidenceRecord& r = m_evidence.record(index);
    Attempt a;
    a.record = index;
    a.date = r.date;
    const QString label = detail == Detail::RankOnly ? QString()
                          : r.title.isEmpty()        ? r.number
                                                     : QStringLiteral("%1 (%2)").arg(r.title, r.number);
    const QDate latest = monthsBeforeCutoff(m_policy.minBusinessMonths);
    if (!heldByPerson(r, true)) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck",
                                                   "Business %1 does not name a guardian as operator or legal "
                                                   "representative.")
                           .arg(label);
        return a;
    }
    a.progress = 1;
    if (r.status != QLatin1String("active")) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck", "Business %1 is %2, not active.")
                           .arg(label, orUnknown(r.status));
        return a;
    }
    a.progress = 2;
    if (!r.date.isValid() || r.date > latest) {
        if (detail == Detail::WithReason)
            a.reason = QCoreApplication::translate("EligibilityCheck",
                                                   "Business %1 was registered on %2, after %3 (%4 months before the "
                                                   "cut-off).")
                           .arg(label, day(r.date), day(latest), QString::number(m_policy.minBusinessMonths));
        return a;
    }
    a.ok = true;
    if (detail == Detail::WithReason)
        a.reason = QCoreApplication::translate("EligibilityCheck",
                                               "Business %1 is active and was registered on %2 (needed by %3).")
                       .arg(label, day(r.date), day(latest));
    return a;
}

RuleOutcome EligibilityRules::property() const
{
    return conclude(rule::PropertyInZone, recordsIn({Dataset::RealEstateRegistration, Dataset::SaleContract}),
                    QCoreApplication::translate("EligibilityCheck",
                                                "No real-estate registration or sale contract of the child or a "
                                                "guardian."));
}

RuleOutcome EligibilityRules::household() const
{
    QList<int> households;
    for (int i : recordsIn({Dataset::ResidentPopulation})) {
        if (m_evidence.record(i).member(m_applicant.child))
            households.append(i);
    }
    return conclude(rule::UrbanHouseholdRegistration, households,
                    QCoreApplication::translate("EligibilityCheck", "No household record lists the child."));
}

RuleOutcome EligibilityRules::residence() const
{
    return conclude(
        rule::ResidenceInZone, recordsIn({Dataset::RentalFiling, Dataset::ResidencePermit}),
        QCoreApplication::translate("EligibilityCheck", "No rental filing or residence permit of a guardian."));
}

RuleOutcome EligibilityRules::work() const
{
    return conclude(
        rule::WorkInCity,
        recordsIn({Dataset::SocialInsurance, Dataset::IndividualBusiness, Dataset::EnterpriseLegalPerson}),
        QCoreApplication::translate("EligibilityCheck", "No social insurance or business registration of a guardian."));
}

} // namespace adm::policy
