-- 0005_speaker_indexes: covering indexes for speaker pages and lists, so
-- they read small index entries instead of the large quote and article rows.

-- A speaker's page counts their quotes and claims by month: these covering
-- indexes answer it without reading the (large) quote and article rows.
CREATE INDEX quotes_speaker_article ON quotes (speaker_id, article_id);
CREATE INDEX claims_speaker_article ON claims (speaker_id, article_id);
CREATE INDEX articles_id_published ON articles (id, published);

-- A speaker's titles across articles, read from the index alone.
CREATE INDEX entities_name_titles ON entities (name COLLATE NOCASE, titles);
