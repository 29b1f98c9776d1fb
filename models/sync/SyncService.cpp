#include "SyncService.h"

#include "store/Workspace.h"

namespace adm::sync {

SyncService::SyncService(std::unique_ptr<store::Workspace> workspace, const SyncOptions& options, QObject* parent)
    : QObject(parent)
    , m_workspace(std::move(workspace))
{
    qRegisterMetaType<adm::sync::SyncProgress>();
    qRegisterMetaType<adm::sync::PassResult>();
    m_thread.setObjectName(QStringLiteral("sync"));
    // Made here without any network object; everything it creates later is made in the sync thread.
    m_engine = new SyncEngine(*m_workspace, options);
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &SyncEngine::progress, this, &SyncService::progress);
    connect(m_engine, &SyncEngine::passFinished, this, &SyncService::passFinished);
    connect(m_engine, &SyncEngine::onlineChanged, this, &SyncService::onlineChanged);
    connect(m_engine, &SyncEngine::notice, this, &SyncService::notice);
    connect(m_engine, &SyncEngine::signedIn, this, &SyncService::signedIn);
    connect(m_engine, &SyncEngine::answering, this, &SyncService::answering);
    m_thread.start();
}

SyncService::~SyncService()
{
    (void)shutdown();
}

void SyncService::setCredentials(const QString& account, security::SecretBytes password)
{
    if (!m_engine)
        return;
    // One owner travels to the sync thread (the functor must be copyable): no copy of the bytes.
    auto secret = std::make_shared<security::SecretBytes>(std::move(password));
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, account, secret] { engine->setCredentials(account, std::move(*secret)); },
        Qt::QueuedConnection);
}

void SyncService::syncNow()
{
    if (!m_engine)
        return;
    // The epoch is read now: a cancel() after this call also drops this request.
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, epoch = m_engine->cancelEpoch()] { engine->syncNow(epoch); },
        Qt::QueuedConnection);
}

void SyncService::setWatchInterval(int ms)
{
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, ms] { engine->setWatchInterval(ms); }, Qt::QueuedConnection);
}

void SyncService::setRandom(Backoff::RandomFn random)
{
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, random] { engine->setRandom(random); }, Qt::QueuedConnection);
}

void SyncService::cancel()
{
    if (m_engine)
        m_engine->cancel();
}

bool SyncService::isRunning() const
{
    return m_engine && m_engine->isRunning();
}

std::unique_ptr<store::Workspace> SyncService::shutdown()
{
    if (m_engine) {
        m_engine->cancel();
        // Ends the sync thread's loop; the engine is deleted there as it finishes, and its
        // destructor ends the pass thread, the running pass unwinding as cancelled.
        m_thread.quit();
        m_thread.wait();
        m_engine = nullptr;
    }
    return std::move(m_workspace);
}

} // namespace adm::sync
