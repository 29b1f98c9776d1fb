// bench_eligibility: the automatic check over a whole cache, and the re-check after a sync of
// 1,000 changes. Prints applications per second; the baseline is checking everything again.
//
//   bench_eligibility [--applications N] [--seed S] [--dir DIR]
#include "BenchOptions.h"
#include "citygen/CityGenerator.h"
#include "domain/JsonCodec.h"
#include "security/Crypto.h"
#include "store/BundleImporter.h"
#include "store/CacheEligibility.h"
#include "store/ChangeApplier.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThreadPool>
#include <cstdio>
#include <sys/resource.h>

using namespace adm;

namespace {

// 1,000 changes as a sync would bring them: agency records re-fetched with a newer version.
QList<Change> recordUpdates(store::Connection& c, int count)
{
    QList<Change> out;
    auto q = c.prepare(QStringLiteral("SELECT id, version, data FROM agency_records ORDER BY id LIMIT ?"));
    q->bind(1, count);
    qint64 seq = 1 << 30;
    while (q->step()) {
        QJsonObject data = QJsonDocument::fromJson(q->utf8(2)).object();
        data.insert(QStringLiteral("fetched_at"), QStringLiteral("2026-07-01T00:00:00Z"));
        out.append(Change{++seq, entity::AgencyRecord, QStringLiteral("upsert"), q->text(0), q->int64(1) + 1, data});
    }
    return out;
}

// CPU seconds used by the whole process so far (all threads): a figure that a loaded machine
// distorts less than wall time.
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    bench::addCityOptions(p, 42000);
    p.addOption({QStringLiteral("dir"), QStringLiteral("Keep the cache in DIR, and reuse it when there."),
                 QStringLiteral("DIR")});
    p.process(app);
    const int n = p.value(QStringLiteral("applications")).toInt();

    // --dir keeps the imported cache (and its key) for the next run, which then skips generating
    // and importing: handy when profiling the check. Its results are cleared before measuring.
    QTemporaryDir tmp;
    const QString dir = p.isSet(QStringLiteral("dir")) ? p.value(QStringLiteral("dir")) : tmp.path();
    QDir().mkpath(dir);
    const QString cachePath = dir + QStringLiteral("/cache.db");
    QFile keyFile(dir + QStringLiteral("/key.hex"));
    const bool reuse = QFile::exists(cachePath) && keyFile.exists();
    QByteArray key;
    if (reuse && keyFile.open(QIODevice::ReadOnly)) {
        key = QByteArray::fromHex(keyFile.readAll());
    } else {
        key = crypto::randomBytes(32);
        QFile::remove(cachePath);
        if (keyFile.open(QIODevice::WriteOnly))
            keyFile.write(key.toHex());
    }
    keyFile.close();
    auto db = store::Database::open(cachePath, key,
                                    reuse ? store::Database::OpenMode::Existing : store::Database::OpenMode::Create, {},
                                    store::Database::Options{512 * 1024});
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    store::Connection& c = (*db)->writer();
    if (!reuse) {
        const QString bundle = tmp.filePath(QStringLiteral("city.jsonl"));
        QFile out(bundle);
        out.open(QIODevice::WriteOnly);
        citygen::Options options;
        options.applications = n;
        options.seed = p.value(QStringLiteral("seed")).toULongLong();
        if (!citygen::writeCity(options, out))
            qFatal("generation failed");
        out.close();
        QFile in(bundle);
        in.open(QIODevice::ReadOnly);
        if (!store::BundleImporter(c).run(in))
            qFatal("import failed");
    } else if (!c.exec(QStringLiteral("DELETE FROM eligibility_results; DELETE FROM eligibility_dirty;"))) {
        qFatal("cannot clear the previous results");
    }
    store::CacheEligibility eligibility(c);

    QElapsedTimer t;
    t.start();
    double cpu = cpuSeconds();
    auto all = eligibility.checkAll();
    const double allSeconds = t.nsecsElapsed() / 1e9;
    const double allCpu = cpuSeconds() - cpu;
    if (!all)
        qFatal("%s", qPrintable(all.error().message));
    // The check frees its evidence on the thread pool after returning; the re-check below is
    // measured on its own.
    QThreadPool::globalInstance()->waitForDone();
    const double freedSeconds = t.nsecsElapsed() / 1e9;

    const QList<Change> updates = recordUpdates(c, 1000);
    if (!store::ChangeApplier(c).apply(updates))
        qFatal("applying the updates failed");
    t.restart();
    cpu = cpuSeconds();
    auto delta = eligibility.refresh();
    const double deltaSeconds = t.nsecsElapsed() / 1e9;
    const double deltaCpu = cpuSeconds() - cpu;
    if (!delta)
        qFatal("%s", qPrintable(delta.error().message));

    std::printf("eligibility check of a %d-application cache\n", n);
    std::printf("  whole cache:          %8.2f s  (CPU %6.2f s)  %8lld applications  %9.0f applications/s  "
                "(target < 5 s at 42,000)\n",
                allSeconds, allCpu, static_cast<long long>(all->checked), all->checked / allSeconds);
    std::printf("  ... until its memory is freed in the background: %.2f s\n", freedSeconds);
    std::printf("  after 1,000 changes:  %8.3f s  (CPU %6.2f s)  %8lld applications re-checked  (target < 1 s)\n",
                deltaSeconds, deltaCpu, static_cast<long long>(delta->checked));
    QFile load(QStringLiteral("/proc/loadavg"));
    if (load.open(QIODevice::ReadOnly)) // other work on the machine slows the wall times, not the CPU times
        std::printf("  load average: %s", load.readLine().constData());
    std::printf("  ratio re-check / whole: %.3f\n", deltaSeconds / allSeconds);
    return 0;
}
