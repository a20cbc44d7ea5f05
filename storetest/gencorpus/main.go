// Command gencorpus writes a synthetic news corpus as JSON Lines for
// `kilde ingest` scale tests (see package storetest, Corpus):
//
//	go run ./storetest/gencorpus -n 1000000 > /tmp/corpus-1m.jsonl
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kilde-news/kilde/storetest"
)

func main() {
	n := flag.Int("n", 10000, "articles")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	shared, err := storetest.SharedDir()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	c, err := storetest.LoadCorpus(filepath.Join(shared, storetest.DaNPlusTrain), *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	if err := c.WriteJSONL(os.Stdout, 0, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
