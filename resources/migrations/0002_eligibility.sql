-- Migration 2: stored results of the automatic eligibility check, and what must be checked again.

CREATE TABLE eligibility_results (
    application_id  TEXT PRIMARY KEY,
    policy_id       TEXT,
    evidence_digest TEXT NOT NULL,    -- SHA-256 over the application and the records the check read
    category        TEXT NOT NULL,    -- A | B | C | none
    eligible        INTEGER NOT NULL,
    flags           TEXT NOT NULL,    -- sorted, comma-separated
    flag_mask       INTEGER NOT NULL, -- one bit per flag (policy::flagBit), for filters
    decisive_date   TEXT,             -- orders applications within a category
    admission_year  INTEGER,
    child_id_number TEXT,             -- for duplicate_application
    certificate_no  TEXT,             -- the decisive property, for shared_property
    household_key   TEXT,
    result          TEXT NOT NULL,    -- the explanation as JSON (policy::toJson)
    checked_at      TEXT NOT NULL
);
CREATE INDEX eligibility_by_category    ON eligibility_results (category, application_id);
CREATE INDEX eligibility_by_child       ON eligibility_results (child_id_number);
CREATE INDEX eligibility_by_certificate ON eligibility_results (certificate_no);

-- Applications whose own data or whose agency records changed since they were last checked.
CREATE TABLE eligibility_dirty (
    application_id TEXT PRIMARY KEY
) WITHOUT ROWID;
