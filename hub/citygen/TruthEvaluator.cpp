#include "TruthEvaluator.h"

#include "FamilyBuilder.h"

#include <algorithm>

namespace adm::citygen {

namespace {

bool isGuardian(const AppModel& app, int person)
{
    return std::any_of(app.guardians.cbegin(), app.guardians.cend(),
                       [&](const GuardianRef& g) { return g.person == person; });
}

bool concerns(const AppModel& app, const Record& r)
{
    // "The child or a guardian": the record names one of them.
    for (int p : r.persons) {
        if (p == app.child || isGuardian(app, p))
            return true;
    }
    return false;
}

// A candidate for a requirement, ranked as the policy says: exact before loose, a real-estate
// registration before a sale contract, then the earliest date.
struct Candidate {
    int record = -1;
    int quality = 0; // 2 exact, 1 loose
    int kind = 0;    // 0 real estate, 1 sale contract (and 0 for residence)
    QDate date;
    bool before(const Candidate& o) const
    {
        if (quality != o.quality)
            return quality > o.quality;
        if (kind != o.kind)
            return kind < o.kind;
        return date < o.date;
    }
};

} // namespace

bool TruthEvaluator::anyRecord(const Unit& unit, const AppModel& app, std::initializer_list<Dataset> datasets) const
{
    for (const Record& r : unit.records) {
        if (std::find(datasets.begin(), datasets.end(), r.dataset) != datasets.end() && concerns(app, r))
            return true;
    }
    return false;
}

bool TruthEvaluator::worksInCity(const Unit& unit, const AppModel& app, const Policy& policy) const
{
    const QDate cutoff = policy.cutoffDate;
    const int cutoffMonth = FamilyBuilder::month(cutoff);
    const QDate businessLimit = cutoff.addMonths(-policy.minBusinessMonths);
    for (const Record& r : unit.records) {
        if (r.persons.isEmpty() || !isGuardian(app, r.persons.first()))
            continue;
        if (r.dataset == Dataset::Insurance) {
            // Merge touching periods into unbroken runs; one must be long enough and end in C's
            // month or the month before.
            QList<MonthRange> periods = r.periods;
            std::sort(periods.begin(), periods.end(),
                      [](const MonthRange& a, const MonthRange& b) { return a.from < b.from; });
            int runFrom = -1;
            int runTo = -2;
            auto qualifies = [&] {
                return runFrom >= 0 && runTo - runFrom + 1 >= policy.minInsuranceMonths &&
                       (runTo == cutoffMonth || runTo == cutoffMonth - 1);
            };
            for (const MonthRange& p : periods) {
                if (p.from <= runTo + 1) {
                    runTo = qMax(runTo, p.to);
                } else {
                    if (qualifies())
                        return true;
                    runFrom = p.from;
                    runTo = p.to;
                }
            }
            if (qualifies())
                return true;
        } else if (r.dataset == Dataset::Business || r.dataset == Dataset::Enterprise) {
            if (r.status == QLatin1String("active") && r.start <= businessLimit)
                return true;
        }
    }
    return false;
}

bool TruthEvaluator::guardiansLinked(const Unit& unit, const AppModel& app, int household) const
{
    QList<int> members;
    if (household >= 0) {
        for (const Member& m : unit.records[household].members)
            members.append(m.person);
    }
    for (const GuardianRef& g : app.guardians) {
        if (members.contains(g.person))
            continue;
        // Married (on record, still married) to a guardian who is a member.
        bool viaMarriage = false;
        for (const Record& r : unit.records) {
            if (r.dataset != Dataset::Marriage || r.status != QLatin1String("married") || !r.persons.contains(g.person))
                continue;
            for (int spouse : r.persons) {
                if (spouse != g.person && members.contains(spouse) && isGuardian(app, spouse))
                    viaMarriage = true;
            }
        }
        if (!viaMarriage)
            return false;
    }
    return true;
}

TruthEvaluator::Finding TruthEvaluator::assess(const Unit& unit, const AppModel& app) const
{
    const Geography::School& school = m_geo.schools()[app.school];
    const Policy& policy = m_policies.policy(school.district, app.junior);
    const QDate cutoff = policy.cutoffDate;
    const QList<int> zones{school.zone};
    Finding f;

    // The child's household: the population record listing the child.
    for (int i = 0; i < unit.records.size(); ++i) {
        const Record& r = unit.records[i];
        if (r.dataset != Dataset::ResidentPopulation)
            continue;
        for (const Member& m : r.members) {
            if (m.person == app.child && f.household < 0)
                f.household = i;
        }
    }
    bool urban = false;
    if (f.household >= 0) {
        const Record& r = unit.records[f.household];
        for (const Member& m : r.members) {
            if (m.person == app.child && m.registeredOn <= cutoff && m_geo.isUrban(r.addr, policy.urbanDistrictCodes))
                urban = true;
        }
    }

    // Property in zone.
    Candidate property;
    for (int i = 0; i < unit.records.size(); ++i) {
        const Record& r = unit.records[i];
        if (!concerns(app, r))
            continue;
        if (r.dataset == Dataset::RealEstate) {
            const bool held = r.status != QLatin1String("cancelled") || r.end > cutoff;
            if (r.usage != QLatin1String("residential") || !held || r.start > cutoff)
                continue;
            const Candidate cand{i, m_geo.matchQuality(r.addr, zones), 0, r.start};
            if (cand.quality > 0 && (property.record < 0 || cand.before(property)))
                property = cand;
        } else if (r.dataset == Dataset::SaleContract) {
            if (r.status != QLatin1String("filed") || r.start > cutoff)
                continue;
            const Candidate cand{i, m_geo.matchQuality(r.addr, zones), 1, r.start};
            if (cand.quality > 0 && (property.record < 0 || cand.before(property)))
                property = cand;
        }
    }

    // Residence in zone without property.
    const QDate rentalLimit = cutoff.addMonths(-policy.minRentalMonths);
    Candidate residence;
    for (int i = 0; i < unit.records.size(); ++i) {
        const Record& r = unit.records[i];
        bool counts = false;
        if (r.dataset == Dataset::Rental) {
            const bool tenant =
                std::any_of(r.persons.cbegin(), r.persons.cend(), [&](int p) { return isGuardian(app, p); });
            counts = tenant && r.status == QLatin1String("valid") && r.start <= rentalLimit && r.end >= cutoff;
        } else if (r.dataset == Dataset::ResidencePermit) {
            counts = isGuardian(app, r.persons.first()) && r.start <= rentalLimit && r.end >= cutoff;
        }
        if (!counts)
            continue;
        const Candidate cand{i, m_geo.matchQuality(r.addr, zones), 0, r.start};
        if (cand.quality > 0 && (residence.record < 0 || cand.before(residence)))
            residence = cand;
    }

    if (property.record >= 0) {
        f.category = urban ? QStringLiteral("A") : QStringLiteral("B");
        f.decisiveProperty = property.record;
        f.loose = property.quality == 1;
        const Record& r = unit.records[property.record];
        f.propertyCancelled = r.dataset == Dataset::RealEstate &&
                              (r.status == QLatin1String("sealed") || r.status == QLatin1String("cancelled"));
    } else if (residence.record >= 0 && worksInCity(unit, app, policy)) {
        f.category = QStringLiteral("C");
        f.decisiveResidence = residence.record;
        f.loose = residence.quality == 1;
    } else {
        f.category = QStringLiteral("none");
    }

    // Flags that need only this application.
    const QDate born = unit.persons[app.child].birth;
    if (policy.grade == QLatin1String("primary1")) {
        if (born > policy.birthTo)
            f.flags.append(QStringLiteral("under_age"));
        if (born < policy.birthFrom)
            f.flags.append(QStringLiteral("over_age"));
    }
    if (f.propertyCancelled)
        f.flags.append(QStringLiteral("property_cancelled"));
    if (f.loose)
        f.flags.append(QStringLiteral("address_uncertain"));
    if (f.category != QLatin1String("none") && f.category != app.claimed)
        f.flags.append(QStringLiteral("category_mismatch"));
    if (!guardiansLinked(unit, app, f.household))
        f.flags.append(QStringLiteral("guardian_not_linked"));

    const bool noHousehold = !anyRecord(unit, app, {Dataset::ResidentPopulation});
    const bool noProperty = !anyRecord(unit, app, {Dataset::RealEstate, Dataset::SaleContract});
    const bool noResidence = !anyRecord(unit, app, {Dataset::Rental, Dataset::ResidencePermit});
    const bool noWork = !anyRecord(unit, app, {Dataset::Insurance, Dataset::Business, Dataset::Enterprise});
    const bool missing = app.claimed == QLatin1String("A")   ? noHousehold || noProperty
                         : app.claimed == QLatin1String("B") ? noProperty
                                                             : noResidence || noWork;
    if (missing)
        f.flags.append(QStringLiteral("record_missing"));
    return f;
}

QList<Truth> TruthEvaluator::evaluate(const Unit& unit, const QStringList& ids) const
{
    QList<Finding> findings;
    for (const AppModel& app : unit.apps)
        findings.append(assess(unit, app));

    for (int i = 0; i < unit.apps.size(); ++i) {
        for (int j = 0; j < unit.apps.size(); ++j) {
            if (i == j)
                continue;
            const AppModel& a = unit.apps[i];
            const AppModel& b = unit.apps[j];
            if (unit.persons[a.child].id == unit.persons[b.child].id &&
                !findings[i].flags.contains(QLatin1String("duplicate_application")))
                findings[i].flags.append(QStringLiteral("duplicate_application"));
            // Same certificate deciding for children of different households (a child without a
            // household record is a household alone).
            const int pa = findings[i].decisiveProperty;
            const bool sameCertificate =
                pa >= 0 && pa == findings[j].decisiveProperty && unit.records[pa].dataset == Dataset::RealEstate;
            const bool otherHousehold = findings[i].household < 0 || findings[i].household != findings[j].household;
            if (sameCertificate && otherHousehold && unit.persons[a.child].id != unit.persons[b.child].id &&
                !findings[i].flags.contains(QLatin1String("shared_property")))
                findings[i].flags.append(QStringLiteral("shared_property"));
        }
    }

    QList<Truth> out;
    for (int i = 0; i < unit.apps.size(); ++i) {
        Truth t;
        t.applicationId = ids.value(i);
        t.category = findings[i].category;
        t.eligible = t.category != QLatin1String("none") && !findings[i].flags.contains(QLatin1String("under_age"));
        t.flags = findings[i].flags;
        t.flags.sort();
        t.scenario = unit.apps[i].intended + u':' + unit.apps[i].scenario;
        out.append(t);
    }
    return out;
}

} // namespace adm::citygen
