#include "Scenario.h"

namespace adm::citygen {

namespace {

struct Entry {
    Trouble trouble;
    const char* name;
    int rate; // per 10,000 units
    bool local, nonLocal, migrant;
};

// Rates are per unit; see docs/city-generator.md for what they come to per application.
constexpr Entry kCatalog[] = {
    {Trouble::None, "clean", 0, true, true, true},
    {Trouble::LooseRoad, "loose_road", 120, true, true, true},
    {Trouble::LooseCompound, "loose_compound", 120, true, true, true},
    {Trouble::LooseButExact, "loose_but_exact", 30, true, true, false},
    {Trouble::Duplicate, "duplicate", 150, true, true, true},
    {Trouble::SoldAfterCutoff, "sold_after_cutoff", 100, true, true, false},
    {Trouble::Sealed, "sealed", 50, true, true, false},
    {Trouble::SoldBeforeCutoff, "sold_before_cutoff", 70, true, true, false},
    {Trouble::NotLinked, "not_linked", 280, true, true, true},
    {Trouble::UnderAge, "under_age", 60, true, true, true},
    {Trouble::OverAge, "over_age", 110, true, true, true},
    {Trouble::MissingRecords, "missing_records", 180, true, true, true},
    {Trouble::SharedFlat, "shared_flat", 40, true, false, false},
    {Trouble::Twins, "twins", 30, true, true, true},
    {Trouble::RentalTooShort, "rental_too_short", 110, false, false, true},
    {Trouble::BrokenInsurance, "broken_insurance", 110, false, false, true},
    {Trouble::OutOfZone, "out_of_zone", 180, true, true, true},
    {Trouble::WrongClaim, "wrong_claim", 280, true, true, true},
    {Trouble::CommercialOnly, "commercial_only", 30, true, true, false},
};
static_assert(std::size(kCatalog) == size_t(Trouble::Count));

constexpr int kBaseWeights[] = {66, 13, 21}; // Local, NonLocal, Migrant

const Entry& entry(Trouble t)
{
    return kCatalog[int(t)];
}

} // namespace

QString Scenario::name(Trouble t)
{
    return QString::fromLatin1(entry(t).name);
}

QString Scenario::name(Base b)
{
    switch (b) {
    case Base::Local:
        return QStringLiteral("local_owner");
    case Base::NonLocal:
        return QStringLiteral("nonlocal_owner");
    case Base::Migrant:
        return QStringLiteral("migrant");
    }
    return {};
}

QString Scenario::category(Base b)
{
    return b == Base::Local ? QStringLiteral("A") : b == Base::NonLocal ? QStringLiteral("B") : QStringLiteral("C");
}

int Scenario::rate(Trouble t)
{
    return entry(t).rate;
}

bool Scenario::appliesTo(Trouble t, Base b)
{
    const Entry& e = entry(t);
    return b == Base::Local ? e.local : b == Base::NonLocal ? e.nonLocal : e.migrant;
}

Plan Scenario::pick(Random& rng, int applicationsLeft)
{
    Plan plan;
    int weights[size_t(Trouble::Count)];
    int troubled = 0;
    for (size_t i = 1; i < std::size(kCatalog); ++i) {
        const bool fits = applicationsLeft >= applications(kCatalog[i].trouble);
        weights[i] = fits ? kCatalog[i].rate : 0;
        troubled += kCatalog[i].rate;
    }
    weights[0] = 10000 - troubled;
    plan.trouble = Trouble(rng.weighted(weights));
    // A wrong claim is most often an owner without local registration claiming A.
    static constexpr int kWrongClaimWeights[] = {30, 50, 20};
    const int* weightsOfBase = plan.trouble == Trouble::WrongClaim ? kWrongClaimWeights : kBaseWeights;
    int baseWeights[3];
    for (int b = 0; b < 3; ++b)
        baseWeights[b] = appliesTo(plan.trouble, Base(b)) ? weightsOfBase[b] : 0;
    plan.base = Base(rng.weighted(baseWeights));
    // Age rules exist for primary grade 1 only.
    const bool ageTrouble = plan.trouble == Trouble::UnderAge || plan.trouble == Trouble::OverAge;
    plan.junior = !ageTrouble && rng.chance(0.45);
    plan.counter = rng.chance(0.03);
    plan.variant = int(rng.below(100));
    return plan;
}

} // namespace adm::citygen
