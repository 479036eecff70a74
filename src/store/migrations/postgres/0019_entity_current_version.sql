-- An entity's current version is its `entities` row, now with the source of
-- the write that made it; entity_versions keeps only the versions it
-- superseded. A new entity is written once instead of twice (a million-row
-- import wrote every row into both tables, each version row checked against
-- its entity), and the history reads the same.
ALTER TABLE entities ADD COLUMN source TEXT NOT NULL DEFAULT '';
UPDATE entities e SET source = v.source FROM entity_versions v
  WHERE v.entity_id = e.id AND v.version = e.version;
DELETE FROM entity_versions v USING entities e
  WHERE e.id = v.entity_id AND e.version = v.version;
