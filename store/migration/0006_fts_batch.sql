-- 0006_fts_batch: the writer indexes the quotes and claims it adds itself,
-- once per batch (store/fts.go), instead of a trigger per row. FTS5 writes
-- its pending terms out as a new segment at every savepoint, and SQLite
-- opens a statement savepoint for every insert that fires a trigger, so the
-- insert triggers made one index segment per quote and kept FTS5 merging
-- them: two thirds of the time of storing an article. The delete and update
-- triggers stay: they are rare, and a delete must take out exactly the text
-- that was indexed.
--
-- Whoever inserts into quotes or claims outside whosaid must now also
-- insert into quotes_fts or claims_fts (rowid, text), or run
-- INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild').
DROP TRIGGER quotes_fts_insert;
DROP TRIGGER claims_fts_insert;
