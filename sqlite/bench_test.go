package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/sqlite"
	"github.com/kilde-news/kilde/sqlstore"
	"github.com/kilde-news/kilde/storetest"
)

// Benchmarks on a synthetic corpus made from the DaN+ training text (see
// storetest.Corpus): layers come from its gold entities and numbers, so
// these measure the store, not the annotators.
//
//	go test ./sqlite -run XXX -bench . -benchtime 200x                          # 10k articles
//	KILDE_BENCH_N=100000 go test ./sqlite -run XXX -bench Search -benchtime 200x -timeout 1h
//	KILDE_BENCH_N=1000000 KILDE_BENCH_DB=/var/tmp/kilde-1m.db go test ./sqlite -run XXX -bench Search -benchtime 500x -timeout 10h
//
// KILDE_BENCH_DB keeps the database between runs (it is filled up to N).

func benchCorpus(b *testing.B) *storetest.Corpus {
	shared, err := storetest.SharedDir()
	if err != nil {
		b.Skipf("DaN+ text not available: %v", err)
	}
	c, err := storetest.LoadCorpus(filepath.Join(shared, storetest.DaNPlusTrain), 1)
	if err != nil {
		b.Skipf("DaN+ text not available: %v", err)
	}
	return c
}

func putAll(b *testing.B, s kilde.Store, c *storetest.Corpus, from, to int) {
	const batch = 500
	for i := from; i < to; i += batch {
		docs := make([]*kilde.Doc, 0, batch)
		for j := i; j < min(i+batch, to); j++ {
			docs = append(docs, c.Doc(j))
		}
		if _, err := s.Put(context.Background(), docs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPut measures storing annotated articles (b.N of them) into a
// fresh database.
func BenchmarkPut(b *testing.B) {
	c := benchCorpus(b)
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "kilde.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	b.ResetTimer()
	putAll(b, s, c, 0, b.N)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

var scale struct {
	once      sync.Once
	s         *sqlstore.Store
	n         int
	ingestAPS float64
	err       error
}

func scaleStore(b *testing.B) *sqlstore.Store {
	c := benchCorpus(b)
	scale.once.Do(func() {
		n := 10000
		if v, err := strconv.Atoi(os.Getenv("KILDE_BENCH_N")); err == nil && v > 0 {
			n = v
		}
		path := os.Getenv("KILDE_BENCH_DB")
		if path == "" {
			dir, err := os.MkdirTemp("", "kilde-bench-")
			if err != nil {
				scale.err = err
				return
			}
			path = filepath.Join(dir, "kilde.db")
		}
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			scale.err = err
			return
		}
		st, _ := s.Stats(context.Background())
		have := st.Articles
		if have < n {
			t0 := time.Now()
			putAll(b, s, c, have, n)
			scale.ingestAPS = float64(n-have) / time.Since(t0).Seconds()
			if err := s.Reconcile(context.Background()); err != nil {
				scale.err = err
				return
			}
		}
		scale.s, scale.n = s, n
	})
	if scale.err != nil {
		b.Fatal(scale.err)
	}
	return scale.s
}

// benchQueries are typical searches: common and rare words, a phrase, a
// prefix, OR, and filters.
var benchQueries = []kilde.SearchQuery{
	{Text: "regeringen"},
	{Text: "krig"},
	{Text: `"Det Radikale"`},
	{Text: "skat*"},
	{Text: "politiet OR betjente"},
	{Text: "Danmark", From: "2019-01", To: "2019-03"},
	{Text: "valget", Outlet: "DR"},
	{Text: "statsminister", Entity: "Poul Nyrup Rasmussen"},
	{Text: "millioner kroner", Lang: "da"},
	{Text: "Irak"},
	{Text: "København", Count: true},
	{From: "2020-01", To: "2020-01"},
}

// BenchmarkSearch measures search latency (one query per iteration, first
// page of 20 with snippets) on a database of KILDE_BENCH_N articles
// (default 10,000), and reports p50/p95 and the ingest rate that built it.
func BenchmarkSearch(b *testing.B) {
	s := scaleStore(b)
	lat := make([]time.Duration, 0, b.N)
	cpu := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := benchQueries[i%len(benchQueries)]
		c0 := cpuTime()
		t0 := time.Now()
		if _, err := s.Search(context.Background(), q); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
		cpu = append(cpu, cpuTime()-c0)
	}
	b.StopTimer()
	slices.Sort(lat)
	slices.Sort(cpu)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(float64(scale.n), "articles")
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*95/100]), "p95-ms")
	// CPU time per query (process user+sys) is what latency would be on
	// an idle machine; wall time suffers from other load.
	b.ReportMetric(ms(cpu[len(cpu)/2]), "cpu-p50-ms")
	b.ReportMetric(ms(cpu[len(cpu)*95/100]), "cpu-p95-ms")
	if scale.ingestAPS > 0 {
		b.ReportMetric(scale.ingestAPS, "put-articles/s")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkTrack measures a tracking query on the same database.
func BenchmarkTrack(b *testing.B) {
	s := scaleStore(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Track(context.Background(), kilde.TrackQuery{Measured: "procent"}); err != nil {
			b.Fatal(err)
		}
	}
}
