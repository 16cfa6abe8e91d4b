-- 0019_mention_spans: an entity's mention and a quote's or claim's
-- speaker mention are spans of the article's text, and the extractor's
-- mention text is always the text of its span: it is stored as '' then,
-- and read from the article (store/article.go), instead of a second copy
-- of the text, about 350 bytes an article (issue 18). A mention whose
-- text is not its span (findings built by hand) keeps its text.
UPDATE mentions SET text = ''
WHERE text <> '' AND "end" > start AND text = (
    SELECT CAST(substr(CAST(a.text AS BLOB), mentions.start + 1, mentions."end" - mentions.start) AS TEXT)
    FROM entities e JOIN articles a ON a.id = e.article_id WHERE e.id = mentions.entity_id);

UPDATE quotes SET speaker_text = ''
WHERE speaker_text <> '' AND speaker_end > speaker_start AND speaker_text = (
    SELECT CAST(substr(CAST(a.text AS BLOB), quotes.speaker_start + 1, quotes.speaker_end - quotes.speaker_start) AS TEXT)
    FROM articles a WHERE a.id = quotes.article_id);

UPDATE claims SET speaker_text = ''
WHERE speaker_text <> '' AND speaker_end > speaker_start AND speaker_text = (
    SELECT CAST(substr(CAST(a.text AS BLOB), claims.speaker_start + 1, claims.speaker_end - claims.speaker_start) AS TEXT)
    FROM articles a WHERE a.id = claims.article_id);
