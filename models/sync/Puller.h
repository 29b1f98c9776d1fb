#pragma once

#include "FeedGuard.h"
#include "HubClient.h"
#include "SyncTypes.h"
#include "domain/Entities.h"
#include "domain/Result.h"
#include "store/ChangeApplier.h"

#include <QJsonArray>
#include <functional>

namespace adm::sync {

// The pull half of a sync pass: GET /api/v1/changes page by page. Consecutive pages are applied
// through ChangeApplier together, up to SyncOptions::pullBatch changes, in one transaction with the
// cursor that follows the last of them, so that a pass killed at any moment resumes exactly after
// the last committed page. A transaction's cost beyond its rows is the index pages it dirties, so
// larger transactions apply a full pull much faster (docs/benchmarks.md).
//
// Threads: this object and the writer stay on the sync thread (fetching, applying). Reading the
// changes of a page (the contract checks, the stored text of `data`) runs on the global thread
// pool while the next pages are fetched; it touches nothing but the page it was given.
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
    const Stats& stats() const { return m_stats; }

    // Reads one page's changes; "hub_bad_change" names the first change that breaks the contract.
    static Result<QList<Change>> readPage(const QJsonObject& body, QString* cursor, bool* hasMore);
    // The two halves of readPage: the page's shape (cheap; the next request needs the cursor), and
    // its changes, each read, checked like ChangeApplier::validate and given its stored text.
    static Status readPageHeader(const QJsonObject& body, QJsonArray* changes, QString* cursor, bool* hasMore);
    // `body`, the page's text when known, gives each change's stored `data` text as it was sent.
    static Result<QList<Change>> readChanges(const QJsonArray& changes, const QByteArray& body = {});

private:
    struct Batch;
    Status flush(Batch& batch, const QString& account, bool sweeping);
    Status markSeen(const QList<Change>& changes);
    Result<qint64> sweep();

    HubClient& m_client;
    store::Connection& m_writer;
    store::ChangeApplier m_applier;
    SyncOptions m_options;
    ProgressFn m_progress;
    Stats m_stats;
    FeedGuard m_guard; // unknown entity kinds, pages that lead nowhere
};

} // namespace adm::sync
