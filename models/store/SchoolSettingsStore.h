#pragma once

#include "domain/Result.h"
#include "security/Permissions.h"

#include <QStringList>

namespace adm::security {
class AuditLog;
}

namespace adm::store {

class Connection;

// The school settings of security::SchoolSettings, kept in the cache's key/value table `meta`
// (key "settings.principal_decides.<school id>", value "1"): local to this workstation, never
// synced. No migration: a cache without the keys has every setting off, the default.
class SchoolSettingsStore {
public:
    static Result<security::SchoolSettings> load(Connection& connection);
    // Turns "principals may decide" on or off for one school, with the audit entry
    // "settings.principal_decides" (subject "school=<id> value=on|off") in the same transaction.
    // Error "not_found" for a school the cache does not hold.
    static Status setPrincipalDecides(Connection& writer, security::AuditLog& audit, const QString& actor,
                                      const QString& schoolId, bool on);
    // The ids of the schools the cache holds, at most `limit`.
    static Result<QStringList> schoolIds(Connection& connection, int limit);
};

} // namespace adm::store
