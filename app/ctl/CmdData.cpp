// generate, import, stats
#include "Commands.h"
#include "CtlContext.h"
#include "CtlText.h"
#include "citygen/CityGenerator.h"
#include "store/BundleImporter.h"
#include "store/CacheEligibility.h"
#include "store/CacheStats.h"
#include "store/SupervisionSchema.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace adm::ctl {

int cmdGenerate(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption apps(QStringLiteral("applications"), CtlText::tr("How many applications (1 to 1000000)."),
                                  CtlText::tr("N"), QStringLiteral("42000"));
    const QCommandLineOption seed(QStringLiteral("seed"), CtlText::tr("The seed; the same seed gives the same bytes."),
                                  CtlText::tr("S"), QStringLiteral("1"));
    const QCommandLineOption out(QStringLiteral("out"), CtlText::tr("Write the change feed (JSON lines) to FILE."),
                                 CtlText::tr("FILE"));
    const QCommandLineOption truth(QStringLiteral("truth"),
                                   CtlText::tr("Also write the true category and flags of each application to FILE."),
                                   CtlText::tr("FILE"));
    if (!ctx.parse(p, CtlText::tr("Generate a synthetic city as an offline bundle (docs/change-feed-format.md)."),
                   {apps, seed, out, truth}))
        return BadUsage;
    bool okN = false, okS = false;
    const int n = p.value(apps).toInt(&okN);
    const quint64 s = p.value(seed).toULongLong(&okS);
    if (!okN || n < 1 || n > 1000000)
        return ctx.usage(
            CtlText::tr("--applications takes a whole number from 1 to 1000000, not \"%1\".").arg(p.value(apps)));
    if (!okS)
        return ctx.usage(CtlText::tr("--seed takes a non-negative whole number, not \"%1\".").arg(p.value(seed)));
    if (!p.isSet(out))
        return ctx.usage(CtlText::tr("say where to write the city: --out FILE"));

    QSaveFile changes(p.value(out));
    if (!changes.open(QIODevice::WriteOnly))
        return ctx.usage(CtlText::tr("cannot write %1: %2").arg(p.value(out), changes.errorString()));
    std::unique_ptr<QSaveFile> truthFile;
    if (p.isSet(truth)) {
        truthFile = std::make_unique<QSaveFile>(p.value(truth));
        if (!truthFile->open(QIODevice::WriteOnly))
            return ctx.usage(CtlText::tr("cannot write %1: %2").arg(p.value(truth), truthFile->errorString()));
    }
    QElapsedTimer timer;
    timer.start();
    const citygen::Options options{n, s};
    if (Status st = citygen::writeCity(options, changes, truthFile.get()); !st)
        return ctx.fail(st.error());
    if (!changes.commit() || (truthFile && !truthFile->commit()))
        return ctx.usage(CtlText::tr("cannot finish writing the output: %1").arg(changes.errorString()));
    ctx.err() << CtlText::tr("Generated a city of %1 applications (seed %2) in %3 s.")
                     .arg(n)
                     .arg(s)
                     .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
              << Qt::endl;
    return Done;
}

namespace {

// The supervision figures of a first import, filled in one pass (SupervisionBulkLoad).
int finishBulkLoad(CtlContext& ctx, store::SupervisionBulkLoad& bulk)
{
    if (!bulk.suspended())
        return Done;
    QElapsedTimer timer;
    timer.start();
    ctx.err() << CtlText::tr("Filling the supervision figures…") << Qt::flush;
    const Status filled = bulk.finish();
    ctx.err() << Qt::endl;
    if (!filled)
        return ctx.fail(filled.error());
    ctx.err() << CtlText::tr("Supervision figures filled in %1 s.").arg(timer.elapsed() / 1000.0, 0, 'f', 1)
              << Qt::endl;
    return Done;
}

} // namespace

int cmdImport(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption batch(
        QStringLiteral("batch-size"),
        CtlText::tr("Changes per transaction (default %1); a killed import keeps whole batches.")
            .arg(store::BundleImporter::kDefaultBatch),
        CtlText::tr("N"), QString::number(store::BundleImporter::kDefaultBatch));
    const QCommandLineOption noCheck(QStringLiteral("no-check"),
                                     CtlText::tr("Do not run the eligibility check on what the bundle changed."));
    if (!ctx.parse(p,
                   CtlText::tr("Apply an offline bundle (JSON lines of the change feed) to the cache, then check what "
                               "changed. Importing the same bundle again changes nothing."),
                   {batch, noCheck}, QStringLiteral("file"), CtlText::tr("The bundle to import.")))
        return BadUsage;
    if (p.positionalArguments().size() != 1)
        return ctx.usage(CtlText::tr("usage: import FILE"));
    bool okBatch = false;
    const int batchSize = p.value(batch).toInt(&okBatch);
    if (!okBatch || batchSize < 1 || batchSize > 1000000)
        return ctx.usage(
            CtlText::tr("--batch-size takes a whole number from 1 to 1000000, not \"%1\".").arg(p.value(batch)));
    QFile input(p.positionalArguments().first());
    if (!input.open(QIODevice::ReadOnly))
        return ctx.usage(CtlText::tr("cannot read %1: %2").arg(input.fileName(), input.errorString()));
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;

    QElapsedTimer timer;
    timer.start();
    // Into an empty cache the supervision counters are filled once, after the import and its check.
    store::SupervisionBulkLoad bulk(ws->database().writer());
    store::BundleImporter importer(ws->database().writer(), batchSize);
    auto stats = importer.run(input, [&](const store::BundleImporter::Progress& pr) {
        const int percent = pr.totalBytes > 0 ? int(100 * pr.bytes / pr.totalBytes) : 0;
        ctx.err() << '\r'
                  << CtlText::tr("Importing: %1% (%2 changes, %3 s)")
                         .arg(percent)
                         .arg(pr.stats.received)
                         .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                  << Qt::flush;
    });
    ctx.err() << Qt::endl;
    if (!stats)
        return ctx.fail(
            Error{QStringLiteral("bad_input"),
                  CtlText::tr("%1. The batches before it are imported; correct the bundle and import it again.")
                      .arg(stats.error().message)});
    (void)ws->audit().append(ws->user(), QStringLiteral("cache.import"),
                             QStringLiteral("changes=%1 upserted=%2 deleted=%3")
                                 .arg(stats->received)
                                 .arg(stats->upserted)
                                 .arg(stats->deleted));
    const double seconds = timer.elapsed() / 1000.0;
    ctx.err() << CtlText::tr("Imported %1 changes in %2 s: %3 new or updated, %4 deleted, %5 already up to date.")
                     .arg(stats->received)
                     .arg(seconds, 0, 'f', 1)
                     .arg(stats->upserted)
                     .arg(stats->deleted)
                     .arg(stats->skipped)
              << Qt::endl;
    if (p.isSet(noCheck))
        return finishBulkLoad(ctx, bulk);
    timer.restart();
    store::CacheEligibility eligibility(ws->database().writer());
    auto checked = eligibility.refresh([&](qint64 done, qint64 total) {
        ctx.err() << '\r' << CtlText::tr("Checking eligibility: %1 of %2 applications").arg(done).arg(total)
                  << Qt::flush;
    });
    ctx.err() << Qt::endl;
    if (!checked)
        return ctx.fail(checked.error());
    ctx.err() << CtlText::tr("Checked %1 applications in %2 s; %3 changed.")
                     .arg(checked->checked)
                     .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                     .arg(checked->changed)
              << Qt::endl;
    return finishBulkLoad(ctx, bulk);
}

int cmdStats(CtlContext& ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), CtlText::tr("Print JSON."));
    if (!ctx.parse(p, CtlText::tr("Counts in the cache: per entity, per dataset, per status and per channel."), {json}))
        return BadUsage;
    int code = Done;
    auto ws = ctx.unlock(&code);
    if (!ws)
        return code;
    auto stats = store::collectCacheStats(ws->database().writer());
    if (!stats)
        return ctx.fail(stats.error());
    if (p.isSet(json)) {
        ctx.out() << QJsonDocument(*stats).toJson(QJsonDocument::Indented) << Qt::flush;
        return Done;
    }
    for (auto group = stats->constBegin(); group != stats->constEnd(); ++group) {
        if (!group.value().isObject()) {
            ctx.out() << group.key() << ": " << group.value().toVariant().toString() << Qt::endl;
            continue;
        }
        ctx.out() << group.key() << ':' << Qt::endl;
        const QJsonObject o = group.value().toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            ctx.out() << "  " << it.key() << ": " << it.value().toVariant().toLongLong() << Qt::endl;
    }
    return Done;
}

} // namespace adm::ctl
