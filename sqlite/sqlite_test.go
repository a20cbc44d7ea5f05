package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/sqlite"
	"github.com/kilde-news/kilde/sqlstore"
	"github.com/kilde-news/kilde/storetest"
)

func open(t *testing.T) kilde.Store {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "kilde.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

func TestMigrationsRecorded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kilde.db")
	for range 2 { // reopening applies nothing twice
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		var mode string
		if err := s.DB().QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if err := s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		ms, err := sqlstore.Migrations(sqlite.Dialect.Migrations)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(ms) || n < 2 || mode != "wal" {
			t.Errorf("migrations %d, journal mode %q; want %d, wal", n, mode, len(ms))
		}
		s.Close()
	}
}

func TestNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kilde.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := sqlite.Open(context.Background(), path); kilde.ErrorCodeOf(err) != kilde.ECONFLICT {
		t.Errorf("opening a newer schema: %v, want ECONFLICT", err)
	}
}

// FuzzSearch checks that no query text makes the database fail: bad syntax
// is EINVALID, everything else runs.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"krigere", `"Islamisk Stat"`, "krig*", "a OR b", "-x y", `"`, "OR", "*", "NEAR(a b)", "a:b", "^x", "år ÅR", "\x00\xff"} {
		f.Add(s)
	}
	s, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "kilde.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	d := kilde.NewDoc(kilde.Article{Text: "Over 10.000 krigere fra Islamisk Stat er fanget i Syrien sidste år.", Date: "2019-01-01", Lang: "da"})
	if _, err := s.Put(context.Background(), []*kilde.Doc{d}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, sq := range []kilde.SearchQuery{{Text: q}, {Text: q, Lang: "da", From: "2019"}} {
			_, err := s.Search(context.Background(), sq)
			if c := kilde.ErrorCodeOf(err); c != "" && c != kilde.EINVALID {
				t.Fatalf("Search(%q): %v", q, err)
			}
		}
		if _, err := s.Track(context.Background(), kilde.TrackQuery{Measured: q}); kilde.ErrorCodeOf(err) == kilde.EINTERNAL {
			t.Fatalf("Track(%q): %v", q, err)
		}
	})
}
