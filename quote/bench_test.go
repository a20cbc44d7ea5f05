package quote_test

import (
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/quote"
)

// benchText builds an article of about n bytes from the table rows of one
// language, one row a paragraph.
func benchText(lang string, n int) string {
	var b strings.Builder
	for b.Len() < n {
		for _, r := range rows {
			if (r.lang == "en") != (lang == "en") {
				continue
			}
			text, _ := parse(r.in)
			b.WriteString(text)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkAnnotate(b *testing.B) {
	a, err := quote.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"da", "en"} {
		b.Run(lang, func(b *testing.B) {
			text := benchText(lang, 64<<10)
			words := len(strings.Fields(text))
			doc := kilde.NewDoc(kilde.Article{Text: text, Lang: lang})
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := a.Annotate(doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}
