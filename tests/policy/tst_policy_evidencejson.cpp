#include "citygen/CityGenerator.h"
#include "domain/JsonCodec.h"
#include "policy/EvidenceJson.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>
#include <climits>

using namespace adm;
using namespace adm::policy;

// Which path must decide a text: the fast reader, or the slow one after the fast reader gave up.
enum class Path { Fast, Slow };
Q_DECLARE_METATYPE(Path)

namespace {

// One record of each dataset, as the upstream writes them (keys sorted, compact).
const char* const kResident =
    R"J({"agency":"public_security","dataset":"resident_population","fetched_at":"2026-06-03T06:21:17Z","fields":{"address":"日照市东港区南湖镇郭家庄村7号","household_no":"371102000000001","members":[{"id_number":"371102198411088959","name":"杨俊","registered_on":"2024-11-08","relation_to_head":"户主"},{"id_number":"371102201312081115","name":"杨家豪","registered_on":"2024-11-08","relation_to_head":"子"}]},"id":"R-PS-00000001","source_ref":"371102000000001","subject_id_numbers":["371102198411088959","371102201312081115"]})J";
const char* const kRental =
    R"J({"agency":"housing","dataset":"rental_filing","fetched_at":"2026-06-03T06:19:57Z","fields":{"address":"五莲县旭日中路128号,悦澜名邸20幢2单元303室","end_on":"2027-10-08","filing_no":"ZL202400000002","start_on":"2024-10-09","status":"valid","tenant_id_numbers":["371102198304294183"]},"id":"R-RF-00000002","source_ref":"ZL202400000002","subject_id_numbers":["371102198304294183"]})J";
const char* const kInsurance =
    R"J({"agency":"hrss","dataset":"social_insurance","fetched_at":"2026-06-03T06:28:47Z","fields":{"city_code":"371100","employer_name":"日照市五莲县蓝天餐饮管理有限公司","id_number":"371102198304294183","periods":[{"from":"2019-06","to":"2026-06"}]},"id":"R-SI-00000003","source_ref":"SI0000000003","subject_id_numbers":["371102198304294183"]})J";
const char* const kRealEstate =
    R"J({"agency":"natural_resources","dataset":"real_estate_registration","fetched_at":"2026-06-13T15:45:51Z","fields":{"address":"日照市海景北路146号秋水世家10-2-1002","cancelled_on":null,"certificate_no":"鲁(2012)五莲县不动产权第0000007号","owners":[{"id_number":"37110219900422441X","share":0.5},{"id_number":"371102198909106667","share":0.5}],"registered_on":"2012-08-17","status":"mortgaged","usage":"residential"},"id":"R-RE-00000007","source_ref":"鲁(2012)五莲县不动产权第0000007号","subject_id_numbers":["37110219900422441X","371102198909106667"]})J";
const char* const kMarriage =
    R"J({"agency":"civil_affairs","dataset":"marriage_registration","fetched_at":"2026-06-13T15:57:02Z","fields":{"certificate_no":"J371121-2016-0000011","registered_on":"2016-09-03","spouse_id_numbers":["37110219900422441X","371102198909106667"],"status":"married"},"id":"R-MR-00000011","source_ref":"J371121-2016-0000011","subject_id_numbers":["37110219900422441X","371102198909106667"]})J";
const char* const kPermit =
    R"J({"agency":"public_security","dataset":"residence_permit","fetched_at":"2026-06-03T06:15:52Z","fields":{"address":"幸福大街206号悦澜苑11号楼3单元703","expires_on":"2028-05-06","holder_id_number":"371702198610118009","issued_on":"2021-02-21","permit_no":"JZ37110200000013"},"id":"R-RP-00000013","source_ref":"JZ37110200000013","subject_id_numbers":["371702198610118009"]})J";
const char* const kSale =
    R"J({"agency":"housing","dataset":"sale_contract","fetched_at":"2026-06-21T00:48:56Z","fields":{"address":"岚山区金海公寓9号楼2单元201","buyer_id_numbers":["371103198904117259","371103198712205625"],"contract_no":"WQ202500000028","signed_on":"2025-07-13","status":"filed"},"id":"R-SC-00000028","source_ref":"WQ202500000028","subject_id_numbers":["371103198904117259","371103198712205625"]})J";
const char* const kBusiness =
    R"J({"agency":"market_regulation","dataset":"individual_business","fetched_at":"2026-06-08T03:52:13Z","fields":{"address":"日照市东港区沧海大道99号","operator_id_number":"130102198609278920","registered_on":"2014-01-20","registration_no":"92371102MA002J3YAX","status":"active","trade_name":"东港区永盛干洗店"},"id":"R-IB-00000074","source_ref":"92371102MA002J3YAX","subject_id_numbers":["130102198609278920"]})J";
const char* const kEnterprise =
    R"J({"agency":"market_regulation","dataset":"enterprise_legal_person","fetched_at":"2026-06-20T03:24:55Z","fields":{"address":"日照市东港区春晖路338号","credit_code":"91371102MA7T9L41DU","legal_rep_id_number":"371102198004276709","name":"日照恒信家居有限公司","registered_on":"2018-07-09","status":"active"},"id":"R-EL-00215939","source_ref":"91371102MA7T9L41DU","subject_id_numbers":["371102198004276709"]})J";

const char* const kCanonical[] = {kResident, kRental, kInsurance, kRealEstate, kMarriage,
                                  kPermit,   kSale,   kBusiness,  kEnterprise};

// `base` with `from` replaced by `to` (every occurrence). A row whose edit does not apply would
// test nothing, so that stops the test.
QByteArray edit(const QByteArray& base, const QByteArray& from, const QByteArray& to)
{
    QByteArray text = base;
    if (!text.contains(from))
        qFatal("test data: \"%s\" is not in the record", from.constData());
    return text.replace(from, to);
}

// The text with insignificant whitespace (all four kinds) around every token.
QByteArray spaced(const QByteArray& text)
{
    static const QByteArray ws = " \r\n\t ";
    QByteArray out = ws;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inString) {
            out += c;
            if (c == '\\')
                out += text.at(++i);
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out += c;
        } else if (QByteArrayView("{}[]:,").contains(c)) {
            out += ws + c + ws;
        } else {
            out += c;
        }
    }
    return out + ws;
}

// A value written with every object's keys in reverse order (so `fields` comes before `dataset`).
QByteArray reversed(const QJsonValue& v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        const QStringList keys = o.keys();
        QByteArray out = "{";
        for (qsizetype i = keys.size() - 1; i >= 0; --i) {
            out += reversed(QJsonValue(keys.at(i))) + ':' + reversed(o.value(keys.at(i)));
            if (i > 0)
                out += ',';
        }
        return out + '}';
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        QByteArray out = "[";
        for (qsizetype i = 0; i < a.size(); ++i)
            out += (i ? "," : "") + reversed(a.at(i));
        return out + ']';
    }
    const QByteArray one = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return one.mid(1, one.size() - 2);
}

QByteArray reversed(const QByteArray& text)
{
    return reversed(QJsonValue(QJsonDocument::fromJson(text).object()));
}

QString describe(const QString& s)
{
    return s.isNull() ? QStringLiteral("(null)") : u'"' + s + u'"';
}

// The first member in which two results differ, or an empty string when they are the same.
// QStrings must match in null-ness as well as in text.
QString difference(const std::optional<EvidenceRecord>& a, const std::optional<EvidenceRecord>& b)
{
    if (a.has_value() != b.has_value())
        return QStringLiteral("has_value: %1 vs %2").arg(a.has_value()).arg(b.has_value());
    if (!a)
        return {};
    auto str = [](const char* name, const QString& x, const QString& y) {
        if (x == y && x.isNull() == y.isNull())
            return QString();
        return QStringLiteral("%1: %2 vs %3").arg(QLatin1StringView(name), describe(x), describe(y));
    };
    auto list = [](const char* name, const QStringList& x, const QStringList& y) {
        if (x == y)
            return QString();
        return QStringLiteral("%1: [%2] vs [%3]")
            .arg(QLatin1StringView(name), x.join(QLatin1Char(',')), y.join(QLatin1Char(',')));
    };
    auto date = [](const char* name, const QDate& x, const QDate& y) {
        if (x == y && x.isValid() == y.isValid())
            return QString();
        return QStringLiteral("%1: %2 vs %3")
            .arg(QLatin1StringView(name), x.toString(Qt::ISODate), y.toString(Qt::ISODate));
    };
    const EvidenceRecord& x = *a;
    const EvidenceRecord& y = *b;
    QStringList d;
    d << str("id", x.id, y.id) << str("agency", x.agency, y.agency) << str("datasetName", x.datasetName, y.datasetName);
    if (x.dataset != y.dataset)
        d << QStringLiteral("dataset: %1 vs %2").arg(int(x.dataset)).arg(int(y.dataset));
    if (x.fetchedAt != y.fetchedAt || x.fetchedAt.isValid() != y.fetchedAt.isValid() ||
        x.fetchedAt.timeSpec() != y.fetchedAt.timeSpec() || x.fetchedAt.offsetFromUtc() != y.fetchedAt.offsetFromUtc())
        d << QStringLiteral("fetchedAt: %1 (spec %2) vs %3 (spec %4)")
                 .arg(x.fetchedAt.toString(Qt::ISODateWithMs))
                 .arg(int(x.fetchedAt.timeSpec()))
                 .arg(y.fetchedAt.toString(Qt::ISODateWithMs))
                 .arg(int(y.fetchedAt.timeSpec()));
    d << str("number", x.number, y.number) << str("title", x.title, y.title) << str("address", x.address, y.address);
    if (x.place || y.place)
        d << QStringLiteral("place: not null");
    d << str("status", x.status, y.status) << str("usage", x.usage, y.usage) << str("cityCode", x.cityCode, y.cityCode);
    d << date("date", x.date, y.date) << date("endDate", x.endDate, y.endDate);
    if (x.endDateGiven != y.endDateGiven)
        d << QStringLiteral("endDateGiven: %1 vs %2").arg(x.endDateGiven).arg(y.endDateGiven);
    d << list("persons", x.persons, y.persons);
    if (x.members.size() != y.members.size()) {
        d << QStringLiteral("members: %1 vs %2").arg(x.members.size()).arg(y.members.size());
    } else {
        for (qsizetype i = 0; i < x.members.size(); ++i) {
            d << str("members.idNumber", x.members[i].idNumber, y.members[i].idNumber);
            d << date("members.registeredOn", x.members[i].registeredOn, y.members[i].registeredOn);
        }
    }
    if (x.periods.size() != y.periods.size()) {
        d << QStringLiteral("periods: %1 vs %2").arg(x.periods.size()).arg(y.periods.size());
    } else {
        for (qsizetype i = 0; i < x.periods.size(); ++i)
            if (x.periods[i].from != y.periods[i].from || x.periods[i].to != y.periods[i].to)
                d << QStringLiteral("periods[%1]: %2-%3 vs %4-%5")
                         .arg(i)
                         .arg(x.periods[i].from)
                         .arg(x.periods[i].to)
                         .arg(y.periods[i].from)
                         .arg(y.periods[i].to);
    }
    d << list("subjects", x.subjects, y.subjects);
    d.removeAll(QString());
    return d.join(QStringLiteral("; "));
}

// The fast path's answer as readEvidenceRecord would give it.
std::optional<EvidenceRecord> fastAnswer(const QByteArray& text)
{
    std::optional<EvidenceRecord> r = EvidenceJson::fastRead(text);
    if (r && r->id.isEmpty())
        return std::nullopt;
    return r;
}

// The data of every agency record of a generated city, as the change feed carries it.
QList<QByteArray> cityRecords(int applications)
{
    citygen::Options options;
    options.applications = applications;
    QBuffer changes;
    changes.open(QIODevice::WriteOnly);
    if (const Status s = citygen::writeCity(options, changes); !s)
        qFatal("writeCity failed: %s", qPrintable(s.error().message));
    QList<QByteArray> records;
    const QList<QByteArray> lines = changes.data().split('\n');
    for (const QByteArray& line : lines)
        if (json::topLevelValue(line, "entity") == "\"agency_record\"")
            records.append(json::topLevelValue(line, "data"));
    return records;
}

} // namespace

class TestEvidenceJson : public QObject {
    Q_OBJECT

private slots:
    void canonical_data();
    void canonical();
    void city();
    void tricky_data();
    void tricky();
};

void TestEvidenceJson::canonical_data()
{
    QTest::addColumn<QByteArray>("text");
    for (const char* text : kCanonical) {
        const QByteArray t(text);
        const QByteArray dataset =
            QJsonDocument::fromJson(t).object().value(QLatin1StringView("dataset")).toString().toLatin1();
        QTest::newRow(dataset.constData()) << t;
        QTest::newRow((dataset + " spaced").constData()) << spaced(t);
        QTest::newRow((dataset + " keys reversed").constData()) << reversed(t);
    }
}

// The records the upstream writes are read by the fast path, to the slow path's result.
void TestEvidenceJson::canonical()
{
    QFETCH(QByteArray, text);
    const std::optional<EvidenceRecord> slow = EvidenceJson::slowRead(text);
    QVERIFY(slow);
    QVERIFY(slow->dataset != Dataset::Other);
    QVERIFY(!slow->persons.isEmpty());
    const std::optional<EvidenceRecord> fast = EvidenceJson::fastRead(text);
    QVERIFY2(fast, "the fast path gave up on a canonical record");
    QCOMPARE(difference(fast, slow), QString());
    QCOMPARE(difference(readEvidenceRecord(text), slow), QString());
}

void TestEvidenceJson::city()
{
    const QList<QByteArray> records = cityRecords(2000);
    QVERIFY(records.size() > 1000);
    QMap<Dataset, int> datasets;
    int fallbacks = 0;
    int variantFallbacks = 0;
    for (const QByteArray& text : records) {
        const std::optional<EvidenceRecord> slow = EvidenceJson::slowRead(text);
        QVERIFY2(slow, text.constData());
        ++datasets[slow->dataset];
        const std::optional<EvidenceRecord> fast = EvidenceJson::fastRead(text);
        if (!fast) {
            ++fallbacks;
            qWarning("fell back: %s", text.constData());
            continue;
        }
        const QString d = difference(fast, slow);
        QVERIFY2(d.isEmpty(), qPrintable(QString::fromUtf8(text) + u'\n' + d));
        // The same record with its keys in another order and whitespace everywhere.
        const QByteArray variant = spaced(reversed(text));
        const std::optional<EvidenceRecord> fastVariant = EvidenceJson::fastRead(variant);
        if (!fastVariant) {
            ++variantFallbacks;
            continue;
        }
        QVERIFY2(difference(fastVariant, slow).isEmpty(), variant.constData());
    }
    qInfo("%lld agency records of a 2,000-application city; %d fell back, %d reordered ones fell back",
          qint64(records.size()), fallbacks, variantFallbacks);
    QCOMPARE(fallbacks, 0);
    QCOMPARE(variantFallbacks, 0);
    QCOMPARE(datasets.value(Dataset::Other), 0);
    QCOMPARE(datasets.size(), 9);
}

void TestEvidenceJson::tricky_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Path>("path");
    const Path fast = Path::Fast;
    const Path slow = Path::Slow;
    auto row = [](const char* name, const QByteArray& text, Path path) { QTest::newRow(name) << text << path; };

    // Escapes
    row("escapes in address", edit(kRealEstate, "日照市海景北路146号", R"(\"q\" \\ \/ \b\f\n\r\t \u4e2d\u0041 日照)"),
        fast);
    row("surrogate pair", edit(kPermit, "幸福大街", R"(\ud83d\ude00幸福\uD83D\uDE00大街)"), fast);
    row("escaped NUL", edit(kPermit, "幸福大街", R"(幸福\u0000大街)"), fast);
    row("lone high surrogate", edit(kPermit, "幸福大街", R"(\ud83d幸福大街)"), slow);
    row("lone low surrogate", edit(kPermit, "幸福大街", R"(\ude00幸福大街)"), slow);
    row("high surrogate then a letter", edit(kPermit, "幸福大街", R"(\ud83d\u0041)"), slow);
    row("unknown escape", edit(kPermit, "幸福大街", R"(\q幸福大街)"), slow);
    row("short \\u escape", edit(kPermit, "幸福大街", R"(\u4eZ幸福)"), slow);
    row("raw control character", edit(kPermit, "幸福大街", "\x01"), slow);
    row("raw tab in a string", edit(kPermit, "幸福大街", "\t"), slow);
    row("escaped id", edit(kPermit, R"("id":"R-RP-00000013")", R"("id":"R\u002dRP-\u0030013")"), fast);
    row("escaped dataset name", edit(kPermit, R"("residence_permit")", R"("residence\u005fpermit")"), fast);
    row("escaped agency", edit(kPermit, R"("public_security")", R"("public\u005fsecurity")"), fast);
    row("escaped status", edit(kBusiness, R"("active")", R"("\u0061ctive")"), fast);
    row("escaped ID number",
        edit(kPermit, R"("holder_id_number":"371702198610118009")",
             R"("holder_id_number":"\u0033717021986101180\t09")"),
        fast);
    row("escaped subject", edit(kPermit, R"(["371702198610118009"])", R"(["37170219861011800\u0039"])"), fast);
    row("escaped date", edit(kPermit, R"("2021-02-21")", R"("2021\u002d02-21")"), fast);
    row("escaped month", edit(kInsurance, R"("2019-06")", R"("2019\u002d06")"), slow);
    row("escaped key", edit(kPermit, R"("id":)", R"("\u0069d":)"), slow);
    row("escaped key inside fields", edit(kPermit, R"("permit_no")", R"("permit\u005fno")"), slow);
    row("escaped key in a skipped object",
        edit(kPermit, R"("source_ref":)", R"("x":{"\u0061":[{"\u0062":1}]},"source_ref":)"), fast);
    row("escaped key in an owner", edit(kRealEstate, R"("share":0.5})", R"("sh\u0061re":0.5})"), slow);
    row("byte order mark before the text", QByteArray("\xEF\xBB\xBF") + kPermit, slow);
    row("byte order mark starting a date",
        edit(kPermit, R"("2021-02-21")",
             "\"\xEF\xBB\xBF"
             "2021-02-21\""),
        fast);
    row("byte order mark starting an ID number",
        edit(kPermit, R"("371702198610118009")",
             "\"\xEF\xBB\xBF"
             "371702198610118009\""),
        fast);
    row("byte order mark starting the id", edit(kPermit, R"("R-RP-00000013")", "\"\xEF\xBB\xBF\""), fast);
    row("escaped byte order mark starting the address", edit(kPermit, "幸福大街", R"(\ufeff幸福大街)"), fast);
    row("noncharacter", edit(kPermit, "幸福大街", "\xEF\xBF\xBF幸福大街"), fast);
    row("invalid UTF-8", edit(kPermit, "幸福大街", "\xC0\xAF"), slow);
    row("UTF-8 surrogate", edit(kPermit, "幸福大街", "\xED\xA0\x80"), slow);
    row("truncated UTF-8", edit(kPermit, "幸福大街", "\xE5\xB9"), slow);
    row("non-ASCII unknown key", edit(kPermit, R"("source_ref":)", R"("来源":1,"source_ref":)"), slow);

    // Layout
    row("whitespace everywhere", spaced(kResident), fast);
    row("fields before dataset", reversed(QByteArray(kRealEstate)), fast);
    row("fields before dataset, spaced", spaced(reversed(QByteArray(kInsurance))), fast);
    {
        QByteArray t(kSale);
        const qsizetype f = t.indexOf(R"("fields")");
        const qsizetype i = t.indexOf(R"(,"id")");
        const QByteArray fields = t.mid(f, i - f);
        t.remove(f, i - f + 1);
        t.insert(1, fields + ',');
        row("fields first, dataset last", t, fast);
    }
    row("unknown keys of every type",
        edit(kRealEstate, R"("id":)",
             R"("x1":{"a":[1,{"b":null}],"c":{}},"x2":[[],{},"s",-1.5e-3,1E+10,0,-0,true,false,null],"x3":-12,)"
             R"("x4":3.25e2,"x5":true,"x6":false,"x7":null,"x8":"s","id":)"),
        fast);
    row("unknown keys in fields, members, owners, periods",
        edit(edit(edit(kResident, R"("household_no")", R"("x":{"y":[1,2,{"z":"w"}]},"household_no")"),
                  R"("name":"杨俊")", R"("name":{"family":"杨","given":["俊"]},"n":-0.0)"),
             R"("relation_to_head":"子")", R"("relation_to_head":"子","e":1e-5)"),
        fast);
    row("unknown keys in owners and periods", edit(kRealEstate, R"("share":0.5})", R"("share":0.5,"x":[{}]})"), fast);
    row("trailing whitespace", QByteArray(kPermit) + " \n\r\t", fast);
    row("trailing garbage", QByteArray(kPermit) + "x", slow);
    row("trailing second object", QByteArray(kPermit) + "{}", slow);
    row("trailing comma", edit(kPermit, R"(]})", R"(],})"), slow);
    row("trailing comma in a list", edit(kPermit, R"(["371702198610118009"])", R"(["371702198610118009",])"), slow);
    row("missing comma", edit(kPermit, R"("source_ref":)", R"( "x":1 "source_ref":)"), slow);
    row("truncated", QByteArray(kPermit).left(qstrlen(kPermit) / 2), slow);
    row("truncated by one", QByteArray(kPermit).chopped(1), slow);
    row("empty text", QByteArray(), slow);
    row("only whitespace", QByteArray(" \n"), slow);
    row("empty object", QByteArray("{}"), slow);
    row("top-level array", QByteArray("[") + kPermit + "]", slow);
    row("top-level string", QByteArray(R"("R-RP-00000013")"), slow);
    row("top-level null", QByteArray("null"), slow);
    {
        QByteArray deep(100, '[');
        deep += QByteArray(100, ']');
        row("deep nesting", edit(kPermit, R"("source_ref":)", R"("x":)" + deep + R"(,"source_ref":)"), slow);
    }
    row("nesting a few deep", edit(kPermit, R"("source_ref":)", R"("x":[[[[{"a":[[{}]]}]]]],"source_ref":)"), fast);

    // Nulls
    row("cancelled_on null", QByteArray(kRealEstate), fast);
    row("cancelled_on given", edit(kRealEstate, R"("cancelled_on":null)", R"("cancelled_on":"2020-01-02")"), fast);
    row("cancelled_on empty", edit(kRealEstate, R"("cancelled_on":null)", R"("cancelled_on":"")"), fast);
    row("cancelled_on not a date", edit(kRealEstate, R"("cancelled_on":null)", R"("cancelled_on":"soon")"), fast);
    row("cancelled_on a number", edit(kRealEstate, R"("cancelled_on":null)", R"("cancelled_on":20200102)"), slow);
    row("end_on null", edit(kRental, R"("end_on":"2027-10-08")", R"("end_on":null)"), fast);
    row("end_on absent", edit(kRental, R"("end_on":"2027-10-08",)", ""), fast);
    row("expires_on null", edit(kPermit, R"("expires_on":"2028-05-06")", R"("expires_on":null)"), fast);
    row("to null", edit(kInsurance, R"("to":"2026-06")", R"("to":null)"), fast);
    row("to absent", edit(kInsurance, R"(,"to":"2026-06")", ""), fast);
    row("to a number", edit(kInsurance, R"("to":"2026-06")", R"("to":202606)"), slow);
    row("from null", edit(kInsurance, R"("from":"2019-06")", R"("from":null)"), fast);
    row("fetched_at null", edit(kPermit, R"("2026-06-03T06:15:52Z")", "null"), fast);
    row("fetched_at absent", edit(kPermit, R"("fetched_at":"2026-06-03T06:15:52Z",)", ""), fast);
    row("fetched_at empty", edit(kPermit, R"("2026-06-03T06:15:52Z")", R"("")"), fast);
    row("fields null", edit(kPermit, R"("fields":{)", R"("fields":null,"x":{)"), fast);
    row("fields absent", edit(kPermit, R"("fields":{)", R"("x":{)"), fast);
    row("fields empty", edit(kMarriage, R"("fields":{)", R"("fields":{},"x":{)"), fast);
    row("subject_id_numbers null", edit(kPermit, R"(["371702198610118009"])", "null"), fast);
    row("subject_id_numbers absent", edit(kPermit, R"(,"subject_id_numbers":["371702198610118009"])", ""), fast);
    row("source_ref null", edit(kPermit, R"("source_ref":"JZ37110200000013")", R"("source_ref":null)"), fast);
    row("address null", edit(kPermit, R"("address":"幸福大街206号悦澜苑11号楼3单元703")", R"("address":null)"), fast);
    row("status null", edit(kBusiness, R"("status":"active")", R"("status":null)"), fast);
    row("holder null", edit(kPermit, R"("holder_id_number":"371702198610118009")", R"("holder_id_number":null)"), fast);
    row("member id_number null", edit(kResident, R"("id_number":"371102198411088959")", R"("id_number":null)"), fast);
    row("member without id_number", edit(kResident, R"("id_number":"371102198411088959",)", ""), fast);
    row("member registered_on null",
        edit(kResident, R"("registered_on":"2024-11-08","relation_to_head":"户主")",
             R"("registered_on":null,"relation_to_head":"户主")"),
        fast);
    row("member null", edit(kResident, R"("members":[)", R"("members":[null,)"), fast);
    row("members null", edit(kResident, R"("members":[)", R"("members":null,"x":[)"), fast);
    row("owners null", edit(kRealEstate, R"("owners":[)", R"("owners":null,"x":[)"), fast);
    row("owner null", edit(kRealEstate, R"("owners":[)", R"("owners":[null,)"), fast);
    row("owner id_number null", edit(kRealEstate, R"("id_number":"37110219900422441X")", R"("id_number":null)"), fast);
    row("owners mixed", edit(kRealEstate, R"("owners":[)", R"("owners":["37110219900422441x",{"share":1},null,)"),
        fast);
    row("period null", edit(kInsurance, R"("periods":[)", R"("periods":[null,)"), fast);
    row("periods null", edit(kInsurance, R"("periods":[)", R"("periods":null,"x":[)"), fast);

    // Wrong types
    row("address a number", edit(kPermit, R"("幸福大街206号悦澜苑11号楼3单元703")", "206"), slow);
    row("owners a string", edit(kRealEstate, R"("owners":[)", R"("owners":"37110219900422441X","x":[)"), slow);
    row("owner a number", edit(kRealEstate, R"("owners":[)", R"("owners":[5,)"), slow);
    row("members an object", edit(kResident, R"("members":[)", R"("members":{},"x":[)"), slow);
    row("member a string", edit(kResident, R"("members":[)", R"("members":["371102198411088959",)"), slow);
    row("periods an object", edit(kInsurance, R"("periods":[)", R"("periods":{},"x":[)"), slow);
    row("id a number", edit(kPermit, R"("R-RP-00000013")", "13"), slow);
    row("id null", edit(kPermit, R"("R-RP-00000013")", "null"), slow);
    row("agency a list", edit(kPermit, R"("public_security")", "[]"), slow);
    row("dataset a number", edit(kPermit, R"("residence_permit")", "7"), slow);
    row("source_ref a number", edit(kPermit, R"("source_ref":"JZ37110200000013")", R"("source_ref":13)"), slow);
    row("fields a list", edit(kPermit, R"("fields":{)", R"("fields":[],"x":{)"), slow);
    row("fields a string", edit(kPermit, R"("fields":{)", R"("fields":"","x":{)"), slow);
    row("subject_id_numbers a string", edit(kPermit, R"(["371702198610118009"])", R"("371702198610118009")"), slow);
    row("subject a number", edit(kPermit, R"(["371702198610118009"])", R"(["371702198610118009",3])"), slow);
    row("subject null", edit(kPermit, R"(["371702198610118009"])", R"(["371702198610118009",null])"), slow);
    row("fetched_at a number", edit(kPermit, R"("2026-06-03T06:15:52Z")", "1780000000"), slow);
    row("date a number", edit(kPermit, R"("2021-02-21")", "20210221"), slow);
    row("status a bool", edit(kBusiness, R"("active")", "true"), slow);
    row("unused key of another dataset with any type", edit(kPermit, R"("permit_no")", R"("owners":7,"permit_no")"),
        fast);

    // Missing and empty
    row("missing id", edit(kPermit, R"(,"id":"R-RP-00000013")", ""), slow);
    row("empty id", edit(kPermit, R"("R-RP-00000013")", R"("")"), fast);
    row("missing agency", edit(kPermit, R"("agency":"public_security",)", ""), slow);
    row("missing dataset", edit(kPermit, R"("dataset":"residence_permit",)", ""), slow);
    row("empty dataset", edit(kPermit, R"("residence_permit")", R"("")"), fast);
    row("unknown dataset", edit(kPermit, R"("residence_permit")", R"("tax_record")"), fast);
    row("dataset in upper case", edit(kPermit, R"("residence_permit")", R"("RESIDENCE_PERMIT")"), fast);

    // Duplicate keys
    row("duplicate id", edit(kPermit, R"("id":)", R"("id":"R-X","id":)"), slow);
    row("duplicate dataset after fields",
        edit(reversed(QByteArray(kPermit)), R"("agency":)", R"("dataset":"social_insurance","agency":)"), slow);
    row("duplicate dataset", edit(kPermit, R"("dataset":)", R"("dataset":"social_insurance","dataset":)"), slow);
    row("duplicate fields", edit(kPermit, R"("fields":)", R"("fields":{"address":"x"},"fields":)"), slow);
    row("duplicate address", edit(kPermit, R"("address":)", R"("address":"x","address":)"), slow);
    row("duplicate member id_number",
        edit(kResident, R"("id_number":"371102198411088959")", R"("id_number":"1","id_number":"371102198411088959")"),
        slow);
    row("duplicate unknown key", edit(kPermit, R"("source_ref":)", R"("x":1,"x":2,"source_ref":)"), fast);
    row("duplicate unknown key in fields", edit(kPermit, R"("permit_no")", R"("x":1,"x":[],"permit_no")"), fast);

    // ID numbers
    row("lower-case x", edit(kMarriage, "37110219900422441X", "37110219900422441x"), fast);
    row("lower-case x in a member", edit(kResident, "371102198411088959", "37110219841108895x"), fast);
    row("spaces around ID numbers", edit(kRealEstate, R"("37110219900422441X")", R"("  37110219900422441x ")"), fast);
    row("only spaces as an ID number", edit(kRealEstate, R"("37110219900422441X")", R"("   ")"), fast);
    row("empty ID numbers", edit(kRealEstate, R"("37110219900422441X")", R"("")"), fast);
    row("duplicate ID numbers",
        edit(kSale, R"(["371103198904117259","371103198712205625"])",
             R"(["371103198904117259","371103198712205625","371103198904117259"," 371103198712205625"])"),
        fast);
    row("duplicate members", edit(kResident, R"("371102201312081115")", R"("371102198411088959")"), fast);
    row("ID number with other letters", edit(kPermit, R"("371702198610118009")", R"("abc-ß-é")"), fast);
    row("empty lists",
        edit(edit(kSale, R"("buyer_id_numbers":["371103198904117259","371103198712205625"])",
                  R"("buyer_id_numbers":[])"),
             R"("subject_id_numbers":["371103198904117259","371103198712205625"])", R"("subject_id_numbers":[ ])"),
        fast);
    row("empty members", edit(kResident, R"("members":[)", R"("members":[],"x":[)"), fast);
    row("empty periods", edit(kInsurance, R"("periods":[)", R"("periods":[],"x":[)"), fast);
    row("empty owners, persons from subjects", edit(kRealEstate, R"("owners":[)", R"("owners":[],"x":[)"), fast);

    // Times
    row("fetched_at with milliseconds", edit(kPermit, "06:15:52Z", "06:15:52.123Z"), slow);
    row("fetched_at with an offset", edit(kPermit, "06:15:52Z", "06:15:52+08:00"), slow);
    row("fetched_at with a lower-case z", edit(kPermit, "06:15:52Z", "06:15:52z"), slow);
    row("fetched_at without a zone", edit(kPermit, "06:15:52Z", "06:15:52"), slow);
    row("fetched_at at 24:00", edit(kPermit, "06:15:52Z", "24:00:00Z"), slow);
    row("fetched_at on 30 February", edit(kPermit, "2026-06-03T", "2026-02-30T"), slow);
    row("fetched_at in month 13", edit(kPermit, "2026-06-03T", "2026-13-03T"), slow);
    row("fetched_at a date", edit(kPermit, "2026-06-03T06:15:52Z", "2026-06-03"), slow);
    row("fetched_at on 29 February", edit(kPermit, "2026-06-03T06:15:52Z", "2024-02-29T23:59:59Z"), fast);
    row("fetched_at in year 1", edit(kPermit, "2026-06-03T06:15:52Z", "0001-01-01T00:00:00Z"), fast);

    // Dates and months
    row("date not padded", edit(kPermit, "2021-02-21", "2021-2-21"), fast);
    row("date on 30 February", edit(kPermit, "2021-02-21", "2021-02-30"), fast);
    row("date empty", edit(kPermit, R"("2021-02-21")", R"("")"), fast);
    row("date with a time", edit(kPermit, "2021-02-21", "2021-02-21T00:00:00Z"), fast);
    row("date in full-width digits", edit(kPermit, "2021-02-21", "２０２１-02-21"), fast);
    row("month 13", edit(kInsurance, R"("to":"2026-06")", R"("to":"2026-13")"), fast);
    row("month 0", edit(kInsurance, "2019-06", "2019-00"), fast);
    row("month not padded", edit(kInsurance, "2019-06", "2019-6"), fast);
    row("month with a sign", edit(kInsurance, "2019-06", "+019-06"), slow);
    row("month with a space", edit(kInsurance, "2019-06", "2019- 6"), slow);
    row("month with a slash", edit(kInsurance, "2019-06", "2019/06"), fast);
    row("month empty", edit(kInsurance, R"("2019-06")", R"("")"), fast);
    row("to before from", edit(kInsurance, R"("to":"2026-06")", R"("to":"2019-05")"), fast);
    row("to equal to from", edit(kInsurance, R"("to":"2026-06")", R"("to":"2019-06")"), fast);
    row("several periods",
        edit(kInsurance, R"("periods":[)",
             R"("periods":[{"from":"2010-01","to":"2012-12"},{"to":"2001-01"},{"from":"2013-01"},)"),
        fast);

    // Numbers
    row("number with a leading zero", edit(kRealEstate, "0.5}", "01}"), slow);
    row("number ending in a point", edit(kRealEstate, "0.5}", "1.}"), slow);
    row("number overflowing a double", edit(kRealEstate, "0.5}", "1e400}"), slow);
    row("long number", edit(kRealEstate, "0.5}", "12345678901234567890123456789}"), slow);
    row("plus sign", edit(kRealEstate, "0.5}", "+1}"), slow);
    row("bare minus", edit(kRealEstate, "0.5}", "-}"), slow);
    row("misspelt literal", edit(kRealEstate, "null", "nul"), slow);
    row("literal in capitals", edit(kRealEstate, "null", "NULL"), slow);

    // Every dataset
    row("resident_population", QByteArray(kResident), fast);
    row("rental_filing", QByteArray(kRental), fast);
    row("social_insurance", QByteArray(kInsurance), fast);
    row("real_estate_registration", QByteArray(kRealEstate), fast);
    row("marriage_registration", QByteArray(kMarriage), fast);
    row("residence_permit", QByteArray(kPermit), fast);
    row("sale_contract", QByteArray(kSale), fast);
    row("individual_business", QByteArray(kBusiness), fast);
    row("enterprise_legal_person", QByteArray(kEnterprise), fast);
    row("role field missing, persons from subjects",
        edit(kBusiness, R"("operator_id_number":"130102198609278920",)", ""), fast);
    row("keys of other datasets ignored, address read",
        edit(kMarriage, R"("status":"married")", R"("status":"married","owners":["1"],"address":"x","usage":"u")"),
        fast);
}

// Each text reads to exactly what the slow path gives, and by the path expected.
void TestEvidenceJson::tricky()
{
    QFETCH(QByteArray, text);
    QFETCH(Path, path);
    const std::optional<EvidenceRecord> slow = EvidenceJson::slowRead(text);
    QCOMPARE(difference(readEvidenceRecord(text), slow), QString());
    const bool decidedFast = EvidenceJson::fastRead(text).has_value();
    QCOMPARE(difference(decidedFast ? fastAnswer(text) : slow, slow), QString());
    QVERIFY2(decidedFast == (path == Path::Fast), decidedFast
                                                      ? "the fast path decided a text it should leave to the slow path"
                                                      : "the fast path gave up on a text it should read");
}

QTEST_GUILESS_MAIN(TestEvidenceJson)
#include "tst_policy_evidencejson.moc"
