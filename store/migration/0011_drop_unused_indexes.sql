-- 0011_drop_unused_indexes: indexes no query and no look-up of the writer
-- uses. Each cost every stored row an entry at a random place in a large
-- B-tree, which the writer paid for in pages read and written at every
-- batch once the archive outgrew the page cache (issue 18).
--
-- dates_value: nothing searches dates by value.
-- occurrences_copy: nothing looks copies up by copy_id; (article_id,
--   copy_id) is the unique key the writer and the listings use.
-- article_sketches_article: a story's sketch rows are deleted, when it is
--   replaced, by their full key, computed again from its stored text
--   (store/dedupe.go), not looked up by article.
DROP INDEX dates_value;
DROP INDEX occurrences_copy;
DROP INDEX article_sketches_article;
