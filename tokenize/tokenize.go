// Package tokenize splits Danish and English news text into words, numbers,
// punctuation, URLs, e-mail addresses, @handles and #hashtags.
//
// The tokenizer never edits the text: tokens are byte spans into it. It
// works on whitespace-separated chunks; from each chunk it peels opening
// punctuation off the front and closing punctuation off the back, then splits
// what is left at hard punctuation (quotes, brackets, ; ! ?) while keeping
// word-internal joiners (`ISIS-krigere`, `1.000`, `1,32`, `14.30`, `USA’s`,
// `og/eller`). A final period stays on its token when the token is a known
// abbreviation (`bl.a.`, `f.eks.`, `U.S.`, lexicon/{da,en}/abbrev.txt), a
// single letter (`H.`), a dotted abbreviation (`H.L.`, `m.fl.`) or an
// ordinal followed by a lower-case word (`17. februar`, `3. plads`,
// `3.-4. plads`); otherwise it is its own token, as in the Danish Dependency
// Treebank. `100%` is one Number token; `100 %` is two.
package tokenize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/lexicon"
)

// Tokenizer is the "tokens" annotator. It is immutable after New and safe
// for concurrent use.
type Tokenizer struct {
	abbrev map[string]bool
	// numOnly holds abbreviations that keep their period only before a
	// number: "No. 10" but "No." as an answer.
	numOnly map[string]bool
}

// AbbrevFiles are the lexicon files New reads: one abbreviation a line, with
// its final period; a second column `number` keeps the period only before a
// number, `final` is for the sentence splitter.
var AbbrevFiles = []string{"da/abbrev.txt", "en/abbrev.txt"}

// New returns a Tokenizer that knows the Danish and English abbreviations.
func New() (*Tokenizer, error) {
	ab := map[string]bool{}
	num := map[string]bool{}
	for _, f := range AbbrevFiles {
		rows, err := lexicon.Rows(f, 1)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			if len(r) > 1 && strings.TrimSpace(r[1]) == "number" {
				num[r[0]] = true
				continue
			}
			ab[r[0]] = true
		}
	}
	t := NewWith(ab)
	t.numOnly = num
	return t, nil
}

// NewWith returns a Tokenizer with the given abbreviations (each with its
// final period, e.g. "bl.a."). Lookups also try the word with its first
// letter lower-cased, so "Bl.a." matches "bl.a.".
func NewWith(abbrev map[string]bool) *Tokenizer {
	return &Tokenizer{abbrev: abbrev}
}

// Name implements kilde.Annotator.
func (t *Tokenizer) Name() string { return "tokens" }

// Requires implements kilde.Annotator.
func (t *Tokenizer) Requires() kilde.Layer { return 0 }

// Provides implements kilde.Annotator.
func (t *Tokenizer) Provides() kilde.Layer { return kilde.LayerTokens }

// Annotate sets d.Tokens, reusing its backing array.
func (t *Tokenizer) Annotate(d *kilde.Doc) error {
	d.Tokens = t.Append(slices.Grow(d.Tokens[:0], len(d.Text)/5+4), d.Text)
	return nil
}

// Append appends the tokens of text to dst and returns it.
func (t *Tokenizer) Append(dst []kilde.Token, text string) []kilde.Token {
	return t.appendTokens(dst, text, true)
}

// appendTokens is Append; fast enables the shortcuts for plain words,
// which the tests check against the general rules.
func (t *Tokenizer) appendTokens(dst []kilde.Token, text string, fast bool) []kilde.Token {
	sc := scanner{t: t, text: text, out: dst}
	i := 0
	for i < len(text) {
		// Skip white space; find the chunk's end, noting whether it is
		// only letters (the common case, which needs none of chunk's rules).
		var plain bool
		n := 1
		if c := text[i]; c < utf8.RuneSelf {
			if ascii[c]&cSpace != 0 {
				i++
				continue
			}
			plain = ascii[c]&cLetter != 0
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(text[i:])
			if IsSpace(r) {
				i += n
				continue
			}
			plain = unicode.IsLetter(r)
		}
		other := -1 // offset of the first ASCII non-letter after letters
		j := i + n
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if ascii[c]&cSpace != 0 {
					break
				}
				if plain && ascii[c]&cLetter == 0 {
					plain = false
					other = j
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if IsSpace(r) {
				break
			}
			if plain && !unicode.IsLetter(r) {
				plain = false
			}
			j += n
		}
		switch {
		case !fast:
			sc.chunk(i, j)
		case plain:
			sc.emit(i, j, kilde.Word)
		case other == j-1 && !sc.squote && sc.simpleEnd(i, j):
			// A word and one mark: "ord," "ord." "ord?"; done by simpleEnd.
		default:
			sc.chunk(i, j)
		}
		i = j
	}
	return sc.out
}

type scanner struct {
	t      *Tokenizer
	text   string
	out    []kilde.Token
	squote bool // a single quotation mark is open
}

func (sc *scanner) emit(s, e int, k kilde.TokenKind) {
	sc.out = append(sc.out, kilde.Token{Span: kilde.Span{Start: s, End: e}, Kind: k})
}

// simpleEnd tokenizes text[s:e], letters and one final ASCII mark, if the
// mark is one whose handling needs no context, and reports whether it did.
func (sc *scanner) simpleEnd(s, e int) bool {
	switch sc.text[e-1] {
	case ',', ';', ':', '!', '?', ')':
	case '.':
		if _, n := runeAt(sc.text, s); s+n == e-1 {
			return false // an initial: chunk decides
		}
		if sc.t.isAbbrev(sc.text[s:e]) {
			sc.emit(s, e, kilde.Word)
			return true
		}
		if sc.t.numOnly[sc.text[s:e]] {
			return false
		}
	default:
		return false
	}
	sc.emit(s, e-1, kilde.Word)
	sc.emit(e-1, e, kilde.Punct)
	return true
}

// chunk tokenizes the whitespace-free text[s:e].
func (sc *scanner) chunk(s, e int) {
	text := sc.text
	start := s
	// Opening punctuation, URLs and e-mail addresses at the front.
	for s < e {
		if k := urlEnd(text, s, e); k > s {
			sc.emit(s, k, kilde.URL)
			s = k
			continue
		}
		r, n := runeAt(text, s)
		if isWord(r) {
			break
		}
		if s+n < e {
			nr, _ := runeAt(text, s+n)
			if isWord(nr) {
				if r == '@' || r == '#' {
					break
				}
				if isDigit(nr) && (r == '\'' || r == '’' || (s == start && (r == '-' || r == '+' || r == '−'))) {
					break // ’90’erne, -5
				}
			}
		}
		k := punctEnd(text, s, e)
		if r == '\'' || r == '‘' || r == '’' {
			sc.squote = true
		}
		sc.emit(s, k, punctKind(r))
		s = k
	}
	if s >= e {
		return
	}
	// Closing punctuation at the back.
	k := e
loop:
	for k > s {
		r, n := runeBefore(text, k)
		if isWord(r) {
			break
		}
		switch {
		case r == '.':
			if k-n > s && text[k-n-1] == '.' {
				for k > s && text[k-1] == '.' {
					k--
				}
				continue
			}
			if sc.keepPeriod(s, k-n, e) {
				break loop
			}
		case r == '%':
			if k-n > s {
				if p, _ := runeBefore(text, k-n); isDigit(p) {
					break loop
				}
			}
		case r == '\'' || r == '’':
			if k-n > s {
				if p, _ := runeBefore(text, k-n); isLetter(p) && !sc.squote {
					break loop // Stones', ha', sku'
				}
			}
			sc.squote = false
		case r == '-' || r == '‐':
			if k-n > s {
				if p, _ := runeBefore(text, k-n); isWord(p) {
					break loop // tv- og radio-udstyr
				}
			}
		}
		k -= n
	}
	if k > s {
		sc.core(s, k)
	}
	for k < e {
		r, _ := runeAt(text, k)
		j := punctEnd(text, k, e)
		sc.emit(k, j, punctKind(r))
		k = j
	}
}

// core splits text[s:e], which starts and ends with word characters (or
// a kept period, percent sign, apostrophe or hyphen), at hard punctuation.
func (sc *scanner) core(s, e int) {
	text := sc.text
	piece := s
	i := s
	for i < e {
		r, n := runeAt(text, i)
		if isWord(r) || isMarkLike(r) {
			i += n
			continue
		}
		if sc.joins(r, piece, i, n, e) {
			i += n
			continue
		}
		if i > piece {
			sc.piece(piece, i)
		}
		j := punctEnd(text, i, e)
		sc.emit(i, j, punctKind(r))
		i = j
		piece = i
	}
	if e > piece {
		sc.piece(piece, e)
	}
}

// joins reports whether the non-word rune r at text[i:i+n] stays inside the
// current piece, which began at piece and ends by e.
func (sc *scanner) joins(r rune, piece, i, n, e int) bool {
	text := sc.text
	var next rune = -1
	if i+n < e {
		next, _ = runeAt(text, i+n)
	}
	if i == piece {
		// Leading @ # ’ or sign kept by chunk.
		return next >= 0 && isWord(next) && (r == '@' || r == '#' || r == '\'' || r == '’' || r == '-' || r == '+' || r == '−')
	}
	prev, _ := runeBefore(text, i)
	switch r {
	case '%':
		return isDigit(prev) && (next < 0 || !isWord(next))
	case '\'', '’':
		if next < 0 {
			return isLetter(prev)
		}
		return isWord(next)
	case '.':
		if next == '-' {
			return isDigit(prev) || isLetter(prev) // 3.-4., pct.-skatten
		}
		if next < 0 {
			return true // kept final period
		}
		return isWord(next) && isWord(prev)
	case ',', ':':
		return isDigit(prev) && next >= 0 && isDigit(next)
	case '-', '‐', '‑':
		if next < 0 {
			return isWord(prev)
		}
		return (isWord(prev) || prev == '.') && (isWord(next) || next == '-')
	}
	if inner(r) {
		return isWord(prev) && next >= 0 && isWord(next)
	}
	return false
}

// piece emits text[s:e] as one token of the kind its shape says.
func (sc *scanner) piece(s, e int) {
	text := sc.text
	r, _ := runeAt(text, s)
	kind := kilde.Word
	switch {
	case r == '@' && e-s > 1:
		kind = kilde.Handle
	case r == '#' && e-s > 1:
		kind = kilde.Hashtag
	default:
		letters, digits, at, dot := false, false, false, false
		for i := s; i < e; {
			c, m := runeAt(text, i)
			switch {
			case isLetter(c):
				letters = true
			case isDigit(c):
				digits = true
			case c == '@':
				at = true
			case c == '.':
				if at {
					dot = true
				}
			}
			i += m
		}
		switch {
		case at && dot && letters:
			kind = kilde.Email
		case digits && !letters:
			kind = kilde.Number
		case !digits && !letters:
			kind = punctKind(r)
		case letters && isDomain(text[s:e]):
			kind = kilde.URL
		}
	}
	sc.emit(s, e, kind)
}

// keepPeriod reports whether the period at text[p] belongs to the word
// text[s:p] (chunk ends at e).
func (sc *scanner) keepPeriod(s, p, e int) bool {
	if p <= s || p-s > 40 {
		return false
	}
	text := sc.text
	w := text[s : p+1]
	if sc.t.isAbbrev(w) {
		return true
	}
	if p+1 == e && sc.t.numOnly[w] && nextDigit(text, e) {
		return true
	}
	core := text[s:p]
	r, n := runeAt(core, 0)
	if n == len(core) && isLetter(r) {
		return true // initial: H. C. Andersen
	}
	// Dotted abbreviation: H.L., m.fl., U.S.A., dr.phil.; not a host name: dr.dk.
	if strings.IndexByte(core, '.') > 0 && !isDomain(core) {
		ok, seg := true, 0
		for i := 0; i < len(core); {
			c, m := runeAt(core, i)
			switch {
			case c == '.':
				if seg == 0 {
					ok = false
				}
				seg = 0
			case isLetter(c):
				seg++
				if seg > 4 {
					ok = false
				}
			default:
				ok = false
			}
			if !ok {
				break
			}
			i += m
		}
		if ok && seg > 0 {
			return true
		}
	}
	// Ordinal: 17. februar, 3. plads, 3.-4. plads.
	if p+1 == e && isOrdinal(core) {
		return nextLower(text, e)
	}
	return false
}

func isOrdinal(s string) bool {
	d := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			d++
			if d > 3 {
				return false
			}
		case c == '.' && i+1 < len(s) && s[i+1] == '-' && d > 0:
			d = 0
			i++
		default:
			return false
		}
	}
	return d > 0
}

// nextLower reports whether the first token after offset i starts with a
// lower-case letter.
func nextLower(text string, i int) bool {
	for i < len(text) {
		r, n := runeAt(text, i)
		if IsSpace(r) {
			i += n
			continue
		}
		return unicode.IsLower(r)
	}
	return false
}

// nextDigit reports whether the first token after offset i starts with a digit.
func nextDigit(text string, i int) bool {
	for i < len(text) {
		r, n := runeAt(text, i)
		if IsSpace(r) {
			i += n
			continue
		}
		return isDigit(r)
	}
	return false
}

// isAbbrev looks w up as given, then with its first letter lower-cased.
func (t *Tokenizer) isAbbrev(w string) bool {
	if len(w) > 16 {
		return false
	}
	if t.abbrev[w] {
		return true
	}
	r, n := runeAt(w, 0)
	if !unicode.IsUpper(r) {
		return false
	}
	var buf [24]byte
	b := utf8.AppendRune(buf[:0], unicode.ToLower(r))
	b = append(b, w[n:]...)
	return t.abbrev[string(b)]
}

// punctEnd returns the end of the punctuation token starting at text[i]:
// runs of periods (an ellipsis), of ? and !, of hyphens and asterisks are
// one token; a rune keeps the marks and joiners after it (emoji sequences).
func punctEnd(text string, i, e int) int {
	r, n := runeAt(text, i)
	j := i + n
	switch r {
	case '.', '-', '*', '=', '_', '~':
		for j < e && rune(text[j]) == r {
			j++
		}
		return j
	case '?', '!':
		for j < e && (text[j] == '?' || text[j] == '!') {
			j++
		}
		return j
	}
	for j < e {
		m, k := runeAt(text, j)
		if !isMarkLike(m) {
			break
		}
		j += k
		if m == 0x200D && j < e { // zero-width joiner: the next rune too
			_, k = runeAt(text, j)
			j += k
		}
	}
	return j
}

func punctKind(r rune) kilde.TokenKind {
	if r < utf8.RuneSelf {
		if r == '%' || r == '$' || r == '+' || r == '<' || r == '=' || r == '>' || r == '^' || r == '`' || r == '|' || r == '~' {
			return kilde.Symbol
		}
		return kilde.Punct
	}
	if unicode.IsPunct(r) {
		return kilde.Punct
	}
	return kilde.Symbol
}

// urlEnd returns the end of a URL starting at text[s] within the chunk
// ending at e, or s if none starts there. Closing punctuation after it is
// left out; a closing bracket stays when the URL opened one.
func urlEnd(text string, s, e int) int {
	c := text[s] | 0x20
	if c != 'h' && c != 'w' && c != 'f' {
		return s
	}
	w := text[s:e]
	var n int
	switch {
	case hasPrefixFold(w, "https://"):
		n = 8
	case hasPrefixFold(w, "http://"):
		n = 7
	case hasPrefixFold(w, "ftp://"):
		n = 6
	case hasPrefixFold(w, "www.") && len(w) > 4 && isWordByte(w[4]):
		n = 4
	default:
		return s
	}
	if n >= len(w) {
		return s
	}
	k := e
	depth := 0 // brackets opened minus closed in text[s:k], counted once
	for i := s; i < e; i++ {
		switch text[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		}
	}
	for k > s+n {
		r, m := runeBefore(text, k)
		switch r {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '»', '«', '”', '“', '’', '‘', '>':
			k -= m
			continue
		case ')', ']', '}':
			if depth >= 0 {
				return k // the URL opened this bracket: a_(b)
			}
			depth++
			k -= m
			continue
		}
		break
	}
	if k <= s+n {
		return s
	}
	return k
}

func isWordByte(c byte) bool { return c >= utf8.RuneSelf || ascii[c]&(cLetter|cDigit) != 0 }

func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// isDomain reports a bare host name such as dr.dk or Twitter.com/x: a dot
// followed by a common top-level domain in lower case.
func isDomain(w string) bool {
	i := strings.IndexByte(w, '.')
	if i <= 0 {
		return false
	}
	host := w
	if j := strings.IndexByte(w, '/'); j > 0 {
		host = w[:j]
	}
	d := strings.LastIndexByte(host, '.')
	if d <= 0 {
		return false
	}
	switch host[d+1:] {
	case "dk", "com", "org", "net", "uk", "de", "se", "no", "eu", "io", "gov", "edu", "int", "fr", "info":
		return true
	}
	return false
}
