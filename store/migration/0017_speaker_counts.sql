-- 0017_speaker_counts: each speaker keeps how many quotes and claims it
-- has, kept by triggers as rows come and go, so that listing the most
-- quoted speakers reads the speakers table alone instead of counting
-- every quote and claim of every speaker (a third of a second at 100,000
-- articles, issue 18).
ALTER TABLE speakers ADD COLUMN n_quotes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE speakers ADD COLUMN n_claims INTEGER NOT NULL DEFAULT 0;
UPDATE speakers SET n_quotes = (SELECT count(*) FROM quotes WHERE speaker_id = speakers.id),
                    n_claims = (SELECT count(*) FROM claims WHERE speaker_id = speakers.id);

CREATE TRIGGER quotes_count_insert AFTER INSERT ON quotes BEGIN
    UPDATE speakers SET n_quotes = n_quotes + 1 WHERE id = new.speaker_id;
END;
CREATE TRIGGER quotes_count_delete AFTER DELETE ON quotes BEGIN
    UPDATE speakers SET n_quotes = n_quotes - 1 WHERE id = old.speaker_id;
END;
CREATE TRIGGER quotes_count_update AFTER UPDATE OF speaker_id ON quotes BEGIN
    UPDATE speakers SET n_quotes = n_quotes - 1 WHERE id = old.speaker_id;
    UPDATE speakers SET n_quotes = n_quotes + 1 WHERE id = new.speaker_id;
END;
CREATE TRIGGER claims_count_insert AFTER INSERT ON claims BEGIN
    UPDATE speakers SET n_claims = n_claims + 1 WHERE id = new.speaker_id;
END;
CREATE TRIGGER claims_count_delete AFTER DELETE ON claims BEGIN
    UPDATE speakers SET n_claims = n_claims - 1 WHERE id = old.speaker_id;
END;
CREATE TRIGGER claims_count_update AFTER UPDATE OF speaker_id ON claims BEGIN
    UPDATE speakers SET n_claims = n_claims - 1 WHERE id = old.speaker_id;
    UPDATE speakers SET n_claims = n_claims + 1 WHERE id = new.speaker_id;
END;
