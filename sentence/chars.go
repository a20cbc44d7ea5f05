package sentence

import (
	"unicode"
	"unicode/utf8"
)

func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func runeBefore(s string, i int) (rune, int) {
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// isSpace matches the tokenizer's notion of white space.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return true
	case 0x200B, 0xFEFF, 0x2060:
		return true
	}
	return r >= utf8.RuneSelf && unicode.IsSpace(r)
}

func upper(s string) bool {
	if s == "" {
		return false
	}
	r, _ := runeAt(s, 0)
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func lower(s string) bool {
	if s == "" {
		return false
	}
	r, _ := runeAt(s, 0)
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func digit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// isTerm reports punctuation tokens that end a sentence: . ! ? … and runs of them.
func isTerm(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); {
		r, n := runeAt(w, i)
		switch r {
		case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉':
		default:
			return false
		}
		i += n
	}
	return true
}

// isCloser reports tokens that may follow a sentence's final punctuation and
// still belong to it: quotation marks of every style and closing brackets.
func isCloser(w string) bool {
	switch w {
	case "\"", "'", "»", "«", "”", "“", "’", "‘", "›", "‹", ")", "]", "}", "''":
		return true
	}
	return false
}

// isOpener reports tokens that may start a sentence before its first word.
func isOpener(w string) bool {
	switch w {
	case "\"", "'", "»", "«", "”", "“", "„", "’", "‘", "›", "‹", "(", "[", "{", "-", "–", "—", "―", "•", "*", "·", "''", "``":
		return true
	}
	return false
}

func isDash(w string) bool {
	switch w {
	case "-", "–", "—", "―", "--":
		return true
	}
	return false
}
