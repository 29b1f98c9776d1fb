// bench_queue: the reviewer queue over a big cache (default 1,000,000 applications), against the
// textbook baseline in the same run: QSqlTableModel + QSortFilterProxyModel over a plain SQLite
// copy of the same rows. Times to the first screen, to change the sort, to apply a filter, for an
// ID-number search and a name-substring search; resident memory. It prints; it never asserts.
//
//   bench_queue [--applications N] [--seed S] [--dir DIR]
//
// With --dir the generated cache is kept in DIR and used again by the next run with the same N.
#include "BenchOptions.h"
#include "KeptCache.h"
#include "citygen/CityGenerator.h"
#include "security/Crypto.h"
#include "store/BundleImporter.h"
#include "store/CacheEligibility.h"
#include "store/Database.h"
#include "views/BinCountsModel.h"
#include "views/QueueModel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlTableModel>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace adm;
using namespace adm::views;

namespace {

double rssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

// Waits for `signal` of `sender` (or `ms`); returns the milliseconds since `clock` started.
template <typename Sender, typename Signal>
double waitFor(Sender* sender, Signal signal, const QElapsedTimer& clock, int ms = 600000)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    loop.exec();
    return clock.nsecsElapsed() / 1e6;
}

struct Prepared {
    QString cache;
    QString plain;
    QByteArray key;
};

// Migration 4 again over a cache that has everything else: what an existing workstation pays once.
void rebuildQueue(const Prepared& p)
{
    {
        auto db = store::Database::open(p.cache, p.key, store::Database::OpenMode::Existing);
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        store::Connection& c = (*db)->writer();
        auto q = c.prepare(QStringLiteral("SELECT type, name FROM sqlite_master WHERE name LIKE 'queue%' AND "
                                          "type IN ('trigger', 'table')"));
        QStringList drops;
        while (q->step())
            drops << QStringLiteral("DROP %1 IF EXISTS %2").arg(q->text(0).toUpper(), q->text(1));
        drops.sort(); // triggers ("DROP TRIGGER") before their tables
        std::reverse(drops.begin(), drops.end());
        for (const QString& sql : drops)
            if (!c.exec(sql))
                qFatal("cannot drop the queue: %s", qPrintable(sql));
        if (!c.exec(QStringLiteral("PRAGMA user_version = 3")))
            qFatal("cannot reset the schema version");
    }
    QElapsedTimer t;
    t.start();
    auto db = store::Database::open(p.cache, p.key, store::Database::OpenMode::Existing);
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    std::printf("migration 4 (queue tables, indexes, name pieces) over the existing cache: %.1f s\n",
                t.elapsed() / 1000.0);
}

Prepared prepare(const QString& dir, int applications, quint64 seed)
{
    const bench::KeptCache kept(dir, QStringLiteral("applications-%1-seed-%2").arg(applications).arg(seed));
    Prepared p{kept.path(QStringLiteral("cache.db")), kept.path(QStringLiteral("plain.db")), kept.key()};
    if (kept.reused())
        return p;
    QElapsedTimer t;
    t.start();
    const QString bundle = dir + QStringLiteral("/city.jsonl");
    {
        QFile out(bundle);
        out.open(QIODevice::WriteOnly);
        citygen::Options options;
        options.applications = applications;
        options.seed = seed;
        if (!citygen::writeCity(options, out))
            qFatal("generation failed");
    }
    std::printf("generated %d applications in %.1f s\n", applications, t.elapsed() / 1000.0);
    {
        auto db = store::Database::open(p.cache, p.key, store::Database::OpenMode::Create);
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        t.restart();
        QFile in(bundle);
        in.open(QIODevice::ReadOnly);
        auto imported = store::BundleImporter((*db)->writer()).run(in);
        if (!imported)
            qFatal("import failed: %s", qPrintable(imported.error().message));
        std::printf("imported %lld changes in %.1f s\n", static_cast<long long>(imported->received),
                    t.elapsed() / 1000.0);
        t.restart();
        auto checked = store::CacheEligibility((*db)->writer()).checkAll();
        if (!checked)
            qFatal("check failed: %s", qPrintable(checked.error().message));
        std::printf("checked %lld applications in %.1f s\n", static_cast<long long>(checked->checked),
                    t.elapsed() / 1000.0);
        // The baseline's copy: the same rows in a file without a key (a benchmark only).
        t.restart();
        store::Connection& c = (*db)->writer();
        if (!c.exec(QStringLiteral("ATTACH DATABASE '%1' AS plain KEY ''").arg(p.plain)) ||
            !c.exec(QStringLiteral("CREATE TABLE plain.baseline_rows AS SELECT q.*, a.child_id_number "
                                   "FROM queue_rows q JOIN applications a ON a.id = q.application_id")) ||
            !c.exec(QStringLiteral("DETACH DATABASE plain")))
            qFatal("cannot write the plain copy");
        std::printf("plain copy written in %.1f s\n", t.elapsed() / 1000.0);
    }
    QFile::remove(bundle);
    kept.keep();
    return p;
}

// Information requests with due dates (the generated city has neither): every 20th application is
// made `info_requested` (in applications and in its queue row, as a pull would), with a due date
// spread over 60 days from 2026-06-01, so that on 2026-07-01 half of them are overdue. Runs again
// on a kept cache without changing anything.
void addDueDates(const Prepared& p)
{
    auto db = store::Database::open(p.cache, p.key, store::Database::OpenMode::Existing);
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    store::Connection& c = (*db)->writer();
    if (!c.exec(QStringLiteral("BEGIN; UPDATE applications SET status = 'info_requested' WHERE rowid % 20 = 0 AND "
                               "status != 'info_requested'; UPDATE queue_rows SET status = 'info_requested', bin = %1 "
                               "WHERE application_id IN (SELECT id FROM applications WHERE status = "
                               "'info_requested') AND status != 'info_requested'; "
                               "INSERT OR REPLACE INTO info_due (application_id, source, due_date) SELECT id, "
                               "'upstream', date('2026-06-01', '+' || (rowid / 20 % 60) || ' days') FROM applications "
                               "WHERE status = 'info_requested'; COMMIT;")
                    .arg(int(Bin::InfoRequested))))
        qFatal("cannot write the due dates");
}

// A child's ID number and a part of a name (the last two characters of a three-character name) to
// search for, from an application a third into the queue.
void writeSamples(const Prepared& p, const QString& dir)
{
    auto db = store::Database::open(p.cache, p.key, store::Database::OpenMode::Existing);
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    auto q = (*db)->writer().prepare(QStringLiteral(
        "SELECT a.child_id_number, a.child_name FROM queue_rows q JOIN applications a ON a.id = q.application_id "
        "WHERE q.qid >= (SELECT max(qid) / 3 FROM queue_rows) AND q.bin = 0 AND length(q.child_name) = 3 "
        "ORDER BY q.qid LIMIT 1"));
    QFile out(dir + QStringLiteral("/samples.txt"));
    if (q && q->step() && out.open(QIODevice::WriteOnly))
        out.write((q->text(0) + u'\n' + q->text(1).mid(1, 2)).toUtf8());
}

// The baseline's filter: what a QSortFilterProxyModel does for a bin, a filter and a search.
class BaselineProxy : public QSortFilterProxyModel {
public:
    int binColumn = -1, channelColumn = -1, idColumn = -1, nameColumn = -1;
    int bin = 0;
    QString channel;
    QString idNumber;
    QString namePart;

    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QAbstractItemModel* m = sourceModel();
        if (m->index(row, binColumn, parent).data().toInt() != bin)
            return false;
        if (!channel.isEmpty() && m->index(row, channelColumn, parent).data().toString() != channel)
            return false;
        if (!idNumber.isEmpty() && m->index(row, idColumn, parent).data().toString() != idNumber)
            return false;
        if (!namePart.isEmpty() && !m->index(row, nameColumn, parent).data().toString().contains(namePart))
            return false;
        return true;
    }
};

struct Step {
    const char* name;
    double ours = 0;
    double baseline = 0;
    int shown = 0;        // rows on the first screen (ours)
    int baselineRows = 0; // rows the proxy accepts
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    bench::addCityOptions(parser, 1000000);
    parser.addOption(
        {QStringLiteral("dir"), QStringLiteral("Keep the cache here and use it again."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("prepare-only"), QStringLiteral("Only generate, import and check.")});
    parser.addOption(
        {QStringLiteral("rebuild-queue"), QStringLiteral("Run migration 4 again on the kept cache (and time it).")});
    parser.process(app);
    const int applications = parser.value(QStringLiteral("applications")).toInt();
    QTemporaryDir tmp;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : tmp.path();
    QDir().mkpath(dir);
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong();
    if (parser.isSet(QStringLiteral("prepare-only"))) {
        const Prepared p = prepare(dir, applications, seed);
        if (parser.isSet(QStringLiteral("rebuild-queue")))
            rebuildQueue(p);
        addDueDates(p);
        writeSamples(p, dir);
        return 0;
    }
    // Preparing leaves the heap of a big import behind: do it in a process of its own, so that the
    // memory figures below are the queue's.
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    QStringList childArgs = {QStringLiteral("--prepare-only"),
                             QStringLiteral("--applications"),
                             QString::number(applications),
                             QStringLiteral("--seed"),
                             QString::number(seed),
                             QStringLiteral("--dir"),
                             dir};
    if (parser.isSet(QStringLiteral("rebuild-queue")))
        childArgs << QStringLiteral("--rebuild-queue");
    child.start(QCoreApplication::applicationFilePath(), childArgs);
    if (!child.waitForFinished(-1) || child.exitCode() != 0)
        qFatal("preparing the cache failed");
    const Prepared prepared = prepare(dir, applications, seed);

    auto db = store::Database::open(prepared.cache, prepared.key, store::Database::OpenMode::Existing);
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    store::Database* database = db->get();
    const double rssStart = rssMb();

    // What to search for, chosen by the preparing process (reading here would fill a page cache).
    QFile samples(dir + QStringLiteral("/samples.txt"));
    samples.open(QIODevice::ReadOnly);
    const QStringList sample = QString::fromUtf8(samples.readAll()).split(u'\n');
    const QString idNumber = sample.value(0);
    const QString namePart = sample.value(1);

    QList<Step> steps = {
        {"first screen"}, {"change the sort"}, {"apply a filter"}, {"ID-number search"}, {"name-substring search"}};
    qint64 count = 0;
    double countMs = 0, deepMs = 0, binsMs = 0;
    double overdueMs[4] = {};
    qint64 overdueRows = 0;
    {
        QueueModel model([database] { return database->openReader(); });
        BinCountsModel bins([database] { return database->openReader(); });
        QElapsedTimer clock;
        auto first = [&](const QueueQuery& q) {
            clock.start();
            model.setQuery(q);
            return waitFor(&model, &QueueModel::firstRowsLoaded, clock);
        };
        QueueQuery q;
        q.bin = Bin::ToReview;
        steps[0].ours = first(q);
        steps[0].shown = model.rowCount();
        countMs = model.isCounting() ? waitFor(&model, &QueueModel::counted, clock) : clock.nsecsElapsed() / 1e6;
        count = model.count();
        // Scrolling to the middle: the window around it, read from the anchor before it.
        clock.start();
        const int middle = int(count / 2);
        (void)model.data(model.index(middle, 0));
        deepMs = waitFor(&model, &QueueModel::rowsLoaded, clock);
        clock.start();
        bins.setQuery(q);
        binsMs = waitFor(&bins, &BinCountsModel::countsChanged, clock);

        q.sortColumn = Column::Child;
        q.order = Qt::DescendingOrder;
        steps[1].ours = first(q);
        steps[1].shown = model.rowCount();
        QueueQuery filtered = q;
        filtered.filter.channel = QStringLiteral("counter");
        steps[2].ours = first(filtered);
        steps[2].shown = model.rowCount();
        QueueQuery byId = q;
        byId.search = idNumber;
        steps[3].ours = first(byId);
        steps[3].shown = model.rowCount();
        QueueQuery byName = q;
        byName.search = namePart;
        steps[4].ours = first(byName);
        steps[4].shown = model.rowCount();
        waitFor(&model, &QueueModel::counted, clock, 5000);

        // "Information overdue" (a filter compared with a date at query time): in its bin, and in a
        // big bin where it finds nothing; then the bin counts under it.
        QueueQuery overdue;
        overdue.bin = Bin::InfoRequested;
        overdue.filter.overdueOn = QDate(2026, 7, 1);
        overdueMs[0] = first(overdue);
        overdueMs[1] = model.isCounting() ? waitFor(&model, &QueueModel::counted, clock) : clock.nsecsElapsed() / 1e6;
        overdueRows = model.count();
        overdue.bin = Bin::ToReview;
        overdueMs[2] = first(overdue);
        clock.start();
        bins.setQuery(overdue);
        overdueMs[3] = waitFor(&bins, &BinCountsModel::countsChanged, clock);
        waitFor(&model, &QueueModel::counted, clock, 5000);
    }
    const double rssOurs = rssMb();
    db->reset();

    // The baseline: every row loaded into QSqlTableModel, sorted and filtered by a proxy.
    double rssBaseline = 0, loadMs = 0;
    {
        QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("baseline"));
        sql.setDatabaseName(prepared.plain);
        if (!sql.open())
            qFatal("baseline: %s", qPrintable(sql.lastError().text()));
        const double before = rssMb();
        QElapsedTimer clock;
        clock.start();
        QSqlTableModel table(nullptr, sql);
        table.setTable(QStringLiteral("baseline_rows"));
        table.select();
        while (table.canFetchMore())
            table.fetchMore();
        loadMs = clock.nsecsElapsed() / 1e6;
        const QSqlRecord r = table.record();
        BaselineProxy proxy;
        proxy.binColumn = r.indexOf(QStringLiteral("bin"));
        proxy.channelColumn = r.indexOf(QStringLiteral("channel"));
        proxy.idColumn = r.indexOf(QStringLiteral("child_id_number"));
        proxy.nameColumn = r.indexOf(QStringLiteral("child_name"));
        proxy.setSourceModel(&table);
        proxy.sort(r.indexOf(QStringLiteral("submitted_at")));
        (void)proxy.rowCount();
        steps[0].baseline = clock.nsecsElapsed() / 1e6;
        steps[0].baselineRows = proxy.rowCount();
        auto timed = [&](Step& step, auto&& f) {
            clock.start();
            f();
            step.baselineRows = proxy.rowCount();
            (void)proxy.index(0, 0).data();
            step.baseline = clock.nsecsElapsed() / 1e6;
        };
        timed(steps[1], [&] { proxy.sort(proxy.nameColumn, Qt::DescendingOrder); });
        timed(steps[2], [&] {
            proxy.channel = QStringLiteral("counter");
            proxy.refilter();
        });
        timed(steps[3], [&] {
            proxy.channel.clear();
            proxy.idNumber = idNumber;
            proxy.refilter();
        });
        timed(steps[4], [&] {
            proxy.idNumber.clear();
            proxy.namePart = namePart;
            proxy.refilter();
        });
        rssBaseline = rssMb() - before;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("baseline"));

    std::printf("\nqueue of %d applications (bin \"to review\": %lld rows)\n", applications,
                static_cast<long long>(count));
    std::printf("%-24s %12s %14s %10s   %s\n", "step", "queue (ms)", "baseline (ms)", "ratio",
                "rows: first screen / baseline");
    for (const Step& s : steps)
        std::printf("%-24s %12.1f %14.1f %9.0fx   %d / %d\n", s.name, s.ours, s.baseline,
                    s.baseline / std::max(s.ours, 0.01), s.shown, s.baselineRows);
    std::printf("%-24s %12.1f\n", "count + anchors ready", countMs);
    std::printf("%-24s %12.1f\n", "rows at the middle", deepMs);
    std::printf("%-24s %12.1f\n", "bin counts", binsMs);
    std::printf("%-24s %12s %14.1f   (every row into QSqlTableModel)\n", "baseline load", "", loadMs);
    std::printf("resident memory: %.0f MB with the queue (cache open: %.0f MB); baseline adds %.0f MB\n", rssOurs,
                rssStart, rssBaseline);
    std::printf("information overdue (on 2026-07-01): %lld rows; first screen %.1f ms, counted %.1f ms; in \"to "
                "review\" %.1f ms; bin counts %.1f ms\n",
                static_cast<long long>(overdueRows), overdueMs[0], overdueMs[1], overdueMs[2], overdueMs[3]);
    std::printf("targets: every step <= 100 ms, <= 300 MB resident, >= 10x faster than the baseline\n");
    return 0;
}
