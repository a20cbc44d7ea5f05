package quote

import (
	"strings"

	"github.com/kilde-news/kilde"
)

func (st *state) endPunct(i int) bool {
	t := st.toks[i]
	return t.k == tPunct && (t.low == "." || t.low == "!" || t.low == "?")
}

// indirect finds reported speech sentence by sentence.
func (st *state) indirect() {
	for s := range st.sents {
		a, b := st.sentRange(s)
		for m := a; m < b; m++ {
			if st.toks[m].inQ || st.used[m] {
				continue
			}
			kind, e := st.cueAt(m)
			if e <= m {
				continue
			}
			var ok bool
			if kind == "according" {
				ok = st.according(m, e, a, b)
			} else if st.lx.code == "en" {
				ok = st.reportedEN(m, e, a, b, kind)
			} else {
				ok = st.reportedDA(m, e, a, b)
			}
			if ok {
				st.used[m] = true
				m = e - 1
			}
		}
	}
}

// clause makes an indirect quote of tokens [i, j), trimmed of punctuation.
func (st *state) clause(i, j int) (kilde.Span, bool) {
	for i < j && (st.toks[i].k == tPunct || st.toks[i].k == tDash) {
		i++
	}
	if i < j && st.toks[i].k == tMark {
		return kilde.Span{}, false // a quote: the direct quote covers it
	}
	for j > i && (st.toks[j-1].k == tPunct || st.toks[j-1].k == tDash) && st.toks[j-1].low != ")" {
		j--
	}
	words := 0
	for k := i; k < j; k++ {
		if st.toks[k].k == tWord || st.toks[k].k == tNum {
			words++
		}
		if st.toks[k].inQ && k == i {
			return kilde.Span{}, false
		}
	}
	if words < 2 {
		return kilde.Span{}, false
	}
	return kilde.Span{Start: st.toks[i].s, End: st.toks[j-1].e}, true
}

func (st *state) addIndirect(sp kilde.Span, spk speaker, cue, cueE, lim int) {
	if !spk.ok {
		return
	}
	c := cand{kind: "indirect", span: sp, cue: cue, cueE: cueE, spk: spk, open: st.tokAt(sp.Start), after: st.tokAt(sp.End)}
	c.addressee = st.addressee(spk.end, lim)
	if c.addressee == "" {
		c.addressee = st.addressee(cueE, lim)
	}
	st.cands = append(st.cands, c)
}

func (st *state) hasQuoteIn(i, j int) bool {
	for k := i; k < j; k++ {
		if st.toks[k].inQ || st.toks[k].k == tMark {
			return true
		}
	}
	return false
}

// according: "ifølge X, …", "…, ifølge X", "according to X, …".
func (st *state) according(m, e, a, b int) bool {
	sp := st.npAfter(e, b)
	if !sp.ok && m <= a+1 && e < b && st.word(e) {
		// "Ifølge banken skyldes det …": a description with no stop after it
		k := e
		for k < b && k < e+3 && st.word(k) {
			k++
			if st.class(k-1)&wDet == 0 {
				break
			}
		}
		if st.goodDesc(e, k) {
			sp = speaker{ok: true, desc: true, start: e, end: k, head: k, span: kilde.Span{Start: st.toks[e].s, End: st.toks[k-1].e}}
			sp.name = st.text[sp.span.Start:sp.span.End]
		}
	}
	if !sp.ok {
		return false
	}
	if sp.desc && m <= a+1 {
		// "Ifølge banken skyldes det …": without a comma the phrase ends at
		// its first definite noun, or after three words
		k := e
		for k < sp.end && k < e+3 {
			w := st.toks[k].low
			k++
			if st.class(k-1)&wDet == 0 && (strings.HasSuffix(w, "en") || strings.HasSuffix(w, "et") || strings.HasSuffix(w, "ne") || st.lx.code == "en") {
				break
			}
		}
		if k < sp.end && st.toks[sp.end-1].low != "," && (sp.end >= b || st.toks[sp.end].low != ",") {
			sp.end = k
			sp.span.End = st.toks[k-1].e
			sp.name = st.text[sp.span.Start:sp.span.End]
			sp.role = ""
			sp.head = k
		}
	}
	if m <= a+1 { // sentence start
		k := sp.end
		if sp.desc {
			k = sp.end
		}
		cl, ok := st.clause(k, b)
		if !ok {
			return false
		}
		st.addIndirect(cl, sp, m, e, b)
		return true
	}
	if st.toks[m-1].low == "," && !st.hasQuoteIn(a, m-1) {
		cl, ok := st.clause(a, m-1)
		if !ok {
			return false
		}
		st.addIndirect(cl, sp, m, e, b)
		return true
	}
	return false
}

// reportedDA: "X siger, at …", "siger X, at …", "…, siger X."
func (st *state) reportedDA(m, e, a, b int) bool {
	// find the complementizer
	n := -1
	for k := e; k < b; k++ {
		if st.toks[k].inQ {
			break
		}
		if st.class(k)&wComp != 0 && (k == e || st.toks[k-1].low == "," || k <= e+4) {
			n = k
			break
		}
		if k > e && st.isCue(k) {
			break
		}
	}
	if n >= 0 {
		cl, ok := st.clause(n+1, b)
		if !ok {
			return false
		}
		var sp speaker
		if n > e && st.toks[e].low != "," {
			sp = st.npAfter(e, n)
		}
		if !sp.ok {
			sp = st.npBefore(m, a)
		}
		if !sp.ok {
			sp = st.subject(a, m)
		}
		if !sp.ok {
			return false
		}
		st.addIndirect(cl, sp, m, e, b)
		return true
	}
	// clause first: "Sejren er sikret, skriver Trump." — not "Direktør i X,
	// Lars Hansen, advarer …", where the part before is the subject
	if m-1 > a && st.toks[m-1].low == "," && !st.hasQuoteIn(a, m) && !st.nameBefore(m, a) {
		sp := st.npAfter(e, b)
		if !sp.ok {
			return false
		}
		cl, ok := st.clause(a, m-1)
		if !ok {
			return false
		}
		st.addIndirect(cl, sp, m, e, b)
		return true
	}
	return false
}

// subject finds the first name in [a, m) as the subject of a cue far from
// it: "Og præsident Donald Trump har været ude og meddele, at …".
func (st *state) subject(a, m int) speaker {
	for k := a; k < m; k++ {
		if st.toks[k].low == "," {
			return speaker{}
		}
		if j, ok := st.nameAt(k); ok && j <= m {
			return st.nameSpeaker(k, j)
		}
	}
	return speaker{}
}

// reportedEN: "X said (that) …", "X told Reuters (that) …", "…, X said.",
// "…, said X."
func (st *state) reportedEN(m, e, a, b int, kind string) bool {
	// clause first, the cue near the end of the sentence: "…, said X." /
	// "…, X said on Monday." / "…, Senator Jane Porter, Democrat of Maine, said."
	if !st.hasQuoteIn(a, m) && st.tail(e, b) {
		if m-1 > a && st.toks[m-1].low == "," && kind != "tell" {
			if sp := st.npAfter(e, b); sp.ok && sp.pron == 0 {
				if cl, ok := st.clause(a, m-1); ok {
					st.addIndirect(cl, sp, m, e, b)
					return true
				}
			}
		}
		// the speaker between the last comma of the clause and the cue
		for c := m - 1; c > a && c >= m-25; c-- {
			if st.toks[c].low != "," || c == m-1 {
				continue
			}
			sp := st.npBefore(m, c+1)
			if !sp.ok || !st.plainWords(c+1, sp.start) {
				continue
			}
			if cl, ok := st.clause(a, c); ok {
				st.addIndirect(cl, sp, m, e, b)
				return true
			}
			break
		}
	}
	// a frame inside the sentence: "But to avoid trouble, he said, officials …"
	if e < b && st.toks[e].low == "," && m-1 > a {
		for c := m - 1; c > a && c >= m-8; c-- {
			if st.toks[c].low != "," {
				continue
			}
			sp := st.npBefore(m, c+1)
			if sp.ok && st.plainWords(c+1, sp.start) {
				cl, ok := st.clause(a, c)
				if !ok {
					cl, ok = st.clause(e+1, b)
				}
				if ok {
					st.addIndirect(cl, sp, m, e, b)
					return true
				}
			}
			break
		}
	}
	// subject first
	sp := st.npBefore(m, a)
	if !sp.ok {
		return false
	}
	k := e
	addr := ""
	if kind == "tell" {
		obj := st.npAfter(k, b)
		if !obj.ok {
			return false
		}
		k, addr = obj.end, obj.name
	}
	n0 := len(st.cands)
	defer func() {
		if addr != "" && len(st.cands) > n0 {
			st.cands[len(st.cands)-1].addressee = addr
		}
	}()
	// "that" within a few words: "said on Monday that"
	for n := k; n < b && n < k+16; n++ {
		if st.toks[n].inQ || st.toks[n].k == tMark {
			break
		}
		if st.class(n)&wComp != 0 && st.toks[n].low == "that" {
			if cl, ok := st.clause(n+1, b); ok {
				st.addIndirect(cl, sp, m, e, b)
				return true
			}
			return false
		}
	}
	// a bare clause: "He said the deal was bad."
	if k < b && st.word(k) && st.class(k)&(wPrep|wRel|wAddr) == 0 && !st.toks[k].inQ {
		if cl, ok := st.clause(k, b); ok && !st.hasQuoteIn(k, b) {
			st.addIndirect(cl, sp, m, e, b)
			return true
		}
	}
	return false
}

// tail reports whether only a short phrase follows a cue to the end of the
// sentence (", Trump said on Monday.").
func (st *state) tail(e, b int) bool {
	return b-e <= 6
}

// plainWords reports whether tokens [i, j) are all words.
func (st *state) plainWords(i, j int) bool {
	for k := i; k < j; k++ {
		if !st.word(k) {
			return false
		}
	}
	return true
}

// tokAt returns the index of the first token starting at or after byte off.
func (st *state) tokAt(off int) int {
	lo, hi := 0, len(st.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if st.toks[m].s < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// nameBefore reports whether a named speaker ends right before the cue at m,
// as in "Direktør i X, Lars Hansen, advarer".
func (st *state) nameBefore(m, a int) bool {
	sp := st.npBefore(m, a)
	return sp.ok && !sp.desc && sp.pron == 0
}
