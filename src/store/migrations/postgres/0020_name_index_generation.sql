-- One row whose generation is drawn at random again by every transaction that
-- changes the name index (entity_name_postings, entity_name_keys), in that
-- transaction and before its other writes to them. A searcher that reads the
-- same generation before and after reading the index knows what it read is
-- the index at that generation, and reuses it while the generation stays
-- (sql_name_search.cc): one row read per search instead of the revisions of
-- hundreds of blocks. Derived like the index: not in the exchange format.
CREATE TABLE entity_name_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO entity_name_generation (id, generation) VALUES (1, 0);
