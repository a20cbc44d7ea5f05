-- Rebuild the full-text index with a third column of facet tokens (year,
-- month, language, outlet; see sqlstore.FacetTokens), so that date,
-- language and outlet filters intersect posting lists inside FTS5 instead
-- of joining every match to articles. The rows are re-added by a Go step
-- (sqlite.reindex) in the same transaction, since stemming is done in Go.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, body, facets,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0, 0.0)');
