#pragma once

#include "Backoff.h"
#include "Enrolment.h"
#include "HubClient.h"
#include "SyncTypes.h"
#include "WriterGate.h"

#include <QObject>
#include <atomic>
#include <memory>
#include <optional>

namespace adm::store {
class Workspace;
}

namespace adm::sync {

// One sync pass, as a sequence: prepare the client, sign in, check the account's roles, push the
// outbox, pull the feed, check what the pull changed, count the outbox. It lives in the pass thread
// of SyncEngine, which does nothing else: its calls block (HubClient waits in a loop of that thread
// alone), so the pass cannot be entered again from inside one of its waits, and no job runs
// inside it. It holds the WriterGate while it runs, letting it go only while it waits.
//
// Everything here runs in the pass thread, except wake(), which may be called from anywhere.
class SyncPass : public QObject {
    Q_OBJECT
public:
    // What the engine hands a pass as it starts it.
    struct Start {
        quint64 epoch = 0;
        // New credentials (the account and its password); none: keep those of the last pass, or the
        // session the cache keeps.
        std::optional<QString> account;
        std::shared_ptr<security::SecretBytes> password;
        Backoff::RandomFn random; // tests: deterministic backoff and jitter
    };

    SyncPass(store::Workspace& workspace, const SyncOptions& options, WriterGate& gate,
             const std::atomic<quint64>& cancelEpoch);
    ~SyncPass() override;

    PassResult run(const Start& start);
    // Thread-safe: ends the current wait early; the pass then sees the cancel.
    void wake();

Q_SIGNALS:
    void progress(adm::sync::SyncProgress progress);
    void notice(const QString& message);
    void signedIn(const QString& accountId, const QStringList& roles);
    void answering(bool answering);

private:
    struct Clock;
    void take(const Start& start);
    Status prepareClient();
    Status signIn(SyncTimings& timings);
    Status push(PassResult& result);
    Status pull(PassResult& result, Clock& clock);
    void checkWhatChanged(PassResult& result);
    void countOutbox(PassResult& result);
    PassResult& fail(PassResult& result, const Error& error);

    store::Workspace& m_workspace;
    SyncOptions m_options;
    WriterGate& m_gate;
    const std::atomic<quint64>& m_cancelEpoch;
    quint64 m_epoch = 0;
    std::unique_ptr<HubClient> m_client;
    Enrolment m_enrolment;
    QString m_account;
    security::SecretBytes m_password; // until the client exists to take it
    bool m_announceSession = false;   // a kept session was taken: say who is signed in
    Backoff::RandomFn m_random;
};

} // namespace adm::sync
