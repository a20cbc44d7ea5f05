package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/sqlite"
)

// demoStore stores the annotated examples in a temporary database and shows
// a search and the tracking of a number, as `kilde search` and `kilde
// track` would print them.
func demoStore(ctx context.Context, e *env, docs []*kilde.Doc) int {
	dir, err := os.MkdirTemp("", "kilde-demo-")
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde demo: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "kilde.db"))
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde demo: %v\n", err)
		return 1
	}
	defer st.Close()
	n, err := st.Put(ctx, docs)
	if err == nil {
		err = st.Reconcile(ctx)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde demo: %v\n", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "== Stored %d articles in a temporary database\n", n)
	const query = "millioner kroner"
	res, err := st.Search(ctx, kilde.SearchQuery{Text: query, Count: true})
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde demo: search: %v\n", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "kilde search '%s': %d articles\n", query, res.Total)
	for _, h := range res.Hits {
		fmt.Fprintf(e.stdout, "  %-10s %s\n", h.Date, clip(h.Snippet.Text, 90))
	}
	// Track the measured thing stated most often in the examples.
	count := map[string]int{}
	best := ""
	for _, d := range docs {
		for _, q := range d.Quantities {
			if m := q.Measured; m != "" {
				count[m]++
				if count[m] > count[best] {
					best = m
				}
			}
		}
	}
	if best == "" {
		return 0
	}
	pts, err := st.Track(ctx, kilde.TrackQuery{Measured: best})
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde demo: track: %v\n", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "kilde track --measured '%s':\n", best)
	for _, p := range pts {
		src := p.Source
		if src == "" {
			src = "(unattributed)"
		}
		fmt.Fprintf(e.stdout, "  %-10s %-24s %-24s %s\n", p.Date, clip(p.Text, 24), clip(src, 24), strings.TrimSpace(p.Hedge))
	}
	fmt.Fprintln(e.stdout, "\nNext: `kilde ingest FILES...` to build kilde.db, then `kilde search`, `kilde track`, `kilde serve`.")
	return 0
}
