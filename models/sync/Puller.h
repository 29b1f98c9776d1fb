#pragma once

#include "FeedGuard.h"
#include "HubClient.h"
#include "SyncTypes.h"
#include "domain/Entities.h"
#include "domain/Result.h"
#include "store/ChangeApplier.h"

#include <functional>

namespace adm::sync {

// The pull half of a sync pass: GET /api/v1/changes page by page, each page applied through
// ChangeApplier in one transaction together with the cursor that follows it, so that a pass
// killed at any moment resumes exactly after the last whole page.
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
        qint64 parseNs = 0; // changes read from the pages' JSON and checked (readPage)
        qint64 applyNs = 0; // sync_seen notes, ChangeApplier transactions with the cursor, the sweep
    };
    using ProgressFn = std::function<void(qint64 received)>;

    Puller(HubClient& client, store::Connection& writer, const SyncOptions& options, ProgressFn progress = {});

    // `account`: the hub account of this session; a cursor followed for another account is not used.
    // On an error, the pages before it stay applied (and counted in stats()).
    Status run(const QString& account);
    const Stats& stats() const { return m_stats; }

    // Reads one page's changes; "hub_bad_reply" names the first change that breaks the contract.
    static Result<QList<Change>> readPage(const QJsonObject& body, QString* cursor, bool* hasMore);

private:
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
