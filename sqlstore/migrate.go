package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kilde-news/kilde"
)

// Migration is one numbered schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations reads NNN_name.sql files from fsys, sorted by number.
func Migrations(fsys fs.FS) ([]Migration, error) {
	var ms []Migration
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".sql") {
			return nil
		}
		base := path[strings.LastIndexByte(path, '/')+1:]
		num, name, ok := strings.Cut(strings.TrimSuffix(base, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return fmt.Errorf("migration %s: name must be NNN_name.sql", path)
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		ms = append(ms, Migration{Version: v, Name: name, SQL: string(b)})
		return nil
	})
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i := 1; i < len(ms); i++ {
		if ms[i].Version == ms[i-1].Version {
			return nil, fmt.Errorf("migration %d appears twice", ms[i].Version)
		}
	}
	return ms, err
}

// migrate applies the migrations the database has not seen, each in its
// own transaction together with its row in schema_migrations.
func migrate(ctx context.Context, db *sql.DB, d *Dialect) error {
	ms, err := Migrations(d.Migrations)
	if err != nil {
		return &kilde.Error{Code: kilde.EINTERNAL, Op: d.Name + ".migrate", Err: err}
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return &kilde.Error{Code: kilde.EINTERNAL, Op: d.Name + ".migrate", Err: err}
	}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].Version
	}
	applied := map[int]bool{}
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return &kilde.Error{Code: kilde.EINTERNAL, Op: d.Name + ".migrate", Err: err}
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return &kilde.Error{Code: kilde.EINTERNAL, Op: d.Name + ".migrate", Err: err}
		}
		applied[v] = true
	}
	rows.Close()
	for _, m := range ms {
		if applied[m.Version] {
			continue // checked again inside the transaction when applying
		}
		if err := applyOne(ctx, db, d, m, latest); err != nil {
			return err
		}
	}
	var have int
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return &kilde.Error{Code: kilde.EINTERNAL, Op: d.Name + ".migrate", Err: err}
	}
	if have > latest {
		return kilde.Errorf(kilde.ECONFLICT, d.Name+".migrate", "database schema version %d is newer than this kilde knows (%d)", have, latest)
	}
	return nil
}

func applyOne(ctx context.Context, db *sql.DB, d *Dialect, m Migration, latest int) error {
	op := fmt.Sprintf("%s.migrate %03d_%s", d.Name, m.Version, m.Name)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return &kilde.Error{Code: kilde.EINTERNAL, Op: op, Err: err}
	}
	defer tx.Rollback()
	if d.MigrationLock != "" {
		if _, err := tx.ExecContext(ctx, d.MigrationLock); err != nil {
			return &kilde.Error{Code: kilde.EINTERNAL, Op: op, Err: err}
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, d.bind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), m.Version).Scan(&n); err != nil {
		return &kilde.Error{Code: kilde.EINTERNAL, Op: op, Err: err}
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return &kilde.Error{Code: kilde.EINTERNAL, Op: op, Err: err}
	}
	if f := d.After[m.Version]; f != nil {
		if err := f(ctx, tx); err != nil {
			return &kilde.Error{Code: kilde.EINTERNAL, Op: op, Err: err}
		}
	}
	if _, err := tx.ExecContext(ctx, d.bind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
		m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return &kilde.Error{Code: kilde.EINTERNAL, Op: op, Err: err}
	}
	if err := tx.Commit(); err != nil {
		return &kilde.Error{Code: kilde.EINTERNAL, Op: op, Err: err}
	}
	return nil
}
