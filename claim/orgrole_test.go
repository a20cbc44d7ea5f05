package claim_test

import (
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/claim"
)

// "says <Org>'s chief executive, <Name>": the source is the person.
func TestOrgRoleAppositionSource(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, text, src string
	}{
		{"en", "Sales rose ten percent last year, says Vestas' chief executive, Henrik Andersen.", "Henrik Andersen"},
		{"en", "Sales fell in March, says Tesco's chief executive Ken Murphy.", "Ken Murphy"},
		{"en", "John Smith wrote on X: The deal is off.", "John Smith"},
		{"da", "Mette Hansen skrev på LinkedIn: Jeg stopper i virksomheden til sommer.", "Mette Hansen"},
		{"da", "Efterspørgslen er svag, siger Danske Banks cheføkonom, Las Olsen.", "Las Olsen"},
	} {
		d := kilde.NewDoc(kilde.Article{Lang: c.lang, Text: c.text})
		d.Sentences = []kilde.Span{{Start: 0, End: len(c.text)}}
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Claims) != 1 || d.Claims[0].Source != c.src {
			got := ""
			if len(d.Claims) > 0 {
				got = d.Claims[0].Source
			}
			t.Errorf("%q: %d claims, source %q, want %q", c.text, len(d.Claims), got, c.src)
		}
	}
}
