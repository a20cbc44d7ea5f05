package check_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/check"
	"github.com/kilde-news/kilde/fx"
)

// TestLongArticle: the checks of an article with many conversions and many
// times take time linear in its length (every pair of amounts used to scan
// the whole time layer).
func TestLongArticle(t *testing.T) {
	tab, err := fx.Load(strings.NewReader(rates))
	if err != nil {
		t.Fatal(err)
	}
	c, err := check.New(check.Options{Rates: tab})
	if err != nil {
		t.Fatal(err)
	}
	const unit = "I 2019 kostede det 5 mio. dollars, svarende til 33 mio. kroner i februar. "
	doc := func(n int) *kilde.Doc {
		d := kilde.NewDoc(kilde.Article{Lang: "da", Date: "2019-02-15", Text: strings.Repeat(unit, n)})
		for i := 0; i < n; i++ {
			o := i * len(unit)
			a := o + strings.Index(unit, "5 mio. dollars")
			b := o + strings.Index(unit, "33 mio. kroner")
			y := o + strings.Index(unit, "2019")
			f := o + strings.Index(unit, "februar")
			d.Quantities = append(d.Quantities,
				kilde.Quantity{Span: kilde.Span{Start: a, End: a + len("5 mio. dollars")}, Value: ptr(5e6), Unit: "USD", Approx: "exact"},
				kilde.Quantity{Span: kilde.Span{Start: b, End: b + len("33 mio. kroner")}, Value: ptr(33e6), Unit: "DKK", Approx: "exact"})
			d.Times = append(d.Times,
				kilde.Time{Span: kilde.Span{Start: y, End: y + 4}, Type: "DATE", Value: "2019"},
				kilde.Time{Span: kilde.Span{Start: f, End: f + len("februar")}, Type: "DATE", Value: "2019-02"})
		}
		return d
	}
	run := func(n int) time.Duration {
		d := doc(n)
		t0 := time.Now()
		if err := c.Annotate(d); err != nil {
			t.Fatal(err)
		}
		el := time.Since(t0)
		if len(d.Checks) != n {
			t.Fatalf("%d checks for %d conversions", len(d.Checks), n)
		}
		return el
	}
	run(100)
	ts, tb := fastest(3, func() time.Duration { return run(2000) }), fastest(3, func() time.Duration { return run(16000) })
	t.Logf("%v %v", ts, tb)
	// 8× the text: linear is 8×, quadratic 64×; the margin absorbs a busy machine.
	if tb > 32*ts && tb > 100*time.Millisecond {
		t.Errorf("2000 and 16000 conversions: %v and %v: superlinear", ts, tb)
	}
}

func ptr(f float64) *float64 { return &f }

// fastest returns the shortest of n timings, so a busy machine during one
// run does not flake a complexity check.
func fastest(n int, f func() time.Duration) time.Duration {
	best := f()
	for i := 1; i < n; i++ {
		best = min(best, f())
	}
	return best
}
