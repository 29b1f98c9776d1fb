#pragma once

#include "Random.h"

#include <QString>

namespace adm::citygen {

// The situation a family is in, before trouble: it owns a home in the zone and is registered in
// the district (A), owns without local registration (B), or rents and works here (C).
enum class Base : quint8 { Local, NonLocal, Migrant };

// One trouble per unit (or none). Each has its rate and the bases it applies to in the catalog.
enum class Trouble : quint8 {
    None,
    LooseRoad,        // the decisive address has a typo in the road name: address_uncertain
    LooseCompound,    // the decisive address is in 阳光花园二期 for a listed 阳光花园: address_uncertain
    LooseButExact,    // a loose certificate plus an exact sale contract: the exact one decides, no flag
    Duplicate,        // the child applies at two schools: duplicate_application on both
    SoldAfterCutoff,  // the decisive property was cancelled after C: property_cancelled
    Sealed,           // the decisive property is sealed: property_cancelled
    SoldBeforeCutoff, // the only property in the zone was sold before C: none
    NotLinked,        // a guardian is tied to the child by no record: guardian_not_linked
    UnderAge,         // born after the window: under_age, not eligible
    OverAge,          // born before the window: over_age
    MissingRecords,   // a data set for the claimed category has nothing on the family: record_missing
    SharedFlat,       // one certificate decides for two households: shared_property on both
    Twins,            // two children, one household, one flat: no shared_property
    RentalTooShort,   // rental or permit too recent, or the lease ends before C: none
    BrokenInsurance,  // insurance with a gap or stopped, no business: none
    OutOfZone,        // the home lies across the zone boundary: none
    WrongClaim,       // the family claims another category: category_mismatch
    CommercialOnly,   // the only property in the zone is a shop: none
    Count
};

struct Plan {
    Trouble trouble = Trouble::None;
    Base base = Base::Local;
    bool junior = false;
    bool counter = false;
    int variant = 0;
};

class Scenario {
public:
    static QString name(Trouble t);
    static QString name(Base b);
    static QString category(Base b); // A | B | C
    // Rate per 10,000 units; the rest of the units have no trouble.
    static int rate(Trouble t);
    static bool appliesTo(Trouble t, Base b);
    static int applications(Trouble t)
    {
        return t == Trouble::Duplicate || t == Trouble::SharedFlat || t == Trouble::Twins ? 2 : 1;
    }

    // Draws the next unit's plan; with one application left, only single-application units.
    static Plan pick(Random& rng, int applicationsLeft);
};

} // namespace adm::citygen
