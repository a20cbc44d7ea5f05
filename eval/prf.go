// Package eval holds what every `kilde eval` shares: precision/recall/F1
// counts, span matching, and readers for the gold-data formats in ../shared.
package eval

import (
	"fmt"
	"io"
	"sort"
)

// PRF counts true positives, false positives and false negatives.
type PRF struct{ TP, FP, FN int }

// Add accumulates o into p.
func (p *PRF) Add(o PRF) { p.TP += o.TP; p.FP += o.FP; p.FN += o.FN }

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (p PRF) Precision() float64 {
	if p.TP+p.FP == 0 {
		return 0
	}
	return float64(p.TP) / float64(p.TP+p.FP)
}

// Recall is TP/(TP+FN), 0 when there was nothing to find.
func (p PRF) Recall() float64 {
	if p.TP+p.FN == 0 {
		return 0
	}
	return float64(p.TP) / float64(p.TP+p.FN)
}

// F1 is 2TP/(2TP+FP+FN).
func (p PRF) F1() float64 {
	if 2*p.TP+p.FP+p.FN == 0 {
		return 0
	}
	return 2 * float64(p.TP) / float64(2*p.TP+p.FP+p.FN)
}

func (p PRF) String() string {
	return fmt.Sprintf("P %5.1f  R %5.1f  F1 %5.1f  (tp %d fp %d fn %d)", 100*p.Precision(), 100*p.Recall(), 100*p.F1(), p.TP, p.FP, p.FN)
}

// Table is PRF per label.
type Table map[string]*PRF

// Get returns the counts for label, creating them.
func (t Table) Get(label string) *PRF {
	p := t[label]
	if p == nil {
		p = &PRF{}
		t[label] = p
	}
	return p
}

// Micro sums all labels.
func (t Table) Micro() PRF {
	var m PRF
	for _, p := range t {
		m.Add(*p)
	}
	return m
}

// Print writes one line per label, sorted, and a micro-average line.
func (t Table) Print(w io.Writer) {
	labels := make([]string, 0, len(t))
	for l := range t {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		fmt.Fprintf(w, "%-10s %s\n", l, t[l])
	}
	fmt.Fprintf(w, "%-10s %s\n", "micro", t.Micro())
}

// Span is a labelled gold or predicted span, in any unit (tokens, bytes,
// code points) as long as both sides use the same.
type Span struct {
	Start, End int
	Label      string
}

// MatchExact scores predicted against gold spans by exact start, end and
// label (CoNLL), adding to t per label.
func MatchExact(t Table, gold, pred []Span) {
	g := make(map[Span]bool, len(gold))
	for _, s := range gold {
		g[s] = true
	}
	for _, s := range pred {
		if g[s] {
			t.Get(s.Label).TP++
			delete(g, s)
		} else {
			t.Get(s.Label).FP++
		}
	}
	for s := range g {
		t.Get(s.Label).FN++
	}
}
