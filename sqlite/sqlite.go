// Package sqlite is kilde's default store: one SQLite file, through the
// pure-Go driver modernc.org/sqlite (no cgo), in WAL mode, with FTS5 over
// stemmed text. The schema lives in numbered migrations (migrations/*.sql),
// each applied in a transaction and recorded in schema_migrations.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"io/fs"
	"net/url"
	"runtime"

	_ "modernc.org/sqlite" // registers driver "sqlite"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is SQLite's SQL.
var Dialect = &sqlstore.Dialect{
	Name:        "sqlite",
	Migrations:  mustSub(migrations, "migrations"),
	IndexInsert: `INSERT INTO articles_fts (rowid, title, body) VALUES `,
	IndexValues: `(?, ?, ?)`,
	FTSFrom:     `articles_fts JOIN articles a ON a.id = articles_fts.rowid`,
	FTSWhere:    `articles_fts MATCH ?`,
	// bm25 is lower for better matches; title matches weigh 3×.
	FTSScore: `-bm25(articles_fts, 3.0, 1.0)`,
	FTSTop:   `SELECT rowid AS id, -rank AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`,
	FTSIDs:   `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?`,
	Render:   sqlstore.RenderFTS5,
}

func mustSub(f fs.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return s
}

// Open opens (creating if needed) the database file at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*sqlstore.Store, error) {
	q := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"synchronous(NORMAL)", // durable across process crashes in WAL mode
		"busy_timeout(10000)",
		"foreign_keys(0)",
		"cache_size(-65536)", // 64 MiB page cache per connection
		"temp_store(MEMORY)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, &kilde.Error{Code: kilde.EINTERNAL, Op: "sqlite.Open", Err: err}
	}
	db.SetMaxOpenConns(max(4, runtime.NumCPU()))
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, &kilde.Error{Code: kilde.EINTERNAL, Op: "sqlite.Open", Msg: path, Err: err}
	}
	s, err := sqlstore.New(ctx, db, Dialect)
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

var _ kilde.Store = (*sqlstore.Store)(nil)
