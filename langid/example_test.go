package langid_test

import (
	"fmt"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/langid"
)

func Example() {
	id, err := langid.New()
	if err != nil {
		panic(err)
	}
	d := kilde.NewDoc(kilde.Article{Text: "Præsidenten skrev på Twitter, at han ikke kommer til mødet i næste uge.\n\n" +
		"I will not be coming to the meeting, because they have been very unfair to us!\n\n" +
		"Statsministeren siger, at hun er skuffet over beskeden."})
	id.Annotate(d)
	fmt.Println("article:", d.Lang)
	for _, p := range d.Paragraphs {
		fmt.Printf("%q %q\n", p.Lang, d.LangAt(p.Start))
	}
	// Output:
	// article: da
	// "" "da"
	// "en" "en"
	// "" "da"
}
