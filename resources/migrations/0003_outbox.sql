-- Migration 3: the outbox of work made on this workstation and waiting to go upstream, and the
-- bookkeeping of a full pull that must sweep away what the hub no longer sends.

-- One row per decision, counter application, signing key or batch, from the moment the user makes
-- it. The row is never deleted by a sync: an answer only changes its state, so the upstream id of
-- a counter application (result_id) and every conflict stay explainable. Audit entries are not
-- copied here: they are pushed straight from audit_log (meta sync.audit_seq marks the last one
-- the hub accepted).
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT, -- creation order, never reused
    kind            TEXT NOT NULL,    -- decision | application | signing_key | batch
    idempotency_key TEXT NOT NULL UNIQUE,
    subject_id      TEXT NOT NULL,    -- application id, client_ref, key id or batch id
    base_version    INTEGER,          -- decisions: the application version the reviewer saw
    payload         TEXT NOT NULL,    -- the item exactly as it is sent (JSON)
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,    -- the local user
    state           TEXT NOT NULL DEFAULT 'pending', -- pending | done | conflict | invalid | superseded | dropped
    attempts        INTEGER NOT NULL DEFAULT 0,      -- times sent; > 0 means the hub may have it
    last_attempt_at TEXT,
    result_status   TEXT,             -- accepted | duplicate | conflict | invalid
    result_id       TEXT,
    result_version  INTEGER,
    result_code     TEXT,
    result_message  TEXT,
    resolved_at     TEXT,
    superseded_by   INTEGER
);
CREATE INDEX outbox_by_state   ON outbox (state, kind, id);
CREATE INDEX outbox_by_subject ON outbox (kind, subject_id, id);

-- During a full pull that replaces an earlier view (cursor expired, another account, another hub):
-- every entity the hub sent, so that what it no longer sends can be removed at the end.
CREATE TABLE sync_seen (
    entity TEXT NOT NULL,
    id     TEXT NOT NULL,
    PRIMARY KEY (entity, id)
) WITHOUT ROWID;
