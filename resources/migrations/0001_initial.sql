-- Migration 1: the cache of upstream entities, tombstones, the audit log.
-- Each upstream entity keeps its JSON exactly as it came (data), plus the columns that queues,
-- filters and lookups need. SQLite 3.15 (SQLCipher 3.4): no UPSERT, no JSON1, no FTS5.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
) WITHOUT ROWID;

CREATE TABLE policies (
    id             TEXT PRIMARY KEY,
    version        INTEGER NOT NULL,
    district_code  TEXT NOT NULL,
    admission_year INTEGER NOT NULL,
    grade          TEXT NOT NULL,
    data           TEXT NOT NULL
);

CREATE TABLE schools (
    id            TEXT PRIMARY KEY,
    version       INTEGER NOT NULL,
    district_code TEXT NOT NULL,
    level         TEXT NOT NULL,
    name          TEXT NOT NULL,
    capacity      INTEGER NOT NULL,
    data          TEXT NOT NULL
);

CREATE TABLE zones (
    id            TEXT PRIMARY KEY,
    version       INTEGER NOT NULL,
    district_code TEXT NOT NULL,
    data          TEXT NOT NULL
);

CREATE TABLE applications (
    id               TEXT PRIMARY KEY,
    version          INTEGER NOT NULL,
    admission_year   INTEGER NOT NULL,
    grade            TEXT NOT NULL,
    channel          TEXT NOT NULL,
    status           TEXT NOT NULL,
    target_school_id TEXT NOT NULL,
    claimed_category TEXT,
    submitted_at     TEXT,
    child_name       TEXT NOT NULL,
    child_id_number  TEXT NOT NULL,
    data             TEXT NOT NULL
);
-- One index per ordering the reviewer queues offer; the id makes each key unique for keyset paging.
CREATE INDEX applications_by_status    ON applications (status, id);
CREATE INDEX applications_by_school    ON applications (target_school_id, id);
CREATE INDEX applications_by_category  ON applications (claimed_category, id);
CREATE INDEX applications_by_submitted ON applications (submitted_at, id);
CREATE INDEX applications_by_name      ON applications (child_name, id);
CREATE INDEX applications_by_id_number ON applications (child_id_number, id);

-- The people on each application (child and guardians), for agency-record lookups and search.
CREATE TABLE application_people (
    application_id TEXT NOT NULL,
    position       INTEGER NOT NULL, -- 0 the child, 1.. the guardians
    id_number      TEXT NOT NULL,
    phone          TEXT,
    PRIMARY KEY (application_id, position)
) WITHOUT ROWID;
CREATE INDEX application_people_by_id_number ON application_people (id_number);
CREATE INDEX application_people_by_phone     ON application_people (phone);

CREATE TABLE agency_records (
    id         TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    agency     TEXT NOT NULL,
    dataset    TEXT NOT NULL,
    source_ref TEXT,
    fetched_at TEXT,
    data       TEXT NOT NULL
);
CREATE INDEX agency_records_by_dataset ON agency_records (dataset);

-- Which people each agency record is about.
CREATE TABLE record_subjects (
    id_number TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (id_number, record_id)
) WITHOUT ROWID;
CREATE INDEX record_subjects_by_record ON record_subjects (record_id);

-- Entities of kinds this version does not know yet: kept as they came.
CREATE TABLE other_entities (
    entity  TEXT NOT NULL,
    id      TEXT NOT NULL,
    version INTEGER NOT NULL,
    data    TEXT NOT NULL,
    PRIMARY KEY (entity, id)
) WITHOUT ROWID;

-- Deleted entities with the version of their deletion, so that a late, older upsert cannot
-- bring them back.
CREATE TABLE tombstones (
    entity  TEXT NOT NULL,
    id      TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (entity, id)
) WITHOUT ROWID;

CREATE TABLE audit_log (
    seq             INTEGER PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    subject         TEXT NOT NULL,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);
