#include "AddressWriter.h"

namespace adm::citygen {

namespace {
const QString kDigits = QStringLiteral("零一二三四五六七八九");
} // namespace

QString AddressWriter::chineseNumber(int n)
{
    if (n < 10)
        return QString(kDigits[n]);
    QString s = n / 10 == 1 ? QString() : QString(kDigits[n / 10]);
    s += u'十';
    if (n % 10)
        s += kDigits[n % 10];
    return s;
}

QString AddressWriter::chineseDigits(int n)
{
    QString s;
    for (QChar c : QString::number(n))
        s += kDigits[c.unicode() - u'0'];
    return s;
}

QString AddressWriter::fullWidth(const QString& s)
{
    QString out = s;
    for (QChar& c : out) {
        if (c >= u'0' && c <= u'9')
            c = QChar(char16_t(0xFF10 + (c.unicode() - u'0')));
    }
    return out;
}

QString AddressWriter::write(const Addr& a, Random& rng, Style style) const
{
    switch (a.kind) {
    case Addr::Kind::None:
        return {};
    case Addr::Kind::Elsewhere: {
        const Geography::Place& p = m_geo.elsewhere()[a.place];
        return p.prefix + p.roads[a.road] + QString::number(a.number) + u'号';
    }
    case Addr::Kind::Village: {
        // A village is always written with its district or county: it has no road or compound of
        // a zone that could tell where it lies.
        const QString city = style == Style::Agency && rng.chance(0.4) ? Geography::cityName() : QString();
        return city + m_geo.districts()[a.district].name + m_geo.villageText(a) + QString::number(a.number) + u'号';
    }
    case Addr::Kind::Flat:
    case Addr::Kind::House:
        return writeCity(a, rng, style);
    }
    return {};
}

QString AddressWriter::writeCity(const Addr& a, Random& rng, Style style) const
{
    const Geography::District& district = m_geo.districts()[a.district];
    QString out;
    // Prefix: city and district, district alone, nothing, or the city alone.
    static constexpr int kAgencyPrefix[] = {35, 35, 20, 10};
    static constexpr int kTypedPrefix[] = {20, 70, 10, 0};
    const int prefix = style == Style::Formal ? 1 : rng.weighted(style == Style::Agency ? kAgencyPrefix : kTypedPrefix);
    if (prefix == 0 || prefix == 3)
        out += Geography::cityName();
    if (prefix <= 1)
        out += district.name;
    if (!out.isEmpty() && style == Style::Agency && rng.chance(0.08))
        out += u' ';

    // Digits: half-width, full-width, or Chinese numerals for building, unit and room.
    static constexpr int kAgencyDigits[] = {80, 12, 8};
    static constexpr int kTypedDigits[] = {95, 3, 2};
    int digits = style == Style::Formal ? 0 : rng.weighted(style == Style::Agency ? kAgencyDigits : kTypedDigits);
    if (a.kind != Addr::Kind::Flat && digits == 2)
        digits = 0;

    const bool looseRoad = a.fuzz == Addr::Fuzz::LooseRoad;
    const bool looseCompound = a.fuzz == Addr::Fuzz::LooseCompound;
    // What an exact flat shows: road and compound, the compound alone, or the road alone. Each
    // places it in the same zone (the compound stands on that road and number). A loose address
    // shows only its near miss, so that the other half cannot make it exact.
    bool showRoad = true;
    bool showCompound = false;
    if (looseRoad) {
        showRoad = true;
    } else if (looseCompound) {
        showRoad = false;
        showCompound = true;
    } else if (a.kind == Addr::Kind::Flat) {
        static constexpr int kAgencyShow[] = {60, 30, 10};
        static constexpr int kTypedShow[] = {70, 25, 5};
        const int show = style == Style::Formal ? 0 : rng.weighted(style == Style::Agency ? kAgencyShow : kTypedShow);
        showRoad = show != 1;
        showCompound = show != 2;
    }
    const qsizetype bodyStart = out.size();
    if (showRoad) {
        const Geography::Road& road = m_geo.roads()[a.road];
        out += looseRoad ? road.looseNames[a.looseVariant % road.looseNames.size()] : road.name;
        out += QString::number(a.number) + u'号';
    }
    if (showCompound) {
        const Geography::Compound& c = m_geo.compounds()[a.compound];
        if (showRoad && style != Style::Formal) {
            static const QStringList seps = {QString(), QStringLiteral(" "), QStringLiteral("，"), QStringLiteral(",")};
            static constexpr int kSepWeights[] = {70, 15, 8, 7};
            out += seps[rng.weighted(kSepWeights)];
        }
        if (looseCompound) {
            out += c.looseNames[a.looseVariant % c.looseNames.size()];
        } else if (c.endsWithXiaoqu()) {
            // Listed as 金海岸小区: agencies drop the 小区 now and then.
            out += rng.chance(style == Style::Agency ? 0.3 : 0.1) ? c.name.chopped(2) : c.name;
        } else {
            out += c.name;
            if (style != Style::Formal && rng.chance(style == Style::Agency ? 0.15 : 0.05))
                out += QStringLiteral("小区");
        }
    }
    if (a.kind == Addr::Kind::Flat) {
        if (style == Style::Agency && rng.chance(0.1))
            out += u' ';
        out += buildingPart(a, rng, digits == 2);
    }
    if (digits == 1)
        out = out.left(bodyStart) + fullWidth(out.mid(bodyStart));
    return out;
}

QString AddressWriter::buildingPart(const Addr& a, Random& rng, bool chinese) const
{
    if (chinese) {
        static const QStringList seps = {QStringLiteral("号楼"), QStringLiteral("幢"), QStringLiteral("栋")};
        QString s = chineseNumber(a.building) + rng.pick(seps) + chineseNumber(a.unit) + QStringLiteral("单元") +
                    chineseDigits(a.room);
        if (rng.chance(0.4))
            s += u'室';
        return s;
    }
    const QString b = QString::number(a.building);
    const QString u = QString::number(a.unit);
    const QString r = QString::number(a.room);
    static constexpr int kForms[] = {30, 15, 12, 15, 8, 20};
    switch (rng.weighted(kForms)) {
    case 0:
        return b + QStringLiteral("号楼") + u + QStringLiteral("单元") + r + u'室';
    case 1:
        return b + QStringLiteral("号楼") + u + QStringLiteral("单元") + r;
    case 2:
        return b + QStringLiteral("幢") + u + QStringLiteral("单元") + r + u'室';
    case 3:
        return b + QStringLiteral("栋") + u + QStringLiteral("单元") + r;
    case 4:
        return b + QStringLiteral("栋") + u + QStringLiteral("单元") + r + u'室';
    default:
        return b + u'-' + u + u'-' + r;
    }
}

} // namespace adm::citygen
