-- 0004_query_indexes: indexes for the query filters and the listing order of
-- quotes and claims, so that they stay fast on large databases.

-- Quotes and claims are listed by publication date with undated articles
-- last (ORDER BY published IS NULL, published, id): an index on exactly those
-- expressions lets a listing walk articles in order and stop after one page,
-- and lets an export stream without sorting the whole table.
CREATE INDEX articles_order ON articles ((published IS NULL), published, id);

-- --outlet compares case-insensitively.
CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE);

-- --country: the articles that name a country (or a place in it).
CREATE INDEX entities_code ON entities (code, article_id);
