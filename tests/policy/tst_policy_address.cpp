#include "policy/AddressNormalizer.h"
#include "policy/ZoneMatcher.h"

#include <QTest>

using adm::policy::AddressNormalizer;
using adm::policy::NormalizedAddress;
using adm::policy::ZoneMatcher;

// Address normalisation: every tolerance of the policy, part by part.
class TestPolicyAddress : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalize_data();
    void normalize();
    void chineseNumbers_data();
    void chineseNumbers();
    void policyExamplesAreOneFlat();
    void cleanText();
    void listedNames();
    void oneEditApart_data();
    void oneEditApart();
};

void TestPolicyAddress::normalize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("district");
    QTest::addColumn<bool>("fitsDonggang"); // may lie in a zone of 371102
    QTest::addColumn<QString>("road");
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("compound");
    QTest::addColumn<QString>("building");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("room");

    auto row = [](const char* name, const char* text, const char* district, bool fits, const char* road, int number,
                  const char* compound, const char* b, const char* u, const char* r) {
        QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(district) << fits << QString::fromUtf8(road)
                            << number << QString::fromUtf8(compound) << QString::fromUtf8(b) << QString::fromUtf8(u)
                            << QString::fromUtf8(r);
    };
    row("city+district, 号楼 单元 室", "日照市东港区海曲东路188号阳光花园3号楼2单元501室", "371102", true, "海曲东路",
        188, "阳光花园", "3", "2", "501");
    row("full-width digits, space, 小区, dashes", "东港区海曲东路１８８号 阳光花园小区3-2-501", "371102", true,
        "海曲东路", 188, "阳光花园", "3", "2", "501");
    row("no prefix, Chinese numerals", "海曲东路188号阳光花园三号楼二单元五零一", "", true, "海曲东路", 188, "阳光花园",
        "3", "2", "501");
    row("province+city+district", "山东省日照市东港区海曲东路188号阳光花园3号楼2单元501室", "371102", true, "海曲东路",
        188, "阳光花园", "3", "2", "501");
    row("country prefix", "中国山东省日照市东港区海曲东路188号", "371102", true, "海曲东路", 188, "", "", "", "");
    row("city without 市", "日照东港区海曲东路188号阳光花园3幢2单元501", "371102", true, "海曲东路", 188, "阳光花园",
        "3", "2", "501");
    row("spaces everywhere", "东港区 海曲东路 188 号 阳光花园 3 栋 2 单元 501 室", "371102", true, "海曲东路", 188,
        "阳光花园", "3", "2", "501");
    row("positional house number", "海曲东路一百八十八号阳光花园3#楼2单元501", "", true, "海曲东路", 188, "阳光花园",
        "3", "2", "501");
    row("# as building", "海曲东路188号阳光花园3#2单元501", "", true, "海曲东路", 188, "阳光花园", "3", "2", "501");
    row("punctuation and brackets", "海曲东路188号，阳光花园（小区）3号楼-2单元-501室", "", true, "海曲东路", 188,
        "阳光花园", "3", "2", "501");
    row("compound only, 栋", "金海岸小区5栋1单元302", "", true, "", -1, "金海岸", "5", "1", "302");
    row("district, road and compound", "东港区北京路8号翠园2栋1单元201", "371102", true, "北京路", 8, "翠园", "2", "1",
        "201");
    row("another province", "河北省石家庄市长安区建设北大街5号", "", false, "建设北大街", 5, "", "", "", "");
    row("another district of the city", "日照市岚山区圣岚路12号", "371103", false, "圣岚路", 12, "", "", "", "");
    row("county 五莲县", "五莲县解放路3号", "371121", false, "解放路", 3, "", "", "", "");
    row("county 莒县", "莒县城阳路5号", "371122", false, "城阳路", 5, "", "", "", "");
    row("city and county 莒县", "日照市莒县城阳路5号", "371122", false, "城阳路", 5, "", "", "", "");
    row("road named after a city", "北京路36号", "", true, "北京路", 36, "", "", "", "");
    row("municipality and district", "北京市朝阳区建国路88号", "", false, "建国路", 88, "", "", "", "");
    row("province known, city not", "江苏省连云港市赣榆区青口镇黄海路1号", "", false, "黄海路", 1, "", "", "", "");
    row("our province, other city", "山东省青岛市黄岛区长江路1号", "", false, "长江路", 1, "", "", "", "");
    row("city only", "日照市海曲东路188号", "", true, "海曲东路", 188, "", "", "", "");
    row("城市 inside a compound name", "万达城市花园3号楼1单元101", "", true, "", -1, "万达城市花园", "3", "1", "101");
    row("phase in Chinese numerals", "阳光花园二期5号楼1单元101", "", true, "", -1, "阳光花园2期", "5", "1", "101");
    row("phase in digits", "阳光花园2期5号楼", "", true, "", -1, "阳光花园2期", "5", "", "");
    row("house sub-number", "海曲东路188-1号阳光花园", "", true, "海曲东路", 188, "阳光花园", "", "", "");
    row("house number without 号", "海曲东路188阳光花园3-2-501", "", true, "海曲东路", 188, "阳光花园", "3", "2",
        "501");
    row("sub-district 街道", "东港区石臼街道海曲东路188号", "371102", true, "海曲东路", 188, "", "", "", "");
    row("development zone", "日照经济技术开发区北京路20号", "", true, "北京路", 20, "", "", "", "");
    row("road without number", "海曲东路阳光花园3号楼2单元501", "", true, "海曲东路", -1, "阳光花园", "3", "2", "501");
    row("letter building", "阳光花园A座1201", "", true, "", -1, "阳光花园", "A", "", "1201");
    row("full-width letter", "阳光花园Ａ座１２０１", "", true, "", -1, "阳光花园", "A", "", "1201");
    row("lower-case letter", "阳光花园a座1201", "", true, "", -1, "阳光花园", "A", "", "1201");
    row("号 as building", "东港区海曲东路188号阳光花园3号2单元501", "371102", true, "海曲东路", 188, "阳光花园", "3",
        "2", "501");
    row("第 before the building", "海曲东路188号阳光花园第3栋2单元501室", "", true, "海曲东路", 188, "阳光花园", "3",
        "2", "501");
    row("numeral in a road name", "海滨五路12号", "", true, "海滨5路", 12, "", "", "", "");
    row("numerals in road and number", "黄海一路一百二十八号", "", true, "黄海1路", 128, "", "", "", "");
    row("community before compound", "东港区海曲社区阳光花园3号楼", "371102", true, "", -1, "阳光花园", "3", "", "");
    row("unit without building", "海曲东路188号阳光花园3单元501", "", true, "海曲东路", 188, "阳光花园", "", "3",
        "501");
    row("building-room", "阳光花园3-501", "", true, "", -1, "阳光花园", "3", "", "501");
    row("em dashes", "阳光花园3—2—501", "", true, "", -1, "阳光花园", "3", "2", "501");
    row("leading zero room", "阳光花园3号楼2单元0501", "", true, "", -1, "阳光花园", "3", "2", "501");
    row("栋 with numerals", "金海岸小区五栋一单元三零二", "", true, "", -1, "金海岸", "5", "1", "302");
    row("ten-something building", "阳光花园十二号楼", "", true, "", -1, "阳光花园", "12", "", "");
    row("empty", "", "", true, "", -1, "", "", "", "");
}

void TestPolicyAddress::normalize()
{
    QFETCH(QString, text);
    QFETCH(QString, district);
    QFETCH(bool, fitsDonggang);
    QFETCH(QString, road);
    QFETCH(int, number);
    QFETCH(QString, compound);
    QFETCH(QString, building);
    QFETCH(QString, unit);
    QFETCH(QString, room);
    const NormalizedAddress a = AddressNormalizer::normalize(text);
    QCOMPARE(a.districtCode, district);
    QCOMPARE(ZoneMatcher::placeFits(a, QStringLiteral("371102")), fitsDonggang);
    QCOMPARE(a.road, road);
    QCOMPARE(a.houseNumber, number);
    QCOMPARE(a.compound, compound);
    QCOMPARE(a.building, building);
    QCOMPARE(a.unit, unit);
    QCOMPARE(a.room, room);
}

void TestPolicyAddress::chineseNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("value");
    QTest::newRow("digit by digit") << "五零一" << 501;
    QTest::newRow("digit by digit with 〇") << "一〇八" << 108;
    QTest::newRow("hundreds, tens, units") << "一百二十八" << 128;
    QTest::newRow("bare ten") << "十" << 10;
    QTest::newRow("ten-something") << "十二" << 12;
    QTest::newRow("tens") << "二十" << 20;
    QTest::newRow("zero inside") << "一百零五" << 105;
    QTest::newRow("两") << "两百" << 200;
    QTest::newRow("thousand") << "一千零一" << 1001;
    QTest::newRow("ninety-nine") << "九十九" << 99;
    QTest::newRow("single") << "三" << 3;
    QTest::newRow("not a numeral") << "阳光" << -1;
    QTest::newRow("mixed") << "三号" << -1;
    QTest::newRow("empty") << "" << -1;
}

void TestPolicyAddress::chineseNumbers()
{
    QFETCH(QString, text);
    QFETCH(int, value);
    QCOMPARE(AddressNormalizer::chineseNumber(text), value);
}

void TestPolicyAddress::policyExamplesAreOneFlat()
{
    // The three spellings the policy gives for one flat normalise to the same parts.
    const QStringList spellings = {QStringLiteral("日照市东港区海曲东路188号阳光花园3号楼2单元501室"),
                                   QStringLiteral("东港区海曲东路１８８号 阳光花园小区3-2-501"),
                                   QStringLiteral("海曲东路188号阳光花园三号楼二单元五零一")};
    QStringList forms;
    for (const QString& s : spellings) {
        NormalizedAddress a = AddressNormalizer::normalize(s);
        a.districtCode.clear(); // the third names no district
        forms.append(a.canonical());
    }
    QCOMPARE(forms.at(0), QStringLiteral("|海曲东路|188|阳光花园|3|2|501"));
    QCOMPARE(forms.at(1), forms.at(0));
    QCOMPARE(forms.at(2), forms.at(0));
}

void TestPolicyAddress::cleanText()
{
    QCOMPARE(AddressNormalizer::cleanText(u"东港区 海曲东路１８８号，（阳光花园）"),
             QStringLiteral("东港区海曲东路188号阳光花园"));
    QCOMPARE(AddressNormalizer::cleanText(u"３－２－５０１"), QStringLiteral("3-2-501"));
    // Numerals that are part of a name stay as they are.
    QCOMPARE(AddressNormalizer::cleanText(u"五莲县九仙山路"), QStringLiteral("五莲县九仙山路"));
    QCOMPARE(AddressNormalizer::cleanText(u"三号楼二单元五零一"), QStringLiteral("3号楼2单元501"));
}

void TestPolicyAddress::listedNames()
{
    QCOMPARE(AddressNormalizer::compoundKey(u"金海岸小区"), QStringLiteral("金海岸"));
    QCOMPARE(AddressNormalizer::compoundKey(u"阳光花园"), QStringLiteral("阳光花园"));
    QCOMPARE(AddressNormalizer::compoundKey(u"阳光花园 二期"), QStringLiteral("阳光花园2期"));
    QCOMPARE(AddressNormalizer::roadKey(u"海曲东路"), QStringLiteral("海曲东路"));
}

void TestPolicyAddress::oneEditApart_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("one");
    QTest::newRow("replaced") << "海曲东路"
                              << "海曲西路" << true;
    QTest::newRow("left out") << "海曲东路"
                              << "海曲路" << true;
    QTest::newRow("added") << "海曲路"
                           << "海曲东路" << true;
    QTest::newRow("same") << "海曲东路"
                          << "海曲东路" << false;
    QTest::newRow("two replaced") << "海曲东路"
                                  << "海滨西路" << false;
    QTest::newRow("swapped") << "海曲东路"
                             << "曲海东路" << false;
    QTest::newRow("two added") << "海曲路"
                               << "海曲东大路" << false;
}

void TestPolicyAddress::oneEditApart()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, one);
    QCOMPARE(ZoneMatcher::oneEditApart(a, b), one);
}

QTEST_GUILESS_MAIN(TestPolicyAddress)
#include "tst_policy_address.moc"
