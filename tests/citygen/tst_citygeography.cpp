#include "citygen/AddressWriter.h"
#include "citygen/Geography.h"
#include "citygen/IdAllocator.h"
#include "citygen/Random.h"
#include "domain/IdNumber.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace adm::citygen;

namespace {

// Our own edit distance, so that the layout is checked by something other than its own code.
int levenshtein(const QString& a, const QString& b)
{
    QList<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

bool segmentHolds(const Geography::Segment& s, int n)
{
    if (n < s.from || n > s.to)
        return false;
    return s.parity == Geography::Parity::All || (s.parity == Geography::Parity::Odd) == (n % 2 == 1);
}

} // namespace

class TestCityGeography : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void selfCheckFindsNothing();
    void districtsFollowTheDivisionCodes();
    void roadNamesNeverLookOneCharacterOff();
    void typoVariantsPointAtOneRoadOnly();
    void compoundNamesDoNotHideInsideOtherNames();
    void everyNumberBelongsToOneZone();
    void zonesSchoolsAndSharing();
    void matchQualityFollowsTheFuzz();
    void urbanIsDecidedByTheDistrict();
    void addressVariantsAllAppear();
    void looseAddressesShowOnlyTheNearMiss();
    void chineseNumerals_data();
    void chineseNumerals();
    void idNumbersAreValidAndUnique();
    void randomIsRepeatableAndInRange();
    void editDistance_data();
    void editDistance();
};

void TestCityGeography::selfCheckFindsNothing()
{
    const QStringList problems = Geography::rizhao().selfCheck();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 5).join(u'\n')));
}

void TestCityGeography::districtsFollowTheDivisionCodes()
{
    const Geography& geo = Geography::rizhao();
    QCOMPARE(geo.districts().size(), 4);
    const QStringList codes{"371102", "371103", "371121", "371122"};
    const QStringList names{"东港区", "岚山区", "五莲县", "莒县"};
    for (int d = 0; d < 4; ++d) {
        QCOMPARE(geo.districts()[d].code, codes[d]);
        QCOMPARE(geo.districts()[d].name, names[d]);
        QCOMPARE(geo.districtOfCode(codes[d]), d);
        QVERIFY(geo.districts()[d].primaryZones.size() >= 10);
        QVERIFY(geo.districts()[d].juniorZones.size() >= 4);
    }
    QCOMPARE(Geography::cityCode(), QStringLiteral("371100"));
}

void TestCityGeography::roadNamesNeverLookOneCharacterOff()
{
    const Geography& geo = Geography::rizhao();
    QStringList names;
    for (const auto& r : geo.roads())
        names.append(r.name);
    for (const auto& p : geo.elsewhere())
        names += p.roads;
    QVERIFY(names.size() > 150);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
    int fourOrMore = 0;
    for (int i = 0; i < names.size(); ++i) {
        fourOrMore += names[i].size() >= 4 ? 1 : 0;
        for (int j = i + 1; j < names.size(); ++j)
            QVERIFY2(levenshtein(names[i], names[j]) >= 2, qPrintable(names[i] + u' ' + names[j]));
    }
    QVERIFY2(fourOrMore > names.size() / 4, "too few roads long enough for a typo");
}

void TestCityGeography::typoVariantsPointAtOneRoadOnly()
{
    const Geography& geo = Geography::rizhao();
    int variants = 0;
    for (int i = 0; i < geo.roads().size(); ++i) {
        const auto& road = geo.roads()[i];
        for (const QString& v : road.looseNames) {
            ++variants;
            QVERIFY(road.name.size() >= 4);
            QCOMPARE(levenshtein(v, road.name), 1);
            for (int j = 0; j < geo.roads().size(); ++j) {
                if (j != i)
                    QVERIFY2(levenshtein(v, geo.roads()[j].name) >= 2, qPrintable(v + u' ' + geo.roads()[j].name));
            }
        }
    }
    QVERIFY(variants > 50);
}

void TestCityGeography::compoundNamesDoNotHideInsideOtherNames()
{
    const Geography& geo = Geography::rizhao();
    QStringList texts; // every other name an address can contain
    for (const auto& r : geo.roads())
        texts += QStringList(r.looseNames) << r.name;
    for (const auto& d : geo.districts())
        texts.append(d.name);
    QSet<QString> seen;
    int withXiaoqu = 0;
    int withLoose = 0;
    for (int i = 0; i < geo.compounds().size(); ++i) {
        const auto& c = geo.compounds()[i];
        QVERIFY(!seen.contains(c.name));
        seen.insert(c.name);
        const QString core = c.endsWithXiaoqu() ? c.name.chopped(2) : c.name;
        withXiaoqu += c.endsWithXiaoqu() ? 1 : 0;
        withLoose += c.looseNames.isEmpty() ? 0 : 1;
        for (const QString& l : c.looseNames) {
            QVERIFY(l.startsWith(core) && l.size() > core.size());
            QVERIFY(!c.endsWithXiaoqu());
            // 月亮新村2期 would also read as a place ending in 村 with house number 2.
            QVERIFY2(!(c.name.endsWith(u'村') && l.endsWith(u'期')), qPrintable(l));
        }
        for (const QString& t : texts)
            QVERIFY2(!t.contains(core), qPrintable(core + QStringLiteral(" in ") + t));
        for (int j = 0; j < geo.compounds().size(); ++j) {
            if (j == i)
                continue;
            const auto& other = geo.compounds()[j];
            QVERIFY2(!other.name.contains(core), qPrintable(core + QStringLiteral(" in ") + other.name));
            for (const QString& l : other.looseNames)
                QVERIFY2(!l.contains(core), qPrintable(core + QStringLiteral(" in ") + l));
        }
    }
    QVERIFY(withXiaoqu > 0);
    QVERIFY(withLoose > geo.compounds().size() / 2);
}

void TestCityGeography::everyNumberBelongsToOneZone()
{
    const Geography& geo = Geography::rizhao();
    for (int r = 0; r < geo.roads().size(); ++r) {
        const auto& road = geo.roads()[r];
        for (int n = 1; n <= road.length; ++n) {
            int holders = 0;
            for (int s : road.segments)
                holders += segmentHolds(geo.segments()[s], n) ? 1 : 0;
            QVERIFY2(holders == 1, qPrintable(road.name + QString::number(n)));
        }
    }
    for (int i = 0; i < geo.compounds().size(); ++i) {
        const auto& c = geo.compounds()[i];
        QCOMPARE(geo.zoneAt(c.road, c.number), c.zone);
        QVERIFY(geo.zones()[c.zone].compounds.contains(i));
        QVERIFY(geo.zones()[geo.zones()[c.zone].juniorZone].compounds.contains(i));
    }
}

void TestCityGeography::zonesSchoolsAndSharing()
{
    const Geography& geo = Geography::rizhao();
    int sharedPrimary = 0;
    int sharedJunior = 0;
    for (int z = 0; z < geo.zones().size(); ++z) {
        const auto& zone = geo.zones()[z];
        QVERIFY(!zone.schools.isEmpty() && zone.schools.size() <= 2);
        (zone.junior ? sharedJunior : sharedPrimary) += zone.schools.size() == 2 ? 1 : 0;
        for (int s : zone.schools) {
            QCOMPARE(geo.schools()[s].zone, z);
            QCOMPARE(geo.schools()[s].junior, zone.junior);
            QCOMPARE(geo.schools()[s].district, zone.district);
        }
        if (zone.junior) {
            QVERIFY(zone.parts.size() >= 2);
            for (int part : zone.parts)
                QCOMPARE(geo.zones()[part].juniorZone, z);
        }
    }
    QVERIFY(sharedPrimary >= 4);
    QVERIFY(sharedJunior >= 4);
    QSet<QString> ids;
    for (const auto& s : geo.schools()) {
        QVERIFY(s.id.startsWith(u'S' + geo.districts()[s.district].code));
        ids.insert(s.id);
    }
    QCOMPARE(ids.size(), geo.schools().size());
}

void TestCityGeography::matchQualityFollowsTheFuzz()
{
    const Geography& geo = Geography::rizhao();
    Random rng(7);
    const int zone = geo.districts()[0].primaryZones[3];
    const int other = geo.districts()[0].primaryZones[10];
    Addr a = geo.flat(rng, zone);
    QCOMPARE(geo.matchQuality(a, {zone}), 2);
    QCOMPARE(geo.matchQuality(a, {other}), 0);
    QCOMPARE(geo.matchQuality(a, {geo.zones()[zone].juniorZone}), 2);
    a.fuzz = Addr::Fuzz::LooseCompound;
    QCOMPARE(geo.matchQuality(a, {zone}), 1);
    QCOMPARE(geo.matchQuality(geo.village(rng, 0), {zone}), 0);
    QCOMPARE(geo.matchQuality(geo.elsewhere(rng, 0), {zone}), 0);
}

void TestCityGeography::urbanIsDecidedByTheDistrict()
{
    const Geography& geo = Geography::rizhao();
    Random rng(8);
    const Addr flat = geo.flat(rng, geo.districts()[1].primaryZones[0]);
    QVERIFY(geo.isUrban(flat, {"371103"}));
    QVERIFY(!geo.isUrban(flat, {"371102"}));
    QVERIFY(geo.isUrban(geo.village(rng, 3), {"371122"}));
    QVERIFY(!geo.isUrban(geo.village(rng, 3), {"371102"}));
    QVERIFY(!geo.isUrban(geo.elsewhere(rng, 2), {"371102", "371103", "371121", "371122"}));
}

void TestCityGeography::addressVariantsAllAppear()
{
    const Geography& geo = Geography::rizhao();
    const AddressWriter writer(geo);
    Random rng(9);
    QMap<QString, int> seen;
    const QStringList markers{"日照市", "东港区", "号楼", "幢", "栋", "-", "单元", "室", "小区", " ", "，", ","};
    int fullWidth = 0;
    int chinese = 0;
    int noPrefix = 0;
    for (int i = 0; i < 4000; ++i) {
        const Addr a = geo.flat(rng, geo.districts()[0].primaryZones[i % 20]);
        const QString text = writer.write(a, rng);
        for (const QString& m : markers)
            seen[m] += text.contains(m) ? 1 : 0;
        fullWidth += text.contains(QChar(0xFF11)) || text.contains(QChar(0xFF12)) ? 1 : 0;
        chinese += text.contains(u"单元") && !text.contains(QRegularExpression(QStringLiteral("\\d单元"))) &&
                           !text.contains(QRegularExpression(QStringLiteral("[０-９]单元")))
                       ? 1
                       : 0;
        noPrefix += !text.startsWith(u"日照市") && !text.startsWith(u"东港区") ? 1 : 0;
        // Whatever the form, the compound or the road is there to place it.
        const auto& c = geo.compounds()[a.compound];
        const QString core = c.endsWithXiaoqu() ? c.name.chopped(2) : c.name;
        QVERIFY2(text.contains(core) || text.contains(geo.roads()[a.road].name), qPrintable(text));
    }
    for (const QString& m : markers)
        QVERIFY2(seen[m] > 20, qPrintable(m));
    QVERIFY(fullWidth > 200);
    QVERIFY(chinese > 100);
    QVERIFY(noPrefix > 400);
}

void TestCityGeography::looseAddressesShowOnlyTheNearMiss()
{
    const Geography& geo = Geography::rizhao();
    const AddressWriter writer(geo);
    Random rng(10);
    int checked = 0;
    for (int ci = 0; ci < geo.compounds().size() && checked < 200; ++ci) {
        const auto& c = geo.compounds()[ci];
        Addr a = geo.flatOn(rng, ci);
        if (!c.looseNames.isEmpty()) {
            a.fuzz = Addr::Fuzz::LooseCompound;
            const QString text = writer.write(a, rng);
            QVERIFY2(!text.contains(geo.roads()[c.road].name), qPrintable(text));
            QVERIFY2(std::any_of(c.looseNames.cbegin(), c.looseNames.cend(),
                                 [&](const QString& l) { return text.contains(l); }),
                     qPrintable(text));
            ++checked;
        }
        if (!geo.roads()[c.road].looseNames.isEmpty()) {
            a.fuzz = Addr::Fuzz::LooseRoad;
            const QString text = writer.write(a, rng);
            QVERIFY2(!text.contains(geo.roads()[c.road].name) && !text.contains(c.name), qPrintable(text));
            ++checked;
        }
    }
    QVERIFY(checked >= 200);
}

void TestCityGeography::chineseNumerals_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("digits");
    QTest::newRow("3") << 3 << "三"
                       << "三";
    QTest::newRow("10") << 10 << "十"
                        << "一零";
    QTest::newRow("12") << 12 << "十二"
                        << "一二";
    QTest::newRow("21") << 21 << "二十一"
                        << "二一";
    QTest::newRow("30") << 30 << "三十"
                        << "三零";
    QTest::newRow("501") << 501 << ""
                         << "五零一";
}

void TestCityGeography::chineseNumerals()
{
    QFETCH(int, n);
    QFETCH(QString, number);
    QFETCH(QString, digits);
    if (!number.isEmpty())
        QCOMPARE(AddressWriter::chineseNumber(n), number);
    QCOMPARE(AddressWriter::chineseDigits(n), digits);
    QCOMPARE(AddressWriter::fullWidth(QStringLiteral("3-2-501")), QStringLiteral("３-２-５０１"));
}

void TestCityGeography::idNumbersAreValidAndUnique()
{
    IdAllocator ids;
    QSet<QString> seen;
    const QDate day(2019, 11, 5);
    QDate lastDay = day;
    for (int i = 0; i < 1200; ++i) {
        QDate birth = day;
        const bool male = i % 2 == 0;
        const QString id = ids.allocate(QStringLiteral("371102"), &birth, male, day, day.addDays(5));
        const adm::IdNumber parsed = adm::IdNumber::parse(id);
        QVERIFY2(parsed.isValid(), qPrintable(id));
        QCOMPARE(parsed.birthDate(), birth);
        QCOMPARE(parsed.sex() == adm::IdNumber::Sex::Male, male);
        QVERIFY(!seen.contains(id));
        seen.insert(id);
        lastDay = qMax(lastDay, birth);
    }
    // 600 of each sex do not fit in one day's 499 sequence numbers: the next day is taken.
    QCOMPARE(lastDay, day.addDays(1));
}

void TestCityGeography::randomIsRepeatableAndInRange()
{
    Random a(42, 3);
    Random b(42, 3);
    Random c(42, 4);
    bool differs = false;
    for (int i = 0; i < 100; ++i) {
        const quint64 x = a.next();
        QCOMPARE(b.next(), x);
        differs = differs || c.next() != x;
    }
    QVERIFY(differs);
    int hits[5] = {};
    for (int i = 0; i < 5000; ++i) {
        const int r = a.range(3, 7);
        QVERIFY(r >= 3 && r <= 7);
        ++hits[r - 3];
    }
    for (int h : hits)
        QVERIFY(h > 800);
    static constexpr int kWeights[] = {0, 5, 0, 5};
    for (int i = 0; i < 200; ++i) {
        const int w = a.weighted(kWeights);
        QVERIFY(w == 1 || w == 3);
    }
    // The numbers of a fixed seed never change, on any platform: every city depends on them.
    Random fixed(1);
    QCOMPARE(fixed.next(), Q_UINT64_C(18001451845637162709));
    QCOMPARE(fixed.below(1000000), 818086u);
    QCOMPARE(Random(1, 2).next(), Q_UINT64_C(4431101953060748582));
}

void TestCityGeography::editDistance_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("distance");
    QTest::newRow("same") << "海曲东路"
                          << "海曲东路" << 0;
    QTest::newRow("one off") << "海曲东路"
                             << "海渠东路" << 1;
    QTest::newRow("suffix") << "海曲路"
                            << "海曲大道" << 2;
    QTest::newRow("empty") << ""
                           << "北京路" << 3;
}

void TestCityGeography::editDistance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, distance);
    QCOMPARE(Geography::editDistance(a, b), distance);
    QCOMPARE(levenshtein(a, b), distance);
}

QTEST_GUILESS_MAIN(TestCityGeography)
#include "tst_citygeography.moc"
