#pragma once

#include "views/BatchApproval.h"

#include <QDialog>

namespace adm::ui {

// Batch approval of the clean applications of a selection: how many are clean and will be
// approved, how many are left out and why (per reason), and the seats of their schools. A set that
// would go over a school's seats is refused whole, with the sentence saying by how many; the dialog
// then only closes.
class BatchApproveDialog : public QDialog {
    Q_OBJECT
public:
    explicit BatchApproveDialog(const views::BatchPlan& plan, QWidget* parent = nullptr);
};

} // namespace adm::ui
