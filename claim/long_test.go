package claim_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/claim"
)

// TestLongArticle: claims on a long article cost time linear in its length.
// Linking quantities and merging quote claims used to compare every claim
// with every quantity and every quote: 4.5 s for 1.4 MB of short quotes.
func TestLongArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	run := func(n int) time.Duration {
		unit := "Ifølge ham koster det 10 kr. Han mener, at det er for dyrt. "
		text := strings.Repeat(unit, n)
		d := kilde.NewDoc(kilde.Article{Text: text, Lang: "da"})
		for i := 0; i < n; i++ {
			off := i * len(unit)
			d.Sentences = append(d.Sentences, kilde.Span{Start: off, End: off + 28}, kilde.Span{Start: off + 29, End: off + len(unit) - 1})
			v := 10.0
			q := strings.Index(unit, "10 kr.")
			d.Quantities = append(d.Quantities, kilde.Quantity{Span: kilde.Span{Start: off + q, End: off + q + 6}, Value: &v, Unit: "DKK"})
			d.Quotes = append(d.Quotes, kilde.Quote{Span: kilde.Span{Start: off + 10, End: off + 27}, Kind: "indirect", Speaker: "Peter Hansen", Cue: "Ifølge"})
		}
		t0 := time.Now()
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Claims) < n {
			t.Fatalf("%d claims for %d units", len(d.Claims), n)
		}
		return time.Since(t0)
	}
	run(100)
	ts, tb := fastest(3, func() time.Duration { return run(2000) }), fastest(3, func() time.Duration { return run(8000) })
	t.Logf("%v %v", ts, tb)
	// 4× the text: linear is 4×, quadratic 16×; the margin absorbs a busy machine.
	if tb > 10*ts && tb > 150*time.Millisecond {
		t.Errorf("2000 and 8000 units: %v and %v: superlinear", ts, tb)
	}
}

// fastest returns the shortest of n timings: the machine may be busy during
// any one run, but rarely during all of them, so complexity checks on the
// fastest run do not flake.
func fastest(n int, f func() time.Duration) time.Duration {
	best := f()
	for i := 1; i < n; i++ {
		best = min(best, f())
	}
	return best
}
