package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Character classes of the ASCII fast path.
const (
	cSpace uint8 = 1 << iota
	cLetter
	cDigit
	cUpper
	cLower
)

var ascii [utf8.RuneSelf]uint8

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == ' ', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			ascii[c] = cSpace
		case 'a' <= c && c <= 'z':
			ascii[c] = cLetter | cLower
		case 'A' <= c && c <= 'Z':
			ascii[c] = cLetter | cUpper
		case '0' <= c && c <= '9':
			ascii[c] = cDigit
		}
	}
}

// runeAt decodes the rune at byte offset i; ASCII costs one comparison.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore decodes the rune that ends at byte offset i.
func runeBefore(s string, i int) (rune, int) {
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// IsSpace reports whether r separates tokens: Unicode white space, the
// zero-width space and the byte-order mark.
func IsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cSpace != 0
	}
	switch r {
	case 0x200B, 0xFEFF, 0x2060:
		return true
	}
	return unicode.IsSpace(r)
}

// isWord reports whether r is part of a word: a letter, digit or combining mark.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&(cLetter|cDigit) != 0 || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cLetter != 0
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cDigit != 0
	}
	return unicode.IsDigit(r)
}

// isMarkLike reports runes that belong to the rune before them: combining
// marks, variation selectors, the zero-width joiner, emoji modifiers.
func isMarkLike(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	return r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0x1F3FB && r <= 0x1F3FF) ||
		(r >= 0xE0020 && r <= 0xE007F) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Mc, r)
}

// isQuote reports quotation marks of every style used in Danish and
// English news: straight, curly, guillemets, low-9.
func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '«', '»', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '‹', '›', '`', '´', '「', '」':
		return true
	}
	return false
}

// isDash reports hyphens and dashes.
func isDash(r rune) bool {
	switch r {
	case '-', '–', '—', '―', '‒', '−', '‐', '‑':
		return true
	}
	return false
}

// inner reports runes that may join two word parts inside one token:
// `ISIS-krigere`, `1.000`, `1,32`, `14:30`, `USA’s`, `og/eller`, `AT&T`.
func inner(r rune) bool {
	switch r {
	case '-', '‐', '‑', '.', ',', ':', '\'', '’', '/', '&', '_', '@', '·', '+':
		return true
	}
	return false
}
