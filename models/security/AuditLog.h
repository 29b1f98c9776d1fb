#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace adm::store {
class Connection;
}

namespace adm::security {

struct AuditEntry {
    qint64 seq = 0;
    QString idempotencyKey;
    QDateTime at;
    QString actor;   // local user name
    QString action;  // e.g. "key.export_recovery", "id.reveal", "cache.import"
    QString subject; // ids only: never a name or an ID number
    QString prevHash;
    QString hash;
};

// The workstation's append-only, hash-chained audit log (table audit_log). Each entry's hash
// covers the previous entry's hash, so a removed or edited entry breaks the chain.
class AuditLog {
public:
    explicit AuditLog(store::Connection& connection)
        : m_connection(connection)
    {}

    // Appends in the caller's transaction when one is open, else in its own statement.
    Result<AuditEntry> append(const QString& actor, const QString& action, const QString& subject);
    Result<QList<AuditEntry>> entries(qint64 afterSeq = 0, int limit = 1000) const;
    // Checks the whole chain; the error names the first broken seq.
    Status verify() const;

    static QString computeHash(const AuditEntry& entry);

private:
    store::Connection& m_connection;
};

} // namespace adm::security
