package ner_test

import (
	"strings"
	"testing"
)

// Title-case lines and calendar words (docs/ner.md, "Title-case lines and
// calendar words"), on sentences written for these tests: no span holds a
// word listed in notIn, and the mentions get the canonical names of want.
func TestHeadlines(t *testing.T) {
	a := newAnnotator(t)
	for _, tc := range []struct {
		name, lang, text string
		notIn            []string          // words no entity may contain
		want             map[string]string // mention → label|canonical ("*": any label)
	}{
		{"weekday and verbs in a headline", "en", "Pence Says Trump Will Win Thursday\nMike Pence said on Thursday that Donald Trump would win the state.",
			[]string{"Says", "Will", "Win", "Thursday"},
			map[string]string{"Pence": "PER|Mike Pence", "Trump": "PER|Donald Trump", "Mike Pence": "PER|Mike Pence"}},
		// A name only in the headline is no longer name for the text.
		{"headline-only name", "en", "Conservative Icon Morton Blackwell Endorses Ted Cruz\nThe veteran activist said he backed the senator. Blackwell told reporters that Cruz would win.",
			[]string{"Endorses"},
			map[string]string{"Blackwell": "PER|Blackwell", "Cruz": "PER|Cruz"}},
		{"verb after a name", "en", "Hillary Clinton Slams Donald Trump On Abortion\nClinton spoke in Ohio. Trump said she was wrong.",
			[]string{"Slams", "On"},
			map[string]string{"Hillary Clinton": "PER|Hillary Clinton", "Donald Trump": "PER|Donald Trump", "Trump": "PER|Trump"}},
		// A common first name before a surname stays ("Bill Cosby").
		{"first name kept", "en", "Bill Cosby Returns To The Stage\nThe comedian performed in Denver on Friday. Cosby said he was happy.",
			[]string{"Returns", "Stage"},
			map[string]string{"Bill Cosby": "PER|Bill Cosby", "Cosby": "PER|Cosby"}},
		// Danish: a title-case headline is split too; sentence case and a
		// line of names are left alone.
		{"da title case", "da", "Minister Afviser Kritik Af Ny Plan Fra Venstre\nSkatteminister Jeppe Bruus afviser kritikken fra Venstre.",
			[]string{"Afviser", "Kritik", "Plan"},
			map[string]string{"Jeppe Bruus": "PER|Jeppe Bruus", "Venstre": "ORG|Venstre"}},
		{"da sentence case", "da", "Minister afviser kritik af ny plan\nSkatteminister Jeppe Bruus afviser kritikken fra Venstre.",
			nil, map[string]string{"Jeppe Bruus": "PER|Jeppe Bruus", "Venstre": "ORG|Venstre"}},
		{"da names line", "da", "Mette Frederiksen\nStatsministeren talte i Aarhus om Lars Løkke Rasmussen.",
			nil, map[string]string{"Mette Frederiksen": "PER|Mette Frederiksen", "Lars Løkke Rasmussen": "PER|Lars Løkke Rasmussen", "Aarhus": "LOC|Aarhus"}},
		{"da weekdays", "da", "Lørdag mødte Lars Hansen Venstre i Odense, og mandag var han i Vejle.",
			[]string{"Lørdag", "mandag"}, map[string]string{"Lars Hansen": "PER|Lars Hansen"}},
		// Calendar words anywhere: cut from the edges of names.
		{"weekday after org", "en", "The company told CNN Tuesday that sales had risen.",
			[]string{"Tuesday"}, map[string]string{"CNN": "ORG|CNN"}},
		{"weekday after person", "en", "Pence Thursday praised the workers in Ohio.",
			[]string{"Thursday"}, map[string]string{"Pence": "PER|Pence"}},
		{"month after in", "en", "In March Rubio said he would stay in the race.",
			[]string{"March"}, map[string]string{"Rubio": "PER|Rubio"}},
		// ... but a common word with a day is a name of its own.
		{"Super Tuesday", "en", "Sanders did well on Super Tuesday, his aides said.",
			nil, map[string]string{"Super Tuesday": "*|Super Tuesday"}},
	} {
		d := annotate(t, a, tc.lang, tc.text)
		have := map[string]string{}
		for _, e := range d.Entities {
			s := d.SpanText(e.Span)
			have[s] = e.Label + "|" + e.Canonical
			for _, w := range tc.notIn {
				if strings.Contains(" "+s+" ", " "+w+" ") || strings.Contains(" "+e.Canonical+" ", " "+w+" ") {
					t.Errorf("%s: entity %q (canonical %q) holds %q", tc.name, s, e.Canonical, w)
				}
			}
		}
		for m, w := range tc.want {
			h := have[m]
			if strings.HasPrefix(w, "*|") {
				_, h, _ = strings.Cut(h, "|")
				w = w[2:]
			}
			if h != w {
				t.Errorf("%s: %q = %q, want %q (all: %v)", tc.name, m, have[m], w, have)
			}
		}
	}
}
