-- 一公开: a result corrected after publication is published again with the
-- day of the correction and its note, and every result ever recorded for a
-- task is kept (docs/inspection-plans.md, "Correcting a published result").
ALTER TABLE inspection_tasks ADD COLUMN corrected_on TEXT NOT NULL DEFAULT '';
ALTER TABLE inspection_tasks ADD COLUMN correction_note TEXT NOT NULL DEFAULT '';

CREATE TABLE task_result_history (
  task_id INTEGER NOT NULL REFERENCES inspection_tasks(id),
  version INTEGER NOT NULL,                     -- the task's version this result became
  outcome TEXT NOT NULL,
  findings TEXT NOT NULL,
  inspected_on TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  correction_note TEXT NOT NULL DEFAULT '',  -- '' = recorded before publication
  PRIMARY KEY (task_id, version)
);
