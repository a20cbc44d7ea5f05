package claim_test

import (
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/claim"
)

// A time between the cue and a bare clause is not part of the claim.
func TestTimeBeforeBareClauseClaim(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, text, want string
	}{
		{"en", "The firm said late on Tuesday the drug might be unsafe.", "the drug might be unsafe"},
		{"en", "The ministry said last week the tax would rise.", "the tax would rise"},
		{"en", "Shell said in a statement on Monday it would sell the unit.", "it would sell the unit"},
		{"en", "John Smith wrote on X: The deal is off.", "The deal is off"},
		{"da", "Mette Hansen skrev på LinkedIn: Jeg stopper i virksomheden til sommer.", "Jeg stopper i virksomheden til sommer"},
		{"da", "Politiet oplyser i en pressemeddelelse fredag, at to mænd er anholdt.", "to mænd er anholdt"},
	} {
		d := kilde.NewDoc(kilde.Article{Lang: c.lang, Text: c.text})
		d.Sentences = []kilde.Span{{Start: 0, End: len(c.text)}}
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Claims) == 0 || d.SpanText(d.Claims[0].Span) != c.want {
			got := ""
			if len(d.Claims) > 0 {
				got = d.SpanText(d.Claims[0].Span)
			}
			t.Errorf("%q: got %d claims, first %q, want %q", c.text, len(d.Claims), got, c.want)
		}
	}
}
