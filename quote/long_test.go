package quote_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/quote"
)

// noPunct returns n words drawn (by a fixed LCG) from cue words, names,
// numbers and unbalanced quote marks, with no sentence end: one huge block.
func noPunct(n int) string {
	words := []string{"ord", "kommunen", "siger", "at", "og", "der", "Peter", "Jensen", "mellem", "10", "20", "procent", "»", "ifølge", "Hansen", "said", `"`}
	var b strings.Builder
	x := uint32(5)
	for i := 0; i < n; i++ {
		x = x*1664525 + 1013904223
		b.WriteString(words[(x>>16)%uint32(len(words))])
		b.WriteByte(' ')
	}
	return b.String()
}

// TestLongBlock: one paragraph with thousands of quotes must take time
// linear in its length. Each quote used to rescan its whole block (for the
// block's last token and for title case), and each used cue every quote:
// 4× the text took 15-20× the time (13 s for 1.6 MB without sentence ends).
func TestLongBlock(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	a, err := quote.New()
	if err != nil {
		t.Fatal(err)
	}
	run := func(text string) time.Duration {
		doc := kilde.NewDoc(kilde.Article{Text: text})
		t0 := time.Now()
		if err := a.Annotate(doc); err != nil {
			t.Fatal(err)
		}
		return time.Since(t0)
	}
	for _, c := range []struct {
		name string
		make func(n int) string
		n    int
	}{
		{"da quotes in one paragraph", func(n int) string { return strings.Repeat("Hun kalder forslaget »useriøst« og ", n) }, 5000},
		{"en quotes in one paragraph", func(n int) string { return strings.Repeat("Trump called her a “nasty woman” and ", n) }, 5000},
		{"no sentence ends", noPunct, 60000},
		// a cue after a comma looked for a quote back to the sentence
		// start, for every cue (49 s for 1.6 MB of "siger han, ")
		{"siger han, …", func(n int) string { return strings.Repeat("siger han, ", n) }, 9000},
		{"he said that …", func(n int) string { return strings.Repeat("he said that ", n) }, 8000},
	} {
		small, big := c.make(c.n), c.make(8*c.n)
		run(small) // warm up
		ts, tb := fastest(3, func() time.Duration { return run(small) }), fastest(3, func() time.Duration { return run(big) })
		// 8× the input: linear is 8×, quadratic 64×. Slices that grow with
		// the text cost more than linear in memory traffic (about 15× here),
		// so the bound sits between the two.
		if tb > 32*ts && tb > 500*time.Millisecond {
			t.Errorf("%s: %d bytes %v, %d bytes %v: superlinear", c.name, len(small), ts, len(big), tb)
		}
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
