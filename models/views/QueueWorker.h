#pragma once

#include "QueueReader.h"
#include "QueueTypes.h"
#include "ReaderFactory.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace adm::views {

// Runs queue reads in its own thread on its own reader connection (opened there on first use).
// Requests carry a generation; a request older than `latest` is skipped, and a statement running
// for one is interrupted (SQLite's progress handler), so a new query never waits for an old one.
class QueueWorker : public QObject {
    Q_OBJECT
public:
    QueueWorker(ReaderFactory readers, std::shared_ptr<std::atomic<quint64>> latest);
    ~QueueWorker() override;

    // In the worker's thread:
    void fetchFirst(quint64 generation, const adm::views::QueueQuery& query, int limit);
    void fetchFrom(quint64 generation, const adm::views::QueueQuery& query, int firstRow,
                   const adm::views::QueueKey& anchor, int skip, int count);
    void fetchQids(quint64 generation, int firstRow, const QVector<qint64>& qids);
    void scan(quint64 generation, const adm::views::QueueQuery& query, int keepAllQids);
    void countBins(quint64 generation, const adm::views::QueueQuery& query);

    bool isStale(quint64 generation) const { return generation < m_latest->load(); }

Q_SIGNALS:
    void rowsReady(quint64 generation, int firstRow, const QVector<adm::views::QueueRow>& rows);
    void scanned(quint64 generation, const adm::views::ScanChunk& chunk, bool final);
    void binsCounted(quint64 generation, const adm::views::BinCounts& counts);
    void failed(quint64 generation, const QString& message);

private:
    QueueReader* reader();
    static int progress(void* self);
    // One read for `generation`, unless a newer request made it stale first; its answer goes to
    // `deliver`, its error (or a reader that cannot open) to failed().
    template <typename Read, typename Deliver> void answer(quint64 generation, Read read, Deliver deliver);

    ReaderFactory m_readers;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<store::Connection> m_connection;
    std::unique_ptr<QueueReader> m_reader;
    quint64 m_running = 0;
};

// A worker in a thread of its own, stopped and deleted with this object.
class QueueWorkerThread {
public:
    QueueWorkerThread(ReaderFactory readers, const char* name);
    ~QueueWorkerThread();
    QueueWorkerThread(const QueueWorkerThread&) = delete;
    QueueWorkerThread& operator=(const QueueWorkerThread&) = delete;

    QueueWorker* worker() const { return m_worker; }
    // Makes every request before `generation` stale (and interrupts the one running).
    void setLatest(quint64 generation) { m_latest->store(generation); }

private:
    std::shared_ptr<std::atomic<quint64>> m_latest;
    QThread m_thread;
    QueueWorker* m_worker = nullptr;
};

} // namespace adm::views
