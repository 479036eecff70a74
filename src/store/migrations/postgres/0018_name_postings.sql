-- The name index becomes positional posting lists (domain/name_postings.h):
-- one row per gram and block of 16384 entity ids instead of one row per gram
-- and entity (3M names: 33M rows, a second index, and a count that had to
-- visit every match). `entities` is the block's count of distinct entities
-- (a two-character query's total is their sum); `rev` is drawn at random on
-- every write and keys the searchers' cache of decoded blocks. The lists are
-- filled from entities.name_fold by the store after this migration.
-- Definition, which a contract test checks after every kind of write:
--   for every entity e and every i, the gram at code points i, i+1 of
--   e.name_fold is in the entries of (gram, e.id >> 14) as (e.id & 16383, i),
--   and nothing else is; min_key/max_key are the least/greatest NameKey(name)
--   of the block's entities, and entity_name_keys holds NameKey(e.name) at
--   (e.id >> 12, e.id & 4095) for every entity and nothing else.
DROP TABLE entity_name_grams;
CREATE TABLE entity_name_postings (
  gram TEXT NOT NULL,
  block BIGINT NOT NULL,
  entities INTEGER NOT NULL,
  rev BIGINT NOT NULL,
  -- The least and greatest name key (entity_name_keys) of the block's
  -- entities, as signed 64-bit: where a name-ordered walk for the gram starts.
  min_key BIGINT NOT NULL DEFAULT 0,
  max_key BIGINT NOT NULL DEFAULT 0,
  entries BYTEA NOT NULL,
  PRIMARY KEY (gram, block)
);
-- Name order without reading names: per block of 4096 ids, each entity's
-- first 8 name bytes (domain/name_postings.h NameKey), so a page of matches
-- sorted by name needs the names of only the few matches that tie.
CREATE TABLE entity_name_keys (
  block BIGINT PRIMARY KEY,
  rev BIGINT NOT NULL,
  keys BYTEA NOT NULL
);
-- Read whole, never searched inside: no compression to undo on every read.
ALTER TABLE entity_name_postings ALTER COLUMN entries SET STORAGE EXTERNAL;
ALTER TABLE entity_name_keys ALTER COLUMN keys SET STORAGE EXTERNAL;
-- The directory in code-point name order (the order of every name sort): a
-- common query's first page is the first few hundred names of this index that
-- hold it.
CREATE INDEX entities_name ON entities(name COLLATE "C", id);
