#include "citygen/CityGenerator.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace adm;
using namespace adm::citygen;

namespace {

// Everything one pass over the default city found; the test functions judge it.
struct Facts {
    int lines = 0;
    int parseErrors = 0;
    QStringList errors;
    bool seqInOrder = true;
    bool entitiesInOrder = true;
    QMap<QString, int> entities;
    QMap<QString, int> datasets;
    QMap<QString, int> channels;
    QMap<QString, int> statuses;
    int badIdNumbers = 0;
    QStringList badIdExamples;
    int badPhones = 0;
    int badApplicationIds = 0;
    int badRecordIds = 0;
    int duplicateIds = 0;
    int subjectsMissing = 0;
    int strayRecords = 0;
    int badTimes = 0;
    int badApplicationShape = 0;
    int unknownSchools = 0;
    int gradeLevelMismatch = 0;
    int sharedZones = 0;
    int addresses = 0;
    QMap<QString, int> marks;
    QSet<QString> policyIds;
    int truthLines = 0;
    int badTruth = 0;
};

QByteArray cityBytes(const Options& o, QByteArray* truth = nullptr)
{
    QBuffer changes;
    changes.open(QIODevice::WriteOnly);
    QBuffer truthBuffer;
    truthBuffer.open(QIODevice::WriteOnly);
    const Status s = writeCity(o, changes, truth ? &truthBuffer : nullptr);
    if (!s)
        qWarning("writeCity failed: %s", qPrintable(s.error().message));
    if (truth)
        *truth = truthBuffer.data();
    return changes.data();
}

// The ID numbers a record's fields name, by dataset.
QStringList fieldIds(const QString& dataset, const QJsonObject& f)
{
    QStringList ids;
    auto list = [&](const char* key) {
        for (const QJsonValue& v : f.value(QLatin1String(key)).toArray())
            ids.append(v.toString());
    };
    auto objects = [&](const char* key) {
        for (const QJsonValue& v : f.value(QLatin1String(key)).toArray())
            ids.append(v.toObject().value(QLatin1String("id_number")).toString());
    };
    if (dataset == u"resident_population")
        objects("members");
    else if (dataset == u"real_estate_registration")
        objects("owners");
    else if (dataset == u"sale_contract")
        list("buyer_id_numbers");
    else if (dataset == u"rental_filing")
        list("tenant_id_numbers");
    else if (dataset == u"social_insurance")
        ids.append(f.value(QLatin1String("id_number")).toString());
    else if (dataset == u"individual_business")
        ids.append(f.value(QLatin1String("operator_id_number")).toString());
    else if (dataset == u"enterprise_legal_person")
        ids.append(f.value(QLatin1String("legal_rep_id_number")).toString());
    else if (dataset == u"marriage_registration")
        list("spouse_id_numbers");
    else if (dataset == u"residence_permit")
        ids.append(f.value(QLatin1String("holder_id_number")).toString());
    return ids;
}

} // namespace

class TestCityGenerator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyLineParses();
    void seqAndEntityOrder();
    void idsAreWellFormedAndUnique();
    void idNumbersAreValid();
    void phonesLookReal();
    void everyDatasetIsPresent();
    void subjectsCoverTheFields();
    void recordsConcernTheirFamily();
    void channelsAndStatuses();
    void timesAreInTheirWindows();
    void policiesSchoolsAndZones();
    void addressesVaryAsAgenciesWriteThem();
    void truthLinesParse();
    void sameSeedSameBytes();
    void differentSeedDiffers();
    void exactApplicationCount_data();
    void exactApplicationCount();
    void invalidOptionsAreRefused();
    void writeFailureStopsAndIsReported();

private:
    Facts m_facts;
};

void TestCityGenerator::initTestCase()
{
    Options o; // the default city: 42,000 applications
    o.seed = 20260601;
    QByteArray truth;
    const QByteArray bytes = cityBytes(o, &truth);
    QVERIFY(!bytes.isEmpty());
    Facts& f = m_facts;

    const QRegularExpression applicationId(QStringLiteral("^A2026\\d{6}$"));
    const QRegularExpression recordId(QStringLiteral("^R-[A-Z]{2}-\\d{8}$"));
    const QRegularExpression phone(QStringLiteral("^1[3-9]\\d{9}$"));
    const QDateTime windowOpens(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC);
    const QDateTime windowCloses(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC);
    const QDateTime reviewEnds(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC);
    const QStringList entityOrder{entity::Policy, entity::School, entity::Zone};
    QSet<QString> seenIds;
    QSet<QString> schools;
    QHash<QString, QString> schoolLevel;
    int lastOrder = 0;

    // A unit: its agency records, then its applications.
    QList<AgencyRecord> blockRecords;
    QSet<QString> blockPeople;
    bool inApplications = false;
    auto closeBlock = [&] {
        for (const AgencyRecord& r : blockRecords) {
            const bool concerns = std::any_of(r.subjectIdNumbers.cbegin(), r.subjectIdNumbers.cend(),
                                              [&](const QString& id) { return blockPeople.contains(id); });
            f.strayRecords += concerns ? 0 : 1;
        }
        blockRecords.clear();
        blockPeople.clear();
        inApplications = false;
    };
    auto checkId = [&](const QString& id) {
        if (!IdNumber::parse(id).isValid()) {
            ++f.badIdNumbers;
            if (f.badIdExamples.size() < 3)
                f.badIdExamples.append(IdNumber::masked(id));
        }
    };
    auto fail = [&](const QString& what) {
        ++f.parseErrors;
        if (f.errors.size() < 5)
            f.errors.append(what);
    };
    static const QStringList kMarks{"日照市", "东港区", "岚山区", "五莲县", "莒县", "号楼", "幢", "栋",
                                    "-",      "单元",   "室",     "小区",   " ",    "，",   ","};
    const QRegularExpression fullWidth(QStringLiteral("[０-９]"));
    const QRegularExpression chineseUnit(QStringLiteral("[一二三四五六七八九十]单元"));

    for (qsizetype start = 0, end = 0; start < bytes.size(); start = end + 1) {
        end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArray line = bytes.sliced(start, end - start);
        if (line.isEmpty())
            continue;
        ++f.lines;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (!doc.isObject()) {
            fail(error.errorString());
            continue;
        }
        const auto change = json::readChange(doc.object());
        if (!change) {
            fail(change.error().message);
            continue;
        }
        f.seqInOrder = f.seqInOrder && change->seq == f.lines && change->version == 1 && change->op == u"upsert";
        ++f.entities[change->entity];
        const int order = entityOrder.indexOf(change->entity) >= 0 ? entityOrder.indexOf(change->entity) : 3;
        f.entitiesInOrder = f.entitiesInOrder && order >= lastOrder;
        lastOrder = order;
        if (seenIds.contains(change->entity + change->id))
            ++f.duplicateIds;
        seenIds.insert(change->entity + change->id);

        if (change->entity == entity::Policy) {
            const auto p = json::readPolicy(change->data);
            if (!p)
                fail(p.error().message);
            else
                f.policyIds.insert(p->id);
        } else if (change->entity == entity::School) {
            const auto s = json::readSchool(change->data);
            if (!s) {
                fail(s.error().message);
                continue;
            }
            schools.insert(s->id);
            schoolLevel.insert(s->id, s->level);
        } else if (change->entity == entity::Zone) {
            const auto z = json::readZone(change->data);
            if (!z) {
                fail(z.error().message);
                continue;
            }
            f.sharedZones += z->schoolIds.size() > 1 ? 1 : 0;
        } else if (change->entity == entity::AgencyRecord) {
            const auto r = json::readAgencyRecord(change->data);
            if (!r) {
                fail(r.error().message);
                continue;
            }
            if (inApplications)
                closeBlock();
            blockRecords.append(*r);
            ++f.datasets[r->dataset];
            f.badRecordIds += recordId.match(r->id).hasMatch() ? 0 : 1;
            if (r->sourceRef.isEmpty() || !r->fetchedAt.isValid() || r->fetchedAt < windowOpens ||
                r->fetchedAt >= reviewEnds)
                ++f.badTimes;
            for (const QString& id : r->subjectIdNumbers)
                checkId(id);
            for (const QString& id : fieldIds(r->dataset, r->fields)) {
                checkId(id);
                f.subjectsMissing += r->subjectIdNumbers.contains(id) ? 0 : 1;
            }
            const QString address = r->fields.value(QLatin1String("address")).toString();
            if (!address.isEmpty()) {
                ++f.addresses;
                for (const QString& m : kMarks)
                    f.marks[m] += address.contains(m) ? 1 : 0;
                f.marks[QStringLiteral("full-width")] += address.contains(fullWidth) ? 1 : 0;
                f.marks[QStringLiteral("chinese")] += address.contains(chineseUnit) ? 1 : 0;
                f.marks[QStringLiteral("no prefix")] +=
                    std::none_of(kMarks.cbegin(), kMarks.cbegin() + 5,
                                 [&](const QString& m) { return address.startsWith(m); })
                        ? 1
                        : 0;
            }
        } else if (change->entity == entity::Application) {
            const auto a = json::readApplication(change->data);
            if (!a) {
                fail(a.error().message);
                continue;
            }
            inApplications = true;
            blockPeople.insert(a->child.idNumber);
            ++f.channels[a->channel];
            ++f.statuses[a->status];
            f.badApplicationIds += applicationId.match(a->id).hasMatch() ? 0 : 1;
            checkId(a->child.idNumber);
            if (a->guardians.isEmpty() || a->decision || a->version != 1 || a->admissionYear != 2026 ||
                a->claimedAddress.isEmpty() || a->child.name.size() < 2)
                ++f.badApplicationShape;
            for (const Guardian& g : a->guardians) {
                checkId(g.idNumber);
                blockPeople.insert(g.idNumber);
                f.badPhones += phone.match(g.phone).hasMatch() ? 0 : 1;
            }
            if (a->submittedAt < windowOpens || a->submittedAt >= windowCloses)
                ++f.badTimes;
            if (!schools.contains(a->targetSchoolId))
                ++f.unknownSchools;
            else if ((schoolLevel.value(a->targetSchoolId) == u"primary") != (a->grade == u"primary1"))
                ++f.gradeLevelMismatch;
        }
    }
    closeBlock();

    for (const QByteArray& line : truth.split('\n')) {
        if (line.isEmpty())
            continue;
        ++f.truthLines;
        const auto t = readTruth(QJsonDocument::fromJson(line).object());
        QStringList sorted = t ? t->flags : QStringList();
        sorted.sort();
        if (!t || sorted != t->flags || t->eligible != (t->category != u"none" && !t->flags.contains(u"under_age")))
            ++f.badTruth;
    }
}

void TestCityGenerator::everyLineParses()
{
    QVERIFY(m_facts.lines > 250000);
    QVERIFY2(m_facts.parseErrors == 0, qPrintable(m_facts.errors.join(u'\n')));
}

void TestCityGenerator::seqAndEntityOrder()
{
    QVERIFY(m_facts.seqInOrder);
    QVERIFY(m_facts.entitiesInOrder);
    QCOMPARE(m_facts.duplicateIds, 0);
}

void TestCityGenerator::idsAreWellFormedAndUnique()
{
    QCOMPARE(m_facts.entities.value(entity::Application), 42000);
    QCOMPARE(m_facts.badApplicationIds, 0);
    QCOMPARE(m_facts.badRecordIds, 0);
    QCOMPARE(m_facts.badApplicationShape, 0);
}

void TestCityGenerator::idNumbersAreValid()
{
    QVERIFY2(m_facts.badIdNumbers == 0, qPrintable(m_facts.badIdExamples.join(u' ')));
}

void TestCityGenerator::phonesLookReal()
{
    QCOMPARE(m_facts.badPhones, 0);
}

void TestCityGenerator::everyDatasetIsPresent()
{
    const QStringList all{"resident_population",     "real_estate_registration", "sale_contract",
                          "rental_filing",           "social_insurance",         "individual_business",
                          "enterprise_legal_person", "marriage_registration",    "residence_permit"};
    for (const QString& d : all)
        QVERIFY2(m_facts.datasets.value(d) > 500, qPrintable(d));
    QCOMPARE(m_facts.datasets.size(), all.size());
    const double perApplication = double(m_facts.entities.value(entity::AgencyRecord)) / 42000.0;
    QVERIFY2(perApplication >= 6.0 && perApplication <= 9.0, qPrintable(QString::number(perApplication)));
}

void TestCityGenerator::subjectsCoverTheFields()
{
    QCOMPARE(m_facts.subjectsMissing, 0);
}

void TestCityGenerator::recordsConcernTheirFamily()
{
    // The platform sends the records of the people on applications: every record names one.
    QCOMPARE(m_facts.strayRecords, 0);
}

void TestCityGenerator::channelsAndStatuses()
{
    const double counter = m_facts.channels.value(QStringLiteral("counter")) / 42000.0;
    QVERIFY2(counter >= 0.025 && counter <= 0.035, qPrintable(QString::number(counter)));
    QCOMPARE(m_facts.channels.size(), 2);
    const double submitted = m_facts.statuses.value(QStringLiteral("submitted")) / 42000.0;
    QVERIFY(submitted > 0.9 && submitted < 0.97);
    QCOMPARE(m_facts.statuses.size(), 2); // submitted, under_review: nothing decided yet
}

void TestCityGenerator::timesAreInTheirWindows()
{
    QCOMPARE(m_facts.badTimes, 0);
}

void TestCityGenerator::policiesSchoolsAndZones()
{
    QCOMPARE(m_facts.entities.value(entity::Policy), 8);
    QVERIFY(m_facts.policyIds.contains(QStringLiteral("P-371102-2026-primary1")));
    QVERIFY(m_facts.policyIds.contains(QStringLiteral("P-371122-2026-junior7")));
    QVERIFY(m_facts.entities.value(entity::School) > 100);
    QVERIFY(m_facts.entities.value(entity::Zone) > 80);
    QVERIFY(m_facts.sharedZones >= 8);
    QCOMPARE(m_facts.unknownSchools, 0);
    QCOMPARE(m_facts.gradeLevelMismatch, 0);
}

void TestCityGenerator::addressesVaryAsAgenciesWriteThem()
{
    const double n = m_facts.addresses;
    QVERIFY(n > 100000);
    auto share = [&](const char* mark) { return m_facts.marks.value(QString::fromUtf8(mark)) / n; };
    QVERIFY(share("日照市") > 0.2);
    QVERIFY(share("no prefix") > 0.1);
    QVERIFY(share("full-width") > 0.05);
    QVERIFY(share("chinese") > 0.03);
    for (const char* m : {"号楼", "幢", "栋", "-", "单元", "室", "小区", " ", "，", ","})
        QVERIFY2(share(m) > 0.01, m);
    for (const char* m : {"东港区", "岚山区", "五莲县", "莒县"})
        QVERIFY2(share(m) > 0.03, m);
}

void TestCityGenerator::truthLinesParse()
{
    QCOMPARE(m_facts.truthLines, 42000);
    QCOMPARE(m_facts.badTruth, 0);
}

void TestCityGenerator::sameSeedSameBytes()
{
    Options o;
    o.applications = 1500;
    o.seed = 5;
    QByteArray truthA;
    QByteArray truthB;
    const QByteArray a = cityBytes(o, &truthA);
    const QByteArray b = cityBytes(o, &truthB);
    QVERIFY(a.size() > 1000000);
    QVERIFY(a == b);
    QVERIFY(truthA == truthB);
    QCOMPARE(truthA.count('\n'), 1500);
}

void TestCityGenerator::differentSeedDiffers()
{
    Options o;
    o.applications = 500;
    o.seed = 5;
    QByteArray truthA;
    QByteArray truthB;
    const QByteArray a = cityBytes(o, &truthA);
    o.seed = 6;
    const QByteArray b = cityBytes(o, &truthB);
    QVERIFY(a != b);
    QVERIFY(truthA != truthB);
    // The city itself (policies, schools, zones) is the same for every seed.
    const qsizetype cityEnd = a.indexOf("\"entity\":\"agency_record\"");
    QVERIFY(cityEnd > 0);
    const qsizetype lineStart = a.lastIndexOf('\n', cityEnd);
    QCOMPARE(a.left(lineStart), b.left(lineStart));
}

void TestCityGenerator::exactApplicationCount_data()
{
    QTest::addColumn<int>("applications");
    for (int n : {0, 1, 2, 3, 57})
        QTest::newRow(qPrintable(QString::number(n))) << n;
}

void TestCityGenerator::exactApplicationCount()
{
    QFETCH(int, applications);
    Options o;
    o.applications = applications;
    o.seed = 99;
    QByteArray truth;
    const QByteArray bytes = cityBytes(o, &truth);
    QCOMPARE(int(bytes.count("\"entity\":\"application\"")), applications);
    QCOMPARE(int(truth.count('\n')), applications);
    QVERIFY(bytes.count("\"entity\":\"school\"") > 100);

    CityGenerator generator(o);
    qint64 changes = 0;
    generator.generate([&](const Change&) { ++changes; });
    QCOMPARE(generator.summary().applications, applications);
    QCOMPARE(generator.summary().changes, changes);
    QCOMPARE(changes, qint64(bytes.count('\n')));
}

void TestCityGenerator::invalidOptionsAreRefused()
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    Options o;
    o.applications = -1;
    QCOMPARE(writeCity(o, out).error().code, QStringLiteral("invalid_options"));
    o.applications = CityGenerator::kMaxApplications + 1;
    QCOMPARE(writeCity(o, out).error().code, QStringLiteral("invalid_options"));
    QVERIFY(out.data().isEmpty());
    QBuffer closed;
    o.applications = 10;
    QCOMPARE(writeCity(o, closed).error().code, QStringLiteral("not_writable"));
    QVERIFY(CityGenerator::validate(o).ok());
}

namespace {
// A device that takes a few kilobytes and then fails, like a full disk.
class FailingDevice : public QIODevice {
public:
    qint64 written = 0;
    qint64 attempts = 0;

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char*, qint64 len) override
    {
        ++attempts;
        if (written + len > 20000) {
            setErrorString(QStringLiteral("disk full"));
            return -1;
        }
        written += len;
        return len;
    }
};
} // namespace

void TestCityGenerator::writeFailureStopsAndIsReported()
{
    FailingDevice device;
    device.open(QIODevice::WriteOnly);
    Options o;
    o.applications = 1500;
    const Status s = writeCity(o, device);
    QCOMPARE(s.error().code, QStringLiteral("write_failed"));
    QVERIFY(s.error().message.contains(QStringLiteral("disk full")));
    QVERIFY(device.written <= 20000);

    // A sink can stop the generator; it finishes the family it is on and returns.
    CityGenerator generator(o);
    qint64 seen = 0;
    generator.generate([&](const Change&) {
        if (++seen == 1000)
            generator.requestStop();
    });
    QVERIFY(generator.summary().changes >= 1000);
    QVERIFY2(generator.summary().changes < 1050, qPrintable(QString::number(generator.summary().changes)));
    QVERIFY(generator.summary().applications < 200);
    // The next run starts afresh.
    generator.generate({});
    QCOMPARE(generator.summary().applications, 1500);
}

QTEST_GUILESS_MAIN(TestCityGenerator)
#include "tst_citygen.moc"
