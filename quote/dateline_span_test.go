package quote_test

import (
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/quote"
)

// A wire dateline is never part of a quote, nor its speaker.
func TestDatelineNotInQuote(t *testing.T) {
	a, err := quote.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, text, want, spk string
	}{
		{"da", "AARHUS (Ritzau): Tre personer er kommet til skade i en ulykke på motorvejen. Det oplyser Østjyllands Politi.", "Tre personer er kommet til skade i en ulykke på motorvejen", "Østjyllands Politi"},
		{"en", "WASHINGTON, United States (AFP) - The Senate passed the bill late on Friday, officials said.", "The Senate passed the bill late on Friday", "officials"},
		{"en", "LONDON (Reuters) - Britain's economy will shrink this year, it said on Monday.", "Britain's economy will shrink this year", ""},
	} {
		d := kilde.NewDoc(kilde.Article{Lang: c.lang, Text: c.text})
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Quotes) != 1 {
			t.Errorf("%q: %d quotes", c.text, len(d.Quotes))
			continue
		}
		q := d.Quotes[0]
		if got := d.SpanText(q.Span); got != c.want || q.Speaker != c.spk {
			t.Errorf("%q: got %q by %q, want %q by %q", c.text, got, q.Speaker, c.want, c.spk)
		}
	}
}
