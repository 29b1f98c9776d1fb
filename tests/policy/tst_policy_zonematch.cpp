#include "policy/AddressNormalizer.h"
#include "policy/ZoneMatcher.h"

#include <QTest>

using namespace adm;
using namespace adm::policy;

// Zone matching over a table of address variants: every tolerance, both kinds of loose match,
// look-alikes that must not match, other districts, other provinces, range ends and parity.
class TestPolicyZoneMatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void match_data();
    void match();
    void reasons();
    void looseIsOnlyANearMiss();

private:
    static Zone zone(const char* id, const char* district, QList<StreetRange> streets, QStringList compounds);
    ZoneMatcher m_matcher;
};

Zone TestPolicyZoneMatch::zone(const char* id, const char* district, QList<StreetRange> streets, QStringList compounds)
{
    Zone z;
    z.id = QString::fromLatin1(id);
    z.districtCode = QString::fromLatin1(district);
    z.streets = std::move(streets);
    z.compounds = std::move(compounds);
    return z;
}

void TestPolicyZoneMatch::initTestCase()
{
    auto range = [](const char* road, int from, int to, const char* parity) {
        return StreetRange{QString::fromUtf8(road), from, to, QString::fromLatin1(parity)};
    };
    m_matcher = ZoneMatcher({
        zone("Z01", "371102", {range("海曲东路", 1, 199, "all")},
             {QStringLiteral("阳光花园"), QStringLiteral("金海岸小区")}),
        zone("Z02", "371102", {range("北京路", 2, 100, "even")}, {QStringLiteral("翠园")}),
        zone("Z03", "371103", {range("圣岚路", 1, 99, "odd")}, {QStringLiteral("岚山花园")}),
        zone("Z04", "371102", {range("海曲西路", 1, 99, "all")}, {QStringLiteral("阳光花园二期")}),
        zone("Z05", "371102", {range("烟台路", 10, 20, "all"), range("海滨五路", 1, 50, "odd")}, {}),
        zone("Z06", "371121", {range("解放路", 1, 100, "all")}, {QStringLiteral("五莲花园")}),
    });
}

void TestPolicyZoneMatch::match_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("zones");  // the target school's zones
    QTest::addColumn<QString>("kind");   // exact | loose | none
    QTest::addColumn<QString>("zone");   // the zone matched
    QTest::addColumn<QString>("via");    // compound | street
    QTest::addColumn<QString>("listed"); // the compound or road as the zone lists it

    int n = 0;
    auto row = [&n](const char* address, const char* zones, const char* kind, const char* zone = "",
                    const char* via = "", const char* listed = "") {
        const QString a = QString::fromUtf8(address);
        QTest::addRow("%02d %s", ++n, address)
            << a << QString::fromLatin1(zones) << QString::fromLatin1(kind) << QString::fromLatin1(zone)
            << QString::fromLatin1(via) << QString::fromUtf8(listed);
    };
    // Exact through a compound, in every spelling.
    row("日照市东港区海曲东路188号阳光花园3号楼2单元501室", "Z01", "exact", "Z01", "compound", "阳光花园");
    row("阳光花园3号楼2单元501", "Z01", "exact", "Z01", "compound", "阳光花园");
    row("阳光花园小区3-2-501", "Z01", "exact", "Z01", "compound", "阳光花园");
    row("东港区阳光花园 3-2-501", "Z01", "exact", "Z01", "compound", "阳光花园");
    row("日照市阳光花园三号楼二单元五零一", "Z01", "exact", "Z01", "compound", "阳光花园");
    row("山东省日照市东港区阳光花园", "Z01", "exact", "Z01", "compound", "阳光花园");
    row("日照东港区阳光花园3幢", "Z01", "exact", "Z01", "compound", "阳光花园");
    row("金海岸小区5栋1单元302", "Z01", "exact", "Z01", "compound", "金海岸小区");
    row("金海岸5栋1单元302", "Z01", "exact", "Z01", "compound", "金海岸小区");
    row("阳 光 花 园 3-2-501", "Z01", "exact", "Z01", "compound", "阳光花园");
    row("阳光花园·3栋", "Z01", "exact", "Z01", "compound", "阳光花园");
    row("阳光花园（小区）3#楼", "Z01", "exact", "Z01", "compound", "阳光花园");
    row("海曲东路阳光花园3号楼", "Z01", "exact", "Z01", "compound", "阳光花园");
    row("东港区海曲社区阳光花园3号楼", "Z01", "exact", "Z01", "compound", "阳光花园");
    // Exact through a street range; ends of the range.
    row("海曲东路188号", "Z01", "exact", "Z01", "street", "海曲东路");
    row("海曲东路1号", "Z01", "exact", "Z01", "street", "海曲东路");
    row("海曲东路199号", "Z01", "exact", "Z01", "street", "海曲东路");
    row("海曲东路200号", "Z01", "none");
    row("海曲东路0号", "Z01", "none");
    row("海曲东路１９９号", "Z01", "exact", "Z01", "street", "海曲东路");
    row("海曲东路一百九十九号", "Z01", "exact", "Z01", "street", "海曲东路");
    row("海曲东路一九九号", "Z01", "exact", "Z01", "street", "海曲东路");
    row("东港区海曲东路57号", "Z01", "exact", "Z01", "street", "海曲东路");
    row("日照市海曲东路57号", "Z01", "exact", "Z01", "street", "海曲东路");
    row("海曲东路 57 号", "Z01", "exact", "Z01", "street", "海曲东路");
    row("海曲东路57号某某大厦", "Z01", "exact", "Z01", "street", "海曲东路");
    row("海曲东路57-3号", "Z01", "exact", "Z01", "street", "海曲东路");
    row("东港区石臼街道海曲东路57号", "Z01", "exact", "Z01", "street", "海曲东路");
    row("海曲东路3号楼", "Z01", "none"); // 3号楼 is a building, not a house number
    // Parity and range of an even-only street.
    row("北京路2号", "Z02", "exact", "Z02", "street", "北京路");
    row("北京路100号", "Z02", "exact", "Z02", "street", "北京路");
    row("北京路36号", "Z02", "exact", "Z02", "street", "北京路");
    row("北京路35号", "Z02", "none");
    row("北京路101号", "Z02", "none");
    row("北京路102号", "Z02", "none");
    row("北京路1号", "Z02", "none");
    row("北京路0号", "Z02", "none");
    row("北京路36号", "Z01", "none"); // in a zone, but not the target school's
    row("翠园2栋", "Z02", "exact", "Z02", "compound", "翠园");
    // Odd-only street in another district.
    row("岚山区圣岚路1号", "Z03", "exact", "Z03", "street", "圣岚路");
    row("圣岚路99号", "Z03", "exact", "Z03", "street", "圣岚路");
    row("圣岚路98号", "Z03", "none");
    row("圣岚路12号", "Z03", "none");
    row("日照市岚山区圣岚路13号", "Z03", "exact", "Z03", "street", "圣岚路");
    row("岚山花园1号楼", "Z03", "exact", "Z03", "compound", "岚山花园");
    // An address naming a district other than the zone's, or another city or province.
    row("东港区圣岚路13号", "Z03", "none");
    row("东港区岚山花园1号楼", "Z03", "none");
    row("岚山区海曲东路188号", "Z01", "none");
    row("岚山区阳光花园3号楼", "Z01", "none");
    row("五莲县阳光花园3号楼", "Z01", "none");
    row("莒县海曲东路188号", "Z01", "none");
    row("日照市莒县海曲东路188号", "Z01", "none");
    row("河北省石家庄市长安区海曲东路188号", "Z01", "none");
    row("河北省石家庄市长安区阳光花园3号楼", "Z01", "none");
    row("山东省青岛市黄岛区海曲东路188号", "Z01", "none");
    row("青岛市海曲东路188号", "Z01", "none");
    row("北京市朝阳区阳光花园3号楼", "Z01", "none");
    row("江苏省连云港市海曲东路8号", "Z01", "none");
    row("五莲县解放路3号", "Z06", "exact", "Z06", "street", "解放路");
    row("日照市五莲县五莲花园1号楼", "Z06", "exact", "Z06", "compound", "五莲花园");
    row("东港区解放路3号", "Z06", "none");
    row("解放路3号", "Z06", "exact", "Z06", "street", "解放路");
    // Loose: a listed compound inside a longer compound name.
    row("阳光花园三期5号楼", "Z01", "loose", "Z01", "compound", "阳光花园");
    row("阳光花园3期", "Z01", "loose", "Z01", "compound", "阳光花园");
    row("新阳光花园1号楼", "Z01", "loose", "Z01", "compound", "阳光花园");
    row("阳光花园东区3号楼", "Z01", "loose", "Z01", "compound", "阳光花园");
    row("东港区阳光花园东区3号楼", "Z01", "loose", "Z01", "compound", "阳光花园");
    row("金海岸花园2栋", "Z01", "loose", "Z01", "compound", "金海岸小区");
    row("翠园新村3号楼", "Z02", "loose", "Z02", "compound", "翠园");
    row("岚山区阳光花园东区3号楼", "Z01", "none"); // loose, but in another district
    // ... unless an exact match explains the address (阳光花园二期 is Z04's own compound).
    row("阳光花园二期5号楼", "Z01", "none");
    row("阳光花园二期5号楼", "Z04", "exact", "Z04", "compound", "阳光花园二期");
    row("阳光花园2期5号楼", "Z04", "exact", "Z04", "compound", "阳光花园二期");
    row("海曲东路188号阳光花园二期", "Z01", "exact", "Z01", "street", "海曲东路");
    row("海曲东路188号阳光花园三期3号楼", "Z01", "exact", "Z01", "street", "海曲东路");
    // Look-alike compounds: not a match.
    row("阳光", "Z01", "none");
    row("阳光花苑3号楼", "Z01", "none");
    row("阳光花3号楼", "Z01", "none");
    row("阳光家园3号楼", "Z01", "none");
    row("光花园1号楼", "Z01", "none");
    row("万达城市花园3号楼", "Z01", "none");
    row("翠苑2栋", "Z02", "none");
    // Loose: a road of four or more characters one character off a listed road.
    row("海渠东路188号", "Z01", "loose", "Z01", "street", "海曲东路");
    row("海曲东大路188号", "Z01", "loose", "Z01", "street", "海曲东路");
    row("东港区海渠东路1号", "Z01", "loose", "Z01", "street", "海曲东路");
    row("海渠东路200号", "Z01", "none"); // near miss, but outside the range
    row("海曲路188号", "Z01", "none");   // three characters: too short to call a near miss
    row("海曲西路50号", "Z01", "none");  // a listed road in its own right (Z04) ...
    row("海曲西路50号", "Z04", "exact", "Z04", "street", "海曲西路");
    row("海曲西路150号", "Z01", "none"); // ... even outside its range
    row("北京西路36号", "Z02", "loose", "Z02", "street", "北京路");
    row("北京东路35号", "Z02", "none"); // near miss, wrong parity
    row("北凉路36号", "Z02", "none");   // three characters
    row("圣岚西路13号", "Z03", "loose", "Z03", "street", "圣岚路");
    row("海滨五路11号", "Z05", "exact", "Z05", "street", "海滨五路");
    row("海滨5路11号", "Z05", "exact", "Z05", "street", "海滨五路");
    row("海滨五路12号", "Z05", "none");
    row("海滨六路11号", "Z05", "loose", "Z05", "street", "海滨五路");
    row("烟台路10号", "Z05", "exact", "Z05", "street", "烟台路");
    row("烟台路20号", "Z05", "exact", "Z05", "street", "烟台路");
    row("烟台路9号", "Z05", "none");
    row("烟台路21号", "Z05", "none");
    // Several zones for one school; nothing at all.
    row("阳光花园", "Z01,Z02", "exact", "Z01", "compound", "阳光花园");
    row("翠园", "Z01,Z02", "exact", "Z02", "compound", "翠园");
    row("", "Z01", "none");
    row("东港区", "Z01", "none");
    row("某某路5号", "Z01", "none");
}

void TestPolicyZoneMatch::match()
{
    QFETCH(QString, address);
    QFETCH(QString, zones);
    QFETCH(QString, kind);
    QFETCH(QString, zone);
    QFETCH(QString, via);
    QFETCH(QString, listed);
    QList<int> set;
    for (const QString& id : zones.split(u',')) {
        QVERIFY(m_matcher.indexOf(id) >= 0);
        set.append(m_matcher.indexOf(id));
    }
    const ZoneMatch m = m_matcher.match(AddressNormalizer::normalize(address), set);
    const QString gotKind = m.kind == MatchKind::Exact   ? QStringLiteral("exact")
                            : m.kind == MatchKind::Loose ? QStringLiteral("loose")
                                                         : QStringLiteral("none");
    QCOMPARE(gotKind, kind);
    if (kind == QLatin1String("none"))
        return;
    QCOMPARE(m.zoneId, zone);
    QCOMPARE(m.viaCompound ? QStringLiteral("compound") : QStringLiteral("street"), via);
    QCOMPARE(m.viaCompound ? m.listedCompound : m.listedRoad, listed);
    QVERIFY(!m_matcher.describe(m).isEmpty());
}

void TestPolicyZoneMatch::reasons()
{
    const QList<int> z02{m_matcher.indexOf(QStringLiteral("Z02"))};
    const QList<int> z01{m_matcher.indexOf(QStringLiteral("Z01"))};
    // Which compound, which road and range and parity, and whether loosely.
    const QString compound = m_matcher.describe(m_matcher.match(AddressNormalizer::normalize(u"阳光花园3号楼"), z01));
    QVERIFY2(compound.contains(QStringLiteral("阳光花园")) && compound.contains(QStringLiteral("Z01")),
             qPrintable(compound));
    QVERIFY(!compound.contains(QStringLiteral("loose")));
    const QString street = m_matcher.describe(m_matcher.match(AddressNormalizer::normalize(u"北京路36号"), z02));
    QVERIFY2(street.contains(QStringLiteral("北京路")) && street.contains(QStringLiteral("36")) &&
                 street.contains(QStringLiteral("2 to 100")) && street.contains(QStringLiteral("even")),
             qPrintable(street));
    const QString loose = m_matcher.describe(m_matcher.match(AddressNormalizer::normalize(u"阳光花园三期"), z01));
    QVERIFY2(loose.contains(QStringLiteral("loose")) && loose.contains(QStringLiteral("阳光花园3期")),
             qPrintable(loose));
    const QString looseRoad = m_matcher.describe(m_matcher.match(AddressNormalizer::normalize(u"海渠东路18号"), z01));
    QVERIFY2(looseRoad.contains(QStringLiteral("海渠东路")) && looseRoad.contains(QStringLiteral("海曲东路")),
             qPrintable(looseRoad));
    // Why not: the parity, another district, another province.
    const QString odd = m_matcher.explainMiss(AddressNormalizer::normalize(u"北京路35号"), z02);
    QVERIFY2(odd.contains(QStringLiteral("35")) && odd.contains(QStringLiteral("even")), qPrintable(odd));
    const QString district = m_matcher.explainMiss(AddressNormalizer::normalize(u"岚山区海曲东路18号"), z01);
    QVERIFY2(district.contains(QStringLiteral("岚山区")), qPrintable(district));
    const QString province =
        m_matcher.explainMiss(AddressNormalizer::normalize(u"河北省石家庄市长安区建设北大街5号"), z01);
    QVERIFY2(province.contains(QStringLiteral("河北省")) || province.contains(QStringLiteral("石家庄市")),
             qPrintable(province));
}

void TestPolicyZoneMatch::looseIsOnlyANearMiss()
{
    // matchAll returns loose hits only when nothing matches exactly anywhere.
    const QList<ZoneMatch> exact = m_matcher.matchAll(AddressNormalizer::normalize(u"阳光花园二期"));
    QCOMPARE(exact.size(), 1);
    QCOMPARE(exact.constFirst().zoneId, QStringLiteral("Z04"));
    QCOMPARE(exact.constFirst().kind, MatchKind::Exact);
    const QList<ZoneMatch> loose = m_matcher.matchAll(AddressNormalizer::normalize(u"阳光花园三期"));
    QCOMPARE(loose.size(), 1);
    QCOMPARE(loose.constFirst().kind, MatchKind::Loose);
}

QTEST_GUILESS_MAIN(TestPolicyZoneMatch)
#include "tst_policy_zonematch.moc"
