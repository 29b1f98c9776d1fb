#pragma once

#include "Address.h"
#include "Geography.h"
#include "Random.h"

#include <QString>

namespace adm::citygen {

// Writes an address the way an agency clerk or a parent would: with or without the city and
// district, half-width, full-width or Chinese digits, 号楼/幢/栋/- between building, unit and room,
// an optional 单元 and 室, a trailing 小区, stray spaces and commas. None of this changes which zone
// the address lies in; only Addr::fuzz does that.
class AddressWriter {
public:
    enum class Style {
        Agency, // every variant, in realistic shares
        Typed,  // what a parent types into the application: district first, few oddities
        Formal, // a school's own address: district, road and number
    };

    explicit AddressWriter(const Geography& geography)
        : m_geo(geography)
    {}

    QString write(const Addr& a, Random& rng, Style style = Style::Agency) const;

    static QString chineseNumber(int n); // 1..99: 一, 十二, 二十一
    static QString chineseDigits(int n); // 501: 五零一
    static QString fullWidth(const QString& s);

private:
    QString writeCity(const Addr& a, Random& rng, Style style) const;
    QString buildingPart(const Addr& a, Random& rng, bool chinese) const;

    const Geography& m_geo;
};

} // namespace adm::citygen
