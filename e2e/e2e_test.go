package e2e

import (
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
)

func f(x float64) *float64 { return &x }

// TestScore scores a tiny synthetic article by hand-made predictions.
func TestScore(t *testing.T) {
	text := "Ministeren siger, at prisen stiger. »Det er dyrt,« siger hun. Prisen er 2,5 mia. kr. i 2024."
	c := &Case{
		Name:    "synthetic",
		Article: kilde.Article{Date: "2024-03-12", Text: text, Source: kilde.Source{Line: 1}},
		Gold: Gold{
			Lang: "da",
			Quotes: []Quote{
				{Ref: Ref{Text: "prisen stiger"}, Kind: "indirect", Speaker: "Ministeren"},
				{Ref: Ref{Text: "Det er dyrt,"}, Kind: "direct", Speaker: "Ministeren"},
			},
			Quantities: []Quantity{{Ref: Ref{Text: "2,5 mia. kr."}, Value: f(2.5e9), Low: f(2.5e9), High: f(2.5e9), Approx: "exact", Unit: "DKK"}},
			Times:      []Time{{Ref: Ref{Text: "2024"}, Type: "DATE", Value: "2024"}},
		},
	}
	if err := c.Resolve(); err != nil {
		t.Fatal(err)
	}
	sp := func(s string, n int) kilde.Span {
		x, ok := Find(text, Ref{Text: s, N: n})
		if !ok {
			t.Fatalf("%q not found", s)
		}
		return x
	}
	d := kilde.NewDoc(c.Article)
	d.Quotes = []kilde.Quote{
		{Span: sp("prisen stiger", 0), Kind: "indirect", Speaker: "ministeren"}, // exact, speaker ok (case)
		{Span: sp("Det er dyrt", 0), Kind: "direct", Speaker: "Prisen"},         // overlap only, wrong speaker
		{Span: sp("Prisen er", 0), Kind: "direct", Speaker: ""},                 // false positive
	}
	d.Quantities = []kilde.Quantity{{Span: sp("2,5 mia. kr.", 0), Value: f(2.5e9), Low: f(2.5e9), High: f(2.5e9), Approx: "exact", Unit: "EUR"}}
	r := NewReport()
	r.Score(c, d)
	q := r.Scores["da"]["quotes"]
	if q.Exact.TP != 1 || q.Exact.FP != 2 || q.Exact.FN != 1 {
		t.Errorf("quotes exact = %+v", q.Exact)
	}
	if q.Overlap.TP != 2 || q.Overlap.FP != 1 || q.Overlap.FN != 0 {
		t.Errorf("quotes overlap = %+v", q.Overlap)
	}
	if a := q.Attr["speaker"]; a.N != 2 || a.OK != 1 {
		t.Errorf("speaker acc = %+v", a)
	}
	if a := q.Attr["kind"]; a.N != 2 || a.OK != 2 {
		t.Errorf("kind acc = %+v", a)
	}
	qt := r.Scores["all"]["quantities"]
	if qt.Exact.TP != 1 || qt.Attr["unit"].OK != 0 || qt.Attr["number"].OK != 1 {
		t.Errorf("quantities = %+v unit %+v", qt.Exact, qt.Attr["unit"])
	}
	tm := r.Scores["all"]["times"]
	if tm.Exact.FN != 1 || tm.Exact.TP != 0 {
		t.Errorf("times = %+v", tm.Exact)
	}
	var b strings.Builder
	r.Print(&b, true)
	out := b.String()
	for _, want := range []string{"synthetic:1 fp", "synthetic:1 miss", `speaker: gold "ministeren", got "prisen"`, "boundary"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestAgree(t *testing.T) {
	for _, tc := range []struct {
		k, g, p string
		want    bool
	}{
		{"speaker", "mette frederiksen", "statsminister mette frederiksen", true},
		{"speaker", "mette frederiksen", "frederiksen", true},
		{"speaker", "mette frederiksen", "mette", true},
		{"speaker", "mette frederiksen", "lars løkke", false},
		{"speaker", "han", "", false},
		{"hedge", "reported", "alleged", false},
	} {
		if got := agree(tc.k, tc.g, tc.p); got != tc.want {
			t.Errorf("agree(%q, %q, %q) = %v", tc.k, tc.g, tc.p, got)
		}
	}
}

// TestGoldFiles checks that every gold file parses, has valid labels and
// every gold span text occurs in its article.
func TestGoldFiles(t *testing.T) {
	for _, d := range []struct {
		dir string
		min int
	}{{"testdata", 16}, {"testdata-blind", 10}, {"testdata-blind2", 12}} {
		t.Run(d.dir, func(t *testing.T) { testGoldDir(t, d.dir, d.min) })
	}
}

func testGoldDir(t *testing.T, dir string, min int) {
	cases, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < min {
		t.Errorf("%s: %d articles, want at least %d", dir, len(cases), min)
	}
	for _, c := range cases {
		if c.Article.Date == "" {
			t.Errorf("%s: no date", c.Name)
		}
		n := 0
		for _, l := range Layers {
			n += len(c.Spans[l])
		}
		if n == 0 {
			t.Errorf("%s: empty gold", c.Name)
		}
	}
}

func TestFind(t *testing.T) {
	s, ok := Find("a b a b a", Ref{Text: "a", N: 2})
	if !ok || s.Start != 8 {
		t.Errorf("Find = %v %v", s, ok)
	}
	if _, ok := Find("a b", Ref{Text: "a", N: 1}); ok {
		t.Error("second occurrence found")
	}
}

func TestFindWords(t *testing.T) {
	s, ok := Find("stor to", Ref{Text: "to"})
	if !ok || s.Start != 5 {
		t.Errorf("Find = %v %v", s, ok)
	}
	s, ok = Find("4,5 procent og 5 procent og 1.000", Ref{Text: "5 procent"})
	if !ok || s.Start != 15 {
		t.Errorf("Find = %v %v", s, ok)
	}
	if _, ok = Find("1.000", Ref{Text: "1"}); ok {
		t.Error("found 1 in 1.000")
	}
}
