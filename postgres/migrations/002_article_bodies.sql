-- Move the wide columns out of articles (see the SQLite migration 003).
CREATE TABLE article_bodies (
	id      BIGINT PRIMARY KEY REFERENCES articles (id),
	text    TEXT NOT NULL,
	layers  TEXT NOT NULL,
	minhash BYTEA
);
INSERT INTO article_bodies (id, text, layers, minhash) SELECT id, text, layers, minhash FROM articles;
ALTER TABLE articles DROP COLUMN text, DROP COLUMN layers, DROP COLUMN minhash;
