package quantity_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
)

// Times may come unsorted and nested: a quantity is dropped exactly when it
// overlaps one of them; a time that only touches it does not count.
func TestSkipsTimesUnsorted(t *testing.T) {
	a := mustNew(t)
	text := "Det koster 5 kr. og 7 kr. og 9 kr."
	// 5 kr. at 11-16, 7 kr. at 20-25, 9 kr. at 29-34
	for _, c := range []struct {
		times []kilde.Span
		want  []string
	}{
		{nil, []string{"5 kr.", "7 kr.", "9 kr."}},
		{[]kilde.Span{{Start: 29, End: 30}, {Start: 15, End: 17}}, []string{"7 kr."}},
		// a long time holding a short one, the long one first
		{[]kilde.Span{{Start: 0, End: 21}, {Start: 3, End: 9}}, []string{"9 kr."}},
		{[]kilde.Span{{Start: 3, End: 9}, {Start: 0, End: 21}}, []string{"9 kr."}},
		// touching an amount on either side: no overlap
		{[]kilde.Span{{Start: 25, End: 29}, {Start: 16, End: 20}, {Start: 34, End: 35}}, []string{"5 kr.", "7 kr.", "9 kr."}},
	} {
		d := kilde.NewDoc(kilde.Article{Lang: "da", Text: text})
		for _, sp := range c.times {
			d.Times = append(d.Times, kilde.Time{Span: sp, Type: "DURATION"})
		}
		a.Annotate(d)
		var got []string
		for _, q := range d.Quantities {
			got = append(got, d.SpanText(q.Span))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("times %v: got %q, want %q", c.times, got, c.want)
		}
	}
}

// TestManyTimes: every quantity was checked against every time, quadratic
// in a long article (5.4 s for 1.6 MB of numbers and dates).
func TestManyTimes(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	a := mustNew(t)
	run := func(n int) time.Duration {
		unit := "i 2019 kom 5 kr. "
		d := kilde.NewDoc(kilde.Article{Lang: "da", Text: strings.Repeat(unit, n)})
		for i := 0; i < n; i++ {
			d.Times = append(d.Times, kilde.Time{Span: kilde.Span{Start: i*len(unit) + 2, End: i*len(unit) + 6}, Type: "DATE"})
		}
		t0 := time.Now()
		a.Annotate(d)
		el := time.Since(t0)
		if len(d.Quantities) != n {
			t.Fatalf("%d repeats: %d quantities, want %d", n, len(d.Quantities), n)
		}
		return el
	}
	run(100) // warm up
	ts, tb := fastest(3, func() time.Duration { return run(10000) }), fastest(3, func() time.Duration { return run(40000) })
	if tb > 10*ts && tb > 300*time.Millisecond {
		t.Errorf("10000 and 40000 times: %v and %v: superlinear", ts, tb)
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
