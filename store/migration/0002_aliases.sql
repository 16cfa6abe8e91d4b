-- 0002_aliases: one person under several names across articles ("Rex
-- Tillerson", "Secretary of State Rex Tillerson", "Tillerson") is one
-- speaker. speakers.surname is the last word of a person's name, so a story
-- that names someone by surname alone can find the one person of that
-- surname; speaker_aliases (from 0001) gets every name and titled form seen.

ALTER TABLE speakers ADD COLUMN surname TEXT COLLATE NOCASE;

-- The last word of the name: rtrim strips every trailing character that is
-- not a space, which leaves the name up to its last space.
UPDATE speakers SET surname = substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1)
WHERE kind = 'person';

CREATE INDEX speakers_surname ON speakers (kind, surname);

INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias)
SELECT id, name FROM speakers WHERE kind = 'person' AND name <> '';
