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

// layeredArticle is n paragraphs with entity and time layers, written so that
// each paragraph asks every lookup that walked those layers: a pronoun
// source (the last PER), "selskabet" (the last ORG holding the stem), an
// acronym ("DI"), a time phrase before the verb and after it.
func layeredArticle(n int) *kilde.Doc {
	units := []struct {
		text string
		ents []kilde.Entity // spans relative to the paragraph
		when string
	}{
		{text: "Peter Hansen siger fredag, at prisen stiger. ", ents: []kilde.Entity{{Span: kilde.Span{Start: 0, End: 12}, Label: "PER", Canonical: "Peter Hansen"}}, when: "fredag"},
		{text: "Han mener i går, at det er for dyrt. ", when: "i går"},
		{text: "Dansk Industri oplyser, at salget falder. ", ents: []kilde.Entity{{Span: kilde.Span{Start: 0, End: 14}, Label: "ORG", Canonical: "Dansk Industri"}}},
		{text: "Selskabet skriver, at 300 ansatte skal gå. ", ents: nil},
		{text: "DI siger, at aftalen bliver underskrevet. ", ents: nil},
		{text: "The company said on Tuesday that the talks would resume. ", when: "on Tuesday"},
	}
	var b strings.Builder
	d := kilde.NewDoc(kilde.Article{Lang: "da"})
	for i := 0; i < n; i++ {
		for _, u := range units {
			off := b.Len()
			b.WriteString(u.text)
			d.Sentences = append(d.Sentences, kilde.Span{Start: off, End: off + len(u.text) - 1})
			for _, e := range u.ents {
				e.Start += off
				e.End += off
				d.Entities = append(d.Entities, e)
			}
			if u.when != "" {
				k := off + strings.Index(u.text, u.when)
				d.Times = append(d.Times, kilde.Time{Span: kilde.Span{Start: k, End: k + len(u.when)}, Type: "DATE", Value: "2025-06-13"})
			}
		}
	}
	d.Text = b.String()
	return d
}

// TestLongArticleLayers: the lookups in the entity and time layers (the last
// person before a pronoun, the company "selskabet" refers to, an acronym, a
// time phrase) cost the same on a long article as on a short one. They used
// to walk the layers from the end for each source: 30 s for 5 MB.
// Allocations are counted exactly, so the check cannot flake; the time check
// on the fastest of 3 runs catches a walk that does not allocate.
func TestLongArticleLayers(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	run := func(n int) (allocs float64, el time.Duration) {
		d := layeredArticle(n)
		allocs = testing.AllocsPerRun(1, func() {
			t0 := time.Now()
			if err := a.Annotate(d); err != nil {
				t.Fatal(err)
			}
			el = time.Since(t0)
		})
		return allocs, el
	}
	d := layeredArticle(1)
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	// the paragraph does ask the lookups
	srcs := map[string]bool{}
	for _, c := range d.Claims {
		srcs[c.Source] = true
	}
	for _, want := range []string{"Peter Hansen", "Dansk Industri"} {
		if !srcs[want] {
			t.Fatalf("sources %v: want %q (the test article no longer exercises the lookups)", srcs, want)
		}
	}
	const small, big = 300, 2400 // 8×
	as, _ := run(small)
	ab, _ := run(big)
	t.Logf("allocations: %d paragraphs %.0f, %d paragraphs %.0f", small, as, big, ab)
	if ab > 10*as {
		t.Errorf("allocations: %.0f for %d paragraphs, %.0f for %d: superlinear", as, small, ab, big)
	}
	ts := fastest(3, func() time.Duration { _, el := run(small); return el })
	tb := fastest(3, func() time.Duration { _, el := run(big); return el })
	t.Logf("time: %v %v", ts, tb)
	// 8× the text: linear is 8×, quadratic 64×.
	if tb > 32*ts && tb > 200*time.Millisecond {
		t.Errorf("time: %v for %d paragraphs, %v for %d: superlinear", ts, small, tb, big)
	}
}
