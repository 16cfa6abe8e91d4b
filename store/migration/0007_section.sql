-- 0007_section: the outlet's section of an article ("World", "Business"),
-- read from JSON-LD articleSection or the article:section meta tag.
ALTER TABLE articles ADD COLUMN section TEXT;
