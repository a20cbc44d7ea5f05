package claim_test

import (
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/claim"
)

// ent is an entity given to a test by its text (first occurrence).
type ent struct{ text, label, canonical string }

type resRow struct {
	lang, text string
	ents       []ent
	want       []want // only hedge, source and text (when set) are compared
}

// Sources that are short references resolve to the full name; hedges in
// the content survive a plain attribution; spans keep to one clause.
var resRows = []resRow{
	{"da", "Bryggeriet Humle A/S lukker sin fabrik i Vejle. Det oplyser selskabet.",
		[]ent{{"Humle A/S", "ORG", "Humle A/S"}},
		[]want{{hedge: "asserted", source: "Humle A/S"}}},
	{"da", "Erhvervsstyrelsen har sendt 300 breve ud. Ifølge styrelsen er 40 sager afgjort.",
		[]ent{{"Erhvervsstyrelsen", "ORG", ""}},
		[]want{{hedge: "asserted", source: "Erhvervsstyrelsen", text: "er 40 sager afgjort"}}},
	{"da", "Fynbo Bank og Nordsjællands Politi holdt møde. En mand er anholdt, oplyser politiet.",
		[]ent{{"Fynbo Bank", "ORG", ""}, {"Nordsjællands Politi", "ORG", ""}},
		[]want{{hedge: "asserted", source: "Nordsjællands Politi"}}},
	// no organisation with that head: the description stays
	{"da", "Fynbo Bank holdt møde. En mand er anholdt, oplyser politiet.",
		[]ent{{"Fynbo Bank", "ORG", ""}},
		[]want{{hedge: "asserted", source: "politiet"}}},
	{"da", "Landsforeningen af Ejere holdt møde i går. Huslejen stiger, skriver LE.",
		[]ent{{"Landsforeningen af Ejere", "ORG", ""}},
		[]want{{hedge: "asserted", source: "Landsforeningen af Ejere"}}},
	{"en", "Shares in Brightwater Energy fell. Output dropped 4 percent, the company said.",
		[]ent{{"Brightwater Energy", "ORG", ""}},
		[]want{{hedge: "asserted", source: "Brightwater Energy"}}},
	{"en", "The Food Standards Agency issued a warning. The products are unsafe, the agency said.",
		[]ent{{"Food Standards Agency", "ORG", ""}},
		[]want{{hedge: "asserted", source: "Food Standards Agency"}}},
	{"da", "Økonom Sara Holm er optimistisk. Ifølge hende stiger lønnen.",
		[]ent{{"Sara Holm", "PER", ""}},
		[]want{{hedge: "asserted", source: "Sara Holm"}}},
}

func TestResolveAndClauses(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range resRows {
		d := kilde.NewDoc(kilde.Article{Lang: r.lang, Text: r.text})
		d.Sentences = sentences(r.text)
		for _, e := range r.ents {
			i := strings.Index(r.text, e.text)
			if i < 0 {
				t.Fatalf("entity %q not in %q", e.text, r.text)
			}
			d.Entities = append(d.Entities, kilde.Entity{Span: kilde.Span{Start: i, End: i + len(e.text)}, Label: e.label, Canonical: e.canonical})
		}
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		got := describe(d)
		if len(got) != len(r.want) {
			t.Errorf("Annotate(%q) = %+v, want %+v", r.text, got, r.want)
			continue
		}
		for i, w := range r.want {
			g := want{hedge: got[i].hedge, source: got[i].source}
			if w.text != "" {
				g.text = got[i].text
			}
			if g != w {
				t.Errorf("Annotate(%q) claim %d = %+v, want %+v", r.text, i, got[i], w)
			}
		}
	}
}
