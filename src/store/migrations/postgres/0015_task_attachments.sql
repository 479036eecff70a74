-- Photos and files attached to an inspection result (检查结果附件). A
-- withdrawn attachment keeps its row and bytes (withdrawn_at/by set), so a
-- result's evidence is never silently lost.
CREATE TABLE task_attachments (
  id BIGSERIAL PRIMARY KEY,
  task_id BIGINT NOT NULL REFERENCES inspection_tasks(id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL CHECK (size > 0),
  sm3 TEXT NOT NULL,
  bytes BYTEA NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at BIGINT NOT NULL,
  withdrawn_at BIGINT NOT NULL DEFAULT 0,  -- 0 = in force
  withdrawn_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_attachments_task ON task_attachments (task_id, id);
