#include "AddressNormalizer.h"

#include "DivisionCodes.h"

namespace adm::policy {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isUpperLatin(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

int numeralDigit(QChar c)
{
    switch (c.unicode()) {
    case u'〇':
    case u'零':
        return 0;
    case u'一':
        return 1;
    case u'二':
    case u'两':
        return 2;
    case u'三':
        return 3;
    case u'四':
        return 4;
    case u'五':
        return 5;
    case u'六':
        return 6;
    case u'七':
        return 7;
    case u'八':
        return 8;
    case u'九':
        return 9;
    default:
        return -1;
    }
}

int numeralUnit(QChar c)
{
    switch (c.unicode()) {
    case u'十':
        return 10;
    case u'百':
        return 100;
    case u'千':
        return 1000;
    default:
        return 0;
    }
}

bool isNumeral(QChar c)
{
    return numeralDigit(c) >= 0 || numeralUnit(c) > 0;
}

bool isDash(char16_t u)
{
    return u == u'-' || (u >= 0x2010 && u <= 0x2015) || u == 0x2212 || u == 0xFE58 || u == 0xFE63;
}

bool at(QStringView s, qsizetype i, char16_t c)
{
    return i >= 0 && i < s.size() && s[i] == QChar(c);
}

// A Chinese numeral counts something (and becomes digits) when a counter or a separator follows
// it: 三号楼, 二单元, 一百二十八号, 二期. Names such as 五莲县 or 海滨五路口 keep their characters.
bool countsAfter(QStringView s, qsizetype j)
{
    if (j >= s.size())
        return false;
    switch (s[j].unicode()) {
    case u'号':
    case u'幢':
    case u'栋':
    case u'座':
    case u'室':
    case u'户':
    case u'楼':
    case u'层':
    case u'期':
    case u'区':
    case u'路':
    case u'街':
    case u'巷':
    case u'-':
    case u'#':
        return true;
    case u'单':
        return at(s, j + 1, u'元');
    default:
        return false;
    }
}

// ... or when it ends the address right after a separator: 二单元五零一, 3-2-五零一.
bool countsBefore(QChar prev)
{
    switch (prev.unicode()) {
    case u'元':
    case u'楼':
    case u'幢':
    case u'栋':
    case u'座':
    case u'号':
    case u'-':
    case u'#':
        return true;
    default:
        return false;
    }
}

QString convertNumerals(const QString& s)
{
    bool any = false;
    for (QChar c : s) {
        if (isNumeral(c)) {
            any = true;
            break;
        }
    }
    if (!any)
        return s;
    QString out;
    out.reserve(s.size());
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isNumeral(s[i])) {
            out.append(s[i++]);
            continue;
        }
        qsizetype j = i;
        while (j < n && isNumeral(s[j]))
            ++j;
        const QStringView run = QStringView(s).mid(i, j - i);
        const bool counts = countsAfter(s, j) || (j == n && i > 0 && countsBefore(s[i - 1]));
        const int value = counts ? AddressNormalizer::chineseNumber(run) : -1;
        if (value >= 0)
            out.append(QString::number(value));
        else
            out.append(run);
        i = j;
    }
    return out;
}

bool isRoadSuffix(QChar c)
{
    switch (c.unicode()) {
    case u'路':
    case u'街':
    case u'道':
    case u'巷':
    case u'弄':
    case u'同':
    case u'村':
    case u'线':
        return true;
    default:
        return false;
    }
}

// Without a house number, only these endings are taken for a road (新村, 胡同 ... are too often
// compound names).
bool isNamedRoadEnd(QChar c)
{
    switch (c.unicode()) {
    case u'路':
    case u'街':
    case u'道':
    case u'巷':
    case u'弄':
        return true;
    default:
        return false;
    }
}

enum class Mark { None, Building, Unit, Room, Floor, Dash };

Mark markAt(QStringView s, qsizetype i, qsizetype* length = nullptr)
{
    qsizetype len = 1;
    Mark m = Mark::None;
    if (i < s.size()) {
        switch (s[i].unicode()) {
        case u'号':
            if (at(s, i + 1, u'楼')) {
                m = Mark::Building;
                len = 2;
            } else {
                m = Mark::Room;
            }
            break;
        case u'#':
            m = Mark::Building;
            len = at(s, i + 1, u'楼') ? 2 : 1;
            break;
        case u'幢':
        case u'栋':
        case u'座':
        case u'楼':
            m = Mark::Building;
            break;
        case u'单':
            if (at(s, i + 1, u'元')) {
                m = Mark::Unit;
                len = 2;
            }
            break;
        case u'室':
        case u'户':
            m = Mark::Room;
            break;
        case u'层':
            m = Mark::Floor;
            break;
        case u'-':
            m = Mark::Dash;
            break;
        default:
            break;
        }
    }
    if (length)
        *length = m == Mark::None ? 0 : len;
    return m;
}

qsizetype digitRunEnd(QStringView s, qsizetype i)
{
    while (i < s.size() && isDigit(s[i]))
        ++i;
    return i;
}

QString stripZeros(QStringView v)
{
    qsizetype k = 0;
    while (k + 1 < v.size() && v[k] == u'0' && isDigit(v[k + 1]))
        ++k;
    return v.mid(k).toString();
}

// Where the building/unit/room part starts: the first number that a counter or separator
// follows (3号楼, 3-2-501, 5栋), or a lone letter building (A座). Numbers inside a compound name
// (阳光花园2期) are not a start.
qsizetype buildingStart(QStringView s, qsizetype p)
{
    const qsizetype n = s.size();
    for (qsizetype i = p; i < n;) {
        const QChar c = s[i];
        if (c == u'-' || c == u'#')
            return i;
        if (c == u'第' && i + 1 < n && isDigit(s[i + 1])) {
            const qsizetype j = digitRunEnd(s, i + 1);
            if (j == n || markAt(s, j) != Mark::None)
                return i;
        }
        if (isDigit(c)) {
            const qsizetype j = digitRunEnd(s, i);
            if (j == n || markAt(s, j) != Mark::None)
                return i;
            i = j;
            continue;
        }
        if (isUpperLatin(c) && (i + 1 >= n || !isUpperLatin(s[i + 1])) && markAt(s, i + 1) == Mark::Building)
            return i;
        ++i;
    }
    return n;
}

bool hasRoadNumberFrom(QStringView s, qsizetype q)
{
    for (qsizetype i = q + 1; i < s.size(); ++i) {
        if (isDigit(s[i]) && isRoadSuffix(s[i - 1]))
            return true;
    }
    return false;
}

enum class PlaceKind { Reject, Stop, Known, OtherProvince, OtherCity, OtherDistrict, Locality, Community };

PlaceKind classify(QStringView cand, const DivisionCodes::Entry** known)
{
    if (const DivisionCodes::Entry* e = DivisionCodes::byName(cand)) {
        *known = e;
        return PlaceKind::Known;
    }
    const qsizetype len = cand.size();
    static const char16_t* compoundEnds[] = {u"小区", u"园区", u"校区", u"景区", u"街区",
                                             u"厂区", u"矿区", u"营区", u"片区"};
    for (const char16_t* e : compoundEnds) {
        if (cand.endsWith(QStringView(e)))
            return PlaceKind::Stop;
    }
    if (cand.endsWith(u"社区"))
        return len >= 3 ? PlaceKind::Community : PlaceKind::Stop;
    static const char16_t* functional[] = {u"开发区", u"度假区", u"高新区", u"示范区", u"保税区", u"功能区"};
    for (const char16_t* e : functional) {
        if (cand.endsWith(QStringView(e)))
            return len <= 14 ? PlaceKind::Locality : PlaceKind::Reject;
    }
    if (cand.endsWith(u"自治区") && len <= 10)
        return PlaceKind::OtherProvince;
    if (cand.endsWith(u"省") && len >= 3 && len <= 4)
        return PlaceKind::OtherProvince;
    if ((cand.endsWith(u"自治州") || cand.endsWith(u"地区")) && len >= 3 && len <= 10)
        return PlaceKind::OtherCity;
    if ((cand.endsWith(u"市") || cand.endsWith(u"盟")) && len >= 3 && len <= 5)
        return PlaceKind::OtherCity;
    if ((cand.endsWith(u"区") || cand.endsWith(u"旗")) && len >= 3 && len <= 5)
        return PlaceKind::OtherDistrict;
    if (cand.endsWith(u"县") && len >= 2 && len <= 5)
        return PlaceKind::OtherDistrict;
    if ((cand.endsWith(u"镇") || cand.endsWith(u"乡")) && len >= 2 && len <= 6)
        return PlaceKind::Locality;
    if (cand.endsWith(u"街道") && len >= 4 && len <= 8)
        return PlaceKind::Locality;
    return PlaceKind::Reject;
}

bool isPlaceSuffix(QStringView s, qsizetype e)
{
    switch (s[e].unicode()) {
    case u'省':
    case u'市':
    case u'区':
    case u'县':
    case u'旗':
    case u'州':
    case u'盟':
    case u'镇':
    case u'乡':
        return true;
    case u'道':
        return at(s, e - 1, u'街');
    default:
        return false;
    }
}

struct Place {
    qsizetype length = 0;
    PlaceKind kind = PlaceKind::Reject;
    const DivisionCodes::Entry* known = nullptr;
};

Place readPlace(QStringView s, qsizetype p, bool allowShort);

// A known name written without its suffix (日照东港区) counts only when another place follows.
Place readShortPlace(QStringView s, qsizetype p)
{
    for (qsizetype len = 2; len <= 3 && p + len < s.size(); ++len) {
        const DivisionCodes::Entry* e = DivisionCodes::byShortName(s.mid(p, len));
        if (e && !s.mid(p).startsWith(e->name) && readPlace(s, p + len, false).length > 0)
            return Place{len, PlaceKind::Known, e};
    }
    return {};
}

// One province, city, district or locality name at p; a name must leave something after it.
Place readPlace(QStringView s, qsizetype p, bool allowShort)
{
    const qsizetype n = s.size();
    if (allowShort) {
        const Place shortPlace = readShortPlace(s, p);
        if (shortPlace.length > 0)
            return shortPlace;
    }
    const qsizetype limit = qMin(n - 1, p + 14);
    for (qsizetype e = p; e < limit; ++e) {
        const QChar c = s[e];
        if (isDigit(c) || c == u'-' || c == u'#')
            break;
        if (!isPlaceSuffix(s, e))
            continue;
        const QStringView cand = s.mid(p, e - p + 1);
        const DivisionCodes::Entry* known = nullptr;
        const PlaceKind kind = classify(cand, &known);
        const qsizetype next = e + 1;
        switch (kind) {
        case PlaceKind::Reject:
            continue;
        case PlaceKind::Stop:
            return {};
        case PlaceKind::Community:
            // 海曲社区阳光花园: a neighbourhood committee in front of the compound.
            if (isDigit(s[next]) || markAt(s, next) != Mark::None)
                return {};
            return Place{cand.size(), PlaceKind::Locality, nullptr};
        case PlaceKind::Known:
        case PlaceKind::Locality:
            return Place{cand.size(), kind, known};
        case PlaceKind::OtherProvince:
            return Place{cand.size(), kind, nullptr};
        case PlaceKind::OtherCity:
        case PlaceKind::OtherDistrict:
            // A name we do not know is taken for a place only when another place or a numbered
            // road follows; otherwise it is more likely a compound (万达城市花园).
            if (readPlace(s, next, true).length > 0 || hasRoadNumberFrom(s, next))
                return Place{cand.size(), kind, nullptr};
            return {};
        }
    }
    return {};
}

void parseBuilding(QStringView s, qsizetype i, NormalizedAddress& a)
{
    const qsizetype n = s.size();
    QStringList dashGroup;
    auto flushDash = [&] {
        if (dashGroup.size() >= 3) {
            a.building = dashGroup.at(0);
            a.unit = dashGroup.at(1);
            a.room = dashGroup.at(2);
        } else if (dashGroup.size() == 2) {
            if (a.building.isEmpty())
                a.building = dashGroup.at(0);
            else
                a.unit = dashGroup.at(0);
            a.room = dashGroup.at(1);
        } else if (dashGroup.size() == 1) {
            (a.building.isEmpty() ? a.building : a.room) = dashGroup.at(0);
        }
        dashGroup.clear();
    };
    while (i < n) {
        const QChar c = s[i];
        if (c == u'第' || c == u'-') {
            ++i;
            continue;
        }
        if (!isDigit(c) && !isUpperLatin(c)) {
            a.rest.append(c);
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && isUpperLatin(s[j]))
            ++j;
        j = digitRunEnd(s, j);
        const QString value = stripZeros(s.mid(i, j - i));
        qsizetype markLength = 0;
        const Mark mark = markAt(s, j, &markLength);
        i = j + markLength;
        if (mark == Mark::Dash) {
            dashGroup.append(value);
            continue;
        }
        if (!dashGroup.isEmpty()) {
            dashGroup.append(value);
            flushDash();
            continue;
        }
        switch (mark) {
        case Mark::Building:
            a.building = value;
            break;
        case Mark::Unit:
            a.unit = value;
            break;
        case Mark::Room:
            // 3号2单元501: a 号 followed by more numbers names the building.
            if (s[j] == u'号' && a.building.isEmpty() && i < n && isDigit(s[i]))
                a.building = value;
            else
                a.room = value;
            break;
        case Mark::Floor:
            break;
        case Mark::None:
        case Mark::Dash:
            if (a.room.isEmpty())
                a.room = value;
            else
                a.rest.append(value);
            break;
        }
    }
    flushDash();
}

void parseBody(QStringView s, qsizetype p, NormalizedAddress& a)
{
    const qsizetype n = s.size();
    // A road with a house number: 海曲东路188号, 北京路36, 海曲东路188-1号.
    for (qsizetype i = p + 1; i < n;) {
        if (!isDigit(s[i])) {
            ++i;
            continue;
        }
        const qsizetype j = digitRunEnd(s, i);
        const Mark mark = markAt(s, j);
        if (isRoadSuffix(s[i - 1]) && i - p >= 2) {
            qsizetype k = j;
            bool house = mark == Mark::None || (mark == Mark::Room && s[j] == u'号');
            if (mark == Mark::Dash && j + 1 < n && isDigit(s[j + 1])) {
                const qsizetype sub = digitRunEnd(s, j + 1);
                if (at(s, sub, u'号') && !at(s, sub + 1, u'楼')) {
                    house = true;
                    k = sub;
                }
            }
            if (house) {
                a.road = s.mid(p, i - p).toString();
                a.houseNumber = s.mid(i, qMin<qsizetype>(j - i, 9)).toInt();
                if (at(s, k, u'号'))
                    ++k;
                p = k;
            }
            break;
        }
        if (j == n || mark != Mark::None)
            break; // the building part starts before any road number
        i = j;
    }

    const qsizetype q = buildingStart(s, p);
    QStringView segment = s.mid(p, q - p);
    if (a.road.isEmpty()) {
        // A road without a number in front of the compound: 海曲东路阳光花园3号楼.
        for (qsizetype r = 2; r < segment.size(); ++r) {
            if (!isNamedRoadEnd(segment[r]))
                continue;
            const qsizetype remaining = segment.size() - r - 1;
            if (remaining == 0 || remaining >= 2) {
                a.road = segment.left(r + 1).toString();
                segment = segment.mid(r + 1);
            }
            break;
        }
    }
    if (segment.endsWith(u"小区"))
        segment.chop(2);
    a.compound = segment.toString();
    parseBuilding(s, q, a);
}

} // namespace

QString NormalizedAddress::canonical() const
{
    return QStringList{districtCode.isEmpty() ? otherPlace : districtCode,
                       road,
                       houseNumber >= 0 ? QString::number(houseNumber) : QString(),
                       compound,
                       building,
                       unit,
                       room}
        .join(u'|');
}

int AddressNormalizer::chineseNumber(QStringView numerals)
{
    if (numerals.isEmpty() || numerals.size() > 9)
        return -1;
    bool positional = false;
    for (QChar c : numerals) {
        if (!isNumeral(c))
            return -1;
        positional = positional || numeralUnit(c) > 0;
    }
    if (!positional) { // 五零一: one digit per character
        int v = 0;
        for (QChar c : numerals)
            v = v * 10 + numeralDigit(c);
        return v;
    }
    int total = 0;
    int current = 0;
    for (QChar c : numerals) {
        const int d = numeralDigit(c);
        if (d >= 0) {
            current = d;
            continue;
        }
        total += (current == 0 ? 1 : current) * numeralUnit(c); // 十二: a bare 十 is ten
        current = 0;
    }
    return total + current;
}

QString AddressNormalizer::cleanText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char16_t u = text[i].unicode();
        if (QChar::isHighSurrogate(u) && i + 1 < n && text[i + 1].isLowSurrogate()) {
            out.append(text[i]);
            out.append(text[++i]);
            continue;
        }
        if (u >= 0xFF01 && u <= 0xFF5E) // full-width ASCII
            u -= 0xFEE0;
        if (isDash(u)) {
            if (!out.isEmpty() && out.back() != u'-')
                out.append(u'-');
            continue;
        }
        if (u == u'#') {
            out.append(u'#');
            continue;
        }
        if (u < 0x80) {
            if (u >= u'0' && u <= u'9')
                out.append(QChar(u));
            else if (u >= u'a' && u <= u'z')
                out.append(QChar(char16_t(u - 0x20)));
            else if (u >= u'A' && u <= u'Z')
                out.append(QChar(u));
            continue; // spaces and punctuation
        }
        const QChar c(u);
        if (c.isLetterOrNumber())
            out.append(c);
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return convertNumerals(out);
}

QString AddressNormalizer::compoundKey(QStringView listedName)
{
    QString key = cleanText(listedName);
    if (key.endsWith(u"小区") && key.size() > 2)
        key.chop(2);
    return key;
}

QString AddressNormalizer::roadKey(QStringView listedName)
{
    return cleanText(listedName);
}

NormalizedAddress AddressNormalizer::normalize(QStringView text)
{
    NormalizedAddress a;
    a.text = cleanText(text);
    const QStringView s(a.text);
    qsizetype p = 0;
    if (s.startsWith(u"中国"))
        p = 2;
    while (p < s.size()) {
        const Place place = readPlace(s, p, true);
        if (place.length <= 0)
            break;
        const QString name = s.mid(p, place.length).toString();
        switch (place.kind) {
        case PlaceKind::Known:
            a.places.append(place.known->name);
            if (place.known->level == DivisionCodes::Level::Province)
                a.provinceCode = place.known->code;
            else if (place.known->level == DivisionCodes::Level::City)
                a.cityCode = place.known->code;
            else
                a.districtCode = place.known->code;
            break;
        case PlaceKind::OtherProvince:
        case PlaceKind::OtherCity:
        case PlaceKind::OtherDistrict:
            a.places.append(name);
            if (a.otherPlace.isEmpty())
                a.otherPlace = name;
            break;
        default:
            break; // towns, sub-districts, development zones: no division of their own
        }
        p += place.length;
    }
    parseBody(s, p, a);
    return a;
}

} // namespace adm::policy
