package quantity_test

import (
	"fmt"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/quantity"
)

func Example() {
	a, err := quantity.New()
	if err != nil {
		panic(err)
	}
	for _, in := range []kilde.Article{
		{Lang: "da", Text: "Mellem 15.500 og 17.000 soldater fik op til 2,5 mia. kr."},
		{Lang: "en", Text: "Some 30,000 troops cost $4.3bn."},
	} {
		d := kilde.NewDoc(in)
		a.Annotate(d)
		for _, q := range d.Quantities {
			fmt.Printf("%q %s unit=%s measured=%s\n", d.SpanText(q.Span), q.Approx, q.Unit, q.Measured)
		}
	}
	// Output:
	// "Mellem 15.500 og 17.000" range unit= measured=soldater
	// "op til 2,5 mia. kr." at_most unit=DKK measured=
	// "Some 30,000" about unit= measured=troops
	// "$4.3bn" exact unit=USD measured=
}
