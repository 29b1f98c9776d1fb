#pragma once

#include "Prompter.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace adm::ui {

// Approve, reject or request information for one application. It refuses what the decision
// workflow would refuse, with a sentence saying what is missing: an approval in another category
// than the check found needs a reason; a rejection needs a standard reason; a request for
// information says what is needed. An approval shows the school's seats and warns before going over.
// A decision against the check (approving what it found not eligible, rejecting what it found
// eligible) needs a reason too. The body names the application, the child and the check's flags, so
// that the officer sees whom the decision is for; Ctrl+Enter decides from anywhere in the dialog.
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
    // The application number, the child's name and the flags of the check, above the fields.
    QWidget* applicantSummary();
    // The decision goes against what the check found (nullopt in the context: no check, never).
    bool againstCheck() const;
    QString againstCheckHint() const;
    QString againstCheckProblem() const;

    Kind m_kind;
    DecisionContext m_context;
    QComboBox* m_category = nullptr;
    QComboBox* m_reason = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QLabel* m_reasonHint = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_decide = nullptr;
};

} // namespace adm::ui
