-- A result's severity (问题严重程度, with a problem only) and its checklist:
-- each point of the plan's items as the inspector found it.
ALTER TABLE inspection_tasks ADD COLUMN severity TEXT NOT NULL DEFAULT ''
  CHECK (severity IN ('', 'minor', 'moderate', 'serious'));
ALTER TABLE task_result_history ADD COLUMN severity TEXT NOT NULL DEFAULT '';

CREATE TABLE task_checklist (
  task_id BIGINT NOT NULL REFERENCES inspection_tasks(id),
  position BIGINT NOT NULL,
  item_code TEXT NOT NULL,
  point TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('conform', 'nonconform', 'not_applicable')),
  PRIMARY KEY (task_id, position)
);
