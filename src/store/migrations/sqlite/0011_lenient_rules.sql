-- The lenient-treatment rules (免罚清单: 不予处罚 / 减轻处罚) kept by the legal
-- department: the current version of each rule, and every version saved with
-- who saved it and why. The built-in list (data/lenient-rules.csv) is written
-- as version 1 of each rule the first time the rules are read.
CREATE TABLE lenient_rules (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,         -- list order: the file's order, then creation
  list TEXT NOT NULL,
  law TEXT NOT NULL,
  article TEXT NOT NULL,
  conduct TEXT NOT NULL,
  conditions TEXT NOT NULL,          -- fact names joined by ';'
  outcome TEXT NOT NULL CHECK (outcome IN ('no_penalty', 'reduced_penalty')),
  basis TEXT NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  edited_at INTEGER NOT NULL,
  edited_by TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT ''
);

-- Every saved version, as it was; seq orders all saves (the list's revision).
CREATE TABLE lenient_rule_versions (
  seq INTEGER PRIMARY KEY,
  rule_id TEXT NOT NULL REFERENCES lenient_rules(id),
  version INTEGER NOT NULL,
  list TEXT NOT NULL,
  law TEXT NOT NULL,
  article TEXT NOT NULL,
  conduct TEXT NOT NULL,
  conditions TEXT NOT NULL,
  outcome TEXT NOT NULL,
  basis TEXT NOT NULL,
  retired INTEGER NOT NULL,
  edited_at INTEGER NOT NULL,
  edited_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  UNIQUE (rule_id, version)
);
