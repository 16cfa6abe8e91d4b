-- 0012_sentence_spans: a quote's or claim's sentence is a span of the
-- article's text, so it is kept as a byte span (sentence_start,
-- sentence_end) instead of a second copy of the text: the sentences were
-- half of the quotes and claims tables and an eighth of the whole file
-- (issue 18). sentence keeps the text only when it is not found in the
-- article (findings built by hand); the views quote_details and
-- claim_details give the sentence either way.
ALTER TABLE quotes ADD COLUMN sentence_start INTEGER;
ALTER TABLE quotes ADD COLUMN sentence_end INTEGER;
ALTER TABLE claims ADD COLUMN sentence_start INTEGER;
ALTER TABLE claims ADD COLUMN sentence_end INTEGER;

-- instr on blobs counts bytes. The first place the sentence occurs holds
-- the same text as any other.
UPDATE quotes SET sentence_start = (SELECT instr(CAST(a.text AS BLOB), CAST(quotes.sentence AS BLOB)) - 1
    FROM articles a WHERE a.id = quotes.article_id) WHERE sentence IS NOT NULL;
UPDATE quotes SET sentence_end = sentence_start + length(CAST(sentence AS BLOB)), sentence = NULL
WHERE sentence_start >= 0;
UPDATE quotes SET sentence_start = NULL WHERE sentence_start < 0;

UPDATE claims SET sentence_start = (SELECT instr(CAST(a.text AS BLOB), CAST(claims.sentence AS BLOB)) - 1
    FROM articles a WHERE a.id = claims.article_id) WHERE sentence IS NOT NULL;
UPDATE claims SET sentence_end = sentence_start + length(CAST(sentence AS BLOB)), sentence = NULL
WHERE sentence_start >= 0;
UPDATE claims SET sentence_start = NULL WHERE sentence_start < 0;

DROP VIEW quote_details;
DROP VIEW claim_details;

CREATE VIEW quote_details AS
SELECT q.id AS quote_id, q.text, q.kind, q.cue,
       s.id AS speaker_id, s.name AS speaker, s.kind AS speaker_kind,
       a.id AS article_id, a.url, a.title, a.published, a.outlet,
       coalesce(q.sentence, CAST(substr(CAST(a.text AS BLOB), q.sentence_start + 1,
           q.sentence_end - q.sentence_start) AS TEXT)) AS sentence,
       q.start, q."end"
FROM quotes q
JOIN speakers s ON s.id = q.speaker_id
JOIN articles a ON a.id = q.article_id;

CREATE VIEW claim_details AS
SELECT c.id AS claim_id, c.text, c.cue,
       s.id AS speaker_id, s.name AS speaker, s.kind AS speaker_kind,
       a.id AS article_id, a.url, a.title, a.published, a.outlet,
       coalesce(c.sentence, CAST(substr(CAST(a.text AS BLOB), c.sentence_start + 1,
           c.sentence_end - c.sentence_start) AS TEXT)) AS sentence,
       c.start, c."end"
FROM claims c
JOIN speakers s ON s.id = c.speaker_id
JOIN articles a ON a.id = c.article_id;
