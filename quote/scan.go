package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

type tkind uint8

const (
	tWord tkind = iota
	tNum
	tPunct
	tMark // a quotation-mark character
	tDash // – — or a free-standing hyphen
	tHandle
)

type tok struct {
	s, e  int
	k     tkind
	low   string // lower-cased word; the raw text for other kinds
	cap   bool   // starts with an upper-case letter
	sent  int    // sentence number
	blk   int    // block (non-empty line) number
	first bool   // first token of its sentence
	inQ   bool   // inside a direct quote
	qs    bool   // first word after an opening mark or a dash: capitalized like a sentence start
}

// state is the per-document scratch space.
type state struct {
	a      *Annotator
	d      *kilde.Doc
	text   string
	toks   []tok
	blocks []kilde.Span     // non-empty lines
	tcase  []int8           // titleCase per block: 0 unknown, 1 yes, -1 no
	sents  []int            // first token of each sentence
	names  []nameRef        // full names seen in the text, for canonical forms
	byLast map[string][]int // last word → indexes into names
	ments  []mention        // people and organisations in text order
	smen   []mention        // resolved speakers in text order
	cands  []cand
	ents   []kilde.Entity // Doc.Entities in the piece, when sorted
	// hasEnts: the document has (sorted) entities, so a capitalized word
	// outside one is no name
	hasEnts bool
	used    []bool // token is a cue already used
	// cueDirect[m] is 1 + the index of the first direct quote with cue m
	// (0: none); set by indirect for usedFar
	cueDirect []int32
	// cueFrame[m] is 1 + the index in frames of the speaker a quote took
	// with cue m (0: none), for frameBefore; curCand is the quote
	// directSpeakers is working on
	cueFrame []int32
	frameCut []int32 // first new-frame cut at or after each token (nextFrame)
	frames   []speaker
	curCand  int
	// qpre[k] counts the tokens before k in or at a quote (inQ or a mark);
	// set by indirect for hasQuoteIn
	qpre []int32
	// coord[k] is the first token at or after k where cutCoordQuote cuts a
	// clause running to the text end (-1: none); set by indirect
	coord []int32
	lx    *lang // the article's language
}

func isMarkRune(r rune) bool {
	switch r {
	case '»', '«', '„', '“', '”', '"', '‘', '’', '‚', '\'', '‹', '›':
		return true
	}
	return false
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func runeAt(s string, i int) rune {
	if i < 0 || i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func runeBefore(s string, i int) rune {
	if i <= 0 || i > len(s) {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// tokenize splits the text from byte lo into words, numbers, punctuation,
// quotation marks and dashes, and numbers the non-empty lines.
func (st *state) tokenize(lo int) {
	s := st.text
	// One grow per piece: about one token per 5 bytes of news text.
	st.toks = slices.Grow(st.toks[:0], (len(s)-lo)/5+16)
	blk := -1
	lineHasTok := false
	lineStart := lo
	for i := lo; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\n' {
			if lineHasTok {
				st.blocks[len(st.blocks)-1].End = trimRightSpace(s, lineStart, i)
			}
			lineHasTok = false
			i += size
			lineStart = i
			continue
		}
		if unicode.IsSpace(r) || r == utf8.RuneError && size <= 1 && !utf8.FullRuneInString(s[i:]) {
			i += size
			continue
		}
		if !lineHasTok {
			lineHasTok = true
			blk++
			st.blocks = append(st.blocks, kilde.Span{Start: i, End: len(s)})
		}
		t := tok{s: i, blk: blk}
		switch {
		case isWordRune(r) || (isApos(r) && unicode.IsDigit(runeAt(s, i+size)) && !unicode.IsLetter(runeBefore(s, i))):
			j := i + size
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if (r2 == '.' || r2 == ',') && unicode.IsDigit(runeBefore(s, j)) && unicode.IsDigit(runeAt(s, j+n2)) {
					j += n2
					continue
				}
				if (r2 == '-' || isApos(r2) || r2 == '.' && j+n2 < len(s) && unicode.IsUpper(runeAt(s, j+n2)) && unicode.IsUpper(runeBefore(s, j)) && j-i <= 3) && isWordRune(runeAt(s, j+n2)) {
					j += n2
					continue
				}
				break
			}
			// An initial or a short title keeps its period: "J.", "Sen.", "Dr.", "U.S.".
			if j < len(s) && s[j] == '.' && absorbsPeriod(s[i:j], s, j+1) {
				j++
			}
			t.e = j
			t.k = tWord
			if unicode.IsDigit(r) && !hasLetter(s[i:j]) {
				t.k = tNum
			}
			t.cap = unicode.IsUpper(r)
			t.low = lower(s[i:j])
		case r == '@' && isWordRune(runeAt(s, i+1)):
			j := i + 1
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) && r2 != '_' {
					break
				}
				j += n2
			}
			t.e, t.k, t.low = j, tHandle, s[i:j]
		case isMarkRune(r):
			t.e, t.k, t.low = i+size, tMark, s[i:i+size]
		case r == '–' || r == '—' || r == '―' || r == '-' && (i+1 >= len(s) || s[i+1] == ' ') && (i == 0 || s[i-1] == ' ' || s[i-1] == '\n'):
			t.e, t.k, t.low = i+size, tDash, s[i:i+size]
		default:
			t.e, t.k, t.low = i+size, tPunct, s[i:i+size]
		}
		st.toks = append(st.toks, t)
		i = t.e
	}
}

func trimRightSpace(s string, start, end int) int {
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return end
}

// absorbsPeriod reports whether word w keeps the period after it: single
// letters (initials) and short capitalized titles before a capitalized word.
func absorbsPeriod(w string, s string, next int) bool {
	if next < len(s) && (s[next] == ')' || s[next] == ',') { // "(D-Wis.)", "R-Ky.,": no sentence ends there
		return true
	}
	n := utf8.RuneCountInString(w)
	if n == 1 && unicode.IsUpper(runeAt(w, 0)) {
		return true
	}
	if strings.Contains(w, ".") { // U.S
		return true
	}
	if n <= 3 && unicode.IsUpper(runeAt(w, 0)) {
		switch w {
		case "Mr", "Mrs", "Ms", "Dr", "Sen", "Gov", "Rep", "Gen", "Lt", "Col", "Sgt", "St", "Jr", "Sr", "Fhv", "Capt", "Adm":
			return true
		}
	}
	switch w {
	case "fhv", "bl.a", "f.eks", "ca", "jf", "mio", "mia", "mr", "dr", "sen", "gov", "rep", "gen", "kr", "pct", "nr":
		return true
	}
	return false
}

// lower returns s lower-cased, without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// segment assigns sentence numbers: from Doc.Sentences when present, else by
// end punctuation followed by a capital, a mark or a dash; a new line always
// starts a sentence.
func (st *state) segment() {
	sent := -1
	prevBlk := -1
	si := 0
	ss := st.d.Sentences
	if len(st.toks) > 0 { // the first sentence that may hold a token of the piece
		lo := st.toks[0].s
		si = sort.Search(len(ss), func(i int) bool { return ss[i].End > lo })
	}
	st.sents = st.sents[:0]
	for i := range st.toks {
		t := &st.toks[i]
		newSent := t.blk != prevBlk
		if len(ss) > 0 {
			for si < len(ss) && ss[si].End <= t.s {
				si++
			}
			if si < len(ss) && ss[si].Start <= t.s && (i == 0 || st.toks[i-1].s < ss[si].Start) {
				newSent = true
			}
		} else if i > 0 {
			p := st.toks[i-1]
			if p.k == tPunct && (p.low == "." || p.low == "!" || p.low == "?") && (t.cap || t.k == tMark || t.k == tDash || t.k == tNum) {
				newSent = true
			}
			// A closing mark after end punctuation: ».« then a capital.
			if p.k == tMark && i > 1 && st.toks[i-2].k == tPunct && (st.toks[i-2].low == "." || st.toks[i-2].low == "!" || st.toks[i-2].low == "?") && t.cap && t.s > p.e {
				newSent = true
			}
		}
		if newSent {
			sent++
			st.sents = append(st.sents, i)
			t.first = true
		}
		t.sent = sent
		t.qs = i > 0 && (st.toks[i-1].k == tMark || st.toks[i-1].k == tDash)
		prevBlk = t.blk
	}
}

// sentRange returns the token range [a, b) of sentence n.
func (st *state) sentRange(n int) (int, int) {
	if n < 0 || n >= len(st.sents) {
		return 0, 0
	}
	a := st.sents[n]
	b := len(st.toks)
	if n+1 < len(st.sents) {
		b = st.sents[n+1]
	}
	return a, b
}

// entAt returns the entity index covering token i, or -1.
func (st *state) entAt(i int) int {
	ents := st.ents
	if len(ents) == 0 || i < 0 || i >= len(st.toks) {
		return -1
	}
	s := st.toks[i].s
	lo, hi := 0, len(ents)
	for lo < hi {
		m := (lo + hi) / 2
		if ents[m].End <= s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ents) && ents[lo].Start <= s && s < ents[lo].End {
		return lo
	}
	return -1
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
