#include "SupervisionReportPdf.h"

#include "SupervisionCharts.h"
#include "views/QueueExport.h"

#include <QChart>
#include <QFile>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QScreen>
#include <algorithm>
#include <cmath>
#include <functional>

namespace adm::ui {

namespace {

QFont pdfFont(double points, bool bold = false)
{
    QFont f(QString::fromLatin1(views::PdfWriter::kFontFamily));
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

// A chart drawn off screen, at three times the pixels of its logical size.
QImage chartImage(const QSizeF& logical, const std::function<void(QChart*)>& fill)
{
    QGraphicsScene scene;
    QChart* chart = SupervisionCharts::make();
    scene.addItem(chart); // the scene owns it
    chart->setGeometry(QRectF(QPointF(0, 0), logical));
    fill(chart);
    chart->layout()->activate();
    QCoreApplication::sendPostedEvents();
    constexpr double kScale = 3.0;
    QImage image((logical * kScale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    // The chart laid out its text at the screen's dots per inch: the image says the same.
    const double dpi = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->logicalDotsPerInch() : 96;
    image.setDotsPerMeterX(int(std::lround(dpi * kScale / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(dpi * kScale / 0.0254)));
    image.setDevicePixelRatio(kScale);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&p, QRectF(QPointF(0, 0), logical), QRectF(QPointF(0, 0), logical));
    p.end();
    return image;
}

class Pages {
public:
    Pages(QPdfWriter& writer, QPainter& painter, QString title, QString dated)
        : m_writer(writer)
        , m_p(painter)
        , m_title(std::move(title))
        , m_dated(std::move(dated))
    {
        m_area = QRectF(0, 0, writer.width(), writer.height());
        m_pt = writer.logicalDpiY() / 72.0;
        startPage();
    }

    QPainter& painter() { return m_p; }
    double pt() const { return m_pt; }
    const QRectF& area() const { return m_area; }
    double y() const { return m_y; }
    void advance(double dy) { m_y += dy; }
    double left() const { return m_area.bottom() - m_footer - m_y; }
    bool ok() const { return m_ok; }

    // Room for `height` on this page, else a new one.
    void need(double height)
    {
        if (height > left())
            newPage();
    }
    void newPage()
    {
        if (!m_writer.newPage())
            m_ok = false;
        ++m_page;
        startPage();
    }

private:
    void startPage()
    {
        const QFont title = pdfFont(13, true), body = pdfFont(8);
        const QFontMetricsF ft(title, &m_writer), fb(body, &m_writer);
        m_p.setPen(Qt::black);
        m_p.setFont(title);
        m_p.drawText(QRectF(m_area.left(), m_area.top(), m_area.width(), ft.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     ft.elidedText(m_title, Qt::ElideRight, m_area.width()));
        m_p.setFont(body);
        m_p.drawText(QRectF(m_area.left(), m_area.top() + ft.height(), m_area.width(), fb.height() * 1.4),
                     Qt::AlignLeft | Qt::AlignVCenter, m_dated);
        m_footer = fb.height() * 1.6;
        m_p.drawText(QRectF(m_area.left(), m_area.bottom() - m_footer, m_area.width(), m_footer),
                     Qt::AlignRight | Qt::AlignBottom, SupervisionReportPdf::tr("Page %1").arg(m_page));
        m_y = m_area.top() + ft.height() + fb.height() * 1.4 + 4 * m_pt;
        m_p.setPen(QPen(QColor(160, 160, 160), 0.5 * m_pt));
        m_p.drawLine(QPointF(m_area.left(), m_y), QPointF(m_area.right(), m_y));
        m_p.setPen(Qt::black);
        m_y += 4 * m_pt;
    }

    QPdfWriter& m_writer;
    QPainter& m_p;
    QString m_title, m_dated;
    QRectF m_area;
    double m_pt = 1;
    double m_y = 0;
    double m_footer = 0;
    int m_page = 1;
    bool m_ok = true;
};

void sectionTitle(Pages& pages, QPdfWriter& writer, const QString& text)
{
    const QFont f = pdfFont(10.5, true);
    const QFontMetricsF fm(f, &writer);
    pages.need(fm.height() * 4);
    pages.painter().setFont(f);
    pages.painter().drawText(QRectF(pages.area().left(), pages.y(), pages.area().width(), fm.height() * 1.3),
                             Qt::AlignLeft | Qt::AlignVCenter, text);
    pages.advance(fm.height() * 1.4);
}

void drawTiles(Pages& pages, QPdfWriter& writer, const QList<views::SupervisionTile>& tiles)
{
    const QFont title = pdfFont(8), value = pdfFont(14, true);
    const QFontMetricsF ft(title, &writer), fv(value, &writer);
    const int perRow = 4;
    const double gap = 4 * pages.pt();
    const double w = (pages.area().width() - gap * (perRow - 1)) / perRow;
    const double h = ft.height() * 1.4 + fv.height() * 1.3 + 4 * pages.pt();
    const QLocale locale;
    QPainter& p = pages.painter();
    for (int i = 0; i < tiles.size(); ++i) {
        if (i % perRow == 0) {
            if (i > 0)
                pages.advance(h + gap);
            pages.need(h);
        }
        const QRectF box(pages.area().left() + (i % perRow) * (w + gap), pages.y(), w, h);
        p.setPen(QPen(QColor(190, 190, 190), 0.5 * pages.pt()));
        p.setBrush(QColor(246, 247, 249));
        p.drawRect(box);
        p.setBrush(Qt::NoBrush);
        p.setPen(Qt::black);
        const QRectF inner = box.adjusted(3 * pages.pt(), 2 * pages.pt(), -3 * pages.pt(), -2 * pages.pt());
        p.setFont(title);
        p.drawText(QRectF(inner.left(), inner.top(), inner.width(), ft.height() * 1.4),
                   Qt::AlignLeft | Qt::AlignVCenter, ft.elidedText(tiles.at(i).title, Qt::ElideRight, inner.width()));
        p.setFont(value);
        if (tiles.at(i).warning)
            p.setPen(QColor(176, 0, 32));
        p.drawText(QRectF(inner.left(), inner.top() + ft.height() * 1.4, inner.width(), fv.height() * 1.3),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   tiles.at(i).value ? locale.toString(*tiles.at(i).value) : QStringLiteral("—"));
        p.setPen(Qt::black);
    }
    pages.advance(h + 3 * gap);
}

void drawChart(Pages& pages, const QRectF& target, const std::function<void(QChart*)>& fill)
{
    // Logical size: the target in points, as a chart on the screen would be at that size.
    const QSizeF logical(target.width() / pages.pt() * 96.0 / 72.0, target.height() / pages.pt() * 96.0 / 72.0);
    const QImage image = chartImage(logical, fill);
    pages.painter().drawImage(target, image);
}

void drawParagraph(Pages& pages, QPdfWriter& writer, const QString& text)
{
    const QFont f = pdfFont(8);
    const QFontMetricsF fm(f, &writer);
    const QRectF bound = fm.boundingRect(QRectF(0, 0, pages.area().width(), 1e6), Qt::TextWordWrap, text);
    pages.need(bound.height());
    pages.painter().setFont(f);
    pages.painter().drawText(QRectF(pages.area().left(), pages.y(), pages.area().width(), bound.height()),
                             Qt::TextWordWrap, text);
    pages.advance(bound.height() + 3 * pages.pt());
}

void drawTable(Pages& pages, QPdfWriter& writer, const views::SupervisionTable& t)
{
    sectionTitle(pages, writer, t.title);
    if (t.rows.isEmpty()) {
        drawParagraph(pages, writer, SupervisionReportPdf::tr("None."));
        return;
    }
    // A wide table in a smaller type.
    const double points = t.columns.size() > 10 ? 6.5 : 8;
    const QFont body = pdfFont(points), bold = pdfFont(points, true);
    const QFontMetricsF fm(body, &writer), fb(bold, &writer);
    const double pad = 2 * pages.pt();
    QList<double> widths;
    for (int c = 0; c < t.columns.size(); ++c) {
        double w = std::min(fb.horizontalAdvance(t.columns.at(c).title), 90 * pages.pt());
        for (int r = 0; r < t.rows.size(); ++r)
            w = std::max(w, fm.horizontalAdvance(t.displayText(r, c)));
        widths << std::min(w, 160 * pages.pt()) + 2 * pad;
    }
    double total = 0;
    for (double w : widths)
        total += w;
    const double scale = total > pages.area().width() ? pages.area().width() / total : 1.0;
    for (double& w : widths)
        w *= scale;
    const double rowHeight = std::ceil(fm.height() * 1.45);
    QPainter& p = pages.painter();
    auto drawRow = [&](const QStringList& cells, const QFont& font, const QFontMetricsF& metrics, bool numbersRight) {
        double x = pages.area().left();
        p.setFont(font);
        for (int c = 0; c < cells.size(); ++c) {
            const QRectF cell(x + pad, pages.y(), widths.at(c) - 2 * pad, rowHeight);
            const views::SupervisionCell kind = t.columns.at(c).kind;
            const bool right = numbersRight && kind != views::SupervisionCell::Text &&
                               kind != views::SupervisionCell::Code && kind != views::SupervisionCell::Day &&
                               kind != views::SupervisionCell::Mark;
            p.drawText(cell, (right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                       metrics.elidedText(cells.at(c), Qt::ElideRight, cell.width()));
            x += widths.at(c);
        }
        pages.advance(rowHeight);
    };
    auto header = [&] {
        p.fillRect(QRectF(pages.area().left(), pages.y(), pages.area().width(), rowHeight), QColor(225, 229, 235));
        drawRow(t.headers(), bold, fb, false);
    };
    pages.need(rowHeight * 3);
    header();
    for (int r = 0; r < t.rows.size(); ++r) {
        if (pages.left() < rowHeight) {
            pages.newPage();
            sectionTitle(pages, writer, SupervisionReportPdf::tr("%1 (continued)").arg(t.title));
            header();
        }
        if (t.rows.at(r).highlight)
            p.fillRect(QRectF(pages.area().left(), pages.y(), pages.area().width(), rowHeight), QColor(255, 236, 204));
        else if (r % 2 == 1)
            p.fillRect(QRectF(pages.area().left(), pages.y(), pages.area().width(), rowHeight), QColor(245, 246, 248));
        QStringList cells;
        for (int c = 0; c < t.columns.size(); ++c)
            cells << t.displayText(r, c);
        drawRow(cells, body, fm, true);
    }
    pages.advance(rowHeight);
}

const views::SupervisionTable* find(const QList<views::SupervisionTable>& tables, const char* code)
{
    for (const views::SupervisionTable& t : tables)
        if (t.code == QLatin1String(code))
            return &t;
    return nullptr;
}

} // namespace

Status SupervisionReportPdf::write(const QString& path, const Input& in)
{
    const views::SupervisionFigures& f = in.read.figures;
    const QString scope = views::SupervisionTables::scopeText(f.scope, in.read.schoolNames);
    const QString title = tr("Supervision report: %1").arg(scope);
    const QString dated =
        tr("Figures generated at %1 · report written at %2 · scope code %3")
            .arg(QLocale().toString(f.generatedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")),
                 QLocale().toString(QDateTime::currentDateTime(), QStringLiteral("yyyy-MM-dd HH:mm")), f.scope.code);
    bool painted = false;
    bool pagesOk = true;
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Admissions Workstation"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(10, 10, 10, 10),
                                         QPageLayout::Millimeter));
        QPainter p;
        if (p.begin(&writer)) {
            Pages pages(writer, p, title, dated);
            sectionTitle(pages, writer, tr("Progress"));
            drawTiles(pages, writer, in.tiles);
            const double chartHeight = std::min(pages.left(), pages.area().height() * 0.5);
            if (const auto* days = find(in.tables, "daily")) {
                pages.need(chartHeight);
                drawChart(pages, QRectF(pages.area().left(), pages.y(), pages.area().width(), chartHeight),
                          [days](QChart* c) { SupervisionCharts::showProgress(c, *days); });
                pages.advance(chartHeight);
            }
            pages.newPage();
            sectionTitle(pages, writer, tr("Seats and channels"));
            const double half = (pages.area().width() - 6 * pages.pt()) / 2;
            const double h = std::min(pages.left() * 0.95, pages.area().height() * 0.8);
            if (const auto* mix = find(in.tables, "category_mix"))
                drawChart(pages, QRectF(pages.area().left(), pages.y(), half, h),
                          [mix](QChart* c) { SupervisionCharts::showCategoryMix(c, *mix); });
            if (const auto* channels = find(in.tables, "channels"))
                drawChart(pages, QRectF(pages.area().left() + half + 6 * pages.pt(), pages.y(), half, h),
                          [channels](QChart* c) { SupervisionCharts::showChannels(c, *channels); });
            pages.advance(h);
            pages.newPage();
            sectionTitle(pages, writer, tr("Reviewers"));
            drawParagraph(pages, writer, in.method);
            if (const auto* reviewers = find(in.tables, "reviewers")) {
                const double rh = std::min(pages.left() * 0.95, pages.area().height() * 0.6);
                drawChart(pages, QRectF(pages.area().left(), pages.y(), pages.area().width() * 0.7, rh),
                          [reviewers](QChart* c) { SupervisionCharts::showOverrideRates(c, *reviewers); });
                pages.advance(rh);
            }
            pages.newPage();
            for (const views::SupervisionTable& t : in.tables)
                drawTable(pages, writer, t);
            pagesOk = pages.ok();
            painted = p.end();
        }
    } // the writer finishes the file here
    if (!painted || !pagesOk || !QFile::exists(path))
        return Error{QStringLiteral("cannot_write"),
                     tr("Cannot write %1. Choose another folder, or free some space.").arg(path)};
    return {};
}

} // namespace adm::ui
