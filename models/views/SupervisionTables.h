#pragma once

#include "CacheView.h"
#include "QueueTypes.h"
#include "Session.h"
#include "SupervisionReport.h"
#include "domain/Result.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>
#include <optional>

// The supervision dashboard's tables (issue 16; docs/supervision.md), as plain rows with headers: the
// dashboard shows them (SupervisionTableModel), the chart code reads them, and the writers export them
// to CSV and XLSX. Made from one views::SupervisionFigures; no widgets here. Texts are in the
// interface's language (context "SupervisionTables").
namespace adm::views {

// What a double-click (or Enter) on a row opens: the queue of a district, a school, an officer's
// overrides, or the applications with a flag.
struct SupervisionDrill {
    enum class Kind { None, District, School, Officer, Flag };
    Kind kind = Kind::None;
    QString key; // district code, school id, officer account or flag code
    int flagBit = -1;
};

// How a column's cells are shown and written.
enum class SupervisionCell {
    Text,    // a name, a sentence
    Code,    // an id or a code: text in every export (a spreadsheet must not make a number of it)
    Count,   // qint64
    Percent, // double, a fraction (0.25 is shown "25.0 %")
    Hours,   // int, whole hours
    Score,   // double, two decimals (robust z)
    Day,     // YYYY-MM-DD
    Mark,    // bool: "Yes" or nothing
};

struct SupervisionColumn {
    QString code;  // stable: "school_id", "approved" (tests, exports' column order)
    QString title; // in the interface's language
    SupervisionCell kind = SupervisionCell::Text;
};

struct SupervisionRow {
    QString key;        // the row's identity across refreshes (a school id, a day, an account)
    QVariantList cells; // one per column; a null QVariant: no figure ("—")
    SupervisionDrill drill;
    bool highlight = false; // over capacity, an outlier, a school without decisions
};

struct SupervisionTable {
    QString code;  // "districts", "schools", "category_mix", "channels", "flags", "quality", "stalled", …
    QString title; // in the interface's language: the export's sheet and the PDF's section
    QList<SupervisionColumn> columns;
    QList<SupervisionRow> rows;
    Bin drillBin = Bin::ToReview; // the queue bin a drill-down from this table opens

    QStringList headers() const;
    int column(const QString& code) const; // -1 when absent
    // As the dashboard shows the cell ("25.0 %", "1,234", "—").
    QString displayText(int row, int column) const;
    // As CSV writes it: plain numbers (a percentage as 25.0), codes and days as they are, "" for none.
    QString exportText(int row, int column) const;
};

// A figure tile of the Progress tab.
struct SupervisionTile {
    QString code; // "applications", "awaiting", "info_overdue", …
    QString title;
    std::optional<qint64> value; // nullopt: this cache cannot tell
    bool warning = false;        // a figure that should be 0 is not
};

// What the dashboard reads at a time: the figures of a scope, the school names, and the scopes the
// role may pick (the city, its districts and schools for a supervisor; the school for a principal).
struct SupervisionRead {
    SupervisionFigures figures;
    QMap<QString, QString> schoolNames; // id → name
    QList<SupervisionScope> choices;
};

// On a reader connection (ReaderThread): the scope `scopeCode` (empty: the role's default scope,
// SupervisionReport::defaultScope), checked against the role (SupervisionReport::allowed).
Result<SupervisionRead> readSupervision(const CacheView& cache, const QString& role, const QString& scopeCode);

class SupervisionTables {
public:
    // "City 371100", "District 371102", "School S371102001 (name)": the scope in words.
    static QString scopeText(const SupervisionScope& scope, const QMap<QString, QString>& schoolNames = {});

    static QList<SupervisionTile> tiles(const SupervisionFigures& f);
    // Per day: submitted, decided, information requests, and both cumulative (the Progress chart).
    static SupervisionTable days(const SupervisionFigures& f);
    // Seats: per district, and per school (over capacity first, then the fullest).
    static SupervisionTable districtSeats(const SupervisionFigures& f);
    static SupervisionTable schoolSeats(const SupervisionFigures& f, const QMap<QString, QString>& names);
    // The checked category mix (A, B, C, none, unchecked) per school, most applications first.
    static SupervisionTable categoryMix(const SupervisionFigures& f, const QMap<QString, QString>& names);
    // Online against counter per district, with the online share.
    static SupervisionTable channels(const SupervisionFigures& f);
    // Each flag in the scope: applications with it and their share.
    static SupervisionTable flags(const SupervisionFigures& f);
    // Per school: the share with any flag and with each flag, median and 90th percentile hours.
    static SupervisionTable quality(const SupervisionFigures& f, const QMap<QString, QString>& names);
    // Schools with applications and no decision for `days` days or more before `today` (or never).
    static SupervisionTable stalled(const SupervisionFigures& f, const QMap<QString, QString>& names, int days,
                                    const QDate& today);
    // Per officer account, the outliers first, then by override rate.
    static SupervisionTable reviewers(const SupervisionFigures& f);
    // "Robust z over 14 officers with at least 20 decisions: median override rate 3.1 %, MAD 1.2 %;
    // outlier when |z| > 3.5."
    static QString methodText(const OutlierMethod& method);

    // The queue a drill-down on `row` opens (within `scope`); nullopt for a row without one.
    static std::optional<QueueQuery> drillQuery(const SupervisionTable& table, int row, const SupervisionScope& scope);

    // The audit log's subject of an export: codes and counts, never a name ("table=schools format=csv
    // rows=42 scope=district:371102").
    static QString auditSubject(const QString& tableCode, const QString& format, qint64 rows,
                                const SupervisionScope& scope);
    // "supervision-schools-371102-20261204-1740.csv"
    static QString defaultFileName(const QString& tableCode, const SupervisionScope& scope, const QDateTime& when,
                                   const QString& suffix);
};

// The writers of one table; any thread. The caller writes to a temporary path and renames it.
class SupervisionTableWriter {
public:
    // UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting; a first line naming the scope and time.
    static Status writeCsv(const QString& path, const SupervisionTable& table, const QString& heading);
    // libxlsxwriter: the heading in A1, the header row below it (frozen, filterable); numbers as numbers,
    // percentages with a percent format, codes and ids as text cells.
    static Status writeXlsx(const QString& path, const SupervisionTable& table, const QString& heading);
    // By the path's suffix (csv or xlsx); error "bad_input" for another.
    static Status write(const QString& path, const SupervisionTable& table, const QString& heading);
};

// Records an export in the audit log on the writer's thread (action "supervision.export" or
// "supervision.report"); `done` in `context`'s thread.
void recordSupervisionExport(Session& session, const QString& action, const QString& subject, QObject* context,
                             std::function<void(Status)> done);

// A supervision table as an item model: the dashboard's tables. setTable() keeps the rows (and so the
// view's selection and scroll position) when the same rows come again with new figures.
class SupervisionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int KeyRole = Qt::UserRole + 1;   // the row's key
    static constexpr int ValueRole = Qt::UserRole + 2; // the cell's value (qint64, double, QString)

    explicit SupervisionTableModel(QObject* parent = nullptr);

    void setTable(SupervisionTable table);
    const SupervisionTable& table() const { return m_table; }
    int rowOf(const QString& key) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    SupervisionTable m_table;
};

} // namespace adm::views
