package sqlstore

import (
	"testing"

	"github.com/kilde-news/kilde/search"
)

func TestMisspelling(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"josph votel", "joseph votel", true},           // one letter dropped
		{"joseph votell", "joseph votel", true},         // one letter added
		{"mette frederiksn", "mette frederiksen", true}, // long word
		{"lars larsen", "lars hansen", false},           // first letter differs
		{"anna", "anne", false},                         // words under 5 letters must match
		{"jens hansen", "jens hansen", false},           // same name
		{"votel", "joseph votel", false},                // word count differs
		{"karl ole", "karl ola", false},                 // likewise
		{"frederiksberg", "frederikshavn", false},       // too far
	}
	for _, tt := range tests {
		if got := misspelling(tt.a, tt.b); got != tt.want {
			t.Errorf("misspelling(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPlanMerges(t *testing.T) {
	ents := []entRow{
		{1, "joseph votel", "PER", 10},
		{2, "josph votel", "PER", 1},
		{3, "votel", "PER", 2},
		{4, "votels", "PER", 1},
		{5, "lars hansen", "PER", 5},
		{6, "lars larsen", "PER", 1},
		{7, "hansen", "PER", 1},
		{8, "jens hansen", "PER", 5}, // two Hansens of equal weight: surname stays
		{9, "joseph votel", "ORG", 1},
	}
	got := map[int64]int64{}
	for _, m := range planMerges(ents) {
		got[m.from] = m.to
	}
	want := map[int64]int64{2: 1, 3: 1, 4: 1}
	if len(got) != len(want) {
		t.Errorf("merges %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("entity %d merged into %d, want %d", k, got[k], v)
		}
	}
}

func TestRender(t *testing.T) {
	tests := []struct{ q, fts5, tsq string }{
		{"krigere", `("krig" OR "krigere")`, `('krig' | 'krigere')`},
		{`"Islamisk Stat" -syrien`, `"islamisk stat" NOT ("syri" OR "syrien")`, `('islamisk' <-> 'stat') & !('syri' | 'syrien')`},
		{"krig*", `"krig" *`, `'krig':*`},
		{"år OR ar", `("år" OR "ar")`, `('år' | 'ar')`},
	}
	for _, tt := range tests {
		q, err := search.Parse(tt.q, "da")
		if err != nil {
			t.Fatal(err)
		}
		if got := RenderFTS5(q); got != tt.fts5 {
			t.Errorf("RenderFTS5(%q) = %s, want %s", tt.q, got, tt.fts5)
		}
		if got := RenderTSQuery(q); got != tt.tsq {
			t.Errorf("RenderTSQuery(%q) = %s, want %s", tt.q, got, tt.tsq)
		}
	}
}
