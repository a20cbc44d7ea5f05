package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kilde-news/kilde/sqlite"
)

func TestWebIngestFeed(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Lokal</title>
<item><title>Skole</title><link>%[1]s/a/1</link><pubDate>Mon, 04 Mar 2024 09:00:00 +0100</pubDate></item>
<item><title>Væk</title><link>%[1]s/a/gone</link></item></channel></rss>`, base)
	})
	mux.HandleFunc("/a/1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html lang="da"><head><title>Ny skole</title></head><body><article><p>Vejle Kommune bygger en ny skole til 120 millioner kroner, oplyser borgmesteren fredag.</p><p>»Det er en god dag for byen,« siger hun til avisen om den nye skole.</p></article></body></html>`)
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()
	base = ts.URL
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	os.WriteFile(feeds, []byte("# local paper\n"+ts.URL+"/rss.xml\n"), 0o644)
	srcs, err := readSourceList(feeds)
	if err != nil || len(srcs) != 1 {
		t.Fatalf("readSourceList = %v, %v", srcs, err)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "kilde.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := buildPipeline()
	if err != nil {
		t.Fatal(err)
	}
	w := &webIngest{sources: srcs, state: filepath.Join(dir, "kilde.db.feeds.json"), once: true, agent: "kilde-test", interval: time.Minute}
	var stderr bytes.Buffer
	e := &env{stdout: &bytes.Buffer{}, stderr: &stderr}
	if code := w.run(ctx, e, st, p); code != 0 || !strings.Contains(stderr.String(), "1 new articles stored") || !strings.Contains(stderr.String(), "404") {
		t.Fatalf("first pass: exit %d\n%s", code, stderr.String())
	}
	stats, _ := st.Stats(ctx)
	if stats.Articles != 1 || stats.Quotes < 1 {
		t.Errorf("stored %+v, want 1 annotated article", stats)
	}
	stderr.Reset()
	if code := w.run(ctx, e, st, p); code != 0 || !strings.Contains(stderr.String(), "0 new articles stored") {
		t.Errorf("second pass: exit %d\n%s", code, stderr.String())
	}
}
