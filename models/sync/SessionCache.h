#pragma once

#include "Enrolment.h"
#include "HubClient.h"
#include "domain/Result.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace adm::store {
class Connection;
}

namespace adm::sync {

// The hub session of each local user, kept in the cache's meta table (encrypted with the rest of
// the cache), so that a restart or an unlock does not ask for the hub password while the hub still
// accepts the token. The token goes in and out of SQLite straight from and to secure storage. The
// password is never kept: when the hub ends the session (401), the session is dropped here and the
// person is asked again.
class SessionCache {
public:
    explicit SessionCache(store::Connection& connection)
        : m_connection(connection)
    {}

    static QString infoKey(const QString& localUser) { return QStringLiteral("sync.session.") + localUser; }
    static QString tokenKey(const QString& localUser) { return QStringLiteral("sync.session_token.") + localUser; }
    // A session this close to its end is not used any more (the clocks of hub and desk differ).
    static constexpr int kExpiryMarginSeconds = 60;

    // The kept session of `localUser` when it was granted by this hub, to this workstation, for
    // `account`, and `now` is before its end; nothing otherwise. One kept for another hub, another
    // account or past its end is dropped.
    Result<std::optional<HubSession>> load(const QString& localUser, const QString& account, const Enrolment& enrolment,
                                           const QDateTime& now);
    Status save(const QString& localUser, const QString& account, const Enrolment& enrolment,
                const HubSession& session);
    Status drop(const QString& localUser);

private:
    store::Connection& m_connection;
};

} // namespace adm::sync
