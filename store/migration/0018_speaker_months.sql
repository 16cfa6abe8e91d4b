-- 0018_speaker_months: what a speaker page and a deep listing read at
-- 100,000 articles (issue 18).
--
-- speaker_months counts each speaker's quotes and claims by month of
-- publication, kept by triggers, so a speaker page reads a row a month
-- instead of joining every quote of the speaker to its article (a second
-- for the most quoted speaker). The writer stores an article's quotes and
-- claims before the article row, which records their id ranges (0013), and
-- deletes them before it: the article's insert adds its counts, and each
-- deleted quote or claim takes its own back while the article is still
-- there. A month whose counts reach zero is removed, as a month with
-- nothing said was never listed.
CREATE TABLE speaker_months (
    speaker_id INTEGER NOT NULL,
    month      TEXT NOT NULL,
    quotes     INTEGER NOT NULL DEFAULT 0,
    claims     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (speaker_id, month)
) WITHOUT ROWID;

INSERT INTO speaker_months (speaker_id, month, quotes, claims)
SELECT w.speaker_id, substr(a.published, 1, 7), sum(w.quote), sum(1 - w.quote)
FROM (SELECT speaker_id, article_id, 1 AS quote FROM quotes
      UNION ALL SELECT speaker_id, article_id, 0 FROM claims) w
JOIN articles a ON a.id = w.article_id
WHERE a.published IS NOT NULL
GROUP BY w.speaker_id, substr(a.published, 1, 7);

CREATE TRIGGER articles_months_insert AFTER INSERT ON articles WHEN new.published IS NOT NULL BEGIN
    INSERT INTO speaker_months (speaker_id, month, quotes, claims)
    SELECT speaker_id, substr(new.published, 1, 7), sum(quote), sum(1 - quote)
    FROM (SELECT speaker_id, 1 AS quote FROM quotes WHERE id BETWEEN new.quotes_first AND new.quotes_last
          UNION ALL SELECT speaker_id, 0 FROM claims WHERE id BETWEEN new.claims_first AND new.claims_last)
    WHERE true GROUP BY speaker_id
    ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes, claims = claims + excluded.claims;
END;

CREATE TRIGGER quotes_months_delete AFTER DELETE ON quotes BEGIN
    UPDATE speaker_months SET quotes = quotes - 1
    WHERE speaker_id = old.speaker_id AND month = (SELECT substr(published, 1, 7) FROM articles WHERE id = old.article_id);
    DELETE FROM speaker_months WHERE speaker_id = old.speaker_id AND quotes = 0 AND claims = 0;
END;
CREATE TRIGGER claims_months_delete AFTER DELETE ON claims BEGIN
    UPDATE speaker_months SET claims = claims - 1
    WHERE speaker_id = old.speaker_id AND month = (SELECT substr(published, 1, 7) FROM articles WHERE id = old.article_id);
    DELETE FROM speaker_months WHERE speaker_id = old.speaker_id AND quotes = 0 AND claims = 0;
END;

-- A listing that walks articles in date order (store/filter.go) reads
-- each article's id ranges from the index instead of from the article's
-- row, a page of its own that holds the text: a deep --offset walked
-- thousands of them.
DROP INDEX articles_order;
CREATE INDEX articles_order ON articles ((published IS NULL), published, id,
    quotes_first, quotes_last, claims_first, claims_last);
