package kilde_test

import (
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
