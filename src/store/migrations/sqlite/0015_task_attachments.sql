-- Photos and files attached to an inspection result (检查结果附件). A
-- withdrawn attachment keeps its row and bytes (withdrawn_at/by set), so a
-- result's evidence is never silently lost.
CREATE TABLE task_attachments (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES inspection_tasks(id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0),
  sm3 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at INTEGER NOT NULL,
  withdrawn_at INTEGER NOT NULL DEFAULT 0,  -- 0 = in force
  withdrawn_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_attachments_task ON task_attachments (task_id, id);
