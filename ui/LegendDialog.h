#pragma once

#include <QDialog>

namespace adm::ui {

// What the queue's codes mean: the categories A, B, C and none, the flag colours and every flag,
// made from the same labels (views::labels) and colours (views::FlagIcons) the queue shows.
class LegendDialog : public QDialog {
    Q_OBJECT
public:
    explicit LegendDialog(QWidget* parent = nullptr);
};

} // namespace adm::ui
