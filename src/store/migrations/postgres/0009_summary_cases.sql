-- Summary-procedure decisions (简易程序, 当场处罚, 《行政处罚法》第五十一条、第五十二条)
-- with their officers and a gap-free decision number per year; and, on cases,
-- the stored decision due date and closing day, so that the case list filters
-- (due=, closed_year=) and the yearly statistics are SQL over indexes, not a
-- scan in C++.

-- The due date of the decision period (第六十四条) as the service computed it
-- on the case's last write: '' while no period runs (decided, closed,
-- withdrawn) or when the calendar does not cover it; NULL for cases written
-- before this migration, which the service fills in on the first due= query.
ALTER TABLE cases ADD COLUMN decision_due TEXT;
-- The day of 结案 (the close step), '' until then.
ALTER TABLE cases ADD COLUMN closed_on TEXT NOT NULL DEFAULT '';
UPDATE cases SET closed_on = COALESCE(
  (SELECT MAX(e.on_date) FROM case_events e WHERE e.case_id = cases.id AND e.action = 'close'), '');

-- The list is ordered by filed_on DESC, id DESC under each filter.
CREATE INDEX cases_filed ON cases(filed_on, id);
CREATE INDEX cases_stage_filed ON cases(stage, filed_on, id);
CREATE INDEX cases_department_filed ON cases(department_id, filed_on, id);
-- The statistics read only these columns (covering indexes: no table reads).
CREATE INDEX cases_closed ON cases(closed_on, department_id);
CREATE INDEX cases_filed_stats ON cases(filed_on, department_id, violated_law);
CREATE INDEX cases_decided ON cases(decided_on, decision_kind, lenient_rule_id, reduction_ground, department_id);
CREATE INDEX cases_decision_due ON cases(decision_due);

CREATE TABLE summary_cases (
  id BIGSERIAL PRIMARY KEY,
  decision_number TEXT NOT NULL UNIQUE,
  decision_year BIGINT NOT NULL,
  decision_seq BIGINT NOT NULL,
  party_kind TEXT NOT NULL CHECK (party_kind IN ('citizen', 'organisation')),
  party_name TEXT NOT NULL,
  entity_id BIGINT REFERENCES entities(id),
  credit_code TEXT NOT NULL DEFAULT '',
  department_id BIGINT NOT NULL REFERENCES departments(id),
  place TEXT NOT NULL,
  facts TEXT NOT NULL,
  violated_law TEXT NOT NULL,
  violated_article TEXT NOT NULL DEFAULT '',
  penalties TEXT NOT NULL,
  fine_fen BIGINT NOT NULL DEFAULT 0,
  decided_on TEXT NOT NULL,
  paid_on TEXT NOT NULL DEFAULT '',
  filed_with_department_on TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (decision_year, decision_seq)
);
CREATE INDEX summary_cases_decided ON summary_cases(decided_on, id);
CREATE INDEX summary_cases_department ON summary_cases(department_id, decided_on, id);

CREATE TABLE summary_case_officers (
  summary_case_id BIGINT NOT NULL REFERENCES summary_cases(id),
  position BIGINT NOT NULL,
  inspector_id BIGINT NOT NULL REFERENCES inspectors(id),
  name TEXT NOT NULL,
  certificate_no TEXT NOT NULL,
  certificate_expires TEXT NOT NULL,
  PRIMARY KEY (summary_case_id, position)
);

-- The last decision sequence of each year. Taking a number is an UPDATE of
-- this row inside the writing transaction: concurrent writers queue on the
-- row lock, and a rolled-back write gives its number back (no gaps).
CREATE TABLE summary_number_counters (
  year BIGINT PRIMARY KEY,
  last_seq BIGINT NOT NULL
);
