package search

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Query is a parsed full-text query: every clause must hold.
type Query struct {
	Clauses []Clause
}

// Clause is one condition: any of its alternatives occurs (or, with Not,
// none does).
type Clause struct {
	Not  bool
	Alts []Alt
}

// Alt is a sequence of stemmed tokens that must occur in order (one token
// is a single word). With Prefix, the last token matches any indexed stem
// that starts with it.
type Alt struct {
	Tokens []string
	Prefix bool
}

// ErrSyntax is wrapped by Parse's errors.
var ErrSyntax = errors.New("query syntax")

// Parse parses a query:
//
//	ISIS krigere         both words (AND), each stemmed
//	"Islamisk Stat"      phrase
//	ISIS-krigere         a hyphenated word is a phrase
//	krig*                prefix, not stemmed
//	isis OR daesh        either (OR binds tighter than AND)
//	-syrien              must not occur
//
// langs are the languages whose stemmers expand each word; a word matches
// its stem in any of them or its plain lowercase form. With no langs, "da"
// and "en" are used. An empty query gives an empty Query and no error; a
// query of only negations is an error.
func Parse(q string, langs ...string) (*Query, error) {
	if len(langs) == 0 {
		langs = []string{"da", "en"}
	}
	stemmers := make([]*Stemmer, len(langs))
	for i, l := range langs {
		stemmers[i] = NewStemmer(l)
	}
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	out := &Query{}
	var cur *Clause
	orPending := false
	for _, t := range toks {
		if t.or {
			if cur == nil || t.not {
				return nil, fmt.Errorf("%w: OR needs a word on each side", ErrSyntax)
			}
			orPending = true
			continue
		}
		alts := expand(t, stemmers)
		if len(alts) == 0 {
			continue
		}
		if orPending && cur != nil && !t.not && !cur.Not {
			cur.Alts = appendAlts(cur.Alts, alts)
			orPending = false
			continue
		}
		orPending = false
		out.Clauses = append(out.Clauses, Clause{Not: t.not, Alts: alts})
		cur = &out.Clauses[len(out.Clauses)-1]
	}
	if orPending {
		return nil, fmt.Errorf("%w: OR at the end", ErrSyntax)
	}
	if len(out.Clauses) > 0 && len(out.Positive()) == 0 {
		return nil, fmt.Errorf("%w: a query needs at least one word that is not negated", ErrSyntax)
	}
	return out, nil
}

// Empty reports whether the query has no clauses.
func (q *Query) Empty() bool { return q == nil || len(q.Clauses) == 0 }

// Positive returns the clauses without Not.
func (q *Query) Positive() []Clause {
	var p []Clause
	for _, c := range q.Clauses {
		if !c.Not {
			p = append(p, c)
		}
	}
	return p
}

// String renders the query back in its own syntax (stems), for messages.
func (q *Query) String() string {
	var parts []string
	for _, c := range q.Clauses {
		var alts []string
		for _, a := range c.Alts {
			s := strings.Join(a.Tokens, " ")
			if len(a.Tokens) > 1 {
				s = `"` + s + `"`
			}
			if a.Prefix {
				s += "*"
			}
			alts = append(alts, s)
		}
		s := strings.Join(alts, " OR ")
		if c.Not {
			s = "-" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

type qtoken struct {
	words  []string // lowercased surface words
	prefix bool
	not    bool
	or     bool
}

func lex(q string) ([]qtoken, error) {
	var toks []qtoken
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		}
		not := false
		if c == '-' {
			not = true
			i++
			if i >= len(q) {
				break
			}
			c = q[i]
		}
		if c == '"' {
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("%w: unclosed quote", ErrSyntax)
			}
			phrase := q[i+1 : i+1+end]
			i += end + 2
			prefix := false
			if i < len(q) && q[i] == '*' {
				prefix = true
				i++
			}
			toks = append(toks, qtoken{words: lowerWords(phrase), prefix: prefix, not: not})
			continue
		}
		j := i
		for j < len(q) && q[j] != ' ' && q[j] != '\t' && q[j] != '\n' && q[j] != '\r' && q[j] != '"' {
			j++
		}
		w := q[i:j]
		i = j
		if w == "OR" && !not {
			toks = append(toks, qtoken{or: true})
			continue
		}
		prefix := strings.HasSuffix(w, "*")
		toks = append(toks, qtoken{words: lowerWords(strings.TrimRight(w, "*")), prefix: prefix, not: not})
	}
	return toks, nil
}

func lowerWords(s string) []string {
	var ws []string
	Words(s, func(a, b int) { ws = append(ws, Lower(s[a:b])) })
	return ws
}

// expand turns one query token into alternatives: the words stemmed by each
// stemmer, and the plain lowercase words, deduplicated.
func expand(t qtoken, stemmers []*Stemmer) []Alt {
	if len(t.words) == 0 {
		return nil
	}
	var alts []Alt
	add := func(a Alt) {
		for _, b := range alts {
			if b.Prefix == a.Prefix && strings.Join(b.Tokens, " ") == strings.Join(a.Tokens, " ") {
				return
			}
		}
		alts = append(alts, a)
	}
	for _, st := range stemmers {
		a := Alt{Tokens: make([]string, len(t.words)), Prefix: t.prefix}
		for i, w := range t.words {
			if t.prefix && i == len(t.words)-1 {
				a.Tokens[i] = w // a prefix is matched as typed
			} else {
				a.Tokens[i] = st.Stem(w)
			}
		}
		add(a)
	}
	add(Alt{Tokens: t.words, Prefix: t.prefix})
	return alts
}

func appendAlts(dst, src []Alt) []Alt {
	for _, a := range src {
		dup := false
		for _, b := range dst {
			if b.Prefix == a.Prefix && strings.Join(b.Tokens, " ") == strings.Join(a.Tokens, " ") {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, a)
		}
	}
	return dst
}

// Matcher reports whether an indexed stem matches a positive clause of the
// query; snippets use it to find what to highlight.
func (q *Query) Matcher() func(stem string) bool {
	exact := map[string]bool{}
	var prefixes []string
	for _, c := range q.Positive() {
		for _, a := range c.Alts {
			for i, t := range a.Tokens {
				if a.Prefix && i == len(a.Tokens)-1 {
					prefixes = append(prefixes, t)
				} else {
					exact[t] = true
				}
			}
		}
	}
	sort.Strings(prefixes)
	return func(stem string) bool {
		if exact[stem] {
			return true
		}
		for _, p := range prefixes {
			if strings.HasPrefix(stem, p) {
				return true
			}
		}
		return false
	}
}
