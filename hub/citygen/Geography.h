#pragma once

#include "Address.h"
#include "Random.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace adm::citygen {

// The synthetic Rizhao: its four districts and counties, roads cut into numbered stretches,
// residential compounds, catchment zones (junior-middle zones are unions of primary zones) and
// schools. The layout is the same for every seed (a city does not move between runs); families
// differ. The names are chosen so that no address can match a zone by accident: road names are
// at least two edits apart, each road's typo variants are one edit from it and at least two from
// every other road, and no compound name lies inside another compound, road, town or place name.
class Geography {
public:
    enum class Parity : quint8 { All, Odd, Even };

    struct District {
        QString code;
        QString name;
        QString certificateCity;
        int weight = 0;
        QStringList towns;
        QList<int> primaryZones;
        QList<int> juniorZones;
    };
    struct Road {
        QString name;
        int district = -1;
        int length = 0;
        QList<int> segments;
        QStringList looseNames; // one character off; empty for names under four characters
    };
    struct Segment {
        int road = -1;
        int zone = -1; // primary zone
        int from = 0;
        int to = 0;
        Parity parity = Parity::All;
        bool contains(int n) const;
    };
    struct Compound {
        QString name;
        int district = -1;
        int zone = -1;
        int road = -1;
        int number = 0;
        int buildings = 0;
        QStringList looseNames; // the name inside a longer one: 阳光花园二期
        bool endsWithXiaoqu() const;
    };
    struct Zone {
        QString id;
        QString name;
        int district = -1;
        bool junior = false;
        QList<int> segments;  // for a junior zone: those of its primary zones
        QList<int> compounds; // likewise
        QList<int> schools;
        QList<int> parts;    // junior zone: its primary zones
        int juniorZone = -1; // primary zone: the junior zone holding it
        int weight = 0;      // primary zone: share of families, out of the city's total
    };
    struct School {
        QString id;
        QString name;
        int district = -1;
        bool junior = false;
        int zone = -1;
        int road = -1;
        int number = 0;
    };
    struct Place {
        QString areaCode;
        QString prefix; // province, city, district
        QStringList roads;
    };

    // Built once per process; every generator shares it.
    static const Geography& rizhao();

    static QString cityName() { return QStringLiteral("日照市"); }
    static QString cityCode() { return QStringLiteral("371100"); }

    const QList<District>& districts() const { return m_districts; }
    const QList<Road>& roads() const { return m_roads; }
    const QList<Segment>& segments() const { return m_segments; }
    const QList<Compound>& compounds() const { return m_compounds; }
    const QList<Zone>& zones() const { return m_zones; }
    const QList<School>& schools() const { return m_schools; }
    const QList<Place>& elsewhere() const { return m_elsewhere; }
    int districtOfCode(const QString& code) const;

    // The primary zone whose listed stretch holds this number, or -1.
    int zoneAt(int road, int number) const;
    // The zone (primary or junior) an address in the city lies in, or -1 outside it.
    int zoneOf(const Addr& a, bool junior) const;
    // How an address matches a set of zones: 0 not at all, 1 loosely, 2 exactly.
    int matchQuality(const Addr& a, const QList<int>& zones) const;
    // Whether a household address counts as urban registration for these district codes.
    bool isUrban(const Addr& a, const QStringList& urbanCodes) const;

    int samplePrimaryZone(Random& rng) const;
    int randomNumber(Random& rng, int segment) const;
    Addr flat(Random& rng, int zone) const;        // a flat in one of the zone's compounds
    Addr flatOn(Random& rng, int compound) const;  // a flat in this compound
    Addr house(Random& rng, int zone) const;       // a house on one of the zone's stretches
    Addr houseOn(Random& rng, int segment) const;  // a house on this stretch
    Addr village(Random& rng, int district) const; // a house in a village of the district
    Addr elsewhere(Random& rng, int place) const;  // a home outside the city
    QString villageText(const Addr& a) const;      // 河山镇王家庄村

    // Problems with the layout (empty when every promise above holds). Used by the tests.
    QStringList selfCheck() const;

    static int editDistance(QStringView a, QStringView b);

private:
    Geography();
    void nameRoads(Random& rng);
    void layDistrict(Random& rng, int d, int& nextRoad);
    void addLooseRoadNames(Random& rng);
    void placeCompounds(Random& rng);
    void formJuniorZones(Random& rng);
    void foundSchools(Random& rng);
    void weighZones();
    bool acceptCompoundName(const QString& name);
    QStringList compoundForms(const QString& name) const;

    QList<District> m_districts;
    QList<Road> m_roads;
    QList<Segment> m_segments;
    QList<Compound> m_compounds;
    QList<Zone> m_zones;
    QList<School> m_schools;
    QList<Place> m_elsewhere;
    QStringList m_roadNamePool; // accepted names not yet given to a road
    QStringList m_villageSurnames;
    QStringList m_villagePatterns;
    QList<qint64> m_zoneCumulative; // over primary zones, in m_primaryZones order
    QList<int> m_primaryZones;
    QSet<QString> m_blocked; // substrings of names a compound name must not equal (build time only)
    QSet<QString> m_cores;   // accepted compound names without a trailing 小区 (build time only)
};

} // namespace adm::citygen
