#pragma once

#include "OpenCache.h"
#include "ReaderFactory.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace adm::store {
class Workspace;
}

namespace adm::views {

// What the windows need from an unlocked workspace, wherever its writer connection lives: who is
// signed in, reader connections for the views, and a way to run a write (a decision, an audit
// entry) on the writer's thread. LocalSession keeps the writer in the GUI thread (no hub, tests);
// SyncedSession hands it to the sync engine's thread.
class Session : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Session() override;

    virtual QString user() const = 0;
    virtual QString role() const = 0;
    virtual QString dataDir() const = 0;
    virtual ReaderFactory readers() const = 0;

    // Runs `job` where the writer lives, then `done` in the thread of `context`, unless `context`
    // is gone by then.
    virtual void post(std::function<void(store::Workspace&)> job, QObject* context, std::function<void()> done) = 0;

    virtual bool canSync() const { return false; }
    virtual bool isOnline() const { return false; }
    virtual void syncNow() {}
    virtual void cancelSync() {}
    // A synced session with no way in to the city platform now: "Work offline" was chosen, or the
    // platform ended the session and its sign-in was put off. The window offers a sign-in.
    virtual bool needsSignIn() const { return false; }
    // Asks for the sign-in dialog (SyncedSession::signInNeeded; the composition root shows it).
    virtual void requestSignIn() {}

    // Stops what runs and gives the unlocked cache back; destroying it closes the cache. The session
    // is inert afterwards. Close every reader first.
    virtual OpenCache close() = 0;

Q_SIGNALS:
    // The cache changed under the views (a sync applied changes, a decision was saved).
    void cacheChanged();
    void onlineChanged(bool online);
    // A sync pass: where it is as a sentence ("Sending the outbox: 1 of 2…"), and how far (total 0: not known).
    void syncProgress(const QString& phase, qint64 done, qint64 total);
    void syncFinished(bool ok, const QString& message);
    void needsSignInChanged(bool needed);
    // The city platform stopped answering within the request timeout (false), or answers again.
    void answeringChanged(bool answering);
};

// Runs `job` with a result through Session::post.
template <typename R>
void postJob(Session& session, std::function<R(store::Workspace&)> job, QObject* context, std::function<void(R)> done)
{
    auto result = std::make_shared<std::optional<R>>();
    session.post([result, job = std::move(job)](store::Workspace& w) { result->emplace(job(w)); }, context,
                 [result, done = std::move(done)] {
                     if (result->has_value())
                         done(std::move(**result));
                 });
}

} // namespace adm::views
