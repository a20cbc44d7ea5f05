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
	// the first direct quote that took each cue, for usedFar; direct quotes
	// and their cues no longer change here
	st.cueDirect = append(st.cueDirect[:0], make([]int32, len(st.toks))...)
	for i := len(st.cands) - 1; i >= 0; i-- {
		if c := &st.cands[i]; c.kind == "direct" && c.cue >= 0 && c.cue < len(st.toks) {
			st.cueDirect[c.cue] = int32(i) + 1
		}
	}
	// quote tokens before each token, for hasQuoteIn: a scan from the
	// sentence start for every cue was quadratic in a long sentence
	st.qpre = append(st.qpre[:0], 0)
	for k := range st.toks {
		n := st.qpre[k]
		if st.toks[k].inQ || st.toks[k].k == tMark {
			n++
		}
		st.qpre = append(st.qpre, n)
	}
	// coord[k]: the first cut at or after k found by cutCoordQuote with no
	// end (-1: none); a scan to the sentence end for every cue was
	// quadratic in a long sentence
	st.coord = append(st.coord[:0], make([]int32, len(st.toks)+1)...)
	st.coord[len(st.toks)] = -1
	for k := len(st.toks) - 1; k >= 0; k-- {
		st.coord[k] = st.coord[k+1]
		if k+2 < len(st.toks) && st.coordAt(k, len(st.toks)) {
			st.coord[k] = int32(k)
		}
	}
	st.makeFrameCuts()
	for s := range st.sents {
		a, b := st.sentRange(s)
		if st.backRef(s, a, b) || st.tailFirst(a, b) {
			continue
		}
		for m := a; m < b; m++ {
			if st.toks[m].inQ || st.used[m] && !st.usedFar(m) {
				continue
			}
			kind, e := st.cueAt(m)
			if e <= m || !speech(kind) {
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

// speech reports whether a cue kind reports words said. Thought and stance
// verbs (mener, vurderer, tror, believes, estimated, predicted) and denials
// (afviser, at …; denies that …) frame a direct quote's speaker, but their
// clause is no indirect quote: the source did not say those words (the claim
// annotator turns them into opinion/estimated/predicted/denied claims).
func speech(kind string) bool {
	switch kind {
	case "think", "estimate", "deny", "predict":
		return false
	}
	return true
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
	if i < j && st.toks[i].inQ {
		return kilde.Span{}, false
	}
	words := 0
	for k := i; k < j && words < 2; k++ { // two words are enough
		if st.toks[k].k == tWord || st.toks[k].k == tNum {
			words++
		}
	}
	if words < 2 {
		return kilde.Span{}, false
	}
	end := st.toks[j-1].e
	// a clause that ends inside a quote ends with its closing mark: `called
	// the bill a “total disgrace.”`
	if st.toks[j-1].inQ {
		n := j
		for n < len(st.toks) && n < j+3 && st.toks[n].k == tPunct && st.toks[n].inQ {
			n++
		}
		if n < len(st.toks) && n > j && st.toks[n].k == tMark && st.toks[n].blk == st.toks[j-1].blk {
			return kilde.Span{Start: st.toks[i].s, End: st.toks[n].e}, true
		}
	}
	// "… 6 mia. kr." at the end of a sentence: the period ends the sentence
	if w := st.text[st.toks[j-1].s:end]; st.toks[j-1].k == tWord && strings.Count(w, ".") == 1 && strings.HasSuffix(w, ".") && (j >= len(st.toks) || st.toks[j].blk != st.toks[j-1].blk || st.toks[j].first) {
		end--
	}
	return kilde.Span{Start: st.toks[i].s, End: end}, true
}

func (st *state) addIndirect(sp kilde.Span, spk speaker, cue, cueE, lim int) {
	if !spk.ok {
		return
	}
	c := cand{kind: "indirect", span: sp, cue: cue, cueE: cueE, spk: spk, open: st.tokAt(sp.Start), after: st.tokAt(sp.End)}
	st.noteFrame(cue, spk)
	c.addressee = st.addressee(spk.end, lim)
	if c.addressee == "" {
		c.addressee = st.addressee(cueE, lim)
	}
	st.cands = append(st.cands, c)
}

func (st *state) hasQuoteIn(i, j int) bool {
	if len(st.qpre) == len(st.toks)+1 && 0 <= i && j <= len(st.toks) {
		return i < j && st.qpre[j] > st.qpre[i]
	}
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
	if sp.ok && sp.start > e && !st.leadIn(e, sp.start) {
		sp = speaker{} // "Ifølge meningsmålingerne fører Venstre": not Venstre
	}
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
	adjDesc := false
	if !sp.ok && st.lx.code == "da" {
		// "ifølge britiske efterretningskilder", "ifølge vestlige diplomater":
		// adjectives in -e before a plural or definite noun
		k := e
		if k+1 < b && st.word(k) && !st.toks[k].cap && strings.HasSuffix(st.toks[k].low, "s") && st.word(k+1) && !st.toks[k+1].cap {
			k++ // "kommunens egne prognoser"
		}
		for k < b && k < e+3 && st.word(k) && !st.toks[k].cap && strings.HasSuffix(st.toks[k].low, "e") {
			k++
		}
		if (k > e || m > a+1) && k < b && st.word(k) && !st.toks[k].cap && len(st.toks[k].low) >= 5 && st.class(k)&(wPron|wPrep|wComp) == 0 {
			w := st.toks[k].low
			if strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ne") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "et") {
				sp = speaker{ok: true, desc: true, start: e, end: k + 1, head: k + 1, span: kilde.Span{Start: st.toks[e].s, End: st.toks[k].e}}
				sp.name = st.text[sp.span.Start:sp.span.End]
				adjDesc = true
			}
		}
	}
	if !sp.ok {
		return false
	}
	if sp.desc && m <= a+1 && !adjDesc && sp.tail == 0 {
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
		// The phrase may start before e (a name found by the entity layer):
		// only cut it when the cut keeps it non-empty.
		if k < sp.end && k-1 >= sp.start && st.toks[k-1].e > sp.span.Start && st.toks[sp.end-1].low != "," && (sp.end >= b || st.toks[sp.end].low != ",") {
			sp.end = k
			sp.span.End = st.toks[k-1].e
			sp.name = st.text[sp.span.Start:sp.span.End]
			sp.role = ""
			sp.head = k
		}
	}
	if m <= a+1 { // sentence start
		k := max(sp.end, sp.tail)
		cl, ok := st.clause(k, st.ownEnd(k, b))
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
	// in the middle of a clause: "Planen koster ifølge X 2,5 mia. kr." — the
	// sentence, with the phrase inside it (issue 7: ifølge clauses are quotes)
	if !sp.desc || st.lx.code == "da" {
		if st.hasQuoteIn(a, b) || sp.pron != 0 {
			return false
		}
		end := st.ownEnd(sp.end, b)
		if end <= sp.end && b > sp.end {
			return false
		}
		from := a
		// Danish V2 after an adverbial: "Sidste år blev der ifølge X …" — the
		// clause starts at the verb before the inverted subject
		if st.lx.code == "da" && m-2 > a && (st.class(m-1)&wPron != 0 || st.toks[m-1].low == "der" || st.toks[m-1].low == "det") && st.word(m-2) && !st.toks[m-2].cap {
			from = m - 2
		}
		cl, ok := st.clause(from, end)
		if !ok {
			return false
		}
		st.addIndirect(cl, sp, m, e, b)
		return true
	}
	return false
}

// ownEnd returns where the clause that starts at k ends: before a
// coordination (", og", ", men", ", and", ", but") that is followed by
// another reporting cue ("…, og formand X frygter, at …"), else b.
func (st *state) ownEnd(k, b int) int {
	for c := k; c+1 < b; c++ {
		if st.toks[c].low != "," || !st.word(c+1) {
			continue
		}
		switch st.toks[c+1].low {
		case "og", "men", "and", "but":
		default:
			continue
		}
		for n := c + 2; n < b; n++ {
			if st.toks[n].inQ {
				break
			}
			if st.isCue(n) || st.class(n)&wComp != 0 && st.toks[n-1].low == "," {
				return c // "…, og formand X frygter, at …"
			}
		}
	}
	return b
}

// nextFrame returns where a reported clause that starts at k ends: before a
// new clause with its own reporting cue ("… but said B", "…, while Cruz
// said …", "…, mens Venstre siger …", "… and added that …"), else b. It
// reads st.frameCut, made once per piece (a scan to the sentence end for
// every cue was quadratic in a long sentence).
func (st *state) nextFrame(k, b int) int {
	if k < 0 || k >= len(st.frameCut) {
		return b
	}
	if c := int(st.frameCut[k]); c >= 0 && c < b {
		return c
	}
	return b
}

// makeFrameCuts fills st.frameCut: for each token, the first frame cut at
// or after it in its sentence, -1 if none.
func (st *state) makeFrameCuts() {
	st.frameCut = append(st.frameCut[:0], make([]int32, len(st.toks))...)
	for s := range st.sents {
		a, b := st.sentRange(s)
		next := int32(-1)
		for c := b - 1; c >= a; c-- {
			if c+1 < b && st.frameCutAt(c, b) {
				next = int32(c)
			}
			st.frameCut[c] = next
		}
	}
}

// frameCutAt reports whether a new clause with its own frame starts at
// token c (a comma or a conjunction) of a sentence ending before b.
func (st *state) frameCutAt(c, b int) bool {
	if st.toks[c].inQ || st.toks[c].k == tMark {
		return false
	}
	n, comma := c, false
	if st.toks[c].low == "," {
		n, comma = c+1, true
	}
	strong := false
	switch st.toks[n].low {
	case "but", "while", "whereas", "men", "mens":
		strong = true
	case "and", "og":
	default:
		return false
	}
	if n == c && c > 0 && st.toks[c-1].low == "," {
		return false // seen at the comma
	}
	p := n + 1
	for p < b && p < n+3 && st.class(p)&wAdv != 0 && !st.isCue(p) {
		p++
	}
	if p >= b || st.toks[p].inQ {
		return false
	}
	if st.isCue(p) && st.toks[p].low != "according" && st.toks[p].low != "ifølge" {
		return true // "… but said B", "… and added that …"
	}
	if !strong && !comma && st.class(p)&wPron == 0 {
		return false // "said Obama and Congress agreed": no new clause
	}
	for q := p + 1; q < b && q <= p+6; q++ {
		if st.toks[q].inQ || st.toks[q].k == tPunct {
			break
		}
		if st.isCue(q) {
			sp := st.npBefore(q, p)
			return sp.ok && sp.start == p // "…, while Cruz said …"
		}
	}
	return false
}

// cutCoordQuote ends an indirect clause [i, j) before a coordinated clause
// that is a direct quote: "…, at Danmark ikke sender soldater, men at »…«".
func (st *state) cutCoordQuote(i, j int) int {
	if len(st.coord) == len(st.toks)+1 && 0 <= i && i <= j && j <= len(st.toks) {
		// the first cut at or after i for a clause running to the text
		// end; a clause ending at j takes it only when its quote opens
		// before j, and no later one can then fit
		c := int(st.coord[i])
		if c >= 0 && c+2 < j {
			n := c + 2
			if st.class(n)&wComp != 0 {
				n++
			}
			if n < j {
				return c
			}
		}
		return j
	}
	return st.cutCoordQuoteScan(i, j)
}

// cutCoordQuoteScan is cutCoordQuote by a scan of tokens [i, j).
func (st *state) cutCoordQuoteScan(i, j int) int {
	for c := i; c+2 < j; c++ {
		if st.coordAt(c, j) {
			return c
		}
	}
	return j
}

// coordAt reports whether a quote coordinated by ", og"/", and" opens at
// token c, before j.
func (st *state) coordAt(c, j int) bool {
	if st.toks[c].low != "," || !st.word(c+1) {
		return false
	}
	switch st.toks[c+1].low {
	case "og", "men", "and", "but":
	default:
		return false
	}
	n := c + 2
	if n < j && st.class(n)&wComp != 0 {
		n++
	}
	return n < j && (st.toks[n].k == tMark || st.toks[n].inQ)
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
			if k > e && st.class(k-1)&wPrep != 0 {
				return false // "advarer mod at tro, at …": an infinitive, no reported clause
			}
			n = k
			break
		}
		if k > e && st.isCue(k) {
			break
		}
	}
	if n >= 0 {
		cl, ok := st.clause(n+1, st.cutCoordQuote(n+1, st.nextFrame(n+1, b)))
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
		if p := st.conjBefore(m, a); p >= 0 && (!sp.ok || sp.start >= p) {
			sp = st.frameBefore(a, p) // "X sagde, at A, men tilføjede, at B"
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
	return st.clauseFirstDA(m, e, a, b)
}

// clauseFirstDA: "Sejren er sikret, skriver Trump." — not "Direktør i X,
// Lars Hansen, advarer …", where the part before is the subject.
func (st *state) clauseFirstDA(m, e, a, b int) bool {
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
	if st.clauseFirstEN(m, e, a, b, kind) {
		return true
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
	// "Judge X dissented, saying she …": the speaker is the subject
	// The subject of a participle after a frame is the frame's speaker
	// ("“…,” Chief Executive X told reporters, adding that …"); words inside
	// quotation marks are never the subject.
	if strings.HasSuffix(st.toks[m].low, "ing") && m-1 > a && st.toks[m-1].low == "," {
		sp := st.frameBefore(a, m)
		if !sp.ok {
			a2 := a
			for k := a; k < m-1; k++ {
				if st.toks[k].inQ || st.toks[k].k == tMark {
					a2 = k + 1
				}
			}
			for a2 < m-1 && (st.toks[a2].k == tPunct || st.toks[a2].k == tDash) {
				a2++
			}
			sp = st.subjectOf(a2, m-1)
			if sp.pron == 0 {
				sp = st.leadingNP(a2, m-1)
			}
		}
		if !sp.ok {
			return false
		}
		return st.reportedClauseEN(sp, m, e, b, kind)
	}
	// subject first
	sp := st.npBefore(m, a)
	if p := st.conjBefore(m, a); p >= 0 && (!sp.ok || sp.start >= p) {
		// "X said A but said B": the subject of the first frame
		sp = st.frameBefore(a, p)
	}
	if !sp.ok {
		return false
	}
	// "The bill, which Trump said would pass, …": a gapped relative clause
	if sp.start > a && st.class(sp.start-1)&wRel != 0 {
		return false
	}
	// "The route adds three days": a description must name a source
	if sp.desc && kind == "add" && !st.hasRole(sp.start, sp.end) {
		return false
	}
	return st.reportedClauseEN(sp, m, e, b, kind)
}

// frameBefore returns the speaker of the last quote framed by a cue in
// tokens [a, m) of a sentence: "“…,” X told reporters, adding …", "X said
// A but said B".
func (st *state) frameBefore(a, m int) speaker {
	for k := min(m, len(st.cueFrame)) - 1; k >= a && k >= m-60; k-- {
		if f := st.cueFrame[k]; f > 0 {
			return st.frames[f-1]
		}
	}
	return speaker{}
}

// conjBefore returns the coordinating conjunction right before the cue at
// m (over adverbs: "but also said", "men tilføjede"), or -1.
func (st *state) conjBefore(m, a int) int {
	p := m - 1
	for p > a && st.class(p)&wAdv != 0 && p >= m-2 {
		p--
	}
	if p > a {
		switch st.toks[p].low {
		case "but", "and", "men", "og":
			return p
		}
	}
	return -1
}

// leadingNP returns the name that is the subject of the sentence starting at
// a: the name before its first lower-case word that is no determiner, role or
// preposition ("Fed Governor Michelle Bowman dissented", "Danish shipping
// group A.P. Moller-Maersk raised"); none when a comma comes first.
func (st *state) leadingNP(a, end int) speaker {
	for v := a + 1; v < end && v <= a+10; v++ {
		t := st.toks[v]
		if !st.word(v) {
			return speaker{}
		}
		if t.cap || st.class(v)&(wDet|wPrep|wConn) != 0 {
			continue
		}
		if sp := st.npBefore(v, a); sp.ok && !sp.desc && sp.pron == 0 {
			return sp
		}
	}
	return speaker{}
}

// clauseFirstEN: the cue near the end of the sentence: "…, said X." /
// "…, X said on Monday." / "…, Senator Jane Porter, Democrat of Maine, said."
func (st *state) clauseFirstEN(m, e, a, b int, kind string) bool {
	// "…, Sanders called Trump a “liar”": the object follows, no frame
	if kind == "call" || st.hasQuoteIn(a, m) || !st.tail(e, b) {
		return false
	}
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
		if st.subordinator(c+1) || st.class(c+1)&wRel != 0 {
			return false // "…, while Kazakhstan reported some 28,000": no frame
		}
		// "the World Health Organization and UNICEF said": both
		if j := sp.start - 1; sp.pron == 0 && !sp.desc && j > c+1 && (st.toks[j].low == "and" || st.toks[j].low == "og") {
			if p := st.npBefore(j, c+1); p.ok && !p.desc && p.pron == 0 {
				sp.start, sp.span.Start = p.start, p.span.Start
				sp.name = p.name + " " + st.toks[j].low + " " + sp.name
				sp.person, sp.gender = false, 0
			}
		}
		if cl, ok := st.clause(a, c); ok {
			st.addIndirect(cl, sp, m, e, b)
			return true
		}
		break
	}
	return false
}

// subordinator reports whether token i opens a new clause ("while", "mens").
func (st *state) subordinator(i int) bool {
	switch st.toks[i].low {
	case "while", "whereas", "but", "and", "as", "when", "because", "although", "mens", "men", "og", "da", "fordi", "selvom":
		return true
	}
	return false
}

// hasRole reports whether a role word lies in tokens [i, j).
func (st *state) hasRole(i, j int) bool {
	for k := i; k < j; k++ {
		if ok, _ := st.isRole(k); ok {
			return true
		}
	}
	return false
}

// reportedClauseEN reads the clause after the cue of speaker sp: "said
// (on Monday) that …", "told Reuters …", or a bare clause, which may hold a
// nested direct quote ("said the economy was “in a good place”").
func (st *state) reportedClauseEN(sp speaker, m, e, b int, kind string) bool {
	k := e
	addr := ""
	if kind == "tell" {
		// the object ends before the next determiner: "told reporters the
		// decision was final"
		lim := b
		for n := k + 1; n < b && n < k+8; n++ {
			if st.class(n)&wDet != 0 {
				lim = n
				break
			}
		}
		obj := st.npAfter(k, lim)
		if !obj.ok {
			return false
		}
		k, addr = obj.end, obj.name
	}
	// "said on Monday it would …", "said Tuesday the plant …"
	for n := 0; n < 3 && k < b; n++ {
		if k+1 < b && (st.class(k+1)&wTime != 0 || timeNoun[st.toks[k+1].low]) && (st.class(k)&wPrep != 0 || timeLead[st.toks[k].low]) {
			k += 2 // "on Tuesday", "last week"
		} else if k+2 < b && timeLead[st.toks[k].low] && st.class(k+1)&wPrep != 0 && st.class(k+2)&wTime != 0 {
			k++ // "late on Tuesday"
		} else if st.class(k)&wTime != 0 {
			k++
		} else {
			break
		}
	}
	n0 := len(st.cands)
	defer func() {
		if addr != "" && len(st.cands) > n0 {
			st.cands[len(st.cands)-1].addressee = addr
		}
	}()
	// "that" within a few words: "said on Monday that", not after a new
	// frame ("said A and added that B")
	cut := st.nextFrame(k, b)
	for n := k; n < cut && n < k+16; n++ {
		if st.toks[n].inQ || st.toks[n].k == tMark {
			break
		}
		if st.toks[n].low == "," && n+1 < b && st.subordinator(n+1) {
			break // "said A, but that B": a bare clause with its coordination
		}
		if st.class(n)&wComp != 0 && st.toks[n].low == "that" {
			if cl, ok := st.clause(n+1, st.cutCoordQuote(n+1, cut)); ok {
				st.addIndirect(cl, sp, m, e, b)
				return true
			}
			return false
		}
	}
	// a bare clause: "He said the deal was bad."
	if k+1 < b && st.word(k) && st.class(k)&(wPrep|wRel|wAddr) == 0 && !st.toks[k].inQ && (st.word(k+1) || st.toks[k+1].k == tNum && b-k >= 5) && !st.toks[k+1].inQ {
		if cl, ok := st.clause(k, cut); ok {
			st.addIndirect(cl, sp, m, e, b)
			return true
		}
	}
	return false
}

// tail reports whether only a short phrase follows a cue to the end of the
// sentence (", Trump said on Monday.", ", X said in a joint report on
// Thursday.").
func (st *state) tail(e, b int) bool {
	if b-e <= 6 {
		return true
	}
	if b-e > 12 || st.class(e)&(wPrep|wAddr|wTime) == 0 {
		return false
	}
	for k := e; k < b; k++ {
		if st.class(k)&wComp != 0 || st.toks[k].low == "," || st.toks[k].k == tMark || st.isCue(k) {
			return false
		}
	}
	return true
}

// backRef: "Det oplyser X til Ritzau." / "Det viser nye tal fra Boligsiden."
// / "That was according to X." — the sentence before (not a direct quote,
// which the quote frame already covers) is what X said.
func (st *state) backRef(s, a, b int) bool {
	if s == 0 || b-a < 3 || !st.word(a) {
		return false
	}
	switch st.toks[a].low {
	case "det", "dette", "that", "this", "that's":
	default:
		return false
	}
	m := a + 1
	switch st.toks[m].low {
	case "was", "is", "er", "var":
		m++
	}
	if m >= b || st.toks[m].inQ || st.used[m] {
		return false
	}
	var sp speaker
	kind, e := st.cueAt(m)
	switch {
	case e > m:
		if !speech(kind) || kind == "call" || m > a+1 && kind != "according" {
			return false
		}
		if kind == "sound" {
			sp = st.afterFrom(e, b)
		} else {
			sp = st.npAfter(e, b)
		}
	case m == a+1 && st.word(m) && st.lx.shows[st.toks[m].low]:
		e = m + 1
		sp = st.afterFrom(e, b)
	default:
		return false
	}
	if !sp.ok || b-e > 22 {
		return false
	}
	for k := e; k < b; k++ {
		if st.class(k)&wComp != 0 || st.toks[k].inQ || st.toks[k].k == tMark {
			return false
		}
	}
	pa, pb := st.sentRange(s - 1)
	if pb <= pa || st.toks[pb-1].blk < st.toks[a].blk-1 || st.hasQuoteIn(pa, pb) {
		return false
	}
	ps, pe := st.toks[pa].s, st.toks[pb-1].e
	for i := range st.cands {
		if c := st.cands[i].span; c.Start < pe && c.End > ps {
			return false
		}
	}
	// "X vil ikke afvise, at A. Det sagde han …": the reported clause
	from := pa
	for k := pa + 1; k < pb; k++ {
		if st.class(k)&wComp != 0 && (st.toks[k-1].low == "," || st.lx.code == "en" && st.isCue(k-1)) {
			from = k + 1
			break
		}
	}
	cl, ok := st.clause(from, pb)
	if !ok {
		return false
	}
	st.addIndirect(cl, sp, m, e, b)
	st.used[m] = true
	return true
}

// tailFirst: a sentence that ends in a reporting frame ("…, siger X.",
// "…, X said in a statement.") is one clause by X, even when an earlier word
// is a cue ("The route adds three days …, Larsen said"). A sentence that
// starts "Ifølge X A, og B, skriver Y" is split at the coordination: A by X,
// B by Y; without a coordination the whole is Y's, with X nested in it.
func (st *state) tailFirst(a, b int) bool {
	for m := b - 1; m > a+2 && m >= b-14; m-- {
		if st.toks[m].inQ || st.toks[m].k == tMark {
			return false
		}
		if st.used[m] {
			continue
		}
		kind, e := st.cueAt(m)
		if e <= m {
			continue
		}
		if !speech(kind) || kind == "according" || kind == "call" || !st.tail(e, b) || st.hasQuoteIn(a, m) {
			return false
		}
		for k := e; k < b; k++ {
			if st.toks[k].low == "," {
				return false // "The bill, which Trump said would pass, failed."
			}
		}
		start := a
		var acc int = -1
		if k, e2 := st.cueAt(a); e2 > a && k == "according" {
			if c := st.coordBefore(e2, m-1); c > 0 {
				acc, start = c, c+2
				if !st.according(a, e2, a, c) {
					return false
				}
				st.used[a] = true
			}
		}
		var ok bool
		if st.lx.code == "en" {
			ok = st.clauseFirstEN(m, e, start, b, kind)
		} else {
			ok = st.clauseFirstDA(m, e, start, b)
		}
		if ok {
			st.used[m] = true
		} else if acc >= 0 {
			st.cands = st.cands[:len(st.cands)-1]
			st.used[a] = false
		}
		return ok
	}
	return false
}

// coordBefore returns the last ", og" / ", men" / ", and" / ", but" in
// tokens [i, j), or -1.
func (st *state) coordBefore(i, j int) int {
	for k := j - 2; k >= i; k-- {
		if st.toks[k].low == "," && st.word(k+1) {
			switch st.toks[k+1].low {
			case "og", "men", "and", "but":
				return k
			}
		}
	}
	return -1
}

// usedFar reports whether cue m was taken by a direct quote that opens
// further into the clause it introduces ("He said the economy was “in a good
// place”"): the cue then also introduces the indirect clause.
func (st *state) usedFar(m int) bool {
	_, e := st.cueAt(m)
	if m < 0 || m >= len(st.cueDirect) || st.cueDirect[m] == 0 {
		return false
	}
	c := &st.cands[st.cueDirect[m]-1]
	if c.open <= e+1 || c.open > len(st.toks) {
		return false
	}
	for k := e; k < c.open; k++ {
		if st.toks[k].inQ || st.toks[k].k == tMark || st.endPunct(k) || st.toks[k].low == ":" {
			return false
		}
	}
	return true
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

// leadIn reports whether tokens [i, j) may stand before a name in a Danish
// speaker phrase after "ifølge": "avisen Politiken", "formand for X", but not
// "meningsmålingerne fører Venstre", where a finite verb (a lower-case word
// in -r, -ede, -te after the first) comes first: Danish puts the verb second.
func (st *state) leadIn(i, j int) bool {
	if st.lx.code == "en" {
		return true
	}
	for k := i + 1; k < j; k++ {
		if !st.word(k) || st.toks[k].cap || st.class(k)&(wDet|wPrep) != 0 || st.genitive(k) {
			continue
		}
		if ok, _ := st.isRole(k); ok {
			continue
		}
		w := st.toks[k].low
		if strings.HasSuffix(w, "r") || strings.HasSuffix(w, "ede") || strings.HasSuffix(w, "te") {
			return false
		}
	}
	return true
}

// timeLead are the words that lead a time adverbial between a cue and a bare
// clause: "said late on Tuesday it had", "said last week the plant".
var timeLead = map[string]bool{"late": true, "early": true, "last": true, "this": true, "next": true, "earlier": true}

// timeNoun are time nouns after a timeLead word: "last week".
var timeNoun = map[string]bool{"week": true, "month": true, "year": true, "night": true, "weekend": true}
