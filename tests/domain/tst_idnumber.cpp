#include "domain/IdNumber.h"

#include <QTest>

using adm::IdNumber;

class TestIdNumber : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void sexAndBirth();
    void checkCharacterMap();
    void masked();
};

void TestIdNumber::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("problem");

    const int none = int(IdNumber::Problem::None);
    QTest::newRow("valid, digit check") << "371102201911051073" << none;
    QTest::newRow("valid, X check") << "37110219880315103X" << none;
    QTest::newRow("lower-case x read as X") << "37110219880315103x" << none;
    QTest::newRow("wrong check character") << "371102201911051074" << int(IdNumber::Problem::WrongCheckCharacter);
    QTest::newRow("X where a digit belongs") << "37110220191105107X" << int(IdNumber::Problem::WrongCheckCharacter);
    QTest::newRow("impossible date 2019-02-30") << "371102201902300000" << int(IdNumber::Problem::ImpossibleDate);
    QTest::newRow("impossible month 13") << "371102201913010000" << int(IdNumber::Problem::ImpossibleDate);
    QTest::newRow("too short") << "37110220191105107" << int(IdNumber::Problem::WrongLength);
    QTest::newRow("too long") << "3711022019110510733" << int(IdNumber::Problem::WrongLength);
    QTest::newRow("empty") << "" << int(IdNumber::Problem::WrongLength);
    QTest::newRow("15-digit old format") << "371102191105107" << int(IdNumber::Problem::WrongLength);
    QTest::newRow("letter inside") << "3711022019110510A3" << int(IdNumber::Problem::NonDigit);
    QTest::newRow("space inside") << "37110220191105 073" << int(IdNumber::Problem::NonDigit);
}

void TestIdNumber::parse()
{
    QFETCH(QString, text);
    QFETCH(int, problem);
    const IdNumber id = IdNumber::parse(text);
    QCOMPARE(int(id.problem()), problem);
    QCOMPARE(id.isValid(), problem == int(IdNumber::Problem::None));
    QVERIFY(!id.problemMessage().isEmpty());
}

void TestIdNumber::sexAndBirth()
{
    const IdNumber boy = IdNumber::parse(u"371102201911051073");
    QCOMPARE(boy.birthDate(), QDate(2019, 11, 5));
    QCOMPARE(boy.sex(), IdNumber::Sex::Male); // sequence 107: odd
    const IdNumber girl = IdNumber::parse(u"371102199006201043");
    QVERIFY(girl.isValid());
    QCOMPARE(girl.sex(), IdNumber::Sex::Female); // sequence 104: even
    QCOMPARE(IdNumber::parse(u"37110219880315103x").text(), QStringLiteral("37110219880315103X"));
}

void TestIdNumber::checkCharacterMap()
{
    // The worked example of GB 11643: 11010519491231002 -> X.
    QCOMPARE(IdNumber::checkCharacter(u"11010519491231002"), QChar(u'X'));
    QCOMPARE(IdNumber::checkCharacter(u"37110220191105107"), QChar(u'3'));
}

void TestIdNumber::masked()
{
    QCOMPARE(IdNumber::masked(u"37110219880315103X"), QStringLiteral("371102********103X"));
    QVERIFY(!IdNumber::masked(u"37110219880315103X").contains(QStringLiteral("19880315")));
}

QTEST_GUILESS_MAIN(TestIdNumber)
#include "tst_idnumber.moc"
