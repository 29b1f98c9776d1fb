#include "QueueWorker.h"

#include "store/Sql.h"

#include <limits>
#include <sqlite3.h>

namespace adm::views {

QueueWorker::QueueWorker(ReaderFactory readers, std::shared_ptr<std::atomic<quint64>> latest)
    : m_readers(std::move(readers))
    , m_latest(std::move(latest))
{
    qRegisterMetaType<QueueQuery>();
    qRegisterMetaType<QueueRow>();
    qRegisterMetaType<ScanChunk>();
    qRegisterMetaType<BinCounts>();
    qRegisterMetaType<QVector<QueueRow>>();
}

QueueWorker::~QueueWorker() = default;

int QueueWorker::progress(void* self)
{
    auto* w = static_cast<QueueWorker*>(self);
    return w->isStale(w->m_running) ? 1 : 0;
}

QueueReader* QueueWorker::reader()
{
    if (m_reader)
        return m_reader.get();
    auto c = m_readers();
    if (!c)
        return nullptr;
    m_connection = std::move(*c);
    // A queue reader needs its indexes in memory, not the whole cache.
    (void)m_connection->exec(QStringLiteral("PRAGMA cache_size = -32768"));
    sqlite3_progress_handler(m_connection->handle(), 20000, &QueueWorker::progress, this);
    m_reader = std::make_unique<QueueReader>(*m_connection);
    return m_reader.get();
}

template <typename Read, typename Deliver> void QueueWorker::answer(quint64 generation, Read read, Deliver deliver)
{
    if (isStale(generation))
        return;
    m_running = generation;
    QueueReader* r = reader();
    if (!r) {
        Q_EMIT failed(generation, tr("The cache cannot be read."));
        return;
    }
    auto result = read(*r);
    if (isStale(generation))
        return;
    if (!result)
        Q_EMIT failed(generation, result.error().message);
    else
        deliver(*result);
}

void QueueWorker::fetchFirst(quint64 generation, const QueueQuery& query, int limit)
{
    answer(
        generation, [&](QueueReader& r) { return r.firstRows(query, limit); },
        [&](const auto& rows) { Q_EMIT rowsReady(generation, 0, rows); });
}

void QueueWorker::fetchFrom(quint64 generation, const QueueQuery& query, int firstRow, const QueueKey& anchor, int skip,
                            int count)
{
    answer(
        generation, [&](QueueReader& r) { return r.rowsFrom(query, anchor, skip, count); },
        [&](const auto& rows) { Q_EMIT rowsReady(generation, firstRow, rows); });
}

void QueueWorker::fetchQids(quint64 generation, int firstRow, const QVector<qint64>& qids)
{
    answer(
        generation, [&](QueueReader& r) { return r.rowsByQid(qids); },
        [&](const auto& rows) { Q_EMIT rowsReady(generation, firstRow, rows); });
}

void QueueWorker::scan(quint64 generation, const QueueQuery& query, int keepAllQids)
{
    if (isStale(generation))
        return;
    m_running = generation;
    QueueReader* r = reader();
    if (!r) {
        Q_EMIT failed(generation, tr("The cache cannot be read."));
        return;
    }
    const Status s = r->scan(
        query, [&](const ScanChunk& chunk, bool final) { Q_EMIT scanned(generation, chunk, final); },
        [&] { return isStale(generation); }, keepAllQids);
    if (!s && !isStale(generation))
        Q_EMIT failed(generation, s.error().message);
}

void QueueWorker::countBins(quint64 generation, const QueueQuery& query)
{
    answer(
        generation, [&](QueueReader& r) { return r.binCounts(query); },
        [&](const BinCounts& counts) { Q_EMIT binsCounted(generation, counts); });
}

QueueWorkerThread::QueueWorkerThread(ReaderFactory readers, const char* name)
    : m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_worker = new QueueWorker(std::move(readers), m_latest);
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QString::fromLatin1(name));
    m_thread.start();
}

QueueWorkerThread::~QueueWorkerThread()
{
    // Everything queued or running becomes stale: the thread finishes its statement early.
    m_latest->store(std::numeric_limits<quint64>::max());
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

} // namespace adm::views
