// The three writers of QueueExport.h: CSV, XLSX (libxlsxwriter) and PDF (QPdfWriter; the same
// painter code prints).
#include "CsvText.h"
#include "QueueExport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <cmath>
#include <xlsxwriter.h>

namespace adm::views {

namespace {

constexpr int kPage = 500; // rows read per page of the source

Error cancelled()
{
    return Error{QStringLiteral("cancelled"), QCoreApplication::translate("QueueExport", "The export was cancelled.")};
}

Error cannotWrite(const QString& path, const QString& why)
{
    return Error{
        QStringLiteral("cannot_write"),
        QCoreApplication::translate("QueueExport", "Cannot write %1: %2. Choose another folder, or free some space.")
            .arg(path, why)};
}

} // namespace

Status CsvWriter::write(const QString& path, ExportRowSource& source, const ExportTable& table,
                        const ExportProgress& progress)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return cannotWrite(path, file.errorString());
    file.write("\xEF\xBB\xBF");
    file.write(csv::line(table.headers()));
    qint64 done = 0;
    const qint64 total = source.count();
    for (;;) {
        auto page = source.next(kPage);
        if (!page)
            return page.error();
        if (page->isEmpty())
            break;
        QByteArray bytes;
        for (const ExportRow& r : *page)
            bytes += csv::line(table.cells(r));
        if (file.write(bytes) != bytes.size())
            return cannotWrite(path, file.errorString());
        done += page->size();
        if (progress && !progress(done, total))
            return cancelled();
    }
    if (!file.flush())
        return cannotWrite(path, file.errorString());
    return {};
}

Status XlsxWriter::write(const QString& path, ExportRowSource& source, const ExportTable& table,
                         const ExportHeading& heading, const ExportProgress& progress)
{
    const QByteArray name = QFile::encodeName(path);
    lxw_workbook_options options{};
    options.constant_memory = 1; // rows go to disk as they are written: 42,000 rows in little memory
    lxw_workbook* book = workbook_new_opt(name.constData(), &options);
    if (!book)
        return cannotWrite(path, QCoreApplication::translate("QueueExport", "the file cannot be created"));
    // Closing writes the file; done on every path so that nothing leaks.
    auto close = [&book, &path]() -> Status {
        const lxw_error e = workbook_close(book);
        book = nullptr;
        if (e != LXW_NO_ERROR)
            return cannotWrite(path, QString::fromUtf8(lxw_strerror(e)));
        return {};
    };
    lxw_worksheet* sheet =
        workbook_add_worksheet(book, QCoreApplication::translate("QueueExport", "Queue").left(31).toUtf8().constData());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* text = workbook_add_format(book);
    format_set_num_format(text, "@"); // typed-in values in this column stay text too
    const QVector<int> widths = ExportTable::widths();
    for (int c = 0; c < widths.size(); ++c)
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), widths.at(c),
                             c == ExportTable::kIdColumn ? text : nullptr);
    lxw_doc_properties properties{};
    const QByteArray title = (heading.title + QStringLiteral(" — ") + heading.filters).toUtf8();
    properties.title = const_cast<char*>(title.constData());
    workbook_set_properties(book, &properties);

    const QStringList headers = table.headers();
    for (int c = 0; c < headers.size(); ++c)
        worksheet_write_string(sheet, 0, lxw_col_t(c), headers.at(c).toUtf8().constData(), bold);
    worksheet_freeze_panes(sheet, 1, 0);

    lxw_row_t row = 1;
    qint64 done = 0;
    const qint64 total = source.count();
    for (;;) {
        auto page = source.next(kPage);
        if (!page) {
            (void)close();
            return page.error();
        }
        if (page->isEmpty())
            break;
        for (const ExportRow& r : *page) {
            const QStringList cells = table.cells(r);
            for (int c = 0; c < cells.size(); ++c) {
                // Every cell a string cell: worksheet_write_string, never a number (ID numbers!).
                const lxw_error e = worksheet_write_string(sheet, row, lxw_col_t(c), cells.at(c).toUtf8().constData(),
                                                           c == ExportTable::kIdColumn ? text : nullptr);
                if (e != LXW_NO_ERROR) {
                    (void)close();
                    return cannotWrite(path, QString::fromUtf8(lxw_strerror(e)));
                }
            }
            ++row;
        }
        done += page->size();
        if (progress && !progress(done, total)) {
            (void)close();
            return cancelled();
        }
    }
    worksheet_autofilter(sheet, 0, 0, row - 1, lxw_col_t(headers.size() - 1));
    return close();
}

Status PdfWriter::write(const QString& path, ExportRowSource& source, const ExportTable& table,
                        const ExportHeading& heading, const ExportProgress& progress)
{
    Status result;
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setTitle(heading.title);
        writer.setCreator(QStringLiteral("Admissions Workstation"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(10, 10, 10, 10),
                                         QPageLayout::Millimeter));
        result = paint(writer, source, table, heading, progress);
    } // the writer finishes the file here
    if (result && !QFile::exists(path))
        return cannotWrite(path, QCoreApplication::translate("QueueExport", "the file was not written"));
    return result;
}

Status PdfWriter::paint(QPagedPaintDevice& device, ExportRowSource& source, const ExportTable& table,
                        const ExportHeading& heading, const ExportProgress& progress)
{
    QPainter p;
    if (!p.begin(&device))
        return Error{
            QStringLiteral("cannot_write"),
            QCoreApplication::translate("QueueExport", "The pages cannot be started: check the printer or the file.")};
    const QRectF area(0, 0, device.width(), device.height());
    const double pt = device.logicalDpiY() / 72.0; // device pixels per point

    QFont body(QString::fromLatin1(kFontFamily));
    body.setPointSizeF(8);
    body.setStyleStrategy(QFont::PreferNoShaping);
    QFont bold = body;
    bold.setBold(true);
    QFont title = body;
    title.setPointSizeF(12);
    title.setBold(true);
    p.setFont(body);
    const QFontMetricsF fm(body, &device);
    const QFontMetricsF fmTitle(title, &device);
    const double rowHeight = std::ceil(fm.height() * 1.45);
    const double pad = 2.5 * pt;

    // Title, filters and date at the top of every page; "Page n of m" at the bottom.
    const double titleHeight = fmTitle.height() + fm.height() * 1.3 + 4 * pt;
    const double footerHeight = fm.height() * 1.6;
    const double tableTop = area.top() + titleHeight;
    const int perPage = std::max(1, int((area.height() - titleHeight - footerHeight) / rowHeight) - 1);
    const qint64 total = source.count();
    const qint64 pages = std::max<qint64>(1, (total + perPage - 1) / perPage);

    const QVector<int> weights = ExportTable::widths();
    double weightSum = 0;
    for (int w : weights)
        weightSum += w;
    QVector<double> x{area.left()};
    for (int w : weights)
        x.append(x.last() + area.width() * w / weightSum);

    const QStringList headers = table.headers();
    auto drawRow = [&](double y, const QStringList& cells, const QFontMetricsF& metrics) {
        for (int c = 0; c < cells.size() && c + 1 < x.size(); ++c) {
            const QRectF cell(x[c] + pad, y, x[c + 1] - x[c] - 2 * pad, rowHeight);
            p.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter,
                       metrics.elidedText(cells.at(c), Qt::ElideRight, cell.width()));
        }
    };

    qint64 done = 0;
    for (qint64 page = 1; page <= pages; ++page) {
        if (page > 1 && !device.newPage()) {
            p.end();
            return Error{QStringLiteral("cannot_write"),
                         QCoreApplication::translate("QueueExport", "A new page cannot be started.")};
        }
        auto rows = source.next(perPage);
        if (!rows) {
            p.end();
            return rows.error();
        }
        p.setPen(Qt::black);
        p.setFont(title);
        p.drawText(QRectF(area.left(), area.top(), area.width(), fmTitle.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   fmTitle.elidedText(heading.title, Qt::ElideRight, area.width()));
        p.setFont(body);
        const QRectF sub(area.left(), area.top() + fmTitle.height(), area.width(), fm.height() * 1.3);
        const double whenWidth = fm.horizontalAdvance(heading.when) + 4 * pt;
        p.drawText(sub.adjusted(0, 0, -whenWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(heading.filters, Qt::ElideRight, sub.width() - whenWidth));
        p.drawText(sub, Qt::AlignRight | Qt::AlignVCenter, heading.when);

        // The header row, on every page.
        double y = tableTop;
        p.fillRect(QRectF(area.left(), y, area.width(), rowHeight), QColor(225, 229, 235));
        p.setFont(bold);
        drawRow(y, headers, QFontMetricsF(bold, &device));
        p.setFont(body);
        y += rowHeight;
        int i = 0;
        for (const ExportRow& r : *rows) {
            if (i++ % 2 == 1)
                p.fillRect(QRectF(area.left(), y, area.width(), rowHeight), QColor(245, 246, 248));
            drawRow(y, table.cells(r), fm);
            y += rowHeight;
        }
        p.setPen(QPen(QColor(160, 160, 160), 0.5 * pt));
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        p.setPen(Qt::black);
        p.drawText(QRectF(area.left(), area.bottom() - footerHeight, area.width(), footerHeight),
                   Qt::AlignRight | Qt::AlignBottom,
                   QCoreApplication::translate("QueueExport", "Page %1 of %2").arg(page).arg(pages));

        done += rows->size();
        if (progress && !progress(done, total)) {
            p.end();
            return cancelled();
        }
    }
    if (!p.end())
        return Error{QStringLiteral("cannot_write"),
                     QCoreApplication::translate("QueueExport", "The pages could not be finished.")};
    return {};
}

} // namespace adm::views
