#include "domain/JsonCodec.h"

#include <QJsonDocument>
#include <QTest>

using namespace adm;

namespace {
QJsonObject parse(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}
} // namespace

class TestJsonCodec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void applicationRoundTripKeepsUnknownFields();
    void agencyRecordKeepsUnknownDataset();
    void zoneRoundTrip();
    void errorsNameTheField_data();
    void errorsNameTheField();
    void changeDelete();
    void times();
    void topLevelValue_data();
    void topLevelValue();
    void arrayElements_data();
    void arrayElements();
};

void TestJsonCodec::applicationRoundTripKeepsUnknownFields()
{
    const QJsonObject in = parse(R"({"id":"A1","admission_year":2026,"grade":"primary1","channel":"online",
        "submitted_at":"2026-06-01T02:00:00Z","child":{"name":"王小明","id_number":"371102201911051073","nickname":"明明"},
        "guardians":[{"name":"王强","id_number":"37110219880315103X","relation":"father","phone":"138","wechat":"w"}],
        "target_school_id":"S1","claimed_category":"A","claimed_address":"海曲东路188号","status":"submitted",
        "decision":{"outcome":"approve","category":"A","reason_code":null,"note":null,"decided_by":"x",
                    "decided_at":"2026-06-03T00:00:00Z","batch_id":null,"signed":false,"channel_hint":"desk"},
        "version":3,"future_field":{"a":[1,2]}})");
    auto app = json::readApplication(in);
    QVERIFY2(app.ok(), qPrintable(app.error().message));
    QCOMPARE(app->child.name, QStringLiteral("王小明"));
    QCOMPARE(app->guardians.size(), 1);
    QCOMPARE(app->decision->outcome, QStringLiteral("approve"));
    QCOMPARE(app->version, 3);
    const QJsonObject out = json::write(*app);
    QCOMPARE(out, in);
}

void TestJsonCodec::agencyRecordKeepsUnknownDataset()
{
    const QJsonObject in = parse(R"({"id":"R-X-1","agency":"tax","dataset":"tax_payment","source_ref":"T1",
        "subject_id_numbers":["37110219880315103X"],"fetched_at":"2026-06-02T01:00:00Z",
        "fields":{"amount":12,"months":["2026-01"]},"extra":true})");
    auto rec = json::readAgencyRecord(in);
    QVERIFY(rec.ok());
    QCOMPARE(rec->dataset, QStringLiteral("tax_payment"));
    QCOMPARE(json::write(*rec), in);
}

void TestJsonCodec::zoneRoundTrip()
{
    const QJsonObject in = parse(R"({"id":"Z1","name":"n","district_code":"371102","school_ids":["S1","S2"],
        "streets":[{"road":"北京路","from":2,"to":100,"parity":"even","note":"x"}],"compounds":["翠园"]})");
    auto z = json::readZone(in);
    QVERIFY(z.ok());
    QCOMPARE(z->streets.size(), 1);
    QCOMPARE(z->streets[0].parity, QStringLiteral("even"));
    QCOMPARE(json::write(*z), in);
}

void TestJsonCodec::errorsNameTheField_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("missing child") << R"({"id":"A","admission_year":2026,"grade":"primary1","channel":"online",
        "target_school_id":"S"})"
                                   << "application.child";
    QTest::newRow("wrong type") << R"({"id":"A","admission_year":"2026","grade":"primary1","channel":"online",
        "child":{"name":"a","id_number":"b"},"target_school_id":"S"})"
                                << "application.admission_year";
    QTest::newRow("bad enum") << R"({"id":"A","admission_year":2026,"grade":"grade9","channel":"online",
        "child":{"name":"a","id_number":"b"},"target_school_id":"S"})"
                              << "application.grade";
    QTest::newRow("guardian relation") << R"({"id":"A","admission_year":2026,"grade":"primary1","channel":"online",
        "child":{"name":"a","id_number":"b"},"target_school_id":"S",
        "guardians":[{"name":"g","id_number":"i","relation":"uncle"}]})"
                                       << "application.guardians[0].relation";
}

void TestJsonCodec::errorsNameTheField()
{
    QFETCH(QString, json);
    QFETCH(QString, field);
    auto app = json::readApplication(QJsonDocument::fromJson(json.toUtf8()).object());
    QVERIFY(!app.ok());
    QVERIFY2(app.error().message.startsWith(field + u':'), qPrintable(app.error().message));
}

void TestJsonCodec::changeDelete()
{
    auto c = json::readChange(parse(R"({"seq":5,"entity":"application","op":"delete","id":"A1","version":4})"));
    QVERIFY(c.ok());
    QVERIFY(c->isDelete());
    QCOMPARE(c->version, 4);
    QVERIFY(!json::readChange(parse(R"({"seq":5,"entity":"application","op":"upsert","id":"A1"})")).ok());
}

void TestJsonCodec::times()
{
    QCOMPARE(json::formatTime(json::parseTime(QStringLiteral("2026-06-01T16:30:00+08:00"))),
             QStringLiteral("2026-06-01T08:30:00Z"));
    QVERIFY(!json::parseTime(QStringLiteral("2026-06-01 08:30")).isValid());
    QVERIFY(!json::parseDate(QStringLiteral("2026-02-30")).isValid());
}

void TestJsonCodec::topLevelValue_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("first key") << QByteArray(R"({"data":{"a":1},"id":"x"})") << QByteArray(R"({"a":1})");
    QTest::newRow("last key, spaces") << QByteArray(R"( { "id" : "x" , "data" : { "b" : [1, {"c": "}"}] } } )")
                                      << QByteArray(R"({ "b" : [1, {"c": "}"}] })");
    QTest::newRow("key inside a string is not a key")
        << QByteArray(R"({"note":"\"data\":1","data":{"z":"\\"}})") << QByteArray(R"({"z":"\\"})");
    QTest::newRow("nested data is not top level")
        << QByteArray(R"({"x":{"data":{"n":1}},"data":[2]})") << QByteArray("[2]");
    QTest::newRow("number value") << QByteArray(R"({"seq":5,"data":7})") << QByteArray("7");
    QTest::newRow("absent") << QByteArray(R"({"seq":5,"id":"A"})") << QByteArray();
    QTest::newRow("not an object") << QByteArray(R"(["data",{}])") << QByteArray();
    QTest::newRow("truncated") << QByteArray(R"({"seq":5,"data":{"a":)") << QByteArray();
    QTest::newRow("chinese") << QByteArray(R"({"data":{"name":"王小明"}})") << QByteArray(R"({"name":"王小明"})");
}

void TestJsonCodec::topLevelValue()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, value);
    QCOMPARE(json::topLevelValue(text, "data"), value);
}

void TestJsonCodec::arrayElements_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<QByteArray>>("elements");
    QTest::newRow("empty") << QByteArray(" [ ] ") << QList<QByteArray>{};
    QTest::newRow("values of every kind")
        << QByteArray(R"([1, "a,]\"" ,{"x":[1,2],"s":"}"} ,[3,[4]],true,null])")
        << QList<QByteArray>{"1", R"("a,]\"")", R"({"x":[1,2],"s":"}"})", "[3,[4]]", "true", "null"};
    QTest::newRow("changes of a page") << QByteArray(R"([{"seq":1,"data":{"n":"王"}},{"seq":2,"op":"delete"}])")
                                       << QList<QByteArray>{R"({"seq":1,"data":{"n":"王"}})",
                                                            R"({"seq":2,"op":"delete"})"};
    QTest::newRow("truncated") << QByteArray(R"([{"seq":1},{"seq":)") << QList<QByteArray>{};
    QTest::newRow("unterminated") << QByteArray("[1,2") << QList<QByteArray>{};
    QTest::newRow("missing comma") << QByteArray("[1 2]") << QList<QByteArray>{};
    QTest::newRow("not an array") << QByteArray(R"({"a":[1]})") << QList<QByteArray>{};
}

void TestJsonCodec::arrayElements()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<QByteArray>, elements);
    QCOMPARE(json::arrayElements(text), elements);
}

QTEST_GUILESS_MAIN(TestJsonCodec)
#include "tst_jsoncodec.moc"
