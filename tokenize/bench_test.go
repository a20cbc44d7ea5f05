package tokenize_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/eval"
	"github.com/kilde-news/kilde/tokenize"
)

// benchArticles builds articles of 20 sentences (paragraphs of two) from the
// DaN+ training sentences in ../shared, or from the table rows if the data
// is absent. It returns the texts and their word count (white-space fields).
func benchArticles(tb testing.TB) ([]string, int) {
	var sents []string
	if f, err := os.Open(filepath.Join(sharedDir(), "data", "ner", "da", "da_news_train.tsv")); err == nil {
		toks, err := eval.ReadTokenSentences(f)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		for _, s := range toks {
			var b strings.Builder
			eval.Detokenize(&b, s, false)
			sents = append(sents, b.String())
		}
	} else {
		for range 50 {
			for _, tt := range tokenTests {
				sents = append(sents, tt.in)
			}
		}
	}
	var arts []string
	words := 0
	for i := 0; i < len(sents); i += 20 {
		var b strings.Builder
		for j := i; j < min(i+20, len(sents)); j++ {
			if j > i {
				if (j-i)%2 == 0 {
					b.WriteString("\n\n")
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(sents[j])
		}
		arts = append(arts, b.String())
		words += len(strings.Fields(b.String()))
	}
	return arts, words
}

// sharedDir is ../shared beside the directory holding go.mod.
func sharedDir() string { return eval.SharedDir() }

func BenchmarkTokenize(b *testing.B) {
	arts, words := benchArticles(b)
	tk, err := tokenize.New()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, a := range arts {
		size += len(a)
	}
	run := func(b *testing.B, fresh bool) {
		docs := make([]*kilde.Doc, len(arts))
		for i, a := range arts {
			docs[i] = &kilde.Doc{Article: kilde.Article{Text: a}}
		}
		b.SetBytes(int64(size))
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			for _, d := range docs {
				if fresh {
					d.Tokens = nil
				}
				_ = tk.Annotate(d)
			}
		}
		b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		b.ReportMetric(float64(len(arts)), "docs/op")
	}
	// fresh: a new Doc each time, one allocation per document;
	// reuse: the token slice is reused, no allocation.
	b.Run("fresh", func(b *testing.B) { run(b, true) })
	b.Run("reuse", func(b *testing.B) { run(b, false) })
}
