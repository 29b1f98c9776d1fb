#include "SyncedSession.h"

#include "store/Workspace.h"
#include "sync/HubSignIn.h"
#include "sync/SyncService.h"

#include <utility>

namespace adm::views {

SyncedSession::SyncedSession(std::unique_ptr<store::Workspace> workspace, QObject* parent)
    : Session(parent)
    , m_user(workspace->user())
    , m_role(workspace->role())
    , m_dataDir(workspace->dataDir())
    , m_database(&workspace->database())
    , m_service(std::make_unique<sync::SyncService>(std::move(workspace)))
{
    connect(m_service.get(), &sync::SyncService::progress, this,
            [this](const sync::SyncProgress& p) { Q_EMIT syncProgress(sync::progressText(p), p.done, p.total); });
    connect(m_service.get(), &sync::SyncService::answering, this, &Session::answeringChanged);
    connect(m_service.get(), &sync::SyncService::passFinished, this, [this](const sync::PassResult& r) {
        if (r.summary.applied > 0 || r.summary.pushed > 0 || r.summary.conflicts > 0 || r.summary.removed > 0)
            Q_EMIT cacheChanged();
        Q_EMIT syncFinished(r.ok(), r.errorMessage);
        if (r.errorCode == sync::code::SignInNeeded) {
            setNeedsSignIn(true);
            if (!std::exchange(m_signInAsked, true))
                Q_EMIT signInNeeded(true);
        }
    });
    connect(m_service.get(), &sync::SyncService::onlineChanged, this, [this](bool online) {
        m_online = online;
        Q_EMIT onlineChanged(online);
    });
}

SyncedSession::~SyncedSession()
{
    (void)close();
}

void SyncedSession::setCredentials(const QString& account, security::SecretBytes password)
{
    if (!m_service)
        return;
    m_signInAsked = false;
    setNeedsSignIn(false);
    m_service->setCredentials(account, std::move(password));
}

void SyncedSession::workOffline()
{
    m_signInAsked = true; // asked already: the person chose to work offline
    setNeedsSignIn(true);
}

void SyncedSession::requestSignIn()
{
    if (m_service)
        Q_EMIT signInNeeded(false);
}

void SyncedSession::setNeedsSignIn(bool needed)
{
    if (std::exchange(m_needsSignIn, needed) != needed)
        Q_EMIT needsSignInChanged(needed);
}

void SyncedSession::setHubSession(const QString& account, std::shared_ptr<sync::HubSession> session)
{
    if (!m_service || !session)
        return;
    m_signInAsked = false;
    setNeedsSignIn(false);
    m_service->post<Status>(
        [account, session](store::Workspace& w) { return sync::hubsignin::recordSignIn(w, account, session.get()); },
        this, [](Status) {});
    m_service->syncNow(); // queued to the same thread after the job: it finds the kept session
}

void SyncedSession::setWatchInterval(int ms)
{
    if (m_service)
        m_service->setWatchInterval(ms);
}

ReaderFactory SyncedSession::readers() const
{
    store::Database* db = m_service ? m_database : nullptr;
    return [db]() -> Result<std::unique_ptr<store::Connection>> {
        if (!db)
            return Error{QStringLiteral("closed"), QStringLiteral("the workspace is closed")};
        return db->openReader();
    };
}

void SyncedSession::post(std::function<void(store::Workspace&)> job, QObject* context, std::function<void()> done)
{
    if (!m_service)
        return;
    m_service->post<int>(
        [job = std::move(job)](store::Workspace& w) {
            job(w);
            return 0;
        },
        context, [done = std::move(done)](int) { done(); });
}

void SyncedSession::syncNow()
{
    if (m_service)
        m_service->syncNow();
}

void SyncedSession::cancelSync()
{
    if (m_service)
        m_service->cancel();
}

OpenCache SyncedSession::close()
{
    if (!m_service)
        return {};
    auto workspace = m_service->shutdown();
    m_service.reset();
    m_database = nullptr;
    return OpenCache(std::move(workspace));
}

} // namespace adm::views
