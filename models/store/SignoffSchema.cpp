#include "SignoffSchema.h"

#include "Sql.h"

namespace adm::store {

Status SignoffSchema::install(Connection& c)
{
    for (const char* sql : {
             "CREATE TABLE IF NOT EXISTS signing_keys ("
             " key_id              TEXT PRIMARY KEY," // <account>-<first 16 hex digits of the fingerprint>
             " user                TEXT NOT NULL,"    // the local user whose passphrase wraps it
             " account             TEXT NOT NULL,"    // the hub account it is registered for
             " algorithm           TEXT NOT NULL,"    // ed25519 | sm2-sm3
             " public_key_pem      TEXT NOT NULL,"
             " wrapped_private_key BLOB NOT NULL," // crypto::wrapWithPassphrase, context key id + user
             " fingerprint         TEXT NOT NULL," // crypto::keyFingerprint
             " created_at          TEXT NOT NULL,"
             " registered          INTEGER NOT NULL DEFAULT 0," // 1 once the platform took it
             " outbox_id           INTEGER)",                   // the PUT /api/v1/signing-keys item
             "CREATE INDEX IF NOT EXISTS signing_keys_by_user ON signing_keys (user, created_at)",
             "CREATE TABLE IF NOT EXISTS batches ("
             " id             TEXT PRIMARY KEY," // a UUID, the batch's id upstream
             " school_id      TEXT NOT NULL,"
             " title          TEXT NOT NULL,"
             " created_at     TEXT NOT NULL,"
             " created_by     TEXT NOT NULL,"                 // the local user
             " state          TEXT NOT NULL DEFAULT 'draft'," // draft | signed | sent | accepted | conflict | invalid
             " signed_at      TEXT,"
             " key_id         TEXT,"
             " canonical      BLOB," // the exact bytes signed: json::canonical of the batch
             " signature      BLOB," // raw: 64 bytes (Ed25519) or DER r,s (SM2)
             " outbox_id      INTEGER,"
             " result_code    TEXT,"
             " result_message TEXT,"
             " replaced_by    TEXT)", // the draft made from it without the items that moved on
             "CREATE INDEX IF NOT EXISTS batches_by_school ON batches (school_id, created_at)",
             "CREATE INDEX IF NOT EXISTS batches_by_outbox ON batches (outbox_id)",
             "CREATE TABLE IF NOT EXISTS batch_items ("
             " batch_id        TEXT NOT NULL,"
             " application_id  TEXT NOT NULL,"
             " version         INTEGER NOT NULL," // the application's version the batch signs
             " outcome         TEXT NOT NULL,"    // approve | reject
             " category        TEXT,"             // approve: A | B | C
             " decided_by      TEXT,"             // the hub account of the officer
             " decided_at      TEXT,"
             " reason_code     TEXT,"
             " note            TEXT,"                       // the officer's note (upstream's decision.note)
             " check_category  TEXT,"                       // what the automatic check found: A | B | C | none | ''
             " override        INTEGER NOT NULL DEFAULT 0," // the decision differs from the check
             " override_reason TEXT,"                       // the officer's reason: reason code and note
             " seen_at         TEXT,"                       // the principal marked the override seen
             " returned_note   TEXT,"                       // taken out and sent back to the officer with this note
             " returned_at     TEXT,"
             " returned_by     TEXT,"
             " PRIMARY KEY (batch_id, application_id)) WITHOUT ROWID",
             "CREATE INDEX IF NOT EXISTS batch_items_by_application ON batch_items (application_id, version)",
             "CREATE TABLE IF NOT EXISTS relations ("
             " user        TEXT NOT NULL,"
             " id_number   TEXT NOT NULL,"
             " note        TEXT,"
             " declared_at TEXT NOT NULL,"
             " PRIMARY KEY (user, id_number)) WITHOUT ROWID",
             "CREATE INDEX IF NOT EXISTS relations_by_id_number ON relations (id_number)",
         })
        if (Status s = c.exec(QString::fromLatin1(sql)); !s)
            return s;
    return {};
}

// Runs again over a cache that has the column (a test that sets the schema version back).
Status SignoffSchema::addQueueReturned(Connection& c)
{
    bool has = false;
    {
        auto columns = c.prepare(QStringLiteral("PRAGMA table_info(queue_rows)")); // 3.15: no pragma_table_info()
        if (!columns)
            return columns.error();
        while (columns->step())
            has = has || columns->text(1) == QLatin1String("returned");
    }
    if (!has)
        if (Status s = c.exec(QStringLiteral("ALTER TABLE queue_rows ADD COLUMN returned INTEGER NOT NULL DEFAULT 0"));
            !s)
            return s;
    return c.exec(
        QStringLiteral("CREATE INDEX IF NOT EXISTS queue_returned ON queue_rows (returned) WHERE returned != 0"));
}

} // namespace adm::store
