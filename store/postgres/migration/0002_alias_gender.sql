-- 0002_alias_gender: the gender ('m', 'f') an honorific opening an alias
-- gives, NULL for none, as SQLite's 0010_alias_gender. The extractor reads
-- it from the names (whosaid.Speaker), and the store keeps what it read.
-- There are no aliases to backfill: this store was born after the change.
ALTER TABLE speaker_aliases ADD COLUMN gender TEXT CHECK (gender IN ('m', 'f'));
