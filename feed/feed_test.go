package feed_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/kilde-news/kilde/feed"
	"github.com/kilde-news/kilde/fetch"
)

func article(title, date, para string) string {
	meta := ""
	if date != "" {
		meta = `<meta property="article:published_time" content="` + date + `">`
	}
	return `<html lang="da"><head><title>` + title + `</title>` + meta + `</head><body><nav>Forside Sport</nav><article><h1>` + title + `</h1>` +
		`<p>` + para + ` Det oplyser kommunen i en pressemeddelelse fredag eftermiddag til de lokale medier.</p>` +
		`<p>»Vi er glade for resultatet,« siger borgmesteren, der har arbejdet for sagen i flere år.</p></article></body></html>`
}

// site serves robots.txt, an RSS feed with ETag, an Atom feed, a sitemap
// index with a news sitemap, articles and the usual failures.
func site(t *testing.T) (*httptest.Server, *int32) {
	var feedHits int32
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&feedHits, 1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Lokal</title>
<item><title>Ny skole</title><link>%[1]s/a/skole</link><pubDate>Mon, 04 Mar 2024 09:00:00 +0100</pubDate></item>
<item><title>Udateret</title><link>%[1]s/a/udateret</link><pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate></item>
<item><title>Hemmelig</title><link>%[1]s/private/x</link></item>
<item><title>Væk</title><link>%[1]s/a/gone</link></item>
<item><title>Loop</title><link>%[1]s/loop</link></item>
</channel></rss>`, base)
	})
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Port</title>
<entry><title>Cargo</title><link href="%s/a/cargo"/><updated>2022-06-08T10:00:00Z</updated></entry></feed>`, base)
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>%s/news-sitemap.xml</loc></sitemap></sitemapindex>`, base)
	})
	mux.HandleFunc("/news-sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%s/a/skole</loc><news:news><news:publication_date>2024-03-04T09:00:00+01:00</news:publication_date><news:title>Ny skole</news:title></news:news></url></urlset>`, base)
	})
	mux.HandleFunc("/a/skole", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, article("Ny skole i Vejle", "2024-03-04T08:55:00+01:00", "Vejle Kommune bygger en ny skole til 120 millioner kroner."))
	})
	mux.HandleFunc("/a/udateret", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		page, _ := charmap.Windows1252.NewEncoder().String(article("Ældre får hjælp", "", "Ældreplejen på Ærø får 3 millioner kroner ekstra."))
		w.Write([]byte(page))
	})
	mux.HandleFunc("/a/cargo", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, article("Cargo", "", "The port handled nearly 470 million tonnes of cargo last year."))
	})
	mux.HandleFunc("/a/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("<p>x</p>", 3<<20)))
	})
	mux.HandleFunc("/private/x", func(w http.ResponseWriter, r *http.Request) { t.Error("robots.txt ignored: /private/x fetched") })
	ts := httptest.NewServer(mux)
	base = ts.URL
	t.Cleanup(ts.Close)
	return ts, &feedHits
}

func client() *fetch.Client {
	c := fetch.New("kilde-test/1", 500*time.Millisecond)
	c.Delay = 5 * time.Millisecond
	c.Retries = 0
	c.MaxBytes = 4 << 20
	return c
}

func TestFeedPass(t *testing.T) {
	ts, hits := site(t)
	ctx := context.Background()
	statePath := filepath.Join(t.TempDir(), "feeds.json")
	st, _ := feed.LoadState(statePath)
	c := client()
	items, err := feed.Items(ctx, c, st, ts.URL+"/rss.xml")
	if err != nil || len(items) != 5 {
		t.Fatalf("Items = %d, %v; want 5", len(items), err)
	}
	var stored, failed []string
	for _, it := range items {
		p, err := feed.Fetch(ctx, c, it)
		if err != nil {
			failed = append(failed, err.Error())
			continue
		}
		stored = append(stored, p.Date+" "+p.DateSource+" "+p.Source.Title)
		if strings.Contains(p.Text, "Ærø") != strings.Contains(it.URL, "udateret") {
			t.Errorf("%s: text %q (windows-1252 must decode to æøå)", it.URL, p.Text)
		}
		st.Seen[it.URL] = "stored"
	}
	want := []string{"2024-03-04T08:55:00+01:00 meta Ny skole i Vejle", "2024-03-05T09:00:00Z feed Ældre får hjælp"}
	if strings.Join(stored, "|") != strings.Join(want, "|") {
		t.Errorf("stored %q, want %q", stored, want)
	}
	if len(failed) != 3 || !strings.Contains(strings.Join(failed, " "), "robots") || !strings.Contains(strings.Join(failed, " "), "404") || !strings.Contains(strings.Join(failed, " "), "redirects") {
		t.Errorf("failures %q: want robots, 404 and the redirect loop reported", failed)
	}
	if err := st.Save(statePath); err != nil {
		t.Fatal(err)
	}
	// A restart: the feed answers 304 to the stored ETag, nothing is refetched.
	st2, err := feed.LoadState(statePath)
	if err != nil {
		t.Fatal(err)
	}
	items, err = feed.Items(ctx, c, st2, ts.URL+"/rss.xml")
	if err != nil || len(items) != 0 || atomic.LoadInt32(hits) != 2 {
		t.Errorf("second pass: %d items, %v, %d feed requests; want 0 items via a conditional GET", len(items), err, *hits)
	}
}

func TestAtomAndSitemap(t *testing.T) {
	ts, _ := site(t)
	ctx := context.Background()
	st, _ := feed.LoadState(filepath.Join(t.TempDir(), "s.json"))
	c := client()
	items, err := feed.Items(ctx, c, st, ts.URL+"/atom.xml")
	if err != nil || len(items) != 1 || items[0].Published != "2022-06-08T10:00:00Z" {
		t.Fatalf("atom: %+v %v", items, err)
	}
	p, err := feed.Fetch(ctx, c, items[0])
	if err != nil || p.DateSource != "feed" {
		t.Errorf("atom article: %v %q", err, p.DateSource)
	}
	items, err = feed.Items(ctx, c, st, ts.URL+"/sitemap.xml")
	if err != nil || len(items) != 1 || items[0].Title != "Ny skole" || items[0].Published != "2024-03-04T09:00:00+01:00" {
		t.Fatalf("sitemap: %+v %v", items, err)
	}
}

func TestBadServers(t *testing.T) {
	ts, _ := site(t)
	ctx := context.Background()
	c := client()
	for _, path := range []string{"/slow", "/huge", "/a/gone", "/loop"} {
		if _, err := c.Get(ctx, ts.URL+path, fetch.Validators{}); err == nil {
			t.Errorf("%s: no error", path)
		}
	}
	st, _ := feed.LoadState(filepath.Join(t.TempDir(), "s.json"))
	if _, err := feed.Items(ctx, c, st, ts.URL+"/a/skole"); err == nil || !strings.Contains(err.Error(), "not a feed") {
		t.Errorf("an HTML page as a feed: %v", err)
	}
}
