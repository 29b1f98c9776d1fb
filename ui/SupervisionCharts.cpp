#include "SupervisionCharts.h"

#include "views/QueueExport.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHorizontalPercentBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <algorithm>

namespace adm::ui {

namespace {

void clear(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

void applyFonts(QChart* chart)
{
    chart->setTitleFont(SupervisionCharts::font(10, true));
    chart->legend()->setFont(SupervisionCharts::font(9));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(SupervisionCharts::font(8));
        axis->setTitleFont(SupervisionCharts::font(9));
        axis->setTruncateLabels(false); // school ids and districts whole, never "…"
    }
}

qint64 cell(const views::SupervisionTable& t, int row, const char* column)
{
    return t.rows.at(row).cells.value(t.column(QLatin1String(column))).toLongLong();
}

// A value axis from 0 with whole-number labels and round ticks.
QValueAxis* countAxis(double max)
{
    auto* axis = new QValueAxis;
    axis->setRange(0, std::max(1.0, max));
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->applyNiceNumbers();
    return axis;
}

} // namespace

QFont SupervisionCharts::font(double pointSize, bool bold)
{
    QFont f(QString::fromLatin1(views::PdfWriter::kFontFamily));
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

QChart* SupervisionCharts::make()
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    applyFonts(chart);
    return chart;
}

void SupervisionCharts::showProgress(QChart* chart, const views::SupervisionTable& days)
{
    clear(chart);
    chart->setTitle(tr("Applications submitted and decided, cumulative"));
    auto* submitted = new QLineSeries;
    submitted->setName(tr("Submitted"));
    auto* decided = new QLineSeries;
    decided->setName(tr("Decided (approved or rejected)"));
    double max = 0;
    QDateTime first, last;
    for (int r = 0; r < days.rows.size(); ++r) {
        const QDate day = QDate::fromString(days.rows.at(r).key, Qt::ISODate);
        if (!day.isValid())
            continue;
        const QDateTime at(day, QTime(12, 0)); // the axis labels in local time: noon is that day
        const double s = double(cell(days, r, "submitted_total")), d = double(cell(days, r, "decided_total"));
        submitted->append(double(at.toMSecsSinceEpoch()), s);
        decided->append(double(at.toMSecsSinceEpoch()), d);
        max = std::max({max, s, d});
        if (!first.isValid())
            first = at;
        last = at;
    }
    chart->addSeries(submitted);
    chart->addSeries(decided);
    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MM-dd"));
    if (!first.isValid())
        first = last = QDateTime(QDate::currentDate(), QTime(12, 0));
    if (first == last)
        last = first.addDays(1);
    x->setRange(first, last);
    x->setTickCount(std::clamp(int(first.daysTo(last)) + 1, 2, 8));
    auto* y = countAxis(max);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* s : {submitted, decided}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    QPen pen = submitted->pen();
    pen.setWidthF(2.5);
    pen.setColor(QColor(33, 102, 172));
    submitted->setPen(pen);
    pen.setColor(QColor(27, 120, 55));
    decided->setPen(pen);
    applyFonts(chart);
}

void SupervisionCharts::showCategoryMix(QChart* chart, const views::SupervisionTable& mix, int top)
{
    clear(chart);
    chart->setTitle(tr("Checked category of the %n school(s) with the most applications", nullptr,
                       int(std::min<qsizetype>(top, mix.rows.size()))));
    const struct {
        const char* column;
        QColor color;
    } parts[] = {{"A", QColor(33, 102, 172)},
                 {"B", QColor(103, 169, 207)},
                 {"C", QColor(239, 138, 98)},
                 {"none", QColor(178, 24, 43)},
                 {"unchecked", QColor(189, 189, 189)}};
    auto* series = new QHorizontalStackedBarSeries;
    QList<QBarSet*> sets;
    for (const auto& p : parts) {
        const int c = mix.column(QLatin1String(p.column));
        auto* set = new QBarSet(c >= 0 ? mix.columns.at(c).title : QString::fromLatin1(p.column));
        set->setColor(p.color);
        set->setBorderColor(p.color);
        sets << set;
    }
    QStringList categories;
    double max = 0;
    // The biggest at the top: a horizontal bar chart draws its first category at the bottom.
    const int n = int(std::min<qsizetype>(top, mix.rows.size()));
    for (int r = n - 1; r >= 0; --r) {
        categories << mix.rows.at(r).key;
        double sum = 0;
        for (int i = 0; i < sets.size(); ++i) {
            const double v = double(cell(mix, r, parts[i].column));
            *sets[i] << v;
            sum += v;
        }
        max = std::max(max, sum);
    }
    for (QBarSet* set : sets)
        series->append(set);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    auto* x = countAxis(max);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    applyFonts(chart);
}

void SupervisionCharts::showChannels(QChart* chart, const views::SupervisionTable& channels)
{
    clear(chart);
    chart->setTitle(tr("Online and at the counter, per district"));
    auto* series = new QHorizontalPercentBarSeries;
    auto* online = new QBarSet(tr("Online"));
    online->setColor(QColor(33, 102, 172));
    online->setBorderColor(online->color());
    auto* counter = new QBarSet(tr("At the counter"));
    counter->setColor(QColor(239, 138, 98));
    counter->setBorderColor(counter->color());
    QStringList categories;
    const QLocale locale;
    const int share = channels.column(QStringLiteral("online_share"));
    for (int r = int(channels.rows.size()) - 1; r >= 0; --r) {
        const views::SupervisionRow& row = channels.rows.at(r);
        const QVariant v = row.cells.value(share);
        const QString percent = v.isNull() || !v.isValid()
                                    ? QStringLiteral("—")
                                    : tr("%1 % online").arg(locale.toString(v.toDouble() * 100.0, 'f', 1));
        // The label names the district and its online share.
        categories << tr("%1: %2", "district: online share").arg(channels.displayText(r, 0), percent);
        *online << double(cell(channels, r, "online"));
        *counter << double(cell(channels, r, "counter"));
    }
    series->append(online);
    series->append(counter);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    auto* x = new QValueAxis;
    x->setRange(0, 100);
    x->setLabelFormat(QStringLiteral("%d %"));
    x->setTickCount(6);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    applyFonts(chart);
}

void SupervisionCharts::showOverrideRates(QChart* chart, const views::SupervisionTable& reviewers, int top)
{
    clear(chart);
    chart->setTitle(tr("Override rate per officer (%)"));
    auto* series = new QHorizontalStackedBarSeries; // one of the two sets is 0 in each category
    auto* peers = new QBarSet(tr("Override rate"));
    peers->setColor(QColor(103, 169, 207));
    peers->setBorderColor(peers->color());
    auto* outliers = new QBarSet(tr("Stands out"));
    outliers->setColor(QColor(178, 24, 43));
    outliers->setBorderColor(outliers->color());
    const int rate = reviewers.column(QStringLiteral("override_rate"));
    const int n = int(std::min<qsizetype>(top, reviewers.rows.size()));
    QStringList categories;
    double max = 0;
    for (int r = n - 1; r >= 0; --r) {
        const views::SupervisionRow& row = reviewers.rows.at(r);
        const double v = row.cells.value(rate).toDouble() * 100.0;
        categories << reviewers.displayText(r, 0);
        *peers << (row.highlight ? 0.0 : v);
        *outliers << (row.highlight ? v : 0.0);
        max = std::max(max, v);
    }
    series->append(peers);
    series->append(outliers);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    auto* x = new QValueAxis;
    x->setRange(0, std::max(1.0, max));
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    applyFonts(chart);
}

} // namespace adm::ui
