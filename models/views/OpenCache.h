#pragma once

#include "domain/Result.h"
#include "security/KeyStore.h"

#include <QList>
#include <QString>
#include <memory>

namespace adm::store {
class Workspace;
}

namespace adm::views {

// An unlocked data folder (its key store, encrypted cache and audit log) as the widgets hold it:
// the unlock dialog and the first-run wizard make one and hand it to the session factory of app/,
// without reaching into it. Destroying it closes the cache and wipes the key.
class OpenCache {
public:
    OpenCache();
    explicit OpenCache(std::unique_ptr<store::Workspace> workspace);
    OpenCache(OpenCache&& other) noexcept;
    OpenCache& operator=(OpenCache&& other) noexcept;
    ~OpenCache();

    // The store's error codes ("wrong_passphrase", "not_initialised", …; store::Workspace).
    static Result<OpenCache> unlock(const QString& dataDir, const QString& user,
                                    const security::SecretBytes& passphrase);
    static Result<OpenCache> initialise(const QString& dataDir, const QString& user, const QString& role,
                                        const security::SecretBytes& passphrase);
    // The users of a data folder, readable before unlocking (names and roles are not secret).
    static Result<QList<security::LocalUser>> users(const QString& dataDir);
    static QString defaultDataDir();

    explicit operator bool() const { return m_workspace != nullptr; }
    QString user() const;
    QString role() const;
    QString dataDir() const;

    // For the composition root (app/), models/views and the tests, which link the store.
    store::Workspace* workspace() const { return m_workspace.get(); }
    std::unique_ptr<store::Workspace> take();

private:
    std::unique_ptr<store::Workspace> m_workspace;
};

} // namespace adm::views
