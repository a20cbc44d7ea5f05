package sentence_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/eval"
)

// TestDDT guards the figures in docs/tokens-sentences.md: sentence-boundary
// F1 and token accuracy on UD Danish DDT, news layout (see kilde eval
// sentences). It needs ../shared.
func TestDDT(t *testing.T) {
	for _, split := range []string{"dev", "test"} {
		path := filepath.Join(sharedDir(), "data", "ud-ddt", "da_ddt-ud-"+split+".conllu")
		f, err := os.Open(path)
		if err != nil {
			t.Skipf("DDT not found (%v); it lives in ../shared beside the repo", err)
		}
		sents, err := eval.ReadCoNLLU(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		rt, err := eval.Reconstruct(sents, eval.News)
		if err != nil {
			t.Fatal(err)
		}
		d := annotate(t, rt.Text)
		b := eval.BoundaryPRF(rt.Sentences, d.Sentences)
		var pred = make([]kilde.Span, 0, len(d.Tokens))
		for _, tok := range d.Tokens {
			pred = append(pred, tok.Span)
		}
		tk := eval.SpanPRF(rt.Tokens, pred)
		t.Logf("%s: boundaries %v; tokens %v", split, b, tk)
		if b.F1() < 0.97 {
			t.Errorf("%s: sentence-boundary F1 %.3f < 0.97", split, b.F1())
		}
		if tk.Recall() < 0.98 {
			t.Errorf("%s: token accuracy %.3f < 0.98", split, tk.Recall())
		}
	}
}
