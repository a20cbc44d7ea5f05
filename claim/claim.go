// Package claim finds claims: statements an article attributes to a source
// ("skriver CNN", "according to the report") or marks as uncertain
// ("angiveligt", "may"). For each it gives the source, the chain behind the
// source (via), the hedge class and the cue word, and links the quantities
// stated inside it. Every quote with a speaker is also a claim.
//
// The rules are generic; the language arrives as data: claim_hedges.tsv,
// claim_sources.tsv and claim_words.tsv per language, claim_outlets.tsv for
// all. See docs/claims.md for the rules and the hedge precedence.
package claim

import (
	"fmt"
	"github.com/kilde-news/kilde/dateline"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/lexicon"
)

// maxSentence is the longest span in bytes analysed as one sentence.
const maxSentence = 4000

// Annotator fills Doc.Claims. It is safe for concurrent use.
type Annotator struct {
	langs map[string]*lang
	pool  sync.Pool
}

// New returns an annotator with the embedded Danish and English lexicons.
func New() (*Annotator, error) {
	tabs := map[string]Tables{}
	for _, lg := range []string{"da", "en"} {
		var t Tables
		var err error
		if t.Hedges, err = lexicon.Rows(lg+"/claim_hedges.tsv", 2); err != nil {
			return nil, err
		}
		if t.Sources, err = lexicon.Rows(lg+"/claim_sources.tsv", 2); err != nil {
			return nil, err
		}
		if t.Words, err = lexicon.Rows(lg+"/claim_words.tsv", 2); err != nil {
			return nil, err
		}
		tabs[lg] = t
	}
	outlets, err := lexicon.Rows("all/claim_outlets.tsv", 1)
	if err != nil {
		return nil, err
	}
	return NewWithTables(tabs, outlets)
}

// NewWithTables returns an annotator for the given languages' tables (keyed
// by ISO 639-1 code) and news-outlet names. Danish rules (verb-second word
// order) are used for "da", "nb", "no" and "sv"; English order otherwise.
func NewWithTables(langs map[string]Tables, outlets [][]string) (*Annotator, error) {
	a := &Annotator{langs: map[string]*lang{}}
	for code, t := range langs {
		l, err := buildLang(t, outlets)
		if err != nil {
			return nil, fmt.Errorf("claim: %s: %w", code, err)
		}
		switch code {
		case "da", "nb", "no", "sv", "de":
			l.v2 = true
		}
		a.langs[code] = l
	}
	a.pool.New = func() any { return &scan{} }
	return a, nil
}

// Name implements kilde.Annotator.
func (a *Annotator) Name() string { return "claims" }

// Requires implements kilde.Annotator. Quotes, entities, times and
// quantities are used when present but not required.
func (a *Annotator) Requires() kilde.Layer { return kilde.LayerSentences }

// Provides implements kilde.Annotator.
func (a *Annotator) Provides() kilde.Layer { return kilde.LayerClaims }

func (a *Annotator) langFor(code string) *lang {
	if l := a.langs[code]; l != nil {
		return l
	}
	switch code {
	case "", "nb", "no", "nn", "sv":
		return a.langs["da"]
	}
	return nil
}

// Annotate implements kilde.Annotator.
func (a *Annotator) Annotate(d *kilde.Doc) error {
	s := a.pool.Get().(*scan)
	defer a.pool.Put(s)
	s.text = d.Text
	s.d = d
	s.lastNamed = ""
	s.buildIndex()
	d.Claims = d.Claims[:0]

	// Every quote with a speaker is a claim.
	for _, q := range d.Quotes {
		if q.Speaker == "" || q.Start < 0 || q.End > len(d.Text) || q.Start >= q.End {
			continue
		}
		c := kilde.Claim{Span: q.Span, Source: q.Speaker, Cue: q.Cue, CueSpan: q.CueSpan, Hedge: asserted.String()}
		if sp := q.SpeakerSpan; sp.Start >= 0 && sp.Start < sp.End && sp.End <= len(d.Text) && !plausibleCanonical(d.Text[sp.Start:sp.End], q.Speaker) {
			c.Source = d.Text[sp.Start:sp.End] // a headline taken for the speaker's full name
		}
		if l := a.langFor(d.LangAt(q.Start)); l != nil {
			if v, ok := l.hkey[strings.ToLower(q.Cue)]; ok {
				c.Hedge = l.hvals[v].cls.String()
			}
		}
		d.Claims = append(d.Claims, c)
	}
	nq := len(d.Claims)
	s.qIdx, s.qDirty = s.qIdx[:0], true

	sents := d.Sentences
	if len(sents) == 0 && len(d.Text) > 0 {
		sents = []kilde.Span{{Start: 0, End: len(d.Text)}}
	}
	s.prev, s.prevClaims = kilde.Span{}, len(d.Claims)
	for _, sp := range sents {
		if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End {
			continue
		}
		l := a.langFor(d.LangAt(sp.Start))
		if l == nil {
			continue
		}
		s.l = l
		sp.Start = dateline.Skip(d.Text, sp.Start, sp.End)
		// A run-on "sentence" (no splitter, a list, a table) is cut into
		// pieces at white space so that the rules stay linear.
		for sp.End-sp.Start > maxSentence {
			cut := sp.Start + maxSentence
			for cut > sp.Start+maxSentence/2 && d.Text[cut] != ' ' && d.Text[cut] != '\n' {
				cut--
			}
			for cut < sp.End && !utf8.RuneStart(d.Text[cut]) {
				cut++
			}
			s.sentence(kilde.Span{Start: sp.Start, End: cut}, nq)
			sp.Start = cut
		}
		n := len(d.Claims)
		s.sentence(sp, nq)
		s.prev, s.prevClaims = sp, n
	}
	sort.SliceStable(d.Claims, func(i, j int) bool { return d.Claims[i].Start < d.Claims[j].Start })
	linkQuantities(d)
	s.d = nil
	s.text = ""
	s.ix = index{}
	return nil
}

// linkQuantities sets each claim's Quantities to the quantities inside it.
// Quantities are visited in start order by binary search, so a long article
// costs claims × log(quantities), not claims × quantities.
func linkQuantities(d *kilde.Doc) {
	order := make([]int, len(d.Quantities))
	for j := range order {
		order[j] = j
	}
	sort.SliceStable(order, func(a, b int) bool { return d.Quantities[order[a]].Start < d.Quantities[order[b]].Start })
	for i := range d.Claims {
		c := &d.Claims[i]
		c.Quantities = nil
		k := sort.Search(len(order), func(k int) bool { return d.Quantities[order[k]].Start >= c.Start })
		for ; k < len(order) && d.Quantities[order[k]].Start < c.End; k++ {
			j := order[k]
			if q := d.Quantities[j]; c.Span.Contains(q.Span) && q.Start < q.End {
				c.Quantities = append(c.Quantities, j)
			}
		}
		sort.Ints(c.Quantities) // indexes in Doc order, as before
	}
}
