package quote_test

import (
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/quote"
)

// A time between the cue and a bare clause is not part of the content.
func TestTimeBeforeBareClause(t *testing.T) {
	a, err := quote.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, text, want string
	}{
		{"en", "The company said late on Tuesday it had cut 500 jobs.", "it had cut 500 jobs"},
		{"en", "The agency said last week the river had flooded two towns.", "the river had flooded two towns"},
		{"en", "The union said on Friday it would strike.", "it would strike"},
		{"da", "Kommunen skriver i en mail til Ritzau, at sagen er under behandling.", "sagen er under behandling"},
		{"da", "Ministeren siger i en pressemeddelelse, at loven skal ændres.", "loven skal ændres"},
	} {
		d := kilde.NewDoc(kilde.Article{Lang: c.lang, Text: c.text})
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Quotes) != 1 || d.SpanText(d.Quotes[0].Span) != c.want {
			got := ""
			if len(d.Quotes) > 0 {
				got = d.SpanText(d.Quotes[0].Span)
			}
			t.Errorf("%q: got %d quotes, first %q, want %q", c.text, len(d.Quotes), got, c.want)
		}
	}
}
