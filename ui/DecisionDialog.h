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
// A decision against the check (approving what it found not eligible, rejecting what it found
// eligible) needs a reason too. The body names the application, the child and the check's flags, so
// that the officer sees whom the decision is for; Ctrl+Enter decides from anywhere in the dialog.
class DecisionDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Approve, Reject, RequestInfo };

    DecisionDialog(Kind kind, const DecisionContext& context, QWidget* parent = nullptr);

    sync::DecisionRequest request() const;

    // What is written in the dialog, every named input by its object name; and the dialog filled
    // in from such a draft (DraftKeeper keeps it in the cache while the dialog is open).
    views::DecisionDraft draft() const;
    void restore(const views::DecisionDraft& draft);
    // Something was typed in a text field (what Esc would lose).
    bool hasTypedText() const;
    // Asks through it before Esc, Cancel or the close button throw typed text away; null: the real
    // dialogs of a DialogPrompter.
    void setPrompter(Prompter* prompter) { m_prompter = prompter; }
    // Opened again from a draft kept in the cache (DecisionContext::draft).
    bool isResumed() const { return !m_context.draft.isNull(); }

    void accept() override;
    // Asks "Discard what you typed?" when text was typed. QDialog::done(Rejected) closes without
    // asking (the lock does, after keeping the draft).
    void reject() override;

Q_SIGNALS:
    // The officer changed a field (typing, a choice): the draft is saved a little later.
    void edited();

private:
    void updateState();
    QString problem() const;
    // The application number, the child's name and the flags of the check, above the fields.
    QWidget* applicantSummary();
    // The decision goes against what the check found (nullopt in the context: no check, never).
    bool againstCheck() const;
    QString againstCheckHint() const;
    QString againstCheckProblem() const;
    void watchEdits();
    QList<QWidget*> inputs() const;
    void addDueDate(QFormLayout* form);

    Kind m_kind;
    DecisionContext m_context;
    Prompter* m_prompter = nullptr;
    bool m_restoring = false;
    QComboBox* m_category = nullptr;
    QComboBox* m_reason = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QDateEdit* m_due = nullptr; // request information only
    QLabel* m_reasonHint = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_decide = nullptr;
};

} // namespace adm::ui
