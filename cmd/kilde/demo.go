package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/kilde1"
	"github.com/kilde-news/kilde/read"
)

// The example articles were written for kilde (not taken from any outlet or
// corpus), so they can ship with the binary.
//
//go:embed examples/*.txt
var examples embed.FS

func runDemo(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "demo", "", "Annotates the bundled example articles (Danish and English) and prints who said what,\nthe numbers, the times and the consistency checks. With --json it prints kilde/1 instead.")
	asJSON := fs.Bool("json", false, "print kilde/1 JSON Lines instead of the summary")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	docs, err := demoDocs(ctx)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde demo: %v\n", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, d := range docs {
			if err := enc.Encode(kilde1.FromDoc(d)); err != nil {
				fmt.Fprintf(e.stderr, "kilde demo: %v\n", err)
				return 1
			}
		}
		return 0
	}
	for _, d := range docs {
		summarize(e.stdout, d)
	}
	return demoStore(ctx, e, docs)
}

// demoDocs reads and annotates the bundled examples in order.
func demoDocs(ctx context.Context) ([]*kilde.Doc, error) {
	p, err := buildPipeline()
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(examples, "examples/*.txt")
	if err != nil {
		return nil, err
	}
	var docs []*kilde.Doc
	for _, name := range names {
		b, err := examples.ReadFile(name)
		if err != nil {
			return nil, err
		}
		for a, err := range read.From(ctx, name, bytes.NewReader(b), read.Options{}) {
			if err != nil {
				if read.IsWarning(err) {
					continue
				}
				return nil, err
			}
			d := kilde.NewDoc(a)
			if err := p.Annotate(d); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			docs = append(docs, d)
		}
	}
	return docs, nil
}

// summarize prints a short human-readable account of one annotated article.
func summarize(w io.Writer, d *kilde.Doc) {
	date := d.Date
	if date == "" {
		date = "no date"
	}
	fmt.Fprintf(w, "== %s  [%s, %s, %d sentences]\n", d.Source.File, d.Lang, date, len(d.Sentences))
	if len(d.Quotes) > 0 {
		fmt.Fprintln(w, "Who said what:")
		for _, q := range d.Quotes {
			who := q.Speaker
			if who == "" {
				who = "(unknown)"
			}
			cue := q.Cue
			if cue == "" {
				cue = "-"
			}
			fmt.Fprintf(w, "  %-28s %-8s %-10s %s\n", who, q.Kind, cue, clip(d.SpanText(q.Span), 70))
		}
	}
	if len(d.Claims) > 0 {
		fmt.Fprintln(w, "Claims:")
		for _, c := range d.Claims {
			src := c.Source
			if src == "" {
				src = "(unattributed)"
			}
			if len(c.Via) > 0 {
				src += " via " + strings.Join(c.Via, ", ")
			}
			fmt.Fprintf(w, "  %-10s %-28s %s\n", c.Hedge, clip(src, 28), clip(d.SpanText(c.Span), 60))
		}
	}
	if len(d.Quantities) > 0 {
		fmt.Fprintln(w, "Numbers:")
		for _, q := range d.Quantities {
			fmt.Fprintf(w, "  %-32s %s\n", clip(d.SpanText(q.Span), 32), describeQuantity(q))
		}
	}
	if len(d.Times) > 0 {
		fmt.Fprintln(w, "Times:")
		for _, t := range d.Times {
			fmt.Fprintf(w, "  %-32s %-9s %s\n", clip(d.SpanText(t.Span), 32), t.Type, t.Value)
		}
	}
	if len(d.Entities) > 0 {
		var names []string
		seen := map[string]bool{}
		for _, en := range d.Entities {
			n := en.Canonical
			if n == "" {
				n = d.SpanText(en.Span)
			}
			if k := en.Label + n; !seen[k] {
				seen[k] = true
				names = append(names, n+" ("+en.Label+")")
			}
		}
		fmt.Fprintf(w, "Entities:\n  %s\n", strings.Join(names, ", "))
	}
	for _, c := range d.Checks {
		fmt.Fprintf(w, "Check: %s %s: %s\n", c.Kind, strings.ToUpper(c.Status), c.Detail)
	}
	fmt.Fprintln(w)
}

func describeQuantity(q kilde.Quantity) string {
	var b strings.Builder
	switch {
	case q.Value != nil:
		b.WriteString(num(*q.Value))
	case q.Low != nil && q.High != nil:
		b.WriteString(num(*q.Low) + "–" + num(*q.High))
	case q.Low != nil:
		b.WriteString("≥ " + num(*q.Low))
	case q.High != nil:
		b.WriteString("≤ " + num(*q.High))
	}
	if q.Unit != "" {
		b.WriteString(" " + q.Unit)
	}
	if q.Approx != "" && q.Approx != "exact" {
		b.WriteString(" (" + q.Approx + ")")
	}
	if q.Measured != "" {
		b.WriteString(" of " + q.Measured)
	}
	return b.String()
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// clip shortens s to n runes with an ellipsis, on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
