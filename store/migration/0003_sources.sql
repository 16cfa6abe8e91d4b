-- 0003_sources: where stories come from. fetches remembers each URL's HTTP
-- validators, so a re-run sends conditional GETs and downloads only what
-- changed. occurrences lists every copy of a story seen (the first included),
-- so a wire story carried by five outlets is one article with five
-- occurrences. article_sketches holds the MinHash LSH bands that find
-- near-duplicate copies (see store/dedupe.go).

CREATE TABLE fetches (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    fetched_at    TEXT NOT NULL,
    status        INTEGER NOT NULL
);

-- article_id has no foreign key on purpose: when a story is replaced by a
-- newer version under the same id, its copies stay listed.
CREATE TABLE occurrences (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    copy_id    TEXT NOT NULL,
    url        TEXT,
    outlet     TEXT,
    title      TEXT,
    published  TEXT,
    source     TEXT,
    match      TEXT NOT NULL CHECK (match IN ('first', 'content', 'url', 'near')),
    similarity REAL NOT NULL DEFAULT 1,
    seen_at    TEXT NOT NULL,
    UNIQUE (article_id, copy_id)
);
CREATE INDEX occurrences_copy ON occurrences (copy_id);

INSERT INTO occurrences (article_id, copy_id, url, outlet, title, published, source, match, seen_at)
SELECT id, id, url, outlet, title, published, source, 'first', ingested_at FROM articles;

CREATE TABLE article_sketches (
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;
CREATE INDEX article_sketches_article ON article_sketches (article_id);

CREATE INDEX articles_url ON articles (url);
