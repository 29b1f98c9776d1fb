// bench_supervision: the supervision figures (issue 16) over a big cache (default 1,000,000
// applications, 40% of them decided upstream by forty officers), against the same figures computed by
// plain GROUP BY over the base tables in the same run. Prints the time to open the report (the city
// and one district), to refresh it after a 1,000-change apply, and the ratios; then what the counters'
// triggers cost a 1,000-change apply (pages applied with and without them, alternately) and an import
// (with the triggers, without counters, and with the counters filled once at the end as a first import
// does), and the one-pass fill of an existing cache (migration 13). It prints; it never asserts. The
// information requests carry due dates two weeks after submission: all of them are overdue.
//
//   bench_supervision [--applications N] [--seed S] [--dir DIR] [--import-applications M]
//
// With --dir the generated cache is kept in DIR and used again by the next run with the same N.
#include "BenchOptions.h"
#include "KeptCache.h"
#include "citygen/CityGenerator.h"
#include "domain/JsonCodec.h"
#include "security/Crypto.h"
#include "store/BundleImporter.h"
#include "store/CacheEligibility.h"
#include "store/ChangeApplier.h"
#include "store/Database.h"
#include "store/SupervisionSchema.h"
#include "views/SupervisionReport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cstdio>
#include <optional>

using namespace adm;
using views::SupervisionReport;

namespace {

double msSince(const QElapsedTimer& t)
{
    return t.nsecsElapsed() / 1e6;
}

// The generated city with decisions: 40% of the applications decided by one of forty officers, 1 to
// 300 hours after submission (approvals in the claimed category, some rejections and requests).
void writeDecidedCity(const citygen::Options& options, QIODevice& out)
{
    QRandomGenerator rng(options.seed);
    citygen::CityGenerator(options).generate([&](const Change& generated) {
        Change c = generated;
        if (c.entity == entity::Application && rng.bounded(100) < 40) {
            const int roll = int(rng.bounded(100));
            const QString outcome = roll < 70   ? QStringLiteral("approve")
                                    : roll < 85 ? QStringLiteral("reject")
                                                : QStringLiteral("request_info");
            const QDateTime submitted = json::parseTime(c.data.value(QStringLiteral("submitted_at")).toString());
            c.data.insert(
                QStringLiteral("decision"),
                QJsonObject{{QStringLiteral("outcome"), outcome},
                            {QStringLiteral("category"), outcome == QLatin1String("approve")
                                                             ? c.data.value(QStringLiteral("claimed_category"))
                                                             : QJsonValue()},
                            {QStringLiteral("decided_by"), QStringLiteral("officer.%1").arg(rng.bounded(40))},
                            {QStringLiteral("decided_at"),
                             json::formatTime(submitted.addSecs(3600 + qint64(rng.bounded(300 * 3600))))},
                            {QStringLiteral("batch_id"), QJsonValue()},
                            {QStringLiteral("signed"), false}});
            if (outcome == QLatin1String("request_info")) // due two weeks after it was submitted
                c.data[QStringLiteral("decision")] = [&] {
                    QJsonObject d = c.data.value(QStringLiteral("decision")).toObject();
                    d.insert(QStringLiteral("due_date"), submitted.addDays(14).date().toString(Qt::ISODate));
                    return d;
                }();
            c.data.insert(QStringLiteral("status"), outcome == QLatin1String("approve") ? QStringLiteral("approved")
                                                    : outcome == QLatin1String("reject")
                                                        ? QStringLiteral("rejected")
                                                        : QStringLiteral("info_requested"));
        }
        out.write(QJsonDocument(json::write(c)).toJson(QJsonDocument::Compact) + '\n');
    });
}

// How the counters are kept during an import into a new cache.
enum class Counters {
    Triggers,      // the triggers count every change
    None,          // the counters' triggers dropped first: the import without counters
    CellsOnly,     // the decisions' counters' triggers dropped
    FilledAtTheEnd // SupervisionBulkLoad: triggers dropped, one pass at the end (admissionsctl import)
};

// Imports `bundle` into a new cache; seconds.
double import(const QString& cache, const QByteArray& key, const QString& bundle, Counters counters)
{
    auto db = store::Database::open(cache, key, store::Database::OpenMode::Create);
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    store::Connection& c = (*db)->writer();
    const QString drop = counters == Counters::None        ? QStringLiteral("supervision%")
                         : counters == Counters::CellsOnly ? QStringLiteral("supervision_decision%")
                                                           : QString();
    if (!drop.isEmpty()) {
        auto q = c.prepare(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%1'").arg(drop));
        QStringList names;
        while (q->step())
            names << q->text(0);
        for (const QString& n : names)
            (void)c.exec(QStringLiteral("DROP TRIGGER %1").arg(n));
    }
    QElapsedTimer t;
    t.start();
    std::optional<store::SupervisionBulkLoad> bulk;
    if (counters == Counters::FilledAtTheEnd)
        bulk.emplace(c);
    QFile in(bundle);
    in.open(QIODevice::ReadOnly);
    auto imported = store::BundleImporter(c).run(in);
    if (!imported)
        qFatal("import failed: %s", qPrintable(imported.error().message));
    if (bulk && !bulk->finish())
        qFatal("the counters were not filled");
    return t.elapsed() / 1000.0;
}

struct Prepared {
    QString cache;
    QByteArray key;
};

Prepared prepare(const QString& dir, int applications, quint64 seed)
{
    const bench::KeptCache kept(dir, QStringLiteral("supervision-%1-seed-%2").arg(applications).arg(seed));
    Prepared p{kept.path(QStringLiteral("cache.db")), kept.key()};
    if (kept.reused())
        return p;
    const QString bundle = dir + QStringLiteral("/city.jsonl");
    QElapsedTimer t;
    t.start();
    {
        QFile out(bundle);
        out.open(QIODevice::WriteOnly);
        citygen::Options options;
        options.applications = applications;
        options.seed = seed;
        writeDecidedCity(options, out);
    }
    std::printf("generated %d applications in %.1f s\n", applications, t.elapsed() / 1000.0);
    std::printf("imported in %.1f s (the counters filled once at the end)\n",
                import(p.cache, p.key, bundle, Counters::FilledAtTheEnd));
    {
        auto db = store::Database::open(p.cache, p.key, store::Database::OpenMode::Existing);
        t.restart();
        auto checked = store::CacheEligibility((*db)->writer()).checkAll();
        if (!checked)
            qFatal("check failed: %s", qPrintable(checked.error().message));
        std::printf("checked %lld applications in %.1f s\n", static_cast<long long>(checked->checked),
                    t.elapsed() / 1000.0);
    }
    QFile::remove(bundle);
    kept.keep();
    return p;
}

// Due dates for the information requests of a cache generated before they had one (two weeks after
// submission, as writeDecidedCity gives them now): all of them are overdue by the time of a run.
void addDueDates(store::Connection& c)
{
    QElapsedTimer t;
    t.start();
    if (Status s = c.exec(QStringLiteral(
            "INSERT INTO info_due (application_id, source, due_date) SELECT id, 'upstream', date(submitted_at, "
            "'+14 days') FROM applications a WHERE status = 'info_requested' AND NOT EXISTS (SELECT 1 FROM "
            "info_due d WHERE d.application_id = a.id AND d.source = 'upstream')"));
        !s)
        qFatal("%s", qPrintable(s.error().message));
    const auto n = c.scalar(QStringLiteral("SELECT count(*) FROM info_due"));
    std::printf("information requests with a due date: %s (%lld ms to add the missing ones)\n",
                qPrintable(n ? n->toString() : QString()), static_cast<long long>(t.elapsed()));
}

// A page of `n` changes as a sync brings them: applications at a new version, with a new decision or
// a new status, chosen from the cache at `round`.
QList<Change> page(store::Connection& c, int n, int round, qint64* seq)
{
    // Rows spread over the table: pages of different rounds touch different applications.
    auto last = c.scalar(QStringLiteral("SELECT max(rowid) FROM applications"));
    const qint64 rows = last ? std::max<qint64>(1, last->toLongLong() - n) : 1;
    auto q =
        c.prepare(QStringLiteral("SELECT id, version, data FROM applications WHERE rowid > %1 ORDER BY rowid LIMIT %2")
                      .arg((qint64(round) * 37003) % rows)
                      .arg(n));
    QList<Change> out;
    int i = 0;
    while (q->step()) {
        Change ch;
        ch.seq = ++*seq;
        ch.entity = entity::Application;
        ch.op = QStringLiteral("upsert");
        ch.id = q->text(0);
        ch.version = q->int64(1) + 1;
        ch.data = QJsonDocument::fromJson(q->utf8(2)).object();
        ch.data.insert(QStringLiteral("version"), ch.version);
        if (i++ % 2 == 0) {
            ch.data.insert(QStringLiteral("status"), QStringLiteral("approved"));
            ch.data.insert(QStringLiteral("decision"),
                           QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")},
                                       {QStringLiteral("category"), QStringLiteral("B")},
                                       {QStringLiteral("decided_by"), QStringLiteral("officer.%1").arg(round % 40)},
                                       {QStringLiteral("decided_at"), QStringLiteral("2026-07-01T08:00:00Z")}});
        } else {
            ch.data.insert(QStringLiteral("status"), QStringLiteral("under_review"));
            ch.data.insert(QStringLiteral("decision"), QJsonValue());
        }
        out.append(ch);
    }
    return out;
}

QStringList dropCounterTriggers(store::Connection& c)
{
    auto q = c.prepare(
        QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'supervision%'"));
    QStringList made;
    QStringList names;
    while (q->step()) {
        names << q->text(0);
        made << q->text(1);
    }
    for (const QString& n : names)
        (void)c.exec(QStringLiteral("DROP TRIGGER %1").arg(n));
    return made;
}

// The import of a generated city with and without the counters' triggers.
void compareImports(int importApplications, quint64 seed)
{
    if (importApplications > 0) {
        QTemporaryDir importDir;
        const QString bundle = importDir.filePath(QStringLiteral("city.jsonl"));
        {
            QFile out(bundle);
            out.open(QIODevice::WriteOnly);
            citygen::Options options;
            options.applications = importApplications;
            options.seed = seed;
            writeDecidedCity(options, out);
        }
        const QByteArray key = crypto::randomBytes(32);
        // Alternately without and with the triggers (and with the row counters but not the decisions'),
        // so that a change of load weighs on both.
        bench::Figures without, with, cellsOnly, atTheEnd;
        for (int round = 0; round < 2; ++round) {
            const QString base = importDir.filePath(QStringLiteral("%1-").arg(round));
            without.add(import(base + QStringLiteral("a.db"), key, bundle, Counters::None));
            with.add(import(base + QStringLiteral("b.db"), key, bundle, Counters::Triggers));
            cellsOnly.add(import(base + QStringLiteral("c.db"), key, bundle, Counters::CellsOnly));
            atTheEnd.add(import(base + QStringLiteral("d.db"), key, bundle, Counters::FilledAtTheEnd));
            for (const char* f : {"a.db", "b.db", "c.db", "d.db"})
                for (const char* suffix : {"", "-wal", "-shm"})
                    QFile::remove(base + QLatin1String(f) + QLatin1String(suffix));
        }
        std::printf("import of %d applications: %.1f s with the triggers, %.1f s without: +%.0f%% (%.1f s without "
                    "the decisions' counters); %.1f s with the counters filled once at the end "
                    "(SupervisionBulkLoad, as admissionsctl import and a first sync): %+.0f%%\n",
                    importApplications, with.median(), without.median(),
                    100.0 * (with.median() - without.median()) / without.median(), cellsOnly.median(),
                    atTheEnd.median(), 100.0 * (atTheEnd.median() - without.median()) / without.median());
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // a long run shows each figure as it comes
    QCommandLineParser parser;
    bench::addCityOptions(parser, 1000000);
    parser.addOption(
        {QStringLiteral("dir"), QStringLiteral("Keep the cache here and use it again."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("import-applications"),
                      QStringLiteral("City size of the import measured with and without the triggers (0: skip)."),
                      QStringLiteral("M"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("import-only"), QStringLiteral("Only the import with and without the triggers.")});
    parser.process(app);
    const int applications = parser.value(QStringLiteral("applications")).toInt();
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong();
    QTemporaryDir tmp;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : tmp.path();
    QDir().mkpath(dir);
    if (parser.isSet(QStringLiteral("import-only"))) {
        compareImports(parser.value(QStringLiteral("import-applications")).toInt(), seed);
        return 0;
    }
    const Prepared p = prepare(dir, applications, seed);

    auto db = store::Database::open(p.cache, p.key, store::Database::OpenMode::Existing);
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    store::Connection& writer = (*db)->writer();
    addDueDates(writer);
    auto cityScope = SupervisionReport::resolveScope(writer, store::SupervisionSchema::kCityCode);
    auto firstDistrict = writer.scalar(QStringLiteral("SELECT min(district_code) FROM schools"));
    auto districtScope = SupervisionReport::resolveScope(writer, firstDistrict->toString());
    if (!cityScope || !districtScope)
        qFatal("no scope");

    // Opening: a new reader connection and the first read, as a window opening the dashboard does.
    auto open = [&](const views::SupervisionScope& scope, bool plain, qint64* applicationsRead) {
        QElapsedTimer t;
        t.start();
        auto reader = (*db)->openReader();
        if (!reader)
            qFatal("%s", qPrintable(reader.error().message));
        auto f = plain ? SupervisionReport::readPlain(**reader, scope) : SupervisionReport::read(**reader, scope);
        if (!f)
            qFatal("%s", qPrintable(f.error().message));
        *applicationsRead = f->totals.applications();
        return msSince(t);
    };
    std::printf("\nopening the report (new reader connection and first read), median of 5; plain GROUP BY once:\n");
    for (const auto& [name, scope] : {std::pair{"city", *cityScope}, std::pair{"district", *districtScope}}) {
        bench::Figures ours;
        qint64 n = 0, m = 0;
        for (int i = 0; i < 5; ++i)
            ours.add(open(scope, false, &n));
        const double plain = open(scope, true, &m);
        std::printf("  %-8s counters %8.1f ms (max %.1f)   plain %9.1f ms   %6.0fx   (%lld applications; plain "
                    "%lld)\n",
                    name, ours.median(), ours.max(), plain, plain / ours.median(), static_cast<long long>(n),
                    static_cast<long long>(m));
    }

    // Refreshing after a 1,000-change apply: the apply on the writer, then the read on the open reader.
    auto reader = (*db)->openReader();
    qint64 seq = 1LL << 40;
    store::ChangeApplier applier(writer);
    std::printf("\nrefresh after a 1,000-change apply (read on the open reader), 5 rounds:\n");
    bench::Figures applyMs, refreshCity, refreshDistrict, plainCity;
    for (int round = 0; round < 5; ++round) {
        const QList<Change> changes = page(writer, 1000, round, &seq);
        QElapsedTimer t;
        t.start();
        if (auto r = applier.apply(changes); !r)
            qFatal("%s", qPrintable(r.error().message));
        applyMs.add(msSince(t));
        t.restart();
        auto f = SupervisionReport::read(**reader, *cityScope);
        refreshCity.add(msSince(t));
        t.restart();
        auto d = SupervisionReport::read(**reader, *districtScope);
        refreshDistrict.add(msSince(t));
        if (round < 2) {
            t.restart();
            auto plain = SupervisionReport::readPlain(**reader, *cityScope);
            plainCity.add(msSince(t));
            if (!plain || !f || plain->totals.approved() != f->totals.approved())
                std::printf("  (!) the plain figures differ from the counters\n");
        }
    }
    std::printf("  apply %.1f ms; refresh city %.1f ms, district %.1f ms; plain city %.1f ms: %.0fx\n",
                applyMs.median(), refreshCity.median(), refreshDistrict.median(), plainCity.median(),
                plainCity.median() / refreshCity.median());

    // What the triggers cost a 1,000-change apply: pages with and without them, alternately.
    bench::Figures with, without;
    for (int round = 0; round < 10; ++round) {
        const bool counters = round % 2 == 0;
        QStringList made;
        if (!counters)
            made = dropCounterTriggers(writer);
        const QList<Change> changes = page(writer, 1000, 100 + round, &seq);
        QElapsedTimer t;
        t.start();
        if (auto r = store::ChangeApplier(writer).apply(changes); !r)
            qFatal("%s", qPrintable(r.error().message));
        (counters ? with : without).add(msSince(t));
        for (const QString& sql : made)
            (void)writer.exec(sql);
    }
    std::printf("\ntriggers' cost on a 1,000-change apply: %.1f ms with, %.1f ms without (median of 5 each): "
                "+%.1f ms, +%.0f%%\n",
                with.median(), without.median(), with.median() - without.median(),
                100.0 * (with.median() - without.median()) / without.median());
    // The counters missed the pages applied without their triggers: made again in one pass, which is
    // also what migration 13 does over an existing cache.
    QElapsedTimer t;
    t.start();
    if (Status s = store::SupervisionSchema::rebuild(writer); !s)
        qFatal("%s", qPrintable(s.error().message));
    std::printf("one-pass fill of the counters (migration 13 over this cache, or report --rebuild): %.1f s\n",
                t.elapsed() / 1000.0);

    compareImports(parser.value(QStringLiteral("import-applications")).toInt(), seed);
    return 0;
}
