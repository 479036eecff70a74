-- Name keys (entity_name_keys, and min_key/max_key of entity_name_postings)
-- become the first four characters of a name, 16 bits each
-- (domain/name_postings.h NameKey), instead of its first 8 bytes: two and a
-- third Chinese characters told few names apart, and a page of matches sorted
-- by name read the names of every match that tied. The index is cleared here
-- and filled again from the entities by the store right after the migrations
-- (sql_name_index.cc FillNamePostingsIfMissing), which draws a new
-- generation so no searcher keeps keys of the old kind.
DELETE FROM entity_name_postings;
DELETE FROM entity_name_keys;
