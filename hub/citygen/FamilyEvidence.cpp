// The agency records that carry a family's evidence: property, residence, work, and the records
// every family has besides (marriage, old rentals, a second flat). Part of FamilyBuilder.
#include "FamilyBuilder.h"

namespace adm::citygen {

namespace {

constexpr qint64 kSecondsPerDay = 86400;

qint64 epochOf(QDate d)
{
    return (d.toJulianDay() - 2440588) * kSecondsPerDay;
}

// Margin kept from every date limit of the policy, so that an off-by-one reading of "at least six
// months" cannot change a result.
constexpr int kMarginDays = 20;

} // namespace

void FamilyBuilder::addProperty(Context& c, Family& f, int coOwner)
{
    Random& rng = c.rng;
    const Plan& plan = c.plan;
    const Trouble t = plan.trouble;
    if (f.base == Base::Migrant)
        return;
    if (t == Trouble::MissingRecords && !(f.base == Base::Local && plan.variant < 50))
        return; // claimed A or B, and the land registry and the contract filings have nothing
    const QDate cutoff = m_policies.cutoff();
    const bool bothParents = std::any_of(f.guardians.cbegin(), f.guardians.cend(), [&](const GuardianRef& g) {
        return g.person != f.holder && (g.person == f.father || g.person == f.mother);
    });
    QList<int> owners;
    QList<int> shares;
    if (coOwner >= 0) {
        owners = {f.father, coOwner};
        shares = {50, 50};
    } else if (bothParents || rng.chance(0.5)) {
        // Both parents on the title; the one on the application is always among them.
        owners = {f.father, f.mother};
        shares = {50, 50};
    } else {
        owners = {f.holder};
        shares = {100};
    }
    auto certificate = [&](const Addr& at, QDate registered, const QList<int>& who,
                           const QList<int>& parts) -> Record& {
        Record& r = addRecord(c, Dataset::RealEstate);
        r.addr = at;
        r.persons = who;
        r.shares = parts;
        r.start = registered;
        r.usage = QStringLiteral("residential");
        r.status = rng.chance(0.3) ? QStringLiteral("mortgaged") : QStringLiteral("valid");
        return r;
    };
    auto contract = [&](const Addr& at, QDate signedOn, const QList<int>& who) {
        Record& r = addRecord(c, Dataset::SaleContract);
        r.addr = at;
        r.persons = who;
        r.start = signedOn;
        r.status = QStringLiteral("filed");
    };

    if (t == Trouble::CommercialOnly) {
        // A shop in the zone (not residential), the home in another zone.
        const Geography::Zone& target = m_geo.zones()[m_geo.schools()[f.school].zone];
        const int primary = target.junior ? rng.pick(target.parts) : m_geo.schools()[f.school].zone;
        Record& shop =
            certificate(m_geo.house(rng, primary), randomDate(rng, ago(14, 1, 1), ago(2, 12, 31)), {f.holder}, {100});
        shop.usage = QStringLiteral("commercial");
        certificate(f.home, randomDate(rng, ago(18, 1, 1), ago(1, 6, 30)), owners, shares);
        return;
    }
    if (f.newHome) {
        // Bought new: the contract is filed, the certificate not issued yet. The old flat (where
        // the household is registered) is still owned, or was sold.
        contract(f.home, randomDate(rng, ago(2, 6, 1), QDate(m_policies.year(), 5, 20)), owners);
        if (f.hukouAddr.inCity() && rng.chance(0.6)) {
            Record& old = certificate(f.hukouAddr, randomDate(rng, ago(21, 1, 1), ago(8, 12, 31)), owners, shares);
            if (rng.chance(0.4)) {
                old.status = QStringLiteral("cancelled");
                old.end = randomDate(rng, ago(2, 8, 1), QDate(m_policies.year(), 4, 30));
            }
        }
        return;
    }

    // Bought as adults: no title before the youngest owner turned 22.
    QDate adult = ago(18, 1, 1);
    for (int owner : owners)
        adult = qMax(adult, c.unit.persons[owner].birth.addYears(22));
    QDate registered = randomDate(rng, qMin(adult, ago(1, 6, 30)), ago(1, 12, 31));
    Addr at = f.home;
    if (t == Trouble::LooseRoad || t == Trouble::LooseCompound || t == Trouble::LooseButExact) {
        at.fuzz = t == Trouble::LooseRoad ? Addr::Fuzz::LooseRoad : Addr::Fuzz::LooseCompound;
        at.looseVariant = quint8(rng.below(6));
    }
    QDate soldOn;
    if (t == Trouble::SoldBeforeCutoff) {
        soldOn = randomDate(rng, QDate(m_policies.year() - 1, 9, 1), QDate(m_policies.year(), 5, 25));
        registered = randomDate(rng, qMin(adult, soldOn.addDays(-400)), soldOn.addDays(-200));
    }
    Record& home = certificate(at, registered, owners, shares);
    if (t == Trouble::Sealed) {
        home.status = QStringLiteral("sealed");
    } else if (t == Trouble::SoldAfterCutoff) {
        // Sold after the cut-off: the review re-fetched it in August.
        home.status = QStringLiteral("cancelled");
        home.end = cutoff.addDays(rng.range(3, 20));
        home.fetchedAt = epochOf(home.end.addDays(rng.range(2, 8))) + rng.range(3600, 30000);
    } else if (t == Trouble::SoldBeforeCutoff) {
        home.status = QStringLiteral("cancelled");
        home.end = soldOn;
    }

    const bool looseTrouble = at.fuzz != Addr::Fuzz::Exact;
    if (coOwner < 0 && !looseTrouble && t != Trouble::SoldBeforeCutoff && rng.chance(0.6)) {
        // Bought new years ago: the contract filing stays on record next to the certificate.
        contract(f.home, registered.addDays(-rng.range(60, 700)), owners);
    }
    if (t == Trouble::LooseButExact) {
        // A second flat in the same zone, bought on contract: its exact address decides.
        contract(m_geo.flat(rng, f.zone),
                 randomDate(rng, QDate(m_policies.year() - 1, 3, 1), QDate(m_policies.year(), 5, 20)), {f.holder});
    }
    if (t == Trouble::SoldBeforeCutoff && rng.chance(0.6)) {
        // They moved to a flat in another zone.
        certificate(cityFlatElsewhere(rng, f.district, f), randomDate(rng, soldOn.addDays(-120), soldOn.addDays(10)),
                    owners, shares);
    }
}

void FamilyBuilder::addResidence(Context& c, Family& f)
{
    Random& rng = c.rng;
    const Plan& plan = c.plan;
    const Trouble t = plan.trouble;
    if (f.base != Base::Migrant)
        return;
    if (t == Trouble::MissingRecords && plan.variant < 50)
        return; // claimed C, and neither rentals nor residence permits have anything
    const Policy& policy = m_policies.policy(m_geo.schools()[f.school].district, f.junior);
    const QDate cutoff = m_policies.cutoff();
    const QDate limit = m_policies.monthsBeforeCutoff(policy.minRentalMonths);
    Addr at = f.home;
    const bool loose = t == Trouble::LooseRoad || t == Trouble::LooseCompound;
    if (loose) {
        at.fuzz = t == Trouble::LooseRoad ? Addr::Fuzz::LooseRoad : Addr::Fuzz::LooseCompound;
        at.looseVariant = quint8(rng.below(6));
    }
    QList<int> tenants{f.holder};
    for (const GuardianRef& g : f.guardians) {
        if (g.person != f.holder && (g.person == f.father || g.person == f.mother) && rng.chance(0.5))
            tenants.append(g.person);
    }
    auto rental = [&](QDate start, QDate end) {
        Record& r = addRecord(c, Dataset::Rental);
        r.addr = at;
        r.persons = tenants;
        r.start = start;
        r.end = end;
        r.status = QStringLiteral("valid");
    };
    auto permit = [&](QDate issued, QDate expires) {
        Record& r = addRecord(c, Dataset::ResidencePermit);
        r.addr = at;
        r.persons = {f.holder};
        r.start = issued;
        r.end = expires;
    };
    auto goodRental = [&] {
        // A lease that began well before C minus the minimum and runs past C.
        const int months = policy.minRentalMonths >= 12 ? 12 * rng.range(2, 3) : 12 * rng.range(1, 3);
        const QDate earliest = cutoff.addDays(30).addMonths(-months);
        const QDate start = randomDate(rng, earliest, limit.addDays(-kMarginDays));
        rental(start, start.addMonths(months).addDays(-1));
    };
    auto goodPermit = [&] {
        permit(randomDate(rng, ago(6, 1, 1), limit.addDays(-kMarginDays)),
               randomDate(rng, cutoff.addDays(30), cutoff.addDays(700)));
    };

    if (t == Trouble::RentalTooShort) {
        if (plan.variant < 60) {
            // Moved in recently.
            const QDate start = randomDate(rng, limit.addDays(kMarginDays), cutoff.addDays(-30));
            rental(start, start.addMonths(12 * rng.range(1, 2)).addDays(-1));
        } else if (plan.variant < 80) {
            // The lease ends before C.
            const QDate end = randomDate(rng, QDate(m_policies.year(), 2, 1), cutoff.addDays(-kMarginDays));
            rental(end.addMonths(-12 * rng.range(1, 2)).addDays(1), end);
        } else {
            // Only a residence permit, issued too recently.
            const QDate issued = randomDate(rng, limit.addDays(kMarginDays), QDate(m_policies.year(), 6, 10));
            permit(issued, issued.addYears(1));
        }
        return;
    }
    const quint32 kind = loose ? 0 : rng.below(100);
    if (kind < 75) {
        goodRental();
    } else if (kind < 90) {
        goodPermit();
    } else {
        goodRental();
        goodPermit();
    }
}

void FamilyBuilder::addWork(Context& c, Family& f)
{
    Random& rng = c.rng;
    const Plan& plan = c.plan;
    const Trouble t = plan.trouble;
    if (t == Trouble::MissingRecords && f.base == Base::Migrant && plan.variant >= 50)
        return; // claimed C, and neither insurance nor business registers have anything
    const Policy& policy = m_policies.policy(m_geo.schools()[f.school].district, f.junior);
    const QDate cutoff = m_policies.cutoff();
    const int cutoffMonth = month(cutoff);
    const QString districtName = m_geo.districts()[f.district].name;
    auto insurance = [&](int person, const QList<MonthRange>& periods) {
        Record& r = addRecord(c, Dataset::Insurance);
        r.persons = {person};
        r.name = m_names.employer(rng, districtName);
        r.periods = periods;
    };
    auto goodRun = [&](int person) {
        // Unbroken, at least the minimum plus a margin, paid up to June (or July).
        const int to = cutoffMonth - (rng.chance(0.85) ? 1 : 0);
        const int adult = month(c.unit.persons[person].birth.addYears(19));
        const int longest = qMax(policy.minInsuranceMonths + 3, qMin(180, to - adult));
        const int length = rng.range(policy.minInsuranceMonths + 3, longest);
        return QList<MonthRange>{{to - length + 1, to}};
    };
    // A current employer with an unbroken run, and often a previous one that ended at least two
    // months before it began (a real gap, so the two never join into one run).
    auto insured = [&](int person) {
        const QList<MonthRange> current = goodRun(person);
        insurance(person, current);
        const int to = current.first().from - 1 - rng.range(2, 12);
        const int from = to - rng.range(6, 48) + 1;
        if (from >= month(c.unit.persons[person].birth.addYears(18)) && rng.chance(0.45))
            insurance(person, {{from, to}});
    };
    auto brokenRun = [&]() {
        if (rng.chance(0.6)) {
            // A gap, then a run too short to count.
            const int to2 = cutoffMonth - 1;
            const int from2 = to2 - rng.range(1, policy.minInsuranceMonths - 2) + 1;
            const int to1 = from2 - 1 - rng.range(1, 8);
            const int from1 = to1 - rng.range(6, 60) + 1;
            return QList<MonthRange>{{from1, to1}, {from2, to2}};
        }
        // Stopped paying months before C.
        const int to = cutoffMonth - rng.range(3, 14);
        return QList<MonthRange>{{to - rng.range(6, 60) + 1, to}};
    };
    auto business = [&](int person, bool good) {
        Record& r = addRecord(c, Dataset::Business);
        r.persons = {person};
        r.name = m_names.tradeName(rng, districtName);
        r.addr = m_geo.house(rng, rng.pick(m_geo.districts()[f.district].primaryZones));
        const QDate limit = m_policies.monthsBeforeCutoff(policy.minBusinessMonths).addDays(-kMarginDays);
        r.start = good ? randomDate(rng, ago(14, 1, 1), limit)
                       : randomDate(rng, limit.addDays(2 * kMarginDays), QDate(m_policies.year(), 6, 15));
        r.status = QStringLiteral("active");
    };

    const int other = f.holder == f.father ? f.mother : f.father;
    const bool otherIsGuardian =
        std::any_of(f.guardians.cbegin(), f.guardians.cend(), [&](const GuardianRef& g) { return g.person == other; });
    if (f.base == Base::Migrant && t == Trouble::BrokenInsurance) {
        insurance(f.holder, brokenRun());
        // The other parent has nothing that counts either, or is not on the application.
        if (rng.chance(0.4))
            insurance(other, brokenRun());
        else if (!otherIsGuardian && rng.chance(0.5))
            insurance(other, goodRun(other));
        return;
    }
    if (f.base == Base::Migrant && rng.chance(0.2)) {
        business(f.holder, true); // self-employed: a registered individual business
        if (rng.chance(0.3))
            insured(f.holder);
    } else if (f.base == Base::Migrant || rng.chance(0.9)) {
        insured(f.holder);
    }
    if (rng.chance(0.8))
        insured(other);
    if (f.base == Base::Migrant && rng.chance(0.05))
        business(other, rng.chance(0.5)); // some recent, so not yet counting
}

void FamilyBuilder::addExtras(Context& c, Family& f)
{
    Random& rng = c.rng;
    const Plan& plan = c.plan;
    const Trouble t = plan.trouble;
    const QList<Person>& people = c.unit.persons;
    const QDate childBirth = people[f.child].birth;

    // Marriage registration of the parents.
    auto marriage = [&](const QString& status) {
        Record& r = addRecord(c, Dataset::Marriage);
        r.persons = {f.father, f.mother};
        const QDate earliest = qMax(people[f.father].birth.addYears(22), people[f.mother].birth.addYears(20));
        r.start = randomDate(rng, earliest, qMax(earliest, childBirth.addDays(-300)));
        r.status = status;
        r.areaCode = m_geo.districts()[f.district].code;
    };
    if (f.fatherApart && !f.marriedApart) {
        if (rng.chance(0.5))
            marriage(QStringLiteral("divorced"));
    } else if (f.marriedApart || rng.chance(0.88)) {
        marriage(QStringLiteral("married"));
    }

    const bool missingResidence = t == Trouble::MissingRecords && f.base == Base::Migrant && plan.variant < 50;
    const bool missingWork = t == Trouble::MissingRecords && f.base == Base::Migrant && plan.variant >= 50;
    const bool missingProperty =
        t == Trouble::MissingRecords && f.base != Base::Migrant && !(f.base == Base::Local && plan.variant < 50);

    // Rentals from years ago, long expired or cancelled.
    if (!missingResidence && rng.chance(0.65)) {
        static constexpr int kCounts[] = {6, 3, 1}; // one, two or three earlier leases
        const int count = rng.weighted(kCounts) + 1;
        for (int i = 0; i < count; ++i) {
            Record& r = addRecord(c, Dataset::Rental);
            r.addr = rng.chance(0.8) ? m_geo.flat(rng, rng.pick(m_geo.districts()[f.district].primaryZones))
                                     : m_geo.house(rng, rng.pick(m_geo.districts()[f.district].primaryZones));
            r.persons = {f.holder};
            r.start = randomDate(rng, ago(14, 1, 1), ago(4, 12, 31));
            r.end = r.start.addMonths(12 * rng.range(1, 2)).addDays(-1);
            r.status = rng.chance(0.7) ? QStringLiteral("valid") : QStringLiteral("cancelled");
        }
    }

    // A business or a company of one of the parents.
    const bool workTrouble = t == Trouble::BrokenInsurance || missingWork;
    if (!workTrouble && f.base != Base::Migrant) {
        const QString districtName = m_geo.districts()[f.district].name;
        if (rng.chance(0.07)) {
            Record& r = addRecord(c, Dataset::Business);
            r.persons = {rng.chance(0.6) ? f.holder : f.mother};
            r.name = m_names.tradeName(rng, districtName);
            r.addr = m_geo.house(rng, rng.pick(m_geo.districts()[f.district].primaryZones));
            r.start = randomDate(rng, ago(16, 1, 1), QDate(m_policies.year() - 1, 6, 30));
            r.status = rng.chance(0.85) ? QStringLiteral("active") : QStringLiteral("revoked");
        }
        if (rng.chance(0.04)) {
            Record& r = addRecord(c, Dataset::Enterprise);
            r.persons = {f.holder};
            r.name = m_names.enterpriseName(rng);
            r.addr = m_geo.house(rng, rng.pick(m_geo.districts()[f.district].primaryZones));
            r.start = randomDate(rng, ago(18, 1, 1), QDate(m_policies.year() - 1, 6, 30));
            r.status = rng.chance(0.9) ? QStringLiteral("active") : QStringLiteral("revoked");
        }
    }

    // Owners' other flats: one sold years ago, one kept. Never in the target zone, so that the
    // decisive property stays the one the scenario means.
    if (f.base != Base::Migrant && !missingProperty) {
        if (rng.chance(0.18)) {
            Record& r = addRecord(c, Dataset::RealEstate);
            r.addr = cityFlatElsewhere(rng, f.district, f);
            r.persons = {f.holder};
            r.shares = {100};
            const QDate adult = c.unit.persons[f.holder].birth.addYears(21);
            r.end = randomDate(rng, qMax(ago(11, 1, 1), adult.addDays(800)), QDate(m_policies.year() - 1, 12, 31));
            r.start = randomDate(rng, qMin(qMax(ago(23, 1, 1), adult), r.end.addDays(-400)), r.end.addDays(-400));
            r.usage = QStringLiteral("residential");
            r.status = QStringLiteral("cancelled");
        }
        if (t != Trouble::Duplicate && rng.chance(0.07)) {
            Record& r = addRecord(c, Dataset::RealEstate);
            r.addr = cityFlatElsewhere(rng, f.district, f);
            r.persons = {f.holder};
            r.shares = {100};
            const QDate adult = c.unit.persons[f.holder].birth.addYears(23);
            r.start = randomDate(rng, qMin(qMax(ago(16, 1, 1), adult), QDate(m_policies.year() - 1, 6, 30)),
                                 QDate(m_policies.year() - 1, 6, 30));
            r.usage = QStringLiteral("residential");
            r.status = QStringLiteral("valid");
        }
    }
}

} // namespace adm::citygen
