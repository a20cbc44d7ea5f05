package claim_test

import (
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/claim"
)

// A wire dateline is never part of a claim.
func TestDatelineNotInClaim(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, text, want string
	}{
		{"da", "KØBENHAVN, Danmark (Ritzau) - Regeringen vil hæve skatten, siger finansministeren.", "Regeringen vil hæve skatten"},
		{"en", "LONDON (Reuters) - Prices could rise by 5 percent, the bank said.", "Prices could rise by 5 percent"},
	} {
		d := kilde.NewDoc(kilde.Article{Lang: c.lang, Text: c.text})
		d.Sentences = []kilde.Span{{Start: 0, End: len(c.text)}}
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Claims) == 0 {
			t.Errorf("%q: no claim", c.text)
			continue
		}
		if got := d.SpanText(d.Claims[0].Span); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}
