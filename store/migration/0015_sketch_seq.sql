-- 0015_sketch_seq: each article gets a number, seq, in the order stored,
-- and its near-duplicate sketch rows name it by that number instead of
-- its text id: a sketch row shrinks from about 33 bytes to 16, and the
-- sketch is twenty rows an article at random places, looked up and
-- written for every article ingested (issue 18).
ALTER TABLE articles ADD COLUMN seq INTEGER;
UPDATE articles SET seq = rowid;
CREATE UNIQUE INDEX articles_seq ON articles (seq);

CREATE TABLE article_sketches_seq (
    band    INTEGER NOT NULL,
    hash    INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article)
) WITHOUT ROWID;
INSERT INTO article_sketches_seq (band, hash, article)
SELECT s.band, s.hash, a.seq FROM article_sketches s JOIN articles a ON a.id = s.article_id;
DROP TABLE article_sketches;
ALTER TABLE article_sketches_seq RENAME TO article_sketches;
