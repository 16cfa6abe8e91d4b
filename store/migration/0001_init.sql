-- 0001_init: the first whosaid schema. Offsets (start, "end") are UTF-8 byte
-- offsets into articles.text, end exclusive. Optional text is NULL, not ''.

CREATE TABLE articles (
    id              TEXT PRIMARY KEY,
    url             TEXT,
    title           TEXT,
    byline          TEXT,
    published       TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    outlet          TEXT,
    dateline_place  TEXT,
    dateline_agency TEXT,
    dateline_date   TEXT,
    dateline_end    INTEGER,
    text            TEXT NOT NULL,
    source          TEXT,
    content_hash    TEXT NOT NULL UNIQUE,
    findings_hash   TEXT NOT NULL,
    ingested_at     TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published, id);

CREATE TABLE entities (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type       TEXT NOT NULL,
    name       TEXT NOT NULL,
    code       TEXT,
    titles     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(titles) AND json_type(titles) = 'array')
);
CREATE INDEX entities_article ON entities (article_id);
CREATE INDEX entities_name ON entities (name COLLATE NOCASE, type);

CREATE TABLE mentions (
    id        INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    CHECK (start >= 0 AND "end" >= start)
);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE speakers (
    id   INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    UNIQUE (kind, name)
);
CREATE INDEX speakers_name ON speakers (name);

CREATE TABLE speaker_aliases (
    speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    alias      TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (speaker_id, alias)
);
CREATE INDEX speaker_aliases_alias ON speaker_aliases (alias);

CREATE TABLE dates (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT NOT NULL,
    CHECK (start >= 0 AND "end" >= start)
);
CREATE INDEX dates_article ON dates (article_id);
CREATE INDEX dates_value ON dates (value);

CREATE TABLE amounts (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    value      REAL NOT NULL,
    unit       TEXT NOT NULL,
    "of"       TEXT,
    target     INTEGER NOT NULL DEFAULT 0 CHECK (target IN (0, 1)),
    deadline   TEXT,
    holder     TEXT,
    CHECK (start >= 0 AND "end" >= start)
);
CREATE INDEX amounts_article ON amounts (article_id);
CREATE INDEX amounts_target ON amounts (article_id, start) WHERE target = 1;

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    cue           TEXT,
    speaker_id    INTEGER NOT NULL REFERENCES speakers (id),
    speaker_start INTEGER,
    speaker_end   INTEGER,
    speaker_text  TEXT,
    sentence      TEXT,
    CHECK (start >= 0 AND "end" >= start),
    CHECK (speaker_start IS NULL OR (speaker_start >= 0 AND speaker_end >= speaker_start))
);
CREATE INDEX quotes_article ON quotes (article_id, start);
CREATE INDEX quotes_speaker ON quotes (speaker_id);

CREATE TABLE claims (
    id            INTEGER PRIMARY KEY,
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          TEXT NOT NULL,
    cue           TEXT,
    speaker_id    INTEGER NOT NULL REFERENCES speakers (id),
    speaker_start INTEGER,
    speaker_end   INTEGER,
    speaker_text  TEXT,
    sentence      TEXT,
    CHECK (start >= 0 AND "end" >= start),
    CHECK (speaker_start IS NULL OR (speaker_start >= 0 AND speaker_end >= speaker_start))
);
CREATE INDEX claims_article ON claims (article_id, start);
CREATE INDEX claims_speaker ON claims (speaker_id);

-- Full-text indexes over quote and claim text. They are external-content
-- tables: the text lives once, in quotes/claims, and the triggers below keep
-- the index in step with every insert, update and delete (including the
-- cascade when an article is replaced).
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content = 'quotes', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, content = 'claims', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
END;

-- Convenience views: one row per quote or claim with its speaker and article,
-- for sqlite3, Datasette and pandas users who want a flat table.
CREATE VIEW quote_details AS
SELECT q.id AS quote_id, q.text, q.kind, q.cue,
       s.id AS speaker_id, s.name AS speaker, s.kind AS speaker_kind,
       a.id AS article_id, a.url, a.title, a.published, a.outlet,
       q.sentence, q.start, q."end"
FROM quotes q
JOIN speakers s ON s.id = q.speaker_id
JOIN articles a ON a.id = q.article_id;

CREATE VIEW claim_details AS
SELECT c.id AS claim_id, c.text, c.cue,
       s.id AS speaker_id, s.name AS speaker, s.kind AS speaker_kind,
       a.id AS article_id, a.url, a.title, a.published, a.outlet,
       c.sentence, c.start, c."end"
FROM claims c
JOIN speakers s ON s.id = c.speaker_id
JOIN articles a ON a.id = c.article_id;
