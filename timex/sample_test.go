package timex_test

import (
	"github.com/kilde-news/kilde/eval"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/timex"
)

// sharedDir is ../shared beside the directory holding go.mod.
func sharedDir(t testing.TB) string { return eval.SharedDir() }

// The sample article's times come out as issue 5 says (the article is not
// used to tune rules; this only checks the promised values).
func TestSampleArticle(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(sharedDir(t), "corpus", "000_a8d0776130b7e022.txt"))
	if err != nil {
		t.Skip("sample article not available (../shared/corpus): ", err)
	}
	text := string(b)
	date := ""
	if strings.HasPrefix(text, " date ") || strings.HasPrefix(text, "date ") {
		f := strings.Fields(text)
		date = f[1]
	}
	a, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	d := kilde.NewDoc(kilde.Article{Date: date, Lang: "da", Text: text})
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, x := range d.Times {
		got[d.SpanText(x.Span)] = x.Value
		t.Logf("%q %s %s", d.SpanText(x.Span), x.Type, x.Value)
	}
	for text, want := range map[string]string{
		"de sidste seks måneder": "P6M",
		"i sommer":               "2018-SU",
		"Tidligere denne måned":  "2019-02",
		"17. februar 2019":       "2019-02-17",
	} {
		if got[text] != want {
			t.Errorf("%q = %q, want %q", text, got[text], want)
		}
	}
}
