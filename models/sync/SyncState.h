#pragma once

#include "domain/Result.h"

#include <QString>

namespace adm::store {
class Connection;
}

namespace adm::sync {

// The sync engine's small facts, kept in the cache's meta table (encrypted with everything else):
// the enrolment, the feed cursor, how far the audit log went up, which hub account each local user
// signs in with. Everything here works on the connection it is given, in the caller's transaction
// when one is open.
class SyncState {
public:
    // Keys of the meta table.
    static inline const QString HubUrl = QStringLiteral("sync.hub_url");
    static inline const QString CaPem = QStringLiteral("sync.ca_pem");
    static inline const QString WorkstationId = QStringLiteral("sync.workstation_id");
    static inline const QString WorkstationName = QStringLiteral("sync.workstation_name");
    static inline const QString EnrolledAt = QStringLiteral("sync.enrolled_at");
    static inline const QString Cursor = QStringLiteral("sync.cursor");
    static inline const QString CursorAccount = QStringLiteral("sync.cursor_account"); // whose view the cursor follows
    static inline const QString SweepPending = QStringLiteral("sync.sweep"); // "1" during a replacing full pull
    static inline const QString AuditSeq = QStringLiteral("sync.audit_seq"); // last audit seq the hub has
    static inline const QString AuditError = QStringLiteral("sync.audit_error");
    static inline const QString LastSuccess = QStringLiteral("sync.last_success");
    static QString accountKey(const QString& localUser) { return QStringLiteral("sync.account.") + localUser; }

    explicit SyncState(store::Connection& connection)
        : m_connection(connection)
    {}

    // An absent key reads as an empty string.
    Result<QString> get(const QString& key) const;
    Status set(const QString& key, const QString& value);

    // The hub account a local user signs in with (remembered by `login`), empty when none.
    QString accountFor(const QString& localUser) const;
    Status setAccountFor(const QString& localUser, const QString& account);

    // Forgets the feed position: the next pull is a full one, and what it does not bring is removed
    // at its end when the cache held a view before (another account, a reset feed).
    Status restartFullPull();

private:
    store::Connection& m_connection;
};

} // namespace adm::sync
