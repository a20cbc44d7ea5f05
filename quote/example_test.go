package quote_test

import (
	"fmt"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/quote"
)

func Example() {
	a, err := quote.New()
	if err != nil {
		panic(err)
	}
	for _, art := range []kilde.Article{
		{Lang: "da", Text: "»Vi skal have flere penge til vejene«, siger transportminister Benny Engelbrecht til DR. Han tilføjer, at aftalen er på plads."},
		{Lang: "en", Text: "“We will not back down,” Clinton told reporters. According to aides, she will speak again on Monday."},
	} {
		d := kilde.NewDoc(art)
		if err := a.Annotate(d); err != nil {
			panic(err)
		}
		for _, q := range d.Quotes {
			fmt.Printf("%s %q — %s (role %q, cue %q, to %q)\n", q.Kind, d.SpanText(q.Span), q.Speaker, q.Role, q.Cue, q.Addressee)
		}
	}
	// Output:
	// direct "Vi skal have flere penge til vejene" — Benny Engelbrecht (role "transportminister", cue "siger", to "DR")
	// indirect "aftalen er på plads" — Benny Engelbrecht (role "transportminister", cue "tilføjer", to "")
	// direct "We will not back down" — Clinton (role "", cue "told", to "reporters")
	// indirect "she will speak again on Monday" — aides (role "", cue "According to", to "")
}
