#pragma once

#include "sync/DecisionWorkflow.h"
#include "views/QueueTypes.h"

#include <QString>
#include <optional>

class QWidget;

namespace adm::ui {

// What a decision dialog needs to know about the application.
struct DecisionContext {
    QString applicationId;
    QString checkedCategory; // A | B | C | none; empty when not checked
    QString claimedCategory;
    views::SchoolSeats seats;
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
};

} // namespace adm::ui
