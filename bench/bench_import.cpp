// bench_import: imports a generated city into the encrypted cache, and the same bundle into the
// same SQLite engine without a key, in one run; prints rows per second and the ratio.
//
//   bench_import [--applications N] [--seed S] [--batch-size B] [--dir DIR [--keep]] [--no-baseline]
#include "BenchOptions.h"
#include "citygen/CityGenerator.h"
#include "security/Crypto.h"
#include "store/BundleImporter.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <cstdio>

using namespace adm;

namespace {

struct Figures {
    double seconds = 0;
    qint64 changes = 0;
    qint64 tableRows = 0;
    qint64 bytes = 0;
};

qint64 countRows(store::Connection& c)
{
    qint64 n = 0;
    // Every row the import writes: the entities, who they are about, and the queue read model.
    for (const char* t : {"policies", "schools", "zones", "applications", "application_people", "agency_records",
                          "record_subjects", "eligibility_dirty", "queue_rows", "queue_name_grams"})
        if (auto count = c.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(t))))
            n += count->toLongLong();
    return n;
}

// The database file and its WAL (pages not checkpointed yet live only there).
qint64 onDisk(const QString& path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

// The baseline: the same schema and pragmas in a file without a key. Only a benchmark does this.
std::unique_ptr<store::Connection> openPlain(const QString& path, qint64 cacheKiB)
{
    auto c = store::Connection::open(path, store::Connection::Mode::ReadWriteCreate);
    if (!c)
        qFatal("cannot open %s", qPrintable(path));
    QStringList statements{QStringLiteral("PRAGMA page_size = 4096"), QStringLiteral("PRAGMA journal_mode = WAL"),
                           QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA temp_store = MEMORY"),
                           QStringLiteral("PRAGMA cache_size = -%1").arg(cacheKiB)};
    const QDir migrations(QStringLiteral(":/migrations"));
    for (const QString& name : migrations.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        QFile f(migrations.filePath(name));
        f.open(QIODevice::ReadOnly);
        statements.append(QString::fromUtf8(f.readAll()));
    }
    for (const QString& sql : statements)
        if (!(*c)->exec(sql))
            qFatal("baseline setup failed");
    return std::move(*c);
}

Figures importInto(store::Connection& c, const QString& bundle, int batchSize, const QString& label)
{
    QFile in(bundle);
    in.open(QIODevice::ReadOnly);
    store::BundleImporter importer(c, batchSize);
    QElapsedTimer t;
    t.start();
    auto stats = importer.run(in, [&](const store::BundleImporter::Progress& p) {
        std::fprintf(stderr, "\r  %s: %lld changes", qPrintable(label), static_cast<long long>(p.stats.received));
    });
    Figures f;
    f.seconds = t.nsecsElapsed() / 1e9;
    std::fprintf(stderr, "\n");
    if (!stats)
        qFatal("import failed: %s", qPrintable(stats.error().message));
    f.changes = stats->received;
    f.tableRows = countRows(c);
    return f;
}

void print(const char* name, const Figures& f)
{
    std::printf("%-22s %8.2f s  %9lld changes  %8.0f changes/s  %10lld rows  %8.0f rows/s  %7.1f MB\n", name, f.seconds,
                static_cast<long long>(f.changes), f.changes / f.seconds, static_cast<long long>(f.tableRows),
                f.tableRows / f.seconds, f.bytes / 1e6);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    bench::addCityOptions(p, 100000);
    p.addOption({QStringLiteral("batch-size"), QStringLiteral("Changes per transaction."), QStringLiteral("B"),
                 QString::number(store::BundleImporter::kDefaultBatch)});
    p.addOption(
        {QStringLiteral("dir"), QStringLiteral("Work folder (default: a temporary one)."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("keep"), QStringLiteral("Keep the encrypted cache and its key (key.hex) in --dir, "
                                                        "for bench_eligibility --dir to reuse.")});
    p.addOption({QStringLiteral("no-baseline"),
                 QStringLiteral("Skip the plain SQLite import (for a 1,000,000-application run that would take an "
                                "hour with it).")});
    p.process(app);

    const bool keep = p.isSet(QStringLiteral("keep")) && p.isSet(QStringLiteral("dir"));
    const bool baseline = !p.isSet(QStringLiteral("no-baseline"));
    QTemporaryDir tmp(p.isSet(QStringLiteral("dir")) ? p.value(QStringLiteral("dir")) + QStringLiteral("/bench-XXXXXX")
                                                     : QString());
    const QString cachePath =
        keep ? p.value(QStringLiteral("dir")) + QStringLiteral("/cache.db") : tmp.filePath(QStringLiteral("cache.db"));
    const QString bundle = tmp.filePath(QStringLiteral("city.jsonl"));
    const int n = p.value(QStringLiteral("applications")).toInt();
    const int batch = p.value(QStringLiteral("batch-size")).toInt();
    {
        QElapsedTimer t;
        t.start();
        QFile out(bundle);
        out.open(QIODevice::WriteOnly);
        citygen::Options options;
        options.applications = n;
        options.seed = p.value(QStringLiteral("seed")).toULongLong();
        if (!citygen::writeCity(options, out))
            qFatal("generation failed");
        std::printf("generated %d applications (%.1f MB bundle) in %.1f s\n", n, out.size() / 1e6,
                    t.elapsed() / 1000.0);
    }

    const qint64 cacheKiB = 512 * 1024;
    Figures plain;
    if (baseline) {
        auto c = openPlain(tmp.filePath(QStringLiteral("plain.db")), cacheKiB);
        plain = importInto(*c, bundle, batch, QStringLiteral("plain SQLite"));
        plain.bytes = onDisk(tmp.filePath(QStringLiteral("plain.db")));
    }
    Figures encrypted;
    {
        const QByteArray key = crypto::randomBytes(32);
        if (keep) {
            QFile::remove(cachePath);
            QFile keyFile(p.value(QStringLiteral("dir")) + QStringLiteral("/key.hex"));
            if (keyFile.open(QIODevice::WriteOnly))
                keyFile.write(key.toHex());
        }
        auto db = store::Database::open(cachePath, key, store::Database::OpenMode::Create, {},
                                        store::Database::Options{cacheKiB});
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        encrypted = importInto((*db)->writer(), bundle, batch, QStringLiteral("SQLCipher"));
    }
    encrypted.bytes = onDisk(cachePath);

    std::printf("\nimport of a %d-application city (parse + apply, %d changes per transaction)\n", n, batch);
    if (baseline)
        print("plain SQLite (baseline)", plain);
    print("SQLCipher (the cache)", encrypted);
    if (baseline)
        std::printf("ratio encrypted/plain time: %.2fx   (target <= 1.3x; target >= 100000 rows/s)\n",
                    encrypted.seconds / plain.seconds);
    return 0;
}
