#include "CounterSchema.h"

#include "Sql.h"

namespace adm::store {

Status CounterSchema::install(Connection& c)
{
    for (const char* sql : {
             "CREATE TABLE IF NOT EXISTS counter_applications ("
             " client_ref      TEXT PRIMARY KEY,"
             " outbox_id       INTEGER NOT NULL,"
             " admission_year  INTEGER NOT NULL,"
             " school_id       TEXT NOT NULL,"
             " grade           TEXT NOT NULL,"
             " child_name      TEXT NOT NULL,"
             " child_id_number TEXT NOT NULL,"
             " taken_at        TEXT NOT NULL,"  // RFC 3339, UTC: the workstation's clock
             " taken_by        TEXT NOT NULL,"  // the local user
             " evidence        TEXT NOT NULL)", // JSON list of the paper documents' kinds
             "CREATE INDEX IF NOT EXISTS counter_by_child ON counter_applications (child_id_number)",
             "CREATE INDEX IF NOT EXISTS counter_by_taken ON counter_applications (taken_at)",
         })
        if (Status s = c.exec(QString::fromLatin1(sql)); !s)
            return s;
    return {};
}

} // namespace adm::store
