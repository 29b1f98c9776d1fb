#include "LocalSession.h"

#include "store/Workspace.h"

namespace adm::views {

Session::~Session() = default;

LocalSession::LocalSession(std::unique_ptr<store::Workspace> workspace, QObject* parent)
    : Session(parent)
    , m_workspace(std::move(workspace))
{}

LocalSession::~LocalSession() = default;

QString LocalSession::user() const
{
    return m_workspace ? m_workspace->user() : QString();
}

QString LocalSession::role() const
{
    return m_workspace ? m_workspace->role() : QString();
}

QString LocalSession::dataDir() const
{
    return m_workspace ? m_workspace->dataDir() : QString();
}

ReaderFactory LocalSession::readers() const
{
    store::Database* db = m_workspace ? &m_workspace->database() : nullptr;
    return [db]() -> Result<std::unique_ptr<store::Connection>> {
        if (!db)
            return Error{QStringLiteral("closed"), QStringLiteral("the workspace is closed")};
        return db->openReader();
    };
}

void LocalSession::post(std::function<void(store::Workspace&)> job, QObject* context, std::function<void()> done)
{
    if (!m_workspace)
        return;
    job(*m_workspace);
    if (context)
        QMetaObject::invokeMethod(context, std::move(done), Qt::QueuedConnection);
}

OpenCache LocalSession::close()
{
    return OpenCache(std::move(m_workspace));
}

} // namespace adm::views
