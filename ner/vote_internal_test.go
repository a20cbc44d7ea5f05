package ner

import (
	"testing"

	"github.com/kilde-news/kilde"
)

// vote: the majority label of a canonical name wins; a fixed name's label
// beats the majority; a tie keeps each mention's label.
func TestVote(t *testing.T) {
	r, err := loadRuleLists()
	if err != nil {
		t.Fatal(err)
	}
	a := &Annotator{rules: r}
	for _, tc := range []struct {
		name   string
		labels []string // of mentions of one canonical name
		canon  string
		want   []string
	}{
		{"majority", []string{"ORG", "LOC", "ORG"}, "Hjortshøj Boldklub", []string{"ORG", "ORG", "ORG"}},
		{"tie", []string{"ORG", "LOC"}, "Hjortshøj Boldklub", []string{"ORG", "LOC"}},
		{"fixed", []string{"LOC", "LOC", "PER"}, "Boligsiden", []string{"ORG", "ORG", "ORG"}},
	} {
		d := kilde.NewDoc(kilde.Article{Lang: "da", Text: "x x x x x x x x x x"})
		for i, l := range tc.labels {
			d.Entities = append(d.Entities, kilde.Entity{Span: kilde.Span{Start: 2 * i, End: 2*i + 1}, Label: l, Canonical: tc.canon})
		}
		a.vote(d)
		for i, e := range d.Entities {
			if e.Label != tc.want[i] {
				t.Errorf("%s: mention %d = %s, want %s", tc.name, i, e.Label, tc.want[i])
			}
		}
	}
}
