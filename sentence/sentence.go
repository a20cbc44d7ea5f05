// Package sentence finds paragraphs and sentences in Danish and English news.
//
// Paragraphs are blocks of text between blank lines (or U+2029). Sentences
// never cross a paragraph. Inside a paragraph the splitter reads the token
// layer: a sentence ends after . ! ? … (and the closing quotation marks and
// brackets attached to it) when the next token does not start with a
// lower-case letter, so `»Hvad?« spurgte hun.` and `Han tøvede ... og gik.`
// stay whole. Abbreviations keep their period in the token layer
// (`bl.a.`, `f.eks.`, `Mr.`, `U.S.`); they end a sentence only if the lexicon
// marks them `final` (`osv.`, `kr.`, `Inc.`) and an upper-case word follows.
// Ordinals (`17. februar`, `3. plads`) and initials (`H. C. Andersen`) never
// end one. A line break ends a sentence when the next line starts with an
// upper-case letter, digit, quotation mark or dash and the line does not end
// in a comma, hyphen or abbreviation: headlines, captions and the
// `— Name (@handle) date` signature of an embedded tweet stand alone. A dash
// followed by a name and an (@handle) starts a signature even on the same
// line. Sentence spans run from their first token to their last, so they
// never include surrounding white space.
package sentence

import (
	"slices"
	"strings"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/lexicon"
)

// Splitter is the "sentences" annotator. It is immutable after New and safe
// for concurrent use.
type Splitter struct {
	// abbrev maps an abbreviation (with its period) to whether it may end
	// a sentence.
	abbrev map[string]bool
	// starter holds abbreviations that end a sentence only before one of
	// starters: "in the U.S. The" but "the U.S. Army".
	starter, starters map[string]bool
}

// AbbrevFiles are the lexicon files New reads: an abbreviation a line, and
// `final` in a second column if it may end a sentence before an upper-case
// word, `starter` if only before a word of StarterFiles (`number`, an
// abbreviation only before a number, never ends one).
var AbbrevFiles = []string{"da/abbrev.txt", "en/abbrev.txt"}

// StarterFiles list words that often start a sentence, one a line.
var StarterFiles = []string{"en/abbrev_starters.txt"}

// New returns a Splitter that knows the Danish and English abbreviations.
func New() (*Splitter, error) {
	ab := map[string]bool{}
	st := map[string]bool{}
	for _, f := range AbbrevFiles {
		rows, err := lexicon.Rows(f, 1)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			col := ""
			if len(r) > 1 {
				col = strings.TrimSpace(r[1])
			}
			ab[r[0]] = col == "final"
			if col == "starter" {
				st[r[0]] = true
			}
		}
	}
	sp := NewWith(ab)
	sp.starter = st
	sp.starters = map[string]bool{}
	for _, f := range StarterFiles {
		rows, err := lexicon.Rows(f, 1)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			sp.starters[r[0]] = true
		}
	}
	return sp, nil
}

// NewWith returns a Splitter with the given abbreviations: each maps to true
// if it may end a sentence (`osv.`), false if it never does (`bl.a.`).
func NewWith(abbrev map[string]bool) *Splitter { return &Splitter{abbrev: abbrev} }

// Name implements kilde.Annotator.
func (s *Splitter) Name() string { return "sentences" }

// Requires implements kilde.Annotator.
func (s *Splitter) Requires() kilde.Layer { return kilde.LayerTokens }

// Provides implements kilde.Annotator.
func (s *Splitter) Provides() kilde.Layer { return kilde.LayerSentences | kilde.LayerParagraphs }

// Annotate sets d.Paragraphs and d.Sentences, reusing their backing arrays.
func (s *Splitter) Annotate(d *kilde.Doc) error {
	d.Paragraphs = Paragraphs(slices.Grow(d.Paragraphs[:0], len(d.Text)/200+2), d.Text)
	d.Sentences = slices.Grow(d.Sentences[:0], len(d.Tokens)/10+2)
	toks := d.Tokens
	ti := 0
	for _, p := range d.Paragraphs {
		for ti < len(toks) && toks[ti].Start < p.Start {
			ti++
		}
		first := ti
		for ti < len(toks) && toks[ti].End <= p.End {
			ti++
		}
		d.Sentences = s.split(d.Sentences, d.Text, toks[first:ti])
	}
	return nil
}

// Paragraphs appends to dst the blocks of text between blank lines (a line
// break, optional white space, another line break) or U+2029, each trimmed
// of surrounding white space; blocks of only white space are skipped.
func Paragraphs(dst []kilde.Paragraph, text string) []kilde.Paragraph {
	start := 0
	i := 0
	ps := strings.Index(text, "\u2029") // next paragraph separator, -1 if none
	for i < len(text) {
		k := strings.IndexByte(text[i:], '\n')
		if k >= 0 {
			k += i
		}
		if ps >= 0 && ps < i {
			if ps = strings.Index(text[i:], "\u2029"); ps >= 0 {
				ps += i
			}
		}
		if k < 0 && ps < 0 {
			break
		}
		if k < 0 || (ps >= 0 && ps < k) {
			dst = addPara(dst, text, start, ps)
			i = ps + len("\u2029")
			start = i
			continue
		}
		j := k + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\f' || text[j] == '\v') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			dst = addPara(dst, text, start, k)
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n') {
				j++
			}
			start = j
		}
		i = j
	}
	return addPara(dst, text, start, len(text))
}

func addPara(dst []kilde.Paragraph, text string, s, e int) []kilde.Paragraph {
	for s < e {
		r, n := runeAt(text, s)
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := runeBefore(text, e)
		if !isSpace(r) {
			break
		}
		e -= n
	}
	if e > s {
		dst = append(dst, kilde.Paragraph{Span: kilde.Span{Start: s, End: e}})
	}
	return dst
}

// split appends the sentences of one paragraph's tokens to dst.
func (s *Splitter) split(dst []kilde.Span, text string, toks []kilde.Token) []kilde.Span {
	start := 0
	words := 0
	forced := -1 // a token after which a tweet signature ends
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		w := text[t.Start:t.End]
		end := -1
		switch {
		case t.Kind != kilde.Punct && t.Kind != kilde.Symbol:
			if words > 0 && s.endsWithPeriod(t, w) {
				if j := s.closers(text, toks, i); s.boundary(text, toks, i, j, true) {
					end = j
				}
			} else if words > 0 && s.starter[w] && i+1 < len(toks) {
				n := toks[i+1]
				if n.Start > t.End && s.starters[text[n.Start:n.End]] {
					end = i
				}
			}
			words++
		case isTerm(w) && words > 0:
			if words == 1 && i == start+1 && toks[start].Kind == kilde.Number && w == "." && toks[start].End == t.Start &&
				(start == 0 || lineStart(text, toks[start-1].End, toks[start].Start)) {
				break // a list number at the start of a line: "2. Vi går videre"
			}
			j := s.closers(text, toks, i)
			if s.boundary(text, toks, i, j, false) {
				end = j
			} else {
				i = j
			}
		case isDash(w) && words > 0 && i > start:
			if ok, k := signature(text, toks, i); ok {
				end = i - 1
				forced = k
			}
		}
		if end < 0 && i == forced {
			end = i
		}
		if end < 0 && i+1 < len(toks) && words > 0 && s.lineBreak(text, toks, i) {
			end = i
		}
		if end >= 0 {
			if end < start {
				continue
			}
			dst = append(dst, kilde.Span{Start: toks[start].Start, End: toks[end].End})
			start = end + 1
			words = 0
			i = end
		}
	}
	if start < len(toks) {
		dst = append(dst, kilde.Span{Start: toks[start].Start, End: toks[len(toks)-1].End})
	}
	return dst
}

// endsWithPeriod reports a word token that keeps a final period and may end a
// sentence: an abbreviation the lexicon marks final.
func (s *Splitter) endsWithPeriod(t kilde.Token, w string) bool {
	if t.Kind != kilde.Word || len(w) < 2 || w[len(w)-1] != '.' {
		return false
	}
	return s.lookup(w)
}

func (s *Splitter) lookup(w string) bool {
	if final, ok := s.abbrev[w]; ok {
		return final
	}
	if upper(w) && len(w) > 2 && len(w) < 24 {
		var buf [32]byte
		b := append(buf[:0], w...)
		if b[0] < 0x80 {
			b[0] += 'a' - 'A'
			return s.abbrev[string(b)]
		}
	}
	return false
}

// closers returns the index of the last token of the sentence-final
// punctuation that starts at toks[i]: further terminal marks and the
// quotation marks and brackets attached to them.
func (s *Splitter) closers(text string, toks []kilde.Token, i int) int {
	j := i
	for j+1 < len(toks) {
		n := toks[j+1]
		w := text[n.Start:n.End]
		if isTerm(w) && n.Start == toks[j].End {
			j++
			continue
		}
		if isCloser(w) && (n.Start == toks[j].End || w == ")" || w == "]") {
			j++
			continue
		}
		// A footnote reference after the period belongs to the sentence: "... bias.[11]"
		if w == "[" && j+3 < len(toks) && toks[j+2].Kind == kilde.Number && text[toks[j+3].Start:toks[j+3].End] == "]" {
			j += 3
			continue
		}
		break
	}
	return j
}

// boundary reports whether a sentence ends after toks[j], where toks[i:j+1]
// is its final punctuation; abbrev says toks[i] is a final abbreviation.
func (s *Splitter) boundary(text string, toks []kilde.Token, i, j int, abbrev bool) bool {
	k := j + 1
	if k >= len(toks) {
		return true
	}
	n := toks[k]
	w := text[n.Start:n.End]
	if n.Start == toks[j].End && !isOpener(w) {
		return false // 3.5, slut.Næste: no space, no boundary
	}
	if isOpener(w) {
		// Look through opening quotes and dashes at the word after them.
		for k+1 < len(toks) && isOpener(text[toks[k].Start:toks[k].End]) {
			k++
		}
		w = text[toks[k].Start:toks[k].End]
		if isOpener(w) {
			return true
		}
	}
	if abbrev {
		return upper(w)
	}
	if lower(w) {
		return false
	}
	switch w {
	case ",", ";", ":", ")", "]", "}", "%":
		return false
	}
	return true
}

// lineStart reports whether text[a:b] holds a line break.
func lineStart(text string, a, b int) bool {
	return strings.IndexByte(text[a:b], '\n') >= 0
}

// lineBreak reports whether a line break between toks[i] and toks[i+1] ends
// the sentence.
func (s *Splitter) lineBreak(text string, toks []kilde.Token, i int) bool {
	a, b := toks[i], toks[i+1]
	if strings.IndexByte(text[a.End:b.Start], '\n') < 0 && !strings.Contains(text[a.End:b.Start], "\u2028") {
		return false
	}
	aw, bw := text[a.Start:a.End], text[b.Start:b.End]
	if lower(bw) {
		return false
	}
	switch aw {
	case ",", ";", "-", "(", "[", "&", "/", "«", "»", "\"", "„", "“":
		return false
	}
	if aw[len(aw)-1] == '-' {
		return false
	}
	if len(aw) > 1 && aw[len(aw)-1] == '.' && a.Kind == kilde.Word && !s.lookup(aw) {
		return false // bl.a. or an initial before a line break
	}
	return true
}

// signature reports whether toks[i] is a dash that starts a tweet signature
// `— Name (@handle) date`, and the index of its last token if a new
// sentence starts after it on the same line (-1 if not).
func signature(text string, toks []kilde.Token, i int) (bool, int) {
	k := i + 1
	names := 0
	for k < len(toks) && names < 6 {
		w := text[toks[k].Start:toks[k].End]
		if !upper(w) || toks[k].Kind != kilde.Word {
			break
		}
		names++
		k++
	}
	if names == 0 || k+2 >= len(toks) {
		return false, -1
	}
	if text[toks[k].Start:toks[k].End] != "(" || toks[k+1].Kind != kilde.Handle || text[toks[k+2].Start:toks[k+2].End] != ")" {
		return false, -1
	}
	k += 2
	end := k
	for m := k + 1; m < len(toks) && m <= k+5; m++ {
		w := text[toks[m].Start:toks[m].End]
		if toks[m].Kind == kilde.Number && len(w) == 4 {
			end = m
			break
		}
	}
	if end+1 < len(toks) {
		nw := text[toks[end+1].Start:toks[end+1].End]
		if upper(nw) || isOpener(nw) {
			return true, end
		}
	}
	return true, -1
}
