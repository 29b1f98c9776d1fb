#pragma once

#include "DecisionDialog.h"
#include "views/DecisionService.h"

#include <QObject>
#include <QPointer>

namespace adm::views {
struct ApplicationDetail;
}

namespace adm::ui {

class Prompter;

// The decision keys of the main window: asks through the prompter (approve, reject, request
// information; a warning before going over a school's seats), saves through the DecisionService,
// and says what happened. Refusals of the workflow (no reason, a closed application) reach the
// reviewer as the workflow's own sentence.
class DecisionController : public QObject {
    Q_OBJECT
public:
    DecisionController(QWidget* window, Prompter& prompter, QObject* parent = nullptr);

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

    QWidget* m_window;
    Prompter& m_prompter;
    QPointer<views::DecisionService> m_service;
    bool m_busy = false;
};

} // namespace adm::ui
