package kilde_test

import (
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
)

func TestContentID(t *testing.T) {
	a := kilde.ContentID("Mette Frederiksen siger nej.\n\nDet er klart.", "2019-02")
	for _, same := range []string{
		"Mette Frederiksen siger nej.\r\n\r\nDet er klart.",
		"  Mette Frederiksen   siger nej.\n\n\tDet er klart.\n",
	} {
		if got := kilde.ContentID(same, "2019-02"); got != a {
			t.Errorf("ContentID(%q) = %s, want %s (white space only differs)", same, got, a)
		}
	}
	for _, other := range [][2]string{
		{"Mette Frederiksen siger ja.\n\nDet er klart.", "2019-02"},
		{"mette frederiksen siger nej.\n\nDet er klart.", "2019-02"},
		{"Mette Frederiksen siger nej.\n\nDet er klart.", "2019-03"},
		{"Mette Frederiksen siger nej.\n\nDet er klart.", ""},
	} {
		if kilde.ContentID(other[0], other[1]) == a {
			t.Errorf("ContentID(%q, %q) equals the original's", other[0], other[1])
		}
	}
	if len(a) != 16 {
		t.Errorf("len = %d, want 16 hex digits", len(a))
	}
}

func TestLangAt(t *testing.T) {
	d := &kilde.Doc{Article: kilde.Article{Lang: "da", Text: "aaaa\n\nbbbb\n\ncccc"}}
	d.Paragraphs = []kilde.Paragraph{{Span: kilde.Span{Start: 0, End: 4}}, {Span: kilde.Span{Start: 6, End: 10}, Lang: "en"}, {Span: kilde.Span{Start: 12, End: 16}}}
	for off, want := range map[int]string{0: "da", 3: "da", 4: "da", 6: "en", 9: "en", 10: "da", 12: "da", 15: "da", 99: "da"} {
		if got := d.LangAt(off); got != want {
			t.Errorf("LangAt(%d) = %q, want %q", off, got, want)
		}
	}
}

func BenchmarkContentID(b *testing.B) {
	text := strings.Repeat("Mere end 1.000 krigere er flygtet fra Syrien til Irak i løbet af de sidste seks måneder.\n\n", 100)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		kilde.ContentID(text, "2019-02")
	}
}
