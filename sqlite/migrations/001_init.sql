-- kilde schema 1 (SQLite). Applied in one transaction by sqlstore.migrate.
CREATE TABLE articles (
	id         INTEGER PRIMARY KEY,
	content_id TEXT NOT NULL UNIQUE,
	ext_id     TEXT NOT NULL DEFAULT '',
	date       TEXT NOT NULL DEFAULT '',   -- ISO 8601 as given; compares as text
	lang       TEXT NOT NULL DEFAULT '',
	outlet     TEXT NOT NULL DEFAULT '',
	outlet_key TEXT NOT NULL DEFAULT '',
	url        TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',
	file       TEXT NOT NULL DEFAULT '',
	line       INTEGER NOT NULL DEFAULT 0,
	cluster    TEXT NOT NULL,              -- content id of the story's first article
	text       TEXT NOT NULL,
	layers     TEXT NOT NULL,              -- kilde/1 JSON without text
	minhash    BLOB
);
CREATE INDEX articles_ext_id ON articles (ext_id) WHERE ext_id <> '';
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_cluster ON articles (cluster);
CREATE INDEX articles_outlet ON articles (outlet_key, date);
CREATE INDEX articles_lang ON articles (lang, date);

-- LSH band keys for near-duplicate detection (package dedup).
CREATE TABLE lsh (
	key        INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

CREATE TABLE quotes (
	article_id  INTEGER NOT NULL REFERENCES articles (id),
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
	article_id INTEGER NOT NULL REFERENCES articles (id),
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
	article_id   INTEGER NOT NULL REFERENCES articles (id),
	idx          INTEGER NOT NULL,
	value        REAL,
	low          REAL,
	high         REAL,
	approx       TEXT NOT NULL,
	unit         TEXT NOT NULL,
	unit_key     TEXT NOT NULL,
	measured     TEXT NOT NULL,
	measured_key TEXT NOT NULL,   -- stems (package search), e.g. "isis krig"
	text         TEXT NOT NULL,
	source       TEXT NOT NULL,   -- claim source or quote speaker covering it
	hedge        TEXT NOT NULL,
	PRIMARY KEY (article_id, idx)
);
CREATE INDEX quantities_measured ON quantities (measured_key) WHERE measured_key <> '';
CREATE INDEX quantities_unit ON quantities (unit_key);

CREATE TABLE entities (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,
	name_key TEXT NOT NULL,
	label    TEXT NOT NULL
);

CREATE TABLE entity_aliases (
	alias_key TEXT NOT NULL,
	label     TEXT NOT NULL,
	alias     TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	count     INTEGER NOT NULL,
	PRIMARY KEY (alias_key, label)
);
CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id);

CREATE TABLE article_entities (
	entity_id  INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	mentions   INTEGER NOT NULL,
	PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_article ON article_entities (article_id);

-- Full-text index over stemmed text (package search). Contentless: the
-- original text lives in articles.text and snippets are cut in Go.
-- remove_diacritics 0 keeps "år" apart from "ar".
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, body,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 0'
);
