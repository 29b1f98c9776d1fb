#pragma once

#include "QueueSql.h"
#include "QueueTypes.h"
#include "domain/Result.h"

#include <functional>

namespace adm::store {
class Connection;
}

namespace adm::views {

// The queue's reads on one reader connection, synchronous: QueueWorker runs them in its thread,
// the bench and the tests call them directly.
class QueueReader {
public:
    // While a result has at most this many rows the counting pass keeps every qid, so that any row
    // is read by qid; beyond it only every kStride-th key is kept (an anchor), and a page is read
    // from the anchor before it.
    static constexpr int kKeepAllQids = 50000;
    static constexpr int kStride = 256;

    explicit QueueReader(store::Connection& connection)
        : m_connection(connection)
    {}

    Result<QVector<QueueRow>> firstRows(const QueueQuery& query, int limit);
    // `count` rows starting `skip` rows after `anchor`.
    Result<QVector<QueueRow>> rowsFrom(const QueueQuery& query, const QueueKey& anchor, int skip, int count);
    // The rows of these qids, in the order given (rows gone meanwhile are left out).
    Result<QVector<QueueRow>> rowsByQid(const QVector<qint64>& qids);

    // Counts the query's rows in order, calling `sink` with what it found about every `chunkMs`
    // (and once at the end, with `final` true). Stops early, returning error "cancelled", when
    // `cancelled` says so (checked every few thousand rows).
    using ChunkSink = std::function<void(const ScanChunk& chunk, bool final)>;
    Status scan(const QueueQuery& query, const ChunkSink& sink, const std::function<bool()>& cancelled = {},
                int keepAllQids = kKeepAllQids, int chunkMs = 100);

    Result<BinCounts> binCounts(const QueueQuery& query);
    Result<SchoolSeats> seats(const QString& schoolId);

    // A part of a name held by more than this many children is searched by walking the order's
    // index (the first page fills at once); a rarer one by reading its candidates.
    static constexpr int kCommonNamePart = 3000;
    SearchPlan planFor(const QueueQuery& query);
    // The schools the queue can be filtered by: id and name, by name.
    Result<QList<QPair<QString, QString>>> schools();

private:
    Result<QVector<qint64>> qids(const SqlText& text, int skip, int limit);
    Result<QVector<QueueRow>> read(const SqlText& text, int limit);

    store::Connection& m_connection;
    QString m_plannedName; // the last name part looked at, and what was decided for it
    SearchPlan m_plannedFor = SearchPlan::Auto;
};

} // namespace adm::views
