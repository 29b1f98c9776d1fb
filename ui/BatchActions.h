#pragma once

#include <QObject>
#include <QPointer>
#include <memory>

class QAction;
class QMenu;
class QWidget;

namespace adm::views {
class DecisionService;
class ReaderThread;
class Session;
} // namespace adm::views

namespace adm::ui {

class ExportRun;
class Prompter;
class QueuePane;

// Work on many applications at once (issue 12): approve the clean ones of the rows selected in the
// queue, and print or export the current queue view. Owns its actions; the main window puts them
// in its menus and gives it the open session.
class BatchActions : public QObject {
    Q_OBJECT
public:
    BatchActions(QWidget* window, QueuePane& queue, Prompter& prompter, QObject* parent = nullptr);
    ~BatchActions() override;

    // Null while locked. Only roles that may decide get batch approval.
    void setSession(views::Session* session, views::DecisionService* decisions);
    // Whether the signed-in role may decide: approving a selection is offered (action and key) only then.
    void offerApproval(bool offered);
    void retranslate();
    // Export and print go into `fileMenu` before `before` (at the end when null), batch approval at
    // the end of `decisionMenu`.
    void addTo(QMenu* fileMenu, QAction* before, QMenu* decisionMenu);

    QAction* approveCleanAction() const { return m_approveClean; }
    QAction* exportAction() const { return m_export; }
    QAction* printAction() const { return m_print; }
    bool isBusy() const { return m_busy; }

    void approveClean();
    void exportView();
    void printView();

Q_SIGNALS:
    // Decisions were saved (the queues and the status bar must follow): the last application, and
    // a sentence for the status bar.
    void decided(const QString& applicationId, const QString& message);
    // An export or print ended (or was refused): a sentence for the status bar.
    void message(const QString& text);

private:
    QWidget* m_window;
    QueuePane& m_queue;
    Prompter& m_prompter;
    QPointer<views::Session> m_session;
    QPointer<views::DecisionService> m_decisions;
    std::unique_ptr<views::ReaderThread> m_reads;
    QPointer<ExportRun> m_run;
    QAction* m_approveClean = nullptr;
    QAction* m_export = nullptr;
    QAction* m_print = nullptr;
    bool m_busy = false;
    bool m_approvalOffered = false;
};

} // namespace adm::ui
