#pragma once

#include "SyncEngine.h"
#include "SyncTypes.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>

namespace adm::store {
class Workspace;
}

namespace adm::sync {

// The owner's half of syncing, living in the GUI (or admissionsctl's main) thread.
//
// Threading (docs/architecture.md, "Threads and connections"): the service takes the unlocked
// Workspace and owns the sync thread, in which the SyncEngine lives and the jobs given to post() (a
// decision, a drop) run; a pass runs in the engine's pass thread. The workspace's writer connection
// is used by one of them at a time, whoever holds the engine's WriterGate: a job runs while the
// pass waits on the hub, never inside one of its transactions. Readers (queue views) open their own
// connections with Database::openReader() in their own threads. Signals reach the owner queued.
// shutdown() (or the destructor) cancels, stops the threads and hands the workspace back.
class SyncService : public QObject {
    Q_OBJECT
public:
    SyncService(std::unique_ptr<store::Workspace> workspace, const SyncOptions& options = {},
                QObject* parent = nullptr);
    ~SyncService() override;

    // The hub account and its password, in memory only until a sign-in succeeds (SyncEngine).
    void setCredentials(const QString& account, security::SecretBytes password);
    void syncNow();
    void setWatchInterval(int ms); // 0: off
    // Ends the running pass at its next wait (it reports code "cancelled") and drops queued ones.
    void cancel();
    bool isRunning() const;
    void setRandom(Backoff::RandomFn random);

    // Runs `job` in the sync thread with the workspace, then `done` with its result in this
    // service's thread, unless `context` (an object of this thread) is gone by then.
    template <typename R>
    void post(std::function<R(store::Workspace&)> job, QObject* context, std::function<void(R)> done);

    // Stops the thread (cancelling a pass) and returns the workspace; the service is then inert.
    std::unique_ptr<store::Workspace> shutdown();

Q_SIGNALS:
    void progress(adm::sync::SyncProgress progress);
    void passFinished(adm::sync::PassResult result);
    void onlineChanged(bool online);
    void notice(const QString& message);
    void signedIn(const QString& accountId, const QStringList& roles);
    void answering(bool answering);

private:
    std::unique_ptr<store::Workspace> m_workspace;
    QThread m_thread;
    SyncEngine* m_engine = nullptr; // lives in m_thread; deleted there when it finishes
};

template <typename R>
void SyncService::post(std::function<R(store::Workspace&)> job, QObject* context, std::function<void(R)> done)
{
    if (!m_engine || !m_thread.isRunning())
        return;
    store::Workspace* workspace = m_workspace.get();
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        m_engine,
        [this, engine = m_engine, workspace, job = std::move(job), guard, done = std::move(done)]() {
            std::optional<R> result;
            {
                // A pass waiting on the hub lets the gate go; one writing the cache keeps it until done.
                WriterGate::Held held(&engine->gate());
                result.emplace(job(*workspace));
            }
            // Back to the service's thread; the guard is read there, where `context` lives.
            QMetaObject::invokeMethod(
                this,
                [guard, done, result = std::move(*result)]() {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace adm::sync
