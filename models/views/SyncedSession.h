#pragma once

#include "Session.h"

namespace adm::store {
class Database;
}
namespace adm::sync {
class SyncService;
}

namespace adm::views {

// A session whose workspace belongs to the sync engine (sync::SyncService): writes are posted to
// the sync thread, passes refresh the views, and the status bar follows the engine.
class SyncedSession : public Session {
    Q_OBJECT
public:
    explicit SyncedSession(std::unique_ptr<store::Workspace> workspace, QObject* parent = nullptr);
    ~SyncedSession() override;

    // The hub account and its password for this session (from the sign-in).
    void setCredentials(const QString& account, const QString& password);
    void setWatchInterval(int ms);

    QString user() const override { return m_user; }
    QString role() const override { return m_role; }
    QString dataDir() const override { return m_dataDir; }
    ReaderFactory readers() const override;
    void post(std::function<void(store::Workspace&)> job, QObject* context, std::function<void()> done) override;
    bool canSync() const override { return true; }
    bool isOnline() const override { return m_online; }
    void syncNow() override;
    void cancelSync() override;
    std::unique_ptr<store::Workspace> close() override;

private:
    QString m_user;
    QString m_role;
    QString m_dataDir;
    store::Database* m_database = nullptr; // owned by the workspace the service holds
    std::unique_ptr<sync::SyncService> m_service;
    bool m_online = false;
};

} // namespace adm::views
