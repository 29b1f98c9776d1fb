#pragma once

#include <QKeySequence>
#include <QStyledItemDelegate>

namespace adm::ui {

// The bin list's first column with each bin's key (Ctrl+1 for the first row, …) written after its
// name, dimmed, and in its tooltip, so that the keys are learnt where the bins are.
class BinShortcutDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The key of the bin at `row` of the list; empty past the ninth.
    static QKeySequence keyFor(int row);
    // The room the hint takes after the name.
    static int hintWidth(const QFontMetrics& metrics);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;
};

} // namespace adm::ui
