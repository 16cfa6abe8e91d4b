-- 0024_speaker_index_order: a speaker's quotes and claims are indexed by
-- speaker alone, so in the order they were stored (issue 18).
--
-- quotes_speaker_article and claims_speaker_article (0005) were keyed by
-- the speaker and then the article's id, a random 17-character text: each
-- new row landed at a random place within its speaker's rows, and the
-- writer's batches touched pages all over the two, 41 MB at 100,000
-- articles (32 bytes a row), beyond its page cache. An index on the
-- speaker alone holds the rowid after it, so a speaker's rows follow one
-- another in the order stored and a batch touches only the last page of
-- each speaker it quotes; a row is about 11 bytes. Nothing read the
-- article id from the index but a speaker page, which now asks, of each
-- recent article, for the speaker's rows within the article's range of
-- ids (articles_order holds the ranges, 0018): a range of the new index.
DROP INDEX quotes_speaker_article;
DROP INDEX claims_speaker_article;
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX claims_speaker ON claims (speaker_id);
