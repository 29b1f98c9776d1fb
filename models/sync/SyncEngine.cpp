#include "SyncEngine.h"

#include "Outbox.h"
#include "Puller.h"
#include "Pusher.h"
#include "SessionCache.h"
#include "SyncState.h"
#include "domain/JsonCodec.h"
#include "security/Permissions.h"
#include "store/CacheEligibility.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

namespace adm::sync {

SyncEngine::SyncEngine(store::Workspace& workspace, const SyncOptions& options)
    : m_workspace(workspace)
    , m_options(options)
    , m_resumeBackoff(options.offlineRetryMs, options.offlineRetryCapMs)
    , m_watchTimer(new QTimer(this))
    , m_resumeTimer(new QTimer(this))
{
    m_resumeTimer->setSingleShot(true);
    connect(m_watchTimer, &QTimer::timeout, this, [this] { syncNow(cancelEpoch()); });
    connect(m_resumeTimer, &QTimer::timeout, this, [this] { syncNow(cancelEpoch()); });
}

SyncEngine::~SyncEngine() = default; // m_password and the client's secrets wipe themselves

void SyncEngine::cancel()
{
    ++m_cancelEpoch;
    // Reaches the client in the sync thread, inside whatever wait the pass is in.
    QMetaObject::invokeMethod(this, &SyncEngine::wakeClient, Qt::QueuedConnection);
}

void SyncEngine::wakeClient()
{
    if (m_client)
        m_client->wake();
}

void SyncEngine::setCredentials(const QString& account, security::SecretBytes password)
{
    m_account = account;
    if (m_client)
        m_client->setCredentials(account, std::move(password));
    else
        m_password = std::move(password);
}

void SyncEngine::setRandom(Backoff::RandomFn random)
{
    m_random = random;
    m_resumeBackoff = Backoff(m_options.offlineRetryMs, m_options.offlineRetryCapMs, random);
    if (m_client)
        m_client->setRandom(random);
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
    if (m_running.load()) {
        m_again = true; // reached from a wait inside the running pass: run once more after it
        return;
    }
    m_running.store(true);
    m_resumeTimer->stop();
    const PassResult result = runPass(epoch);
    m_running.store(false);
    passDone(result);
    if (m_again) {
        m_again = false;
        // From the event loop, not from here: the stack of this pass unwinds first.
        QMetaObject::invokeMethod(
            this, [this] { syncNow(cancelEpoch()); }, Qt::QueuedConnection);
    }
}

Status SyncEngine::prepareClient()
{
    auto enrolment = Enrolment::load(m_workspace.database().writer());
    if (!enrolment)
        return enrolment.error();
    const bool same = m_client && enrolment->hubUrl == m_enrolment.hubUrl && enrolment->caPem == m_enrolment.caPem &&
                      enrolment->workstationId == m_enrolment.workstationId &&
                      enrolment->workstationName == m_enrolment.workstationName;
    if (!same) { // enrolled again (maybe by another process): a new client, a new session
        m_enrolment = *enrolment;
        m_client = std::make_unique<HubClient>(m_enrolment, m_options);
        m_client->setCancelCheck([this] { return m_cancelEpoch.load() != m_passEpoch; });
        if (m_random)
            m_client->setRandom(m_random);
        connect(m_client.get(), &HubClient::retrying, this, [this](int attempt, int delayMs, const QString& reason) {
            Q_EMIT notice(SyncText::tr("Trying again in %1 s (attempt %2): %3")
                              .arg(delayMs / 1000.0, 0, 'f', 1)
                              .arg(attempt + 1)
                              .arg(reason));
        });
    }
    store::Connection& db = m_workspace.database().writer();
    if (m_account.isEmpty())
        m_account = SyncState(db).accountFor(m_workspace.user());
    if (m_account.isEmpty())
        return Error{
            code::NoAccount,
            SyncText::tr("No city platform account is set for this user. Sign in once with: admissionsctl login "
                         "--account ACCOUNT")};
    const bool otherAccount = m_client->account() != m_account;
    if (!m_password.isEmpty()) {
        m_client->setCredentials(m_account, std::move(m_password));
    } else if (otherAccount || (!m_client->isSignedIn() && !m_client->hasPassword())) {
        // The session an earlier sign-in left in the cache, while the hub has not ended it.
        if (otherAccount)
            m_client->forgetCredentials();
        auto kept = SessionCache(db).load(m_workspace.user(), m_account, m_enrolment, QDateTime::currentDateTimeUtc());
        if (!kept)
            return kept.error();
        if (kept->has_value()) {
            m_client->setSession(m_account, std::move(**kept));
            m_announceSession = true;
        }
    }
    return {};
}

PassResult SyncEngine::runPass(quint64 epoch)
{
    m_passEpoch = epoch;
    PassResult result;
    // Timings: the phases stamp their own; the client's counters are read as differences.
    SyncTimings& timings = result.summary.timings;
    QElapsedTimer whole;
    whole.start();
    QElapsedTimer phase;
    std::optional<HubClient::Counters> before;
    qint64 pullParseNs = 0; // readPage, beside the client's JSON parsing
    auto finish = [&]() {
        timings.totalNs = whole.nsecsElapsed();
        if (before && m_client) {
            const HubClient::Counters& now = m_client->counters();
            timings.requests = now.requests - before->requests;
            timings.bytesReceived = now.bytesReceived - before->bytesReceived;
            timings.networkNs = now.networkNs - before->networkNs;
            timings.parseNs = now.parseNs - before->parseNs + pullParseNs;
        }
        return result;
    };
    store::Connection& db = m_workspace.database().writer();
    auto fail = [&](const Error& e) {
        result.errorCode = e.code;
        result.errorMessage = e.message;
        // The hub ended the session: its token is of no more use, and a restart must not try it.
        if (e.code == code::SignInNeeded)
            (void)SessionCache(db).drop(m_workspace.user());
        return finish();
    };
    if (Status s = prepareClient(); !s)
        return fail(s.error());
    before = m_client->counters();

    if (!m_client->isSignedIn()) {
        Q_EMIT progress({Phase::SignIn, 0, 0});
        phase.start();
        auto account = m_client->signIn();
        timings.signInNs = phase.nsecsElapsed();
        if (!account)
            return fail(account.error());
        // Kept for the next start while the hub accepts it; the password is gone from the client now.
        if (Status s = SessionCache(db).save(m_workspace.user(), m_account, m_enrolment, m_client->session()); !s)
            qCWarning(lcSync) << "the hub session could not be kept in the cache:" << s.error().code;
        m_announceSession = false;
        Q_EMIT signedIn(account->id, account->roles);
    } else if (m_announceSession) {
        m_announceSession = false;
        Q_EMIT signedIn(m_client->signedInAccount().id, m_client->signedInAccount().roles);
    }
    // The account must have the local user's role (issue 11), whichever way the session came: nothing
    // is pushed or pulled under an account of another role, and its session is not kept.
    if (Status s = security::rolesAgree(m_workspace.role(), m_account, m_client->signedInAccount().roles); !s) {
        (void)SessionCache(db).drop(m_workspace.user());
        return fail(s.error());
    }

    Q_EMIT progress({Phase::Push, 0, 0});
    phase.start();
    Pusher pusher(*m_client, db, m_options, [this](qint64 done, qint64 total) {
        Q_EMIT progress({Phase::Push, done, total});
    });
    const qint64 networkBeforePush = m_client->counters().networkNs;
    const Status pushed = pusher.run();
    timings.pushNs = phase.nsecsElapsed();
    timings.pushNetworkNs = m_client->counters().networkNs - networkBeforePush;
    result.summary.pushed = pusher.stats().pushed;
    result.summary.conflicts = pusher.stats().conflicts;
    result.summary.rejected = pusher.stats().rejected;
    // The network, TLS, the session or a cancel: the pull would meet the same. Anything else was
    // about the push alone: still bring the cache up to date.
    if (!pushed && (isTransient(pushed.error().code) || isTlsRefusal(pushed.error().code) ||
                    pushed.error().code == code::SignInRefused || pushed.error().code == code::SignInNeeded ||
                    pushed.error().code == code::Cancelled))
        fail(pushed.error());

    if (result.ok()) {
        Q_EMIT progress({Phase::Pull, 0, 0});
        phase.start();
        Puller puller(*m_client, db, m_options, [this](qint64 received) {
            Q_EMIT progress({Phase::Pull, received, 0});
        });
        const QString account = m_client->signedInAccount().id.isEmpty() ? m_account : m_client->signedInAccount().id;
        const Status pulled = puller.run(account);
        timings.pullNs = phase.nsecsElapsed();
        timings.applyNs = puller.stats().applyNs;
        pullParseNs = puller.stats().parseNs;
        timings.decodeNs = puller.stats().decodeNs;
        timings.transactions = puller.stats().transactions;
        result.summary.pulled = puller.stats().received;
        result.summary.applied = puller.stats().applied;
        result.summary.removed = puller.stats().removed;
        result.summary.fullPull = puller.stats().fullPull;
        if (!pulled)
            fail(pulled.error());
        else if (!pushed)
            fail(pushed.error());
    }
    // What the pull changed is checked again at once, so queues and flags follow the sync. A
    // failure here does not fail the pass: the marks stay and the next refresh takes them.
    if (result.summary.applied > 0 || result.summary.removed > 0) {
        Q_EMIT progress({Phase::Check, 0, 0});
        phase.start();
        auto checked = store::CacheEligibility(db).refresh([this](qint64 done, qint64 total) {
            Q_EMIT progress({Phase::Check, done, total});
        });
        timings.checkNs = phase.nsecsElapsed();
        if (checked)
            result.summary.checked = checked->checked;
        else
            qCWarning(lcSync) << "eligibility check after the pull failed:" << checked.error().code;
    }

    if (auto counts = Outbox(db).countByState(); counts) {
        result.summary.pending = counts->value(state::Pending);
        result.summary.openConflicts = counts->value(state::Conflict) + counts->value(state::Invalid);
    }
    if (result.ok())
        (void)SyncState(db).set(SyncState::LastSuccess, json::formatTime(QDateTime::currentDateTimeUtc()));
    return finish();
}

void SyncEngine::passDone(const PassResult& result)
{
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
