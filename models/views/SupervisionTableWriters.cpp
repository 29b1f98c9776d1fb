// The supervision tables written to files (issue 16): CSV (UTF-8 with a byte-order mark, so that
// spreadsheets read the Chinese) and XLSX (libxlsxwriter), and the audit entry of each export.
#include "CsvText.h"
#include "SupervisionTables.h"
#include "security/AuditLog.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <xlsxwriter.h>

namespace adm::views {

namespace {

// Translated in the context "SupervisionTables".
struct T {
    Q_DECLARE_TR_FUNCTIONS(SupervisionTables)
};

Error cannotWrite(const QString& path, const QString& why)
{
    return Error{QStringLiteral("cannot_write"),
                 T::tr("Cannot write %1: %2. Choose another folder, or free some space.").arg(path, why)};
}

} // namespace

Status SupervisionTableWriter::writeCsv(const QString& path, const SupervisionTable& table, const QString& heading)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return cannotWrite(path, file.errorString());
    QByteArray bytes("\xEF\xBB\xBF");
    if (!heading.isEmpty())
        bytes += csv::line({heading});
    bytes += csv::line(table.headers());
    for (int r = 0; r < table.rows.size(); ++r) {
        QStringList cells;
        for (int c = 0; c < table.columns.size(); ++c)
            cells << table.exportText(r, c);
        bytes += csv::line(cells);
    }
    if (file.write(bytes) != bytes.size() || !file.flush())
        return cannotWrite(path, file.errorString());
    return {};
}

Status SupervisionTableWriter::writeXlsx(const QString& path, const SupervisionTable& table, const QString& heading)
{
    const QByteArray name = QFile::encodeName(path);
    lxw_workbook* book = workbook_new(name.constData());
    if (!book)
        return cannotWrite(path, T::tr("the file cannot be created"));
    // Excel refuses these in a sheet's name.
    QString sheetName = table.title;
    for (const QChar c : QStringLiteral("[]:*?/\\"))
        sheetName.replace(c, u' ');
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheetName.left(31).toUtf8().constData());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* text = workbook_add_format(book);
    format_set_num_format(text, "@");
    lxw_format* percent = workbook_add_format(book);
    format_set_num_format(percent, "0.0%");
    lxw_format* score = workbook_add_format(book);
    format_set_num_format(score, "0.00");
    lxw_doc_properties properties{};
    const QByteArray title = (table.title + QStringLiteral(" — ") + heading).toUtf8();
    properties.title = const_cast<char*>(title.constData());
    workbook_set_properties(book, &properties);

    lxw_error e = worksheet_write_string(sheet, 0, 0, heading.toUtf8().constData(), bold);
    const QStringList headers = table.headers();
    for (int c = 0; c < headers.size() && e == LXW_NO_ERROR; ++c) {
        const SupervisionCell kind = table.columns.at(c).kind;
        const double width = kind == SupervisionCell::Text ? 28 : std::max<double>(10, headers.at(c).size() + 2);
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width, kind == SupervisionCell::Code ? text : nullptr);
        e = worksheet_write_string(sheet, 1, lxw_col_t(c), headers.at(c).toUtf8().constData(), bold);
    }
    for (int r = 0; r < table.rows.size() && e == LXW_NO_ERROR; ++r) {
        const lxw_row_t row = lxw_row_t(r + 2);
        for (int c = 0; c < table.columns.size() && e == LXW_NO_ERROR; ++c) {
            const QVariant v = table.rows.at(r).cells.value(c);
            const SupervisionCell kind = table.columns.at(c).kind;
            const bool none = !v.isValid() || v.isNull();
            switch (kind) {
            case SupervisionCell::Count:
            case SupervisionCell::Hours:
                if (!none)
                    e = worksheet_write_number(sheet, row, lxw_col_t(c), v.toDouble(), nullptr);
                break;
            case SupervisionCell::Percent:
                if (!none)
                    e = worksheet_write_number(sheet, row, lxw_col_t(c), v.toDouble(), percent);
                break;
            case SupervisionCell::Score:
                if (!none)
                    e = worksheet_write_number(sheet, row, lxw_col_t(c), v.toDouble(), score);
                break;
            default: {
                // Codes and ids as string cells: a spreadsheet never makes a number of them.
                const QString s = table.exportText(r, c);
                if (!s.isEmpty())
                    e = worksheet_write_string(sheet, row, lxw_col_t(c), s.toUtf8().constData(),
                                               kind == SupervisionCell::Code ? text : nullptr);
            }
            }
        }
    }
    if (e == LXW_NO_ERROR) {
        worksheet_freeze_panes(sheet, 2, 0);
        if (!headers.isEmpty())
            worksheet_autofilter(sheet, 1, 0, lxw_row_t(std::max<qsizetype>(1, table.rows.size() + 1)),
                                 lxw_col_t(headers.size() - 1));
    }
    const lxw_error closed = workbook_close(book);
    if (e != LXW_NO_ERROR)
        return cannotWrite(path, QString::fromUtf8(lxw_strerror(e)));
    if (closed != LXW_NO_ERROR)
        return cannotWrite(path, QString::fromUtf8(lxw_strerror(closed)));
    return {};
}

Status SupervisionTableWriter::write(const QString& path, const SupervisionTable& table, const QString& heading)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return writeCsv(path, table, heading);
    if (suffix == QLatin1String("xlsx"))
        return writeXlsx(path, table, heading);
    return Error{QStringLiteral("bad_input"), T::tr("Choose a file ending in .csv or .xlsx.")};
}

void recordSupervisionExport(Session& session, const QString& action, const QString& subject, QObject* context,
                             std::function<void(Status)> done)
{
    const QString user = session.user();
    postJob<Status>(
        session,
        [user, action, subject](store::Workspace& w) -> Status {
            auto entry = w.audit().append(user, action, subject);
            if (!entry)
                return entry.error();
            return {};
        },
        context, std::move(done));
}

} // namespace adm::views
