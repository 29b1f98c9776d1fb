#pragma once

#include "security/Permissions.h"
#include "views/DecisionDraft.h"
#include "views/QueueViewState.h"
#include "views/Session.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QDialog;
class QLabel;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace adm::views {
class DecisionService;
class ReaderThread;
struct ApplicationDetail;
} // namespace adm::views

namespace adm::ui {

class CurrentApplication;
class BatchActions;
class CounterPrompter;
class CounterWindow;
class SignOffPrompter;
class SignOffWindow;
class SupervisionPrompter;
class SupervisionWindow;
class DecisionController;
class DetailPane;
class DraftKeeper;
class IdleWatcher;
class Prompter;
class QueuePane;
class StatusStrip;
class UnlockDialog;
class ZoomController;

// The reviewer's window: the queues, the applicant detail, the decision keys, the status of the
// sync, and the idle lock. It works through a views::Session (readers for the views, writes on the
// writer's thread) and asks people through a Prompter, so that the tests drive it for real.
//
// Locking (after the idle time, or Ctrl+L) closes the session and the cache, takes every personal
// detail off the screen and shows the unlock dialog; unlocking makes a new session.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Makes the session for a cache unlocked again after a lock (app/ is the composition root).
    using SessionFactory = std::function<std::unique_ptr<views::Session>(views::OpenCache)>;

    // `prompter` may be null (real dialogs); it must outlive the window.
    MainWindow(std::unique_ptr<views::Session> session, SessionFactory factory, Prompter* prompter = nullptr,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    void lock();
    bool isLocked() const { return !m_session; }
    // Overrides the idle time of the settings (tests use milliseconds).
    void setIdleTimeout(std::chrono::milliseconds timeout);

    QueuePane* queuePane() const { return m_queue; }
    DetailPane* detailPane() const { return m_detail; }
    // The application the pane shows and the keys act on.
    CurrentApplication* currentApplication() const { return m_current; }
    // Counter intake (issue 13, MainWindowCounter.cpp): the receipt's questions (null: the real
    // dialogs; it must outlive the window), and the counter window while it is open.
    void setCounterPrompter(CounterPrompter* prompter);
    CounterWindow* counterWindow() const;
    // Sign-off (issue 14, MainWindowSignOff.cpp): the sign-off window's questions (null: the real
    // dialogs; it must outlive the window), and the window while it is open.
    void setSignOffPrompter(SignOffPrompter* prompter);
    SignOffWindow* signOffWindow() const;
    // Supervision (issue 16, MainWindowSupervision.cpp): the dashboard's file questions (null: the real
    // dialogs; it must outlive the window), and the dashboard while it is open.
    void setSupervisionPrompter(SupervisionPrompter* prompter);
    SupervisionWindow* supervisionWindow() const;
    // Supervision's drill-down (issue 16, MainWindowDrillDown.cpp): raises the window and shows the
    // queue view of `query` (bin, filters, search, order) as a kept place is put back; the filter bar
    // shows its drill-down filters as chips. Nothing while the window is locked.
    void showQueueQuery(const views::QueueQuery& query);

Q_SIGNALS:
    // The user picked another language ("system", "zh_CN" or "en").
    void languageChosen(const QString& setting);
    void locked();
    void unlocked();
    // The detail pane shows a freshly read application.
    void detailShown(const QString& applicationId);

protected:
    void changeEvent(QEvent* event) override;
    // Quitting with decisions still in the outbox says how many and offers to sync first.
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildBatchActions();
    void retranslate();
    void updateSyncActions();
    // The session's sync signals to the status bar and the actions (MainWindowSync.cpp).
    void connectSync();
    // F5: a pass now; while one runs, says so (the engine runs another after it).
    void syncNow();
    // Issue 11: what the signed-in role is offered (the decision keys only to a role that may decide).
    void offerDecisions(bool offered);
    void applyRole(const security::SchoolSettings& settings);
    void readSchoolSettings();
    void retranslateDecisions();
    void retranslateRole();
    void openSession(std::unique_ptr<views::Session> session);
    void closeSession();
    void showUnlock();

    // The queue's current row changed: it becomes the current application, read once moving pauses.
    void followQueueRow(const QString& applicationId);
    // Enter on a row, or a related application clicked in the pane: current and read at once. A related
    // application is selected in the table when it is among its rows, else shown as outside the queue.
    void openApplication(const QString& applicationId);
    void readCurrentNow();
    void readCurrentAfterPause();
    void decided(const QString& applicationId, const QString& message);
    void addNote();
    void reveal(int position);
    void refreshStatus();
    void cacheChanged();
    void refreshRefused(); // the queue greys the applications naming the user's declared relatives
    void openSettings();
    void openCacheCounts();
    void applyIdleSetting();
    // Keyboard (issue 12): F6, the bin keys, zoom, the row's context menu, Help → Keyboard shortcuts.
    void buildKeyboardActions();
    void retranslateKeyboardActions();
    void addViewEntries(QMenu* queue);
    void buildHelpMenu();
    void switchFocus();
    void showQueueMenu(const QPoint& globalPos);
    void showShortcuts();

    // The officer's work across a lock or a crash (DraftKeeper, views::DraftStore).
    void takeWorkForLock();
    void keepLockedWork(const views::OpenCache& cache);
    void resumeWork();
    void offerDraft(const views::DecisionDraft& draft, bool afterLock);
    void resumeDraft(const views::DecisionDraft& draft);

    // Counter intake (issue 13, MainWindowCounter.cpp): its actions for a role that may take walk-in
    // applications, the counter window (opened or raised), closed with the session.
    void offerCounter(bool offered);
    void addCounterMenu();
    void retranslateCounter();
    void openCounter(bool newApplication);
    void closeCounter();

    // Sign-off (issue 14, MainWindowSignOff.cpp): "Sign-off" for a role that may sign batches, and
    // "Declared relatives…" for every user; the window and the dialog are closed with the session.
    void offerSignOff(bool offered);
    void addSignOffMenu();
    void retranslateSignOff();
    void openSignOff();
    void closeSignOff();
    void openRelatives();

    // Supervision (issue 16, MainWindowSupervision.cpp): "Supervision → Dashboard…" for a role that may
    // see dashboards (made with the menus), the window closed with the session.
    void addSupervisionMenu();
    void openSupervision();
    void closeSupervision();

    // Quitting: the outbox first.
    void askBeforeQuit(qint64 unsent);
    void syncedBeforeQuit(bool ok, const QString& message);
    void readOutbox(const std::function<void(qint64)>& then);
    void quitNow();

    std::unique_ptr<views::Session> m_session;
    SessionFactory m_factory;
    std::unique_ptr<Prompter> m_ownPrompter;
    Prompter* m_prompter = nullptr;
    QString m_dataDir;
    QString m_user;
    QString m_role;

    QStackedWidget* m_stack = nullptr;
    QueuePane* m_queue = nullptr;
    DetailPane* m_detail = nullptr;
    QLabel* m_lockedLabel = nullptr;
    QLabel* m_readOnly = nullptr; // "Read only: …" for a role that does not decide
    bool m_syncing = false;       // a pass runs (its progress came, its end not yet)
    QString m_syncSentence;       // where it is
    StatusStrip* m_status = nullptr;
    IdleWatcher* m_idle = nullptr;
    DecisionController* m_decisions = nullptr;
    CurrentApplication* m_current = nullptr;
    ZoomController* m_zoom = nullptr;
    BatchActions* m_batch = nullptr;
    DraftKeeper* m_drafts = nullptr;
    // Only from lock() until the cache they are written to closes (closeSession).
    std::optional<views::DecisionDraft> m_lockDraft;
    std::optional<views::QueueViewState> m_lockPlace;
    bool m_lockedHere = false; // the next session opens after a lock of this window, not a start
    enum class QuitStep { None, Asking, Syncing, Ready };
    QuitStep m_quit = QuitStep::None;
    QPointer<UnlockDialog> m_unlock;
    std::chrono::milliseconds m_idleOverride{0};

    QPointer<CounterWindow> m_counter;
    QToolBar* m_counterBar = nullptr; // a clerk's "Counter intake"
    std::unique_ptr<CounterPrompter> m_ownCounterPrompter;
    CounterPrompter* m_counterPrompter = nullptr;

    QPointer<SignOffWindow> m_signOff;
    QPointer<QDialog> m_relatives;
    std::unique_ptr<SignOffPrompter> m_ownSignOffPrompter;
    SignOffPrompter* m_signOffPrompter = nullptr;

    QPointer<SupervisionWindow> m_supervision;
    std::unique_ptr<SupervisionPrompter> m_ownSupervisionPrompter;
    SupervisionPrompter* m_supervisionPrompter = nullptr;

    std::unique_ptr<views::ReaderThread> m_reads;
    std::unique_ptr<views::DecisionService> m_decisionService;

    QTimer m_detailDelay;
    bool m_readInFlight = false; // the current application's detail is being read
    QTimer m_statusTimer;
    quint64 m_detailGeneration = 0;

    struct Actions;
    std::unique_ptr<Actions> m_actions;
};

} // namespace adm::ui
