-- 0020_speech_spans: a quote's or claim's text is the text of its span of
-- the article, so it is stored as '' when it is exactly that, as mentions
-- are (0018 note in docs/schema.md): 1,160 bytes an article (issue 18).
-- Readers take the span when text is ''; the views quote_details and
-- claim_details give the text either way. Rows stored before keep their
-- text.
--
-- The full-text indexes keep the real text: the writer indexes it itself
-- (0006), and the delete and update triggers below take out the text that
-- was indexed, read from the article when the row holds ''. The article
-- must still be there: delete an article's quotes and claims before the
-- article, as whosaid does (with foreign keys on, the cascade deletes them
-- after it, which leaves their words in the index). To index from scratch,
-- read the text from the views ('rebuild' would read the '' of the table):
--   INSERT INTO quotes_fts (quotes_fts) VALUES ('delete-all');
--   INSERT INTO quotes_fts (rowid, text) SELECT quote_id, text FROM quote_details;
DROP TRIGGER quotes_fts_delete;
DROP TRIGGER quotes_fts_update;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, CASE WHEN old.text <> '' OR old."end" <= old.start THEN old.text ELSE (SELECT CAST(substr(
        coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)), old.start + 1, old."end" - old.start) AS TEXT)
        FROM articles a WHERE a.id = old.article_id) END);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, start, "end" ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, CASE WHEN old.text <> '' OR old."end" <= old.start THEN old.text ELSE (SELECT CAST(substr(
        coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)), old.start + 1, old."end" - old.start) AS TEXT)
        FROM articles a WHERE a.id = old.article_id) END);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, CASE WHEN new.text <> '' OR new."end" <= new.start THEN new.text ELSE (SELECT CAST(substr(
        coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)), new.start + 1, new."end" - new.start) AS TEXT)
        FROM articles a WHERE a.id = new.article_id) END);
END;
DROP TRIGGER claims_fts_delete;
DROP TRIGGER claims_fts_update;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, CASE WHEN old.text <> '' OR old."end" <= old.start THEN old.text ELSE (SELECT CAST(substr(
        coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)), old.start + 1, old."end" - old.start) AS TEXT)
        FROM articles a WHERE a.id = old.article_id) END);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, start, "end" ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, CASE WHEN old.text <> '' OR old."end" <= old.start THEN old.text ELSE (SELECT CAST(substr(
        coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)), old.start + 1, old."end" - old.start) AS TEXT)
        FROM articles a WHERE a.id = old.article_id) END);
    INSERT INTO claims_fts (rowid, text) VALUES (new.id, CASE WHEN new.text <> '' OR new."end" <= new.start THEN new.text ELSE (SELECT CAST(substr(
        coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)), new.start + 1, new."end" - new.start) AS TEXT)
        FROM articles a WHERE a.id = new.article_id) END);
END;

DROP VIEW quote_details;
DROP VIEW claim_details;

CREATE VIEW quote_details AS
SELECT q.id AS quote_id, CASE WHEN q.text <> '' OR q."end" <= q.start THEN q.text
           ELSE CAST(substr(coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)), q.start + 1, q."end" - q.start) AS TEXT) END AS text,
       q.kind, q.cue,
       s.id AS speaker_id, s.name AS speaker, s.kind AS speaker_kind,
       a.id AS article_id, a.url, a.title, a.published, a.outlet,
       coalesce(q.sentence, CAST(substr(coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)),
           q.sentence_start + 1, q.sentence_end - q.sentence_start) AS TEXT)) AS sentence,
       q.start, q."end"
FROM quotes q
JOIN speakers s ON s.id = q.speaker_id
JOIN articles a ON a.id = q.article_id;

CREATE VIEW claim_details AS
SELECT c.id AS claim_id, CASE WHEN c.text <> '' OR c."end" <= c.start THEN c.text
           ELSE CAST(substr(coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)), c.start + 1, c."end" - c.start) AS TEXT) END AS text,
       c.cue,
       s.id AS speaker_id, s.name AS speaker, s.kind AS speaker_kind,
       a.id AS article_id, a.url, a.title, a.published, a.outlet,
       coalesce(c.sentence, CAST(substr(coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB)),
           c.sentence_start + 1, c.sentence_end - c.sentence_start) AS TEXT)) AS sentence,
       c.start, c."end"
FROM claims c
JOIN speakers s ON s.id = c.speaker_id
JOIN articles a ON a.id = c.article_id;
