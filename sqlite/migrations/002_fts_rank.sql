-- Rank full-text matches by bm25 with title matches weighing 3x, so that
-- ORDER BY rank sorts inside FTS5 (faster than bm25() in the outer query).
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)');
