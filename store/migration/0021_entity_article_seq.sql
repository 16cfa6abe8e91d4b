-- 0021_entity_article_seq: an entity, and a date, names its article by the
-- article's number, seq (0015), instead of its text id: two or three bytes
-- instead of seventeen, in the largest table by rows (29 entities an
-- article at 17,860 articles of the scale corpus: 500 bytes an article,
-- issue 18) and in dates (7 an article). The writer finds an article's
-- entities and dates by their id ranges (0013); the column serves joins:
-- entities e JOIN articles a ON a.seq = e.article. A date's text is stored
-- '' when it is the text of its span, as a mention's (0018 on).
--
-- The table is rebuilt, as 0015 rebuilt the sketches: the new table and
-- its index are written at the end of the file, and then the old ones
-- dropped. The index takes a new name (entities_by_name) because it exists
-- before the old one goes: built after, it would fill the pages the old
-- table freed, and SQLite keeps the former content of every page a
-- statement rewrites in memory; and it is filled row by row, since
-- CREATE INDEX on the full table sorts all its keys in memory (temp_store
-- is MEMORY). At 100,000 articles, for entities alone: 398, 353 and then
-- 134 MB of RSS; with dates, 188 MB and 46 s.
CREATE TABLE entities_seq (
    id      INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    type    TEXT NOT NULL,
    name    TEXT NOT NULL,
    code    TEXT,
    titles  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(titles) AND json_type(titles) = 'array')
);
CREATE INDEX entities_by_name ON entities_seq (name COLLATE NOCASE, titles);
INSERT INTO entities_seq (id, article, type, name, code, titles)
SELECT e.id, a.seq, e.type, e.name, e.code, e.titles
FROM entities e JOIN articles a ON a.id = e.article_id ORDER BY e.id;
DROP TABLE entities;
ALTER TABLE entities_seq RENAME TO entities;

CREATE TABLE dates_seq (
    id      INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,
    value   TEXT NOT NULL,
    CHECK (start >= 0 AND "end" >= start)
);
INSERT INTO dates_seq (id, article, start, "end", text, value)
SELECT d.id, a.seq, d.start, d."end", d.text, d.value
FROM dates d JOIN articles a ON a.id = d.article_id ORDER BY d.id;
DROP TABLE dates;
ALTER TABLE dates_seq RENAME TO dates;
