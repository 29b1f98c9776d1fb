#pragma once

#include "Session.h"
#include "security/SecretBytes.h"

namespace adm::store {
class Database;
}
namespace adm::sync {
class SyncService;
struct HubSession;
} // namespace adm::sync

namespace adm::views {

// A session whose workspace belongs to the sync engine (sync::SyncService): writes are posted to
// the sync thread, passes refresh the views, and the status bar follows the engine.
class SyncedSession : public Session {
    Q_OBJECT
public:
    explicit SyncedSession(std::unique_ptr<store::Workspace> workspace, QObject* parent = nullptr);
    ~SyncedSession() override;

    // The hub account and a password not yet checked by the hub ("Sync when it answers", or
    // $ADMISSIONS_HUB_PASSWORD): wiped once a sign-in succeeds. Without it the engine uses the session
    // kept in the cache.
    void setCredentials(const QString& account, security::SecretBytes password);
    // A session a sign-in dialog has just obtained: kept in the cache (on the writer's thread), then
    // a sync follows.
    void setHubSession(const QString& account, std::shared_ptr<sync::HubSession> session);
    void setWatchInterval(int ms);
    // "Work offline" at the start: no pass runs until a sign-in (requestSignIn) gives a way in.
    void workOffline();

    QString user() const override { return m_user; }
    QString role() const override { return m_role; }
    QString dataDir() const override { return m_dataDir; }
    ReaderFactory readers() const override;
    void post(std::function<void(store::Workspace&)> job, QObject* context, std::function<void()> done) override;
    bool canSync() const override { return true; }
    bool isOnline() const override { return m_online; }
    void syncNow() override;
    void cancelSync() override;
    bool needsSignIn() const override { return m_needsSignIn; }
    void requestSignIn() override;
    OpenCache close() override;

Q_SIGNALS:
    // The sign-in dialog is wanted. `sessionEnded`: a pass ended with "sign_in_needed" (the hub ended
    // the session and no password is kept; emitted once, until setCredentials or setHubSession gives
    // the engine a way in again); else the person asked (requestSignIn).
    void signInNeeded(bool sessionEnded);

private:
    QString m_user;
    QString m_role;
    QString m_dataDir;
    store::Database* m_database = nullptr; // owned by the workspace the service holds
    std::unique_ptr<sync::SyncService> m_service;
    bool m_online = false;
    bool m_signInAsked = false;
    bool m_needsSignIn = false;
    void setNeedsSignIn(bool needed);
};

} // namespace adm::views
