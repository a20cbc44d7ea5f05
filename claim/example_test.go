package claim_test

import (
	"fmt"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/claim"
)

func Example() {
	a, err := claim.New()
	if err != nil {
		panic(err)
	}
	for _, art := range []kilde.Article{
		{Lang: "da", Text: "Broen kan være lukket i en uge, skriver DR, der har talt med en ingeniør."},
		{Lang: "en", Text: "The mayor allegedly took bribes, according to the newspaper."},
	} {
		d := kilde.NewDoc(art)
		d.Sentences = []kilde.Span{{Start: 0, End: len(art.Text)}}
		if err := a.Annotate(d); err != nil {
			panic(err)
		}
		for _, c := range d.Claims {
			fmt.Printf("%q source=%q via=%q hedge=%s cue=%q\n", d.SpanText(c.Span), c.Source, c.Via, c.Hedge, c.Cue)
		}
	}
	// Output:
	// "Broen kan være lukket i en uge" source="DR" via=["en ingeniør"] hedge=possible cue="skriver"
	// "The mayor allegedly took bribes" source="the newspaper" via=[] hedge=alleged cue="according to"
}
