#pragma once

#include "AddressNormalizer.h"
#include "domain/Entities.h"

#include <QHash>
#include <QList>
#include <QString>

namespace adm::policy {

enum class MatchKind { None, Loose, Exact };

// How an address lies in one zone: through a listed compound or a listed street range, exactly or
// only loosely (a near miss: a road one character off, or a listed compound inside a longer name).
struct ZoneMatch {
    MatchKind kind = MatchKind::None;
    int zone = -1; // index into ZoneMatcher::zones()
    QString zoneId;
    bool viaCompound = false;
    QString listedCompound;  // as the zone lists it
    QString addressCompound; // as the address has it (normalised)
    QString listedRoad;      // as the zone lists it
    QString addressRoad;     // as the address has it (normalised)
    int houseNumber = -1;
    StreetRange range;

    bool matched() const { return kind != MatchKind::None; }
    bool isExact() const { return kind == MatchKind::Exact; }
};

// Finds the catchment zones an address lies in. Built once over all zones of the city, with
// lookup tables (compound → zones, road → ranges, one-character-off roads), so that matching a
// normalised address costs a few hash look-ups. Immutable after construction; thread-safe.
class ZoneMatcher {
public:
    explicit ZoneMatcher(QList<Zone> zones = {});

    const QList<Zone>& zones() const { return m_zones; }
    int indexOf(const QString& zoneId) const { return m_zoneIndex.value(zoneId, -1); }

    // Every zone the address lies in, one best match per zone. Loose matches are returned only
    // when no zone matches exactly (then a near miss is not what explains the address). An
    // address that names a province, city or district other than a zone's matches nothing there.
    QList<ZoneMatch> matchAll(const NormalizedAddress& address) const;

    // The best of `matches` (from matchAll) that lies in one of `zoneIndexes`; kind None if none.
    static ZoneMatch bestOf(const QList<ZoneMatch>& matches, const QList<int>& zoneIndexes);

    // Convenience: matchAll then bestOf.
    ZoneMatch match(const NormalizedAddress& address, const QList<int>& zoneIndexes) const;

    // Whether the places an address names allow it to lie in a zone of `districtCode`.
    static bool placeFits(const NormalizedAddress& address, const QString& districtCode);

    // A translated phrase saying how the address matched, for reasons and evidence cards.
    QString describe(const ZoneMatch& match) const;
    // A translated sentence saying why the address lies in none of `zoneIndexes`.
    QString explainMiss(const NormalizedAddress& address, const QList<int>& zoneIndexes) const;

    // Levenshtein distance of exactly one (one character replaced, added or left out).
    static bool oneEditApart(QStringView a, QStringView b);

private:
    struct CompoundEntry {
        int zone;
        QString listed;
    };
    struct RoadEntry {
        int zone;
        int street;
    };

    void matchExact(const NormalizedAddress& a, QList<ZoneMatch>& out) const;
    void matchLoose(const NormalizedAddress& a, QList<ZoneMatch>& out) const;
    void addCompoundHits(const QString& key, const NormalizedAddress& a, MatchKind kind, QList<ZoneMatch>& out) const;
    void addStreetHits(const QString& roadKey, const NormalizedAddress& a, MatchKind kind, QList<ZoneMatch>& out) const;
    static void keepBest(QList<ZoneMatch>& out, const ZoneMatch& m);

    QList<Zone> m_zones;
    QHash<QString, int> m_zoneIndex;
    QHash<QString, QList<CompoundEntry>> m_compounds; // compound key → zones
    QHash<QString, QList<RoadEntry>> m_roads;         // road key → street ranges
    QHash<QString, QList<QString>> m_roadDeletions;   // road key minus one character → road keys
    QList<QStringList> m_streetKeys;                  // per zone, the road key of each street
};

QString parityText(const QString& parity);

} // namespace adm::policy
