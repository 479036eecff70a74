-- Enforcement (行政处罚): leads (线索), the cases filed from them, their
-- officers, the intervals excluded from their periods, and every transition.
-- Dates are YYYY-MM-DD text; money is in fen (分). Rules (periods, lenient
-- rules, case number formats) are data files embedded in the binary.
CREATE TABLE leads (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('complaint', 'inspection_finding', 'sampling_failure', 'transfer')),
  inspection_task_id INTEGER REFERENCES inspection_tasks(id),
  entity_id INTEGER REFERENCES entities(id),
  credit_code TEXT NOT NULL DEFAULT '',
  party_name TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  found_on TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  extension_approved INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('open', 'filed', 'declined')),
  decline_ground TEXT NOT NULL DEFAULT '',
  decline_reason TEXT NOT NULL DEFAULT '',
  decided_on TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX leads_department ON leads(department_id);

CREATE TABLE lead_excluded_periods (
  lead_id INTEGER NOT NULL REFERENCES leads(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  from_on TEXT NOT NULL,
  to_on TEXT NOT NULL,
  PRIMARY KEY (lead_id, position)
);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  case_number TEXT NOT NULL UNIQUE,
  case_year INTEGER NOT NULL,
  case_seq INTEGER NOT NULL,
  lead_id INTEGER NOT NULL UNIQUE REFERENCES leads(id),
  entity_id INTEGER REFERENCES entities(id),
  credit_code TEXT NOT NULL DEFAULT '',
  party_name TEXT NOT NULL DEFAULT '',
  department_id INTEGER NOT NULL REFERENCES departments(id),
  filed_on TEXT NOT NULL,
  stage TEXT NOT NULL,
  extension_approved INTEGER NOT NULL DEFAULT 0,
  notice_served_on TEXT NOT NULL DEFAULT '',
  statements_waived INTEGER NOT NULL DEFAULT 0,
  hearing_requested_on TEXT NOT NULL DEFAULT '',
  hearing_notice_served_on TEXT NOT NULL DEFAULT '',
  decision_kind TEXT NOT NULL DEFAULT '',
  decided_on TEXT NOT NULL DEFAULT '',
  penalties TEXT NOT NULL DEFAULT '',
  fine_fen INTEGER NOT NULL DEFAULT 0,
  confiscated_fen INTEGER NOT NULL DEFAULT 0,
  lenient_rule_id TEXT NOT NULL DEFAULT '',
  reduction_ground TEXT NOT NULL DEFAULT '',
  police_unit TEXT NOT NULL DEFAULT '',
  transferred_on TEXT NOT NULL DEFAULT '',
  withdrawal_reason TEXT NOT NULL DEFAULT '',
  decision_served_on TEXT NOT NULL DEFAULT '',
  execution_completed INTEGER NOT NULL DEFAULT 0,
  violated_law TEXT NOT NULL DEFAULT '',
  violated_article TEXT NOT NULL DEFAULT '',
  facts TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (case_year, case_seq)
);
CREATE INDEX cases_department ON cases(department_id);
CREATE INDEX cases_stage ON cases(stage);

-- 办案人员 as they were on the filing day (at least two, from the roster).
CREATE TABLE case_officers (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  position INTEGER NOT NULL,
  inspector_id INTEGER NOT NULL REFERENCES inspectors(id),
  name TEXT NOT NULL,
  certificate_no TEXT NOT NULL,
  certificate_expires TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
);

CREATE TABLE case_excluded_periods (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  from_on TEXT NOT NULL,
  to_on TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
);

CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  from_stage TEXT NOT NULL,
  to_stage TEXT NOT NULL,
  action TEXT NOT NULL,
  on_date TEXT NOT NULL,
  by_user TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_id);
