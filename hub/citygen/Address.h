#pragma once

#include <QtGlobal>

namespace adm::citygen {

// A place as the generator means it, before it is written as agency free text. Matching is
// decided here, on meaning; AddressWriter then renders it in one of the many ways agencies write
// the same flat, without changing what it matches.
struct Addr {
    enum class Kind : quint8 { None, Flat, House, Village, Elsewhere };
    // Exact: the listed road and number, or the listed compound. LooseRoad: the road name is one
    // character off (no compound shown). LooseCompound: the compound carries a phase suffix such as
    // 二期 (no road shown).
    enum class Fuzz : quint8 { Exact, LooseRoad, LooseCompound };

    Kind kind = Kind::None;
    Fuzz fuzz = Fuzz::Exact;
    quint8 looseVariant = 0;
    qint16 district = -1; // Rizhao district index, -1 outside the city
    int road = -1;        // Flat and House: city road; Elsewhere: road of that place
    int number = 0;       // house number on the road (or in the village)
    int compound = -1;    // Flat only
    qint16 building = 0;
    qint16 unit = 0;
    int room = 0;
    int place = -1;  // Village: town index in the district; Elsewhere: place index
    int village = 0; // Village: name code

    bool inCity() const { return kind == Kind::Flat || kind == Kind::House; }
};

} // namespace adm::citygen
