#include "BinShortcutDelegate.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace adm::ui {

namespace {

QString hint(int row)
{
    return BinShortcutDelegate::keyFor(row).toString(QKeySequence::NativeText);
}

} // namespace

QKeySequence BinShortcutDelegate::keyFor(int row)
{
    if (row < 0 || row > 8)
        return {};
    return QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row));
}

int BinShortcutDelegate::hintWidth(const QFontMetrics& metrics)
{
    return metrics.horizontalAdvance(keyFor(8).toString(QKeySequence::NativeText)) + 12;
}

void BinShortcutDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QString key = hint(index.row());
    if (key.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The name in the room left of the hint; the hint in the rest, in the colour of placeholder text.
    QStyleOptionViewItem named = option;
    const int room = hintWidth(option.fontMetrics);
    named.rect.setRight(option.rect.right() - room);
    QStyledItemDelegate::paint(painter, named, index);
    QStyleOptionViewItem full = option;
    initStyleOption(&full, index);
    const QRect area(named.rect.right() + 1, option.rect.top(), room - 4, option.rect.height());
    if (option.state & QStyle::State_Selected)
        painter->fillRect(area.adjusted(0, 0, 4, 0), option.palette.brush(QPalette::Highlight));
    painter->save();
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    painter->setPen(option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                          : option.palette.color(QPalette::PlaceholderText));
    painter->drawText(area, Qt::AlignRight | Qt::AlignVCenter, key);
    painter->restore();
}

QSize BinShortcutDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += hintWidth(option.fontMetrics);
    return size;
}

bool BinShortcutDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                                    const QModelIndex& index)
{
    const QString key = hint(index.row());
    if (event->type() != QEvent::ToolTip || key.isEmpty())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QToolTip::showText(event->globalPos(), tr("%1 (%2)").arg(index.data().toString(), key), view);
    return true;
}

} // namespace adm::ui
