#pragma once

#include "CacheView.h"
#include "ReaderFactory.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>

namespace adm::views {

// A thread with a reader connection of its own, for reads that must not block the GUI (an
// application's detail with its check, the status bar's counts). Jobs run one after another;
// each result comes back to `context`'s thread, unless `context` is gone by then.
class ReaderThread {
public:
    ReaderThread(ReaderFactory readers, const QString& name);
    ~ReaderThread();
    ReaderThread(const ReaderThread&) = delete;
    ReaderThread& operator=(const ReaderThread&) = delete;

    // `job` gets the cache, or nullptr when it cannot be opened; it calls the read functions of
    // models/views (CacheReads.h) on it.
    template <typename R>
    void run(std::function<R(const CacheView*)> job, QObject* context, std::function<void(R)> done);

private:
    class Runner : public QObject {
    public:
        explicit Runner(ReaderFactory readers);
        ~Runner() override;
        const CacheView* view();

    private:
        ReaderFactory m_readers;
        std::unique_ptr<store::Connection> m_connection;
        std::unique_ptr<CacheView> m_view;
        bool m_failed = false;
    };

    QThread m_thread;
    Runner* m_runner = nullptr;
    // Lives in the owner's thread: results are posted to it, and `context` is checked there.
    std::unique_ptr<QObject> m_receiver;
};

template <typename R>
void ReaderThread::run(std::function<R(const CacheView*)> job, QObject* context, std::function<void(R)> done)
{
    Runner* runner = m_runner;
    QObject* receiver = m_receiver.get();
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        runner,
        [runner, receiver, guard, job = std::move(job), done = std::move(done)]() {
            R result = job(runner->view());
            QMetaObject::invokeMethod(
                receiver,
                [guard, done, result = std::move(result)]() {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace adm::views
