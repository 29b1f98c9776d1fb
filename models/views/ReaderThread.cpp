#include "ReaderThread.h"

#include "store/Sql.h"

namespace adm::views {

store::Connection* ReaderThread::Runner::connection()
{
    if (!m_connection && !m_failed) {
        auto c = m_readers();
        if (c)
            m_connection = std::move(*c);
        else
            m_failed = true;
    }
    return m_connection.get();
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
