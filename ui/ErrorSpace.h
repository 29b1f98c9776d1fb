#pragma once

#include <QFontMetrics>
#include <QLabel>
#include <QSizePolicy>

namespace adm::ui {

// Keeps room for a dialog's error or status label from the start, hidden or not: a message that
// appears later then takes that room, instead of squeezing the fields above it (a word-wrapped label
// asks for its height only once it has text). A longer message makes the dialog grow (its layout is
// SetMinimumSize), never shrink the fields.
inline void reserveErrorSpace(QLabel* label, int lines = 2)
{
    QSizePolicy policy = label->sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    policy.setVerticalPolicy(QSizePolicy::MinimumExpanding);
    label->setSizePolicy(policy);
    label->setMinimumHeight(label->fontMetrics().lineSpacing() * lines + 4);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
}

} // namespace adm::ui
