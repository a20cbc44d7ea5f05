-- Move the wide columns out of articles, so that the row lookups done for
-- every full-text match (date, language, outlet filters) touch a narrow
-- table: about 150 bytes a row instead of several kilobytes.
CREATE TABLE article_bodies (
	id      INTEGER PRIMARY KEY,   -- articles.id
	text    TEXT NOT NULL,
	layers  TEXT NOT NULL,         -- kilde/1 JSON without text
	minhash BLOB                   -- dedup signature
);
INSERT INTO article_bodies (id, text, layers, minhash) SELECT id, text, layers, minhash FROM articles;
ALTER TABLE articles DROP COLUMN text;
ALTER TABLE articles DROP COLUMN layers;
ALTER TABLE articles DROP COLUMN minhash;
