-- Credit publicity (行政处罚信息公示), the abnormal-operation and
-- serious-violation lists, and credit repair (信用修复). Dates are
-- YYYY-MM-DD text ("" = none); money in fen. Rules: data/credit-publicity-rules.csv.
CREATE TABLE credit_publicity (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
  department_id INTEGER NOT NULL REFERENCES departments(id),
  entity_id INTEGER REFERENCES entities(id),
  credit_code TEXT NOT NULL DEFAULT '',
  party_name TEXT NOT NULL DEFAULT '',
  case_number TEXT NOT NULL,
  document_number TEXT NOT NULL DEFAULT '',
  violated_law TEXT NOT NULL DEFAULT '',
  violated_article TEXT NOT NULL DEFAULT '',
  decision_kind TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  penalties TEXT NOT NULL DEFAULT '',
  fine_fen INTEGER NOT NULL DEFAULT 0,
  confiscated_fen INTEGER NOT NULL DEFAULT 0,
  authority TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('due', 'published', 'withdrawn', 'repaired')),
  published_on TEXT NOT NULL DEFAULT '',
  changed_on TEXT NOT NULL DEFAULT '',
  withdrawn_on TEXT NOT NULL DEFAULT '',
  withdrawal_reason TEXT NOT NULL DEFAULT '',
  repaired_on TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX credit_publicity_status ON credit_publicity(status, department_id);
CREATE INDEX credit_publicity_code ON credit_publicity(credit_code);

CREATE TABLE credit_list_entries (
  id INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  list TEXT NOT NULL CHECK (list IN ('abnormal_operation', 'serious_violation')),
  listed_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  basis TEXT NOT NULL,
  removed_on TEXT NOT NULL DEFAULT '',
  removal_reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX credit_list_entries_entity ON credit_list_entries(entity_id);

CREATE TABLE credit_repairs (
  id INTEGER PRIMARY KEY,
  publicity_id INTEGER NOT NULL REFERENCES credit_publicity(id),
  department_id INTEGER NOT NULL REFERENCES departments(id),
  applicant TEXT NOT NULL,
  commitment_ref TEXT NOT NULL DEFAULT '',
  applied_on TEXT NOT NULL,
  obligations_performed INTEGER NOT NULL DEFAULT 0,
  violation_corrected INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
  conditions TEXT NOT NULL DEFAULT '',
  decided_on TEXT NOT NULL DEFAULT '',
  decided_by TEXT NOT NULL DEFAULT '',
  refusal_reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX credit_repairs_publicity ON credit_repairs(publicity_id);
