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
--
-- Statement-level triggers with transition tables, changes applied in key
-- order (see 0016_inspection_counts.sql for why).
CREATE TABLE case_counts (
  measure TEXT NOT NULL,
  month TEXT NOT NULL,
  department_id BIGINT NOT NULL,
  key TEXT NOT NULL,
  detail TEXT NOT NULL,
  cases BIGINT NOT NULL,
  PRIMARY KEY (measure, month, department_id, key, detail)
);

INSERT INTO case_counts
SELECT measure, month, department_id, key, detail, SUM(n) FROM (
    SELECT 'filed' AS measure, SUBSTR(r.filed_on, 1, 7) AS month, r.department_id, r.violated_law AS key, '' AS detail, 1 AS n FROM cases r
    UNION ALL SELECT 'closed', SUBSTR(r.closed_on, 1, 7), r.department_id, '', '', 1 FROM cases r
    UNION ALL SELECT 'decided', SUBSTR(r.decided_on, 1, 7), r.department_id, r.decision_kind,
      CASE r.decision_kind WHEN 'no_penalty' THEN r.lenient_rule_id
                           WHEN 'reduced_penalty' THEN r.reduction_ground ELSE '' END, 1 FROM cases r
) d GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION case_counts_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO case_counts AS c
  SELECT measure, month, department_id, key, detail, SUM(n) FROM (
    SELECT 'filed' AS measure, SUBSTR(r.filed_on, 1, 7) AS month, r.department_id, r.violated_law AS key, '' AS detail, 1 AS n FROM new_rows r
    UNION ALL SELECT 'closed', SUBSTR(r.closed_on, 1, 7), r.department_id, '', '', 1 FROM new_rows r
    UNION ALL SELECT 'decided', SUBSTR(r.decided_on, 1, 7), r.department_id, r.decision_kind,
      CASE r.decision_kind WHEN 'no_penalty' THEN r.lenient_rule_id
                           WHEN 'reduced_penalty' THEN r.reduction_ground ELSE '' END, 1 FROM new_rows r
  ) d GROUP BY 1, 2, 3, 4, 5 HAVING SUM(n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (measure, month, department_id, key, detail) DO UPDATE SET cases = c.cases + excluded.cases;
  -- Only additions: no group can drop to zero.
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE FUNCTION case_counts_delete() RETURNS trigger AS $$
BEGIN
  INSERT INTO case_counts AS c
  SELECT measure, month, department_id, key, detail, SUM(n) FROM (
    SELECT 'filed' AS measure, SUBSTR(r.filed_on, 1, 7) AS month, r.department_id, r.violated_law AS key, '' AS detail, -1 AS n FROM old_rows r
    UNION ALL SELECT 'closed', SUBSTR(r.closed_on, 1, 7), r.department_id, '', '', -1 FROM old_rows r
    UNION ALL SELECT 'decided', SUBSTR(r.decided_on, 1, 7), r.department_id, r.decision_kind,
      CASE r.decision_kind WHEN 'no_penalty' THEN r.lenient_rule_id
                           WHEN 'reduced_penalty' THEN r.reduction_ground ELSE '' END, -1 FROM old_rows r
  ) d GROUP BY 1, 2, 3, 4, 5 HAVING SUM(n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (measure, month, department_id, key, detail) DO UPDATE SET cases = c.cases + excluded.cases;
  DELETE FROM case_counts c USING (SELECT DISTINCT measure, month, department_id, key, detail FROM (
    SELECT 'filed' AS measure, SUBSTR(r.filed_on, 1, 7) AS month, r.department_id, r.violated_law AS key, '' AS detail, -1 AS n FROM old_rows r
    UNION ALL SELECT 'closed', SUBSTR(r.closed_on, 1, 7), r.department_id, '', '', -1 FROM old_rows r
    UNION ALL SELECT 'decided', SUBSTR(r.decided_on, 1, 7), r.department_id, r.decision_kind,
      CASE r.decision_kind WHEN 'no_penalty' THEN r.lenient_rule_id
                           WHEN 'reduced_penalty' THEN r.reduction_ground ELSE '' END, -1 FROM old_rows r) d) d
  WHERE c.cases = 0 AND c.measure = d.measure AND c.month = d.month
    AND c.department_id = d.department_id AND c.key = d.key AND c.detail = d.detail;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE FUNCTION case_counts_update() RETURNS trigger AS $$
BEGIN
  INSERT INTO case_counts AS c
  SELECT measure, month, department_id, key, detail, SUM(n) FROM (
    SELECT 'filed' AS measure, SUBSTR(r.filed_on, 1, 7) AS month, r.department_id, r.violated_law AS key, '' AS detail, 1 AS n FROM new_rows r
    UNION ALL SELECT 'closed', SUBSTR(r.closed_on, 1, 7), r.department_id, '', '', 1 FROM new_rows r
    UNION ALL SELECT 'decided', SUBSTR(r.decided_on, 1, 7), r.department_id, r.decision_kind,
      CASE r.decision_kind WHEN 'no_penalty' THEN r.lenient_rule_id
                           WHEN 'reduced_penalty' THEN r.reduction_ground ELSE '' END, 1 FROM new_rows r
    UNION ALL SELECT 'filed' AS measure, SUBSTR(r.filed_on, 1, 7) AS month, r.department_id, r.violated_law AS key, '' AS detail, -1 AS n FROM old_rows r
    UNION ALL SELECT 'closed', SUBSTR(r.closed_on, 1, 7), r.department_id, '', '', -1 FROM old_rows r
    UNION ALL SELECT 'decided', SUBSTR(r.decided_on, 1, 7), r.department_id, r.decision_kind,
      CASE r.decision_kind WHEN 'no_penalty' THEN r.lenient_rule_id
                           WHEN 'reduced_penalty' THEN r.reduction_ground ELSE '' END, -1 FROM old_rows r
  ) d GROUP BY 1, 2, 3, 4, 5 HAVING SUM(n) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (measure, month, department_id, key, detail) DO UPDATE SET cases = c.cases + excluded.cases;
  DELETE FROM case_counts c USING (SELECT DISTINCT measure, month, department_id, key, detail FROM (
    SELECT 'filed' AS measure, SUBSTR(r.filed_on, 1, 7) AS month, r.department_id, r.violated_law AS key, '' AS detail, 1 AS n FROM new_rows r
    UNION ALL SELECT 'closed', SUBSTR(r.closed_on, 1, 7), r.department_id, '', '', 1 FROM new_rows r
    UNION ALL SELECT 'decided', SUBSTR(r.decided_on, 1, 7), r.department_id, r.decision_kind,
      CASE r.decision_kind WHEN 'no_penalty' THEN r.lenient_rule_id
                           WHEN 'reduced_penalty' THEN r.reduction_ground ELSE '' END, 1 FROM new_rows r
    UNION ALL SELECT 'filed' AS measure, SUBSTR(r.filed_on, 1, 7) AS month, r.department_id, r.violated_law AS key, '' AS detail, -1 AS n FROM old_rows r
    UNION ALL SELECT 'closed', SUBSTR(r.closed_on, 1, 7), r.department_id, '', '', -1 FROM old_rows r
    UNION ALL SELECT 'decided', SUBSTR(r.decided_on, 1, 7), r.department_id, r.decision_kind,
      CASE r.decision_kind WHEN 'no_penalty' THEN r.lenient_rule_id
                           WHEN 'reduced_penalty' THEN r.reduction_ground ELSE '' END, -1 FROM old_rows r) d) d
  WHERE c.cases = 0 AND c.measure = d.measure AND c.month = d.month
    AND c.department_id = d.department_id AND c.key = d.key AND c.detail = d.detail;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER case_counts_insert AFTER INSERT ON cases
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_counts_insert();
CREATE TRIGGER case_counts_delete AFTER DELETE ON cases
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_counts_delete();
CREATE TRIGGER case_counts_update AFTER UPDATE ON cases
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION case_counts_update();
