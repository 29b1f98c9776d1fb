#pragma once

#include "FeedGuard.h"
#include "HubClient.h"
#include "SyncTypes.h"
#include "WriterGate.h"
#include "domain/Entities.h"
#include "domain/Result.h"
#include "store/ChangeApplier.h"

#include <QFuture>
#include <QJsonArray>
#include <QThreadPool>
#include <functional>
#include <optional>

namespace adm::sync {

// The pull half of a sync pass: GET /api/v1/changes page by page. Consecutive pages are applied
// through ChangeApplier together, up to SyncOptions::pullBatch changes, in one transaction with the
// cursor that follows the last of them, so that a pass killed at any moment resumes exactly after
// the last committed page. A transaction's cost beyond its rows is the index pages it dirties, so
// larger transactions apply a full pull much faster (docs/benchmarks.md).
//
// Threads: this object fetches on the sync thread. A full transaction is applied on its own apply
// thread while the next pages are fetched (one in flight, committed in feed order; the sync thread
// waits for it before it touches the writer again). Reading the changes of a page (the contract
// checks, the stored text of `data`) runs on the global thread pool; it touches nothing but the
// page it was given.
//
// A 410 (cursor expired) restarts with a full pull. So do a new account and a new hub. Such a
// full pull replaces a view the cache already had: it notes every entity it receives
// (sync_seen, written before the page is applied) and at the end removes what the hub no longer
// sends, as tombstoned deletes through the same ChangeApplier. The outbox is never touched.
class Puller {
public:
    struct Stats {
        qint64 received = 0;
        qint64 applied = 0;
        qint64 pages = 0;
        qint64 removed = 0;
        bool fullPull = false;
        qint64 transactions = 0; // ChangeApplier transactions that committed a cursor
        qint64 parseNs = 0;      // the sync thread reading pages and waiting for their changes to be read
        qint64 decodeNs = 0;     // the pool reading changes (readChanges), beside the fetching of later pages
        qint64 applyNs = 0;      // sync_seen notes, ChangeApplier transactions with the cursor, the sweep
    };
    using ProgressFn = std::function<void(qint64 received)>;

    Puller(HubClient& client, store::Connection& writer, const SyncOptions& options, ProgressFn progress = {});

    // `account`: the hub account of this session; a cursor followed for another account is not used.
    // On an error, the pages before it stay applied (and counted in stats()).
    Status run(const QString& account);
    // The gate the calling thread holds: the apply thread takes it for each transaction, and the
    // calling thread lets it go while it waits for one.
    void setWriterGate(WriterGate* gate) { m_gate = gate; }
    const Stats& stats() const { return m_stats; }

    // Reads one page's changes; "hub_bad_change" names the first change that breaks the contract.
    static Result<QList<Change>> readPage(const QJsonObject& body, QString* cursor, bool* hasMore);
    // The two halves of readPage: the page's shape (cheap; the next request needs the cursor), and
    // its changes, each read, checked like ChangeApplier::validate and given its stored text.
    static Status readPageHeader(const QJsonObject& body, QJsonArray* changes, QString* cursor, bool* hasMore);
    // `body`, the page's text when known, gives each change's stored `data` text as it was sent.
    static Result<QList<Change>> readChanges(const QJsonArray& changes, const QByteArray& body = {});

    ~Puller();
    Puller(const Puller&) = delete;
    Puller& operator=(const Puller&) = delete;

private:
    struct Batch;
    // What one transaction did, handed back from the apply thread to the sync thread.
    struct Committed {
        Status status;
        qint64 waitNs = 0; // waiting for the pool to read the pages' changes
        qint64 applyNs = 0;
        qint64 received = 0;
        qint64 applied = 0;
        bool transaction = false;
    };
    struct PendingPage;
    // A transaction of whole pages with the cursor after the last: on the apply thread.
    Committed commit(QList<PendingPage> pages, qsizetype count, const QString& account, bool sweeping);
    // Starts applying `batch` once the transaction before it has committed; returns that one's error.
    Status flushAsync(Batch& batch, const QString& account, bool sweeping);
    // Waits for the transaction being applied and adds it to the stats.
    Status settle();
    // flushAsync, then settle.
    Status flush(Batch& batch, const QString& account, bool sweeping);
    // Drops pages that will not be applied, once the pool has finished reading them.
    void discard(Batch& batch);
    Status markSeen(const QList<Change>& changes);
    Result<qint64> sweep();

    HubClient& m_client;
    store::Connection& m_writer;
    store::ChangeApplier m_applier;
    SyncOptions m_options;
    ProgressFn m_progress;
    Stats m_stats;
    FeedGuard m_guard; // unknown entity kinds, pages that lead nowhere
    // One thread that applies transactions while the sync thread fetches the next pages. The writer is
    // used by one thread at a time: settle() waits before the sync thread touches it again.
    QThreadPool m_applyThread;
    std::optional<QFuture<Committed>> m_inFlight;
    WriterGate* m_gate = nullptr;
};

} // namespace adm::sync
