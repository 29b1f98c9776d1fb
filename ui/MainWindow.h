#pragma once

#include "views/Session.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QStackedWidget;

namespace adm::store {
class Workspace;
}
namespace adm::views {
class DecisionService;
class ReaderThread;
struct ApplicationDetail;
} // namespace adm::views

namespace adm::ui {

class DecisionController;
class DetailPane;
class IdleWatcher;
class Prompter;
class QueuePane;
class StatusStrip;
class UnlockDialog;

// The reviewer's window: the queues, the applicant detail, the decision keys, the status of the
// sync, and the idle lock. It works through a views::Session (readers for the views, writes on the
// writer's thread) and asks people through a Prompter, so that the tests drive it for real.
//
// Locking (after the idle time, or Ctrl+L) closes the session and the cache, takes every personal
// detail off the screen and shows the unlock dialog; unlocking makes a new session.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    using SessionFactory = std::function<std::unique_ptr<views::Session>(std::unique_ptr<store::Workspace>)>;

    // `prompter` may be null (real dialogs); it must outlive the window.
    MainWindow(std::unique_ptr<views::Session> session, SessionFactory factory, Prompter* prompter = nullptr,
               QWidget* parent = nullptr);
    // A window over a workspace without a hub (LocalSession) and with the real dialogs.
    explicit MainWindow(std::unique_ptr<store::Workspace> workspace, QWidget* parent = nullptr);
    ~MainWindow() override;

    void lock();
    bool isLocked() const { return !m_session; }
    // Overrides the idle time of the settings (tests use milliseconds).
    void setIdleTimeout(std::chrono::milliseconds timeout);

    QueuePane* queuePane() const { return m_queue; }
    DetailPane* detailPane() const { return m_detail; }

Q_SIGNALS:
    // The user picked another language ("system", "zh_CN" or "en").
    void languageChosen(const QString& setting);
    void locked();
    void unlocked();
    // The detail pane shows a freshly read application.
    void detailShown(const QString& applicationId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void retranslate();
    void openSession(std::unique_ptr<views::Session> session);
    void closeSession();
    void showUnlock();

    void currentChanged(const QString& applicationId);
    void loadDetail(const QString& applicationId, bool now);
    void readDetail();
    // Runs `action` on the application of the detail pane, once it is read.
    void withDetail(const std::function<void(const views::ApplicationDetail&)>& action);
    void decided(const QString& applicationId, const QString& message);
    void addNote();
    void reveal(int position);
    void refreshStatus();
    void cacheChanged();
    void openSettings();
    void openCacheCounts();
    void applyIdleSetting();

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
    StatusStrip* m_status = nullptr;
    IdleWatcher* m_idle = nullptr;
    DecisionController* m_decisions = nullptr;
    QPointer<UnlockDialog> m_unlock;
    std::chrono::milliseconds m_idleOverride{0};

    std::unique_ptr<views::ReaderThread> m_reads;
    std::unique_ptr<views::DecisionService> m_decisionService;

    QTimer m_detailDelay;
    QTimer m_statusTimer;
    QString m_wantedDetail;
    quint64 m_detailGeneration = 0;
    std::function<void(const views::ApplicationDetail&)> m_afterDetail;

    struct Actions;
    std::unique_ptr<Actions> m_actions;
};

} // namespace adm::ui
