// Package feed finds new articles in RSS/Atom/JSON feeds and news
// sitemaps, fetches them politely (package fetch) and extracts them
// (package web). A State file remembers feed validators and the articles
// already stored, so a restart neither refetches nor loses anything: an
// article is marked seen only after the caller says it is stored.
package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/kilde-news/kilde/fetch"
	"github.com/kilde-news/kilde/web"
)

// State is what survives between runs.
type State struct {
	Feeds map[string]fetch.Validators `json:"feeds"`
	Seen  map[string]string           `json:"seen"` // article URL → when it was stored
}

// LoadState reads path; a missing file is an empty state.
func LoadState(path string) (*State, error) {
	st := &State{Feeds: map[string]fetch.Validators{}, Seen: map[string]string{}}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, st); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if st.Feeds == nil {
		st.Feeds = map[string]fetch.Validators{}
	}
	if st.Seen == nil {
		st.Seen = map[string]string{}
	}
	return st, nil
}

// Save writes the state atomically (temp file, fsync, rename).
func (s *State) Save(path string) error {
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".feedstate-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Item is an article announced by a feed or sitemap.
type Item struct {
	URL       string
	Title     string
	Published string // ISO 8601 from the feed, "" if none
	From      string // the feed or sitemap URL
}

// Items returns the unseen items of a feed or sitemap URL. A feed that has
// not changed since the last run (HTTP 304) gives none.
func Items(ctx context.Context, c *fetch.Client, st *State, src string) ([]Item, error) {
	return items(ctx, c, st, src, 0)
}

func items(ctx context.Context, c *fetch.Client, st *State, src string, depth int) ([]Item, error) {
	res, err := c.Get(ctx, src, st.Feeds[src])
	if err != nil {
		return nil, err
	}
	if res.NotModified {
		return nil, nil
	}
	var out []Item
	trimmed := bytes.TrimSpace(res.Body)
	if isSitemap(trimmed) {
		locs, nested, err := parseSitemap(trimmed)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src, err)
		}
		for _, l := range locs {
			out = append(out, Item{URL: l.URL, Title: l.Title, Published: l.Published, From: src})
		}
		if depth < 2 {
			for _, n := range nested {
				sub, err := items(ctx, c, st, n, depth+1)
				if err != nil {
					return nil, err
				}
				out = append(out, sub...)
			}
		}
	} else {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(res.Body))
		if err != nil {
			return nil, fmt.Errorf("%s: not a feed or sitemap: %w", src, err)
		}
		for _, it := range f.Items {
			link := strings.TrimSpace(it.Link)
			if link == "" {
				continue
			}
			pub := ""
			if it.PublishedParsed != nil {
				pub = it.PublishedParsed.UTC().Format(time.RFC3339)
			} else if it.UpdatedParsed != nil {
				pub = it.UpdatedParsed.UTC().Format(time.RFC3339)
			}
			out = append(out, Item{URL: link, Title: it.Title, Published: pub, From: src})
		}
	}
	st.Feeds[src] = res.Validators
	unseen := out[:0]
	for _, it := range out {
		if _, ok := st.Seen[it.URL]; !ok {
			unseen = append(unseen, it)
		}
	}
	return unseen, nil
}

// Fetch downloads and extracts an item's page. The page's own date wins;
// the feed's date is the fallback (DateSource "feed").
func Fetch(ctx context.Context, c *fetch.Client, it Item) (web.Page, error) {
	res, err := c.Get(ctx, it.URL, fetch.Validators{})
	if err != nil {
		return web.Page{}, err
	}
	p, err := web.Extract(res.Body, res.URL, res.ContentType, it.Published)
	if err != nil {
		return p, fmt.Errorf("%s: %w", it.URL, err)
	}
	if p.DateSource == "fallback" {
		p.DateSource = "feed"
	}
	if p.Source.Title == "" {
		p.Source.Title = it.Title
	}
	return p, nil
}

func isSitemap(b []byte) bool {
	head := b
	if len(head) > 512 {
		head = head[:512]
	}
	return bytes.Contains(head, []byte("<urlset")) || bytes.Contains(head, []byte("<sitemapindex"))
}

type sitemapLoc struct {
	URL, Title, Published string
}

// parseSitemap reads a urlset (with Google News extensions) or a
// sitemapindex.
func parseSitemap(b []byte) (locs []sitemapLoc, nested []string, err error) {
	var doc struct {
		XMLName xml.Name
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
			News    struct {
				Date  string `xml:"publication_date"`
				Title string `xml:"title"`
			} `xml:"news"`
		} `xml:"url"`
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, nil, err
	}
	for _, u := range doc.URLs {
		pub := strings.TrimSpace(u.News.Date)
		if pub == "" {
			pub = strings.TrimSpace(u.LastMod)
		}
		if loc := strings.TrimSpace(u.Loc); loc != "" {
			locs = append(locs, sitemapLoc{URL: loc, Title: strings.TrimSpace(u.News.Title), Published: pub})
		}
	}
	for _, s := range doc.Sitemaps {
		if loc := strings.TrimSpace(s.Loc); loc != "" {
			nested = append(nested, loc)
		}
	}
	return locs, nested, nil
}
