package main

import (
	"errors"
	"flag"
	"fmt"
	"github.com/kilde-news/kilde/read"
)

// newFlags returns a FlagSet for a subcommand that writes its usage to e.stderr.
func newFlags(e *env, name, argsUsage, about string) *flag.FlagSet {
	fs := flag.NewFlagSet("kilde "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: kilde %s [flags] %s\n\n%s\n\nFlags:\n", name, argsUsage, about)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; it returns (code, false) when the command should
// exit: 0 after -h, 2 after a bad flag.
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	return 0, true
}

// maxArticleFlag adds --max-mb: larger articles (or JSON lines) are skipped
// with a file:line error and the stream goes on. A 50 MB article takes about
// a minute and 1.4 GB of memory; a laptop may want a lower cap.
func maxArticleFlag(fs *flag.FlagSet) *int {
	return fs.Int("max-mb", read.DefaultMaxRecord>>20, "skip articles larger than `n` MiB (reported as file:line, the rest goes on)")
}
