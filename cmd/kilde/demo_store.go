package main

import (
	"context"

	"github.com/kilde-news/kilde"
)

// demoStore shows the store part of the demo once the store has landed.
func demoStore(ctx context.Context, e *env, docs []*kilde.Doc) int { return 0 }
