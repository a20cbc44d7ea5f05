package quote_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/quote"
)

// TestBigText: an article many pieces long (a feed dump or a book pasted as
// one text) is read a piece at a time, with scratch for one piece, not for
// every token of the article: a 50 MB article used to need 2.4 GB here.
//
// Fresh scratch is forced by emptying the annotator's pool (two garbage
// collections); what one call then allocates per input byte is one piece's
// scratch plus the quotes found. The bound is about three times what the
// code needs and a third of what whole-article scratch took (83 bytes per
// input byte here). Allocation counts do not depend on the machine's load.
//
// The cuts must lose nothing: every copy of a repeated text yields the same
// quotes as the second copy of a two-copy text.
func TestBigText(t *testing.T) {
	if testing.Short() {
		t.Skip("4 MB input")
	}
	a, err := quote.New()
	if err != nil {
		t.Fatal(err)
	}
	unit := benchText("da", 1) // every Danish table row once, one a paragraph
	n := 4<<20/len(unit) + 1
	big := kilde.NewDoc(kilde.Article{Text: strings.Repeat(unit, n), Lang: "da"})

	runtime.GC()
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	if err := a.Annotate(big); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&m1)
	perByte := float64(m1.TotalAlloc-m0.TotalAlloc) / float64(len(big.Text))
	t.Logf("%d bytes: %.1f bytes allocated per input byte, %d quotes", len(big.Text), perByte, len(big.Quotes))
	if perByte > 30 {
		t.Errorf("%d bytes: %.1f bytes allocated per input byte, want at most 30: scratch for the whole article again?", len(big.Text), perByte)
	}

	two := kilde.NewDoc(kilde.Article{Text: unit + unit, Lang: "da"})
	if err := a.Annotate(two); err != nil {
		t.Fatal(err)
	}
	var want []kilde.Quote
	for _, q := range two.Quotes {
		if q.Start >= len(unit) {
			want = append(want, shift(q, -len(unit)))
		}
	}
	got := make([][]kilde.Quote, n)
	for _, q := range big.Quotes {
		c := q.Start / len(unit)
		got[c] = append(got[c], shift(q, -c*len(unit)))
	}
	for c := 1; c < n; c++ {
		if !sameQuotes(got[c], want) {
			t.Fatalf("copy %d of %d (bytes %d-%d): %d quotes differ from the %d of a two-copy text", c, n, c*len(unit), (c+1)*len(unit), len(got[c]), len(want))
		}
	}
}

func shift(q kilde.Quote, by int) kilde.Quote {
	mv := func(s kilde.Span) kilde.Span {
		if s == (kilde.Span{}) {
			return s
		}
		return kilde.Span{Start: s.Start + by, End: s.End + by}
	}
	q.Span, q.SpeakerSpan, q.CueSpan = mv(q.Span), mv(q.SpeakerSpan), mv(q.CueSpan)
	q.TranslationOf = 0 // an index into the whole list
	return q
}

func sameQuotes(a, b []kilde.Quote) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
