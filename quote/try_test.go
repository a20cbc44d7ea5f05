package quote_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/quote"
)

func TestTry(t *testing.T) {
	f := os.Getenv("QTRY")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	a, err := quote.New()
	if err != nil {
		t.Fatal(err)
	}
	d := kilde.NewDoc(kilde.Article{Text: string(b), Lang: os.Getenv("QLANG")})
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	for _, q := range d.Quotes {
		fmt.Printf("%s %q\n   speaker=%q role=%q cue=%q addr=%q lang=%s\n", q.Kind, d.SpanText(q.Span), q.Speaker, q.Role, q.Cue, q.Addressee, q.Lang)
	}
}
