#include "CityGenerator.h"

#include "FamilyBuilder.h"
#include "Geography.h"
#include "IdAllocator.h"
#include "NameBank.h"
#include "PolicyBook.h"
#include "RecordWriter.h"
#include "Scenario.h"
#include "TruthEvaluator.h"
#include "domain/FieldReader.h"
#include "domain/JsonCodec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace adm::citygen {

namespace {

constexpr double kJuniorShare = 0.45; // of applications; the rest are for primary grade 1

QString tr(const char* text)
{
    return QCoreApplication::translate("adm::citygen::CityGenerator", text);
}

// When a family first applies: June, Beijing daytime, with the rush of the first days.
qint64 firstSubmission(Random& rng, const PolicyBook& book)
{
    static constexpr int kDayWeights[30] = {12, 9, 7, 5, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2,
                                            2,  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4};
    const int day = rng.weighted(kDayWeights);
    const qint64 opens = (book.windowOpens().toJulianDay() - 2440588) * 86400;
    return opens + qint64(day) * 86400 + rng.range(0, 57599);
}

// Seats roughly match the expected applications of the school's zone, with some slack; a city
// of a million applications gets proportionally larger schools.
QList<int> capacities(const Geography& geo, int applications)
{
    qint64 totalWeight = 0;
    for (const Geography::Zone& z : geo.zones()) {
        if (!z.junior)
            totalWeight += z.weight;
    }
    QList<int> out;
    for (const Geography::School& s : geo.schools()) {
        const Geography::Zone& zone = geo.zones()[s.zone];
        qint64 weight = zone.weight;
        if (zone.junior) {
            weight = 0;
            for (int part : zone.parts)
                weight += geo.zones()[part].weight;
        }
        const double share = s.junior ? kJuniorShare : 1.0 - kJuniorShare;
        const double expected =
            double(applications) * share * double(weight) / double(totalWeight) / double(zone.schools.size());
        const int seats = int(std::ceil(expected * 1.1 / 5.0)) * 5;
        out.append(qMax(30, seats));
    }
    return out;
}

} // namespace

CityGenerator::CityGenerator(Options options)
    : m_options(options)
{}

CityGenerator::~CityGenerator() = default;

Status CityGenerator::validate(const Options& options)
{
    if (options.applications < 0 || options.applications > kMaxApplications)
        return makeError(QStringLiteral("invalid_options"),
                         tr("The number of applications must be between 0 and 1,000,000."));
    if (options.admissionYear < 2000 || options.admissionYear > 2100)
        return makeError(QStringLiteral("invalid_options"), tr("The admission year must be between 2000 and 2100."));
    return {};
}

void CityGenerator::generate(const ChangeSink& changes, const TruthSink& truth)
{
    m_summary = {};
    m_stop = false;
    const int total = qBound(0, m_options.applications, kMaxApplications);
    const int year = qBound(2000, m_options.admissionYear, 2100);
    const Geography& geo = Geography::rizhao();
    const PolicyBook book(geo, year);
    const NameBank names;
    IdAllocator ids;
    FamilyBuilder builder(geo, book, names, ids);
    const TruthEvaluator evaluator(geo, book);
    RecordWriter writer(geo, book);
    writer.setApplicationIdWidth(total >= 1000000 ? 7 : 6);
    auto emitChange = [&](const Change& c) {
        ++m_summary.changes;
        if (changes)
            changes(c);
    };

    for (const Policy& p : book.all()) {
        emitChange(writer.policy(p));
        ++m_summary.policies;
    }
    const QList<int> seats = capacities(geo, total);
    for (int s = 0; s < geo.schools().size() && !m_stop; ++s) {
        emitChange(writer.school(s, seats[s]));
        ++m_summary.schools;
    }
    for (int z = 0; z < geo.zones().size() && !m_stop; ++z) {
        emitChange(writer.zone(z));
        ++m_summary.zones;
    }

    // Family by family: each unit has its own random stream, and nothing of it is kept afterwards
    // except the ID-number counters.
    int left = total;
    quint64 unitNo = 0;
    while (left > 0 && !m_stop) {
        Random rng(m_options.seed, unitNo++);
        const Plan plan = Scenario::pick(rng, left);
        const Unit unit = builder.build(rng, plan, firstSubmission(rng, book));
        QStringList appIds;
        for (int i = 0; i < unit.apps.size(); ++i)
            appIds.append(writer.nextApplicationId());
        for (const Record& r : unit.records) {
            emitChange(writer.record(unit, r, rng));
            ++m_summary.agencyRecords;
        }
        for (int i = 0; i < unit.apps.size(); ++i) {
            emitChange(writer.application(unit, unit.apps[i], appIds[i], rng));
            ++m_summary.applications;
        }
        if (truth) {
            for (const Truth& t : evaluator.evaluate(unit, appIds))
                truth(t);
        }
        left -= int(unit.apps.size());
        ++m_summary.units;
    }
}

QJsonObject writeTruth(const Truth& t, bool withScenario)
{
    QJsonObject o{{QStringLiteral("application_id"), t.applicationId},
                  {QStringLiteral("category"), t.category},
                  {QStringLiteral("eligible"), t.eligible},
                  {QStringLiteral("flags"), QJsonArray::fromStringList(t.flags)}};
    if (withScenario)
        o.insert(QStringLiteral("scenario"), t.scenario);
    return o;
}

Result<Truth> readTruth(const QJsonObject& o)
{
    json::FieldReader r(o, QStringLiteral("truth"));
    Truth t;
    t.applicationId = r.string(QStringLiteral("application_id"));
    t.category = r.oneOf(QStringLiteral("category"),
                         {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("none")});
    t.eligible = r.boolean(QStringLiteral("eligible"));
    t.flags = r.strings(QStringLiteral("flags"));
    t.scenario = r.string(QStringLiteral("scenario"), json::FieldReader::Optional);
    if (!r.ok())
        return r.error();
    return t;
}

Status writeCity(const Options& options, QIODevice& changes, QIODevice* truth)
{
    if (Status valid = CityGenerator::validate(options); !valid)
        return valid;
    if (!changes.isWritable() || (truth && !truth->isWritable()))
        return makeError(QStringLiteral("not_writable"), tr("The output is not open for writing."));
    // One thread: a worker thread for generation was tried and cost a third more CPU (objects
    // freed on another thread than they were made on) for little gain on a busy two-core machine.
    CityGenerator generator(options);
    QString failure;
    auto put = [&](QIODevice& device, const QJsonObject& o) {
        if (!failure.isEmpty())
            return;
        QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
        line += '\n';
        if (device.write(line) != line.size()) {
            failure = device.errorString();
            generator.requestStop();
        }
    };
    CityGenerator::TruthSink truthSink;
    if (truth)
        truthSink = [&](const Truth& t) { put(*truth, writeTruth(t, options.truthScenario)); };
    generator.generate(
        [&](const Change& c) {
            // The object json::write(Change) makes, built with its keys in sorted order (cheaper).
            QJsonObject o;
            o.insert(QLatin1String("data"), c.data);
            o.insert(QLatin1String("entity"), c.entity);
            o.insert(QLatin1String("id"), c.id);
            o.insert(QLatin1String("op"), c.op);
            o.insert(QLatin1String("seq"), c.seq);
            o.insert(QLatin1String("version"), c.version);
            put(changes, o);
        },
        truthSink);
    if (!failure.isEmpty())
        return makeError(QStringLiteral("write_failed"), tr("Could not write the city: %1").arg(failure));
    return {};
}

} // namespace adm::citygen
