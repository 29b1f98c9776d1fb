#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace adm::policy {

// One free-text address split into the parts zone matching needs. Everything is in the
// normalised spelling: half-width digits and letters, no spaces or punctuation, Chinese numerals
// that count something (号, 栋, 单元, 室, ...) turned into digits, and a trailing generic 小区 removed
// from the compound.
struct NormalizedAddress {
    QString text; // the whole cleaned text

    // Places named in front of the road or compound. Codes are set only for names the division
    // table knows; any other province, city or district is kept in `otherPlace`.
    QString provinceCode;
    QString cityCode;
    QString districtCode;
    QString otherPlace; // first place name that is not ours, e.g. 河北省; empty when none
    QStringList places; // every province/city/district name, as written (for reasons)

    QString road;         // 海曲东路
    int houseNumber = -1; // 188; -1 when the address gives none
    QString compound;     // 阳光花园
    QString building;     // 3
    QString unit;         // 2
    QString room;         // 501
    QString rest;         // what could not be placed

    bool isEmpty() const { return text.isEmpty(); }
    bool namesPlace() const { return !places.isEmpty(); }
    // A stable one-line form: district|road|number|compound|building|unit|room.
    QString canonical() const;
};

// Normalises the addresses different agencies write for the same flat. Pure and thread-safe; no
// regular expressions (it runs once for each of a few hundred thousand agency records).
class AddressNormalizer {
public:
    static NormalizedAddress normalize(QStringView text);

    // Width, spaces, punctuation and counting numerals, without splitting into parts.
    static QString cleanText(QStringView text);
    // The lookup key of a compound as a zone lists it (金海岸小区 → 金海岸).
    static QString compoundKey(QStringView listedName);
    // The lookup key of a road as a zone lists it.
    static QString roadKey(QStringView listedName);

    // 一百二十八 → 128, 五零一 → 501, 十二 → 12; -1 when the text is not a Chinese numeral.
    static int chineseNumber(QStringView numerals);
};

} // namespace adm::policy
