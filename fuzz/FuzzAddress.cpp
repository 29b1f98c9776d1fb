#include "FuzzTargets.h"
#include "policy/AddressNormalizer.h"
#include "policy/ZoneMatcher.h"

#include <QList>
#include <QString>
#include <algorithm>
#include <cstring>

// The address normaliser on any text, and zone matching of the result against a fixed set of zones
// and against zones whose listings come from the input itself. Besides memory and undefined
// behaviour, the rules checked are the normaliser's own: its parts are pieces of its cleaned text,
// the canonical form has its seven fields, and matches are well formed.

namespace adm::fuzz {

namespace {

using policy::AddressNormalizer;
using policy::MatchKind;
using policy::NormalizedAddress;
using policy::ZoneMatch;
using policy::ZoneMatcher;

constexpr const char* kTarget = "address";

Zone zone(const char* id, const char* district, QList<StreetRange> streets, QStringList compounds)
{
    Zone z;
    z.id = QString::fromLatin1(id);
    z.districtCode = QString::fromLatin1(district);
    z.streets = std::move(streets);
    z.compounds = std::move(compounds);
    return z;
}

const ZoneMatcher& fixedZones()
{
    static const ZoneMatcher matcher(QList<Zone>{
        zone("Z01", "371102",
             {{QStringLiteral("海曲东路"), 1, 199, QStringLiteral("odd")},
              {QStringLiteral("海滨五路"), 2, 88, QStringLiteral("even")}},
             {QStringLiteral("阳光花园"), QStringLiteral("金海岸小区"), QStringLiteral("秋水世家")}),
        zone("Z02", "371102", {{QStringLiteral("北京路"), 1, 400, QStringLiteral("all")}},
             {QStringLiteral("阳光花园二期"), QStringLiteral("海曲社区")}),
        zone("Z03", "371121", {{QStringLiteral("旭日中路"), 100, 200, QStringLiteral("all")}},
             {QStringLiteral("悦澜名邸"), QStringLiteral("幸福里")}),
    });
    return matcher;
}

bool pieceOf(const QString& part, const QString& text)
{
    return part.isEmpty() || text.contains(part);
}

// Levenshtein distance (the textbook table), for short strings.
int distance(QStringView a, QStringView b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({up + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

void checkMatches(const ZoneMatcher& matcher, const NormalizedAddress& a)
{
    const QList<ZoneMatch> matches = matcher.matchAll(a);
    bool exact = false;
    bool loose = false;
    QList<int> all;
    for (int z = 0; z < matcher.zones().size(); ++z)
        all.append(z);
    QList<int> seen;
    for (const ZoneMatch& m : matches) {
        if (m.zone < 0 || m.zone >= matcher.zones().size() || m.zoneId != matcher.zones().at(m.zone).id)
            fail(kTarget, "a match names a zone that is not there");
        if (seen.contains(m.zone))
            fail(kTarget, "two matches for one zone");
        seen.append(m.zone);
        if (m.kind == MatchKind::None)
            fail(kTarget, "a match of kind None");
        exact = exact || m.isExact();
        loose = loose || m.kind == MatchKind::Loose;
        if (!m.viaCompound && (m.houseNumber < m.range.from || m.houseNumber > m.range.to))
            fail(kTarget, "a street match outside its range");
        if (!ZoneMatcher::placeFits(a, matcher.zones().at(m.zone).districtCode))
            fail(kTarget, "a match in a zone whose district the address rules out");
        if (matcher.describe(m).isEmpty())
            fail(kTarget, "a match without a description");
    }
    if (exact && loose)
        fail(kTarget, "loose matches beside exact ones");
    const ZoneMatch best = ZoneMatcher::bestOf(matches, all);
    if (best.matched() != !matches.isEmpty())
        fail(kTarget, "bestOf() lost the matches");
    if (matcher.explainMiss(a, all).isEmpty())
        fail(kTarget, "explainMiss() said nothing");
}

void checkAddress(const QString& text, const QStringList& listings)
{
    const NormalizedAddress a = AddressNormalizer::normalize(text);
    if (a.text != AddressNormalizer::cleanText(text))
        fail(kTarget, "normalize().text is not cleanText()");
    if (a.houseNumber < -1)
        fail(kTarget, "a negative house number");
    if (!pieceOf(a.road, a.text) || !pieceOf(a.compound, a.text) || !pieceOf(a.building, a.text) ||
        !pieceOf(a.unit, a.text) || !pieceOf(a.room, a.text) || !pieceOf(a.otherPlace, a.text))
        fail(kTarget, "a part that is not a piece of the cleaned text");
    if (a.canonical().count(u'|') != 6)
        fail(kTarget, "the canonical form does not have seven fields");
    if (a.isEmpty() && (!a.road.isEmpty() || !a.compound.isEmpty() || a.namesPlace()))
        fail(kTarget, "parts of an empty address");
    (void)AddressNormalizer::compoundKey(text);
    (void)AddressNormalizer::roadKey(text);

    const QStringView numerals = QStringView(text).left(12);
    const int n = AddressNormalizer::chineseNumber(numerals);
    if (n < -1)
        fail(kTarget, "chineseNumber() below -1");

    checkMatches(fixedZones(), a);
    if (listings.isEmpty())
        return;
    // Zones listed by the input: each line a compound and a road of its own zone.
    QList<Zone> zones;
    for (qsizetype i = 0; i < listings.size() && i < 8; ++i) {
        static const char* const parities[] = {"all", "odd", "even"};
        const int from = int(i) * 10;
        zones.append(zone(QByteArray("F").append(QByteArray::number(i)).constData(), i % 2 ? "371121" : "371102",
                          {{listings.at(i), from, from + 200, QString::fromLatin1(parities[i % 3])}},
                          {listings.at(i)}));
    }
    const ZoneMatcher matcher(zones);
    checkMatches(matcher, a);
    for (const QString& listed : listings)
        checkMatches(matcher, AddressNormalizer::normalize(listed));
}

void checkOneEdit(QStringView a, QStringView b)
{
    a = a.left(48);
    b = b.left(48);
    if (ZoneMatcher::oneEditApart(a, b) != (distance(a, b) == 1))
        fail(kTarget, "oneEditApart() differs from the edit distance");
}

} // namespace

int fuzzAddress(const uint8_t* data, size_t size)
{
    if (size > 4096)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    QStringList lines = text.split(u'\n');
    const QString address = lines.takeFirst();
    checkAddress(address, lines);
    checkOneEdit(address, lines.value(0));
    // The same bytes as UTF-16 code units: any QString, lone surrogates included.
    QString units(qsizetype(size / 2), Qt::Uninitialized);
    std::memcpy(units.data(), data, size / 2 * 2);
    checkAddress(units, {});
    return 0;
}

} // namespace adm::fuzz
