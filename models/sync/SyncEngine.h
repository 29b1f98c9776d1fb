#pragma once

#include "Backoff.h"
#include "SyncTypes.h"
#include "WriterGate.h"
#include "security/SecretBytes.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>
#include <optional>

class QTimer;

namespace adm::store {
class Workspace;
}

namespace adm::sync {

class SyncPass;

// The control half of syncing: when passes run, and what their outcome means (online, offline and
// the retry after it). It lives in the sync thread (SyncService puts it there), where the jobs of
// SyncService::post run too. A pass itself runs in a thread of its own, the pass thread, where it
// blocks on the network (SyncPass); this engine only starts it and hears its result, so a pass is
// never entered from inside another's wait: a pass asked for while one runs is run after it. The
// pass and the jobs share the workspace's writer connection through the WriterGate.
//
// Everything here runs in the sync thread except cancel(), cancelEpoch(), isRunning() and gate(),
// which are thread-safe.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    SyncEngine(store::Workspace& workspace, const SyncOptions& options);
    // Ends a running pass (as cancelled) and waits for the pass thread to end.
    ~SyncEngine() override;

    // Thread-safe: ends the running pass at its next wait and skips passes requested before now.
    void cancel();
    quint64 cancelEpoch() const { return m_cancelEpoch.load(); }
    bool isRunning() const { return m_running.load(); }
    // Held by a job while it uses the writer (SyncService::post).
    WriterGate& gate() { return m_gate; }

    // The hub account and its password, handed to the next pass and wiped once a sign-in succeeds;
    // the session token is then kept in the cache (SessionCache). Without a password, the pass uses
    // the kept session of the workspace's user and its remembered account, and a pass that needs a
    // sign-in ends with "sign_in_needed".
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
    // The hub stopped answering within the request timeout, or answers again (HubClient::answering).
    void answering(bool answering);

private:
    void start(quint64 epoch);
    void passEnded(const PassResult& result);
    void scheduleResume();

    SyncOptions m_options;
    WriterGate m_gate;
    std::atomic<quint64> m_cancelEpoch{0};
    std::atomic<bool> m_running{false};
    QThread m_passThread;
    SyncPass* m_pass = nullptr; // lives in m_passThread; deleted there as it finishes
    // Handed to the next pass as it starts.
    std::optional<QString> m_account;
    std::shared_ptr<security::SecretBytes> m_password;
    Backoff::RandomFn m_random;
    Backoff m_resumeBackoff;
    bool m_passWanted = false; // asked for while a pass ran: one more follows it
    bool m_online = false;     // false until a pass has reached the hub
    int m_offlinePasses = 0;
    int m_watchMs = 0;
    QTimer* m_watchTimer = nullptr;
    QTimer* m_resumeTimer = nullptr;
};

} // namespace adm::sync
