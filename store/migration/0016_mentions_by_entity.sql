-- 0016_mentions_by_entity: mentions are stored in the order of their
-- entity (a WITHOUT ROWID table keyed by entity_id and id), as they are
-- read, so they need no index of their own: mentions_entity was a third of
-- the mentions' bytes (issue 18). Entities get ids in sequence, so rows
-- still go in at the table's end. id keeps numbering each mention.
CREATE TABLE mentions_by_entity (
    id        INTEGER NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    CHECK (start >= 0 AND "end" >= start),
    PRIMARY KEY (entity_id, id)
) WITHOUT ROWID;
INSERT INTO mentions_by_entity (id, entity_id, start, "end", text)
SELECT id, entity_id, start, "end", text FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_by_entity RENAME TO mentions;
