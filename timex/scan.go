package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	kWord  = 'w'
	kNum   = 'n'
	kPunct = 'p'
)

// tok is the package's own light token: the times annotator does not need
// the tokenizer layer, it scans Doc.Text itself.
type tok struct {
	s, e  int
	k     byte
	sp    bool   // whitespace before it
	nl    bool   // a line break before it
	cap   bool   // starts with an upper-case letter
	low   string // lower-cased word; the text for numbers and punctuation
	n, nd int    // number value and digit count
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// scan splits text from byte lo into words (letters, with inner hyphens and
// apostrophes between letters), digit runs, and single punctuation marks.
func scan(text string, lo int, out []tok) []tok {
	i := lo
	sp, nl := true, true
	for i < len(text) {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			sp = true
			if c == '\n' {
				nl = true
			}
			i++
			continue
		}
		var r rune = rune(c)
		size := 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				sp = true
				i += size
				continue
			}
		}
		t := tok{s: i, sp: sp, nl: nl}
		sp, nl = false, false
		switch {
		case '0' <= c && c <= '9':
			j := i
			n := 0
			for j < len(text) && '0' <= text[j] && text[j] <= '9' {
				if n < 1e8 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			t.k, t.e, t.n, t.nd = kNum, j, n, j-i
			if t.nd > 9 {
				t.n = -1
			}
			t.low = text[i:j]
		case isLetter(r):
			t.cap = unicode.IsUpper(r)
			j := i + size
			for j < len(text) {
				r2, s2 := rune(text[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, s2 = utf8.DecodeRuneInString(text[j:])
				}
				if isLetter(r2) {
					j += s2
					continue
				}
				// an inner hyphen or apostrophe followed by a letter: twenty-one, o'clock
				if (r2 == '-' || r2 == '\'') && j+1 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+1:])
					if r2 == '\'' && (r3 == 's' || r3 == 'S') && (j+2 == len(text) || !isLetter(rune(text[j+2]))) {
						break // Monday's: the possessive stays apart
					}
					if isLetter(r3) {
						j++
						continue
					}
				}
				break
			}
			t.k, t.e = kWord, j
			t.low = strings.ToLower(text[i:j])
		default:
			t.k, t.e = kPunct, i+size
			t.low = text[i : i+size]
			if r == '’' {
				t.low = "'"
			}
		}
		out = append(out, t)
		i = t.e
	}
	return out
}
