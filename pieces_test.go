package kilde_test

import (
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

func TestPieceEnd(t *testing.T) {
	for _, c := range []struct {
		text string
		lo   int
		size int
		want int
	}{
		{"short text", 0, 100, 10},
		{"aaaa bb\n\ncc dd", 0, 4, 8},     // inside the blank line, after its first break
		{"aaaa bb\ncc dd ee", 0, 4, 8},    // no blank line: after the line break
		{"aaaa bbbb cc", 0, 4, 5},         // then after a space
		{"aaaaaaaaaaaaaa", 0, 4, 4},       // then anywhere
		{"aaaaææææææææææ", 0, 5, 6},       // but on a rune boundary
		{"xx\n\nyyyy zz\n\nww", 4, 4, 12}, // from lo
	} {
		got := kilde.PieceEnd(c.text, c.lo, c.size)
		if got != c.want {
			t.Errorf("PieceEnd(%q, %d, %d) = %d, want %d", c.text, c.lo, c.size, got, c.want)
		}
		if !utf8.RuneStart(c.text[min(got, len(c.text)-1)]) && got < len(c.text) {
			t.Errorf("%q: %d is inside a rune", c.text, got)
		}
	}
}
