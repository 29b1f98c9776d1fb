-- Migration 4: the reviewer queues (models/views/QueueModel).
--
-- queue_rows holds one narrow row per application with exactly what a queue shows, filters and
-- sorts on, so that a queue page is read from one table through one index: keyset paging
-- `WHERE bin = ? AND (k, qid) > (?, ?) ORDER BY k, qid LIMIT n`. Each order's index is
-- (bin, k, qid, facets): ordered by (k, qid), and holding in `facets` the channel, the checked
-- category and the flags, so that a filtered page or count is read from the index alone, without
-- touching the table (SQLite 3.15 has no INCLUDE columns; qid after k keeps the order).
--
-- The rows are kept up to date by triggers on the tables the writers write (applications,
-- eligibility_results, schools, outbox), so that every writer keeps them right without knowing
-- they exist. The bins, the facets and those triggers are made in C++ from one table, the queue
-- rules (models/store/QueueRules.h), which also fills the rows of an existing cache: this file
-- holds only the tables and their indexes. Until migration 6 it held its own triggers and fill;
-- a cache that ran them gets the generated ones when it is next opened (QueueRules::ensure).

CREATE TABLE queue_rows (
    qid            INTEGER PRIMARY KEY,
    application_id TEXT NOT NULL UNIQUE,
    version        INTEGER NOT NULL,
    status         TEXT NOT NULL,
    pending        TEXT NOT NULL DEFAULT '', -- approve | reject | request_info: a decision in the outbox
    conflict       INTEGER NOT NULL DEFAULT 0, -- 1: a decision came back as conflict or invalid
    bin            INTEGER NOT NULL,
    school_id      TEXT NOT NULL,
    school_name    TEXT NOT NULL,
    child_name     TEXT NOT NULL,
    birth_date     TEXT NOT NULL,            -- YYYYMMDD, from the child's ID number
    claimed        TEXT NOT NULL,
    checked        TEXT NOT NULL,            -- A | B | C | none; '' before the check ran
    flag_mask      INTEGER NOT NULL,
    channel        TEXT NOT NULL,
    submitted_at   TEXT NOT NULL,
    facets         INTEGER NOT NULL
);
-- One index per ordering a queue offers.
CREATE INDEX queue_by_number     ON queue_rows (bin, application_id, qid, facets);
CREATE INDEX queue_by_name       ON queue_rows (bin, child_name, qid, facets);
CREATE INDEX queue_by_birth      ON queue_rows (bin, birth_date, qid, facets);
CREATE INDEX queue_by_schoolname ON queue_rows (bin, school_name, qid, facets);
CREATE INDEX queue_by_claimed    ON queue_rows (bin, claimed, qid, facets);
CREATE INDEX queue_by_checked    ON queue_rows (bin, checked, qid, facets);
CREATE INDEX queue_by_flags      ON queue_rows (bin, flag_mask, qid, facets);
CREATE INDEX queue_by_channel    ON queue_rows (bin, channel, qid, facets);
CREATE INDEX queue_by_submitted  ON queue_rows (bin, submitted_at, qid, facets);
-- A school filter (and the seats of a school), and the few applications in conflict.
CREATE INDEX queue_by_school    ON queue_rows (school_id, bin);
CREATE INDEX queue_conflicts    ON queue_rows (conflict) WHERE conflict != 0;

-- Two-character pieces of each child's name, for "any part of the name": Chinese names are two to
-- four characters, where an own bigram table is smaller and more predictable than FTS3.
CREATE TABLE queue_name_grams (
    gram TEXT NOT NULL,
    qid  INTEGER NOT NULL,
    PRIMARY KEY (gram, qid)
) WITHOUT ROWID;
CREATE INDEX queue_name_grams_by_row ON queue_name_grams (qid);
-- Positions 1..32: lets a trigger cut a name into pieces without a WITH clause.
CREATE TABLE queue_gram_positions (p INTEGER PRIMARY KEY);
INSERT INTO queue_gram_positions (p) VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13),
    (14), (15), (16), (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32);
