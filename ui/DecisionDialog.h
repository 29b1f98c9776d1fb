#pragma once

#include "Prompter.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace adm::ui {

// Approve, reject or request information for one application. It refuses what the decision
// workflow would refuse, with a sentence saying what is missing: an approval in another category
// than the check found needs a reason; a rejection needs a standard reason; a request for
// information says what is needed. An approval shows the school's seats and warns before going over.
class DecisionDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Approve, Reject, RequestInfo };

    DecisionDialog(Kind kind, const DecisionContext& context, QWidget* parent = nullptr);

    sync::DecisionRequest request() const;

    void accept() override;

private:
    void updateState();
    QString problem() const;
    void addDueDate(QFormLayout* form);

    Kind m_kind;
    DecisionContext m_context;
    QComboBox* m_category = nullptr;
    QComboBox* m_reason = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QDateEdit* m_due = nullptr; // request information only
    QLabel* m_reasonHint = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_decide = nullptr;
};

} // namespace adm::ui
