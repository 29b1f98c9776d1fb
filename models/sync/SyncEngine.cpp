#include "SyncEngine.h"

#include "SyncPass.h"

#include <QTimer>

namespace adm::sync {

SyncEngine::SyncEngine(store::Workspace& workspace, const SyncOptions& options)
    : m_options(options)
    , m_resumeBackoff(options.offlineRetryMs, options.offlineRetryCapMs)
    , m_watchTimer(new QTimer(this))
    , m_resumeTimer(new QTimer(this))
{
    m_resumeTimer->setSingleShot(true);
    connect(m_watchTimer, &QTimer::timeout, this, [this] { syncNow(cancelEpoch()); });
    connect(m_resumeTimer, &QTimer::timeout, this, [this] { syncNow(cancelEpoch()); });

    // Made without any network object; its client is made in the pass thread, at the first pass.
    m_passThread.setObjectName(QStringLiteral("sync-pass"));
    m_pass = new SyncPass(workspace, options, m_gate, m_cancelEpoch);
    m_pass->moveToThread(&m_passThread);
    connect(&m_passThread, &QThread::finished, m_pass, &QObject::deleteLater);
    connect(m_pass, &SyncPass::progress, this, &SyncEngine::progress);
    connect(m_pass, &SyncPass::notice, this, &SyncEngine::notice);
    connect(m_pass, &SyncPass::signedIn, this, &SyncEngine::signedIn);
    connect(m_pass, &SyncPass::answering, this, &SyncEngine::answering);
    m_passThread.start();
}

SyncEngine::~SyncEngine()
{
    cancel();
    // Ends the pass thread's loop, and any wait the pass is in: the pass unwinds as cancelled, and
    // its object (and the client's secrets) go with the thread.
    m_passThread.quit();
    m_passThread.wait();
}

void SyncEngine::cancel()
{
    ++m_cancelEpoch;
    if (m_pass)
        m_pass->wake();
}

void SyncEngine::setCredentials(const QString& account, security::SecretBytes password)
{
    m_account = account;
    m_password = std::make_shared<security::SecretBytes>(std::move(password));
}

void SyncEngine::setRandom(Backoff::RandomFn random)
{
    m_random = random;
    m_resumeBackoff = Backoff(m_options.offlineRetryMs, m_options.offlineRetryCapMs, random);
}

void SyncEngine::setWatchInterval(int ms)
{
    m_watchMs = std::max(0, ms);
    if (m_watchMs > 0) {
        m_watchTimer->start(m_watchMs);
    } else {
        m_watchTimer->stop();
        m_resumeTimer->stop();
    }
}

void SyncEngine::syncNow(quint64 epoch)
{
    if (epoch != m_cancelEpoch.load())
        return; // cancelled before it started
    if (m_running.load())
        m_passWanted = true;
    else
        start(epoch);
}

void SyncEngine::start(quint64 epoch)
{
    m_running.store(true);
    m_resumeTimer->stop();
    SyncPass::Start s;
    s.epoch = epoch;
    s.account = std::exchange(m_account, std::nullopt);
    s.password = std::exchange(m_password, nullptr);
    s.random = m_random;
    // The pass thread runs this and nothing else until it ends; the result comes back here.
    QMetaObject::invokeMethod(
        m_pass,
        [pass = m_pass, engine = this, s = std::move(s)] {
            const PassResult result = pass->run(s);
            QMetaObject::invokeMethod(
                engine, [engine, result] { engine->passEnded(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SyncEngine::passEnded(const PassResult& result)
{
    m_running.store(false);
    const SyncSummary& s = result.summary;
    qCInfo(lcSync) << "pass" << (result.ok() ? "done" : qPrintable(result.errorCode)) << "pulled" << s.pulled
                   << "applied" << s.applied << "pushed" << s.pushed << "conflicts" << s.conflicts << "rejected"
                   << s.rejected << "pending" << s.pending;
    if (isOffline(result.errorCode)) {
        if (m_online) {
            m_online = false;
            Q_EMIT onlineChanged(false);
        }
        scheduleResume();
    } else if (result.ok() || !isTransient(result.errorCode)) {
        // An answer from the hub, even a refusal, means the network is there.
        m_offlinePasses = 0;
        if (!m_online && result.errorCode != code::Cancelled) {
            m_online = true;
            Q_EMIT onlineChanged(true);
        }
    }
    Q_EMIT progress({Phase::Idle, 0, 0});
    Q_EMIT passFinished(result);
    if (std::exchange(m_passWanted, false))
        syncNow(cancelEpoch());
}

void SyncEngine::scheduleResume()
{
    if (m_watchMs <= 0)
        return; // a single pass (admissionsctl sync) reports and ends
    ++m_offlinePasses;
    const int delay = std::min(m_resumeBackoff.delayMs(m_offlinePasses), m_watchMs);
    qCInfo(lcSync) << "offline; next try in" << delay << "ms";
    m_resumeTimer->start(delay);
}

} // namespace adm::sync
