// Package postgres is kilde's store on PostgreSQL (pgx through
// database/sql). It shares all logic with package sqlite through package
// sqlstore; this file is the whole dialect: placeholders, the migration
// lock, and full-text search on a tsvector of stemmed text with the
// 'simple' configuration, ranked by ts_rank with length normalization.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"io/fs"

	_ "github.com/jackc/pgx/v5/stdlib" // registers driver "pgx"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is PostgreSQL's SQL.
var Dialect = &sqlstore.Dialect{
	Name:          "postgres",
	Migrations:    mustSub(migrations, "migrations"),
	Dollar:        true,
	MigrationLock: `SELECT pg_advisory_xact_lock(7244)`,
	IndexInsert:   `INSERT INTO article_fts (id, tsv) VALUES `,
	IndexValues:   `(?, setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'D'))`,
	FTSFrom:       `article_fts f JOIN articles a ON a.id = f.id`,
	FTSWhere:      `f.tsv @@ to_tsquery('simple', ?)`,
	// Normalization 1 divides by 1 + log(length), like bm25's length term.
	FTSScore: `ts_rank(f.tsv, to_tsquery('simple', ?), 1)`,
	ScoreArg: true,
	FTSTop: `SELECT id, ts_rank(tsv, q, 1) AS score FROM article_fts, to_tsquery('simple', ?) q WHERE tsv @@ q
		ORDER BY 2 DESC, id DESC LIMIT ? OFFSET ?`,
	FTSIDs: `SELECT id FROM article_fts WHERE tsv @@ to_tsquery('simple', ?)`,
	Render: sqlstore.RenderTSQuery,
}

func mustSub(f fs.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return s
}

// Open connects with a pgx connection string ("postgres://user@host/db" or
// "host=/tmp port=5432 dbname=kilde") and brings the schema up to date.
func Open(ctx context.Context, dsn string) (*sqlstore.Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, &kilde.Error{Code: kilde.EINTERNAL, Op: "postgres.Open", Err: err}
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, &kilde.Error{Code: kilde.EINTERNAL, Op: "postgres.Open", Err: err}
	}
	s, err := sqlstore.New(ctx, db, Dialect)
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}
