// bench_sync: the sync engine against the real sandbox hub (admissions-hub, started here on a
// loopback port with HTTPS and its own CA), in one run:
//
//   1. the initial sync of a whole city into a fresh cache (supervisor.city: every change);
//   2. a reviewer's desk (the reviewer with the most schools) syncs, records decisions through
//      DecisionWorkflow (what `admissionsctl decide` and the GUI use) and pushes them in one pass;
//   3. the city's cache then syncs the delta: exactly the changes those decisions made upstream;
//
// and, as the baseline, the same change set (the hub loads the bench's bundle with --city-file)
// imported from that file by BundleImporter, no network: in its own batches of 20,000 followed by
// the eligibility check (as `admissionsctl import` does: the figure the initial pass, pull and
// check, is held against), and in transactions as big as the pull's pages. Time splits come from the engine's
// SyncTimings; the hub's own share of the waits from its log (one line per request, with its milliseconds). Prints
// figures and ratios, never asserts.
//
//   bench_sync [--applications N] [--seed S] [--decisions D] [--page-size P] [--dir DIR]
#include "BenchOptions.h"
#include "HubProcess.h"
#include "citygen/CityGenerator.h"
#include "store/BundleImporter.h"
#include "store/CacheEligibility.h"
#include "store/Workspace.h"
#include "sync/DecisionWorkflow.h"
#include "sync/Enrolment.h"
#include "sync/SyncService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>
#include <cstdio>
#include <cstdlib>

using namespace adm;

namespace {

const QString kUser = QStringLiteral("bench");
const QString kPassphrase = QStringLiteral("bench passphrase 2026");

double seconds(qint64 ns)
{
    return ns / 1e9;
}

double share(qint64 part, qint64 whole)
{
    return whole > 0 ? 100.0 * double(part) / double(whole) : 0.0;
}

// The rows the cache holds for the entities: their tables, who they are about, the queue read model.
qint64 countRows(store::Connection& c)
{
    qint64 n = 0;
    for (const char* t : {"policies", "schools", "zones", "applications", "application_people", "agency_records",
                          "record_subjects", "other_entities", "queue_rows", "queue_name_grams"})
        if (auto count = c.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(t))))
            n += count->toLongLong();
    return n;
}

// `role`: the local user's, one of the hub account's (the sync refuses another).
std::unique_ptr<store::Workspace> makeWorkspace(const QString& dir, const QString& hubUrl, const QByteArray& caPem,
                                                const QString& name, const QString& role = QStringLiteral("reviewer"))
{
    auto ws = store::Workspace::initialise(dir, kUser, role, kPassphrase);
    if (!ws)
        qFatal("cannot make a workspace: %s", qPrintable(ws.error().message));
    if (hubUrl.isEmpty())
        return std::move(*ws);
    auto url = sync::Enrolment::parseHubUrl(hubUrl);
    if (!url)
        qFatal("%s", qPrintable(url.error().message));
    sync::Enrolment e;
    e.hubUrl = *url;
    e.caPem = caPem;
    e.workstationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.workstationName = name;
    if (Status s = sync::Enrolment::save((*ws)->database().writer(), e); !s)
        qFatal("cannot enrol: %s", qPrintable(s.error().message));
    return std::move(*ws);
}

// The hub's own time for the requests logged since `offset` (its log: "... 200 17ms account=…").
qint64 hubMilliseconds(const QString& log, qint64 offset, qint64* requests)
{
    QFile f(log);
    if (!f.open(QIODevice::ReadOnly) || !f.seek(offset))
        return 0;
    static const QRegularExpression line(QStringLiteral("^admissions\\.hub: [A-Z]+ \\S+ \\d{3} (\\d+)ms "));
    qint64 ms = 0;
    *requests = 0;
    while (!f.atEnd()) {
        const auto m = line.match(QString::fromUtf8(f.readLine()));
        if (m.hasMatch()) {
            ms += m.captured(1).toLongLong();
            ++*requests;
        }
    }
    return ms;
}

struct Pass {
    QString label;
    sync::PassResult result;
    qint64 wallNs = 0;
    qint64 rows = 0;  // in the cache after the pass
    qint64 hubMs = 0; // the hub's handlers, from its log
    qint64 hubRequests = 0;
};

// One pass of the real engine (SyncService, as `admissionsctl sync` runs it); the workspace is
// handed to the service and back.
Pass runPass(std::unique_ptr<store::Workspace>& ws, const QString& label, const QString& account,
             const QString& password, const sync::SyncOptions& options, const adm::hub::HubProcess& hub)
{
    Pass out;
    out.label = label;
    const qint64 logOffset = QFileInfo(hub.logFile()).size();
    sync::SyncService service(std::move(ws), options);
    service.setCredentials(account, password);
    QEventLoop loop;
    QElapsedTimer shown;
    shown.start();
    QObject::connect(&service, &sync::SyncService::progress, &loop, [&](const sync::SyncProgress& p) {
        if (p.phase == sync::Phase::Idle || shown.elapsed() < 500)
            return;
        shown.restart();
        std::fprintf(stderr, "\r  %s: %s %lld%s          ", qPrintable(label), qPrintable(sync::phaseName(p.phase)),
                     static_cast<long long>(p.done),
                     p.total > 0 ? qPrintable(QStringLiteral(" of %1").arg(p.total)) : "");
    });
    QObject::connect(&service, &sync::SyncService::notice, &loop,
                     [](const QString& text) { std::fprintf(stderr, "\n  %s\n", qPrintable(text)); });
    QObject::connect(&service, &sync::SyncService::passFinished, &loop, [&](const sync::PassResult& r) {
        out.result = r;
        loop.quit();
    });
    QElapsedTimer wall;
    wall.start();
    service.syncNow();
    loop.exec();
    out.wallNs = wall.nsecsElapsed();
    std::fprintf(stderr, "\r%80s\r", "");
    ws = service.shutdown();
    if (!out.result.ok())
        qFatal("%s: %s (%s)", qPrintable(label), qPrintable(out.result.errorMessage), qPrintable(out.result.errorCode));
    out.rows = countRows(ws->database().writer());
    out.hubMs = hubMilliseconds(hub.logFile(), logOffset, &out.hubRequests);
    return out;
}

struct Import {
    int batchSize = 0;
    qint64 ns = 0;
    qint64 checkNs = 0; // the eligibility check after it, when asked for
    qint64 changes = 0;
    qint64 rows = 0;
};

Import importBundle(const QString& bundle, const QString& dir, int batchSize, bool check)
{
    Import out;
    out.batchSize = batchSize;
    auto ws = makeWorkspace(dir, {}, {}, {});
    QFile in(bundle);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(bundle));
    store::BundleImporter importer(ws->database().writer(), batchSize);
    QElapsedTimer t;
    t.start();
    auto stats = importer.run(in);
    out.ns = t.nsecsElapsed();
    if (!stats)
        qFatal("import failed: %s", qPrintable(stats.error().message));
    out.changes = stats->received;
    out.rows = countRows(ws->database().writer());
    if (check) {
        t.restart();
        auto checked = store::CacheEligibility(ws->database().writer()).refresh();
        out.checkNs = t.nsecsElapsed();
        if (!checked)
            qFatal("check after the import failed: %s", qPrintable(checked.error().message));
    }
    return out;
}

void printHeader()
{
    std::printf("%-52s %8s %9s %10s %9s %9s %8s %8s\n", "", "seconds", "changes", "changes/s", "rows", "rows/s", "MB",
                "requests");
}

void printPass(const Pass& p)
{
    const sync::SyncSummary& s = p.result.summary;
    const sync::SyncTimings& t = s.timings;
    const double wall = seconds(p.wallNs);
    // Rows written are known for a full pull into an empty cache (all of them); a delta rewrites rows.
    const QString rows = s.fullPull ? QString::number(p.rows) : QStringLiteral("-");
    const QString rowsPerSecond = s.fullPull ? QString::number(p.rows / wall, 'f', 0) : QStringLiteral("-");
    std::printf("%-52s %8.2f %9lld %10.0f %9s %9s %8.1f %8lld\n", qPrintable(p.label), wall,
                static_cast<long long>(s.pulled), s.pulled / wall, qPrintable(rows), qPrintable(rowsPerSecond),
                t.bytesReceived / 1e6, static_cast<long long>(t.requests));
    std::printf("    phases:  sign-in %.2f s | push %.2f s | pull %.2f s | eligibility check %.2f s (%lld "
                "applications)\n",
                seconds(t.signInNs), seconds(t.pushNs), seconds(t.pullNs), seconds(t.checkNs),
                static_cast<long long>(s.checked));
    // Transactions are applied on their own thread while later pages are fetched, so the parts can add
    // up to more than the wall time: what they overlap is shown instead of a negative "other".
    const qint64 other = t.totalNs - t.networkNs - t.parseNs - t.applyNs - t.checkNs;
    std::printf("    time:    network %.2f s (%.0f %%; the hub's handlers %.2f s of it) | JSON + contract %.2f s "
                "(%.0f %%) | applying %.2f s (%.0f %%) | check %.2f s (%.0f %%) | %s %.2f s (%.0f %%)\n",
                seconds(t.networkNs), share(t.networkNs, t.totalNs), p.hubMs / 1000.0, seconds(t.parseNs),
                share(t.parseNs, t.totalNs), seconds(t.applyNs), share(t.applyNs, t.totalNs), seconds(t.checkNs),
                share(t.checkNs, t.totalNs), other >= 0 ? "other" : "overlapped", seconds(std::abs(other)),
                share(std::abs(other), t.totalNs));
    std::printf("    pull:    %lld transactions | changes read on the thread pool %.2f s (while later pages came)\n",
                static_cast<long long>(t.transactions), seconds(t.decodeNs));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    bench::addCityOptions(p, 42000);
    p.addOption({QStringLiteral("decisions"), QStringLiteral("Decisions to push (and so changes in the delta)."),
                 QStringLiteral("D"), QStringLiteral("1000")});
    p.addOption({QStringLiteral("page-size"), QStringLiteral("Changes per pull page (the engine's default: 2000)."),
                 QStringLiteral("P"), QString::number(sync::SyncOptions{}.pageSize)});
    p.addOption({QStringLiteral("pull-batch"),
                 QStringLiteral("Changes per pull transaction, whole pages (the engine's default: 20000)."),
                 QStringLiteral("N"), QString::number(sync::SyncOptions{}.pullBatch)});
    p.addOption(
        {QStringLiteral("dir"), QStringLiteral("Work folder (default: a temporary one)."), QStringLiteral("DIR")});
    p.process(app);

    QTemporaryDir tmp(p.isSet(QStringLiteral("dir")) ? p.value(QStringLiteral("dir")) + QStringLiteral("/bench-XXXXXX")
                                                     : QString());
    if (!tmp.isValid())
        qFatal("no work folder");
    const int applications = p.value(QStringLiteral("applications")).toInt();
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong();
    const int decisions = p.value(QStringLiteral("decisions")).toInt();
    sync::SyncOptions options;
    options.pageSize = std::clamp(p.value(QStringLiteral("page-size")).toInt(), 1, 5000);
    options.pullBatch = std::max(1, p.value(QStringLiteral("pull-batch")).toInt());

    // The city, once, as a bundle: the hub loads it (--city-file) and the baseline imports it.
    const QString bundle = tmp.filePath(QStringLiteral("city.jsonl"));
    {
        QElapsedTimer t;
        t.start();
        QFile out(bundle);
        if (!out.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(bundle));
        citygen::Options city;
        city.applications = applications;
        city.seed = seed;
        if (!citygen::writeCity(city, out))
            qFatal("generation failed");
        std::printf("generated a %d-application city, seed %llu (%.1f MB bundle) in %.1f s\n", applications,
                    static_cast<unsigned long long>(seed), out.size() / 1e6, t.elapsed() / 1000.0);
    }

    adm::hub::HubProcess hub(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("admissions-hub")));
    if (!hub.isAvailable())
        qFatal("%s is not built (cmake --build BUILD --target admissions-hub)", qPrintable(hub.program()));
    {
        QElapsedTimer t;
        t.start();
        if (!hub.start(tmp.filePath(QStringLiteral("hub")), {QStringLiteral("--city-file"), bundle}, 30 * 60 * 1000))
            qFatal("the hub did not start; see %s", qPrintable(hub.logFile()));
        std::printf("admissions-hub (pid %lld) loaded it and listens on %s after %.1f s\n",
                    static_cast<long long>(hub.processId()), qPrintable(hub.url()), t.elapsed() / 1000.0);
    }
    QString supervisor;
    QString reviewer;
    qsizetype widest = 0;
    for (const QJsonValue& v : hub.accounts()) {
        const QJsonObject a = v.toObject();
        const QJsonArray roles = a.value(QStringLiteral("roles")).toArray();
        if (roles.contains(QStringLiteral("supervisor")) &&
            a.value(QStringLiteral("district_code")).toString() == QLatin1String("371100"))
            supervisor = a.value(QStringLiteral("account")).toString();
        const qsizetype schools = a.value(QStringLiteral("school_ids")).toArray().size();
        if (roles.contains(QStringLiteral("reviewer")) && schools > widest) {
            widest = schools;
            reviewer = a.value(QStringLiteral("account")).toString();
        }
    }
    if (supervisor.isEmpty() || reviewer.isEmpty())
        qFatal("the hub's accounts.json has no city supervisor or no reviewer");
    auto ca = sync::Enrolment::readCaFile(hub.caFile());
    if (!ca)
        qFatal("%s", qPrintable(ca.error().message));

    // Baselines: the same change set from a local file into the same kind of cache, no network; in
    // the importer's own batches, and in transactions as big as the pull's pages.
    const Import imported = importBundle(bundle, tmp.filePath(QStringLiteral("import")), 20000, true);
    const Import importedInPages =
        importBundle(bundle, tmp.filePath(QStringLiteral("import-pages")), options.pageSize, false);

    // 1. The initial sync of the whole city.
    auto city = makeWorkspace(tmp.filePath(QStringLiteral("city")), hub.url(), *ca, QStringLiteral("bench city"),
                              QStringLiteral("supervisor"));
    const Pass initial = runPass(city, QStringLiteral("initial sync, %1 (full pull)").arg(supervisor), supervisor,
                                 hub.password(supervisor), options, hub);

    // 2. A reviewer's desk: its first sync, then decisions recorded and pushed.
    auto desk = makeWorkspace(tmp.filePath(QStringLiteral("desk")), hub.url(), *ca, QStringLiteral("bench desk"));
    const Pass deskInitial = runPass(desk, QStringLiteral("initial sync, %1 (full pull)").arg(reviewer), reviewer,
                                     hub.password(reviewer), options, hub);
    QStringList open;
    {
        auto q = desk->database().writer().prepare(
            QStringLiteral("SELECT id FROM applications WHERE status IN ('submitted', 'under_review', "
                           "'info_requested') ORDER BY id LIMIT %1")
                .arg(decisions));
        while (q && q->step())
            open += q->text(0);
    }
    qint64 recordNs = 0;
    int recorded = 0;
    {
        // As `admissionsctl decide` does: the workflow on the writer, outbox item and audit entry in
        // one transaction each. Approvals in the checked category need no reason.
        sync::DecisionWorkflow workflow(desk->database().writer(), desk->audit(), kUser, desk->role(), reviewer);
        QElapsedTimer t;
        t.start();
        for (qsizetype i = 0; i < open.size(); ++i) {
            sync::DecisionRequest r;
            r.applicationId = open.at(i);
            if (i % 2 == 0) {
                r.outcome = QStringLiteral("approve");
            } else {
                r.outcome = QStringLiteral("reject");
                r.reasonCode = QStringLiteral("not_in_zone");
            }
            auto item = workflow.decide(r);
            if (!item && item.error().code == QLatin1String("reason_required")) {
                r.reasonCode = QStringLiteral("verified_on_paper");
                item = workflow.decide(r);
            }
            if (!item)
                qFatal("decision on %s refused: %s", qPrintable(r.applicationId), qPrintable(item.error().message));
            ++recorded;
        }
        recordNs = t.nsecsElapsed();
    }
    const Pass push = runPass(desk, QStringLiteral("push of %1 decisions, %2 (whole pass)").arg(recorded).arg(reviewer),
                              reviewer, hub.password(reviewer), options, hub);
    QMap<QString, qint64> outcomes;
    {
        auto q = desk->database().writer().prepare(QStringLiteral(
            "SELECT coalesce(result_status, state), count(*) FROM outbox WHERE kind = 'decision' GROUP BY 1"));
        while (q && q->step())
            outcomes.insert(q->text(0), q->int64(1));
    }

    // 3. The city's cache pulls what that desk changed upstream.
    const Pass delta = runPass(city, QStringLiteral("delta sync, %1 (what the push made)").arg(supervisor), supervisor,
                               hub.password(supervisor), options, hub);
    hub.stop();

    std::printf("\nsync against admissions-hub over HTTPS on loopback (pages of %d changes, transactions of up to "
                "%d, TLS 1.2+, its own CA)\n",
                options.pageSize, std::max(options.pageSize, options.pullBatch));
    printHeader();
    for (const Import& i : {imported, importedInPages}) {
        const double is = seconds(i.ns);
        std::printf("%-52s %8.2f %9lld %10.0f %9lld %9.0f\n",
                    qPrintable(QStringLiteral("import from a file, %1 a transaction (baseline)").arg(i.batchSize)), is,
                    static_cast<long long>(i.changes), i.changes / is, static_cast<long long>(i.rows), i.rows / is);
        if (i.checkNs > 0)
            std::printf("    then the eligibility check %.2f s: import and check %.2f s\n", seconds(i.checkNs),
                        seconds(i.ns + i.checkNs));
    }
    printPass(initial);
    printPass(deskInitial);
    printPass(push);
    printPass(delta);

    const sync::SyncTimings& pt = push.result.summary.timings;
    const qint64 audit = push.result.summary.pushed - outcomes.value(QStringLiteral("accepted")) -
                         outcomes.value(QStringLiteral("duplicate"));
    std::printf("\ndecisions: %d recorded through DecisionWorkflow in %.2f s (%.0f/s); the push phase took %.2f s "
                "(%.0f decisions/s, with %lld audit entries): network %.2f s, the outbox %.2f s\n",
                recorded, seconds(recordNs), recorded / seconds(recordNs), seconds(pt.pushNs),
                recorded / seconds(pt.pushNs), static_cast<long long>(audit), seconds(pt.pushNetworkNs),
                seconds(pt.pushNs - pt.pushNetworkNs));
    std::printf("answers: accepted %lld, duplicate %lld, conflict %lld, invalid %lld, pending %lld\n",
                static_cast<long long>(outcomes.value(QStringLiteral("accepted"))),
                static_cast<long long>(outcomes.value(QStringLiteral("duplicate"))),
                static_cast<long long>(outcomes.value(QStringLiteral("conflict"))),
                static_cast<long long>(outcomes.value(QStringLiteral("invalid"))),
                static_cast<long long>(outcomes.value(QStringLiteral("pending"))));

    const sync::SyncTimings& it = initial.result.summary.timings;
    std::printf("\nratios against the local import (same %lld changes; %s):\n",
                static_cast<long long>(imported.changes),
                imported.changes == initial.result.summary.pulled ? "the sync pulled the same number"
                                                                  : "NOTE: the sync pulled another number");
    std::printf("  initial sync, pull phase / import in transactions of %d:  %.2fx\n", importedInPages.batchSize,
                seconds(it.pullNs) / seconds(importedInPages.ns));
    std::printf("  initial sync, pull phase / import in transactions of %d: %.2fx\n", imported.batchSize,
                seconds(it.pullNs) / seconds(imported.ns));
    std::printf("  initial sync, whole pass / import in transactions of %d: %.2fx (the pass adds the eligibility "
                "check)\n",
                imported.batchSize, seconds(initial.wallNs) / seconds(imported.ns));
    std::printf("  initial sync, whole pass (pull and check) / import and check:   %.2fx (target 1.3x)\n",
                seconds(initial.wallNs) / seconds(imported.ns + imported.checkNs));
    std::printf("  delta, seconds per change / initial sync:                  %.2fx\n",
                (seconds(delta.wallNs) / std::max<qint64>(1, delta.result.summary.pulled)) /
                    (seconds(initial.wallNs) / std::max<qint64>(1, initial.result.summary.pulled)));
    return 0;
}
