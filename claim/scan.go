package claim

import (
	"unicode"

	"github.com/kilde-news/kilde"
	"unicode/utf8"
)

const (
	tWord uint8 = iota
	tNum
	tPunct
)

// tok is a word, number or punctuation mark of one sentence. s and e are
// byte offsets into Doc.Text; ls and le locate its lower-cased form in
// scan.low.
type tok struct {
	s, e   int
	ls, le int32
	kind   uint8
	cap    bool   // first letter upper-case
	role   uint32 // roles of the lower-cased word in claim_words.tsv
	h, src *node  // hedge and source trie nodes after this word
	quoted bool   // between quotation marks
}

// scan is per-document scratch space, reused through a sync.Pool.
type scan struct {
	d          *kilde.Doc
	l          *lang
	first      int        // index of the sentence's first word token
	lastNamed  string     // last named (not pronoun) source in the document
	prev       kilde.Span // the previous sentence
	prevClaims int        // index in Doc.Claims of the previous sentence's first claim
	text       string
	toks       []tok
	low        []byte
	hed        []hit
	cues       []hit
	atts       []att
	cut        []kilde.Span // claim spans cut to one of coordinated clauses
	// qIdx orders the quote claims (the first nq of Doc.Claims) by start, so
	// mergeQuotes looks only at quotes near a claim; qDirty asks for a
	// rebuild after a quote claim's span changed. qMax is the longest.
	qIdx   []int
	qMax   int
	qDirty bool
	ix     index // lookups in the entity and time layers
}

// hit is a lexicon match over tokens [i, j).
type hit struct {
	i, j int
	v    int32
	cls  class // hedges: class after negation
	w    int   // words in the pattern (less than j-i when a gap matched)
	used bool
}

func (s *scan) norm(i int) []byte { t := s.toks[i]; return s.low[t.ls:t.le] }

func (s *scan) is(i int, w string) bool { return i >= 0 && i < len(s.toks) && string(s.norm(i)) == w }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// inner reports whether r may join two word runes inside one token:
// hyphens, apostrophes and the dots and commas of numbers and abbreviations.
func inner(r rune) bool {
	switch r {
	case '-', '\'', '’', '.', ',', '/', '‐':
		return true
	}
	return false
}

// tokenize splits text[start:end] into tokens, appending to s.toks.
func (s *scan) tokenize(start, end int) {
	s.toks = s.toks[:0]
	s.low = s.low[:0]
	t := s.text
	i := start
	for i < end {
		c := t[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(t[i:end])
		}
		if c == ' ' || c == '\n' || unicode.IsSpace(r) || r == utf8.RuneError && size == 1 || unicode.IsControl(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			ls := int32(len(s.low))
			s.low = utf8.AppendRune(s.low, r)
			s.toks = append(s.toks, tok{s: i, e: i + size, ls: ls, le: int32(len(s.low)), kind: tPunct})
			i += size
			continue
		}
		tk := tok{s: i, ls: int32(len(s.low)), kind: tWord, cap: unicode.IsUpper(r)}
		if unicode.IsDigit(r) {
			tk.kind = tNum
		}
		j := i
		for j < end {
			c := t[j]
			var r rune
			n := 1
			if c < utf8.RuneSelf {
				r = rune(c)
			} else {
				r, n = utf8.DecodeRuneInString(t[j:end])
			}
			if r < utf8.RuneSelf && isWordRune(r) {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				s.low = append(s.low, byte(r))
				j++
				continue
			}
			if isWordRune(r) {
				s.low = utf8.AppendRune(s.low, unicode.ToLower(r))
				j += n
				continue
			}
			if inner(r) && j+n < end {
				r2, _ := utf8.DecodeRuneInString(t[j+n : end])
				if isWordRune(r2) && !(r == ',' && tk.kind != tNum) {
					if r == '’' {
						r = '\''
					}
					s.low = utf8.AppendRune(s.low, r)
					j += n
					continue
				}
			}
			break
		}
		tk.e = j
		tk.le = int32(len(s.low))
		s.toks = append(s.toks, tk)
		i = j
	}
}
