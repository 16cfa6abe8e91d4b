-- 0008_drop_prefix_indexes: indexes whose columns lead a wider index of
-- the same table. The wider one serves every lookup the narrow one did
-- (--entity and a speaker's titles by name; a speaker's quotes and claims),
-- and each index costs every stored row an entry.
DROP INDEX entities_name;        -- entities_name_titles (name, titles)
DROP INDEX quotes_speaker;       -- quotes_speaker_article (speaker_id, article_id)
DROP INDEX claims_speaker;       -- claims_speaker_article (speaker_id, article_id)
