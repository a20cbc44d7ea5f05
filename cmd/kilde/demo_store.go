package main

import (
	"context"

	"github.com/kilde-news/kilde"
)

// demoStore shows the store part of the demo: the same search, track and
// who that a user would run (storeDemo in store.go).
func demoStore(ctx context.Context, e *env, docs []*kilde.Doc) int {
	if code := storeDemo(ctx, e, docs); code != 0 {
		return code
	}
	_, err := e.stdout.Write([]byte("\nNext: `kilde ingest FILES...` builds kilde.db; then `kilde search`, `kilde track`, `kilde who`, `kilde serve`.\n"))
	if err != nil {
		return 1
	}
	return 0
}
