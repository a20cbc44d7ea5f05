package quote

import (
	"sort"
	"sync"

	"github.com/kilde-news/kilde"
)

var pool = sync.Pool{New: func() any { return new(state) }}

// pieceBytes bounds the text one pass works on. A longer text (a feed dump
// or a book pasted as one article) is read in pieces of at least this size,
// cut at a blank line, so that the per-token scratch follows the piece, not
// the article: 50 MB used to need about 1 GB here. Quotes, pronouns and
// multi-paragraph quotes are not linked across pieces. Real news articles
// are far shorter and are read in one piece.
const pieceBytes = 256 << 10

// Annotate implements kilde.Annotator. It replaces d.Quotes.
func (a *Annotator) Annotate(d *kilde.Doc) error {
	st := pool.Get().(*state)
	defer func() {
		st.d = nil
		st.text = ""
		st.ents = nil
		pool.Put(st)
	}()
	d.Quotes = d.Quotes[:0]
	// entities must be sorted for binary search; ignore them otherwise
	ents := d.Entities
	for i := 1; i < len(ents); i++ {
		if ents[i].Start < ents[i-1].End {
			ents = nil
			break
		}
	}
	var lx *lang
	for lo := 0; lo < len(d.Text); {
		hi := kilde.PieceEnd(d.Text, lo, pieceBytes)
		st.reset(a, d, lo, hi, ents)
		st.tokenize(lo)
		if len(st.toks) > 0 {
			if lx == nil {
				lx = a.pickLang(st)
			}
			st.lx = lx
			st.run()
		}
		lo = hi
	}
	for i, j := range TranslationOf(d) {
		if j >= 0 {
			d.Quotes[i].TranslationOf = j + 1
		}
	}
	return nil
}

// run finds the quotes of the current piece and appends them to d.Quotes.
func (st *state) run() {
	st.used = append(st.used[:0], make([]bool, len(st.toks))...)
	st.segment()
	st.direct()
	st.dashes()
	st.collectNames()
	st.tweets()
	sort.SliceStable(st.cands, func(i, j int) bool { return st.cands[i].span.Start < st.cands[j].span.Start })
	st.directSpeakers()
	st.indirect()
	st.resolve()
	st.emit()
}

// reset prepares st for the piece [lo, hi) of d.Text; ents are the
// document's entities, sorted, or nil.
func (st *state) reset(a *Annotator, d *kilde.Doc, lo, hi int, ents []kilde.Entity) {
	st.a, st.d, st.text = a, d, d.Text[:hi]
	st.toks = st.toks[:0]
	st.blocks = st.blocks[:0]
	st.tcase = st.tcase[:0]
	st.qpre = st.qpre[:0]
	st.coord = st.coord[:0]
	st.sents = st.sents[:0]
	st.names = st.names[:0]
	if st.byLast == nil {
		st.byLast = map[string][]int{}
	}
	clear(st.byLast)
	st.ments = st.ments[:0]
	st.smen = st.smen[:0]
	st.cands = st.cands[:0]
	// the entities that start in the piece
	st.hasEnts = len(ents) > 0
	a0 := sort.Search(len(ents), func(i int) bool { return ents[i].Start >= lo })
	b0 := a0 + sort.Search(len(ents)-a0, func(i int) bool { return ents[a0+i].Start >= hi })
	st.ents = ents[a0:b0]
}

// pickLang chooses the word lists by the article's language, guessing from
// function words when it is unknown.
func (a *Annotator) pickLang(st *state) *lang {
	switch st.d.Lang {
	case "en":
		return a.en
	case "da", "nb", "no", "nn", "sv":
		return a.da
	}
	en, da := 0, 0
	for i := range st.toks {
		if i > 400 {
			break
		}
		switch st.toks[i].low {
		case "the", "and", "of", "is", "that", "said":
			en++
		case "og", "det", "af", "er", "at", "på", "siger":
			da++
		}
	}
	if en > da {
		return a.en
	}
	return a.da
}

// sentEnd returns the token after the clause that starts at i: at end
// punctuation, a quotation mark that opens, or the end of the block.
func (st *state) clauseEnd(i int) int {
	if i >= len(st.toks) {
		return len(st.toks)
	}
	blk := st.toks[i].blk
	k := i
	for k < len(st.toks) && st.toks[k].blk == blk {
		t := st.toks[k]
		if t.k == tPunct && (t.low == "." || t.low == "!" || t.low == "?") {
			return k
		}
		if t.inQ || t.k == tMark && k > i {
			return k
		}
		k++
	}
	return k
}

// clauseStart returns the first token of the clause that ends before j.
func (st *state) clauseStart(j int) int {
	if j <= 0 {
		return 0
	}
	blk := st.toks[j-1].blk
	k := j - 1
	for k >= 0 && st.toks[k].blk == blk {
		t := st.toks[k]
		if t.k == tPunct && (t.low == "." || t.low == "!" || t.low == "?") || t.inQ {
			return k + 1
		}
		if t.k == tMark && k < j-1 {
			return k + 1
		}
		k--
	}
	return k + 1
}

// directSpeakers finds the speaker phrase of each direct quote. Pronouns and
// descriptions are resolved later, in text order, by resolve.
func (st *state) directSpeakers() {
	st.cueFrame = append(st.cueFrame[:0], make([]int32, len(st.toks))...)
	st.frames = st.frames[:0]
	for ci := range st.cands {
		c := &st.cands[ci]
		st.curCand = ci
		if c.kind == "direct" && !c.spk.ok {
			st.frameSpeaker(c)
		}
		if c.spk.ok && c.cue >= 0 {
			st.noteFrame(c.cue, c.spk)
		}
	}
}

// noteFrame records that the cue at token m framed speaker sp.
func (st *state) noteFrame(m int, sp speaker) {
	if m >= 0 && m < len(st.cueFrame) && st.cueFrame[m] == 0 {
		st.frames = append(st.frames, sp)
		st.cueFrame[m] = int32(len(st.frames))
	}
}

// resolve walks all quotes in text order: a quote without a speaker of its
// own continues the previous one (the next paragraph of a multi-paragraph
// quote, another quote in the same paragraph with no cue between, a quote
// paragraph right after a quote); pronouns and descriptions become the
// person they refer to; each speaker becomes a mention for later pronouns.
func (st *state) resolve() {
	sort.SliceStable(st.cands, func(i, j int) bool { return st.cands[i].span.Start < st.cands[j].span.Start })
	for ci := range st.cands {
		c := &st.cands[ci]
		// a paragraph continuing a quote keeps its speaker unless a cue
		// frames it: a guess from the sentence before does not count
		weak := c.contPrev && c.cue < 0
		if (!c.spk.ok || weak) && ci > 0 && c.kind == "direct" {
			p := &st.cands[ci-1]
			if p.spk.ok && p.spk.name != "" && st.continues(c, p) {
				c.spk = p.spk
				c.cue, c.cueE, c.addressee = -1, -1, ""
			}
		}
		if !c.spk.ok {
			continue
		}
		if c.spk.pron != 0 {
			st.resolvePronoun(&c.spk)
		} else if c.spk.desc {
			st.resolveRole(&c.spk, c.spk.start, c.spk.head)
		}
		st.addMention(c.spk)
	}
	// a multi-paragraph quote shares its speaker: pass it back to the pieces
	// before that found none
	for ci := len(st.cands) - 2; ci >= 0; ci-- {
		c, n := &st.cands[ci], &st.cands[ci+1]
		if c.contNext && n.contPrev && n.spk.ok && (!c.spk.ok || c.cue < 0 && n.cue >= 0 && !c.contPrev) {
			c.spk = n.spk
		}
	}
}

// continues reports whether quote c, which has no speaker of its own,
// continues quote p before it.
func (st *state) continues(c, p *cand) bool {
	if c.contPrev {
		return true
	}
	if c.open < 0 || c.open >= len(st.toks) {
		return false
	}
	cb := st.toks[c.open].blk
	pe := p.after
	if pe <= 0 || pe > len(st.toks) {
		return false
	}
	pb := st.toks[pe-1].blk
	if cb == pb {
		return !st.cueBetween(pe, c.open)
	}
	return cb == pb+1 && st.startsBlock(c.open) && st.blockEndsWith(pb, pe)
}

// blockEndsWith reports whether quote material (ending before token pe)
// ends block pb: nothing but its frame sentence follows.
func (st *state) blockEndsWith(pb, pe int) bool {
	_, e := st.blockToks(pb)
	n := 0
	for k := pe; k < e; k++ {
		if st.endPunct(k) {
			n++
		}
	}
	return n <= 1
}

// startsBlock reports whether token i is the first of its block.
func (st *state) startsBlock(i int) bool {
	return i == 0 || st.toks[i-1].blk != st.toks[i].blk
}

// frameSpeaker looks for the speaker around a direct quote: after it, before
// it, in the next sentence, in the sentence before.
func (st *state) frameSpeaker(c *cand) {
	// a phrase inside a sentence framed by its own subject and cue
	if sp, m, ok := st.embeddedSpeaker(c); ok {
		st.setSpeaker(c, sp, m, st.clauseEnd(max(c.after, 0)))
		return
	}
	// after: "»…«, siger hun" / "“…,” Trump said"
	k := c.after
	for k < len(st.toks) && st.toks[k].low == "," {
		k++
	}
	if k < len(st.toks) && (c.after >= len(st.toks) || st.toks[k].blk == st.toks[c.after].blk) && k > 0 && (c.open < 0 || st.toks[k].blk == st.toks[max(c.open, 0)].blk || c.capped) && !st.toks[k].inQ {
		lim := st.clauseEnd(k)
		if st.tryCueAfter(c, k, lim) {
			return
		}
		// a signature: "“…” ― Pamela Padilla"
		if st.toks[k].k == tDash {
			if j, ok := st.nameAt(k + 1); ok && (j >= lim || st.toks[j].low == "," || st.toks[j].low == "(" || st.toks[j].blk != st.toks[k].blk) {
				st.setSpeaker(c, st.nameSpeaker(k+1, j), -1, 0)
				return
			}
		}
		// name first: "Trump said", "the official told reporters", "Scott
		// Pruitt, the attorney general of Oklahoma, said"
		for m := k; m < lim && m < k+30; m++ {
			if _, e := st.cueAt(m); e > m {
				if sp, ok := st.leadingName(k, m); ok {
					st.setSpeaker(c, sp, m, lim)
					return
				}
				if sp := st.npBefore(m, k); sp.ok && sp.start >= k {
					st.setSpeaker(c, sp, m, lim)
					return
				}
				break
			}
		}
	}
	// before: "Han skriver: ’…’", "X: »…«", "said Trump: “…”", "siger hun, »…«"
	if c.open > 0 && st.toks[c.open-1].blk == st.toks[c.open].blk && !st.toks[c.open-1].inQ {
		b := c.open - 1
		lo := st.clauseStart(b + 1)
		if st.tryCueBefore(c, lo, b+1) {
			return
		}
		if st.toks[b].low == ":" {
			if sp := st.npBefore(b, lo); sp.ok && !sp.desc {
				st.setSpeaker(c, sp, -1, 0)
				return
			}
		}
	}
	// the sentence after: "Det siger X til DR." / "That is what X said."
	if c.after < len(st.toks) {
		k := c.after
		for k < len(st.toks) && st.toks[k].k == tPunct {
			k++
		}
		if k < len(st.toks) && (c.after == 0 || st.toks[k].blk <= st.toks[c.after-1].blk+1) && !st.toks[k].inQ {
			lim := st.clauseEnd(k)
			for m := k; m < lim && m < k+6; m++ {
				if kind, e := st.cueAt(m); e > m {
					var sp speaker
					if kind == "sound" {
						sp = st.afterFrom(e, lim)
					} else if st.lx.code == "en" {
						sp = st.npBefore(m, k)
						if sp.ok && !st.tail(e, lim) {
							break // "He said vaccination rates had stalled": its own clause
						}
					}
					if !sp.ok {
						sp = st.npAfter(e, lim)
					}
					if !sp.ok && st.lx.code != "en" {
						sp = st.npBefore(m, k)
					}
					if sp.ok {
						st.setSpeaker(c, sp, m, lim)
						return
					}
					break
				}
			}
		}
	}
	// the sentence before, when it ends with a colon: "Mette Frederiksen siger:"
	if c.open > 0 {
		b := c.open - 1
		if st.toks[b].low == ":" && st.toks[b].blk < st.toks[c.open].blk && st.toks[b].blk >= st.toks[c.open].blk-1 {
			lo := st.clauseStart(b + 1)
			if st.tryCueBefore(c, lo, b+1) {
				return
			}
			if sp := st.npBefore(b, lo); sp.ok && !sp.desc {
				st.setSpeaker(c, sp, -1, 0)
				return
			}
			// "Formand Gordon Madsen er klar i mælet:"
			if sp := st.subjectOf(lo, b); sp.ok && (sp.person || sp.pron&(wPronM|wPronF) != 0 || st.verbNext(sp.end, b)) {
				st.setSpeaker(c, sp, -1, 0)
				return
			}
		}
	}
	// a quote that opens its sentence with no frame at all: the subject of
	// the sentence before, when it is a person ("Nu lukker hun. »…«")
	if c.open > 0 && (st.startsBlock(c.open) || st.endPunct(c.open-1)) && c.capped == false {
		k := c.after
		for k < len(st.toks) && st.toks[k].k == tPunct {
			k++
		}
		if k >= len(st.toks) || st.toks[k].blk != st.toks[c.open].blk || st.startsBlock(k) {
			// nothing follows the quote in its block
			if b := c.open - 1; b >= 0 && st.endPunct(b) && !st.toks[b].inQ {
				lo := st.clauseStart(b)
				// a sentence that opens right after a quote is that quote's
				// frame ("“…,” said X, a former Y governor. “…”"): the
				// quote continues, it is no subject
				if lo > 0 && (st.toks[lo-1].inQ || st.toks[lo-1].k == tMark) && st.toks[lo-1].blk == st.toks[b].blk {
					lo = b
				}
				if sp := st.subjectOf(lo, b); sp.ok && (sp.pron&(wPronM|wPronF) != 0 || sp.person) && !st.titleCase(st.toks[b].blk) {
					st.setSpeaker(c, sp, -1, 0)
					return
				}
			}
		}
	}
	// a quote inside a sentence: its subject ("Trump called her a “nasty
	// woman”", "Hun kalder forslaget »useriøst«")
	if c.open > 0 && st.toks[c.open-1].blk == st.toks[c.open].blk && !st.startsBlock(c.open) {
		b := c.open - 1
		lo := st.clauseStart(b + 1)
		if b >= lo && st.toks[b].low != ":" && !st.endPunct(b) && !st.titleCase(st.toks[b].blk) {
			if sp := st.subjectOf(lo, b+1); sp.ok && st.cueIn(sp.end, b+1) {
				st.setSpeaker(c, sp, -1, 0)
			} else if p := st.prevInSentence(c); p != nil && lo > 0 && (st.toks[lo-1].inQ || st.toks[lo-1].k == tMark) && st.conjAt(lo, b+1) {
				// "She called it “outrageous” and called for pay to be
				// “clawed back”": a coordinated clause shares the subject
				c.spk = p.spk
			}
		}
	}
}

// prevInSentence returns the direct quote with a speaker right before c in
// c's sentence, or nil.
func (st *state) prevInSentence(c *cand) *cand {
	if c.open <= 0 || c.open >= len(st.toks) {
		return nil
	}
	i := st.curCand - 1
	if i < 0 || i >= len(st.cands) || &st.cands[st.curCand] != c {
		return nil
	}
	q := &st.cands[i]
	if q.kind != "direct" || q.after > c.open || q.after <= 0 || !q.spk.ok || st.toks[q.after-1].sent != st.toks[c.open].sent {
		return nil
	}
	return q
}

// conjAt reports whether the clause [lo, end) opens with a coordinating
// conjunction ("and called for …", "but described …").
func (st *state) conjAt(lo, end int) bool {
	for k := lo; k < end && k < lo+2; k++ {
		switch st.toks[k].low {
		case "and", "but", "og", "men":
			return true
		}
		if st.toks[k].k != tPunct {
			return false
		}
	}
	return false
}

// subjectOf returns the sentence subject in [lo, end): a pronoun or a name at
// the start, or the first name before a verb-like word.
func (st *state) subjectOf(lo, end int) speaker {
	k := lo
	for k < end && (st.toks[k].k == tDash || st.toks[k].k == tPunct) {
		k++
	}
	if k >= end || !st.word(k) {
		return speaker{}
	}
	if c := st.class(k); c&(wPronM|wPronF|wPronPl) != 0 {
		return speaker{ok: true, start: k, end: k + 1, pron: c & wPron, span: kilde.Span{Start: st.toks[k].s, End: st.toks[k].e}}
	}
	// skip a leading adverbial up to a comma ("On Monday, Trump called …")
	for m := k; m < end && m < k+6; m++ {
		if st.toks[m].low == "," {
			k = m + 1
			break
		}
		if st.isCue(m) {
			break // "said X, a former …": no adverbial
		}
	}
	// Danish inversion after an adverbial: "Nu lukker hun", "I går sagde han"
	if st.lx.code == "da" {
		for m := k + 1; m < end && m < k+4; m++ {
			if c := st.class(m); c&(wPronM|wPronF|wPronPl) != 0 && m == k+2 {
				return speaker{ok: true, start: m, end: m + 1, pron: c & wPron, span: kilde.Span{Start: st.toks[m].s, End: st.toks[m].e}}
			}
		}
	}
	// role words and determiners before the name: "Republican nominee Donald Trump"
	for m := k; m < end && m < k+5; m++ {
		if j, ok := st.nameAt(m); ok && j <= end {
			if st.genitive(j - 1) {
				return speaker{}
			}
			return st.nameSpeaker(m, j)
		}
		if !st.word(m) || st.class(m)&(wVerb|wComp|wRel|wPrep) != 0 {
			break
		}
	}
	return speaker{}
}

// leadingName: a name (after role words) at k, followed by the cue at m
// directly or after an apposition or a parenthesis.
func (st *state) leadingName(k, m int) (speaker, bool) {
	i := k
	for i < m && i < k+4 {
		if ok, _ := st.isRole(i); ok || st.class(i)&wDet != 0 {
			i++
			continue
		}
		break
	}
	j, ok := st.nameAt(i)
	if !ok || j > m || st.genitive(j-1) {
		return speaker{}, false
	}
	if j < m && st.toks[j].low != "," && st.toks[j].low != "(" {
		// only adverbs and auxiliaries between: "Trump later said"
		if sp := st.npBefore(m, k); sp.ok && sp.start == i {
			return sp, true
		}
		return speaker{}, false
	}
	return st.nameSpeaker(i, j), true
}

// tryCueAfter: a cue at k followed by its speaker: "siger hun", "said Trump".
func (st *state) tryCueAfter(c *cand, k, lim int) bool {
	kind, e := st.cueAt(k)
	if e <= k {
		return false
	}
	if kind == "tell" && st.lx.code == "en" {
		return false
	}
	var sp speaker
	if kind == "sound" {
		sp = st.afterFrom(e, lim)
	} else {
		sp = st.npAfter(e, lim)
	}
	if !sp.ok {
		return false
	}
	st.setSpeaker(c, sp, k, lim)
	return true
}

// tryCueBefore finds the last cue in [lo, end) and its speaker, before or
// after the cue.
func (st *state) tryCueBefore(c *cand, lo, end int) bool {
	tries := 0
	for m := end - 1; m >= lo; m-- {
		kind, e := st.cueAt(m)
		if e <= m {
			continue
		}
		// Danish inverts after an adverbial ("I går skrev Trump:"); English
		// names the speaker first ("Trump said:") and inverts only after a
		// comma or a quote.
		inverted := st.lx.code != "en" || m > lo && (st.toks[m-1].low == "," || st.toks[m-1].k == tMark)
		if kind == "tell" && st.lx.code == "en" || kind == "call" {
			inverted = false // "kalder forslaget »…«": the object follows
		}
		if st.lx.code == "en" {
			if sp := st.npBefore(m, lo); sp.ok {
				st.setSpeaker(c, sp, m, end)
				return true
			}
		}
		if inverted {
			if sp := st.npAfter(e, end); sp.ok {
				st.setSpeaker(c, sp, m, end)
				return true
			}
		}
		if sp := st.npBefore(m, lo); sp.ok {
			st.setSpeaker(c, sp, m, end)
			return true
		}
		tries++
		if tries >= 2 {
			return false
		}
	}
	return false
}

// setSpeaker records sp and cue m; lim bounds the addressee search.
func (st *state) setSpeaker(c *cand, sp speaker, m, lim int) {
	c.spk = sp
	if m >= 0 {
		_, e := st.cueAt(m)
		c.cue, c.cueE = m, e
		st.used[m] = true
		kind, _ := st.cueAt(m)
		if kind == "tell" && st.lx.code == "en" && sp.end <= m {
			if a := st.npAfter(e, lim); a.ok && !a.desc {
				c.addressee = a.name
			} else if a.ok {
				c.addressee = a.name
			}
			return
		}
	}
	c.addressee = st.addressee(sp.end, lim)
}

// addressee reads "til DR" / "to Reuters" after a speaker phrase.
func (st *state) addressee(k, lim int) string {
	if lim == 0 {
		lim = st.clauseEnd(k)
	}
	if k+1 < lim && st.toks[k].low == "," && st.class(k+1)&wAddr != 0 {
		k++ // "oplyser pressechef Tanja Holm, til Ritzau"
	}
	if k < lim && st.class(k)&wAddr != 0 {
		if j, ok := st.nameAt(k + 1); ok && j <= lim {
			if j < lim && st.toks[j].k == tNum && st.toks[j].e-st.toks[j].s <= 2 && st.toks[j].s == st.toks[j-1].e+1 {
				j++ // "TV 2", "DR 1"
			}
			return st.text[st.toks[k+1].s:st.toks[j-1].e]
		}
	}
	return ""
}

// cueBetween reports whether a cue lies in tokens [i, j) outside quotes,
// not counting a cue used by a quote.
func (st *state) cueBetween(i, j int) bool {
	for k := max(i, 0); k < j && k < len(st.toks); k++ {
		if !st.toks[k].inQ && !st.used[k] && st.isCue(k) {
			return true
		}
	}
	return false
}

// titleCase reports whether block bi looks like a headline in title case,
// where capitals do not mark names.
func (st *state) titleCase(bi int) bool {
	// cached per block: a long block with many quotes asks again and again
	if len(st.tcase) != len(st.blocks) {
		st.tcase = append(st.tcase[:0], make([]int8, len(st.blocks))...)
	}
	if c := st.tcase[bi]; c != 0 {
		return c > 0
	}
	a, b := st.blockToks(bi)
	words, caps := 0, 0
	for k := a; k < b; k++ {
		if st.toks[k].k == tWord && !st.toks[k].inQ {
			words++
			if st.toks[k].cap {
				caps++
			}
		}
	}
	tc := words >= 4 && caps*10 >= words*7
	st.tcase[bi] = -1
	if tc {
		st.tcase[bi] = 1
	}
	return tc
}

// cueIn reports whether a cue lies in tokens [i, j).
func (st *state) cueIn(i, j int) bool {
	for k := max(i, 0); k < j && k < len(st.toks); k++ {
		if st.isCue(k) {
			return true
		}
	}
	return false
}

// verbNext reports whether a verb or adverb follows at k, after an optional
// comma: "Warren did not hold back:", "Gordon Madsen, er klar i mælet:".
func (st *state) verbNext(k, b int) bool {
	if k < b && st.toks[k].low == "," {
		k++
	}
	return k < b && st.class(k)&(wVerb|wAdv) != 0
}

// afterFrom finds the speaker after "fra"/"from" within three words of a
// cue of kind sound: "Sådan lyder vurderingen fra ordfører Signe Munk".
func (st *state) afterFrom(e, lim int) speaker {
	for k := e; k < lim && k < e+4; k++ {
		if st.class(k)&wFrom != 0 {
			return st.npAfter(k+1, lim)
		}
	}
	return speaker{}
}
