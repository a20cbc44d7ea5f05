package quote

import (
	"strings"

	"github.com/kilde-news/kilde"
)

// embeddedSpeaker finds the speaker of a quoted phrase inside a sentence
// whose own subject and reporting verb frame it: "Trump went after Bush,
// calling him “a total stiff”", "Cruz says he is “effectively tied”",
// "Sanders on Sunday called Trump a “liar”". It returns the speaker and the
// cue, ok false when the sentence has no such frame before the quote or the
// quote ends in a comma ("“…,” X said" is framed after it).
func (st *state) embeddedSpeaker(c *cand) (speaker, int, bool) {
	if c.open <= 0 || c.open >= len(st.toks) || c.after <= 0 {
		return speaker{}, -1, false
	}
	b := c.open - 1
	if st.toks[b].blk != st.toks[c.open].blk || st.toks[b].inQ || st.toks[b].k == tMark || st.toks[b].low == ":" || st.endPunct(b) {
		return speaker{}, -1, false
	}
	if c.span.End < len(st.text) && st.text[c.span.End] == ',' || c.after < len(st.toks) && st.toks[c.after].low == "," {
		return speaker{}, -1, false
	}
	// a title in title case: “Fox News Sunday”, “War On Drugs”
	if st.titleLike(c.span) {
		return speaker{}, -1, false
	}
	a, _ := st.sentRange(st.toks[c.open].sent)
	if a >= c.open {
		return speaker{}, -1, false
	}
	// the last reporting cue before the quote, outside quotation marks
	m := -1
	for k := c.open - 1; k >= a && k >= c.open-40; k-- {
		if st.toks[k].inQ || st.toks[k].k == tMark {
			continue
		}
		if kind, e := st.cueAt(k); e > k && kind != "according" {
			m = k
			break
		}
	}
	if m < 0 {
		return speaker{}, -1, false
	}
	// a quote earlier in the sentence framed by its own cue: "“…,” he said,
	// calling it “a disaster”"
	if sp := st.frameBefore(a, c.open); sp.ok {
		return sp, m, true
	}
	lead := st.leadSubject(a, m)
	if strings.HasSuffix(st.toks[m].low, "ing") && m > a && st.toks[m-1].low == "," {
		return lead, m, lead.ok
	}
	sp := st.npBefore(m, a)
	// Danish V2 after an adverbial: "I et interview med DR kalder Venstres
	// formand, X, udspillet »…«" — the subject follows the verb
	if st.lx.code == "da" && sp.ok && sp.start > a && st.class(sp.start-1)&wPrep != 0 {
		_, e := st.cueAt(m)
		if p := st.npAfter(e, c.open); p.ok && p.pron == 0 {
			return p, m, true
		}
		sp = speaker{}
	}
	if sp.ok && sp.pron == 0 && !sp.desc {
		return sp, m, true
	}
	// "Stacy Baker … says she really thinks …": a pronoun after the
	// sentence's own subject is that subject
	if lead.ok && (!sp.ok || sp.pron != 0 && sp.start > lead.start || sp.desc && sp.start > lead.start) {
		return lead, m, true
	}
	return sp, m, sp.ok
}

// leadSubject returns the subject of the sentence that starts at a, before
// token m: a pronoun or a name (after role words) followed by a verb, after
// a leading adverbial ("Speaking at a town hall in Dover, New Jersey, Trump
// went …", "Later that day, Sen. Bernie Sanders called …").
func (st *state) leadSubject(a, m int) speaker {
	k := a
	for k < m && (st.toks[k].k == tPunct || st.toks[k].k == tDash) {
		k++
	}
	if sp := st.subjectAt(k, m); sp.ok {
		return sp
	}
	for c := k; c < m && c < k+30; c++ {
		if st.toks[c].inQ || st.toks[c].k == tMark {
			return speaker{}
		}
		if st.toks[c].low == "," {
			if sp := st.subjectAt(c+1, m); sp.ok {
				return sp
			}
		}
	}
	return speaker{}
}

// subjectAt reads a subject at token i followed by a verb before m: "Cruz
// says", "Sanders on Sunday called", "Stacy Baker of Columbia, South
// Carolina says", "Sen. Bernie Sanders called", "The senator from Vermont
// called".
func (st *state) subjectAt(i, m int) speaker {
	if i >= m || !st.word(i) {
		return speaker{}
	}
	if c := st.class(i); c&(wPronM|wPronF|wPronPl) != 0 {
		if st.verbAfter(i+1, m) {
			return speaker{ok: true, start: i, end: i + 1, pron: c & wPron, span: spanOf(st, i, i+1)}
		}
		return speaker{}
	}
	for n := i; n < m && n < i+5; n++ {
		if j, ok := st.nameAt(n); ok && j <= m {
			if st.genitive(j-1) || !st.verbAfter(j, m) {
				return speaker{}
			}
			return st.nameSpeaker(n, j)
		}
		if !st.word(n) || st.class(n)&(wVerb|wComp|wRel|wPrep) != 0 {
			break
		}
		if ok, _ := st.isRole(n); !ok && st.class(n)&wDet == 0 && st.toks[n].cap {
			break
		}
	}
	// a description: "The senator from Vermont called"
	if st.class(i)&wDet != 0 && st.toks[i].low != "a" && st.toks[i].low != "an" {
		if sp := st.npBefore(m, i); sp.ok && sp.start == i && sp.desc {
			return sp
		}
	}
	return speaker{}
}

// verbAfter reports whether a verb-like word follows at k before m, over
// adverbs, time phrases, a parenthesis, an apposition between commas and
// "of/from Place": the subject ends there.
func (st *state) verbAfter(k, m int) bool {
	start := k
	for n := 0; k < m && n < 14; n++ {
		t := st.toks[k]
		switch {
		case k == start && t.low == "," && k+1 < m && st.toks[k+1].cap:
			return false // "…, New Jersey, Trump went": a place ends an adverbial
		case t.inQ || t.k == tMark:
			return false
		case t.low == "," || t.low == "(" || t.low == ")":
			k++
		case !st.word(k):
			return false
		case t.cap:
			k++
		case st.isCue(k):
			return true
		case st.class(k)&(wAdv|wTime) != 0:
			k++
		case st.class(k)&wPrep != 0 && k+1 < m && (st.toks[k+1].cap || st.class(k+1)&wTime != 0):
			k++ // "of Columbia", "on Sunday"
		case st.class(k)&(wDet|wPrep|wConn|wRel|wComp) != 0:
			return false
		default:
			return true
		}
	}
	return k == m
}

func spanOf(st *state, i, j int) kilde.Span {
	return kilde.Span{Start: st.toks[i].s, End: st.toks[j-1].e}
}
