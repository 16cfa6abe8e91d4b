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

-- quote_details and claim_details read the sentence from the text: 0020
-- gives them their new form.
