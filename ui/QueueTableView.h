#pragma once

#include <QTableView>

namespace adm::ui {

// The queue table: one fixed row height (a million rows cost nothing to lay out), whole-row
// selection, sorting through the model's keyset queries, Enter opens the current application.
class QueueTableView : public QTableView {
    Q_OBJECT
public:
    explicit QueueTableView(QWidget* parent = nullptr);

    // Moves the current row by `delta` (j/k), keeping it on screen.
    void moveBy(int delta);
    // Column widths for the current font, from typical contents rather than from every row.
    void fitColumns();

Q_SIGNALS:
    void openRequested(const QModelIndex& index);

protected:
    void keyPressEvent(QKeyEvent* event) override;
};

} // namespace adm::ui
