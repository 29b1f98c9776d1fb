#pragma once

#include "Backoff.h"
#include "Enrolment.h"
#include "HubClient.h"
#include "SyncTypes.h"

#include <QObject>
#include <QStringList>
#include <atomic>
#include <memory>

class QTimer;

namespace adm::store {
class Workspace;
}

namespace adm::sync {

// The worker half of syncing. It lives in the sync thread (SyncService puts it there) and is the
// only user of the workspace's writer connection while it lives; its HubClient and that client's
// QNetworkAccessManager are made in the sync thread too. A pass is straight-line code: sign in,
// push the outbox, pull the feed. Waits happen in local event loops, never inside a transaction,
// so a job posted to this thread (SyncService::post) runs between two statements at most.
//
// Everything here runs in the sync thread except cancel() and cancelEpoch(), which are
// thread-safe.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    SyncEngine(store::Workspace& workspace, const SyncOptions& options);
    ~SyncEngine() override;

    // Thread-safe: ends the running pass at its next wait and skips passes requested before now.
    void cancel();
    quint64 cancelEpoch() const { return m_cancelEpoch.load(); }
    bool isRunning() const { return m_running.load(); }

    // The hub account and its password, handed to the client and wiped once a sign-in succeeds;
    // the session token is then kept in the cache (SessionCache). Without a password, the engine
    // uses the kept session of the workspace's user and its remembered account, and a pass that
    // needs a sign-in ends with "sign_in_needed".
    void setCredentials(const QString& account, security::SecretBytes password);
    // A pass, unless cancel() was called after `epoch` was read. While one runs, another follows it.
    void syncNow(quint64 epoch);
    // Passes every `ms` (0: off); after an offline pass the next comes sooner, backing off.
    void setWatchInterval(int ms);
    void setRandom(Backoff::RandomFn random); // tests: deterministic backoff and jitter

Q_SIGNALS:
    void progress(adm::sync::SyncProgress progress);
    void passFinished(adm::sync::PassResult result);
    void onlineChanged(bool online);
    void notice(const QString& message); // translated: "retrying in 3 s: …"
    void signedIn(const QString& accountId, const QStringList& roles);

private:
    PassResult runPass(quint64 epoch);
    Status prepareClient();
    void passDone(const PassResult& result);
    void scheduleResume();
    void wakeClient();

    store::Workspace& m_workspace;
    SyncOptions m_options;
    std::unique_ptr<HubClient> m_client;
    Enrolment m_enrolment;
    QString m_account;
    security::SecretBytes m_password; // until the client exists to take it
    bool m_announceSession = false;   // a kept session was taken: say who is signed in
    Backoff::RandomFn m_random;
    Backoff m_resumeBackoff;
    std::atomic<quint64> m_cancelEpoch{0};
    std::atomic<bool> m_running{false};
    quint64 m_passEpoch = 0;
    bool m_again = false;
    bool m_online = false; // false until a pass has reached the hub
    int m_offlinePasses = 0;
    int m_watchMs = 0;
    QTimer* m_watchTimer = nullptr;
    QTimer* m_resumeTimer = nullptr;
};

} // namespace adm::sync
