package kilde

import (
	"strings"
	"unicode/utf8"
)

// PieceEnd returns the end of the piece of text that starts at lo: the end
// of the text when at most size bytes are left, else inside the first blank
// line at or after lo+size, after its first line break (the next piece
// starts with the second); failing one within another size bytes, after a
// line break, then a space, then at any rune boundary. Annotators that keep
// per-token scratch read a huge article piece by piece with it, so their
// memory follows the piece, not the article.
func PieceEnd(text string, lo, size int) int {
	if len(text)-lo <= size {
		return len(text)
	}
	from, lim := lo+size, min(len(text), lo+2*size)
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.Index(text[from:lim], sep); i >= 0 {
			return from + i + 1
		}
	}
	for from < len(text) && !utf8.RuneStart(text[from]) {
		from++
	}
	return from
}
