#pragma once

#include "Account.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <functional>
#include <optional>

namespace adm::hub {

struct Session {
    Account account;
    QString workstationId;
    QString workstationName;
    QDateTime expiresAt;
};

// Bearer tokens in memory: 32 random bytes, kept only as their SHA-256. A restarted hub forgets
// them, and clients sign in again on the 401, as they must after expiry anyway.
class SessionStore {
public:
    // The time now (UTC). Empty: the system clock; tests pass their own to move time forward.
    using Clock = std::function<QDateTime()>;

    explicit SessionStore(int ttlSeconds, Clock clock = {});

    struct Issued {
        QString token;
        QDateTime expiresAt;
    };
    Issued create(const Account& account, const QString& workstationId, const QString& workstationName);
    // Nothing when the token is unknown or expired.
    std::optional<Session> find(const QByteArray& token);

    // Failed sign-ins per account: after 10 within a minute the account waits (429).
    void noteFailure(const QString& accountId);
    int secondsLocked(const QString& accountId);

private:
    void purge();
    QDateTime now() const;

    int m_ttlSeconds;
    Clock m_clock;
    QHash<QByteArray, Session> m_sessions;
    QHash<QString, QList<QDateTime>> m_failures;
    int m_sinceCleanup = 0;
};

} // namespace adm::hub
