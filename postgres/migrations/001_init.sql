-- kilde schema 1 (PostgreSQL). Applied in one transaction by sqlstore.migrate.
-- Text compared as dates uses COLLATE "C" so '2019-03~' sorts after '2019-03-31'.
CREATE TABLE articles (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	content_id TEXT NOT NULL UNIQUE,
	ext_id     TEXT NOT NULL DEFAULT '',
	date       TEXT COLLATE "C" NOT NULL DEFAULT '',
	lang       TEXT NOT NULL DEFAULT '',
	outlet     TEXT NOT NULL DEFAULT '',
	outlet_key TEXT NOT NULL DEFAULT '',
	url        TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',
	file       TEXT NOT NULL DEFAULT '',
	line       INTEGER NOT NULL DEFAULT 0,
	cluster    TEXT NOT NULL,
	text       TEXT NOT NULL,
	layers     TEXT NOT NULL,
	minhash    BYTEA
);
CREATE INDEX articles_ext_id ON articles (ext_id) WHERE ext_id <> '';
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_cluster ON articles (cluster);
CREATE INDEX articles_outlet ON articles (outlet_key, date);
CREATE INDEX articles_lang ON articles (lang, date);

CREATE TABLE lsh (
	key        BIGINT NOT NULL,
	article_id BIGINT NOT NULL,
	PRIMARY KEY (key, article_id)
);

CREATE TABLE quotes (
	article_id  BIGINT NOT NULL REFERENCES articles (id),
	idx         INTEGER NOT NULL,
	kind        TEXT NOT NULL,
	speaker     TEXT NOT NULL,
	speaker_key TEXT NOT NULL,
	text        TEXT NOT NULL,
	cue         TEXT NOT NULL,
	PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker_key);

CREATE TABLE claims (
	article_id BIGINT NOT NULL REFERENCES articles (id),
	idx        INTEGER NOT NULL,
	source     TEXT NOT NULL,
	source_key TEXT NOT NULL,
	hedge      TEXT NOT NULL,
	text       TEXT NOT NULL,
	cue        TEXT NOT NULL,
	via        TEXT NOT NULL,
	PRIMARY KEY (article_id, idx)
);
CREATE INDEX claims_source ON claims (source_key);
CREATE INDEX claims_hedge ON claims (hedge);

CREATE TABLE quantities (
	article_id   BIGINT NOT NULL REFERENCES articles (id),
	idx          INTEGER NOT NULL,
	value        DOUBLE PRECISION,
	low          DOUBLE PRECISION,
	high         DOUBLE PRECISION,
	approx       TEXT NOT NULL,
	unit         TEXT NOT NULL,
	unit_key     TEXT NOT NULL,
	measured     TEXT NOT NULL,
	measured_key TEXT NOT NULL,
	text         TEXT NOT NULL,
	source       TEXT NOT NULL,
	hedge        TEXT NOT NULL,
	PRIMARY KEY (article_id, idx)
);
CREATE INDEX quantities_measured ON quantities (measured_key) WHERE measured_key <> '';
CREATE INDEX quantities_unit ON quantities (unit_key);

CREATE TABLE entities (
	id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name     TEXT NOT NULL,
	name_key TEXT NOT NULL,
	label    TEXT NOT NULL
);

CREATE TABLE entity_aliases (
	alias_key TEXT NOT NULL,
	label     TEXT NOT NULL,
	alias     TEXT NOT NULL,
	entity_id BIGINT NOT NULL,
	count     INTEGER NOT NULL,
	PRIMARY KEY (alias_key, label)
);
CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id);

CREATE TABLE article_entities (
	entity_id  BIGINT NOT NULL,
	article_id BIGINT NOT NULL,
	mentions   INTEGER NOT NULL,
	PRIMARY KEY (entity_id, article_id)
);
CREATE INDEX article_entities_article ON article_entities (article_id);

-- Full-text index over stemmed text (package search) with the 'simple'
-- configuration: lowercase only, no stemming of its own, diacritics kept.
CREATE TABLE article_fts (
	id  BIGINT PRIMARY KEY REFERENCES articles (id),
	tsv TSVECTOR NOT NULL
);
CREATE INDEX article_fts_tsv ON article_fts USING GIN (tsv);
