#pragma once

#include "Outbox.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace adm::store {
class Connection;
}

namespace adm::sync {

// One outbox item the hub did not take (conflict or invalid), with both sides: what this
// workstation sent, and the subject's current upstream state as the cache holds it after a pull.
struct Conflict {
    OutboxItem item;
    QJsonObject mine;     // decision: outcome, category, reason, note, base_version; other kinds: ids
    QJsonObject upstream; // the application now: id, version, status, decision…; {"deleted": true}; {} unknown
    bool upstreamCurrent = false; // the cache holds the version the hub reported, or a newer one
    QStringList actions;          // "decide" (the application is still open), "drop"
    QJsonObject toJson() const;
};

class Conflicts {
public:
    // The open conflicts and refusals, oldest first. Ids, codes and states only: no child's name or
    // ID number (the GUI shows those from the cache with the usual masking).
    static Result<QList<Conflict>> list(store::Connection& connection);
    // The application as the cache holds it, trimmed to what a conflict needs.
    static Result<QJsonObject> upstreamApplication(store::Connection& connection, const QString& applicationId,
                                                   qint64* version);
};

} // namespace adm::sync
