package quantity_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
)

// newsText joins the DaN+ training sentences (../shared, read at test time
// only) into running text, one paragraph per 20 sentences.
func newsText(tb testing.TB) (string, int) {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			tb.Skip("no go.mod")
		}
		dir = filepath.Dir(dir)
	}
	f, err := os.Open(filepath.Join(dir, "..", "shared", "data", "ner", "da", "da_news_train.tsv"))
	if err != nil {
		tb.Skip("../shared/data/ner/da/da_news_train.tsv not found")
	}
	defer f.Close()
	var sb strings.Builder
	words, sents := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			sents++
			if sents%20 == 0 {
				sb.WriteString("\n\n")
			}
			continue
		}
		tok, _, _ := strings.Cut(line, "\t")
		if sb.Len() > 0 && !strings.ContainsAny(tok, ".,:;!?)") {
			sb.WriteByte(' ')
		}
		sb.WriteString(tok)
		words++
	}
	return sb.String(), words
}

// BenchmarkCorpus measures the annotator on Danish news text (DaN+ train,
// about 80k words): the figure in docs/quantities.md.
func BenchmarkCorpus(b *testing.B) {
	text, words := newsText(b)
	a := mustNew(b)
	d := kilde.NewDoc(kilde.Article{Lang: "da", Text: text})
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Annotate(d)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(len(d.Quantities)), "quantities")
}

// The annotator survives the whole corpus with sane spans.
func TestCorpus(t *testing.T) {
	text, _ := newsText(t)
	a := mustNew(t)
	d := kilde.NewDoc(kilde.Article{Lang: "da", Text: text})
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	check(t, d)
	if len(d.Quantities) < 100 {
		t.Errorf("only %d quantities in DaN+ train", len(d.Quantities))
	}
}
