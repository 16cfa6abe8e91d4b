-- 0013_article_ranges: an article's entities, dates, quotes and claims are
-- stored with ids in sequence (the writer gives them, article after
-- article), so each article records the first and last id of its rows in
-- each table, and its rows are read and deleted by that id range. The
-- indexes on article_id they replace had an entry per row at a random
-- place (article ids are hashes): a tenth of the file, and pages the
-- writer read and wrote again at every batch once the archive outgrew the
-- page cache (issue 18). article_id stays in every table, for joins.
ALTER TABLE articles ADD COLUMN entities_first INTEGER;
ALTER TABLE articles ADD COLUMN entities_last INTEGER;
ALTER TABLE articles ADD COLUMN dates_first INTEGER;
ALTER TABLE articles ADD COLUMN dates_last INTEGER;
ALTER TABLE articles ADD COLUMN quotes_first INTEGER;
ALTER TABLE articles ADD COLUMN quotes_last INTEGER;
ALTER TABLE articles ADD COLUMN claims_first INTEGER;
ALTER TABLE articles ADD COLUMN claims_last INTEGER;

UPDATE articles SET
    entities_first = (SELECT min(id) FROM entities WHERE article_id = articles.id),
    entities_last = (SELECT max(id) FROM entities WHERE article_id = articles.id),
    dates_first = (SELECT min(id) FROM dates WHERE article_id = articles.id),
    dates_last = (SELECT max(id) FROM dates WHERE article_id = articles.id),
    quotes_first = (SELECT min(id) FROM quotes WHERE article_id = articles.id),
    quotes_last = (SELECT max(id) FROM quotes WHERE article_id = articles.id),
    claims_first = (SELECT min(id) FROM claims WHERE article_id = articles.id),
    claims_last = (SELECT max(id) FROM claims WHERE article_id = articles.id);

-- Every whosaid writer stored an article's rows in one run of ids. Rows
-- of another article inside a range (written by hand) would be read as
-- the article's: refuse to upgrade such a file rather than mix articles.
CREATE TEMP TABLE ranges_hold (ok INTEGER CHECK (ok = 1));
INSERT INTO ranges_hold SELECT NOT EXISTS (
    SELECT 1 FROM articles a JOIN entities x ON x.id BETWEEN a.entities_first AND a.entities_last WHERE x.article_id <> a.id
    UNION ALL SELECT 1 FROM articles a JOIN dates x ON x.id BETWEEN a.dates_first AND a.dates_last WHERE x.article_id <> a.id
    UNION ALL SELECT 1 FROM articles a JOIN quotes x ON x.id BETWEEN a.quotes_first AND a.quotes_last WHERE x.article_id <> a.id
    UNION ALL SELECT 1 FROM articles a JOIN claims x ON x.id BETWEEN a.claims_first AND a.claims_last WHERE x.article_id <> a.id);
DROP TABLE ranges_hold;

DROP INDEX entities_article;
DROP INDEX dates_article;
DROP INDEX quotes_article;
DROP INDEX claims_article;
