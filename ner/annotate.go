package ner

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/lexicon"
)

// Annotator tags the tokens of each sentence with the model of the text's
// language (the English model where d.LangAt says "en", the Danish model
// elsewhere) and gives every entity a canonical name within the article.
// It is safe for concurrent use.
type Annotator struct {
	da, en *Model
	titles map[string]bool // lower-case titles dropped from person names
	rules  *ruleLists
	pool   sync.Pool
}

// New returns the annotator with the embedded models, loading them once per
// process.
func New() (*Annotator, error) {
	da, err := Default("da")
	if err != nil {
		return nil, err
	}
	en, err := Default("en")
	if err != nil {
		return nil, err
	}
	return NewWith(da, en)
}

// NewWith returns an annotator with the given models; en may be nil, and
// then da tags English text too.
func NewWith(da, en *Model) (*Annotator, error) {
	a := &Annotator{da: da, en: en, titles: map[string]bool{}}
	for _, name := range []string{"da/ner_titles.txt", "en/ner_titles.txt"} {
		s, err := lexicon.Set(name)
		if err != nil {
			return nil, err
		}
		for w := range s {
			a.titles[w] = true
		}
	}
	r, err := loadRuleLists()
	if err != nil {
		return nil, err
	}
	a.rules = r
	return a, nil
}

func (*Annotator) Name() string          { return "entities" }
func (*Annotator) Requires() kilde.Layer { return kilde.LayerTokens | kilde.LayerSentences }
func (*Annotator) Provides() kilde.Layer { return kilde.LayerEntities }

type annScratch struct {
	words []string
	ms    []Mention
}

// maxChunk bounds the tokens tagged at once, so that a "sentence" of a
// million tokens costs no more memory than a long one.
const maxChunk = 400

// Annotate sets d.Entities: sorted, non-overlapping, with canonical names.
func (a *Annotator) Annotate(d *kilde.Doc) error {
	d.Entities = d.Entities[:0]
	s, _ := a.pool.Get().(*annScratch)
	if s == nil {
		s = &annScratch{}
	}
	defer a.pool.Put(s)
	sents := d.Sentences
	if len(sents) == 0 && len(d.Tokens) > 0 {
		sents = []kilde.Span{{Start: 0, End: len(d.Text)}}
	}
	for _, sent := range sents {
		i := sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].Start >= sent.Start })
		j := i
		for j < len(d.Tokens) && d.Tokens[j].End <= sent.End {
			j++
		}
		for i < j {
			k := min(j, i+maxChunk)
			a.tagRange(d, s, i, k)
			i = k
		}
	}
	heads := a.applyRules(d)
	a.propagate(d)
	a.canonicalize(d, heads)
	a.vote(d)
	a.spread(d)
	return nil
}

// propagate tags the later, untagged mentions of a name the model found
// elsewhere in the article: the last word of a person's full name
// ("Frederiksen", "Frederiksens", "Trump's"), and an acronym defined in
// parentheses after a name ("Dansk Folkeparti (DF)"). One-word mentions of
// those names already tagged take the name's label.
func (a *Annotator) propagate(d *kilde.Doc) {
	if len(d.Entities) == 0 {
		return
	}
	label := map[string]string{}
	for _, e := range d.Entities {
		w := nameWords(d.SpanText(e.Span))
		if e.Label == "PER" && len(w) > 1 {
			if last := stripPossessive(w[len(w)-1]); utf8.RuneCountInString(last) > 2 {
				label[last] = "PER"
			}
		}
		if len(w) > 1 {
			rest := strings.TrimLeft(d.Text[e.End:], " ")
			// look for the ')' only where it may be: a search through the
			// rest of the text for every name was quadratic
			if end := strings.IndexByte(rest[:min(len(rest), 12)], ')'); strings.HasPrefix(rest, "(") && end > 2 && end < 12 && isAcronym(rest[1:end]) {
				label[rest[1:end]] = e.Label
			}
		}
	}
	if len(label) == 0 {
		return
	}
	// A one-word mention of such a name takes its label: the article's own
	// evidence beats the tagger's local guess.
	for i, e := range d.Entities {
		w := d.SpanText(e.Span)
		if strings.ContainsAny(w, " \n\t") {
			continue
		}
		if l, ok := label[stripPossessive(w)]; ok {
			d.Entities[i].Label = l
		} else if l, ok := label[strings.TrimSuffix(w, "s")]; ok && l == "PER" {
			d.Entities[i].Label = l
		}
	}
	var add []kilde.Entity
	k := 0
	for _, t := range d.Tokens {
		if t.Kind != kilde.Word {
			continue
		}
		for k < len(d.Entities) && d.Entities[k].End <= t.Start {
			k++
		}
		if k < len(d.Entities) && d.Entities[k].Start < t.End {
			continue // inside an entity
		}
		w := d.SpanText(t.Span)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		sp := t.Span
		bare := stripPossessive(w)
		l, ok := label[bare]
		if !ok && strings.HasSuffix(w, "s") {
			l, ok = label[w[:len(w)-1]]
			bare = w
		}
		if !ok {
			continue
		}
		sp.End = sp.Start + len(bare)
		add = append(add, kilde.Entity{Span: sp, Label: l})
	}
	if len(add) == 0 {
		return
	}
	d.Entities = append(d.Entities, add...)
	sort.Slice(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })
}

// tagRange tags tokens [i, k) of d.
func (a *Annotator) tagRange(d *kilde.Doc, s *annScratch, i, k int) {
	toks := d.Tokens[i:k]
	s.words = s.words[:0]
	for _, t := range toks {
		s.words = append(s.words, d.SpanText(t.Span))
	}
	m := a.da
	if a.en != nil && d.LangAt(toks[0].Start) == "en" {
		m = a.en
	}
	if m == nil {
		return
	}
	s.ms = m.AppendTag(s.ms[:0], s.words)
	for _, mn := range s.ms {
		first, last := toks[mn.Start], toks[mn.End-1]
		if first.Kind != kilde.Word && first.Kind != kilde.Handle && first.Kind != kilde.Hashtag && first.Kind != kilde.Number {
			continue
		}
		sp := kilde.Span{Start: first.Start, End: last.End}
		// "Trump's": the possessive is not part of an English name; a
		// Danish span keeps it ("FN's", as DaNE and DaN+ annotate).
		if t := d.Text[sp.Start:sp.End]; stripPossessive(t) != t && sp.End-sp.Start > 3 && m == a.en {
			sp.End = sp.Start + len(stripPossessive(t))
		}
		if n := len(d.Entities); n > 0 && d.Entities[n-1].End > sp.Start {
			continue
		}
		d.Entities = append(d.Entities, kilde.Entity{Span: sp, Label: mn.Label})
	}
}

// words splits a name on spaces, collapsing runs of white space.
func nameWords(s string) []string { return strings.Fields(s) }
