package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/feed"
	"github.com/kilde-news/kilde/fetch"
	"github.com/kilde-news/kilde/pipeline"
	"github.com/kilde-news/kilde/web"
)

// webIngest is `kilde ingest --feeds FILE` / `--sitemap URL`: poll the
// sources, fetch new articles politely, annotate and store them, and only
// then mark them seen, so nothing acknowledged is lost and nothing is
// fetched twice.
type webIngest struct {
	sources  []string
	state    string
	once     bool
	interval time.Duration
	agent    string
}

// permanent reports failures that another try will not mend: robots.txt,
// 4xx other than 429, pages without text.
func permanent(err error) bool {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Status >= 400 && se.Status < 500 && se.Status != 429
	}
	return errors.Is(err, fetch.ErrRobots) || errors.Is(err, web.ErrNoText)
}

// readSourceList reads one feed or sitemap URL a line; '#' starts a comment.
func readSourceList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "http://") && !strings.HasPrefix(line, "https://") {
			return nil, fmt.Errorf("%s:%d: not an http(s) URL: %q", path, n, line)
		}
		out = append(out, line)
	}
	return out, sc.Err()
}

func (w *webIngest) run(ctx context.Context, e *env, st kilde.Store, p *pipeline.Pipeline) int {
	c := fetch.New(w.agent, 30*time.Second)
	state, err := feed.LoadState(w.state)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde ingest: %v\n", err)
		return 1
	}
	total := 0
	for {
		for _, src := range w.sources {
			n, err := w.pass(ctx, e, c, state, src, st, p)
			total += n
			if err != nil {
				fmt.Fprintf(e.stderr, "kilde ingest: %s: %v\n", src, err)
			}
			if ctx.Err() != nil {
				return 0
			}
		}
		if w.once {
			break
		}
		fmt.Fprintf(e.stderr, "kilde ingest: %d new articles so far; next pass in %s\n", total, w.interval)
		select {
		case <-ctx.Done():
			return 0
		case <-time.After(w.interval):
		}
	}
	fmt.Fprintf(e.stderr, "kilde ingest: %d new articles stored\n", total)
	return 0
}

// pass polls one source and stores its new articles in one batch.
func (w *webIngest) pass(ctx context.Context, e *env, c *fetch.Client, state *feed.State, src string, st kilde.Store, p *pipeline.Pipeline) (int, error) {
	items, err := feed.Items(ctx, c, state, src)
	if err != nil {
		return 0, err
	}
	var docs []*kilde.Doc
	var urls []string
	for _, it := range items {
		page, err := feed.Fetch(ctx, c, it)
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde ingest: %v (skipped)\n", err)
			if permanent(err) {
				state.Seen[it.URL] = "skipped: " + err.Error()
			}
			continue
		}
		a := page.Article
		a.Source.DateSource = page.DateSource
		d := kilde.NewDoc(a)
		if err := p.Annotate(d); err != nil {
			fmt.Fprintf(e.stderr, "kilde ingest: %s: %v (skipped)\n", it.URL, err)
			continue
		}
		docs = append(docs, d)
		urls = append(urls, it.URL)
	}
	added := 0
	if len(docs) > 0 {
		if added, err = st.Put(ctx, docs); err != nil {
			return 0, err // not marked seen: the next pass fetches them again
		}
	}
	now := time.Now().UTC().Format(time.RFC3339)
	for _, u := range urls {
		state.Seen[u] = now
	}
	return added, state.Save(w.state)
}
