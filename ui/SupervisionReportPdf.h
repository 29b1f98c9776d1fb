#pragma once

#include "domain/Result.h"
#include "views/SupervisionTables.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace adm::ui {

// The supervision dashboard as a PDF report (issue 16): A4 landscape, dated and naming its scope on
// every page, the figure tiles, the charts (SupervisionCharts, rendered at 300 dpi) and every table in
// full, in the interface's language, in "Noto Sans CJK SC" named explicitly. Paints charts, so it runs
// on the GUI thread.
class SupervisionReportPdf {
    Q_DECLARE_TR_FUNCTIONS(SupervisionReportPdf)
public:
    struct Input {
        views::SupervisionRead read;
        QList<views::SupervisionTile> tiles;
        QList<views::SupervisionTable> tables; // in the dashboard's order
        QString method;                        // the reviewers' measure, a sentence
    };
    static Status write(const QString& path, const Input& input);
};

} // namespace adm::ui
