package tokenize_test

import (
	"fmt"
	"strings"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/tokenize"
)

func Example() {
	tk, err := tokenize.New()
	if err != nil {
		panic(err)
	}
	for _, text := range []string{
		"Bl.a. 1.000 ISIS-krigere flygtede 17. februar, skriver @CNN.",
		"The U.S. spent $1.5 billion (100%) on it — see https://example.com/a.",
	} {
		d := kilde.NewDoc(kilde.Article{Text: text})
		_ = tk.Annotate(d)
		var toks []string
		for _, t := range d.Tokens {
			toks = append(toks, d.SpanText(t.Span))
		}
		fmt.Println(strings.Join(toks, " "))
	}
	// Output:
	// Bl.a. 1.000 ISIS-krigere flygtede 17. februar , skriver @CNN .
	// The U.S. spent $ 1.5 billion ( 100% ) on it — see https://example.com/a .
}
