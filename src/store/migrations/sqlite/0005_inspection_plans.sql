-- 双随机、一公开 plans, their draws and the inspection tasks a draw creates.
-- A plan is drafted, approved, committed (the draw's commitment published),
-- drawn, and its results published; it may be cancelled with a reason before
-- publication. A draw is recorded once and never changed, except that a
-- recusal appends a deterministic replacement (the draw file is re-written
-- with the [recusals] section; the earlier rows stay as they were).
CREATE TABLE inspection_plans (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  lead_department_id INTEGER NOT NULL REFERENCES departments(id),
  -- The eligible population: active entities matching every non-empty filter.
  pop_kind TEXT NOT NULL DEFAULT '',
  pop_street TEXT NOT NULL DEFAULT '',
  pop_station_id INTEGER REFERENCES departments(id),
  pop_industry_prefix TEXT NOT NULL DEFAULT '',
  pop_tag TEXT NOT NULL DEFAULT '',
  pop_holding_kind TEXT NOT NULL DEFAULT '',
  pop_holding_item TEXT NOT NULL DEFAULT '',
  exclude_recent_months INTEGER NOT NULL DEFAULT 0,
  max_per_year INTEGER NOT NULL DEFAULT 0,
  per_entity INTEGER NOT NULL DEFAULT 2 CHECK (per_entity >= 2),
  workload_cap INTEGER NOT NULL DEFAULT 0,
  cross_station INTEGER NOT NULL DEFAULT 0,
  seed_mode TEXT NOT NULL CHECK (seed_mode IN ('commit-reveal', 'public-value')),
  seed_source TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'committed', 'drawn', 'published', 'cancelled')),
  approved_by TEXT NOT NULL DEFAULT '',
  approved_at INTEGER NOT NULL DEFAULT 0,
  cancel_reason TEXT NOT NULL DEFAULT '',
  published_at INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inspection_plans_year ON inspection_plans(year);

CREATE TABLE plan_items (
  plan_id INTEGER NOT NULL REFERENCES inspection_plans(id),
  item_code TEXT NOT NULL REFERENCES inspection_items(code),
  PRIMARY KEY (plan_id, item_code)
);

-- 部门联合抽查: the participating member units besides the lead department.
CREATE TABLE plan_members (
  plan_id INTEGER NOT NULL REFERENCES inspection_plans(id),
  department_id INTEGER NOT NULL REFERENCES departments(id),
  PRIMARY KEY (plan_id, department_id)
);

-- Per credit-risk class: a count, or a ratio in parts per million.
CREATE TABLE plan_strata (
  plan_id INTEGER NOT NULL REFERENCES inspection_plans(id),
  stratum TEXT NOT NULL,
  by_ratio INTEGER NOT NULL,
  count INTEGER NOT NULL,
  ratio_ppm INTEGER NOT NULL,
  PRIMARY KEY (plan_id, stratum)
);

-- The commitment and the draw of a plan. input_file is the draw file
-- (docs/draw-algorithm.md §8) frozen at commitment, without seed or result:
-- it is public before the draw. secret_seed_hex is the commit-reveal secret,
-- never shown before the draw. draw_file is the complete verification file.
CREATE TABLE plan_draws (
  plan_id INTEGER PRIMARY KEY REFERENCES inspection_plans(id),
  commitment_id TEXT NOT NULL UNIQUE,
  commitment_text TEXT NOT NULL,
  committed_at INTEGER NOT NULL,
  committed_by TEXT NOT NULL,
  secret_seed_hex TEXT NOT NULL DEFAULT '',
  input_file TEXT NOT NULL,
  seed_hex TEXT NOT NULL DEFAULT '',
  draw_file TEXT NOT NULL DEFAULT '',
  drawn_at INTEGER NOT NULL DEFAULT 0,
  drawn_by TEXT NOT NULL DEFAULT ''
);

-- One drawn entity: its inspectors (task_inspectors) and, once inspected, the result.
CREATE TABLE inspection_tasks (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES inspection_plans(id),
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  credit_code TEXT NOT NULL,
  stratum TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('assigned', 'done', 'cancelled')),
  outcome TEXT NOT NULL DEFAULT '',
  findings TEXT NOT NULL DEFAULT '',
  inspected_on TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (plan_id, entity_id)
);
CREATE INDEX inspection_tasks_entity ON inspection_tasks(entity_id);

CREATE TABLE task_inspectors (
  task_id INTEGER NOT NULL REFERENCES inspection_tasks(id),
  position INTEGER NOT NULL,
  inspector_id INTEGER NOT NULL REFERENCES inspectors(id),
  PRIMARY KEY (task_id, position)
);
CREATE INDEX task_inspectors_inspector ON task_inspectors(inspector_id);

-- Why each recusal after the draw was made (the replacement itself is in the draw file).
CREATE TABLE draw_recusals (
  plan_id INTEGER NOT NULL REFERENCES inspection_plans(id),
  n INTEGER NOT NULL,
  task_id INTEGER NOT NULL REFERENCES inspection_tasks(id),
  recused_inspector_id INTEGER NOT NULL REFERENCES inspectors(id),
  replacement_inspector_id INTEGER NOT NULL REFERENCES inspectors(id),
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  by_user TEXT NOT NULL,
  PRIMARY KEY (plan_id, n)
);
