package claim_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/claim"
)

// A megabyte without sentence boundaries, dense with cues, stays fast.
func TestRunOnText(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("X, saying Y may, said Z, who cited W, and said ifølge angiveligt ", 15000)
	for _, lang := range []string{"da", "en"} {
		d := kilde.NewDoc(kilde.Article{Lang: lang, Text: text})
		t0 := time.Now()
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if el := time.Since(t0); el > 20*time.Second {
			t.Errorf("%s: %d bytes took %v", lang, len(text), el)
		}
		if len(d.Claims) == 0 {
			t.Errorf("%s: no claims in a text full of cues", lang)
		}
	}
}
