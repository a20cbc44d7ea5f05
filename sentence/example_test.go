package sentence_test

import (
	"fmt"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/sentence"
	"github.com/kilde-news/kilde/tokenize"
)

func Example() {
	tk, err := tokenize.New()
	if err != nil {
		panic(err)
	}
	sp, err := sentence.New()
	if err != nil {
		panic(err)
	}
	text := "»Det koster ca. 3 mia. kr.,« siger hun. Mødet er den 17. februar.\n\n" +
		"Mr. Smith left the U.S. Army in 2019. He was 54."
	d := kilde.NewDoc(kilde.Article{Text: text})
	_ = tk.Annotate(d)
	_ = sp.Annotate(d)
	for _, s := range d.Sentences {
		fmt.Println(d.SpanText(s))
	}
	fmt.Println(len(d.Paragraphs), "paragraphs")
	// Output:
	// »Det koster ca. 3 mia. kr.,« siger hun.
	// Mødet er den 17. februar.
	// Mr. Smith left the U.S. Army in 2019.
	// He was 54.
	// 2 paragraphs
}
