#include "OpenCache.h"

#include "store/Workspace.h"

namespace adm::views {

OpenCache::OpenCache() = default;

OpenCache::OpenCache(std::unique_ptr<store::Workspace> workspace)
    : m_workspace(std::move(workspace))
{}

OpenCache::OpenCache(OpenCache&& other) noexcept = default;
OpenCache& OpenCache::operator=(OpenCache&& other) noexcept = default;
OpenCache::~OpenCache() = default;

Result<OpenCache> OpenCache::unlock(const QString& dataDir, const QString& user,
                                    const security::SecretBytes& passphrase)
{
    auto ws = store::Workspace::unlock(dataDir, user, passphrase);
    if (!ws)
        return ws.error();
    return OpenCache(std::move(*ws));
}

Result<OpenCache> OpenCache::initialise(const QString& dataDir, const QString& user, const QString& role,
                                        const security::SecretBytes& passphrase)
{
    auto ws = store::Workspace::initialise(dataDir, user, role, passphrase);
    if (!ws)
        return ws.error();
    return OpenCache(std::move(*ws));
}

Result<QList<security::LocalUser>> OpenCache::users(const QString& dataDir)
{
    return store::Workspace::users(dataDir);
}

QString OpenCache::defaultDataDir()
{
    return store::Workspace::defaultDataDir();
}

QString OpenCache::user() const
{
    return m_workspace ? m_workspace->user() : QString();
}

QString OpenCache::role() const
{
    return m_workspace ? m_workspace->role() : QString();
}

QString OpenCache::dataDir() const
{
    return m_workspace ? m_workspace->dataDir() : QString();
}

std::unique_ptr<store::Workspace> OpenCache::take()
{
    return std::move(m_workspace);
}

} // namespace adm::views
