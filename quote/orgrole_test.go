package quote_test

import (
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/quote"
)

// "siger <Org>s <rolle>, <Navn>": the speaker is the named person.
func TestOrgRoleApposition(t *testing.T) {
	a, err := quote.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, text, spk string
	}{
		{"da", "Salget faldt, siger Carlsbergs administrerende direktør Jacob Aarup-Andersen.", "Jacob Aarup-Andersen"},
		{"da", "Salget steg med ti procent i fjor, siger Vestas' administrerende direktør, Henrik Andersen.", "Henrik Andersen"},
		{"da", "Salget faldt, siger direktør i Vestas, Henrik Andersen.", "Henrik Andersen"},
		{"en", "\"Sales fell,\" said the chief executive of Unilever, Alan Jope.", "Alan Jope"},
		{"da", "Efterspørgslen er svag, siger Danske Banks cheføkonom, Las Olsen.", "Las Olsen"},
		{"en", "\"Demand will recover,\" says Maersk's chief executive, Vincent Clerc.", "Vincent Clerc"},
		{"en", "John Smith wrote on X: \"We will not give up.\"", "John Smith"},
		{"da", "Mette Hansen skrev på LinkedIn: \"Jeg stopper til sommer.\"", "Mette Hansen"},
	} {
		d := kilde.NewDoc(kilde.Article{Lang: c.lang, Text: c.text})
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Quotes) != 1 || d.Quotes[0].Speaker != c.spk {
			got := ""
			if len(d.Quotes) > 0 {
				got = d.Quotes[0].Speaker
			}
			t.Errorf("%q: %d quotes, speaker %q, want %q", c.text, len(d.Quotes), got, c.spk)
		}
	}
}
