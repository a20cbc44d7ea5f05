package server_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/server"
	"github.com/kilde-news/kilde/sqlite"
	"github.com/kilde-news/kilde/storetest"
)

// BenchmarkAPISearch is the load test of GET /api/search over loopback on
// a synthetic DaN+ database of KILDE_BENCH_N articles (default 10,000),
// with 8 concurrent clients. It reports requests/s and latency p50/p95.
//
//	go test ./server -run XXX -bench APISearch -benchtime 2000x
//	KILDE_BENCH_N=100000 KILDE_BENCH_DB=/var/tmp/kilde-100k.db go test ./server -run XXX -bench APISearch -benchtime 4000x -timeout 1h
func BenchmarkAPISearch(b *testing.B) {
	shared, err := storetest.SharedDir()
	if err != nil {
		b.Skipf("DaN+ text not available: %v", err)
	}
	c, err := storetest.LoadCorpus(filepath.Join(shared, storetest.DaNPlusTrain), 1)
	if err != nil {
		b.Skipf("DaN+ text not available: %v", err)
	}
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("KILDE_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	path := os.Getenv("KILDE_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "kilde.db")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	stats, _ := st.Stats(ctx)
	for i := stats.Articles; i < n; i += 500 {
		docs := make([]*kilde.Doc, 0, 500)
		for j := i; j < min(i+500, n); j++ {
			docs = append(docs, c.Doc(j))
		}
		if _, err := st.Put(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	srv, err := server.New(st, server.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	queries := []string{"regeringen", "krig", `"Det Radikale"`, "skat*", "politiet OR betjente", "Irak", "millioner kroner", "København"}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	var mu sync.Mutex
	var lat []time.Duration
	b.SetParallelism(4) // 4 × GOMAXPROCS(2) = 8 clients
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		var mine []time.Duration
		for pb.Next() {
			q := url.Values{"q": {queries[i%len(queries)]}, "page": {strconv.Itoa(1 + i%3)}}
			i++
			t0 := time.Now()
			res, err := client.Get(ts.URL + "/api/search?" + q.Encode())
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 {
				b.Errorf("status %d", res.StatusCode)
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	slices.Sort(lat)
	if len(lat) == 0 {
		return
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(float64(n), "articles")
	b.ReportMetric(float64(len(lat))/b.Elapsed().Seconds(), "req/s")
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*95/100]), "p95-ms")
}
