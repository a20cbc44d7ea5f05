package fx_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kilde-news/kilde/fx"
)

const csv = `Date,USD,JPY,DKK,GBP,ISK,
2019-02-15,1.1296,124.7,7.4613,0.8777,N/A,
2019-02-14,1.1268,124.8,7.4619,0.8803,N/A,
2019-02-13,1.1275,124.9,7.4617,0.8777,N/A,
2019-03-01,1.1383,127.1,7.4623,0.8601,135.1,
`

func TestLoad(t *testing.T) {
	tab, err := fx.Load(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		from, to, date string
		want           float64
		day            string
	}{
		{"USD", "DKK", "2019-02-15", 7.4613 / 1.1296, "2019-02-15"},
		{"USD", "DKK", "2019-02-17", 7.4613 / 1.1296, "2019-02-15"}, // Sunday → Friday
		{"USD", "DKK", "2019-02-15T10:00:00Z", 7.4613 / 1.1296, "2019-02-15"},
		{"EUR", "GBP", "2019-02-14", 0.8803, "2019-02-14"},
		{"GBP", "EUR", "2019-02-14", 1 / 0.8803, "2019-02-14"},
		{"USD", "DKK", "2019-02", (7.4613/1.1296 + 0 + 0) * 0, "2019-02"},
	} {
		r, err := tab.Rate(tt.from, tt.to, tt.date)
		if err != nil {
			t.Errorf("Rate(%s, %s, %s): %v", tt.from, tt.to, tt.date, err)
			continue
		}
		if tt.want != 0 && math.Abs(r.Value-tt.want) > 1e-9 || r.Date != tt.day {
			t.Errorf("Rate(%s, %s, %s) = %v on %s, want %v on %s", tt.from, tt.to, tt.date, r.Value, r.Date, tt.want, tt.day)
		}
	}
	// Month mean: the mean of each currency's daily rates, then crossed.
	r, _ := tab.Rate("USD", "DKK", "2019-02")
	want := ((7.4613 + 7.4619 + 7.4617) / 3) / ((1.1296 + 1.1268 + 1.1275) / 3)
	if math.Abs(r.Value-want) > 1e-9 || r.Basis != "month mean" {
		t.Errorf("month mean = %v (%s), want %v", r.Value, r.Basis, want)
	}
	// No rate: before the table, or a currency without a value that day.
	if _, err := tab.Rate("USD", "DKK", "1990-01-01"); !errors.Is(err, fx.ErrNoRate) {
		t.Errorf("1990: err = %v, want ErrNoRate", err)
	}
	if _, err := tab.Rate("ISK", "DKK", "2019-02-14"); !errors.Is(err, fx.ErrNoRate) {
		t.Errorf("ISK: err = %v, want ErrNoRate", err)
	}
	if _, err := tab.Rate("XYZ", "DKK", "2019-02-14"); !errors.Is(err, fx.ErrNoRate) {
		t.Errorf("XYZ: err = %v, want ErrNoRate", err)
	}
}

func TestDefault(t *testing.T) {
	tab, err := fx.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := tab.Rate("USD", "DKK", "2019-02")
	if err != nil || math.Abs(r.Value-6.57) > 0.01 {
		t.Errorf("USD→DKK 2019-02 = %v, %v; want ≈ 6.57", r, err)
	}
	r, err = tab.Rate("GBP", "USD", "2020-06-15")
	if err != nil || r.Basis != "day" || math.Abs(r.Value-1.25) > 0.05 {
		t.Errorf("GBP→USD 2020-06-15 = %v, %v", r, err)
	}
	// A currency kept only as monthly means answers a day with its month.
	r, err = tab.Rate("HUF", "EUR", "2020-06-15")
	if err != nil || r.Basis != "month mean" {
		t.Errorf("HUF→EUR 2020-06-15 = %v, %v; want month mean", r, err)
	}
}

// The embedded table agrees with the ECB file it was derived from.
func TestEmbeddedMatchesECB(t *testing.T) {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Skip("no go.mod")
		}
		dir = filepath.Dir(dir)
	}
	f, err := os.Open(filepath.Join(dir, "..", "shared", "data", "fx", "eurofxref-hist.csv"))
	if err != nil {
		t.Skip("../shared/data/fx/eurofxref-hist.csv not found")
	}
	defer f.Close()
	full, err := fx.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	emb, _ := fx.Default()
	for _, q := range [][3]string{{"USD", "DKK", "2019-02-15"}, {"GBP", "USD", "2008-10-10"}, {"JPY", "SEK", "2015-01"}, {"HUF", "CZK", "2012-05"}} {
		a, err1 := full.Rate(q[0], q[1], q[2])
		b, err2 := emb.Rate(q[0], q[1], q[2])
		if err1 != nil || err2 != nil || math.Abs(a.Value-b.Value)/a.Value > 1e-5 {
			t.Errorf("%v: full %v (%v), embedded %v (%v)", q, a, err1, b, err2)
		}
	}
}

func BenchmarkRate(b *testing.B) {
	tab, _ := fx.Default()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tab.Rate("USD", "DKK", "2019-02-17")
	}
}
