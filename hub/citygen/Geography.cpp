#include "Geography.h"

#include "Gazetteer.h"

#include <QVarLengthArray>
#include <algorithm>

namespace adm::citygen {

namespace {

// The layout's own seed: the city is the same whatever seed the families are drawn with.
constexpr quint64 kCitySeed = 0x52495A48414FULL; // "RIZHAO"
const QString kXiaoqu = QStringLiteral("小区");

template <typename T> void shuffle(QList<T>& list, Random& rng)
{
    for (qsizetype i = list.size() - 1; i > 0; --i)
        list.swapItemsAt(i, rng.below(quint32(i + 1)));
}

bool hasForbidden(const QString& text)
{
    static const QString chars = gazetteer::forbiddenInNames();
    static const QStringList words = gazetteer::forbiddenWords();
    for (QChar c : text) {
        if (chars.contains(c) || c.isDigit() || c.isSpace())
            return true;
    }
    for (const QString& w : words) {
        if (text.contains(w))
            return true;
    }
    return false;
}

void addSubstrings(QSet<QString>& set, const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        for (qsizetype n = 1; i + n <= text.size(); ++n)
            set.insert(text.mid(i, n));
    }
}

QString stripXiaoqu(const QString& name)
{
    return name.endsWith(kXiaoqu) ? name.left(name.size() - kXiaoqu.size()) : name;
}

QString chineseOrdinal(int n)
{
    static const QString digits = QStringLiteral("零一二三四五六七八九");
    if (n < 10)
        return QString(digits[n]);
    QString s = n / 10 == 1 ? QString() : QString(digits[n / 10]);
    s += u'十';
    if (n % 10)
        s += digits[n % 10];
    return s;
}

} // namespace

bool Geography::Segment::contains(int n) const
{
    if (n < from || n > to)
        return false;
    if (parity == Parity::Odd)
        return n % 2 == 1;
    if (parity == Parity::Even)
        return n % 2 == 0;
    return true;
}

bool Geography::Compound::endsWithXiaoqu() const
{
    return name.endsWith(kXiaoqu);
}

const Geography& Geography::rizhao()
{
    static const Geography city;
    return city;
}

Geography::Geography()
{
    Random rng(kCitySeed);
    for (const auto& seed : gazetteer::districts()) {
        District d;
        d.code = QString::fromLatin1(seed.code);
        d.name = QString::fromUtf8(seed.name);
        d.certificateCity = QString::fromUtf8(seed.certificateCity);
        d.weight = seed.weight;
        d.towns = QString::fromUtf8(seed.towns).split(u' ', Qt::SkipEmptyParts);
        m_districts.append(d);
    }
    for (const auto& seed : gazetteer::elsewhere())
        m_elsewhere.append(Place{QString::fromLatin1(seed.areaCode), QString::fromUtf8(seed.prefix), {}});
    m_villageSurnames = QString::fromUtf8("王 李 张 刘 陈 杨 赵 孙 徐 马 高 朱 胡 郭 何 林 宋 郑 谢 韩 唐 冯 于 董 曹 "
                                          "袁 许 丁 魏 薛 卢 牟 厉 鞠 相 臧 逄 卜 秦 葛 管 解 安 夏 申 庞")
                            .split(u' ', Qt::SkipEmptyParts);
    m_villagePatterns = gazetteer::villagePatterns();

    int nextRoad = 0;
    for (int d = 0; d < m_districts.size(); ++d)
        layDistrict(rng, d, nextRoad);
    nameRoads(rng);
    addLooseRoadNames(rng);
    placeCompounds(rng);
    formJuniorZones(rng);
    foundSchools(rng);
    weighZones();
    m_blocked.clear();
    m_cores.clear();
}

void Geography::layDistrict(Random& rng, int d, int& nextRoad)
{
    const int zoneCount = gazetteer::districts().at(d).primaryZones;
    const int firstZone = int(m_zones.size());
    for (int j = 0; j < zoneCount; ++j) {
        Zone z;
        z.district = d;
        z.id = QStringLiteral("Z%1P%2").arg(m_districts[d].code).arg(j + 1, 2, 10, QLatin1Char('0'));
        m_zones.append(z);
        m_districts[d].primaryZones.append(firstZone + j);
    }
    auto newRoad = [&](int length) {
        Road r;
        r.district = d;
        r.length = length;
        m_roads.append(r);
        return nextRoad++;
    };
    auto addSegment = [&](int road, int zone, int from, int to, Parity parity) {
        Segment s{road, zone, from, to, parity};
        m_segments.append(s);
        const int index = int(m_segments.size()) - 1;
        m_roads[road].segments.append(index);
        m_zones[zone].segments.append(index);
    };
    for (int j = 0; j < zoneCount; ++j) {
        const int zone = firstZone + j;
        const int own = rng.chance(0.25) ? 2 : 1;
        for (int k = 0; k < own; ++k) {
            const int length = rng.range(60, 400);
            addSegment(newRoad(length), zone, 1, length, Parity::All);
        }
        if (j + 1 >= zoneCount)
            continue;
        const int length = rng.range(200, 700);
        const int road = newRoad(length);
        if (j + 2 < zoneCount && rng.chance(0.12)) {
            // A long road through three zones, cut by number.
            const int a = rng.range(length / 4, length / 2 - 20);
            const int b = rng.range(length / 2 + 20, length * 3 / 4);
            addSegment(road, zone, 1, a, Parity::All);
            addSegment(road, zone + 1, a + 1, b, Parity::All);
            addSegment(road, zone + 2, b + 1, length, Parity::All);
        } else if (rng.chance(0.3)) {
            // The road is the boundary: odd numbers on one side, even on the other.
            addSegment(road, zone, 1, length | 1, Parity::Odd);
            addSegment(road, zone + 1, 2, (length + 1) & ~1, Parity::Even);
            m_roads[road].length = std::max(length | 1, (length + 1) & ~1);
        } else {
            const int cut = rng.range(length / 3, length * 2 / 3);
            addSegment(road, zone, 1, cut, Parity::All);
            addSegment(road, zone + 1, cut + 1, length, Parity::All);
        }
    }
}

void Geography::nameRoads(Random& rng)
{
    // Greedy: a name joins only if it is at least two edits from every name already taken, so that
    // a correct road never looks "one character off" another.
    QStringList bases;
    for (const QString& b : gazetteer::roadBases()) {
        if (!hasForbidden(b) && !bases.contains(b))
            bases.append(b);
    }
    const QStringList patterns = gazetteer::roadPatterns();
    const QList<int> weights = gazetteer::roadPatternWeights();
    QStringList accepted;
    auto fits = [&](const QString& name) {
        for (const QString& other : accepted) {
            if (editDistance(name, other) < 2)
                return false;
        }
        return true;
    };
    const int needed = int(m_roads.size());
    QList<QList<int>> unusedPatterns(bases.size());
    for (auto& u : unusedPatterns) {
        for (int i = 0; i < patterns.size(); ++i)
            u.append(i);
    }
    for (int pass = 0; pass < patterns.size() && accepted.size() < needed; ++pass) {
        QList<int> order;
        for (int i = 0; i < bases.size(); ++i)
            order.append(i);
        shuffle(order, rng);
        for (int b : order) {
            if (accepted.size() >= needed)
                break;
            QList<int>& left = unusedPatterns[b];
            if (left.isEmpty())
                continue;
            QList<int> w;
            for (int p : left)
                w.append(weights[p]);
            const int choice = rng.weighted(w);
            const QString name = bases[b] + patterns[left[choice]];
            left.removeAt(choice);
            if (fits(name))
                accepted.append(name);
        }
    }
    Q_ASSERT(accepted.size() >= needed);
    shuffle(accepted, rng);
    for (int i = 0; i < m_roads.size(); ++i)
        m_roads[i].name = accepted.value(i);

    // Roads of the home towns elsewhere: other suffixes, and still two edits from every city road.
    const QStringList farPatterns = gazetteer::elsewhereRoadPatterns();
    QList<int> order;
    for (int i = 0; i < bases.size(); ++i)
        order.append(i);
    shuffle(order, rng);
    int cursor = 0;
    for (Place& place : m_elsewhere) {
        while (place.roads.size() < 3 && cursor < order.size() * 4) {
            const QString name = bases[order[cursor % order.size()]] + rng.pick(farPatterns);
            ++cursor;
            if (fits(name)) {
                accepted.append(name);
                place.roads.append(name);
            }
        }
    }
}

void Geography::addLooseRoadNames(Random& rng)
{
    QStringList all;
    for (const Road& r : m_roads)
        all.append(r.name);
    for (const Place& p : m_elsewhere)
        all.append(p.roads);
    const QStringList typos = gazetteer::typoCharacters();
    for (int i = 0; i < m_roads.size(); ++i) {
        Road& road = m_roads[i];
        if (road.name.size() < 4)
            continue;
        for (int attempt = 0; attempt < 60 && road.looseNames.size() < 2; ++attempt) {
            // A typo in the first two characters (the road's own name, not its suffix).
            QString variant = road.name;
            const int pos = int(rng.below(2));
            const QString typo = rng.pick(typos);
            if (variant[pos] == typo[0])
                continue;
            variant[pos] = typo[0];
            if (hasForbidden(variant.left(2)) || road.looseNames.contains(variant))
                continue;
            bool clear = true;
            for (int j = 0; j < all.size() && clear; ++j) {
                if (j != i && editDistance(variant, all[j]) < 2)
                    clear = false;
            }
            if (clear)
                road.looseNames.append(variant);
        }
    }
}

QStringList Geography::compoundForms(const QString& name) const
{
    QStringList forms{name};
    if (!name.endsWith(kXiaoqu))
        forms.append(name + kXiaoqu);
    for (const QString& s : gazetteer::looseCompoundSuffixes())
        forms.append(name + s);
    return forms;
}

bool Geography::acceptCompoundName(const QString& name)
{
    // A compound may be found in an address only where it is meant to be: its name (without a
    // trailing 小区) must not lie inside any other name, and no other name inside any of its forms.
    const QString core = stripXiaoqu(name);
    if (core.size() < 2 || m_blocked.contains(core) || m_cores.contains(core))
        return false;
    const QStringList forms = compoundForms(name);
    for (const QString& form : forms) {
        for (qsizetype i = 0; i < form.size(); ++i) {
            for (qsizetype n = 2; i + n <= form.size(); ++n) {
                if (m_cores.contains(form.mid(i, n)))
                    return false;
            }
        }
        if (form.size() >= 4) {
            for (const Road& r : m_roads) {
                if (r.name.size() >= 4 && qAbs(r.name.size() - form.size()) <= 1 && editDistance(form, r.name) < 2)
                    return false;
            }
        }
    }
    m_cores.insert(core);
    for (const QString& form : forms)
        addSubstrings(m_blocked, form);
    return true;
}

void Geography::placeCompounds(Random& rng)
{
    for (const Road& r : m_roads) {
        addSubstrings(m_blocked, r.name);
        for (const QString& l : r.looseNames)
            addSubstrings(m_blocked, l);
    }
    for (const Place& p : m_elsewhere) {
        addSubstrings(m_blocked, p.prefix);
        for (const QString& r : p.roads)
            addSubstrings(m_blocked, r);
    }
    for (const District& d : m_districts) {
        addSubstrings(m_blocked, d.name);
        for (const QString& t : d.towns)
            addSubstrings(m_blocked, t + u'镇');
    }
    QStringList prefixes;
    for (const QString& p : gazetteer::compoundPrefixes()) {
        if (!hasForbidden(p) && !prefixes.contains(p))
            prefixes.append(p);
    }
    const QStringList suffixes = gazetteer::compoundSuffixes();
    const QList<int> suffixWeights = gazetteer::compoundSuffixWeights();
    QStringList pool;
    for (int pass = 0; pass < 8; ++pass) {
        QStringList order = prefixes;
        shuffle(order, rng);
        for (const QString& p : order) {
            const QString name = p + suffixes[rng.weighted(suffixWeights)];
            if (acceptCompoundName(name))
                pool.append(name);
        }
    }
    int next = 0;
    for (int z = 0; z < m_zones.size(); ++z) {
        Zone& zone = m_zones[z];
        const bool county = m_districts[zone.district].certificateCity != cityName();
        const int count = county ? rng.range(4, 7) : rng.range(6, 10);
        for (int k = 0; k < count && next < pool.size(); ++k) {
            Compound c;
            c.name = pool[next++];
            c.district = zone.district;
            c.zone = z;
            for (int attempt = 0; attempt < 20; ++attempt) {
                const int seg = rng.pick(zone.segments);
                c.road = m_segments[seg].road;
                c.number = randomNumber(rng, seg);
                const bool clash = std::any_of(zone.compounds.cbegin(), zone.compounds.cend(), [&](int other) {
                    return m_compounds[other].road == c.road && m_compounds[other].number == c.number;
                });
                if (!clash)
                    break;
            }
            c.buildings = rng.range(4, 32);
            for (const QString& s : gazetteer::looseCompoundSuffixes()) {
                // "阳光苑东苑" reads oddly: names ending in 苑 only get numbered phases. A name listed
                // with 小区 gets none: whether "金海岸二期" holds "金海岸小区" would be a matter of taste.
                // A name ending in 村 gets no numbered phase: "月亮新村2期" also reads as a village
                // (or a road ending in 村) with house number 2.
                const bool numbered = s.endsWith(u'期');
                if (c.endsWithXiaoqu() || (c.name.endsWith(u'苑') && !numbered) || (c.name.endsWith(u'村') && numbered))
                    continue;
                c.looseNames.append(stripXiaoqu(c.name) + s);
            }
            zone.compounds.append(int(m_compounds.size()));
            m_compounds.append(c);
        }
    }
}

void Geography::formJuniorZones(Random& rng)
{
    for (int d = 0; d < m_districts.size(); ++d) {
        const QList<int> primaries = m_districts[d].primaryZones;
        int i = 0;
        int number = 0;
        while (i < primaries.size()) {
            static constexpr int kGroupWeights[] = {2, 6, 2}; // two, three or four primary zones
            int size = rng.weighted(kGroupWeights) + 2;
            if (primaries.size() - (i + size) < 2)
                size = int(primaries.size()) - i;
            Zone j;
            j.district = d;
            j.junior = true;
            j.id = QStringLiteral("Z%1J%2").arg(m_districts[d].code).arg(++number, 2, 10, QLatin1Char('0'));
            const int index = int(m_zones.size());
            for (int k = i; k < i + size; ++k) {
                j.parts.append(primaries[k]);
                j.segments += m_zones[primaries[k]].segments;
                j.compounds += m_zones[primaries[k]].compounds;
                m_zones[primaries[k]].juniorZone = index;
            }
            m_zones.append(j);
            m_districts[d].juniorZones.append(index);
            i += size;
        }
    }
}

void Geography::foundSchools(Random& rng)
{
    for (int d = 0; d < m_districts.size(); ++d) {
        District& district = m_districts[d];
        const bool county = district.certificateCity != cityName();
        const QString prefix = county ? district.name : cityName() + district.name;
        QStringList used;
        int sequence = 0;
        int ordinal = 0;
        for (int level = 0; level < 2; ++level) {
            const bool junior = level == 1;
            const QList<int>& zones = junior ? district.juniorZones : district.primaryZones;
            const QString kind = junior ? QStringLiteral("中学") : QStringLiteral("小学");
            ordinal = 0;
            for (int zi = 0; zi < zones.size(); ++zi) {
                const int z = zones[zi];
                // Every district has shared zones; a few more are drawn at random.
                const bool shared = zi % 7 == 3 || rng.chance(junior ? 0.12 : 0.08);
                const int count = shared ? 2 : 1;
                QStringList shortNames;
                for (int k = 0; k < count; ++k) {
                    School s;
                    s.district = d;
                    s.junior = junior;
                    s.zone = z;
                    s.id = QStringLiteral("S%1%2").arg(district.code).arg(++sequence, 3, 10, QLatin1Char('0'));
                    const int seg = rng.pick(m_zones[z].segments);
                    s.road = m_segments[seg].road;
                    s.number = randomNumber(rng, seg);
                    QString shortName;
                    if (zi == 0 && k == 0) {
                        shortName = QStringLiteral("实验") + kind;
                    } else {
                        const QString base = m_roads[s.road].name.left(2);
                        if (!used.contains(base) && rng.chance(0.7)) {
                            used.append(base);
                            shortName = base + kind;
                        } else {
                            shortName = QStringLiteral("第%1%2").arg(chineseOrdinal(++ordinal), kind);
                        }
                    }
                    s.name = prefix + shortName;
                    shortNames.append(shortName);
                    m_zones[z].schools.append(int(m_schools.size()));
                    m_schools.append(s);
                }
                m_zones[z].name = shortNames.join(u'、') + QStringLiteral("学区");
            }
        }
    }
}

void Geography::weighZones()
{
    qint64 total = 0;
    for (int d = 0; d < m_districts.size(); ++d) {
        int local = 0;
        for (int z : m_districts[d].primaryZones)
            local += int(m_zones[z].compounds.size()) * 10 + int(m_zones[z].segments.size()) * 4;
        for (int z : m_districts[d].primaryZones) {
            const int w = int(m_zones[z].compounds.size()) * 10 + int(m_zones[z].segments.size()) * 4;
            m_zones[z].weight = int(qint64(m_districts[d].weight) * 100000 * w / local);
            total += m_zones[z].weight;
            m_primaryZones.append(z);
            m_zoneCumulative.append(total);
        }
    }
}

int Geography::districtOfCode(const QString& code) const
{
    for (int d = 0; d < m_districts.size(); ++d) {
        if (m_districts[d].code == code)
            return d;
    }
    return -1;
}

int Geography::zoneAt(int road, int number) const
{
    if (road < 0 || road >= m_roads.size())
        return -1;
    for (int s : m_roads[road].segments) {
        if (m_segments[s].contains(number))
            return m_segments[s].zone;
    }
    return -1;
}

int Geography::zoneOf(const Addr& a, bool junior) const
{
    if (!a.inCity())
        return -1;
    const int primary = a.compound >= 0 ? m_compounds[a.compound].zone : zoneAt(a.road, a.number);
    if (primary < 0)
        return -1;
    return junior ? m_zones[primary].juniorZone : primary;
}

int Geography::matchQuality(const Addr& a, const QList<int>& zones) const
{
    if (!a.inCity() || zones.isEmpty())
        return 0;
    const int z = zoneOf(a, m_zones[zones.first()].junior);
    if (z < 0 || !zones.contains(z))
        return 0;
    return a.fuzz == Addr::Fuzz::Exact ? 2 : 1;
}

bool Geography::isUrban(const Addr& a, const QStringList& urbanCodes) const
{
    // Households are always written either naming their district or with an address that matches
    // a zone of it exactly, so the district is what decides.
    if ((a.inCity() || a.kind == Addr::Kind::Village) && a.district >= 0)
        return urbanCodes.contains(m_districts[a.district].code);
    return false;
}

int Geography::samplePrimaryZone(Random& rng) const
{
    const qint64 r = qint64(rng.below(quint32(m_zoneCumulative.last())));
    const auto it = std::upper_bound(m_zoneCumulative.cbegin(), m_zoneCumulative.cend(), r);
    return m_primaryZones[int(it - m_zoneCumulative.cbegin())];
}

int Geography::randomNumber(Random& rng, int segment) const
{
    const Segment& s = m_segments[segment];
    if (s.parity == Parity::All)
        return rng.range(s.from, s.to);
    const int first = s.parity == Parity::Odd ? (s.from | 1) : ((s.from + 1) & ~1);
    const int steps = (s.to - first) / 2;
    return first + 2 * rng.range(0, steps);
}

Addr Geography::flatOn(Random& rng, int compound) const
{
    const Compound& c = m_compounds[compound];
    Addr a;
    a.kind = Addr::Kind::Flat;
    a.district = qint16(c.district);
    a.road = c.road;
    a.number = c.number;
    a.compound = compound;
    a.building = qint16(rng.range(1, c.buildings));
    a.unit = qint16(rng.range(1, 3 + int(rng.below(2))));
    a.room = rng.range(1, 6 + int(rng.below(13))) * 100 + rng.range(1, 2 + int(rng.below(3)));
    return a;
}

Addr Geography::flat(Random& rng, int zone) const
{
    return flatOn(rng, rng.pick(m_zones[zone].compounds));
}

Addr Geography::houseOn(Random& rng, int segment) const
{
    Addr a;
    a.kind = Addr::Kind::House;
    a.road = m_segments[segment].road;
    a.district = qint16(m_roads[a.road].district);
    a.number = randomNumber(rng, segment);
    return a;
}

Addr Geography::house(Random& rng, int zone) const
{
    return houseOn(rng, rng.pick(m_zones[zone].segments));
}

Addr Geography::village(Random& rng, int district) const
{
    Addr a;
    a.kind = Addr::Kind::Village;
    a.district = qint16(district);
    a.place = int(rng.below(quint32(m_districts[district].towns.size())));
    a.village =
        int(rng.below(quint32(m_villageSurnames.size()))) * 16 + int(rng.below(quint32(m_villagePatterns.size())));
    a.number = rng.range(1, 320);
    return a;
}

Addr Geography::elsewhere(Random& rng, int place) const
{
    Addr a;
    a.kind = Addr::Kind::Elsewhere;
    a.place = place;
    a.road = int(rng.below(quint32(m_elsewhere[place].roads.size())));
    a.number = rng.range(1, 480);
    return a;
}

QString Geography::villageText(const Addr& a) const
{
    return m_districts[a.district].towns[a.place] + u'镇' + m_villageSurnames[a.village / 16] +
           m_villagePatterns[a.village % 16] + u'村';
}

int Geography::editDistance(QStringView a, QStringView b)
{
    const qsizetype n = b.size();
    QVarLengthArray<int, 32> row(n + 1);
    for (qsizetype j = 0; j <= n; ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= n; ++j) {
            const int above = row[j];
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[n];
}

QStringList Geography::selfCheck() const
{
    QStringList problems;
    QStringList allRoads;
    for (const Road& r : m_roads)
        allRoads.append(r.name);
    for (const Place& p : m_elsewhere)
        allRoads.append(p.roads);
    for (int i = 0; i < allRoads.size(); ++i) {
        if (allRoads[i].isEmpty())
            problems.append(QStringLiteral("road %1 has no name").arg(i));
        for (int j = i + 1; j < allRoads.size(); ++j) {
            if (editDistance(allRoads[i], allRoads[j]) < 2)
                problems.append(QStringLiteral("roads %1 and %2 are too alike").arg(allRoads[i], allRoads[j]));
        }
    }
    int looseCapable = 0;
    for (int i = 0; i < m_roads.size(); ++i) {
        const Road& road = m_roads[i];
        looseCapable += road.looseNames.isEmpty() ? 0 : 1;
        for (const QString& v : road.looseNames) {
            if (road.name.size() < 4 || editDistance(v, road.name) != 1)
                problems.append(QStringLiteral("typo %1 is not one edit from %2").arg(v, road.name));
            for (int j = 0; j < allRoads.size(); ++j) {
                if (j != i && editDistance(v, allRoads[j]) < 2)
                    problems.append(QStringLiteral("typo %1 is close to %2").arg(v, allRoads[j]));
            }
        }
        int covered = 0;
        for (int n = 1; n <= road.length; ++n) {
            int holders = 0;
            for (int s : road.segments)
                holders += m_segments[s].contains(n) ? 1 : 0;
            if (holders > 1)
                problems.append(QStringLiteral("%1 %2 lies in two zones").arg(road.name).arg(n));
            covered += holders;
        }
        if (covered != road.length)
            problems.append(QStringLiteral("%1 is not covered end to end").arg(road.name));
    }
    if (looseCapable < m_roads.size() / 5)
        problems.append(QStringLiteral("too few roads with typo variants"));

    // Names a compound must not hide inside.
    QStringList others = allRoads;
    for (const Road& r : m_roads)
        others += r.looseNames;
    for (const Place& p : m_elsewhere)
        others.append(p.prefix);
    for (const District& d : m_districts) {
        others.append(d.name);
        for (const QString& t : d.towns)
            others.append(t + u'镇');
    }
    QStringList forms;
    QList<int> formOwner;
    for (int i = 0; i < m_compounds.size(); ++i) {
        const Compound& c = m_compounds[i];
        if (hasForbidden(stripXiaoqu(c.name).left(2)))
            problems.append(QStringLiteral("compound %1 has a forbidden character").arg(c.name));
        for (const QString& f : compoundForms(c.name)) {
            forms.append(f);
            formOwner.append(i);
        }
        if (zoneAt(c.road, c.number) != c.zone)
            problems.append(QStringLiteral("compound %1 stands outside its zone").arg(c.name));
    }
    for (int i = 0; i < m_compounds.size(); ++i) {
        const QString core = stripXiaoqu(m_compounds[i].name);
        for (int f = 0; f < forms.size(); ++f) {
            if (formOwner[f] != i && forms[f].contains(core))
                problems.append(QStringLiteral("compound %1 lies inside %2").arg(core, forms[f]));
        }
        for (const QString& o : others) {
            if (o.contains(core))
                problems.append(QStringLiteral("compound %1 lies inside %2").arg(core, o));
        }
    }
    for (int i = 0; i < m_zones.size(); ++i) {
        const Zone& z = m_zones[i];
        if (z.segments.size() < (z.junior ? 2 : 1) || z.compounds.isEmpty() || z.schools.isEmpty())
            problems.append(QStringLiteral("zone %1 is incomplete").arg(z.id));
        if (!z.junior && (z.juniorZone < 0 || !m_zones[z.juniorZone].parts.contains(i)))
            problems.append(QStringLiteral("zone %1 has no junior zone").arg(z.id));
        for (int s : z.schools) {
            const School& school = m_schools[s];
            const int at = zoneAt(school.road, school.number);
            const int expected = at < 0 ? -1 : (school.junior ? m_zones[at].juniorZone : at);
            if (school.zone != i || expected != i || school.junior != z.junior)
                problems.append(QStringLiteral("school %1 stands outside its zone").arg(school.id));
        }
    }
    for (const District& d : m_districts) {
        for (const QList<int>* list : {&d.primaryZones, &d.juniorZones}) {
            const bool anyShared =
                std::any_of(list->cbegin(), list->cend(), [&](int z) { return m_zones[z].schools.size() > 1; });
            if (!anyShared)
                problems.append(QStringLiteral("%1 has no shared zone").arg(d.name));
        }
    }
    return problems;
}

} // namespace adm::citygen
