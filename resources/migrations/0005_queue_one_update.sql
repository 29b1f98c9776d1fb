-- Migration 5: the check's result reaches its queue row in one UPDATE instead of two.
--
-- An UPDATE rewrites every index holding a column it sets; `facets` is in nine of them and `bin`
-- leads them all. Migration 4 set checked/flag_mask/facets, then bin in a second statement, so a
-- flagged application had its nine indexes rewritten twice. When flag_mask is unchanged, bin is
-- already right (it follows status, pending and flag_mask), so one statement guarded by "category
-- or flags changed" does both.

DROP TRIGGER IF EXISTS queue_eligibility_insert;
DROP TRIGGER IF EXISTS queue_eligibility_update;

CREATE TRIGGER queue_eligibility_insert AFTER INSERT ON eligibility_results BEGIN
    UPDATE queue_rows SET checked = NEW.category, flag_mask = NEW.flag_mask,
        facets = (facets & 1)
                 | ((CASE NEW.category WHEN 'A' THEN 1 WHEN 'B' THEN 2 WHEN 'C' THEN 3 WHEN 'none' THEN 4 ELSE 0 END) << 1)
                 | (NEW.flag_mask << 4),
        bin = CASE WHEN bin IN (0, 1) THEN (CASE WHEN NEW.flag_mask != 0 THEN 1 ELSE 0 END) ELSE bin END
    WHERE application_id = NEW.application_id AND (checked != NEW.category OR flag_mask != NEW.flag_mask);
END;
CREATE TRIGGER queue_eligibility_update AFTER UPDATE OF category, flag_mask ON eligibility_results BEGIN
    UPDATE queue_rows SET checked = NEW.category, flag_mask = NEW.flag_mask,
        facets = (facets & 1)
                 | ((CASE NEW.category WHEN 'A' THEN 1 WHEN 'B' THEN 2 WHEN 'C' THEN 3 WHEN 'none' THEN 4 ELSE 0 END) << 1)
                 | (NEW.flag_mask << 4),
        bin = CASE WHEN bin IN (0, 1) THEN (CASE WHEN NEW.flag_mask != 0 THEN 1 ELSE 0 END) ELSE bin END
    WHERE application_id = NEW.application_id AND (checked != NEW.category OR flag_mask != NEW.flag_mask);
END;
