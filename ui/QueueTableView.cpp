#include "QueueTableView.h"

#include "views/Labels.h"
#include "views/QueueModel.h"
#include "views/QueueTypes.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>

namespace adm::ui {

QueueTableView::QueueTableView(QWidget* parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("queueTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    // Shift/Ctrl select several rows for batch actions; the current (focused) row stays the one the
    // detail pane and the single-decision keys work on.
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSortingEnabled(true);
    setWordWrap(false);
    setAlternatingRowColors(true);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab would walk the cells and wrap into the next applicant; it moves to the detail pane instead.
    setTabKeyNavigation(false);
    setIconSize(QSize(120, 14));
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->hide();
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSortIndicatorShown(true);
    horizontalHeader()->setStretchLastSection(false);
    fitColumns();
}

void QueueTableView::fitColumns()
{
    const QFontMetrics fm = fontMetrics();
    verticalHeader()->setDefaultSectionSize(fm.height() + 8);
    if (!model())
        return;
    using views::Column;
    auto width = [&](const QString& sample) { return fm.horizontalAdvance(sample) + 16; };
    auto set = [&](Column c, int w) {
        const int header = fm.horizontalAdvance(model()->headerData(int(c), Qt::Horizontal).toString()) + 22;
        setColumnWidth(int(c), std::max(w, header));
    };
    set(Column::Number, width(QStringLiteral("A2026000000")) + 18);
    set(Column::Child, width(QStringLiteral("欧阳小明明")));
    set(Column::Age, width(views::labels::age(QStringLiteral("20131001"), QDate(2026, 8, 31))));
    set(Column::School, width(QStringLiteral("日照市东港区实验小学")));
    set(Column::Claimed, width(QStringLiteral("A")));
    set(Column::Checked, width(QStringLiteral("none")));
    set(Column::Flags, 4 * 13 + 16);
    set(Column::Channel, std::max(width(views::labels::channel(QStringLiteral("online"))),
                                  width(views::labels::channel(QStringLiteral("counter")))));
    set(Column::Submitted, width(QStringLiteral("2026-06-02")));
    // The school takes what is left, so that the table fits without scrolling sideways.
    horizontalHeader()->setSectionResizeMode(int(Column::School), QHeaderView::Stretch);
}

void QueueTableView::moveBy(int delta)
{
    if (!model() || model()->rowCount() == 0)
        return;
    const int column = currentIndex().isValid() ? currentIndex().column() : 0;
    const int row = std::clamp(currentIndex().isValid() ? currentIndex().row() + delta : 0, 0, model()->rowCount() - 1);
    const QModelIndex target = model()->index(row, column);
    setCurrentIndex(target);
    scrollTo(target);
}

bool QueueTableView::selectApplication(const QString& applicationId)
{
    auto* queue = qobject_cast<views::QueueModel*>(model());
    if (!queue || applicationId.isEmpty())
        return false;
    // Only the rows read so far: asking for the others would read the whole queue.
    for (int row = 0; row < queue->rowCount(); ++row) {
        if (queue->applicationIdAt(row) != applicationId)
            continue;
        const QModelIndex target = queue->index(row, currentIndex().isValid() ? currentIndex().column() : 0);
        setCurrentIndex(target);
        selectionModel()->select(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        scrollTo(target);
        return true;
    }
    return false;
}

void QueueTableView::showNoSelection()
{
    if (selectionModel())
        selectionModel()->clearSelection();
}

void QueueTableView::selectionChanged(const QItemSelection& selected, const QItemSelection& deselected)
{
    QTableView::selectionChanged(selected, deselected);
    if (!selected.isEmpty())
        Q_EMIT rowSelected(selected.indexes().first());
}

void QueueTableView::contextMenuEvent(QContextMenuEvent* event)
{
    QModelIndex index = currentIndex();
    QPoint at = viewport()->mapToGlobal(visualRect(index).center());
    if (event->reason() == QContextMenuEvent::Mouse) {
        index = indexAt(viewport()->mapFromGlobal(event->globalPos()));
        at = event->globalPos();
    }
    if (!index.isValid())
        return;
    // The menu acts on the row it was opened on: that row becomes the current application first.
    setCurrentIndex(index);
    selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    Q_EMIT contextMenuRequested(at);
    event->accept();
}

void QueueTableView::changeEvent(QEvent* event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitColumns(); // zoomed: the rows and columns follow the new text size
}

void QueueTableView::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        Q_EMIT openRequested(currentIndex());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace adm::ui
