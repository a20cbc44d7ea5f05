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
	"strings"

	_ "modernc.org/sqlite" // registers driver "sqlite"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/search"
	"github.com/kilde-news/kilde/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is SQLite's SQL.
var Dialect = &sqlstore.Dialect{
	Name:        "sqlite",
	Migrations:  mustSub(migrations, "migrations"),
	IndexInsert: `INSERT INTO articles_fts (rowid, title, body, facets) VALUES `,
	IndexValues: `(?, ?, ?, ?)`,
	FTSFrom:     `articles_fts JOIN articles a ON a.id = articles_fts.rowid`,
	FTSWhere:    `articles_fts MATCH ?`,
	// bm25 is lower for better matches; title matches weigh 3×.
	FTSScore:   `-bm25(articles_fts, 3.0, 1.0, 0.0)`,
	FTSTop:     `SELECT rowid AS id, -rank AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`,
	FTSIDs:     `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?`,
	Render:     func(q *search.Query) string { return "{title body} : (" + sqlstore.RenderFTS5(q) + ")" },
	Facets:     sqlstore.FacetTokens,
	FacetMatch: facetMatch,
	After:      map[int]func(context.Context, *sql.Tx) error{4: reindex},
}

// facetMatch ANDs the facet groups to a rendered query.
func facetMatch(rendered string, groups [][]string) string {
	var b strings.Builder
	b.WriteString(rendered)
	for _, g := range groups {
		b.WriteString(" AND {facets} : (")
		for i, t := range g {
			if i > 0 {
				b.WriteString(" OR ")
			}
			b.WriteString(`"` + t + `"`)
		}
		b.WriteString(")")
	}
	return b.String()
}

// reindex fills the full-text index from the stored articles (migration
// 004). Paragraph languages are not stored, so each article is analyzed in
// its own language.
func reindex(ctx context.Context, tx *sql.Tx) error {
	last := int64(0)
	for {
		rows, err := tx.QueryContext(ctx, `SELECT a.id, a.title, a.lang, a.date, a.outlet_key, b.text
			FROM articles a JOIN article_bodies b ON b.id = a.id WHERE a.id > ? ORDER BY a.id LIMIT 500`, last)
		if err != nil {
			return err
		}
		var vals []any
		for rows.Next() {
			var id int64
			var title, lang, date, outlet, text string
			if err := rows.Scan(&id, &title, &lang, &date, &outlet, &text); err != nil {
				rows.Close()
				return err
			}
			vals = append(vals, id, search.IndexText(title, lang), search.IndexText(text, lang), sqlstore.FacetTokens(date, lang, outlet))
			last = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(vals) == 0 {
			return nil
		}
		for len(vals) > 0 {
			n := min(len(vals)/4, 100)
			q := `INSERT INTO articles_fts (rowid, title, body, facets) VALUES ` + strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?),", n), ",")
			if _, err := tx.ExecContext(ctx, q, vals[:4*n]...); err != nil {
				return err
			}
			vals = vals[4*n:]
		}
	}
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
