#pragma once

#include "DecisionDialog.h"
#include "views/DecisionService.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace adm::views {
struct ApplicationDetail;
}

namespace adm::ui {

class CurrentApplication;
class Prompter;

// The decision keys of the main window: asks through the prompter (approve, reject, request
// information; a warning before going over a school's seats), saves through the DecisionService,
// and says what happened. Refusals of the workflow (no reason, a closed application) reach the
// reviewer as the workflow's own sentence. The keys act on the current application (the one the
// detail pane shows), never on a row that merely looks selected.
class DecisionController : public QObject {
    Q_OBJECT
public:
    DecisionController(QWidget* window, Prompter& prompter, QObject* parent = nullptr);

    // What the dialogs show and check about an application.
    static DecisionContext contextFor(const views::ApplicationDetail& detail);

    void follow(CurrentApplication* current);
    // Decides on the current application, once its detail is read (at once if it is).
    void decideOnCurrent(DecisionDialog::Kind kind);
    // Drops this workstation's decision on the current application.
    void dropOnCurrent(qint64 outboxItem);

    // Null while the workstation is locked.
    void setService(views::DecisionService* service) { m_service = service; }
    bool isBusy() const { return m_busy; }

    // `draft`: what the officer wrote before (a lock, a crash), to fill the dialog with.
    void decide(DecisionDialog::Kind kind, const views::ApplicationDetail& detail,
                const views::DecisionDraft& draft = {});
    void undoLast();
    void drop(qint64 outboxItem, const QString& applicationId);

Q_SIGNALS:
    // A decision was saved or taken back: the queues and the status bar must follow.
    void changed(const QString& applicationId, const QString& message);
    void refused(const QString& message);

private:
    void fail(const QString& message);
    void detailRead(const views::ApplicationDetail& detail);

    QWidget* m_window;
    Prompter& m_prompter;
    QPointer<views::DecisionService> m_service;
    bool m_busy = false;
    QPointer<CurrentApplication> m_current;
    // A key pressed before the detail was read: the kind, for the application it was pressed on.
    std::optional<DecisionDialog::Kind> m_waitingKind;
    QString m_waitingFor;
};

} // namespace adm::ui
