#include "ReaderThread.h"

#include "store/Sql.h"

namespace adm::views {

ReaderThread::Runner::Runner(ReaderFactory readers)
    : m_readers(std::move(readers))
{}

ReaderThread::Runner::~Runner() = default;

const CacheView* ReaderThread::Runner::view()
{
    if (!m_connection && !m_failed) {
        auto c = m_readers();
        if (c) {
            m_connection = std::move(*c);
            m_view = std::make_unique<CacheView>(*m_connection);
        } else {
            m_failed = true;
        }
    }
    return m_view.get();
}

ReaderThread::ReaderThread(ReaderFactory readers, const QString& name)
    : m_receiver(std::make_unique<QObject>())
{
    m_runner = new Runner(std::move(readers));
    m_runner->moveToThread(&m_thread);
    m_thread.setObjectName(name);
    m_thread.start();
}

ReaderThread::~ReaderThread()
{
    m_thread.quit();
    m_thread.wait();
    delete m_runner;
}

} // namespace adm::views
