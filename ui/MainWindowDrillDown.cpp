// MainWindow: the supervision dashboard's drill-down (issue 16). A click on a district, a school, an
// officer or a flag there opens the matching queue view here; the queue shows why it is narrowed
// (the filter bar's chips) and stays read only for a role that does not decide (MainWindowRoles.cpp).
// Kept apart from MainWindow.cpp, which many features share.
#include "MainWindow.h"
#include "QueuePane.h"
#include "QueueTableView.h"

namespace adm::ui {

void MainWindow::showQueueQuery(const views::QueueQuery& query)
{
    if (isMinimized())
        showNormal();
    raise();
    activateWindow();
    if (!m_session || !m_queue->isOpen())
        return; // locked: the unlock dialog is what there is to see
    // As the place kept over a lock is put back: bin, filters, search and order in one query, the
    // first row selected once read (no applicant of its own to look for).
    views::QueueViewState place;
    place.query = query;
    m_queue->restore(place);
    m_queue->table()->setFocus(Qt::OtherFocusReason);
}

} // namespace adm::ui
