#include "SyncPass.h"

#include "Outbox.h"
#include "Puller.h"
#include "Pusher.h"
#include "SessionCache.h"
#include "SignOff.h"
#include "SyncState.h"
#include "domain/JsonCodec.h"
#include "security/Permissions.h"
#include "store/CacheEligibility.h"
#include "store/SupervisionSchema.h"
#include "store/Workspace.h"

#include <QElapsedTimer>

namespace adm::sync {

// The pass's timings: each step stamps its own; the client's counters are read as differences.
struct SyncPass::Clock {
    QElapsedTimer whole;
    QElapsedTimer step;
    std::optional<HubClient::Counters> before;
    qint64 pullParseNs = 0; // readPage, beside the client's JSON parsing

    void finish(SyncTimings& t, const HubClient* client) const
    {
        t.totalNs = whole.nsecsElapsed();
        if (!before || !client)
            return;
        const HubClient::Counters& now = client->counters();
        t.requests = now.requests - before->requests;
        t.bytesReceived = now.bytesReceived - before->bytesReceived;
        t.networkNs = now.networkNs - before->networkNs;
        t.parseNs = now.parseNs - before->parseNs + pullParseNs;
    }
};

namespace {

// A push error the pull would meet too (the network, TLS, the session, a cancel): the pass ends.
// Any other was about the push alone, and the pull still brings the cache up to date.
bool endsThePass(const Error& e)
{
    return isTransient(e.code) || isTlsRefusal(e.code) || e.code == code::SignInRefused ||
           e.code == code::SignInNeeded || e.code == code::Cancelled;
}

} // namespace

SyncPass::SyncPass(store::Workspace& workspace, const SyncOptions& options, WriterGate& gate,
                   const std::atomic<quint64>& cancelEpoch)
    : m_workspace(workspace)
    , m_options(options)
    , m_gate(gate)
    , m_cancelEpoch(cancelEpoch)
{}

SyncPass::~SyncPass() = default; // m_password and the client's secrets wipe themselves

void SyncPass::wake()
{
    // Queued to this thread, where the client lives: it quits the wait the pass is in, if any.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_client)
                m_client->wake();
        },
        Qt::QueuedConnection);
}

void SyncPass::take(const Start& start)
{
    m_epoch = start.epoch;
    if (start.random) {
        m_random = start.random;
        if (m_client)
            m_client->setRandom(m_random);
    }
    if (!start.account)
        return;
    m_account = *start.account;
    security::SecretBytes password = start.password ? std::move(*start.password) : security::SecretBytes();
    if (m_client)
        m_client->setCredentials(m_account, std::move(password));
    else
        m_password = std::move(password);
}

PassResult SyncPass::run(const Start& start)
{
    WriterGate::Held held(&m_gate);
    take(start);
    PassResult result;
    Clock clock;
    clock.whole.start();
    const auto finished = [&]() -> PassResult {
        clock.finish(result.summary.timings, m_client.get());
        return result;
    };
    if (Status s = prepareClient(); !s) {
        fail(result, s.error());
        return finished();
    }
    clock.before = m_client->counters();
    if (Status s = signIn(result.summary.timings); !s) {
        fail(result, s.error());
        return finished();
    }
    // The account must have the local user's role (issue 11), whichever way the session came: nothing
    // is pushed or pulled under an account of another role, and its session is not kept.
    if (Status s = security::rolesAgree(m_workspace.role(), m_account, m_client->signedInAccount().roles); !s) {
        (void)SessionCache(m_workspace.database().writer()).drop(m_workspace.user());
        fail(result, s.error());
        return finished();
    }
    // A first sync into an empty cache: the supervision counters are filled once, after its check.
    store::SupervisionBulkLoad bulk(m_workspace.database().writer());
    const Status pushed = push(result);
    if (!pushed && endsThePass(pushed.error()))
        fail(result, pushed.error());
    else if (Status pulled = pull(result, clock); !pulled)
        fail(result, pulled.error());
    else if (!pushed)
        fail(result, pushed.error());
    checkWhatChanged(result);
    if (Status s = bulk.finish(); !s)
        qCWarning(lcSync) << "supervision counters not filled after the first sync:" << s.error().code;
    countOutbox(result);
    if (result.ok())
        (void)SyncState(m_workspace.database().writer())
            .set(SyncState::LastSuccess, json::formatTime(QDateTime::currentDateTimeUtc()));
    return finished();
}

PassResult& SyncPass::fail(PassResult& result, const Error& error)
{
    result.errorCode = error.code;
    result.errorMessage = error.message;
    // The hub ended the session: its token is of no more use, and a restart must not try it.
    if (error.code == code::SignInNeeded)
        (void)SessionCache(m_workspace.database().writer()).drop(m_workspace.user());
    return result;
}

Status SyncPass::prepareClient()
{
    store::Connection& db = m_workspace.database().writer();
    auto enrolment = Enrolment::load(db);
    if (!enrolment)
        return enrolment.error();
    const bool same = m_client && enrolment->hubUrl == m_enrolment.hubUrl && enrolment->caPem == m_enrolment.caPem &&
                      enrolment->workstationId == m_enrolment.workstationId &&
                      enrolment->workstationName == m_enrolment.workstationName;
    if (!same) { // enrolled again (maybe by another process): a new client, a new session
        m_enrolment = *enrolment;
        m_client = std::make_unique<HubClient>(m_enrolment, m_options);
        m_client->setWriterGate(&m_gate);
        m_client->setCancelCheck([this] { return m_cancelEpoch.load() != m_epoch; });
        if (m_random)
            m_client->setRandom(m_random);
        connect(m_client.get(), &HubClient::answering, this, &SyncPass::answering);
        connect(m_client.get(), &HubClient::retrying, this, [this](int attempt, int delayMs, const QString& reason) {
            Q_EMIT notice(SyncText::tr("Trying again in %1 s (attempt %2): %3")
                              .arg(delayMs / 1000.0, 0, 'f', 1)
                              .arg(attempt + 1)
                              .arg(reason));
        });
    }
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

Status SyncPass::signIn(SyncTimings& timings)
{
    if (m_client->isSignedIn()) {
        if (std::exchange(m_announceSession, false))
            Q_EMIT signedIn(m_client->signedInAccount().id, m_client->signedInAccount().roles);
        return {};
    }
    Q_EMIT progress({Phase::SignIn, 0, 0});
    QElapsedTimer step;
    step.start();
    auto account = m_client->signIn();
    timings.signInNs = step.nsecsElapsed();
    if (!account)
        return account.error();
    // Kept for the next start while the hub accepts it; the password is gone from the client now.
    if (Status s = SessionCache(m_workspace.database().writer())
                       .save(m_workspace.user(), m_account, m_enrolment, m_client->session());
        !s)
        qCWarning(lcSync) << "the hub session could not be kept in the cache:" << s.error().code;
    m_announceSession = false;
    Q_EMIT signedIn(account->id, account->roles);
    return {};
}

Status SyncPass::push(PassResult& result)
{
    Q_EMIT progress({Phase::Push, 0, 0});
    QElapsedTimer step;
    step.start();
    Pusher pusher(*m_client, m_workspace.database().writer(), m_options, [this](qint64 done, qint64 total) {
        Q_EMIT progress({Phase::Push, done, total});
    });
    const qint64 networkBefore = m_client->counters().networkNs;
    const Status pushed = pusher.run();
    SyncTimings& t = result.summary.timings;
    t.pushNs = step.nsecsElapsed();
    t.pushNetworkNs = m_client->counters().networkNs - networkBefore;
    result.summary.pushed = pusher.stats().pushed;
    result.summary.conflicts = pusher.stats().conflicts;
    result.summary.rejected = pusher.stats().rejected;
    // Signed batches and signing keys keep the platform's answer in their own rows (issue 14).
    if (Status s = SignOff::settleAnswers(m_workspace.database().writer()); !s)
        qCWarning(lcSync) << "the answers to signed batches were not stored:" << s.error().code;
    return pushed;
}

Status SyncPass::pull(PassResult& result, Clock& clock)
{
    Q_EMIT progress({Phase::Pull, 0, 0});
    QElapsedTimer step;
    step.start();
    Puller puller(*m_client, m_workspace.database().writer(), m_options, [this](qint64 received) {
        Q_EMIT progress({Phase::Pull, received, 0});
    });
    puller.setWriterGate(&m_gate);
    const QString account = m_client->signedInAccount().id.isEmpty() ? m_account : m_client->signedInAccount().id;
    const Status pulled = puller.run(account);
    SyncTimings& t = result.summary.timings;
    t.pullNs = step.nsecsElapsed();
    t.applyNs = puller.stats().applyNs;
    clock.pullParseNs = puller.stats().parseNs;
    t.decodeNs = puller.stats().decodeNs;
    t.transactions = puller.stats().transactions;
    result.summary.pulled = puller.stats().received;
    result.summary.applied = puller.stats().applied;
    result.summary.removed = puller.stats().removed;
    result.summary.fullPull = puller.stats().fullPull;
    return pulled;
}

void SyncPass::checkWhatChanged(PassResult& result)
{
    // What the pull changed is checked again at once, so queues and flags follow the sync. A
    // failure here does not fail the pass: the marks stay and the next refresh takes them.
    if (result.summary.applied == 0 && result.summary.removed == 0)
        return;
    Q_EMIT progress({Phase::Check, 0, 0});
    QElapsedTimer step;
    step.start();
    auto checked = store::CacheEligibility(m_workspace.database().writer()).refresh([this](qint64 done, qint64 total) {
        Q_EMIT progress({Phase::Check, done, total});
    });
    result.summary.timings.checkNs = step.nsecsElapsed();
    if (checked)
        result.summary.checked = checked->checked;
    else
        qCWarning(lcSync) << "eligibility check after the pull failed:" << checked.error().code;
}

void SyncPass::countOutbox(PassResult& result)
{
    if (auto counts = Outbox(m_workspace.database().writer()).countByState(); counts) {
        result.summary.pending = counts->value(state::Pending);
        result.summary.openConflicts = counts->value(state::Conflict) + counts->value(state::Invalid);
    }
}

} // namespace adm::sync
