#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaType>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

// Value types shared by the sync engine, its owner (GUI or admissionsctl) and the tests.
namespace adm::sync {

// Every sentence of models/sync is translated in the context "Sync": SyncText::tr("…").
struct SyncText {
    Q_DECLARE_TR_FUNCTIONS(Sync)
};

// Tunables. The defaults suit a school desk on a city network; tests shrink the times.
struct SyncOptions {
    int requestTimeoutMs = 30000; // no byte for this long: the request is abandoned (and retried)
    int pageSize = 2000;          // changes per pull page (the contract allows 1..5000)
    int pullBatch = 20000;        // pull: whole pages are applied together up to this many changes, in one
                                  // transaction with the last page's cursor (1: a transaction per page)
    int chunkSize = 200;          // outbox items per push request
    int maxAttempts = 6;          // per request, the first included
    int backoffBaseMs = 500;      // first retry delay; doubles per attempt, with jitter
    int backoffCapMs = 30000;
    int maxRetryAfterSeconds = 120; // a longer Retry-After ends the pass (the hub is busy: try later)
    int offlineRetryMs = 5000;      // --watch / GUI: first retry after the hub was unreachable
    int offlineRetryCapMs = 300000; // doubles up to this
    // Bounds on what a hub may send (docs/sync.md, "Bounds"):
    qint64 maxPageBytes = 64 << 20; // the largest answer body read; refused while it arrives (0: no limit)
    int maxStalledPages = 3;        // pages in a row saying has_more without moving the cursor to a new place
    int maxEmptyPages = 1000;       // pages in a row with has_more and no change at all, the cursor moving
};

enum class Phase { Idle, SignIn, Push, Pull, Check };
QString phaseName(Phase phase);  // stable: "idle", "sign_in", "push", "pull", "check"
QString phaseLabel(Phase phase); // translated, for people

struct SyncProgress {
    Phase phase = Phase::Idle;
    qint64 done = 0;
    qint64 total = 0; // 0: not known (a pull does not know how much will come)
};
// Where a pass is, as a sentence for the status bar ("Sending the outbox: 1 of 2…"; translated).
// The push counts the outbox's items, as the status bar's "Outbox" does.
QString progressText(const SyncProgress& progress);

// Where the time of a pass went, in nanoseconds summed with QElapsedTimer, for benchmarks
// (bench/bench_sync); not part of the JSON summary. The phases follow one another; network,
// parse and apply are parts of them.
struct SyncTimings {
    qint64 totalNs = 0;       // the whole pass
    qint64 signInNs = 0;      // signing in (when the session needed it)
    qint64 pushNs = 0;        // the push phase: requests, and the answers recorded in the outbox
    qint64 pushNetworkNs = 0; // of pushNs, waiting for answers (as networkNs)
    qint64 pullNs = 0;        // the pull phase: requests, parsing, applying, the sweep
    qint64 checkNs = 0;       // the eligibility check of what the pull changed
    qint64 networkNs = 0;     // in every phase: a request sent until its last byte came (TLS, the
                              // transfer and the hub's own work); waits between retries not included
    qint64 parseNs = 0;       // answers' JSON read, and pulled changes checked against the contract
    qint64 applyNs = 0;       // pull: ChangeApplier transactions with their cursor, sync_seen, sweep
    qint64 decodeNs = 0;      // pull: the thread pool reading changes while pages are fetched (beside
                              // the above; only the sync thread's waits for it count in parseNs)
    qint64 transactions = 0;  // pull: transactions that committed a cursor
    qint64 requests = 0;      // HTTP round trips, retries included
    qint64 bytesReceived = 0; // answer bodies

    SyncTimings& operator+=(const SyncTimings& other);
};

// What one sync pass did. `conflicts` and `rejected` count the answers of this pass; the open_*
// totals count what waits for a person afterwards.
struct SyncSummary {
    qint64 pulled = 0;        // changes received
    qint64 applied = 0;       // of those, upserted or deleted in the cache (the rest were not newer)
    qint64 pushed = 0;        // outbox items and audit entries the hub accepted (or already had)
    qint64 conflicts = 0;     // items answered `conflict`
    qint64 rejected = 0;      // items answered `invalid`
    qint64 pending = 0;       // outbox items still waiting to be sent after the pass
    qint64 openConflicts = 0; // outbox items in conflict or invalid after the pass
    qint64 removed = 0;       // rows swept after a full pull that replaced an earlier view
    qint64 checked = 0;       // applications the eligibility check looked at again after the pull
    bool fullPull = false;
    SyncTimings timings; // not in toJson()

    SyncSummary& operator+=(const SyncSummary& other);
    // {"pulled","applied","pushed","conflicts","rejected", ...}
    QJsonObject toJson() const;
};

// The end of a pass: its summary, and an error when it stopped early (code empty on success).
struct PassResult {
    SyncSummary summary;
    QString errorCode;
    QString errorMessage; // translated
    bool ok() const { return errorCode.isEmpty(); }
};

// Error codes of the sync engine (see docs/sync.md). The network ones may pass with time.
namespace code {
inline const QString NotEnrolled = QStringLiteral("not_enrolled");
inline const QString NoAccount = QStringLiteral("no_account");
inline const QString PlainHttp = QStringLiteral("plain_http");
inline const QString BadHubUrl = QStringLiteral("bad_hub_url");
inline const QString BadCa = QStringLiteral("bad_ca");
inline const QString TlsUntrusted = QStringLiteral("tls_untrusted");
inline const QString TlsExpired = QStringLiteral("tls_expired");
inline const QString TlsHostMismatch = QStringLiteral("tls_host_mismatch");
inline const QString TlsFailed = QStringLiteral("tls_failed");
inline const QString Unreachable = QStringLiteral("hub_unreachable");
inline const QString Timeout = QStringLiteral("hub_timeout");
inline const QString Busy = QStringLiteral("hub_busy");
inline const QString BadReply = QStringLiteral("hub_bad_reply");
inline const QString BadChange = QStringLiteral("hub_bad_change"); // a change that breaks the contract
inline const QString Refused = QStringLiteral("hub_refused");
inline const QString PageTooLarge = QStringLiteral("hub_page_too_large"); // over SyncOptions::maxPageBytes
inline const QString NoProgress = QStringLiteral("hub_no_progress");      // has_more pages that lead nowhere
inline const QString SignInRefused = QStringLiteral("sign_in_refused");
// The hub ended the session (401) and no password is kept to renew it: ask the person again.
inline const QString SignInNeeded = QStringLiteral("sign_in_needed");
inline const QString Cancelled = QStringLiteral("cancelled");
} // namespace code

// True for the errors a later attempt may not meet (network, timeout, a busy or confused hub).
bool isTransient(const QString& errorCode);
// True for the errors that mean "the hub cannot be reached from here right now".
bool isOffline(const QString& errorCode);
bool isTlsRefusal(const QString& errorCode);

} // namespace adm::sync

Q_DECLARE_METATYPE(adm::sync::SyncProgress)
Q_DECLARE_METATYPE(adm::sync::PassResult)
