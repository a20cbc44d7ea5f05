package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/kilde1"
	"github.com/kilde-news/kilde/read"
)

const annotateAbout = `Reads news articles and prints one kilde/1 JSON object per article (JSON Lines),
in input order. Inputs are files, directories (walked in lexical order, hidden names
skipped) or - for standard input; each file may be gzip-compressed. The format is
chosen by content: "date <ISO date> <text>" lines (one or more articles a file),
JSON Lines with a "text" field (and optional id, date, url, title, outlet, lang),
or plain text (the whole file is one article). See docs/readers.md.

Problems are reported on standard error as file:line: message, and reading goes
on with the next record. Exit status: 0 if at least one article was written, 1 if
none could be (or, with --strict, at the first problem), 2 for usage errors.`

func runAnnotate(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "annotate", "FILE|DIR|- ...", annotateAbout)
	outPath := fs.String("o", "", "write the output to `file` instead of standard output")
	pretty := fs.Bool("pretty", false, "indent the JSON (one object spans several lines)")
	strict := fs.Bool("strict", false, "stop at the first problem, a warning included, and exit 1")
	workers := fs.Int("workers", runtime.NumCPU(), "annotate on `n` goroutines")
	maxMB := maxArticleFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(e.stderr, "kilde annotate: no input; give files, directories or - for standard input\n")
		fs.Usage()
		return 2
	}
	if *workers < 1 {
		fmt.Fprintf(e.stderr, "kilde annotate: --workers must be at least 1\n")
		return 2
	}
	if *outPath != "" && *outPath != "-" {
		for _, in := range fs.Args() {
			if sameFile(in, *outPath) {
				fmt.Fprintf(e.stderr, "kilde annotate: -o %s would overwrite an input\n", *outPath)
				return 2
			}
		}
	}
	p, err := buildPipeline()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde annotate: %v\n", err)
		return 1
	}

	out := e.stdout
	var file *os.File
	if *outPath != "" && *outPath != "-" {
		file, err = os.Create(*outPath)
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde annotate: %v\n", err)
			return 1
		}
		defer file.Close()
		out = file
	}
	bw := bufio.NewWriterSize(out, 256<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}

	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu                      sync.Mutex // guards the counts, failed and e.stderr
		written, skipped, warns int
		failed                  bool // --strict stopped the run
	)
	report := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(e.stderr, "%v\n", err)
		if read.IsWarning(err) {
			warns++
		} else {
			skipped++
		}
		if *strict && !failed {
			failed = true
			cancel()
		}
	}

	in := make(chan *kilde.Doc, 2**workers)
	go func() {
		defer close(in)
		for a, err := range read.Open(ctx, fs.Args(), read.Options{Stdin: e.stdin, MaxRecord: *maxMB << 20}) {
			if err != nil {
				if errors.Is(err, context.Canceled) {
					return
				}
				report(err)
				if *strict {
					return
				}
				continue
			}
			select {
			case in <- kilde.NewDoc(a):
			case <-ctx.Done():
				return
			}
		}
	}()

	var writeErr error
	for r := range p.Run(ctx, in, *workers) {
		pos := read.Pos{File: r.Doc.Source.File, Line: r.Doc.Source.Line}
		for _, w := range r.Doc.Warnings {
			report(&read.Error{Pos: pos, Err: errors.New(w), Warn: true})
		}
		if r.Err != nil {
			report(&read.Error{Pos: pos, Err: r.Err})
			continue
		}
		mu.Lock()
		stop := failed
		mu.Unlock()
		if writeErr != nil || stop {
			continue
		}
		// kilde1.Write streams the same bytes as enc without building the
		// document: a 50 MB article no longer costs a gigabyte to print.
		write := func() error { return kilde1.Write(bw, r.Doc) }
		if *pretty {
			write = func() error { return enc.Encode(kilde1.FromDoc(r.Doc)) }
		}
		if err := write(); err != nil {
			writeErr = err
			cancel()
			continue
		}
		mu.Lock()
		written++
		mu.Unlock()
	}
	if err := bw.Flush(); err != nil && writeErr == nil {
		writeErr = err
	}
	if file != nil {
		if err := file.Close(); err != nil && writeErr == nil {
			writeErr = err
		}
	}
	if writeErr != nil {
		fmt.Fprintf(e.stderr, "kilde annotate: writing output: %v\n", writeErr)
		return 1
	}
	mu.Lock()
	defer mu.Unlock()
	if parent.Err() != nil {
		fmt.Fprintf(e.stderr, "kilde annotate: interrupted after %d articles\n", written)
		return 1
	}
	if skipped+warns > 0 {
		fmt.Fprintf(e.stderr, "kilde annotate: %d articles written, %d records skipped, %d warnings\n", written, skipped, warns)
	}
	if failed || written == 0 {
		if written == 0 && skipped+warns == 0 {
			fmt.Fprintf(e.stderr, "kilde annotate: no articles found\n")
		}
		return 1
	}
	return 0
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}
