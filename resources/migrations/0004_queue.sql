-- Migration 4: the reviewer queues (models/views/QueueModel).
--
-- queue_rows holds one narrow row per application with exactly what a queue shows, filters and
-- sorts on, so that a queue page is read from one table through one index: keyset paging
-- `WHERE bin = ? AND (k, qid) > (?, ?) ORDER BY k, qid LIMIT n`. Each order's index is
-- (bin, k, qid, facets): ordered by (k, qid), and holding in `facets` the channel, the checked
-- category and the flags, so that a filtered page or count is read from the index alone, without
-- touching the table (SQLite 3.15 has no INCLUDE columns; qid after k keeps the order). It is
-- kept up to date by triggers on the tables the sync writes (applications, eligibility_results,
-- schools, outbox): every writer, GUI, admissionsctl and the sync engine alike, keeps it right
-- without knowing it exists.
--
-- facets: bit 0 counter channel; bits 1-3 checked category (0 not checked, 1 A, 2 B, 3 C, 4 none);
-- bits 4.. the flag mask (CacheEligibility::flagBit).
--
-- bin: 0 to review, 1 flagged, 2 information requested, 3 approved, 4 rejected, 9 closed (withdrawn).
-- A decision of this workstation that the hub has not answered yet (or accepted, until the pull
-- brings the new version) moves the application into the bin of that decision at once.
-- SQLite 3.15: no UPSERT, no JSON1, no FTS5, and no WITH clause inside a trigger.

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

-- The bin is written wherever one of its inputs is (status, pending, flag_mask), in the same
-- statement, so that a bulk sync rewrites each row's indexes once.

-- An application arrives or changes (INSERT OR REPLACE fires the insert trigger).
CREATE TRIGGER queue_application_insert AFTER INSERT ON applications BEGIN
    DELETE FROM queue_name_grams WHERE qid = (SELECT qid FROM queue_rows WHERE application_id = NEW.id);
    INSERT OR REPLACE INTO queue_rows (qid, application_id, version, status, pending, conflict, bin, school_id,
                                       school_name, child_name, birth_date, claimed, checked, flag_mask, channel,
                                       submitted_at, facets)
    SELECT x.qid, NEW.id, NEW.version, NEW.status, x.pending, x.conflict,
           CASE WHEN x.pending = 'approve' THEN 3 WHEN x.pending = 'reject' THEN 4
                WHEN x.pending = 'request_info' THEN 2 WHEN NEW.status = 'approved' THEN 3
                WHEN NEW.status = 'rejected' THEN 4 WHEN NEW.status = 'info_requested' THEN 2
                WHEN NEW.status IN ('submitted', 'under_review') THEN (CASE WHEN x.flag_mask != 0 THEN 1 ELSE 0 END)
                ELSE 9 END,
           NEW.target_school_id, x.school_name, NEW.child_name, substr(NEW.child_id_number, 7, 8),
           coalesce(NEW.claimed_category, ''), x.checked, x.flag_mask, NEW.channel, coalesce(NEW.submitted_at, ''),
           (CASE WHEN NEW.channel = 'counter' THEN 1 ELSE 0 END)
           | ((CASE x.checked WHEN 'A' THEN 1 WHEN 'B' THEN 2 WHEN 'C' THEN 3 WHEN 'none' THEN 4 ELSE 0 END) << 1)
           | (x.flag_mask << 4)
    FROM (SELECT
            (SELECT qid FROM queue_rows WHERE application_id = NEW.id) AS qid,
            coalesce((SELECT CASE WHEN instr(o.payload, '"outcome":"approve"') THEN 'approve'
                                  WHEN instr(o.payload, '"outcome":"reject"') THEN 'reject'
                                  WHEN instr(o.payload, '"outcome":"request_info"') THEN 'request_info' ELSE '' END
                      FROM outbox o WHERE o.kind = 'decision' AND o.subject_id = NEW.id
                       AND o.state IN ('pending', 'done') AND coalesce(o.base_version, 0) >= NEW.version
                      ORDER BY o.id DESC LIMIT 1), '') AS pending,
            EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'decision' AND o.subject_id = NEW.id
                     AND o.state IN ('conflict', 'invalid')) AS conflict,
            coalesce((SELECT name FROM schools WHERE id = NEW.target_school_id), NEW.target_school_id) AS school_name,
            coalesce((SELECT category FROM eligibility_results WHERE application_id = NEW.id), '') AS checked,
            coalesce((SELECT flag_mask FROM eligibility_results WHERE application_id = NEW.id), 0) AS flag_mask) x;
    INSERT OR IGNORE INTO queue_name_grams (gram, qid)
    SELECT substr(NEW.child_name, p, 2), (SELECT qid FROM queue_rows WHERE application_id = NEW.id)
    FROM queue_gram_positions WHERE p < length(NEW.child_name);
END;

CREATE TRIGGER queue_application_delete AFTER DELETE ON applications BEGIN
    DELETE FROM queue_name_grams WHERE qid = (SELECT qid FROM queue_rows WHERE application_id = OLD.id);
    DELETE FROM queue_rows WHERE application_id = OLD.id;
END;

-- The automatic check (CacheEligibility writes with INSERT OR REPLACE, and updates the
-- cross-application flags in place).
-- Written only when something changed: an UPDATE rewrites every index holding a column it sets,
-- and `bin` and `facets` are in nine of them.
CREATE TRIGGER queue_eligibility_insert AFTER INSERT ON eligibility_results BEGIN
    UPDATE queue_rows SET checked = NEW.category, flag_mask = NEW.flag_mask,
        facets = (facets & 1)
                 | ((CASE NEW.category WHEN 'A' THEN 1 WHEN 'B' THEN 2 WHEN 'C' THEN 3 WHEN 'none' THEN 4 ELSE 0 END) << 1)
                 | (NEW.flag_mask << 4)
    WHERE application_id = NEW.application_id AND (checked != NEW.category OR flag_mask != NEW.flag_mask);
    UPDATE queue_rows SET bin = (CASE WHEN NEW.flag_mask != 0 THEN 1 ELSE 0 END)
    WHERE application_id = NEW.application_id AND bin IN (0, 1)
      AND bin != (CASE WHEN NEW.flag_mask != 0 THEN 1 ELSE 0 END);
END;
CREATE TRIGGER queue_eligibility_update AFTER UPDATE OF category, flag_mask ON eligibility_results BEGIN
    UPDATE queue_rows SET checked = NEW.category, flag_mask = NEW.flag_mask,
        facets = (facets & 1)
                 | ((CASE NEW.category WHEN 'A' THEN 1 WHEN 'B' THEN 2 WHEN 'C' THEN 3 WHEN 'none' THEN 4 ELSE 0 END) << 1)
                 | (NEW.flag_mask << 4)
    WHERE application_id = NEW.application_id AND (checked != NEW.category OR flag_mask != NEW.flag_mask);
    UPDATE queue_rows SET bin = (CASE WHEN NEW.flag_mask != 0 THEN 1 ELSE 0 END)
    WHERE application_id = NEW.application_id AND bin IN (0, 1)
      AND bin != (CASE WHEN NEW.flag_mask != 0 THEN 1 ELSE 0 END);
END;
CREATE TRIGGER queue_eligibility_delete AFTER DELETE ON eligibility_results BEGIN
    UPDATE queue_rows SET checked = '', flag_mask = 0, facets = facets & 1 WHERE application_id = OLD.application_id;
    UPDATE queue_rows SET bin = 0 WHERE application_id = OLD.application_id AND bin = 1;
END;

CREATE TRIGGER queue_school_insert AFTER INSERT ON schools BEGIN
    UPDATE queue_rows SET school_name = NEW.name WHERE school_id = NEW.id AND school_name != NEW.name;
END;

-- Decisions of this workstation (DecisionWorkflow writes the outbox; the sync engine records the
-- hub's answers in it). The outcome is read from the payload as QJsonDocument writes it (compact);
-- a note cannot fake it, since quotes inside a JSON string are escaped.
CREATE TRIGGER queue_outbox_insert AFTER INSERT ON outbox WHEN NEW.kind = 'decision' BEGIN
    UPDATE queue_rows SET
        pending = coalesce((SELECT CASE WHEN instr(o.payload, '"outcome":"approve"') THEN 'approve'
                                        WHEN instr(o.payload, '"outcome":"reject"') THEN 'reject'
                                        WHEN instr(o.payload, '"outcome":"request_info"') THEN 'request_info'
                                        ELSE '' END
                            FROM outbox o WHERE o.kind = 'decision' AND o.subject_id = NEW.subject_id
                             AND o.state IN ('pending', 'done') AND coalesce(o.base_version, 0) >= queue_rows.version
                            ORDER BY o.id DESC LIMIT 1), ''),
        conflict = EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'decision' AND o.subject_id = NEW.subject_id
                            AND o.state IN ('conflict', 'invalid'))
    WHERE application_id = NEW.subject_id;
END;
CREATE TRIGGER queue_outbox_update AFTER UPDATE OF state ON outbox WHEN NEW.kind = 'decision' BEGIN
    UPDATE queue_rows SET
        pending = coalesce((SELECT CASE WHEN instr(o.payload, '"outcome":"approve"') THEN 'approve'
                                        WHEN instr(o.payload, '"outcome":"reject"') THEN 'reject'
                                        WHEN instr(o.payload, '"outcome":"request_info"') THEN 'request_info'
                                        ELSE '' END
                            FROM outbox o WHERE o.kind = 'decision' AND o.subject_id = NEW.subject_id
                             AND o.state IN ('pending', 'done') AND coalesce(o.base_version, 0) >= queue_rows.version
                            ORDER BY o.id DESC LIMIT 1), ''),
        conflict = EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'decision' AND o.subject_id = NEW.subject_id
                            AND o.state IN ('conflict', 'invalid'))
    WHERE application_id = NEW.subject_id;
END;
-- pending changed: the bin follows (status and flags are as they were).
CREATE TRIGGER queue_rows_pending AFTER UPDATE OF pending ON queue_rows BEGIN
    UPDATE queue_rows SET bin =
        CASE WHEN NEW.pending = 'approve' THEN 3 WHEN NEW.pending = 'reject' THEN 4
             WHEN NEW.pending = 'request_info' THEN 2 WHEN NEW.status = 'approved' THEN 3
             WHEN NEW.status = 'rejected' THEN 4 WHEN NEW.status = 'info_requested' THEN 2
             WHEN NEW.status IN ('submitted', 'under_review') THEN (CASE WHEN NEW.flag_mask != 0 THEN 1 ELSE 0 END)
             ELSE 9 END
    WHERE qid = NEW.qid;
END;

-- What the cache held before this migration.
INSERT INTO queue_rows (application_id, version, status, pending, conflict, bin, school_id, school_name, child_name,
                        birth_date, claimed, checked, flag_mask, channel, submitted_at, facets)
SELECT a.id, a.version, a.status, '', 0,
       CASE WHEN a.status = 'approved' THEN 3 WHEN a.status = 'rejected' THEN 4
            WHEN a.status = 'info_requested' THEN 2
            WHEN a.status IN ('submitted', 'under_review') THEN (CASE WHEN coalesce(e.flag_mask, 0) != 0 THEN 1 ELSE 0 END)
            ELSE 9 END,
       a.target_school_id, coalesce(s.name, a.target_school_id), a.child_name, substr(a.child_id_number, 7, 8),
       coalesce(a.claimed_category, ''), coalesce(e.category, ''), coalesce(e.flag_mask, 0), a.channel,
       coalesce(a.submitted_at, ''),
       (CASE WHEN a.channel = 'counter' THEN 1 ELSE 0 END)
       | ((CASE e.category WHEN 'A' THEN 1 WHEN 'B' THEN 2 WHEN 'C' THEN 3 WHEN 'none' THEN 4 ELSE 0 END) << 1)
       | (coalesce(e.flag_mask, 0) << 4)
FROM applications a
LEFT JOIN eligibility_results e ON e.application_id = a.id
LEFT JOIN schools s ON s.id = a.target_school_id;
INSERT OR IGNORE INTO queue_name_grams (gram, qid)
SELECT substr(q.child_name, p.p, 2), q.qid FROM queue_rows q JOIN queue_gram_positions p ON p.p < length(q.child_name);
-- Decisions already in the outbox.
UPDATE queue_rows SET pending = coalesce((
    SELECT CASE WHEN instr(o.payload, '"outcome":"approve"') THEN 'approve'
                WHEN instr(o.payload, '"outcome":"reject"') THEN 'reject'
                WHEN instr(o.payload, '"outcome":"request_info"') THEN 'request_info' ELSE '' END
    FROM outbox o WHERE o.kind = 'decision' AND o.subject_id = queue_rows.application_id
     AND o.state IN ('pending', 'done') AND coalesce(o.base_version, 0) >= queue_rows.version
    ORDER BY o.id DESC LIMIT 1), '')
WHERE application_id IN (SELECT subject_id FROM outbox WHERE kind = 'decision');
UPDATE queue_rows SET conflict = 1
WHERE application_id IN (SELECT subject_id FROM outbox WHERE kind = 'decision' AND state IN ('conflict', 'invalid'));
