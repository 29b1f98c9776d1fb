#include "FamilyBuilder.h"

#include <algorithm>

namespace adm::citygen {

namespace {

constexpr qint64 kSecondsPerDay = 86400;

qint64 epochOf(QDate d)
{
    return (d.toJulianDay() - 2440588) * kSecondsPerDay;
}

QString childRelation(bool male, bool grandchild)
{
    if (grandchild)
        return male ? QStringLiteral("孙子") : QStringLiteral("孙女");
    return male ? QStringLiteral("子") : QStringLiteral("女");
}

} // namespace

FamilyBuilder::FamilyBuilder(const Geography& geography, const PolicyBook& policies, const NameBank& names,
                             IdAllocator& ids)
    : m_geo(geography)
    , m_policies(policies)
    , m_names(names)
    , m_ids(ids)
{}

QDate FamilyBuilder::randomDate(Random& rng, QDate from, QDate to)
{
    const qint64 span = from.daysTo(to);
    if (span <= 0)
        return from;
    return from.addDays(rng.below(quint32(span + 1)));
}

Record& FamilyBuilder::addRecord(Context& c, Dataset dataset)
{
    c.unit.records.append(Record{});
    Record& r = c.unit.records.last();
    r.dataset = dataset;
    // The platform pulls a family's records within minutes of the first application.
    r.fetchedAt = c.fetchBase + c.rng.range(20, 1800);
    return r;
}

Unit FamilyBuilder::build(Random& rng, const Plan& plan, qint64 firstSubmission)
{
    Unit unit;
    Context c{rng, plan, unit, firstSubmission};
    Family f;
    f.base = plan.base;
    f.junior = plan.junior;
    placeHome(c, f);
    makePeople(c, f);
    chooseGuardians(c, f);

    // One flat used by two households: the second family is the first father's brother's.
    const bool shared = plan.trouble == Trouble::SharedFlat;
    Family g;
    if (shared) {
        g.base = Base::Local;
        g.junior = rng.chance(0.45);
        g.district = f.district;
        g.zone = f.zone;
        g.home = f.home;
        targetSchool(rng, g, f.zone);
        makePeople(c, g, f.surname);
        chooseGuardians(c, g);
        // The brother's family is registered in the district, at a flat of its own.
        g.hukouAddr = cityFlatElsewhere(rng, g.district, g);
    }
    registerHouseholds(c, f);
    if (shared)
        registerHouseholds(c, g);
    addProperty(c, f, shared ? g.father : -1);
    addResidence(c, f);
    addWork(c, f);
    addExtras(c, f);
    if (shared) {
        addWork(c, g);
        addExtras(c, g);
    }
    addApplications(c, f);
    if (shared)
        addApplications(c, g);
    dropUnseenRecords(unit);
    return unit;
}

void FamilyBuilder::dropUnseenRecords(Unit& unit)
{
    // The platform sends the records of the people on applications only: a parent who is not on
    // any application is seen only where a record also names someone who is.
    QList<bool> onApplication(unit.persons.size(), false);
    for (const AppModel& app : unit.apps) {
        onApplication[app.child] = true;
        for (const GuardianRef& g : app.guardians)
            onApplication[g.person] = true;
    }
    unit.records.removeIf([&](const Record& r) {
        return std::none_of(r.persons.cbegin(), r.persons.cend(), [&](int p) { return onApplication[p]; });
    });
}

void FamilyBuilder::targetSchool(Random& rng, Family& f, int primaryZone)
{
    const Geography::Zone& zone = m_geo.zones()[primaryZone];
    const int level = f.junior ? zone.juniorZone : primaryZone;
    f.school = rng.pick(m_geo.zones()[level].schools);
}

int FamilyBuilder::otherZone(Random& rng, const Family& f) const
{
    const int target = m_geo.schools()[f.school].zone;
    const QList<int>& list = m_geo.districts()[f.district].primaryZones;
    for (int attempt = 0; attempt < 200; ++attempt) {
        const int z = rng.pick(list);
        const int level = f.junior ? m_geo.zones()[z].juniorZone : z;
        if (level != target)
            return z;
    }
    return -1;
}

Addr FamilyBuilder::cityFlatElsewhere(Random& rng, int district, const Family& f) const
{
    // A home in the district that lies outside the family's target zone (or anywhere in another district).
    const int z = district == f.district ? otherZone(rng, f) : rng.pick(m_geo.districts()[district].primaryZones);
    return rng.chance(0.8) ? m_geo.flat(rng, z) : m_geo.house(rng, z);
}

void FamilyBuilder::placeHome(Context& c, Family& f)
{
    Random& rng = c.rng;
    const Trouble t = c.plan.trouble;
    if (t == Trouble::OutOfZone || t == Trouble::CommercialOnly) {
        placeOutOfZone(c, f);
        return;
    }
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const int z = m_geo.samplePrimaryZone(rng);
        const Geography::Zone& zone = m_geo.zones()[z];
        if (t == Trouble::LooseRoad) {
            // The typo needs a road of four or more characters.
            QList<int> segments;
            for (int s : zone.segments) {
                if (!m_geo.roads()[m_geo.segments()[s].road].looseNames.isEmpty())
                    segments.append(s);
            }
            if (segments.isEmpty())
                continue;
            const int seg = rng.pick(segments);
            QList<int> onRoad;
            for (int cp : zone.compounds) {
                if (m_geo.compounds()[cp].road == m_geo.segments()[seg].road)
                    onRoad.append(cp);
            }
            f.home =
                !onRoad.isEmpty() && rng.chance(0.6) ? m_geo.flatOn(rng, rng.pick(onRoad)) : m_geo.houseOn(rng, seg);
        } else if (t == Trouble::LooseCompound || t == Trouble::LooseButExact) {
            QList<int> loose;
            for (int cp : zone.compounds) {
                if (!m_geo.compounds()[cp].looseNames.isEmpty())
                    loose.append(cp);
            }
            if (loose.isEmpty())
                continue;
            f.home = m_geo.flatOn(rng, rng.pick(loose));
        } else {
            const double flatShare = f.base == Base::Migrant ? 0.7 : 0.85;
            f.home = rng.chance(flatShare) ? m_geo.flat(rng, z) : m_geo.house(rng, z);
        }
        f.zone = z;
        f.district = zone.district;
        targetSchool(rng, f, z);
        break;
    }
    // Some owners bought new and hold only a filed sale contract; troubles about the certificate keep one.
    const bool certificateTrouble = t == Trouble::LooseRoad || t == Trouble::LooseCompound ||
                                    t == Trouble::LooseButExact || t == Trouble::SoldAfterCutoff ||
                                    t == Trouble::Sealed || t == Trouble::SoldBeforeCutoff || t == Trouble::SharedFlat;
    f.newHome = f.base != Base::Migrant && !certificateTrouble && rng.chance(0.08);
}

void FamilyBuilder::placeOutOfZone(Context& c, Family& f)
{
    Random& rng = c.rng;
    const Trouble t = c.plan.trouble;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const int z = m_geo.samplePrimaryZone(rng);
        const Geography::Zone& zone = m_geo.zones()[z];
        const int target = f.junior ? zone.juniorZone : z;
        auto levelOf = [&](int primary) { return f.junior ? m_geo.zones()[primary].juniorZone : primary; };
        f.district = zone.district;
        f.school = rng.pick(m_geo.zones()[target].schools);
        if (t == Trouble::OutOfZone && c.plan.variant < 50) {
            // Across the boundary: the same road, a number just outside the zone's stretch (or the
            // other side of a road split by parity).
            QList<QPair<int, int>> pairs;
            for (int s : zone.segments) {
                for (int s2 : m_geo.roads()[m_geo.segments()[s].road].segments) {
                    const int z2 = m_geo.segments()[s2].zone;
                    if (z2 != z && levelOf(z2) != target)
                        pairs.append({s, s2});
                }
            }
            if (!pairs.isEmpty()) {
                const auto [s, s2] = rng.pick(pairs);
                const Geography::Segment& a = m_geo.segments()[s];
                const Geography::Segment& b = m_geo.segments()[s2];
                f.home = m_geo.houseOn(rng, s2);
                if (a.parity == Geography::Parity::All && b.parity == Geography::Parity::All) {
                    if (b.from == a.to + 1)
                        f.home.number = rng.range(b.from, qMin(b.to, b.from + 15));
                    else if (b.to + 1 == a.from)
                        f.home.number = rng.range(qMax(b.from, b.to - 15), b.to);
                }
                f.zone = b.zone;
                return;
            }
        }
        QList<int> others;
        for (int z2 : m_geo.districts()[f.district].primaryZones) {
            if (levelOf(z2) != target)
                others.append(z2);
        }
        if (others.isEmpty())
            continue;
        f.zone = rng.pick(others);
        f.home = rng.chance(0.8) ? m_geo.flat(rng, f.zone) : m_geo.house(rng, f.zone);
        return;
    }
}

int FamilyBuilder::addPerson(Context& c, const QString& area, QDate birth, bool male, const QString& surname,
                             bool child, QDate earliest, QDate latest)
{
    Person p;
    p.male = male;
    p.birth = birth;
    p.id = m_ids.allocate(area, &p.birth, male, earliest, latest);
    p.name = m_names.fullName(c.rng, surname, male, child);
    if (!child)
        p.phone = m_names.phone(c.rng);
    c.unit.persons.append(p);
    return int(c.unit.persons.size()) - 1;
}

int FamilyBuilder::addGrandparent(Context& c, Family& f, bool male)
{
    int& slot = male ? f.grandpa : f.grandma;
    if (slot >= 0)
        return slot;
    const Person& father = c.unit.persons[f.father];
    const QDate birth = father.birth.addDays(-c.rng.range(24 * 365, 34 * 365));
    slot = addPerson(c, f.parentArea, birth, male, male ? f.surname : m_names.surname(c.rng), false,
                     birth.addDays(-300), birth.addDays(300));
    return slot;
}

void FamilyBuilder::makePeople(Context& c, Family& f, const QString& surname)
{
    Random& rng = c.rng;
    const Trouble t = c.plan.trouble;
    const QList<Geography::District>& districts = m_geo.districts();
    const QString here = districts[f.district].code;
    auto otherDistrict = [&] {
        int d = int(rng.below(quint32(districts.size() - 1)));
        return d >= f.district ? d + 1 : d;
    };

    // Where the family is registered: here, in another district or county, or in another province.
    int originKind = 0; // 0 a flat in a district, 1 a village, 2 elsewhere
    f.originDistrict = f.district;
    if (f.base == Base::NonLocal) {
        const quint32 v = rng.below(100);
        originKind = v < 35 ? 0 : v < 65 ? 1 : 2;
        f.originDistrict = otherDistrict();
    } else if (f.base == Base::Migrant) {
        originKind = rng.chance(0.75) ? 2 : 1;
        f.originDistrict = otherDistrict();
    }
    if (originKind == 2) {
        f.originPlace = int(rng.below(quint32(m_geo.elsewhere().size())));
        f.parentArea = m_geo.elsewhere()[f.originPlace].areaCode;
        f.originDistrict = -1;
    } else {
        const int d = f.base == Base::Local && rng.chance(0.25) ? otherDistrict() : f.originDistrict;
        f.parentArea = districts[d].code;
    }
    if (f.base == Base::Local)
        f.childArea = here;
    else
        f.childArea = rng.chance(0.5) ? here : f.parentArea;

    // The child's birth date decides the age flags for grade 1.
    QDate lo;
    QDate hi;
    const QDate from = m_policies.birthFrom(f.junior);
    const QDate to = m_policies.birthTo(f.junior);
    if (!f.junior && t == Trouble::UnderAge) {
        lo = to.addDays(3);
        hi = to.addDays(200);
    } else if (!f.junior && t == Trouble::OverAge) {
        lo = from.addDays(-330);
        hi = from.addDays(-3);
    } else {
        lo = from.addDays(1);
        hi = to.addDays(-1);
    }
    const QDate childBirth = randomDate(rng, lo, hi);
    f.surname = surname.isEmpty() ? m_names.surname(rng) : surname;
    QString motherSurname = m_names.surname(rng);
    if (motherSurname == f.surname)
        motherSurname = m_names.surname(rng);

    const QDate fatherBirth = childBirth.addDays(-rng.range(25 * 365, 40 * 365));
    f.father = addPerson(c, f.parentArea, fatherBirth, true, f.surname, false, fatherBirth.addDays(-300),
                         fatherBirth.addDays(300));
    const QDate motherBirth = childBirth.addDays(-rng.range(23 * 365, 37 * 365));
    f.mother = addPerson(c, f.parentArea, motherBirth, false, motherSurname, false, motherBirth.addDays(-300),
                         motherBirth.addDays(300));
    const QString childSurname = rng.chance(0.92) ? f.surname : motherSurname;
    f.child = addPerson(c, f.childArea, childBirth, rng.chance(0.52), childSurname, true, lo, hi);
    if (t == Trouble::Twins) {
        const QDate born = c.unit.persons[f.child].birth;
        f.twin = addPerson(c, f.childArea, born, rng.chance(0.5), childSurname, true, born, born);
        if (c.unit.persons[f.twin].id.isEmpty()) // that day's numbers are used up: a new day, rarely
            c.unit.persons[f.twin].id =
                m_ids.allocate(f.childArea, &c.unit.persons[f.twin].birth, c.unit.persons[f.twin].male, lo, hi);
    }
    if (rng.chance(0.25)) {
        const QDate born = childBirth.addDays(-rng.range(2 * 365, 9 * 365));
        f.sibling =
            addPerson(c, f.childArea, born, rng.chance(0.5), childSurname, true, born.addDays(-60), born.addDays(60));
    }
    if (f.base == Base::Local && t != Trouble::NotLinked && rng.chance(0.12)) {
        f.grandparentsAtHome = true;
        addGrandparent(c, f, true);
        addGrandparent(c, f, false);
    }
    chooseHukou(c, f);
}

void FamilyBuilder::chooseHukou(Context& c, Family& f)
{
    Random& rng = c.rng;
    const bool withGrandparents = c.plan.trouble == Trouble::NotLinked && c.plan.variant < 35;
    if (f.base == Base::Local) {
        // Registered at home, or (bought new, or with the grandparents) at another flat in the district.
        f.hukouAddr = f.newHome || withGrandparents ? cityFlatElsewhere(rng, f.district, f) : f.home;
    } else if (f.originPlace >= 0) {
        f.hukouAddr = m_geo.elsewhere(rng, f.originPlace);
    } else if (f.base == Base::NonLocal && rng.chance(0.55)) {
        f.hukouAddr = cityFlatElsewhere(rng, f.originDistrict, f);
    } else {
        f.hukouAddr = m_geo.village(rng, f.originDistrict);
    }
}

void FamilyBuilder::chooseGuardians(Context& c, Family& f)
{
    Random& rng = c.rng;
    const Plan& plan = c.plan;
    auto parent = [&](int p) {
        return GuardianRef{p, p == f.father ? QStringLiteral("father") : QStringLiteral("mother")};
    };
    auto parents = [&](int shareBoth, int shareMother) {
        const quint32 r = rng.below(100);
        if (int(r) < shareBoth)
            return rng.chance(0.55) ? QList<GuardianRef>{parent(f.mother), parent(f.father)}
                                    : QList<GuardianRef>{parent(f.father), parent(f.mother)};
        if (int(r) < shareBoth + shareMother)
            return QList<GuardianRef>{parent(f.mother)};
        return QList<GuardianRef>{parent(f.father)};
    };
    if (plan.trouble == Trouble::NotLinked) {
        const int v = plan.variant;
        if (v < 35) {
            // (a) the child is registered with the grandparents; the parents apply.
            f.guardians = parents(60, 25);
        } else if (v < 65) {
            // (b) the father is registered apart and not married to the mother on record.
            f.guardians = rng.chance(0.6) ? QList<GuardianRef>{parent(f.father), parent(f.mother)}
                                          : QList<GuardianRef>{parent(f.father)};
            f.fatherApart = true;
        } else if (v < 80) {
            // (c) an aunt or uncle applies with a parent.
            const Person& father = c.unit.persons[f.father];
            const bool male = rng.chance(0.4);
            const QDate born = father.birth.addDays(rng.range(-5 * 365, 5 * 365));
            f.relative =
                addPerson(c, f.parentArea, born, male, f.surname, false, born.addDays(-300), born.addDays(300));
            f.guardians = {rng.chance(0.6) ? parent(f.mother) : parent(f.father),
                           GuardianRef{f.relative, QStringLiteral("other")}};
        } else {
            // (d) the father is registered apart, married to the mother, but applies alone.
            f.guardians = {parent(f.father)};
            f.fatherApart = true;
            f.marriedApart = true;
        }
    } else if (plan.trouble == Trouble::SharedFlat) {
        // The father co-owns the flat, so he is on the application.
        f.guardians = rng.chance(0.6) ? QList<GuardianRef>{parent(f.father), parent(f.mother)}
                                      : QList<GuardianRef>{parent(f.father)};
    } else if (plan.counter) {
        // At the counter: often a grandparent comes along.
        const quint32 r = rng.below(100);
        if (r < 50) {
            f.guardians = parents(0, 60);
        } else if (r < 80) {
            f.guardians = parents(0, 60);
            const int gp = addGrandparent(c, f, rng.chance(0.4));
            f.guardians.append(GuardianRef{gp, QStringLiteral("grandparent")});
        } else {
            f.guardians = parents(100, 0);
        }
    } else {
        f.guardians = parents(65, 20);
    }
    // Now and then the father is registered apart but married to the mother, who applies with him:
    // he is linked through the marriage record, and no flag is due.
    if (plan.trouble != Trouble::NotLinked && plan.trouble != Trouble::SharedFlat && f.guardians.size() == 2 &&
        f.guardians[0].relation != QLatin1String("grandparent") &&
        f.guardians[1].relation != QLatin1String("grandparent") && rng.chance(0.05)) {
        f.fatherApart = true;
        f.marriedApart = true;
    }
    f.holder = f.guardians.first().person;
}

void FamilyBuilder::registerHouseholds(Context& c, Family& f)
{
    Random& rng = c.rng;
    const Plan& plan = c.plan;
    // Records missing: the police data set has nothing on this family (claimed A, variant m1).
    if (plan.trouble == Trouble::MissingRecords && f.base == Base::Local && plan.variant < 50)
        return;
    const QList<Person>& people = c.unit.persons;
    auto areaOf = [&](const Addr& a) {
        if (a.kind == Addr::Kind::Elsewhere)
            return m_geo.elsewhere()[a.place].areaCode;
        return m_geo.districts()[a.district].code;
    };
    auto household = [&](const Addr& at, const QList<Member>& members) {
        Record& r = addRecord(c, Dataset::ResidentPopulation);
        r.addr = at;
        r.members = members;
        r.areaCode = areaOf(at);
        for (const Member& m : members)
            r.persons.append(m.person);
    };
    const Person& father = people[f.father];
    const Person& child = people[f.child];
    const QDate adult = father.birth.addYears(20);
    const QDate moved = randomDate(rng, qMax(adult, ago(23, 1, 1)), ago(2, 12, 31));
    auto childSince = [&](int person) {
        // Registered within weeks of birth, or when the household moved here.
        const QDate born = people[person].birth.addDays(rng.range(10, 90));
        return qMin(qMax(moved, born), QDate(m_policies.year(), 5, 31));
    };
    auto addChildren = [&](QList<Member>& members, bool grandchild) {
        members.append(Member{f.child, childRelation(child.male, grandchild), childSince(f.child)});
        if (f.twin >= 0)
            members.append(Member{f.twin, childRelation(people[f.twin].male, grandchild), childSince(f.twin)});
        if (f.sibling >= 0 && !grandchild)
            members.append(Member{f.sibling, childRelation(people[f.sibling].male, false), childSince(f.sibling)});
    };
    // Where a parent registered apart lives on record: in the district, or back home.
    auto apartAddress = [&]() {
        if (f.base == Base::Local)
            return cityFlatElsewhere(rng, f.district, f);
        if (f.originPlace >= 0)
            return m_geo.elsewhere(rng, f.originPlace);
        return m_geo.village(rng, f.originDistrict);
    };
    const bool withGrandparents = plan.trouble == Trouble::NotLinked && plan.variant < 35;
    if (withGrandparents) {
        const int gp = addGrandparent(c, f, true);
        const int gm = addGrandparent(c, f, false);
        const QDate old = randomDate(rng, ago(31, 1, 1), ago(16, 12, 31));
        QList<Member> theirs{{gp, QStringLiteral("户主"), old}, {gm, QStringLiteral("妻"), old}};
        addChildren(theirs, true);
        household(f.hukouAddr, theirs);
        QList<Member> parents{{f.father, QStringLiteral("户主"), moved}, {f.mother, QStringLiteral("妻"), moved}};
        if (f.sibling >= 0)
            parents.append(Member{f.sibling, childRelation(people[f.sibling].male, false), childSince(f.sibling)});
        household(f.base == Base::Local ? f.home : apartAddress(), parents);
    } else if (f.fatherApart) {
        QList<Member> members{{f.mother, QStringLiteral("户主"), moved}};
        addChildren(members, false);
        household(f.hukouAddr, members);
        household(apartAddress(), {{f.father, QStringLiteral("户主"), moved.addDays(-rng.range(30, 2000))}});
    } else {
        const bool fatherHeads = f.grandparentsAtHome || rng.chance(0.85);
        const int head = fatherHeads ? f.father : f.mother;
        const int spouse = fatherHeads ? f.mother : f.father;
        QList<Member> members{{head, QStringLiteral("户主"), moved},
                              {spouse, fatherHeads ? QStringLiteral("妻") : QStringLiteral("夫"), moved}};
        addChildren(members, false);
        if (f.grandparentsAtHome) {
            members.append(Member{f.grandpa, QStringLiteral("父"), moved});
            members.append(Member{f.grandma, QStringLiteral("母"), moved});
        }
        household(f.hukouAddr, members);
    }
    // A relative or a grandparent on the application has a household record of their own.
    if (f.relative >= 0)
        household(apartAddress(), {{f.relative, QStringLiteral("户主"), moved.addDays(-rng.range(100, 3000))}});
    if (!withGrandparents && !f.grandparentsAtHome && (f.grandpa >= 0 || f.grandma >= 0)) {
        QList<Member> members;
        const QDate old = randomDate(rng, ago(36, 1, 1), ago(14, 12, 31));
        if (f.grandpa >= 0)
            members.append(Member{f.grandpa, QStringLiteral("户主"), old});
        if (f.grandma >= 0)
            members.append(Member{f.grandma, f.grandpa >= 0 ? QStringLiteral("妻") : QStringLiteral("户主"), old});
        household(apartAddress(), members);
    }
}

void FamilyBuilder::addApplications(Context& c, Family& f)
{
    Random& rng = c.rng;
    const Plan& plan = c.plan;
    const Trouble t = plan.trouble;
    const QString category = Scenario::category(f.base);
    QString variant;

    // What the scenario means the check to find.
    f.intended = category;
    f.claimed = category;
    switch (t) {
    case Trouble::SoldBeforeCutoff:
    case Trouble::RentalTooShort:
    case Trouble::BrokenInsurance:
    case Trouble::OutOfZone:
    case Trouble::CommercialOnly:
        f.intended = QStringLiteral("none");
        break;
    case Trouble::MissingRecords:
        if (f.base == Base::Local && plan.variant < 50) {
            f.intended = QStringLiteral("B"); // no household record: not urban
            variant = QStringLiteral("household");
        } else {
            f.intended = QStringLiteral("none");
            variant = f.base != Base::Migrant ? QStringLiteral("property")
                      : plan.variant < 50     ? QStringLiteral("residence")
                                              : QStringLiteral("work");
        }
        break;
    case Trouble::WrongClaim:
        f.claimed = f.base == Base::Local      ? QStringLiteral("B")
                    : f.base == Base::NonLocal ? QStringLiteral("A")
                    : plan.variant < 60        ? QStringLiteral("B")
                                               : QStringLiteral("A");
        break;
    case Trouble::NotLinked:
        variant = plan.variant < 35   ? QStringLiteral("grandparents_household")
                  : plan.variant < 65 ? QStringLiteral("father_apart_unmarried")
                  : plan.variant < 80 ? QStringLiteral("relative")
                                      : QStringLiteral("father_apart_alone");
        break;
    default:
        break;
    }
    f.label = Scenario::name(f.base) + u'/' + Scenario::name(t);
    if (!variant.isEmpty())
        f.label += u'.' + variant;
    if (f.newHome)
        f.label += QStringLiteral("+new_home");
    if (f.marriedApart && t != Trouble::NotLinked)
        f.label += QStringLiteral("+father_apart_married");

    auto submitted = [&](qint64 base, int days) {
        // Within the window, Beijing daytime (00:00-15:59 UTC).
        const qint64 last = epochOf(m_policies.windowCloses()) + 57599;
        return qMin(base + days * kSecondsPerDay + rng.range(0, 3600), last);
    };
    AppModel app;
    app.child = f.child;
    app.guardians = f.guardians;
    app.school = f.school;
    app.junior = f.junior;
    app.claimed = f.claimed;
    app.channel = plan.counter ? QStringLiteral("counter") : QStringLiteral("online");
    app.submittedAt = c.fetchBase;
    app.status = rng.chance(0.06) ? QStringLiteral("under_review") : QStringLiteral("submitted");
    app.claimedAddr = f.home;
    app.intended = f.intended;
    app.scenario = f.label;
    c.unit.apps.append(app);

    if (t == Trouble::Twins) {
        AppModel second = app;
        second.child = f.twin;
        second.submittedAt = submitted(c.fetchBase, 0);
        c.unit.apps.append(second);
    } else if (t == Trouble::Duplicate) {
        // The same child at a second school: another school of a shared zone (same result), or a
        // school of another zone in the district (no category there).
        AppModel second = app;
        second.submittedAt = submitted(c.fetchBase, rng.range(1, 10));
        const Geography::School& first = m_geo.schools()[f.school];
        const QList<int>& mates = m_geo.zones()[first.zone].schools;
        if (mates.size() > 1 && plan.variant < 50) {
            second.school = mates[0] == f.school ? mates[1] : mates[0];
            second.scenario = f.label + QStringLiteral(".same_zone");
        } else {
            // A zone where none of the family's property or residence records lies.
            int level = -1;
            for (int attempt = 0; attempt < 100; ++attempt) {
                const int z = otherZone(rng, f);
                level = f.junior ? m_geo.zones()[z].juniorZone : z;
                const bool holdsEvidence =
                    std::any_of(c.unit.records.cbegin(), c.unit.records.cend(), [&](const Record& r) {
                        const bool evidence = r.dataset == Dataset::RealEstate || r.dataset == Dataset::SaleContract ||
                                              r.dataset == Dataset::Rental || r.dataset == Dataset::ResidencePermit;
                        return evidence && m_geo.zoneOf(r.addr, f.junior) == level;
                    });
                if (!holdsEvidence)
                    break;
            }
            second.school = rng.pick(m_geo.zones()[level].schools);
            second.intended = QStringLiteral("none");
            second.scenario = f.label + QStringLiteral(".other_zone");
        }
        c.unit.apps.append(second);
    }
}

} // namespace adm::citygen
