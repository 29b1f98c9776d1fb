#pragma once

#include <QTableView>

namespace adm::ui {

// The queue table: one fixed row height (a million rows cost nothing to lay out), whole-row
// selection, sorting through the model's keyset queries, Enter opens the current application. Tab
// leaves the table (it does not walk the cells into the next applicant); the context menu of a row
// is the window's (contextMenuRequested), for the row under the mouse, made current first.
class QueueTableView : public QTableView {
    Q_OBJECT
public:
    explicit QueueTableView(QWidget* parent = nullptr);

    // Moves the current row by `delta` (j/k), keeping it on screen.
    void moveBy(int delta);
    // Column widths for the current font, from typical contents rather than from every row.
    void fitColumns();
    // Makes the row of `applicationId` current when it is among the rows read; false when it is not.
    bool selectApplication(const QString& applicationId);
    // Shows no row as selected (the application shown is not in the table); the place is kept.
    void showNoSelection();

Q_SIGNALS:
    void openRequested(const QModelIndex& index);
    // A row was selected again, with the mouse or the keys (also the current one, after showNoSelection).
    void rowSelected(const QModelIndex& index);
    // The context menu for the current row, at `globalPos`.
    void contextMenuRequested(const QPoint& globalPos);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
    void selectionChanged(const QItemSelection& selected, const QItemSelection& deselected) override;
};

} // namespace adm::ui
