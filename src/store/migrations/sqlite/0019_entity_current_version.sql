-- An entity's current version is its `entities` row, now with the source of
-- the write that made it; entity_versions keeps only the versions it
-- superseded. A new entity is written once instead of twice (a million-row
-- import wrote every row into both tables), and the history reads the same.
ALTER TABLE entities ADD COLUMN source TEXT NOT NULL DEFAULT '';
UPDATE entities SET source = COALESCE((SELECT v.source FROM entity_versions v
  WHERE v.entity_id = entities.id AND v.version = entities.version), '');
DELETE FROM entity_versions WHERE EXISTS (SELECT 1 FROM entities e
  WHERE e.id = entity_versions.entity_id AND e.version = entity_versions.version);
