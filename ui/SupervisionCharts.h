#pragma once

#include "views/SupervisionTables.h"

#include <QCoreApplication>
#include <QFont>

class QChart;

namespace adm::ui {

// The dashboard's charts (QtCharts), filled from the same tables the dashboard shows and exports: the
// window shows them in QChartViews, the PDF report renders them on its pages. Every text of a chart is
// in "Noto Sans CJK SC", named explicitly (a generic family falls back to Japanese glyphs).
class SupervisionCharts {
    Q_DECLARE_TR_FUNCTIONS(SupervisionCharts)
public:
    // A chart with the fonts, margins and no animation.
    static QChart* make();
    static QFont font(double pointSize, bool bold = false);

    // Submitted and decided per day, cumulative (the table SupervisionTables::days).
    static void showProgress(QChart* chart, const views::SupervisionTable& days);
    // The checked category mix of the `top` schools with the most applications (SupervisionTables::categoryMix).
    static void showCategoryMix(QChart* chart, const views::SupervisionTable& mix, int top = 12);
    // Online against counter per district, the online share in each label (SupervisionTables::channels).
    static void showChannels(QChart* chart, const views::SupervisionTable& channels);
    // The override rate per officer, outliers in another colour (SupervisionTables::reviewers).
    static void showOverrideRates(QChart* chart, const views::SupervisionTable& reviewers, int top = 20);
};

} // namespace adm::ui
