#pragma once

#include "sync/DecisionWorkflow.h"
#include "views/BatchApproval.h"
#include "views/QueueExport.h"
#include "views/QueueExportJob.h"
#include "views/DecisionDraft.h"
#include "views/QueueTypes.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

class QWidget;

namespace adm::ui {

class DecisionDialog;

// What a decision dialog needs to know about the application.
struct DecisionContext {
    QString applicationId;
    QString checkedCategory; // A | B | C | none; empty when not checked
    QString claimedCategory;
    views::SchoolSeats seats;
    // Shown in the dialog's body, so that the officer sees which applicant the decision is for.
    QString childName;
    // What the check found: eligible or not; nullopt when there is no check (no reason asked for it).
    std::optional<bool> eligible;
    QStringList flags;       // flag codes the check raised
    QStringList flagReasons; // a translated sentence for each flag, in the same order ("" if none)
    views::DecisionDraft draft; // what the officer wrote before (a lock, a crash); null: a new dialog
};

// What the export dialog shows about the view being exported.
struct ExportContext {
    views::QueueQuery query;
    qint64 rows = 0;
    views::ExportHeading heading;
    QString folder; // where the file goes by default
};

// Every question the main window asks a person. DialogPrompter shows the real dialogs; the GUI
// tests inject their own answers, so no test waits on a modal dialog or a static QMessageBox.
class Prompter {
public:
    virtual ~Prompter();

    // nullopt: cancelled. The request is complete for DecisionWorkflow (outcome, category, reason, note).
    virtual std::optional<sync::DecisionRequest> askApprove(QWidget* parent, const DecisionContext& context) = 0;
    virtual std::optional<sync::DecisionRequest> askReject(QWidget* parent, const DecisionContext& context) = 0;
    virtual std::optional<sync::DecisionRequest> askRequestInfo(QWidget* parent, const DecisionContext& context) = 0;
    // The reason code (IdRevealer::reasonCodes) for showing one person's ID number.
    virtual std::optional<QString> askRevealReason(QWidget* parent, const QString& applicationId,
                                                   const QString& person) = 0;
    virtual bool confirm(QWidget* parent, const QString& title, const QString& text) = 0;
    // An internal note on an applicant (NoteDialog); nullopt: cancelled.
    virtual std::optional<QString> askNote(QWidget* parent, const QString& applicationId) = 0;
    virtual void inform(QWidget* parent, const QString& title, const QString& text) = 0;
    // Batch approval of the clean applications of a selection (BatchApproveDialog): true to approve.
    // The default answers "no", so that a prompter that does not know the question cancels.
    virtual bool askBatchApprove(QWidget* parent, const views::BatchPlan& plan);
    // Format, file and ID numbers of an export of the view (ExportDialog); nullopt: cancelled.
    virtual std::optional<views::ExportRequest> askExport(QWidget* parent, const ExportContext& context);
    // A question with named answers (the first is the default). Returns the index of the answer, or
    // -1 for Cancel. `escape` is the answer Esc gives; -1 adds a Cancel button for it.
    virtual int choose(QWidget* parent, const QString& title, const QString& text, const QStringList& answers,
                       int escape = -1) = 0;

    // Called with each decision dialog this prompter makes, before it is shown: the main window keeps
    // a draft of what is typed in it (DraftKeeper).
    using DialogWatcher = std::function<void(DecisionDialog&)>;
    void setDialogWatcher(DialogWatcher watcher) { m_watcher = std::move(watcher); }

protected:
    void dialogMade(DecisionDialog& dialog) const
    {
        if (m_watcher)
            m_watcher(dialog);
    }

private:
    DialogWatcher m_watcher;
};

class DialogPrompter : public Prompter {
public:
    std::optional<sync::DecisionRequest> askApprove(QWidget* parent, const DecisionContext& context) override;
    std::optional<sync::DecisionRequest> askReject(QWidget* parent, const DecisionContext& context) override;
    std::optional<sync::DecisionRequest> askRequestInfo(QWidget* parent, const DecisionContext& context) override;
    std::optional<QString> askRevealReason(QWidget* parent, const QString& applicationId,
                                           const QString& person) override;
    bool confirm(QWidget* parent, const QString& title, const QString& text) override;
    std::optional<QString> askNote(QWidget* parent, const QString& applicationId) override;
    void inform(QWidget* parent, const QString& title, const QString& text) override;
    bool askBatchApprove(QWidget* parent, const views::BatchPlan& plan) override;
    std::optional<views::ExportRequest> askExport(QWidget* parent, const ExportContext& context) override;
    int choose(QWidget* parent, const QString& title, const QString& text, const QStringList& answers,
               int escape = -1) override;

private:
    std::optional<sync::DecisionRequest> runDecision(int kind, QWidget* parent, const DecisionContext& context);
};

} // namespace adm::ui
