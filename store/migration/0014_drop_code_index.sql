-- 0014_drop_code_index: --country looks at the entities of each article
-- it walks, by the article's id range (migration 0013), instead of first
-- listing every article that names the country from this index: a
-- country is named in a large part of the archive, and the list grew with
-- it. The index was an entry at a random place for every country and
-- place named (issue 18).
DROP INDEX entities_code;
