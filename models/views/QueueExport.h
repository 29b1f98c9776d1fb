#pragma once

#include "QueueTypes.h"
#include "domain/Result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>
#include <memory>

class QPagedPaintDevice;

namespace adm::store {
class Connection;
class Statement;
} // namespace adm::store

namespace adm::views {

// Print and export of the current queue view (issue 12): the rows the bin, filters and search give,
// in the view's order, as CSV, XLSX or PDF. No widgets here: the writers take a row source and a
// progress callback, and run on any thread (ui/ExportDialog runs them off the GUI thread).

// One row of an export: the queue row and the child's ID number (shown masked unless revealed).
struct ExportRow {
    QueueRow row;
    QString childIdNumber;
};

// The rows to write, a page at a time. count() is known before the first page.
class ExportRowSource {
public:
    virtual ~ExportRowSource();
    virtual qint64 count() const = 0;
    // Up to `max` rows; an empty page at the end.
    virtual Result<QVector<ExportRow>> next(int max) = 0;
};

// The rows of a queue query on one reader connection, inside one read transaction: every page is
// from the same snapshot, whatever a sync writes meanwhile. The order is the query's (the qids are
// read first, as the view's counting pass does, then the rows by qid).
class QueueExportSource : public ExportRowSource {
public:
    QueueExportSource(store::Connection& connection, QueueQuery query);
    ~QueueExportSource() override;
    QueueExportSource(const QueueExportSource&) = delete;
    QueueExportSource& operator=(const QueueExportSource&) = delete;

    Status open();
    qint64 count() const override { return m_qids.size(); }
    Result<QVector<ExportRow>> next(int max) override;
    // The name of the school the query is filtered on (empty when none).
    QString schoolName() const { return m_schoolName; }

private:
    store::Connection& m_connection;
    QueueQuery m_query;
    QVector<qint64> m_qids;
    qsizetype m_next = 0;
    bool m_inTransaction = false;
    QString m_schoolName;
};

// Called after each page; false cancels (the writer then returns error "cancelled").
using ExportProgress = std::function<bool(qint64 done, qint64 total)>;

// The columns of an export and each row's cells, as text in the interface's language.
class ExportTable {
public:
    static constexpr int kIdColumn = 2;

    explicit ExportTable(bool revealIds, QDate referenceDate = QDate::currentDate());
    QStringList headers() const;
    QStringList cells(const ExportRow& row) const;
    // Relative widths of the columns (PDF), and their widths in characters (XLSX).
    static QVector<int> widths();
    bool revealsIds() const { return m_reveal; }

private:
    bool m_reveal;
    QDate m_referenceDate;
};

// What the view is: its bin and filters in words, and when it was exported, for titles.
struct ExportHeading {
    QString title;   // "Queue: To review"
    QString filters; // "School: …; Category A; …" or "No filters"
    QString when;    // "Exported 2026-12-04 17:40"
};

class QueueExport {
public:
    enum class Format { Csv, Xlsx, Pdf };
    static QString suffix(Format format); // "csv" | "xlsx" | "pdf"
    static QString formatCode(Format format);
    // "queue-to_review-20261204-1740.xlsx"
    static QString defaultFileName(const QueueQuery& query, const QDateTime& when, Format format);

    // A search that could be an ID number or a phone is shown masked.
    static ExportHeading heading(const QueueQuery& query, const QString& schoolName, const QDateTime& when);

    // Why full ID numbers go into an export: stable codes (audited) and their words.
    static QStringList revealReasonCodes();
    static QString revealReasonLabel(const QString& code);
    // The audit subject of an export: counts and codes, never an ID number or a search text.
    static QString auditSubject(Format format, qint64 rows, Bin bin, bool revealIds, const QString& reasonCode);
};

// The writers. Each writes the whole file at `path` or returns an error (error "cancelled" when the
// progress callback said so); the caller writes to a temporary path and renames it when done.
class CsvWriter {
public:
    // UTF-8 with a byte-order mark (so that spreadsheets read the Chinese), CRLF, RFC 4180 quoting.
    static Status write(const QString& path, ExportRowSource& source, const ExportTable& table,
                        const ExportProgress& progress);
};

class XlsxWriter {
public:
    // libxlsxwriter in constant-memory mode: every cell a string cell (ID numbers too, so that a
    // spreadsheet never turns them into 3.7E+17), the header row frozen and filterable.
    static Status write(const QString& path, ExportRowSource& source, const ExportTable& table,
                        const ExportHeading& heading, const ExportProgress& progress);
};

class PdfWriter {
public:
    static constexpr const char* kFontFamily = "Noto Sans CJK SC";
    // A4 landscape, "Noto Sans CJK SC" named explicitly (a generic family falls back to Japanese
    // glyphs), the title on every page, the header row repeated, "Page n of m".
    static Status write(const QString& path, ExportRowSource& source, const ExportTable& table,
                        const ExportHeading& heading, const ExportProgress& progress);
    // The same pages on any paged device (a QPrinter for Print…); `device` is set up by the caller.
    static Status paint(QPagedPaintDevice& device, ExportRowSource& source, const ExportTable& table,
                        const ExportHeading& heading, const ExportProgress& progress);
};

} // namespace adm::views
