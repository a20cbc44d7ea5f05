package quote

import (
	"github.com/kilde-news/kilde/dateline"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

// emit appends the quotes of the piece to the Doc, in text order.
func (st *state) emit() {
	d := st.d
	out := d.Quotes
	if n := len(st.cands); cap(out)-len(out) < n {
		// grow by doubling: many pieces of a long text append here, and
		// append's own growth (1.25× for long slices) copies ~5× the list
		out = slices.Grow(out, max(n, len(out)))
	}
	sort.SliceStable(st.cands, func(i, j int) bool { return st.cands[i].span.Start < st.cands[j].span.Start })
	for _, c := range st.cands {
		c.span.Start = dateline.Skip(st.text, c.span.Start, c.span.End)
		if c.spk.ok && c.spk.span.Start < c.spk.span.End {
			if e := dateline.End(st.text, c.spk.span.Start); e >= c.spk.span.End {
				// "LONDON (Reuters) - ...": the agency is no speaker
				if c.kind != "direct" {
					continue
				}
				c.spk = speaker{}
			}
		}
		if c.kind == "direct" && c.short && !c.spk.ok {
			continue
		}
		if c.kind == "direct" && c.cue < 0 && !c.tweet && st.titleLike(c.span) {
			continue // "Fox News Sunday", “War On Drugs”: a title, not speech
		}
		q := kilde.Quote{Span: c.span, Kind: c.kind, Lang: d.LangAt(c.span.Start)}
		if q.Lang == "" {
			q.Lang = st.lx.code
		}
		if c.spk.ok && c.spk.name != "" {
			q.Speaker = c.spk.name
			q.SpeakerSpan = c.spk.span
			if !c.spk.desc {
				q.Role = c.spk.role
			}
		}
		if c.cue >= 0 && c.cueE > c.cue {
			q.CueSpan = kilde.Span{Start: st.toks[c.cue].s, End: st.toks[c.cueE-1].e}
			q.Cue = st.text[q.CueSpan.Start:q.CueSpan.End]
		}
		q.Addressee = c.addressee
		out = append(out, q)
	}
	st.d.Quotes = out
}

// TranslationOf links quotes that render an earlier quote in another
// language: the result has one entry per quote in d.Quotes, the index of the
// quote it translates, or -1. A quote translates an earlier direct quote when
// both have the same speaker, the earlier one is in another language, and at
// most two paragraphs lie between them ("— Donald J. Trump (@realDonaldTrump)"
// followed by "Han skriver: ’…’").
func TranslationOf(d *kilde.Doc) []int {
	out := make([]int, len(d.Quotes))
	for i := range out {
		out[i] = -1
	}
	for i, q := range d.Quotes {
		if q.Kind != "direct" || q.Speaker == "" {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			p := d.Quotes[j]
			if p.Kind != "direct" || p.Speaker != q.Speaker || p.Lang == q.Lang || p.Lang == "" || q.Lang == "" {
				continue
			}
			if strings.Count(d.Text[p.End:q.Start], "\n") > 6 {
				break
			}
			out[i] = j
			break
		}
	}
	return out
}

// titleLike reports whether a short quote is written in title case: every
// word of four letters or more capitalized, at most eight words, at least two
// words, no end punctuation.
func (st *state) titleLike(sp kilde.Span) bool {
	a, b := st.tokAt(sp.Start), st.tokAt(sp.End)
	words, long := 0, 0
	for k := a; k < b; k++ {
		t := st.toks[k]
		switch t.k {
		case tWord:
			words++
			if utf8.RuneCountInString(st.text[t.s:t.e]) >= 4 {
				long++
				if !t.cap {
					return false
				}
			}
		case tPunct:
			if t.low == "." || t.low == "!" || t.low == "?" || t.low == "," {
				return false
			}
		}
	}
	return words >= 2 && words <= 8 && long >= 1 && st.lx.code == "en"
}
