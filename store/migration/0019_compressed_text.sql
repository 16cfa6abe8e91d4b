-- 0019_compressed_text: an article's text is stored compressed, in the form
-- SQLite's sqlar archives use (issue 18: a 4 KB page held one ~3 KB
-- article, the text a third of the file). body is the zlib stream of the
-- text, or the text itself as a blob when that is not shorter, and size is
-- the text's length in bytes; sqlar_uncompress(body, size) gives the text
-- back. The sqlite3 command line has that function built in, whosaid
-- registers the same on its connections (store/sqlar), and Python adds it
-- in one line (docs/schema.md). text is '' in such rows.
--
-- Rows stored before keep their text in text, with body and size NULL,
-- and readers take either: sqlar_uncompress(NULL, NULL) is NULL. Rewriting
-- them here would hold every changed page of the table in memory at once
-- (0018's note on the mentions: 408 MB at 100,000 articles).
ALTER TABLE articles ADD COLUMN body BLOB;
ALTER TABLE articles ADD COLUMN size INTEGER;

-- article_texts gives each article's text, whichever way it is stored.
CREATE VIEW article_texts AS
SELECT id, coalesce(CAST(sqlar_uncompress(body, size) AS TEXT), text) AS text
FROM articles;

DROP VIEW quote_details;
DROP VIEW claim_details;

CREATE VIEW quote_details AS
SELECT q.id AS quote_id, q.text, q.kind, q.cue,
       s.id AS speaker_id, s.name AS speaker, s.kind AS speaker_kind,
       a.id AS article_id, a.url, a.title, a.published, a.outlet,
       coalesce(q.sentence, CAST(substr(coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)),
           q.sentence_start + 1, q.sentence_end - q.sentence_start) AS TEXT)) AS sentence,
       q.start, q."end"
FROM quotes q
JOIN speakers s ON s.id = q.speaker_id
JOIN articles a ON a.id = q.article_id;

CREATE VIEW claim_details AS
SELECT c.id AS claim_id, c.text, c.cue,
       s.id AS speaker_id, s.name AS speaker, s.kind AS speaker_kind,
       a.id AS article_id, a.url, a.title, a.published, a.outlet,
       coalesce(c.sentence, CAST(substr(coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)),
           c.sentence_start + 1, c.sentence_end - c.sentence_start) AS TEXT)) AS sentence,
       c.start, c."end"
FROM claims c
JOIN speakers s ON s.id = c.speaker_id
JOIN articles a ON a.id = c.article_id;
