package ner_test

import (
	"fmt"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/ner"
)

func ExampleAnnotator() {
	a, err := ner.New()
	if err != nil {
		panic(err)
	}
	for _, art := range []kilde.Article{
		{Lang: "da", Text: "Statsminister Mette Frederiksen besøgte Aarhus Universitet. Frederiksens tale handlede om Ukraine."},
		{Lang: "en", Text: "Joe Biden met Olaf Scholz in Washington. Biden's aides said little."},
	} {
		d := kilde.NewDoc(art)
		tokenize(d) // in kilde: the tokens and sentences annotators
		if err := a.Annotate(d); err != nil {
			panic(err)
		}
		for _, e := range d.Entities {
			fmt.Printf("%s %q → %q\n", e.Label, d.SpanText(e.Span), e.Canonical)
		}
	}
	// Output:
	// PER "Mette Frederiksen" → "Mette Frederiksen"
	// ORG "Aarhus Universitet" → "Aarhus Universitet"
	// PER "Frederiksens" → "Mette Frederiksen"
	// LOC "Ukraine" → "Ukraine"
	// PER "Joe Biden" → "Joe Biden"
	// PER "Olaf Scholz" → "Olaf Scholz"
	// LOC "Washington" → "Washington"
	// PER "Biden" → "Joe Biden"
}
