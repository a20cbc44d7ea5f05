package claim

import (
	"sort"
	"strings"

	"github.com/kilde-news/kilde"
)

// att is one attribution found in a sentence.
type att struct {
	cue          hit
	kind         uint8
	srcA, srcB   int // source noun phrase tokens; srcA == srcB if none
	generic      bool
	source       string
	via          []string
	regI, regJ   int // tokens taken by cue, source, addressee and via clauses
	conI, conJ   int // content tokens
	verb         class
	ok           bool
	passive      bool
	anaphor      bool // the content is the previous sentence
	backwardSubj bool
	cut          bool // the content was cut to one of coordinated clauses
}

const maxNP = 8

func (s *scan) role(i int) uint32 {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind == tPunct {
		return 0
	}
	r := s.toks[i].role &^ (rPtcp | rIssue) // read only by ptcpAt and issuer
	if s.toks[i].cap && i != s.first && r&(rDet|rPron|rGeneric) == 0 {
		// A capitalized word inside a sentence is a name part ("For", "Som"),
		// unless it is a pronoun, a determiner or a weekday.
		return r & rTime
	}
	return r
}

// suffixRole is the role a suffix rule ("*ly") gives word i, or 0.
func (s *scan) suffixRole(i int) uint32 {
	w := s.norm(i)
	for _, sf := range s.l.suffixes {
		if len(w) > len(sf.s)+2 && string(w[len(w)-len(sf.s):]) == sf.s {
			return sf.role
		}
	}
	return 0
}

func (s *scan) punct(i int, set string) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tPunct {
		return false
	}
	w := string(s.norm(i))
	for j := 0; j+len(w) <= len(set); {
		// set holds single runes; compare rune by rune
		r := set[j:]
		n := 1
		for n < len(r) && r[n]&0xC0 == 0x80 {
			n++
		}
		if r[:n] == w {
			return true
		}
		j += n
	}
	return false
}

const (
	closers = ".!?…”\"’»«)]'"
	openers = "“\"‘’«»([„'-–—"
	quotes  = "“”\"‘’«»„'"
)

// sentence finds the claims of the sentence sp and appends them to d.Claims.
func (s *scan) sentence(sp kilde.Span, nq int) {
	s.tokenize(sp.Start, sp.End)
	n := len(s.toks)
	for i := range s.toks {
		if t := &s.toks[i]; t.kind == tWord {
			f := s.l.first[string(s.low[t.ls:t.le])]
			t.h, t.src, t.role = f.h, f.src, f.role
			if t.role == 0 && !t.cap && len(s.l.suffixes) > 0 {
				t.role = s.suffixRole(i)
			}
		}
	}
	s.first = 0
	for s.first < n && s.toks[s.first].kind == tPunct {
		s.first++
	}
	if s.first >= n {
		return
	}
	l := s.l

	// Hedges.
	s.hed = s.hed[:0]
	for i := s.first; i < n; {
		if s.toks[i].kind == tPunct {
			i++
			continue
		}
		e, v, w := matchAt(s.toks[i].h, s, i)
		if v < 0 {
			i++
			continue
		}
		hv := l.hvals[v]
		cls := hv.cls
		if cls == noClass {
			i = e // "afviser at kommentere": no hedge, no claim
			continue
		}
		if w == 1 && s.nounUse(i, cls) {
			i++
			continue
		}
		if k := len(s.hed) - 1; k >= 0 && e <= s.hed[k].j && s.hed[k].w == s.hed[k].j-s.hed[k].i {
			i++ // inside the previous contiguous cue: "man formoder", then "formoder"
			continue
		}
		if s.negated(i, e) {
			if hv.neg == noClass {
				i = e
				continue
			}
			if hv.neg != same {
				cls = hv.neg
			}
		}
		if hv.inside && (e >= n || s.toks[e].kind != tWord) {
			i++ // "hvad vi kan.": no verb follows, no hedge
			continue
		}
		s.hed = append(s.hed, hit{i: i, j: e, v: v, cls: cls, w: w})
		i++ // a gap may hide another cue: "skal angiveligt have"
	}

	// Attribution cues, not inside quotation marks: a reporting verb in
	// quoted words is the speaker's ("'We warned about this,' said X").
	s.markQuoted()
	s.cues = s.cues[:0]
	for i := s.first; i < n; {
		if s.toks[i].kind == tPunct {
			i++
			continue
		}
		if s.toks[i].cap && i != s.first || s.toks[i].quoted {
			i++ // "United States", "Says" in a title-cased headline
			continue
		}
		e, v, _ := matchAt(s.toks[i].src, s, i)
		if v < 0 {
			i++
			continue
		}
		if !l.v2 && s.role(i-1)&rDet != 0 && e == i+1 {
			i++ // "the reports", "de tal"
			continue
		}
		if !l.v2 && e == i+1 && s.pluralSubject(i) {
			i++ // "fundraising reports show": a plural noun before its verb
			continue
		}
		if k := l.skinds[v]; k != kVia && k != kNone {
			s.cues = append(s.cues, hit{i: i, j: e, v: v})
		}
		i = e
	}

	s.atts = s.atts[:0]
	for _, c := range s.cues {
		at := att{cue: c, kind: l.skinds[c.v], regI: c.i, regJ: c.j, verb: asserted}
		for k := range s.hed {
			h := &s.hed[k]
			if h.i < c.j && c.i < h.j {
				at.verb = h.cls
				h.used = true
				if h.i < at.regI {
					at.regI = h.i
				}
			}
		}
		if s.attribute(&at) {
			s.atts = append(s.atts, at)
		} else if at.verb != asserted && at.verb >= 0 && !s.nounUse(c.i, at.verb) {
			// A hedging verb without a source we can find still hedges.
			for k := range s.hed {
				if s.hed[k].i < c.j && c.i < s.hed[k].j {
					s.hed[k].used = false
				}
			}
		}
	}
	s.contents()
	for k := range s.atts {
		if at := &s.atts[k]; !at.ok && at.verb != asserted {
			for h := range s.hed {
				if s.hed[h].i < at.cue.j && at.cue.i < s.hed[h].j {
					s.hed[h].used = false
				}
			}
		}
	}

	start := len(s.d.Claims)
	s.cut = s.cut[:0]
	for k := range s.atts {
		at := &s.atts[k]
		if !at.ok {
			continue
		}
		hedge := at.verb
		if hedge == asserted {
			// A reporting verb inside the content with its own class speaks
			// first: "told the BBC his client denies ... and will plead" is a denial.
			for k2 := range s.atts {
				if o := &s.atts[k2]; k2 != k && o.verb > asserted && o.cue.i >= at.conI && o.cue.j <= at.conJ {
					hedge = o.verb
					break
				}
			}
		}
		if hedge == asserted {
			best := class(-1)
			verbFirst := false
			for h := range s.hed {
				hh := &s.hed[h]
				if hh.used || hh.i < at.conI || hh.j > at.conJ {
					continue
				}
				hh.used = true
				if l.hvals[hh.v].inside && hh.i < n && s.toks[hh.i].quoted {
					continue // a speaker's own "vil"/"kan" in quotation marks
				}
				if verbFirst {
					continue
				}
				if s.cueAt(hh.i, hh.j) {
					// the first reporting verb with a class of its own decides:
					// "said investigators believed the gang may have ..." → opinion
					best, verbFirst = hh.cls, true
					continue
				}
				if hh.cls > best {
					best = hh.cls
				}
			}
			if best > asserted {
				hedge = best
			}
			if hedge == asserted && at.generic {
				hedge = reported // "man siger", "it is said": hearsay
			}
		} else {
			for h := range s.hed {
				if hh := &s.hed[h]; hh.i >= at.conI && hh.j <= at.conJ {
					hh.used = true
				}
			}
		}
		c := kilde.Claim{
			Span:    kilde.Span{Start: s.toks[at.conI].s, End: s.toks[at.conJ-1].e},
			Source:  at.source,
			Via:     at.via,
			Hedge:   hedge.String(),
			Cue:     s.text[s.toks[at.cue.i].s:s.toks[at.cue.j-1].e],
			CueSpan: kilde.Span{Start: s.toks[at.cue.i].s, End: s.toks[at.cue.j-1].e},
		}
		if at.anaphor && s.attributePrev(c, at.verb, nq) {
			continue
		}
		if at.cut {
			s.cut = append(s.cut, c.Span)
		}
		s.d.Claims = append(s.d.Claims, c)
	}

	// Hedges outside every attribution make one unattributed claim.
	best := -1
	for h := range s.hed {
		hh := &s.hed[h]
		if hh.used || l.hvals[hh.v].inside {
			continue
		}
		if best < 0 || hh.cls > s.hed[best].cls {
			best = h
		}
	}
	if best >= 0 {
		a, b := s.trim(s.first, n)
		if a < b {
			hh := s.hed[best]
			s.d.Claims = append(s.d.Claims, kilde.Claim{
				Span:    kilde.Span{Start: s.toks[a].s, End: s.toks[b-1].e},
				Hedge:   hh.cls.String(),
				Cue:     s.text[s.toks[hh.i].s:s.toks[hh.j-1].e],
				CueSpan: kilde.Span{Start: s.toks[hh.i].s, End: s.toks[hh.j-1].e},
			})
		}
	}
	s.mergeQuotes(start, nq)
}

// attributePrev gives the previous sentence the source of c ("Det oplyser
// politiet"): an unattributed claim there gets source, via and cue, keeping
// its hedge unless the verb has its own class; otherwise c is appended with
// the previous sentence as its span. It reports whether c was used.
func (s *scan) attributePrev(c kilde.Claim, verb class, nq int) bool {
	for i := 0; i < nq; i++ {
		if q := &s.d.Claims[i]; q.Span.Overlaps(s.prev) && strings.EqualFold(q.Source, c.Source) {
			if len(q.Via) == 0 {
				q.Via = c.Via
			}
			return true // the quote already says who
		}
	}
	for i := max(s.prevClaims, nq); i < len(s.d.Claims); i++ {
		if p := &s.d.Claims[i]; p.Span.Overlaps(s.prev) && p.Source != "" && strings.EqualFold(p.Source, c.Source) {
			return true // "X vil ikke afvise, at ... Det sagde han": already X's
		}
	}
	for i := max(s.prevClaims, nq); i < len(s.d.Claims); i++ {
		p := &s.d.Claims[i]
		if p.Source == "" && p.Span.Overlaps(s.prev) {
			p.Source, p.Via, p.Cue, p.CueSpan = c.Source, c.Via, c.Cue, c.CueSpan
			if verb != asserted {
				p.Hedge = verb.String()
			}
			return true
		}
	}
	a, b := s.prev.Start, s.prev.End
	for a < b && strings.IndexByte(" \t\n\r\"'", s.text[a]) >= 0 {
		a++
	}
	for b > a && strings.IndexByte(" \t\n\r.!?\"'", s.text[b-1]) >= 0 {
		b--
	}
	if a >= b {
		return false
	}
	c.Span = kilde.Span{Start: a, End: b}
	s.d.Claims = append(s.d.Claims, c)
	return true
}

// markQuoted marks the tokens between quotation marks in the sentence.
// Straight quotes toggle; curly and angle quotes open and close.
func (s *scan) markQuoted() {
	in := false
	for i := range s.toks {
		t := &s.toks[i]
		t.quoted = false
		if t.kind == tPunct {
			switch string(s.norm(i)) {
			case "\"":
				in = !in
				continue
			case "“", "„":
				in = true
				continue
			case "”":
				in = false
				continue
			case "«", "»": // »dansk« and «français»: either mark opens or closes
				in = !in
				continue
			case "‘":
				in = true
				continue
			case "’": // closes ‘, or opens and closes in Danish ’...’
				if s.possessive(i) {
					break // "Sanders’ team"
				}
				in = !in
				continue
			}
		}
		t.quoted = in
	}
	if in {
		// an unclosed mark: a quote running on from another sentence, or a stray mark
		for i := range s.toks {
			s.toks[i].quoted = false
		}
	}
}

// nounUse reports whether a one-word cue at i is used as a noun or name:
// "the claims", "May 5", "Will Smith", "den forventede".
func (s *scan) nounUse(i int, cls class) bool {
	t := s.toks[i]
	if s.role(i)&rAttr != 0 && i+1 < len(s.toks) && s.toks[i+1].kind == tWord && s.role(i+1)&(rAux|rNeg|rThat|rStop|rDet) == 0 &&
		(s.role(i-1)&(rDet|rNprep|rStop) != 0 || i > s.first && s.toks[i-1].kind == tNum) {
		return true // "among likely voters", "the likely nominee": an adjective, no hedge
	}
	if t.cap && i != s.first {
		return true
	}
	if t.cap && i+1 < len(s.toks) && (cls == possible || cls == predicted) {
		// "May 5", sentence-initial "Will Smith"
		if n := s.toks[i+1]; n.kind == tNum || n.kind == tWord && n.cap && s.role(i)&rNameable != 0 {
			return true
		}
	}
	if !s.l.v2 && i+1 < len(s.toks) && (s.toks[i+1].kind == tPunct || s.role(i+1)&(rNprep|rStop) != 0) {
		// a compound noun: "its full-year earnings forecast on Tuesday"
		for k := i - 1; k >= s.first && i-k <= 3; k-- {
			if s.toks[k].kind != tWord || s.toks[k].src != nil {
				break
			}
			if r := s.role(k); r&rDet != 0 && k < i-1 {
				return true
			} else if r != 0 && r&rWord == 0 {
				break
			}
		}
	}
	if s.role(i-1)&rDet != 0 && !s.l.v2 {
		if cls == possible || cls == predicted {
			return true
		}
		if e, v, _ := s.l.sources.match(s, i); v >= 0 && e == i+1 {
			return true
		}
	}
	return false
}

// negated reports whether the cue [i, e) is negated: a negation word right
// before it (with at most one auxiliary between) or right after it.
func (s *scan) negated(i, e int) bool {
	if s.role(i-1)&rNeg != 0 || (s.role(i-2)&rNeg != 0 && s.toks[i-1].kind != tPunct) {
		return true
	}
	return s.role(e)&rNeg != 0
}

// trim returns [a, b) without the opening and closing punctuation.
func (s *scan) trim(a, b int) (int, int) {
	for a < b && (s.punct(a, openers) || s.punct(a, ",;:")) {
		a++
	}
	for b > a && (s.punct(b-1, closers) || s.punct(b-1, ",;:-–—") || s.role(b-1)&rConj != 0) {
		b--
	}
	return a, b
}

// attribute finds the source (and via chain) of cue at.
func (s *scan) attribute(at *att) bool {
	n := len(s.toks)
	c := at.cue
	if at.kind == kSayP && !s.punct(c.i-1, ",") {
		at.kind = kSayX // "he is saying that"
	}
	switch at.kind {
	case kPrep:
		a, b := s.npForward(c.j, n)
		if a == b {
			return false
		}
		at.srcA, at.srcB = a, b
		at.regJ = b
	case kSayP:
		// ", saying ...": the subject of the main clause
		if !s.punct(c.i-1, ",") {
			return false
		}
		a, b := s.mainSubject(c.i)
		if a < 0 {
			return false
		}
		at.srcA, at.srcB = a, b
	case kSay, kSayX, kTold:
		p := c.i - 1
		if !s.l.v2 && s.endsIng(c.i) && p >= s.first && s.toks[p].kind == tWord && s.role(p)&(rBy|rNprep|rStop) != 0 {
			// "by saying", "before adding": the subject of the main clause
			a, b := s.mainSubject(p)
			if a < 0 {
				return false // the gerund's object is never its subject
			}
			at.srcA, at.srcB = a, b
			break
		}
		if !s.l.v2 && (s.role(p)&rBe != 0 || s.role(p)&rAux != 0 && s.role(p-1)&rBe != 0) && !s.endsIng(c.i) {
			// passive: "was called a liar by X" — the source follows "by", if anywhere
			for q := c.j; q < n && q-c.j < 10 && s.toks[q].kind != tPunct; q++ {
				if s.role(q)&rBy != 0 {
					if a, b := s.npForward(q+1, n); a < b {
						at.srcA, at.srcB = a, b
						at.regJ = b
						at.passive = true
						goto found
					}
				}
			}
			return false
		}
		if q := p; s.role(q)&rConj != 0 || s.role(q)&(rAux|rNeg) != 0 && s.role(q-1)&rConj != 0 {
			// "X promised to stay and said ...": the first conjunct's subject
			if a, b := s.mainSubject(c.i); a >= 0 {
				at.srcA, at.srcB = a, b
				break
			}
		}
		timed := false
		if p == c.i-1 && s.role(p)&rStop != 0 && s.role(p-1)&rAux != 0 && s.toks[p].kind == tWord {
			p-- // "has since said"
		}
		for p >= s.first && s.role(p)&(rAux|rNeg|rTime) != 0 {
			timed = timed || s.role(p)&rTime != 0
			p--
		}
		// "X har over for Ritzau oplyst": the addressee is no subject
		if x, _ := s.npBackward(p); x <= p {
			if k := x - 1; s.role(k)&rAddr != 0 || s.role(k)&rNprep != 0 && s.role(k-1)&rAddr != 0 {
				if s.role(k)&rAddr == 0 {
					k--
				}
				p = k - 1
				for p >= s.first && s.role(p)&(rAux|rNeg|rTime) != 0 {
					p--
				}
			}
		}
		if q := s.skipTimeBack(p); q != p {
			p, timed = q, true
		}

		if p >= s.first+1 && s.role(p)&rRel != 0 && s.punct(p-1, ",") {
			// "X, der skriver", "a report, which found"
			a, b := s.antecedent(p - 2)
			if a == b {
				return false
			}
			at.srcA, at.srcB = a, b
			at.backwardSubj = true
			at.regI = a
			break
		}
		fwdFirst := s.l.v2 || p < s.first || s.toks[p].kind == tPunct && !s.punct(p, ")")
		if s.l.v2 && !timed && p >= s.first && s.toks[p].kind != tPunct {
			// Danish subject-verb order: the sentence opens with the subject
			// ("Finansministeriet forudser et overskud"), not with an adverbial
			// or a fronted object ("Sidste år vurderede X", "Det mener X").
			if x, y := s.npBackward(p); x == s.first && y == p+1 && s.subjectLike(x, y) {
				fwdFirst = false
			}
		}
		var a, b, reg int
		if fwdFirst {
			a, b = s.npForward(c.j, n)
			if !s.l.v2 && a < b && b < n && !(s.toks[b].kind == tPunct || s.role(b)&(rTime|rThat|rRel) != 0) {
				a, b = c.j, c.j // "said the blaze was ...": not an inverted subject
			}
			if a == b {
				a, b, reg = s.npBackwardAppos(p)
				at.backwardSubj = a < b
			}
		} else {
			a, b, reg = s.npBackwardAppos(p)
			at.backwardSubj = a < b
			if a == b {
				a, b = s.npForward(c.j, n)
			}
		}
		if a == b {
			return false
		}
		at.srcA, at.srcB = a, b
		if at.backwardSubj {
			at.regI = min(a, reg)
		} else if b > at.regJ {
			at.regJ = b
			// "siger Danske Banks cheføkonom, Las Olsen": the possessor's role
			if s.l.v2 && b+2 < n && s.genitive(b-1) && s.toks[b].kind == tWord && !s.toks[b].cap && s.role(b) == 0 && s.punct(b+1, ",") && s.toks[b+2].kind == tWord && s.toks[b+2].cap {
				b++
			}
			// "oplyser lufthavnens pressechef, Lasse Bak Sørensen, til Ritzau":
			// a name in apposition is the source, and the addressee no content
			if x, y := s.npForward(b+1, n); s.punct(b, ",") && x == b+1 && y > x && s.capShare(x, y) == 100 && s.capShare(a, b) < 100 &&
				(y >= n || s.toks[y].kind == tPunct || s.role(y)&(rAddr|rNprep) != 0) {
				at.srcA, at.srcB = x, y
				at.regJ = y
				if s.punct(y, ",") && s.role(y+1)&(rAddr|rNprep) != 0 {
					at.regJ = y + 1
				}
			}
		}
		if at.kind == kTold {
			x, y := s.npForward(at.regJ, n)
			if x < y {
				at.regJ = y
				named := s.toks[b-1].cap && s.role(a)&(rDet|rPron) == 0
				if e, v, _ := s.l.outlets.match(s, x); !named && ((v >= 0 && e == y) || s.outletAt(x, y)) {
					// "an official told CNN": CNN is the source, the official behind it.
					at.via = append(at.via, s.npText(a, b))
					at.srcA, at.srcB = x, y
				}
			}
		}
	default:
		return false
	}
found:
	if s.timeNP(at.srcA, at.srcB) {
		return false // "this month", "Tuesday": when, not who
	}
	s.issuer(at)
	s.docSplit(at)
	at.source, at.generic = s.sourceText(at.srcA, at.srcB)
	// Via chain after the source, or after the cue: "X reports, quoting Y".
	from := at.regJ
	if at.srcB > from && !at.backwardSubj {
		from = at.srcB
	}
	if at.backwardSubj {
		// "CNN, citing an official, reported"
		if v, _ := s.chain(at.srcB, c.i); len(v) > 0 {
			at.via = append(at.via, v...)
		}
	}
	if v, e := s.chain(from, n); len(v) > 0 {
		at.via = append(at.via, v...)
		at.regJ = e
	}
	return true
}

// outletAt reports whether an ORG entity covers tokens [a, b).
func (s *scan) outletAt(a, b int) bool {
	return s.ix.coveringORG(s.toks[a].s, s.toks[b-1].e)
}

// docSplit turns "en rapport fra X" into source "en rapport", via X.
func (s *scan) docSplit(at *att) {
	a, b := at.srcA, at.srcB
	if a >= b {
		return
	}
	// "en rapport" followed by "fra X"
	if s.role(b-1)&rDoc != 0 && s.role(b)&rDocprep != 0 {
		if x, y := s.npForward(b+1, len(s.toks)); x < y {
			at.via = append(at.via, s.npText(x, y))
			if !at.backwardSubj && y > at.regJ {
				at.regJ = y
			}
		}
		return
	}
	// "en opgørelse lavet af X", "a report published on Tuesday by X": the
	// maker after a participle and its time phrase
	if s.role(b-1)&rDoc != 0 && s.ptcpAt(b) {
		p := b + 1
		for p < len(s.toks) && p < b+5 && (s.role(p)&rTime != 0 || s.toks[p].kind == tNum || s.punct(p, ".") || s.normAt(p) == "on" || s.normAt(p) == "i" || s.normAt(p) == "på") {
			p++
		}
		if w := s.normAt(p); w == "af" || w == "by" {
			if x, y := s.npForward(p+1, len(s.toks)); x < y {
				at.via = append(at.via, s.npText(x, y))
				if !at.backwardSubj && y > at.regJ {
					at.regJ = y
				}
			}
		}
		return
	}
	// "a report from X" found by walking back from the verb: X, then "from", then the report.
	if at.backwardSubj && s.role(a-1)&rDocprep != 0 && s.role(a-2)&rDoc != 0 {
		x := a - 2
		for x-1 >= s.first && s.role(x-1)&rStop == 0 && s.toks[x-1].kind != tPunct && a-2-x < 3 {
			x--
			if s.role(x)&rDet != 0 {
				break
			}
		}
		at.via = append(at.via, s.npText(a, b))
		at.srcA, at.srcB = x, a-1
		at.regI = x
	}
}

// chain follows via links after token p: ", der har været i kontakt med Y",
// ", citing Y", ", som citerer Z".
func (s *scan) chain(p, lim int) (via []string, end int) {
	end = p
	for k := 0; k < 4; k++ {
		q := end
		if s.punct(q, ",") {
			q++
		}
		e, v, _ := s.l.sources.match(s, q)
		if (v < 0 || s.l.skinds[v] != kVia) && s.role(q)&rRel != 0 {
			q++
			e, v, _ = s.l.sources.match(s, q)
		}
		if v < 0 || s.l.skinds[v] != kVia || e > lim {
			break
		}
		a, b := s.npForward(e, lim)
		if a == b {
			break
		}
		via = append(via, s.npText(a, b))
		end = b
	}
	return via, end
}

// antecedent returns the noun phrase that ends at token p, before ", der":
// a document noun within reach wins ("en rapport fra X fra i sommer, som").
func (s *scan) antecedent(p int) (int, int) {
	for k := p; k >= s.first && p-k < 12; k-- {
		if s.toks[k].kind == tPunct {
			break
		}
		if s.role(k)&rDoc != 0 && s.role(k+1)&rDocprep != 0 {
			a := k
			for a-1 >= s.first && s.role(a-1)&rDet == 0 && s.toks[a-1].kind != tPunct && k-a < 2 && s.role(a-1)&(rStop|rNprep|rDocprep) == 0 {
				a--
			}
			if s.role(a-1)&rDet != 0 {
				a--
			}
			return a, k + 1
		}
	}
	return s.npBackward(p)
}

// npBackwardAppos is npBackward that looks past an apposition or a relative
// clause: "Josh Earnest, the press secretary, said"; "the official, who
// asked not to be named, said"; "one of the lawyers, Jane Roe, said". It
// returns the source phrase and the first token of the whole subject.
func (s *scan) npBackwardAppos(p int) (a, b, reg int) {
	if s.dash(p) {
		// "The justice -- who has ... -- said": the phrase before the insertion
		q := p - 1
		if s.punct(p, "-") {
			q-- // "--"
		}
		for k := q; k >= s.first && q-k < 30; k-- {
			if s.dash(k) {
				if s.role(k+1)&rRel != 0 || s.punct(k-1, "-") && s.role(k+1)&rRel != 0 {
					if s.punct(k, "-") {
						k--
					}
					x, y := s.npBackward(k - 1)
					if x < y {
						return x, y, x
					}
				}
				break
			}
		}
	}
	if !s.punct(p, ",") {
		a, b = s.npBackward(p)
		return a, b, a
	}
	if x, y := s.leadSubject(p); x < y {
		return x, y, x
	}
	q := p - 1
	for q >= s.first && !s.punct(q, ",") && p-q < 20 {
		if s.toks[q].kind == tPunct && !s.punct(q, "-.()'’") {
			return p, p, p
		}
		q--
	}
	if q < s.first || !s.punct(q, ",") {
		return p, p, p
	}
	x, y := s.npBackward(q - 1)
	if s.role(q+1)&rRel != 0 {
		return x, y, x
	}
	a, b = s.npBackward(p - 1)
	switch {
	case a == b || a != q+1:
		// the segment is no phrase: a long title after a name
		if x < y && s.toks[y-1].cap {
			return x, y, x
		}
		return p, p, p
	case x == y:
		return a, b, a
	case s.capShare(x, y) >= s.capShare(a, b):
		return x, y, x // "Tom Reed, the city's fire chief,"
	default:
		return a, b, x // "one of the lawyers, Jane Roe,"
	}
}

// dash reports whether token p is a dash that sets off an insertion: "—",
// "–", or the second "-" of "--".
func (s *scan) dash(p int) bool {
	return s.punct(p, "—–") || s.punct(p, "-") && s.punct(p-1, "-")
}

// leadSubject returns the phrase that opens the sentence when two or more
// comma-separated insertions stand between it and the comma at p before the
// verb: "Tom Fitton, the president of Judicial Watch, a conservative group,
// said"; "Clinton, during a meeting in Columbus, Ohio, said". The insertions
// hold no reporting verb. It returns p, p if there is no such phrase.
func (s *scan) leadSubject(p int) (int, int) {
	x, y := s.npForward(s.first, p)
	if x != s.first || x == y || !s.punct(y, ",") {
		return p, p
	}
	commas := 0
	for k := y; k < p; k++ {
		if s.punct(k, ",") {
			commas++
		} else if commas == 1 && s.role(k)&rConj != 0 {
			return p, p // a list: "Smith, Jones and Brown, all lawyers, said"
		} else if s.toks[k].kind == tPunct && !s.punct(k, ".-()'’") || s.toks[k].src != nil && s.sourceCueAt(k) {
			return p, p
		}
	}
	if commas < 2 || p-y > 40 {
		return p, p
	}
	return x, y
}

// capShare is the share of capitalized words in [a, b), in percent.
func (s *scan) capShare(a, b int) int {
	n, c := 0, 0
	for i := a; i < b; i++ {
		if s.toks[i].kind == tWord {
			n++
			if s.toks[i].cap && i != s.first { // the first word is capitalized anyway
				c++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return 100 * c / n
}

// npForward returns the noun phrase that starts at token i (after
// auxiliaries and adverbs), or i, i.
func (s *scan) npForward(i, lim int) (int, int) {
	for i < lim && s.role(i)&(rAux|rNeg|rTime) != 0 {
		i++
	}
	i = s.skipTimeFwd(i)
	if i >= lim || s.toks[i].kind == tPunct {
		return i, i
	}
	r := s.role(i)
	if r&(rStop|rThat|rRel|rNeg|rDocprep|rNprep|rAux) != 0 {
		return i, i
	}
	j := i
	if r&rGeneric != 0 && s.detUse(i, lim) {
		j++ // "one source", "one commenter": a determiner, no generic subject
	} else if r&(rPron|rGeneric) != 0 {
		return i, i + 1
	}
	for j < lim && s.role(j)&rDet != 0 && j-i < 3 {
		j++
	}
	hasDet := j > i
	words, lowers := 0, 0
	sawCap := false
	for j < lim && words < maxNP {
		t := s.toks[j]
		if s.l.v2 && words == 1 && t.kind == tWord && !t.cap && s.genitive(j-1) {
			// "politiets oplysninger", "Danmarks Statistiks tal": possessor and head;
			// "kommunens egne prognoser": an inflected adjective before the head
			if w := s.norm(j); len(w) > 2 && w[len(w)-1] == 'e' && s.role(j) == 0 && t.src == nil && t.h == nil &&
				j+1 < lim && s.toks[j+1].kind == tWord && !s.toks[j+1].cap && s.role(j+1)&^rDoc == 0 && s.toks[j+1].h == nil {
				j++
				words++
			}
			j++
			words++
			break
		}
		if !s.l.v2 && t.kind == tWord && !t.cap && lowers > 0 && s.pastTense(j) && (s.role(j+1)&(rDet|rPron) != 0 || j+1 < lim && s.toks[j+1].kind == tNum) {
			break // "the senator criticized the ...": a verb, not part of the phrase
		}
		if t.kind == tWord && !t.cap && !sawCap {
			// Without a tagger, a description is kept short: one bare
			// lower-case noun in Danish ("ifølge klubben kommer ..."), three
			// in English, three words after a determiner.
			if hasDet && lowers >= 3 || !hasDet && lowers >= 1 && s.l.v2 || !hasDet && lowers >= 3 {
				// unless a name follows the title: "conservative talk radio host Rush Limbaugh"
				if k := s.titleRun(j, lim); k > j {
					words += k - j
					j = k
					continue
				}
				break
			}
			if lowers > 0 && s.role(j-1)&rDoc != 0 {
				break
			}
		}
		if t.kind == tPunct {
			if s.punct(j, "&") && words > 0 && j+1 < lim && s.toks[j+1].cap {
				j++
				continue
			}
			if s.abbrevDot(j) && j+1 < lim {
				j++
				continue
			}
			if (s.punct(j, "'") || s.punct(j, "’")) && words > 0 && j+1 < lim && s.toks[j].s == s.toks[j-1].e && s.toks[j+1].kind == tWord {
				j++ // "Vestas' chief executive": a genitive apostrophe
				continue
			}
			if s.punct(j, "(") && words > 0 && sawCap {
				if k := s.closeParen(j, lim); k > 0 {
					j = k + 1
					continue
				}
			}
			break
		}
		r := s.role(j)
		if words > 0 && t.src != nil && !t.cap && r&rDoc == 0 {
			break // a reporting verb ends the phrase: "the mayor promised"
		}
		if r&rNprep != 0 {
			// "formand for Cyklistforbundet", "a spokesman for the campaign",
			// "en kilde i regeringen,"
			plainEnd := hasDet && j+1 < lim && s.toks[j+1].kind == tWord && s.role(j+1) == 0 &&
				(j+2 >= lim || s.toks[j+2].kind == tPunct || s.role(j+2)&(rStop|rThat|rRel) != 0)
			// Danish keeps "i en ny analyse" out: an adverbial, not part of the name.
			detNext := !s.l.v2 && s.role(j+1)&rDet != 0 && j+2 < lim && s.toks[j+2].kind != tPunct
			if words > 0 && j+1 < lim && (s.toks[j+1].cap || plainEnd || detNext) {
				j++
				lowers, hasDet, sawCap = 0, s.role(j)&rDet != 0, false
				continue
			}
			break
		}
		if r&(rStop|rThat|rRel|rAux|rNeg|rDocprep|rPron|rGeneric) != 0 {
			break
		}
		if r&rDet != 0 && words > 0 {
			if s.role(j-1)&rNprep == 0 {
				break
			}
			j++
			continue
		}
		if !t.cap && sawCap && t.kind == tWord {
			if !s.l.v2 && s.pastTense(j) {
				break // "Clinton celebrated in Florida", "Sanders compared himself"
			}
			// "MSNBC host Chris Matthews", "Clinton campaign manager Robby Mook"
			if k := s.titleRun(j, lim); k > j {
				words += k - j
				j = k
				continue
			}
			// "a Washington Post-ABC News national poll,": up to two
			// lower-case words that end the phrase (English only)
			if !s.l.v2 && j+1 < lim && s.toks[j+1].kind == tWord && !s.toks[j+1].cap && s.role(j+1)&^rDoc == 0 &&
				(j+2 >= lim || s.toks[j+2].kind == tPunct || s.role(j+2)&(rStop|rThat|rRel|rTime) != 0) {
				j += 2
				words += 2
				break
			}
			// "the Clinton campaign," but not "Danmarks Statistik steg priserne"
			// nor, with verb-second order, "ifølge Lægeforeningen mangler der"
			if s.l.v2 || j+1 < lim && s.toks[j+1].kind != tPunct && !s.sourceCueAt(j+1) && s.role(j+1)&(rThat|rRel|rAux) == 0 {
				break // "Trump spoke to ..."
			}
			j++
			words++
			break
		}
		if t.cap {
			sawCap = true
		} else if t.kind == tWord {
			lowers++
		}
		j++
		words++
	}
	if words == 0 {
		// only a determiner: "siger de" — a pronoun
		if j > i && j-i == 1 {
			return i, j
		}
		return i, i
	}
	return i, j
}

// npBackward returns the noun phrase that ends at token p, or p+1, p+1.
func (s *scan) npBackward(p int) (int, int) {
	if s.punct(p, ")") {
		// "Rep. Anna Kline (D-Ohio) said"
		k := p - 1
		for k > s.first && p-k < 8 && !s.punct(k, "(") {
			k--
		}
		if s.punct(k, "(") && k-1 >= s.first && s.toks[k-1].cap {
			a, _ := s.npBackward(k - 1)
			if a < k {
				return a, k
			}
		}
	}
	if p < s.first || s.toks[p].kind == tPunct {
		return p + 1, p + 1
	}
	r := s.role(p)
	if r&(rStop|rThat|rRel|rNeg|rDocprep|rNprep|rAux) != 0 {
		return p + 1, p + 1
	}
	if r&(rPron|rGeneric) != 0 {
		return p, p + 1
	}
	i := p
	words := 0
	for i >= s.first && words < maxNP {
		if s.toks[i].kind == tPunct {
			if s.punct(i, "&") && words > 0 || s.abbrevDot(i) && words > 0 || s.possessive(i) && words > 0 {
				i--
				continue
			}
			if s.punct(i, ")") {
				k := i - 1
				for k > s.first && i-k < 8 && !s.punct(k, "(") {
					k--
				}
				if s.punct(k, "(") && k-1 >= s.first && s.toks[k-1].cap {
					i = k - 1
					continue
				}
			}
			break
		}
		r := s.role(i)
		if words > 0 && s.toks[i].src != nil && !s.toks[i].cap && r&rDoc == 0 {
			break
		}
		if r&rDet != 0 {
			if s.role(i-1)&rNprep != 0 {
				i-- // "attorneys for the family": on to the preposition
				continue
			}
			return i, p + 1
		}
		if r&rNprep != 0 {
			if words > 0 && i-1 >= s.first && s.toks[i-1].kind != tPunct && s.role(i-1)&(rStop|rThat|rRel|rAux|rNeg|rPron|rGeneric|rNprep|rDocprep) == 0 {
				i--
				continue
			}
			break
		}
		if r&(rStop|rThat|rRel|rAux|rNeg|rDocprep|rPron|rGeneric) != 0 {
			break
		}
		i--
		words++
	}
	if words >= maxNP {
		return p + 1, p + 1 // a clause, not a noun phrase
	}
	return i + 1, p + 1
}

// mainSubject returns the first phrase before token lim, at the start of
// the sentence or after a comma, that a word follows: "During the speech,
// Trump attacked Clinton, saying ..." gives Trump. It returns -1, -1 if none.
func (s *scan) mainSubject(lim int) (int, int) {
	for q := s.first; q < lim; q++ {
		if q != s.first && !s.punct(q-1, ",") {
			continue
		}
		x, y := s.npForward(q, lim)
		if x < y && y < lim && s.toks[y].kind == tWord && s.role(y)&rConj == 0 {
			return x, y
		}
		if x < y && s.punct(y, ",") {
			// "Venstres gruppeformand, Christoffer Lilholt, kalder ... og afviser":
			// an apposition before the verb; the more name-like phrase
			for p := y + 1; p < lim && p-y < 12; p++ {
				if s.punct(p, ",") {
					if p+1 < lim && s.toks[p+1].kind == tWord && s.role(p+1)&(rConj|rThat|rRel) == 0 {
						if a, b, _ := s.npBackwardAppos(p); a < b && a >= x {
							return a, b
						}
					}
					break
				}
				if s.toks[p].kind == tPunct && !s.punct(p, ".") {
					break
				}
			}
		}
	}
	return -1, -1
}

// subjectLike reports whether the sentence-initial phrase [a, b) can be a
// subject: not a time phrase, not a lone "det"/"dette".
func (s *scan) subjectLike(a, b int) bool {
	for i := a; i < b; i++ {
		if s.role(i)&rTime != 0 {
			return false
		}
	}
	if b-a == 1 && s.role(a)&rDet != 0 && s.role(a)&rPron == 0 {
		return false
	}
	return true
}

// pluralSubject reports whether the one-word cue at i, ending in -s, is a
// plural noun: a bare reporting verb follows it ("records show", "reports
// suggest"), which a verb in -s cannot have right after it.
func (s *scan) pluralSubject(i int) bool {
	w := s.norm(i)
	if len(w) < 4 || w[len(w)-1] != 's' || w[len(w)-2] == 's' || !s.sourceCueAt(i+1) {
		return false
	}
	v := s.norm(i + 1)
	return s.toks[i+1].kind == tWord && !s.toks[i+1].cap && v[len(v)-1] != 's' && !s.pastTense(i+1) && string(v[len(v)-min(len(v), 3):]) != "ing"
}

// detUse reports whether the generic word at i ("one") is a determiner: a
// plain word follows it that is no verb, cue or function word.
func (s *scan) detUse(i, lim int) bool {
	k := i + 1
	if k >= lim || s.toks[k].kind != tWord || s.toks[k].cap || s.toks[k].src != nil || s.toks[k].h != nil {
		return false
	}
	return s.role(k)&^(rWord|rDoc) == 0 && !s.pastTense(k)
}

// possessive reports whether token i is the apostrophe of a plural or
// s-final possessive ("Sanders' team", "the Clintons’ lawyer"): right after
// a word in -s, with a space and a word after it.
func (s *scan) possessive(i int) bool {
	if i < 1 || i+1 >= len(s.toks) || !s.punct(i, "'’") {
		return false
	}
	p, n := s.toks[i-1], s.toks[i+1]
	w := s.norm(i - 1)
	return p.kind == tWord && p.e == s.toks[i].s && len(w) > 1 && w[len(w)-1] == 's' &&
		n.kind == tWord && n.s > s.toks[i].e
}

// pastTense reports whether word i looks like an English past tense or
// participle: a plain lower-case word of five letters or more in "-ed"
// ("celebrated", "criticized"; not "need", "bed").
func (s *scan) pastTense(i int) bool {
	if i >= len(s.toks) || s.toks[i].kind != tWord || s.toks[i].cap || s.role(i) != 0 {
		return false
	}
	w := s.norm(i)
	return len(w) >= 5 && w[len(w)-2] == 'e' && w[len(w)-1] == 'd'
}

// sourceCueAt reports whether a whole attribution cue starts at token i
// ("in the words of"), not only a word that can begin one ("in").
func (s *scan) sourceCueAt(i int) bool {
	if i >= len(s.toks) || s.toks[i].src == nil {
		return false
	}
	_, v, _ := matchAt(s.toks[i].src, s, i)
	return v >= 0
}

func (s *scan) endsIng(i int) bool {
	w := s.norm(i)
	return len(w) > 4 && string(w[len(w)-3:]) == "ing"
}

// genitive reports whether word i ends in a genitive s ("politiets").
func (s *scan) genitive(i int) bool {
	w := s.norm(i)
	return s.toks[i].kind == tWord && len(w) > 3 && w[len(w)-1] == 's' && s.role(i) == 0
}

// titleRun returns the index of a capitalized word that follows one to
// three lower-case non-function words from j, or j.
func (s *scan) titleRun(j, lim int) int {
	for k := j; k < lim && k-j < 3; k++ {
		t := s.toks[k]
		if t.kind != tWord || s.role(k)&^rNamepart != 0 {
			return j
		}
		if k+1 < lim && s.toks[k+1].kind == tWord && s.toks[k+1].cap {
			return k + 1
		}
		if t.cap {
			return j
		}
	}
	return j
}

// abbrevDot reports whether token j is the dot of a short capitalized
// abbreviation before a name: "Rep. Jim Clyburn", "Ms. Moore", "Dr. Hansen".
func (s *scan) abbrevDot(j int) bool {
	if !s.punct(j, ".") || j < 1 || j+1 >= len(s.toks) {
		return false
	}
	p, n := s.toks[j-1], s.toks[j+1]
	return p.kind == tWord && p.cap && p.e == s.toks[j].s && p.e-p.s <= 4 && n.cap && n.kind == tWord
}

// closeParen returns the index of the ")" closing the "(" at j, or -1.
func (s *scan) closeParen(j, lim int) int {
	for k := j + 1; k < lim && k-j < 8; k++ {
		if s.punct(k, ")") {
			return k
		}
	}
	return -1
}

// skipTimeBack moves p before a time expression that ends at it ("Trump on
// Monday said").
func (s *scan) skipTimeBack(p int) int {
	if p < s.first {
		return p
	}
	for _, i := range s.ix.tEnd[s.toks[p].e] {
		if t := s.d.Times[i]; t.Start >= s.toks[s.first].s {
			for p >= s.first && s.toks[p].s >= t.Start {
				p--
			}
			if s.role(p)&(rStop|rNprep) != 0 {
				p--
			}
			return p
		}
	}
	return p
}

// skipTimeFwd moves i past a time expression that starts at it.
func (s *scan) skipTimeFwd(i int) int {
	if i >= len(s.toks) {
		return i
	}
	if k, ok := s.ix.tStart[s.toks[i].s]; ok {
		t := s.d.Times[k]
		for i < len(s.toks) && s.toks[i].e <= t.End {
			i++
		}
	}
	return i
}

// npText is the text of tokens [a, b), or the canonical name of an entity
// that ends it; a run of capitalized words after lower-case titles is the
// name ("general Josph Votel" → "Josph Votel").
func (s *scan) npText(a, b int) string {
	for k := a + 1; k < b; k++ {
		if s.punct(k, "(") {
			b = k
			break
		}
	}
	st, en := s.toks[a].s, s.toks[b-1].e
	from := len(s.d.Entities)
	if s.ix.endMono { // the entities ending after en are the tail of the layer
		from = s.ix.before(en)
	}
	for i := from - 1; i >= 0; i-- {
		e := s.d.Entities[i]
		if e.End < en {
			break
		}
		if e.End == en && e.Start >= st && (e.Label == "PER" || e.Label == "ORG") {
			// "Analysts at Jefferies", "Attorneys for Smith": the name is
			// the description's organisation, not the source
			if k := s.tokAt(e.Start); e.Start > st && k > 0 && s.role(k-1)&rNprep != 0 {
				break
			}
			return s.entName(e)
		}
	}
	p := b
	for p-1 >= a && s.toks[p-1].cap {
		p--
		// a name particle inside the name: "La Gazzetta dello Sport", "Ursula von der Leyen"
		k := p - 1
		for k > a && p-k <= 2 && s.toks[k].kind == tWord && !s.toks[k].cap && s.role(k)&rNamepart != 0 {
			k--
		}
		if k < p-1 && k >= a && s.toks[k].cap && s.toks[k].kind == tWord {
			p = k + 1 // the loop steps onto the capitalized word before the particles
		}
	}
	if p > a && p < b && s.toks[p-1].kind == tWord && s.role(p-1)&(rNprep|rDocprep|rDet) == 0 {
		st = s.toks[p].s
	}
	return s.text[st:en]
}

// sourceText names the source of noun phrase [a, b); generic subjects
// ("man", "one") give "" and generic true; pronouns are resolved to the
// last person named before them.
func (s *scan) sourceText(a, b int) (string, bool) {
	if a >= b {
		return "", false
	}
	if b-a == 1 {
		r := s.role(a)
		if r&rGeneric != 0 {
			return "", true
		}
		if r&(rPron|rDet) != 0 {
			off := s.toks[a].s
			if s.ix.endMono {
				if i := s.ix.lastPER(off); i >= 0 {
					return s.entName(s.d.Entities[i]), false
				}
			} else {
				for i := len(s.d.Entities) - 1; i >= 0; i-- {
					e := s.d.Entities[i]
					if e.End <= off && e.Label == "PER" {
						return s.entName(e), false
					}
				}
			}
			if s.lastNamed != "" {
				return s.lastNamed, false
			}
			return s.text[s.toks[a].s:s.toks[a].e], false
		}
	}
	if name := s.orgRef(a, b); name != "" {
		return name, false
	}
	t := s.npText(a, b)
	if name := s.acronym(a, b); name != "" {
		return name, false
	}
	if s.toks[b-1].cap || s.role(b-1)&(rDoc|rOrgref|rOrgany) == 0 && s.role(a)&rDet == 0 {
		// a name, or a bare description ("transportministeren"), can be
		// what a later "han" refers to; "en rapport" cannot
		s.lastNamed = t
	}
	return t, false
}

// contents sets each attribution's content span.
func (s *scan) contents() {
	n := len(s.toks)
	_, end := s.trim(s.first, n)
	for k := range s.atts {
		at := &s.atts[k]
		lim := end
		if k+1 < len(s.atts) && s.atts[k+1].regI > at.regJ {
			lim = s.atts[k+1].regI
			for lim > at.regJ && (s.punct(lim-1, ",;:") || s.punct(lim-1, quotes)) {
				lim--
			}
		}
		low := s.first
		for p := k - 1; p >= 0; p-- {
			if s.atts[p].ok {
				if s.atts[p].regJ <= at.regI {
					low = s.atts[p].regJ
				}
				break
			}
		}
		a, b := -1, -1
		before := false // the content precedes the cue
		// 1. "at"/"that"/":" right after the cue and its source
		q := at.regJ
		if s.punct(q, ",") {
			q++
		}
		for q < lim && s.role(q)&(rTime|rAux) != 0 {
			q++ // "said Tuesday that", "sagde dog, at"
		}
		if s.punct(q, ",") {
			q++
		}
		if s.role(q)&rThat != 0 || s.punct(q, ":") {
			a, b = q+1, lim
		}
		// 1b. after a short phrase: "said in a statement that", "skriver på Twitter, at"
		if a < 0 {
			for k := q; k < lim && k-q < 8; k++ {
				if s.punct(k, ":") && k > q && k-q <= 3 && k+1 < lim && s.role(q)&(rNprep|rStop) != 0 {
					a, b = k+1, lim // "wrote on X: The deal is off", "skrev på LinkedIn: Jeg stopper"
					break
				}
				if s.toks[k].kind == tPunct && !s.punct(k, ",") {
					break
				}
				if s.role(k)&rThat != 0 && (s.punct(k-1, ",") || !s.l.v2) && s.role(q)&(rNprep|rStop) != 0 {
					a, b = k+1, lim
					break
				}
			}
		}
		// 2. content first: "..., skriver CNN"
		// but not an adverbial: "On Wednesday, the family said ..."
		// nor for ", saying ...", whose content follows it
		if a < 0 && at.regI > low && (s.punct(at.regI-1, ",:–—-") || s.punct(at.regI-1, quotes) && !s.possessive(at.regI-1)) && !(at.kind == kSayP && lim-at.regJ > 1) {
			x, y := s.trim(low, at.regI)
			// a fronted adverbial: short, or followed by the content after
			// the cue ("In a statement defending X, the campaign said he ...")
			adverbial := (y-x <= 4 || at.kind == kSayX && s.clauseLike(at.regJ, lim) && lim-at.regJ > 2) &&
				(s.role(x)&(rStop|rNprep|rTime|rAux) != 0 || s.toks[x].kind == tWord && s.role(x)&rTime != 0) && lim > at.regJ
			if x < y && !adverbial {
				a, b = x, y
				// "X topped 44C, and at least 12 tourists have died, according to
				// officials": only the last clause is attributed
				if k := s.clauseCut(a, b, true); k >= 0 && !s.quotedSpan(a, b) {
					a = k + 1
					at.cut = true
				}
			}
			before = true
		}
		// 3. "at"/"that" after a relative clause
		if a < 0 {
			for q := at.regJ; q < lim && q-at.regJ < 15; q++ {
				if s.role(q)&rThat != 0 && s.punct(q-1, ",") {
					a, b = q+1, lim
					break
				}
			}
		}
		// a relative clause on the source: "Det oplyser politiet, som har været på stedet"
		relTail := s.punct(at.regJ, ",") && s.role(at.regJ+1)&rRel != 0
		// 4. a comma and a clause: "siger han, det er for sent"
		if a < 0 && s.l.v2 && s.punct(at.regJ, ",") && lim-at.regJ > 3 && !relTail {
			a, b = at.regJ+1, lim
		}
		// 5. passive: "X was called a liar by Y"; fronted object: "Det viser en rapport fra X"
		rest := at.regJ // after adverbs and time words: "Det afviser X dog", "Det oplyste X onsdag"
		for rest < lim && s.role(rest)&(rAux|rNeg|rTime) != 0 {
			rest++
		}
		if a < 0 && (at.passive || s.l.v2 && !at.backwardSubj && at.regI > low && (lim <= rest || s.role(rest)&(rNprep|rStop) != 0 || relTail) && (at.kind != kPrep || at.regI == low+1)) {
			a, b = low, lim
			// "Tre er anholdt. Det oplyser politiet (i en pressemeddelelse).":
			// the claim is the sentence before
			if !at.passive && at.regI == low+1 && s.role(low)&rAnaphor != 0 && s.prev.End > s.prev.Start {
				at.anaphor = true
			}
		}
		// 6. a source named mid-clause: "kommunen har ifølge dem ikke gjort nok"
		if a < 0 && at.kind == kPrep && at.regI > low && !s.punct(at.regI-1, ",;:") {
			a, b = low, lim
			// "Sidste år blev der ifølge X anmeldt ...": the fronted time is
			// no part of the claim
			if s.l.v2 && a == s.first {
				if k := s.skipTimeFwd(a); k > a && k < at.regI && s.toks[k].kind == tWord {
					a = k
				}
			}
		}
		// 7. directly: "X said the plan failed", "Ifølge X er ..."
		// but not "warned about it", nor "said Tom Baker, a spokesman for ..."
		// A verb with a class of its own after its subject takes its object
		// clause too: "Democrats hoped the meeting would help", "X has
		// pledged to stay" (opinion, predicted: the subject's, not the writer's).
		if a < 0 && (at.kind == kSayX || at.kind == kSayP || at.kind == kTold || at.kind == kPrep || at.verb > asserted && (s.l.v2 || at.backwardSubj && (s.role(at.regJ)&(rStop|rNprep) == 0 || s.is(at.regJ, "to")))) && lim > at.regJ &&
			(s.l.v2 || at.kind == kPrep || !(s.punct(at.regJ, ",") && !at.backwardSubj && at.srcB == at.regJ)) &&
			!(at.kind != kPrep && s.mannerOnly(at.regJ, lim)) {
			a, b = at.regJ, lim
		}
		if a < 0 {
			continue
		}
		if !before {
			// "at tallet er X, men det kan ikke bekræftes": the source's clause ends
			if k := s.clauseCut(a, b, false); k >= 0 && !s.quotedSpan(a, b) {
				b = k - 1
				at.cut = true
			}
		}
		a, b = s.trim(a, b)
		for a < b {
			if s.role(a)&rTime != 0 {
				a++ // "revealed Tuesday the drug was found"
			} else if a+1 < b && (s.role(a+1)&rTime != 0 || timeNoun[string(s.norm(a+1))]) && timeLead[string(s.norm(a))] {
				a += 2 // "said on Tuesday it had", "said late Monday", "said last week the"
			} else if a+2 < b && s.role(a+2)&rTime != 0 && timeLead[string(s.norm(a))] && timeLead[string(s.norm(a+1))] {
				a++ // "said late on Tuesday it had"
			} else if a+3 < b && !s.l.v2 && string(s.norm(a)) == "in" && s.role(a+1)&rDet != 0 && s.role(a+2)&rDoc != 0 {
				a += 3 // "said in a statement on Monday it would"
			} else {
				break
			}
		}
		if a >= b || !s.clauseLike(a, b) {
			continue
		}
		at.conI, at.conJ = a, b
		at.ok = true
	}
}

// mergeQuotes folds the sentence's claims from start on into quote claims
// (the first nq of d.Claims) that cover the same words: the quote keeps its
// speaker; it gains the via chain and a hedge stronger than asserted.
func (s *scan) mergeQuotes(start, nq int) {
	if nq == 0 {
		return
	}
	cs := s.d.Claims
	j := start
	for i := start; i < len(cs); i++ {
		c := cs[i]
		// the quote said by the same source, else the one overlapping most
		best, bestOv, same := -1, 0, false
		for _, q := range s.quotesNear(cs, nq, c.Span) {
			if !overlapHalf(cs[q].Span, c.Span) {
				continue
			}
			sm := c.Source != "" && strings.EqualFold(cs[q].Source, c.Source)
			ov := min(cs[q].End, c.End) - max(cs[q].Start, c.Start)
			if best < 0 || sm && !same || sm == same && ov > bestOv {
				best, bestOv, same = q, ov, sm
			}
		}
		if best >= 0 && c.Source != "" && c.CueSpan.End > 0 && c.CueSpan != cs[best].CueSpan && cs[best].Span.Contains(c.CueSpan) && s.coordVerb(c.CueSpan.Start) {
			// A second reporting verb of the subject inside the quote's span:
			// the quote ran on into another attribution ("X said A but said
			// B", "X reported A, and said B"), which stays a claim of its own.
			best = -1
		}
		if best < 0 {
			cs[j] = c
			j++
			continue
		}
		qc := &cs[best]
		// The same attribution, and the quote ran on over another reporting
		// verb of the sentence: the quote claim is cut to this claim's words.
		if c.CueSpan == qc.CueSpan && c.CueSpan.End > 0 && qc.Span.Contains(c.Span) && qc.Span != c.Span && s.coordCueIn(qc.Span, start, c) {
			qc.Span = c.Span
			s.qDirty = true
		}
		if len(qc.Via) == 0 && len(c.Via) > 0 {
			qc.Via = c.Via
		}
		// The same attribution cut to one of coordinated clauses: "X topped
		// 44C, and 12 have died, according to officials" claims the last.
		if c.CueSpan == qc.CueSpan && c.CueSpan.End > 0 && qc.Span.Contains(c.Span) && s.wasCut(c.Span) {
			qc.Span = c.Span
			s.qDirty = true
		}
		// A quotation inside the content of this sentence's attribution, its
		// own cue (if any) outside the sentence, belongs to that attribution:
		// 'Sanders called Trump a "pathological liar"', a scare quote whose
		// speaker the quote layer took from an earlier sentence.
		if c.Source != "" && c.CueSpan.End > 0 && qc.Start >= c.Start && qc.End <= c.End+4 && qc.Len() < c.Len() &&
			!strings.EqualFold(c.Source, qc.Source) && (qc.CueSpan.End == 0 || !s.inSentence(qc.CueSpan)) {
			qc.Source, qc.Cue, qc.CueSpan = c.Source, c.Cue, c.CueSpan
			same = true
		}
		// The quote keeps its speaker, unless the same phrase was cut
		// differently: "TV" for "TV 2", "avisen, som citerer AFP" for "avisen".
		// The same reporting verb: a name resolved here ("selskabet" → Novo
		// Nordisk, "han" → the person) replaces the quote's pronoun or
		// description; a named speaker stays, so quotes and claims agree.
		sameCue := c.CueSpan == qc.CueSpan && c.CueSpan.End > 0
		if c.Source != "" && c.Source != qc.Source &&
			(strings.HasPrefix(qc.Source, c.Source+",") || strings.HasPrefix(c.Source, qc.Source+" ") ||
				sameCue && (s.entityName(c.Source) && !s.entityName(qc.Source) || inVia(c.Via, qc.Source) || modifierOf(qc.Source, c.Source))) {
			qc.Source = c.Source
			same = true
		}
		// A hedge moves over only from the same attribution or an unattributed claim.
		if (same || c.Source == "" || c.CueSpan == qc.CueSpan) && rank(c.Hedge) > rank(qc.Hedge) {
			qc.Hedge = c.Hedge
		}
		// The same speaker's nearer reporting verb introduces these words:
		// '"A," she said, adding, "B"' — B's cue is "adding", not "said".
		if same && c.CueSpan.End > 0 && qc.CueSpan.End > 0 && c.CueSpan != qc.CueSpan && !qc.Span.Overlaps(c.CueSpan) &&
			(qc.CueSpan.End <= c.CueSpan.Start && c.CueSpan.End <= qc.Start || qc.End <= c.CueSpan.Start && c.CueSpan.End <= qc.CueSpan.Start) {
			qc.Cue, qc.CueSpan = c.Cue, c.CueSpan
		}
		// A quote without a cue word takes the one found for the same words.
		if qc.Cue == "" && c.Cue != "" && (same || c.Source == "" || !qc.Span.Overlaps(c.CueSpan)) {
			qc.Cue, qc.CueSpan = c.Cue, c.CueSpan
		}
	}
	s.d.Claims = cs[:j]
}

// inSentence reports whether sp lies in the sentence being analysed.
func (s *scan) inSentence(sp kilde.Span) bool {
	n := len(s.toks)
	return n > 0 && sp.Start >= s.toks[0].s && sp.End <= s.toks[n-1].e
}

// coordVerb reports whether the cue starting at byte off is a coordinated
// verb: "and"/"but"/"og"/"men" before it, perhaps with an auxiliary or
// adverb between ("but later said", "and has also said").
func (s *scan) coordVerb(off int) bool {
	k := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].s >= off })
	if k >= len(s.toks) || s.toks[k].s != off {
		return false
	}
	for p := k - 1; p >= s.first && k-p <= 3; p-- {
		if s.role(p)&rConj != 0 {
			return true
		}
		if s.role(p)&(rAux|rNeg|rTime) == 0 && s.suffixRole(p)&rAux == 0 {
			return false
		}
	}
	return false
}

// coordCueIn reports whether a claim of this sentence (from index start)
// by the same source as c, on another reporting verb, has its cue inside sp
// after c: the second of coordinated verbs ("X reported A, and said B").
func (s *scan) coordCueIn(sp kilde.Span, start int, c kilde.Claim) bool {
	for i := start; i < len(s.d.Claims); i++ {
		if o := s.d.Claims[i]; o.CueSpan.End > 0 && o.CueSpan.Start >= c.End && o.Source == c.Source && sp.Contains(o.CueSpan) {
			return true
		}
	}
	return false
}

// quotesNear returns, in increasing index order, the quote claims among
// cs[:nq] that can overlap sp: those starting before sp ends and no more
// than the longest quote before sp starts.
func (s *scan) quotesNear(cs []kilde.Claim, nq int, sp kilde.Span) []int {
	if s.qDirty || len(s.qIdx) != nq {
		s.qIdx, s.qMax = s.qIdx[:0], 0
		for q := 0; q < nq; q++ {
			s.qIdx = append(s.qIdx, q)
			s.qMax = max(s.qMax, cs[q].Len())
		}
		sort.SliceStable(s.qIdx, func(a, b int) bool { return cs[s.qIdx[a]].Start < cs[s.qIdx[b]].Start })
		s.qDirty = false
	}
	lo := sort.Search(len(s.qIdx), func(k int) bool { return cs[s.qIdx[k]].Start >= sp.Start-s.qMax })
	var near []int
	for k := lo; k < len(s.qIdx) && cs[s.qIdx[k]].Start < sp.End; k++ {
		near = append(near, s.qIdx[k])
	}
	sort.Ints(near)
	return near
}

// modifierOf reports whether name stands inside the longer phrase desc, not
// at its end: a modifier of a later head ("State Department" in "a State
// Department spokesman", "Donald Trump" in "a senior Donald Trump adviser",
// "Reuters" in "a Reuters/Ipsos poll") or a name cut short ("New York" in "a
// New York Times/CBS News survey"). The phrase names who spoke.
func modifierOf(name, desc string) bool {
	if name == "" || len(desc) <= len(name) {
		return false
	}
	for off := 0; ; {
		i := strings.Index(desc[off:], name)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(name)
		if (i == 0 || desc[i-1] == ' ') && end < len(desc) && !wordByte(desc[end]) && !strings.HasSuffix(desc, name) {
			return true
		}
		off = i + 1
	}
}

// wordByte reports whether b continues a word ("Saudi" in "Saudis" is no
// whole word); multi-byte runes count as letters.
func wordByte(b byte) bool {
	return b >= 0x80 || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

func overlapHalf(a, b kilde.Span) bool {
	lo, hi := max(a.Start, b.Start), min(a.End, b.End)
	if hi <= lo {
		return false
	}
	return 2*(hi-lo) >= min(a.Len(), b.Len())
}

func rank(h string) class {
	for i, n := range classNames {
		if n == h {
			return class(i)
		}
	}
	return -1
}

// entName is the canonical name of entity e, else its text.
func (s *scan) entName(e kilde.Entity) string {
	t := s.text[e.Start:e.End]
	if e.Canonical != "" && plausibleCanonical(t, e.Canonical) {
		return e.Canonical
	}
	return t
}

// plausibleCanonical reports whether canon can be the full name of the
// mention text: it ends with the mention's last word ("Clinton" → "Hillary
// Clinton"; "Biden" → "Joseph R. Biden Jr."), or does not hold that word at
// all (an acronym, a short form). A lone first name ("Hillary") keeps its
// mention too: it cannot be told from a name with a word after it ("Pence"
// → "Pence Thursday"). A canonical name that runs on past the
// mention's last word is a headline taken for a name ("Warren" → "Elizabeth
// Warren Hammers Wells Fargo CEO"); the mention is kept then.
func plausibleCanonical(mention, canon string) bool {
	mw, cw := strings.Fields(mention), strings.Fields(canon)
	if len(mw) == 0 || len(cw) == 0 {
		return true
	}
	last := nameWord(mw[len(mw)-1])
	end := len(cw) - 1
	switch strings.ToLower(nameWord(cw[end])) {
	case "jr", "sr", "ii", "iii", "iv":
		end--
	}
	for i := end; i >= 0; i-- {
		if strings.EqualFold(nameWord(cw[i]), last) {
			return i == end
		}
	}
	return true
}

// nameWord is w without a possessive ending and trailing punctuation.
func nameWord(w string) string {
	w = strings.TrimRight(w, ".,;:")
	for _, p := range []string{"'s", "’s", "'", "’"} {
		w = strings.TrimSuffix(w, p)
	}
	return w
}

// orgRef resolves a definite description of an organisation ("styrelsen",
// "politiet", "the agency", "selskabet", "the company") to the last ORG
// entity before it whose name holds the head noun ("Erhvervsstyrelsen",
// "Østjyllands Politi"); words with role organy fall back to the last ORG
// named. It returns "" when nothing fits.
func (s *scan) orgRef(a, b int) string {
	h := b - 1
	if b-a > 2 || b-a == 2 && !s.is(a, "the") || s.toks[h].cap && h != s.first {
		return ""
	}
	r := s.toks[h].role
	if r&(rOrgref|rOrgany) == 0 {
		return ""
	}
	stem := string(s.norm(h))
	if s.l.v2 && len(stem) > 6 {
		// the definite article is a suffix: "styrelsen" → "styrels", "politiet" → "politi"
		switch stem[len(stem)-2:] {
		case "en", "et":
			stem = stem[:len(stem)-2]
		}
	}
	off := s.toks[a].s
	if s.ix.endMono {
		// the last ORG before off whose name holds the stem: the latest
		// occurrence before off of each name that holds it
		o := s.orgIndex()
		k := sort.Search(len(o.ent), func(k int) bool { return s.d.Entities[o.ent[k]].End > off })
		best := int32(-1)
		for _, id := range o.withStem(stem) {
			best = max(best, lastIn(o.occ[id], int32(k)))
		}
		if best >= 0 {
			return o.names[o.name[best]]
		}
		if r&rOrgany != 0 && k > 0 {
			return o.names[o.name[k-1]]
		}
		return ""
	}
	last := ""
	var low []byte
	for i := len(s.d.Entities) - 1; i >= 0; i-- {
		e := s.d.Entities[i]
		if e.End > off || e.Label != "ORG" {
			continue
		}
		name := s.entName(e)
		if s.l.outSet[strings.ToLower(name)] {
			continue // "the company" is not the outlet that reported it
		}
		if last == "" {
			last = name
		}
		low = append(low[:0], strings.ToLower(name)...)
		if strings.Contains(string(low), stem) {
			return name
		}
	}
	if r&rOrgany != 0 {
		return last
	}
	return ""
}

// acronym resolves an all-capitals source ("KL") to an ORG entity named
// before whose capitalized words have those initials ("Kommunernes
// Landsforening"). It returns "" when none does.
func (s *scan) acronym(a, b int) string {
	if b-a != 1 {
		return ""
	}
	w := s.text[s.toks[a].s:s.toks[a].e]
	if len(w) < 2 || len(w) > 5 {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return ""
		}
	}
	off := s.toks[a].s
	if s.ix.endMono {
		if i := lastIn(s.ix.initials[w], int32(s.ix.before(off))); i >= 0 {
			return s.entName(s.d.Entities[i])
		}
		return ""
	}
	for i := len(s.d.Entities) - 1; i >= 0; i-- {
		e := s.d.Entities[i]
		if e.End > off || e.Label != "ORG" {
			continue
		}
		name := s.entName(e)
		k := 0
		ok := true
		for _, f := range strings.Fields(name) {
			c := f[0]
			if c < 'A' || c > 'Z' {
				continue
			}
			if k >= len(w) || w[k] != c {
				ok = false
				break
			}
			k++
		}
		if ok && k == len(w) && len(strings.Fields(name)) > 1 {
			return name
		}
	}
	return ""
}

// clauseLike reports whether content [a, b) can be a statement: more than
// one word, not only adverbs and time words ("Han advarer dog").
func (s *scan) clauseLike(a, b int) bool {
	words, plain := 0, 0
	for i := a; i < b; i++ {
		if s.toks[i].kind == tPunct {
			continue
		}
		words++
		if s.toks[i].kind == tWord && s.role(i)&(rAux|rNeg|rTime|rDet) == 0 {
			plain++ // "some 28,000" is no statement
		}
	}
	return words > 1 && plain > 0
}

// cueAt reports whether a source cue overlaps tokens [i, j).
func (s *scan) cueAt(i, j int) bool {
	for _, c := range s.cues {
		if c.i < j && i < c.j {
			return true
		}
	}
	return false
}

// mannerOnly reports whether tokens [a, lim) are only a short phrase on how
// or when something was said, with no clause: "said in a joint report on
// Thursday.", "sagde i en rapport".
func (s *scan) mannerOnly(a, lim int) bool {
	if lim-a > 7 || s.role(a)&(rNprep|rStop|rDocprep) == 0 {
		return false
	}
	for i := a; i < lim; i++ {
		if s.role(i)&(rDoc|rTime) != 0 {
			return true
		}
		if _, ok := s.ix.tStart[s.toks[i].s]; ok {
			return true
		}
	}
	return false
}

// clauseCut returns the conjunction of ", og"/", men"/", and"/", but" in
// [a, b) that starts a clause with its own subject and verb (the word after
// it is no auxiliary, verb, "at"/"that"; an auxiliary follows within the
// clause), the last one if last, else the first; -1 if none.
func (s *scan) clauseCut(a, b int, last bool) int {
	found := -1
	for k := a + 1; k+4 < b; k++ {
		if s.role(k)&rConj == 0 || !s.punct(k-1, ",") {
			continue
		}
		f := k + 1
		if s.toks[f].kind == tPunct || s.toks[f].src != nil || s.toks[f].h != nil || s.role(f)&(rAux|rThat|rRel|rConj) != 0 {
			continue
		}
		ok := false
		for j := f + 1; j < b && j-f < 8; j++ {
			if s.toks[j].kind == tPunct {
				break
			}
			if s.role(j)&(rAux|rBe) != 0 && s.suffixRole(j) == 0 {
				ok = true
				break
			}
		}
		if !ok {
			continue
		}
		found = k
		if !last {
			break
		}
	}
	return found
}

// entityName reports whether name is the name or canonical name of a PER or
// ORG entity of the document.
func (s *scan) entityName(name string) bool {
	return s.ix.names[foldKey(name)]
}

// timeNP reports whether the phrase [a, b) is a time phrase: its words are
// all time words, or a time expression covers it.
func (s *scan) timeNP(a, b int) bool {
	if a >= b {
		return false
	}
	all := true
	for i := a; i < b; i++ {
		if s.toks[i].kind == tWord && s.toks[i].role&rTime == 0 && s.role(i)&rDet == 0 {
			all = false
		}
	}
	if all {
		return true
	}
	// "this month", not "a study published last year"
	return s.ix.coveringTime(s.toks[a].s, s.toks[b-1].e)
}

// inVia reports whether name is in the via chain: "en undersøgelse fra
// Aarhus Universitet" keeps the document as source, the issuer behind it.
func inVia(via []string, name string) bool {
	for _, v := range via {
		if strings.EqualFold(v, name) {
			return true
		}
	}
	return false
}

// wasCut reports whether sp is a claim span cut to one clause in this sentence.
func (s *scan) wasCut(sp kilde.Span) bool {
	for _, c := range s.cut {
		if c == sp {
			return true
		}
	}
	return false
}

// quotedSpan reports whether content [a, b) is a direct quote, which stays
// whole: it lies between quotation marks, or one ends or opens it.
func (s *scan) quotedSpan(a, b int) bool {
	if s.punct(a-1, quotes) || s.punct(b, quotes) || s.punct(a, quotes) || s.punct(b-1, quotes) {
		return true
	}
	for i := a; i < b; i++ {
		if s.toks[i].quoted {
			return true
		}
	}
	return false
}

// normAt is the lower-case form of token i, "" outside the tokens.
func (s *scan) normAt(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return string(s.norm(i))
}

// tokAt returns the index of the token that starts at byte off, or -1.
func (s *scan) tokAt(off int) int {
	i := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].s >= off })
	if i < len(s.toks) && s.toks[i].s == off {
		return i
	}
	return -1
}

// ptcpAt reports whether token i is a past participle after a document
// noun: a listed one ("lavet", "written") or an English lower-case word in -ed.
func (s *scan) ptcpAt(i int) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tWord || s.toks[i].cap {
		return false
	}
	r := s.toks[i].role
	if r&(rPtcp|rIssue) != 0 {
		return r&^(rPtcp|rIssue|rWord) == 0
	}
	w := s.norm(i)
	return !s.l.v2 && r == 0 && s.toks[i].src == nil && len(w) > 4 && w[len(w)-2] == 'e' && w[len(w)-1] == 'd'
}

// issuer ends a document source before its participle ("A court document
// filed Thursday says" → "A court document"), and gives a document put out
// by someone to that someone: "Acme issued a statement saying …", "His
// office put out a statement saying …" → Acme, His office.
func (s *scan) issuer(at *att) {
	a, b := at.srcA, at.srcB
	if a >= b {
		return
	}
	for d := a; d+1 < b; d++ {
		if s.role(d)&rDoc != 0 && s.ptcpAt(d+1) {
			b = d + 1
			at.srcB = b
			break
		}
	}
	if s.role(b-1)&rDoc == 0 {
		return
	}
	v := a - 1
	if v > s.first && (s.normAt(v) == "out" || s.normAt(v) == "up") {
		v--
	}
	if v <= s.first || s.toks[v].kind != tWord || s.toks[v].cap || s.toks[v].role&rIssue == 0 {
		return
	}
	p := v - 1
	for p > s.first && s.role(p)&(rAux|rNeg) != 0 {
		p--
	}
	x, y := s.npBackward(p)
	if x >= y || x < s.first || s.timeNP(x, y) {
		return
	}
	at.srcA, at.srcB = x, y
	if x < at.regI {
		at.regI = x
	}
}

// timeLead are the words that lead a time adverbial between a cue and a bare
// clause: "said on Tuesday it had", "said late Monday", "said last week".
var timeLead = map[string]bool{"on": true, "late": true, "early": true, "last": true, "this": true, "next": true, "earlier": true}

// timeNoun are time nouns after a timeLead word: "last week".
var timeNoun = map[string]bool{"week": true, "month": true, "year": true, "night": true, "weekend": true}
