-- The counts behind the case statistics (案件统计), the dashboard's cases and
-- the annual report, kept by triggers: a year's figures read a few hundred
-- rows instead of the year's cases (300k cases: ~60 ms a statistics call →
-- a few ms). Three measures a case, each under the month of its date:
--   filed   — month filed, department, violated law
--   closed  — month closed ('' while open), department
--   decided — month decided ('' before), department, decision kind, and the
--             lenient rule (no penalty) or the reduction ground (reduced)
-- Definition, which a contract test checks after every kind of write:
--   case_counts = SELECT measure, month, department_id, key, detail, COUNT(*)
--                 FROM (<the three measures of every case>) GROUP BY 1, 2, 3, 4, 5
-- A group that drops to zero is deleted. Derived data: not in the exchange format.
CREATE TABLE case_counts (
  measure TEXT NOT NULL,
  month TEXT NOT NULL,
  department_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  detail TEXT NOT NULL,
  cases INTEGER NOT NULL,
  PRIMARY KEY (measure, month, department_id, key, detail)
) WITHOUT ROWID;

INSERT INTO case_counts
SELECT measure, month, department_id, key, detail, COUNT(*) FROM (
  SELECT 'filed' AS measure, SUBSTR(filed_on, 1, 7) AS month, department_id, violated_law AS key,
         '' AS detail FROM cases
  UNION ALL SELECT 'closed', SUBSTR(closed_on, 1, 7), department_id, '', '' FROM cases
  UNION ALL SELECT 'decided', SUBSTR(decided_on, 1, 7), department_id, decision_kind,
         CASE decision_kind WHEN 'no_penalty' THEN lenient_rule_id
                            WHEN 'reduced_penalty' THEN reduction_ground ELSE '' END FROM cases
) GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER case_counts_insert AFTER INSERT ON cases
BEGIN
  INSERT INTO case_counts
  SELECT 'filed', SUBSTR(NEW.filed_on, 1, 7), NEW.department_id, NEW.violated_law, '', 1
  UNION ALL SELECT 'closed', SUBSTR(NEW.closed_on, 1, 7), NEW.department_id, '', '', 1
  UNION ALL SELECT 'decided', SUBSTR(NEW.decided_on, 1, 7), NEW.department_id, NEW.decision_kind,
         CASE NEW.decision_kind WHEN 'no_penalty' THEN NEW.lenient_rule_id
                                WHEN 'reduced_penalty' THEN NEW.reduction_ground ELSE '' END, 1
  WHERE true
  ON CONFLICT (measure, month, department_id, key, detail) DO UPDATE SET cases = cases + 1;
END;

CREATE TRIGGER case_counts_delete AFTER DELETE ON cases
BEGIN
  UPDATE case_counts SET cases = cases - 1 WHERE department_id = OLD.department_id AND (
       (measure = 'filed' AND month = SUBSTR(OLD.filed_on, 1, 7) AND key = OLD.violated_law AND detail = '')
    OR (measure = 'closed' AND month = SUBSTR(OLD.closed_on, 1, 7) AND key = '' AND detail = '')
    OR (measure = 'decided' AND month = SUBSTR(OLD.decided_on, 1, 7) AND key = OLD.decision_kind
        AND detail = CASE OLD.decision_kind WHEN 'no_penalty' THEN OLD.lenient_rule_id
                                            WHEN 'reduced_penalty' THEN OLD.reduction_ground ELSE '' END));
  DELETE FROM case_counts WHERE cases = 0 AND department_id = OLD.department_id
    AND measure IN ('filed', 'closed', 'decided')
    AND month IN (SUBSTR(OLD.filed_on, 1, 7), SUBSTR(OLD.closed_on, 1, 7), SUBSTR(OLD.decided_on, 1, 7));
END;

-- Only a change of a counted column moves a case (most stage changes do not).
CREATE TRIGGER case_counts_update AFTER UPDATE ON cases
WHEN OLD.filed_on IS NOT NEW.filed_on OR OLD.closed_on IS NOT NEW.closed_on
  OR OLD.decided_on IS NOT NEW.decided_on OR OLD.department_id IS NOT NEW.department_id
  OR OLD.violated_law IS NOT NEW.violated_law OR OLD.decision_kind IS NOT NEW.decision_kind
  OR OLD.lenient_rule_id IS NOT NEW.lenient_rule_id OR OLD.reduction_ground IS NOT NEW.reduction_ground
BEGIN
  UPDATE case_counts SET cases = cases - 1 WHERE department_id = OLD.department_id AND (
       (measure = 'filed' AND month = SUBSTR(OLD.filed_on, 1, 7) AND key = OLD.violated_law AND detail = '')
    OR (measure = 'closed' AND month = SUBSTR(OLD.closed_on, 1, 7) AND key = '' AND detail = '')
    OR (measure = 'decided' AND month = SUBSTR(OLD.decided_on, 1, 7) AND key = OLD.decision_kind
        AND detail = CASE OLD.decision_kind WHEN 'no_penalty' THEN OLD.lenient_rule_id
                                            WHEN 'reduced_penalty' THEN OLD.reduction_ground ELSE '' END));
  DELETE FROM case_counts WHERE cases = 0 AND department_id = OLD.department_id
    AND measure IN ('filed', 'closed', 'decided')
    AND month IN (SUBSTR(OLD.filed_on, 1, 7), SUBSTR(OLD.closed_on, 1, 7), SUBSTR(OLD.decided_on, 1, 7));
  INSERT INTO case_counts
  SELECT 'filed', SUBSTR(NEW.filed_on, 1, 7), NEW.department_id, NEW.violated_law, '', 1
  UNION ALL SELECT 'closed', SUBSTR(NEW.closed_on, 1, 7), NEW.department_id, '', '', 1
  UNION ALL SELECT 'decided', SUBSTR(NEW.decided_on, 1, 7), NEW.department_id, NEW.decision_kind,
         CASE NEW.decision_kind WHEN 'no_penalty' THEN NEW.lenient_rule_id
                                WHEN 'reduced_penalty' THEN NEW.reduction_ground ELSE '' END, 1
  WHERE true
  ON CONFLICT (measure, month, department_id, key, detail) DO UPDATE SET cases = cases + 1;
END;
