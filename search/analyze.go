// Package search is the language side of kilde's full-text search: it turns
// text into the stemmed terms the stores index (Snowball Danish or English,
// lowercased, diacritics kept so that "år" and "ar" stay apart), parses user
// queries (words, "phrases", prefix*, OR, -not) into a small tree that each
// store renders in its own SQL dialect, and cuts snippets with highlights
// from the original text.
//
// The stores index the output of IndexText instead of the raw text, with a
// plain tokenizer (SQLite FTS5 unicode61 remove_diacritics 0, PostgreSQL
// 'simple'), so stemming happens in Go, identically for both databases and
// identically at index and query time.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/english"

	"github.com/kilde-news/kilde"
)

// Term is one indexed word: its stem and where it is in the original text.
type Term struct {
	Stem string
	kilde.Span
}

// Stemmer stems lowercase words of one language. It is not safe for
// concurrent use; make one per goroutine.
type Stemmer struct {
	env  *snowball.Env
	stem func(*snowball.Env) bool
}

// NewStemmer returns a stemmer for lang: Danish for "da" and "" (kilde's
// default language), English for "en", and none (lowercasing only) for
// others.
func NewStemmer(lang string) *Stemmer {
	s := &Stemmer{env: snowball.NewEnv("")}
	switch lang {
	case "da", "":
		s.stem = danish.Stem
	case "en":
		s.stem = english.Stem
	}
	return s
}

// Stem returns the stem of a lowercase word. Words with digits are kept as
// they are.
func (s *Stemmer) Stem(w string) string {
	if s.stem == nil || len(w) < 3 || hasDigit(w) {
		return w
	}
	s.env.SetCurrent(w)
	s.stem(s.env)
	return s.env.Current()
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Words calls fn with the byte span of every word in text: a maximal run of
// letters, digits and combining marks. Everything else separates words, so
// "ISIS-krigere" is two words and "15.500" is "15" and "500", exactly as the
// FTS tokenizers split them.
func Words(text string, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		word := false
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			word = isWordRune(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			fn(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// Lower lowercases a word, with an ASCII fast path.
func Lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// Analyze returns the terms of text in language lang.
func Analyze(text, lang string) []Term {
	st := NewStemmer(lang)
	terms := make([]Term, 0, len(text)/6+1)
	Words(text, func(s, e int) {
		terms = append(terms, Term{Stem: st.Stem(Lower(text[s:e])), Span: kilde.Span{Start: s, End: e}})
	})
	return terms
}

// AnalyzeDoc is Analyze for a document, using each paragraph's own language
// where it has one.
func AnalyzeDoc(d *kilde.Doc) []Term {
	if len(d.Paragraphs) == 0 {
		return Analyze(d.Text, d.Lang)
	}
	stemmers := map[string]*Stemmer{}
	get := func(lang string) *Stemmer {
		st := stemmers[lang]
		if st == nil {
			st = NewStemmer(lang)
			stemmers[lang] = st
		}
		return st
	}
	terms := make([]Term, 0, len(d.Text)/6+1)
	pi := 0
	Words(d.Text, func(s, e int) {
		for pi < len(d.Paragraphs) && d.Paragraphs[pi].End <= s {
			pi++
		}
		lang := d.Lang
		if pi < len(d.Paragraphs) && d.Paragraphs[pi].Start <= s && d.Paragraphs[pi].Lang != "" {
			lang = d.Paragraphs[pi].Lang
		}
		terms = append(terms, Term{Stem: get(lang).Stem(Lower(d.Text[s:e])), Span: kilde.Span{Start: s, End: e}})
	})
	return terms
}

// Join returns the stems separated by single spaces: what the stores index.
func Join(terms []Term) string {
	n := 0
	for _, t := range terms {
		n += len(t.Stem) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Stem)
	}
	return b.String()
}

// IndexText returns the text to index for text in lang.
func IndexText(text, lang string) string { return Join(Analyze(text, lang)) }

// Key returns a normalized key for short names (measured things, speakers):
// the stems of its words in lang joined by spaces. "ISIS-krigere" and
// "ISIS krigerne" both give "isis kriger".
func Key(s, lang string) string { return IndexText(s, lang) }

// NameKey normalizes a name for exact lookup: lowercase words joined by one
// space, no stemming ("Lars Løkke  Rasmussen" → "lars løkke rasmussen").
func NameKey(s string) string {
	var b strings.Builder
	Words(s, func(st, e int) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(Lower(s[st:e]))
	})
	return b.String()
}
