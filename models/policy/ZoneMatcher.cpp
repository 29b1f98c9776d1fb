#include "ZoneMatcher.h"

#include "DivisionCodes.h"

#include <QCoreApplication>

namespace adm::policy {

namespace {

bool numberFits(const StreetRange& r, int number)
{
    if (number < r.from || number > r.to)
        return false;
    if (r.parity == QLatin1String("odd"))
        return number % 2 == 1;
    if (r.parity == QLatin1String("even"))
        return number % 2 == 0;
    return true;
}

// The shortest listed compound that may be found inside a longer name; one character (园) would
// match almost anything.
constexpr qsizetype kMinInnerCompound = 2;
// Longer compound texts are not searched for inner names (they are unparsed addresses).
constexpr qsizetype kMaxCompoundScan = 32;
// A road name must have this many characters before a one-character difference is a near miss.
constexpr qsizetype kMinLooseRoad = 4;

} // namespace

QString parityText(const QString& parity)
{
    if (parity == QLatin1String("odd"))
        return QCoreApplication::translate("EligibilityCheck", "odd numbers");
    if (parity == QLatin1String("even"))
        return QCoreApplication::translate("EligibilityCheck", "even numbers");
    return QCoreApplication::translate("EligibilityCheck", "all numbers");
}

ZoneMatcher::ZoneMatcher(QList<Zone> zones)
    : m_zones(std::move(zones))
{
    for (int z = 0; z < m_zones.size(); ++z) {
        const Zone& zone = m_zones.at(z);
        m_zoneIndex.insert(zone.id, z);
        for (const QString& c : zone.compounds) {
            const QString key = AddressNormalizer::compoundKey(c);
            if (!key.isEmpty())
                m_compounds[key].append(CompoundEntry{z, c});
        }
        QStringList& streetKeys = m_streetKeys.emplace_back();
        for (int s = 0; s < zone.streets.size(); ++s) {
            const QString key = AddressNormalizer::roadKey(zone.streets.at(s).road);
            streetKeys.append(key);
            if (key.isEmpty())
                continue;
            QList<RoadEntry>& entries = m_roads[key];
            if (entries.isEmpty()) {
                for (qsizetype i = 0; i < key.size(); ++i) {
                    QString deletion = key;
                    deletion.remove(i, 1);
                    QList<QString>& roads = m_roadDeletions[deletion];
                    if (!roads.contains(key))
                        roads.append(key);
                }
            }
            entries.append(RoadEntry{z, s});
        }
    }
}

bool ZoneMatcher::oneEditApart(QStringView a, QStringView b)
{
    const qsizetype la = a.size();
    const qsizetype lb = b.size();
    if (la == lb) {
        int diff = 0;
        for (qsizetype i = 0; i < la && diff < 2; ++i)
            diff += a[i] != b[i];
        return diff == 1;
    }
    if (la + 1 == lb)
        return oneEditApart(b, a);
    if (la != lb + 1)
        return false;
    // a is b with one character added: skip one mismatch in a.
    qsizetype i = 0;
    while (i < lb && a[i] == b[i])
        ++i;
    return a.mid(i + 1) == b.mid(i);
}

bool ZoneMatcher::placeFits(const NormalizedAddress& a, const QString& districtCode)
{
    if (!a.otherPlace.isEmpty())
        return false;
    if (!a.districtCode.isEmpty() && a.districtCode != districtCode)
        return false;
    if (!a.cityCode.isEmpty() && a.cityCode != DivisionCodes::cityOf(districtCode))
        return false;
    if (!a.provinceCode.isEmpty() && a.provinceCode != DivisionCodes::provinceOf(districtCode))
        return false;
    return true;
}

void ZoneMatcher::keepBest(QList<ZoneMatch>& out, const ZoneMatch& m)
{
    for (ZoneMatch& existing : out) {
        if (existing.zone == m.zone) {
            if (m.kind > existing.kind)
                existing = m;
            return;
        }
    }
    out.append(m);
}

void ZoneMatcher::addCompoundHits(const QString& key, const NormalizedAddress& a, MatchKind kind,
                                  QList<ZoneMatch>& out) const
{
    const auto it = m_compounds.constFind(key);
    if (it == m_compounds.constEnd())
        return;
    for (const CompoundEntry& e : *it) {
        const Zone& zone = m_zones.at(e.zone);
        if (!placeFits(a, zone.districtCode))
            continue;
        ZoneMatch m;
        m.kind = kind;
        m.zone = e.zone;
        m.zoneId = zone.id;
        m.viaCompound = true;
        m.listedCompound = e.listed;
        m.addressCompound = a.compound;
        m.addressRoad = a.road;
        m.houseNumber = a.houseNumber;
        keepBest(out, m);
    }
}

void ZoneMatcher::addStreetHits(const QString& roadKey, const NormalizedAddress& a, MatchKind kind,
                                QList<ZoneMatch>& out) const
{
    const auto it = m_roads.constFind(roadKey);
    if (it == m_roads.constEnd())
        return;
    for (const RoadEntry& e : *it) {
        const Zone& zone = m_zones.at(e.zone);
        const StreetRange& range = zone.streets.at(e.street);
        if (!numberFits(range, a.houseNumber) || !placeFits(a, zone.districtCode))
            continue;
        ZoneMatch m;
        m.kind = kind;
        m.zone = e.zone;
        m.zoneId = zone.id;
        m.listedRoad = range.road;
        m.addressRoad = a.road;
        m.addressCompound = a.compound;
        m.houseNumber = a.houseNumber;
        m.range = range;
        keepBest(out, m);
    }
}

void ZoneMatcher::matchExact(const NormalizedAddress& a, QList<ZoneMatch>& out) const
{
    if (!a.compound.isEmpty())
        addCompoundHits(a.compound, a, MatchKind::Exact, out);
    // A compound named after a road (海滨路花园) was split as road + compound; try it whole.
    if (a.houseNumber < 0 && !a.road.isEmpty())
        addCompoundHits(a.road + a.compound, a, MatchKind::Exact, out);
    if (a.houseNumber >= 0 && !a.road.isEmpty())
        addStreetHits(a.road, a, MatchKind::Exact, out);
}

void ZoneMatcher::matchLoose(const NormalizedAddress& a, QList<ZoneMatch>& out) const
{
    // A listed compound inside a longer compound name: 阳光花园二期. Every inner piece is looked
    // up, so the cost does not grow with the number of listed compounds.
    const QString& c = a.compound;
    if (c.size() > kMinInnerCompound && c.size() <= kMaxCompoundScan && !m_compounds.contains(c)) {
        for (qsizetype len = c.size() - 1; len >= kMinInnerCompound; --len) {
            for (qsizetype from = 0; from + len <= c.size(); ++from) {
                // A view on the compound's characters: no copy for the many pieces that miss.
                const QString inner = QString::fromRawData(c.constData() + from, len);
                if (m_compounds.contains(inner))
                    addCompoundHits(inner, a, MatchKind::Loose, out);
            }
        }
    }
    // A road one character off a listed road, when the address's road is not itself listed.
    const QString& road = a.road;
    if (a.houseNumber >= 0 && road.size() >= kMinLooseRoad && !m_roads.contains(road)) {
        QList<QString> candidates = m_roadDeletions.value(road); // the address left a character out
        for (qsizetype i = 0; i < road.size(); ++i) {
            QString deletion = road;
            deletion.remove(i, 1);
            if (m_roads.contains(deletion)) // the address added a character
                candidates.append(deletion);
            candidates.append(m_roadDeletions.value(deletion)); // one character replaced
        }
        for (const QString& listed : std::as_const(candidates)) {
            if (oneEditApart(road, listed))
                addStreetHits(listed, a, MatchKind::Loose, out);
        }
    }
}

QList<ZoneMatch> ZoneMatcher::matchAll(const NormalizedAddress& a) const
{
    QList<ZoneMatch> out;
    if (a.isEmpty() || !a.otherPlace.isEmpty())
        return out;
    matchExact(a, out);
    if (out.isEmpty())
        matchLoose(a, out);
    return out;
}

ZoneMatch ZoneMatcher::bestOf(const QList<ZoneMatch>& matches, const QList<int>& zoneIndexes)
{
    ZoneMatch best;
    for (const ZoneMatch& m : matches) {
        if (m.kind > best.kind && zoneIndexes.contains(m.zone))
            best = m;
    }
    return best;
}

ZoneMatch ZoneMatcher::match(const NormalizedAddress& address, const QList<int>& zoneIndexes) const
{
    return bestOf(matchAll(address), zoneIndexes);
}

QString ZoneMatcher::describe(const ZoneMatch& m) const
{
    if (m.kind == MatchKind::None)
        return QCoreApplication::translate("EligibilityCheck", "no zone");
    if (m.viaCompound) {
        if (m.kind == MatchKind::Exact)
            return QCoreApplication::translate("EligibilityCheck", "matched compound %1 of zone %2")
                .arg(m.listedCompound, m.zoneId);
        return QCoreApplication::translate("EligibilityCheck",
                                           "matched loosely: listed compound %1 of zone %2 is inside the name %3")
            .arg(m.listedCompound, m.zoneId, m.addressCompound);
    }
    const QString range =
        QCoreApplication::translate("EligibilityCheck", "%1 to %2 (%3)")
            .arg(QString::number(m.range.from), QString::number(m.range.to), parityText(m.range.parity));
    const QString number = QString::number(m.houseNumber);
    if (m.kind == MatchKind::Exact)
        return QCoreApplication::translate("EligibilityCheck", "matched %1 No. %2 in range %3 of zone %4")
            .arg(m.listedRoad, number, range, m.zoneId);
    return QCoreApplication::translate("EligibilityCheck",
                                       "matched loosely: road %1 read as listed road %2, No. %3 in range %4 of zone %5")
        .arg(m.addressRoad, m.listedRoad, number, range, m.zoneId);
}

QString ZoneMatcher::explainMiss(const NormalizedAddress& a, const QList<int>& zoneIndexes) const
{
    QStringList ids;
    for (int z : zoneIndexes)
        ids.append(m_zones.at(z).id);
    const QString zoneList = ids.join(QStringLiteral(", "));
    if (a.isEmpty())
        return QCoreApplication::translate("EligibilityCheck", "The record gives no address.");
    if (!a.otherPlace.isEmpty())
        return QCoreApplication::translate("EligibilityCheck", "The address names %1, outside the zone's district.")
            .arg(a.otherPlace);
    for (int z : zoneIndexes) {
        const Zone& zone = m_zones.at(z);
        if (!placeFits(a, zone.districtCode)) {
            const QString named = a.places.isEmpty() ? a.districtCode : a.places.constLast();
            return QCoreApplication::translate("EligibilityCheck",
                                               "The address names %1, not the district of zone %2 (%3).")
                .arg(named, zone.id, DivisionCodes::nameOf(zone.districtCode));
        }
    }
    // The road is listed for these zones, but the number is not in a range.
    for (int z : zoneIndexes) {
        const Zone& zone = m_zones.at(z);
        for (int s = 0; s < zone.streets.size(); ++s) {
            const StreetRange& r = zone.streets.at(s);
            if (m_streetKeys.at(z).at(s) != a.road)
                continue;
            if (a.houseNumber < 0)
                return QCoreApplication::translate("EligibilityCheck",
                                                   "The address gives no house number on %1 (zone %2).")
                    .arg(r.road, zone.id);
            return QCoreApplication::translate("EligibilityCheck",
                                               "No. %1 on %2 is outside zone %3, which takes %4 from %5 to %6.")
                .arg(QString::number(a.houseNumber), r.road, zone.id, parityText(r.parity), QString::number(r.from),
                     QString::number(r.to));
        }
    }
    const QList<ZoneMatch> elsewhere = matchAll(a);
    if (!elsewhere.isEmpty())
        return QCoreApplication::translate("EligibilityCheck", "The address lies in zone %1, not in zone %2.")
            .arg(elsewhere.constFirst().zoneId, zoneList);
    return QCoreApplication::translate("EligibilityCheck",
                                       "Neither the road nor the compound of the address is listed for zone %1.")
        .arg(zoneList);
}

} // namespace adm::policy
