-- 0009_partial_code_index: only countries and places have a code, a
-- quarter of all entities; the index that answers --country needs no
-- entry for the rest. A query on code = ? implies code IS NOT NULL, so
-- SQLite still uses it.
DROP INDEX entities_code;
CREATE INDEX entities_code ON entities (code, article_id) WHERE code IS NOT NULL;
