package search_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde/search"
)

func TestIndexText(t *testing.T) {
	tests := []struct{ in, lang, want string }{
		{"Krigerne og krigere", "da", "krig og krig"},
		{"ISIS-krigere", "da", "isis krig"},
		{"Sidste år kom de", "da", "sidst år kom de"},
		{"Ar på kinden", "da", "ar på kind"},
		{"The fighters were running", "en", "the fighter were run"},
		{"15.500 kroner", "da", "15 500 kron"},
		{"", "da", ""},
		{"Über große Straßen", "de", "über große straßen"},
	}
	for _, tt := range tests {
		if got := search.IndexText(tt.in, tt.lang); got != tt.want {
			t.Errorf("IndexText(%q, %q) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ISIS krigere", "isis krig OR krigere"},
		{`"Islamisk Stat"`, `"islamisk stat"`},
		{"krig*", "krig*"},
		{"isis OR daesh", "isis OR daesh"},
		{"ISIS -syrien", "isis -syri OR syrien"},
		{"ISIS-krigere", `"isis krig" OR "isis krigere"`},
		{"år", "år"},
		{"", ""},
	}
	for _, tt := range tests {
		q, err := search.Parse(tt.in, "da")
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("Parse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{`"unclosed`, "-alene", "OR x", "x OR"} {
		if _, err := search.Parse(bad); err == nil {
			t.Errorf("Parse(%q): no error", bad)
		}
	}
}

func TestSnippet(t *testing.T) {
	text := "Indledning uden betydning. " + strings.Repeat("fyld ", 40) + "Over 10.000 krigere fra ISIS er fanget, siger kilder. " + strings.Repeat("mere fyld ", 30)
	q, err := search.Parse("kriger isis")
	if err != nil {
		t.Fatal(err)
	}
	sn := search.MakeSnippet(text, search.Analyze(text, "da"), q.Matcher(), 20)
	got := search.Mark(sn, "[", "]")
	if !strings.Contains(got, "[krigere] fra [ISIS]") {
		t.Errorf("snippet %q lacks highlighted match", got)
	}
	if text[sn.Start:sn.Start+len(sn.Text)] != sn.Text {
		t.Errorf("snippet start %d does not locate %q", sn.Start, sn.Text)
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"Krigerne og krigere", "ISIS-krigere", "år", "\xff\xfe", "a\u0301b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		terms := search.Analyze(s, "da")
		for _, tm := range terms {
			if tm.Start < 0 || tm.End > len(s) || tm.Start >= tm.End {
				t.Fatalf("bad span %v", tm.Span)
			}
			if !utf8.RuneStart(s[tm.Start]) || (tm.End < len(s) && !utf8.RuneStart(s[tm.End])) {
				t.Fatalf("span %v not on rune boundary", tm.Span)
			}
		}
		if q, err := search.Parse(s); err == nil && q != nil {
			sn := search.MakeSnippet(s, terms, q.Matcher(), 10)
			_ = search.Mark(sn, "<", ">")
		}
	})
}

func BenchmarkIndexText(b *testing.B) {
	text := strings.Repeat("Statsministeren siger, at over 10.000 krigere fra Islamisk Stat er blevet fanget i Syrien. ", 50)
	words := len(strings.Fields(text))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		search.IndexText(text, "da")
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
