#include "FirstRunSetup.h"

#include "store/Workspace.h"
#include "sync/HubSignIn.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

namespace adm::views {

namespace {

// Runs `job` on the workspace in `pool`, then `done` in `context`'s thread if it still exists.
template <typename R>
void runOn(QThreadPool& pool, store::Workspace* workspace, std::function<R(store::Workspace&)> job, QObject* owner,
           QObject* context, std::function<void(R)> done)
{
    if (!workspace)
        return; // nothing created yet: nothing to read or write
    auto* watcher = new QFutureWatcher<R>(owner);
    QPointer<QObject> guard(context);
    QObject::connect(watcher, &QFutureWatcher<R>::finished, owner, [watcher, guard, done = std::move(done)] {
        watcher->deleteLater();
        if (guard)
            done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&pool, [workspace, job = std::move(job)] { return job(*workspace); }));
}

} // namespace

FirstRunSetup::FirstRunSetup(const QString& dataDir, QObject* parent)
    : QObject(parent)
    , m_dataDir(dataDir)
{
    m_worker.setMaxThreadCount(1); // the writer connection: one job at a time
}

FirstRunSetup::~FirstRunSetup()
{
    m_worker.waitForDone();
}

Status FirstRunSetup::createAdministrator(const QString& name, const QString& role,
                                          const security::SecretBytes& passphrase)
{
    if (m_cache)
        return Error{QStringLiteral("already_initialised"), tr("The workstation is already set up.")};
    auto cache = OpenCache::initialise(m_dataDir, name, role, passphrase);
    if (!cache)
        return cache.error();
    m_cache = std::move(*cache);
    return {};
}

OpenCache FirstRunSetup::takeCache()
{
    m_worker.waitForDone();
    return std::move(m_cache);
}

void FirstRunSetup::prepareEnrolment(const QUrl& hubUrl, const QByteArray& caPem, const QString& workstationName,
                                     QObject* context, std::function<void(sync::Enrolment)> done)
{
    runOn<sync::Enrolment>(
        m_worker, m_cache.workspace(),
        [hubUrl, caPem, workstationName](store::Workspace& w) {
            return sync::hubsignin::prepare(w.database().writer(), hubUrl, caPem, workstationName);
        },
        this, context, std::move(done));
}

void FirstRunSetup::recordSignIn(const sync::Enrolment& enrolment, const QString& account,
                                 std::shared_ptr<sync::HubSession> session, QObject* context,
                                 std::function<void(Status)> done)
{
    runOn<Status>(
        m_worker, m_cache.workspace(),
        [enrolment, account, session](store::Workspace& w) {
            Status saved = sync::hubsignin::recordEnrolment(w, enrolment);
            if (saved) // the session token is kept in the cache: the first sync needs no password
                saved = sync::hubsignin::recordSignIn(w, account, session.get());
            return saved;
        },
        this, context, std::move(done));
}

} // namespace adm::views
