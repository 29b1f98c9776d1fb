// bench_export: exports of a whole city's queue (default 42,000 applications: every row of every
// bin) to CSV, XLSX and PDF with the writers the workstation uses, against the baseline of only
// reading the same rows in the same run. Prints rows per second, file sizes, the ratio to the
// read, and how long a cancel takes to stop each writer. It prints; it never asserts.
//
//   bench_export [--applications N] [--seed S]
#include "BenchOptions.h"
#include "citygen/CityGenerator.h"
#include "security/Crypto.h"
#include "store/BundleImporter.h"
#include "store/CacheEligibility.h"
#include "store/Database.h"
#include "views/QueueExport.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <cstdio>

using namespace adm;
using namespace adm::views;

namespace {

// Every row of every placed bin, one bin after the other (each view's query in its own snapshot).
class AllBins : public ExportRowSource {
public:
    explicit AllBins(store::Connection& c)
    {
        for (Bin bin : {Bin::ToReview, Bin::Flagged, Bin::InfoRequested, Bin::Approved, Bin::Rejected}) {
            QueueQuery q;
            q.bin = bin;
            m_parts.push_back(std::make_unique<QueueExportSource>(c, q));
        }
    }
    qint64 count() const override { return m_total; }
    void setTotal(qint64 total) { m_total = total; }
    // One part at a time: each opens a read transaction, which ends before the next begins.
    Result<QVector<ExportRow>> next(int max) override
    {
        while (m_at < m_parts.size()) {
            if (!m_opened) {
                if (Status s = m_parts[m_at]->open(); !s)
                    return s.error();
                m_opened = true;
            }
            auto page = m_parts[m_at]->next(max);
            if (!page || !page->isEmpty())
                return page;
            m_parts[m_at].reset(); // ends its read transaction
            ++m_at;
            m_opened = false;
        }
        return QVector<ExportRow>();
    }

private:
    std::vector<std::unique_ptr<QueueExportSource>> m_parts;
    size_t m_at = 0;
    bool m_opened = false;
    qint64 m_total = 0;
};

double seconds(const QElapsedTimer& t)
{
    return t.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // fonts for the PDF, no display needed
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    bench::addCityOptions(parser, 42000);
    parser.process(app);
    const int applications = parser.value(QStringLiteral("applications")).toInt();
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong();

    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("cache.db"));
    const QByteArray key = crypto::randomBytes(32);
    QElapsedTimer t;
    t.start();
    {
        QFile out(dir.filePath(QStringLiteral("city.jsonl")));
        out.open(QIODevice::WriteOnly);
        citygen::Options options;
        options.applications = applications;
        options.seed = seed;
        if (!citygen::writeCity(options, out))
            qFatal("generation failed");
    }
    auto db = store::Database::open(cache, key, store::Database::OpenMode::Create);
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    {
        QFile in(dir.filePath(QStringLiteral("city.jsonl")));
        in.open(QIODevice::ReadOnly);
        if (auto r = store::BundleImporter((*db)->writer()).run(in); !r)
            qFatal("import failed: %s", qPrintable(r.error().message));
        if (auto r = store::CacheEligibility((*db)->writer()).checkAll(); !r)
            qFatal("check failed: %s", qPrintable(r.error().message));
    }
    std::printf("city of %d applications generated, imported and checked in %.1f s\n", applications, seconds(t));

    auto reader = (*db)->openReader();
    if (!reader)
        qFatal("%s", qPrintable(reader.error().message));
    store::Connection& c = **reader;

    // Baseline: read the same rows, page by page, and make their cells, writing nothing.
    const ExportTable table(false);
    qint64 total = 0;
    t.restart();
    {
        AllBins source(c);
        for (;;) {
            auto page = source.next(500);
            if (!page)
                qFatal("%s", qPrintable(page.error().message));
            if (page->isEmpty())
                break;
            for (const ExportRow& r : *page)
                (void)table.cells(r);
            total += page->size();
        }
    }
    const double readSeconds = seconds(t);
    std::printf("\nbaseline: read %lld rows and made their cells in %.2f s (%.0f rows/s)\n",
                static_cast<long long>(total), readSeconds, total / readSeconds);

    QueueQuery toReview;
    const ExportHeading heading = QueueExport::heading(toReview, {}, QDateTime::currentDateTime());
    struct Writer {
        const char* name;
        std::function<Status(const QString&, ExportRowSource&, const ExportProgress&)> write;
    };
    const std::vector<Writer> writers = {
        {"csv", [&](const QString& p, ExportRowSource& s,
                    const ExportProgress& g) { return CsvWriter::write(p, s, table, g); }},
        {"xlsx", [&](const QString& p, ExportRowSource& s,
                     const ExportProgress& g) { return XlsxWriter::write(p, s, table, heading, g); }},
        {"pdf", [&](const QString& p, ExportRowSource& s,
                    const ExportProgress& g) { return PdfWriter::write(p, s, table, heading, g); }},
    };
    std::printf("\n%-5s %10s %12s %10s %12s %14s\n", "", "rows", "seconds", "rows/s", "MB", "x baseline");
    for (const Writer& w : writers) {
        const QString path = dir.filePath(QStringLiteral("all.") + QLatin1String(w.name));
        AllBins source(c);
        source.setTotal(total);
        qint64 written = 0;
        t.restart();
        const Status s = w.write(path, source, [&](qint64 done, qint64) {
            written = done;
            return true;
        });
        const double secs = seconds(t);
        if (!s)
            std::printf("%-5s failed: %s\n", w.name, qPrintable(s.error().message));
        else
            std::printf("%-5s %10lld %12.2f %10.0f %12.1f %14.1f\n", w.name, static_cast<long long>(written), secs,
                        written / secs, QFileInfo(path).size() / 1e6, secs / readSeconds);
    }

    // Cancel: asked 0.5 s into the export; how long until the writer returns.
    std::printf("\ncancel asked after 0.5 s: time until the writer returns\n");
    for (const Writer& w : writers) {
        const QString path = dir.filePath(QStringLiteral("cancel.") + QLatin1String(w.name));
        AllBins source(c);
        source.setTotal(total);
        QElapsedTimer since;
        since.start();
        qint64 askedAt = -1;
        const Status s = w.write(path, source, [&](qint64, qint64) {
            if (since.elapsed() < 500)
                return true;
            if (askedAt < 0)
                askedAt = since.nsecsElapsed();
            return false;
        });
        const double stop = askedAt < 0 ? 0 : (since.nsecsElapsed() - askedAt) / 1e6;
        std::printf("%-5s %s, %.1f ms after the first check past 0.5 s\n", w.name,
                    s ? "finished before 0.5 s" : qPrintable(s.error().code), stop);
    }
    return 0;
}
