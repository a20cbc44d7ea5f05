package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/e2e"
)

// e2eDir is e2e/testdata in the directory holding go.mod.
func e2eDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return filepath.Join("e2e", "testdata")
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "e2e", "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return filepath.Join("e2e", "testdata")
		}
		dir = parent
	}
}

func evalE2E(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "eval e2e", "",
		"Run the whole pipeline on kilde's hand-written, hand-annotated held-out news articles\n"+
			"(e2e/testdata, Danish and English) and print per language and layer P/R/F1 with exact-span\n"+
			"and overlap matching, and attribute accuracy on overlap-matched items. See docs/e2e.md.")
	dir := fs.String("dir", e2eDir(), "`directory` of NN_name.txt articles and NN_name.json gold")
	verbose := fs.Bool("v", false, "list every miss, false positive, boundary and attribute error as article:line")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	cases, err := e2e.Load(*dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval e2e: %v\n", err)
		return 1
	}
	p, err := buildPipeline()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval e2e: %v\n", err)
		return 1
	}
	r := e2e.NewReport()
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			fmt.Fprintf(e.stderr, "kilde eval e2e: %v\n", err)
			return 1
		}
		d := kilde.NewDoc(c.Article)
		if err := p.Annotate(d); err != nil {
			fmt.Fprintf(e.stderr, "kilde eval e2e: %s: %v\n", c.Name, err)
			return 1
		}
		r.Score(c, d)
	}
	r.Print(e.stdout, *verbose)
	return 0
}
