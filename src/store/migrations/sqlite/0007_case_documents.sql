-- Records kept with a case: issued documents (文书) numbered per kind and year,
-- the custody register of seized property (涉案物资) with its append-only
-- movements, and reconsideration / litigation (行政复议、行政诉讼).
-- One counter row per document kind and year: the increment and the document
-- are written in one transaction, so numbers have no gaps and never repeat.
CREATE TABLE document_sequences (
  kind TEXT NOT NULL,
  doc_year INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (kind, doc_year)
);

CREATE TABLE case_documents (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  number TEXT NOT NULL UNIQUE,
  doc_year INTEGER NOT NULL,
  doc_seq INTEGER NOT NULL,
  generated_on TEXT NOT NULL,
  generated_at INTEGER NOT NULL,
  generated_by TEXT NOT NULL,
  html TEXT NOT NULL,
  UNIQUE (kind, doc_year, doc_seq)
);
CREATE INDEX case_documents_case ON case_documents(case_id);

CREATE TABLE seized_items (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  name TEXT NOT NULL,
  quantity TEXT NOT NULL,
  unit TEXT NOT NULL,
  location TEXT NOT NULL,
  custodian TEXT NOT NULL,
  seized_on TEXT NOT NULL,
  extension_approved INTEGER NOT NULL DEFAULT 0,
  disposal TEXT NOT NULL DEFAULT '',
  disposed_on TEXT NOT NULL DEFAULT '',
  disposal_approved_by TEXT NOT NULL DEFAULT '',
  disposal_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX seized_items_case ON seized_items(case_id);

CREATE TABLE seized_item_movements (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES seized_items(id),
  kind TEXT NOT NULL,
  on_date TEXT NOT NULL,
  location TEXT NOT NULL,
  custodian TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL,
  by_user TEXT NOT NULL
);
CREATE INDEX seized_item_movements_item ON seized_item_movements(item_id);

CREATE TABLE case_reviews (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('reconsideration', 'litigation')),
  filed_on TEXT NOT NULL,
  body TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT '',
  decided_on TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_reviews_case ON case_reviews(case_id);
