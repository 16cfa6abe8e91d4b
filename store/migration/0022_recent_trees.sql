-- 0022_recent_trees: the entity name index becomes two tables, a large
-- one and a small one that takes the new names, merged into the large one
-- in key order when it has grown to an eighth of it (issue 18); so do the
-- near-duplicate sketches.
--
-- entities_by_name was keyed by the name, so the ~30 entities of every
-- article landed on pages all over it: at 100,000 articles the index was
-- 75 MB, beyond the writer's 64 MiB page cache, and every batch of a few
-- thousand articles read and rewrote nearly all of its pages. Ingesting
-- a 12,500-article block into that archive took 4.8 ms of CPU an article,
-- 3.7 with the index dropped; inserting each batch's rows sorted, at its
-- commit, saved nothing, since a batch still touched every page. Now an
-- article's names go into entity_names_recent, a tree small enough to stay
-- in the cache, and the writer moves its rows into entity_names, in key
-- order, when it holds an eighth as many (store/recent): the large tree
-- is rewritten once for every eighth of its size added, instead of once a
-- batch. Queries read both (a name's rows are in one or the other).
--
-- A row is what the index held: the name, the titles and the entity's
-- id, which leads to its row (and article).
CREATE TABLE entity_names (
    name    TEXT NOT NULL COLLATE NOCASE,
    titles  TEXT NOT NULL,
    id      INTEGER NOT NULL,
    PRIMARY KEY (name, titles, id)
) WITHOUT ROWID;
CREATE TABLE entity_names_recent (
    name    TEXT NOT NULL COLLATE NOCASE,
    titles  TEXT NOT NULL,
    id      INTEGER NOT NULL,
    PRIMARY KEY (name, titles, id)
) WITHOUT ROWID;
-- Read through the old index, in its order: no sort, and appended to the
-- new tree's last page.
INSERT OR FAIL INTO entity_names (name, titles, id)
SELECT name, titles, id FROM entities INDEXED BY entities_by_name
ORDER BY name COLLATE NOCASE, titles, id;
DROP INDEX entities_by_name;

-- The near-duplicate sketches (0015) likewise: twenty rows an article at
-- random places in a tree of 40 MB at 100,000 articles. New rows go into
-- article_sketches_recent and are moved into article_sketches as the
-- names are; the writer's look-ups read both.
CREATE TABLE article_sketches_recent (
    band    INTEGER NOT NULL,
    hash    INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article)
) WITHOUT ROWID;
