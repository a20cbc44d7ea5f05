package quote

import (
	"sort"
	"unicode"

	"github.com/kilde-news/kilde"
)

type family uint8

const (
	fNone family = iota
	fGuill
	fDouble
	fSingle
)

func markFamily(s string) family {
	switch s {
	case "»", "«", "›", "‹":
		return fGuill
	case "„", "“", "”", "\"":
		return fDouble
	case "‘", "’", "‚", "'":
		return fSingle
	}
	return fNone
}

// cand is a quote being built.
type cand struct {
	kind       string // direct, indirect
	span       kilde.Span
	open       int // token of the opening mark or dash (direct); first clause token (indirect)
	after      int // first token after the closing mark (direct); token after the clause (indirect)
	cue, cueE  int // cue token range, cue < 0 when none
	spk        speaker
	contPrev   bool // continues the quote of the previous block
	contNext   bool // continued in the next block
	tweet      bool
	short      bool // fewer than three words
	capped     bool // no closing mark: ends at the block end
	addressee  string
	translates int // index+1 of the quote this one translates, 0 if none
}

// openFlags classifies a mark token: can it open, can it close?
func (st *state) openFlags(i int) (canOpen, canClose bool) {
	t := st.toks[i]
	prev := runeBefore(st.text, t.s)
	next := runeAt(st.text, t.e)
	left := next != 0 && !unicode.IsSpace(next)
	right := prev != 0 && !unicode.IsSpace(prev)
	wordPrev := unicode.IsLetter(prev) || unicode.IsDigit(prev)
	wordNext := unicode.IsLetter(next) || unicode.IsDigit(next)
	canOpen = left && !wordPrev
	canClose = right && !wordNext
	return
}

// direct finds quotes between marks, block by block, with a stack so that
// nested quotes stay inside the outer one.
func (st *state) direct() {
	var stack []openMark
	contFrom := -1                     // block whose last quote continues into this block
	openFam, openCand := family(0), -1 // an unclosed, capped quote in the block before
	for bi := range st.blocks {
		stack = stack[:0]
		first, end := st.blockToks(bi)
		cont := contFrom == bi
		contFrom = -1
		prevFam, prevCand := openFam, openCand
		openFam, openCand = 0, -1
		nBefore := len(st.cands)
		for i := first; i < end; i++ {
			t := st.toks[i]
			if t.k != tMark {
				continue
			}
			fam := markFamily(t.low)
			canOpen, canClose := st.openFlags(i)
			if t.low == "\"" && canOpen && canClose { // straight quote between non-spaces: toggle
				canOpen = !hasFam(stack, fDouble)
				canClose = !canOpen
			}
			if !canOpen && !canClose && fam != fSingle {
				// spaced on both sides ("» Vi er glade «", tokenized text):
				// close an open quote of the family, else open one
				canClose = hasFam(stack, fam)
				canOpen = !canClose
			}
			if canClose {
				// Close the innermost opener of the same family.
				k := len(stack) - 1
				for k >= 0 && !(stack[k].fam == fam && pairs(st.toks[stack[k].tok].low, t.low)) {
					k--
				}
				if k >= 0 && !(canOpen && fam == fSingle && k != len(stack)-1) {
					if k == 0 {
						c := st.newDirect(stack[0].tok, i)
						if c != nil && cont && len(st.cands) > 0 && stack[0].tok == first {
							c.contPrev = true
							cont = false
						}
					}
					stack = stack[:k]
					continue
				}
				// a closing mark with no opener after a paragraph that opened a
				// quote and never closed it: the writer left out the opening
				// mark of the continuing paragraph ("…natten,« fortæller hun")
				if k < 0 && !canOpen && fam != fSingle && fam == prevFam && len(stack) == 0 && len(st.cands) == nBefore && i > first {
					if c := st.newDirectFrom(first, i); c != nil {
						c.contPrev = true
						c.open = -1
						if prevCand >= 0 && prevCand < len(st.cands)-1 {
							st.cands[prevCand].contNext = true
						}
					}
					prevFam = 0
					continue
				}
			}
			if canOpen {
				stack = append(stack, openMark{i, fam})
			}
		}
		if len(stack) == 0 {
			continue
		}
		// An unclosed quote: continued in the next block when that opens with
		// a mark of the same family; else capped at the block end, unless it is
		// a lone single mark.
		o := stack[0]
		// A mark followed by a reporting cue closes a quote opened in an
		// earlier paragraph (`…100 procent," pointerer X.`): the quote is the
		// text from the start of this paragraph to the mark.
		if o.fam != fSingle && o.tok > first+1 && st.isCue(o.tok+1) && st.toks[o.tok-1].k == tPunct {
			if c := st.newDirectFrom(first, o.tok); c != nil {
				c.contPrev = cont
				c.open = -1
			}
			continue
		}
		if bi+1 < len(st.blocks) {
			nf, _ := st.blockToks(bi + 1)
			if nf < len(st.toks) && st.toks[nf].k == tMark && markFamily(st.toks[nf].low) == o.fam && (o.tok == first || st.toks[o.tok-1].low == ":") {
				if c := st.newDirect(o.tok, end); c != nil {
					c.contNext = true
					c.capped = true
					c.contPrev = cont
					contFrom = bi + 1
				}
				continue
			}
		}
		if o.fam != fSingle && (o.tok == first || st.toks[o.tok-1].low == ":" || st.toks[o.tok-1].low == ",") {
			// a missing closing mark: end at a ", siger X" frame, else at the block end
			ce, frame := st.dashEnd(o.tok+1, end)
			if c := st.newDirect(o.tok, ce); c != nil {
				if !frame {
					openFam, openCand = o.fam, len(st.cands)-1
				}
				c.capped = !frame
				if frame {
					c.after = ce
				}
				c.contPrev = cont
			}
		}
	}
}

type openMark struct {
	tok int
	fam family
}

func hasFam(stack []openMark, f family) bool {
	for _, o := range stack {
		if o.fam == f {
			return true
		}
	}
	return false
}

// pairs reports whether closing mark c can close opening mark o.
func pairs(o, c string) bool {
	switch o {
	case "»":
		return c == "«" || c == "»"
	case "«":
		return c == "»" || c == "«"
	case "›":
		return c == "‹" || c == "›"
	case "‹":
		return c == "›" || c == "‹"
	}
	return true // within the double and single families any closer will do
}

// blockToks returns the token range of block bi.
func (st *state) blockToks(bi int) (int, int) {
	// tokens are in text order, so their block indexes never decrease:
	// binary search for the first token of block bi and of the blocks after
	// it (a scan to the block end made every call linear in the block)
	lo := sort.Search(len(st.toks), func(m int) bool { return st.toks[m].blk >= bi })
	e := lo + sort.Search(len(st.toks)-lo, func(m int) bool { return st.toks[lo+m].blk > bi })
	return lo, e
}

// newDirect records the quote between the open token o and the close token
// c (c may be the end of the block: then the quote runs to the block end).
func (st *state) newDirect(o, c int) *cand {
	if c <= o+1 || o < 0 {
		return nil
	}
	return st.newDirectSpan(o, c, st.toks[o].e)
}

// newDirectFrom records a quote whose opening mark is in an earlier block:
// from token f to the closing mark c.
func (st *state) newDirectFrom(f, c int) *cand {
	if c <= f || f < 0 {
		return nil
	}
	return st.newDirectSpan(f-1, c, st.toks[f].s)
}

func (st *state) newDirectSpan(o, c, start int) *cand {
	if c <= o+1 {
		return nil
	}
	blk := st.toks[o+1].blk
	var end int
	if c < len(st.toks) && st.toks[c].blk == blk && st.toks[c].k == tMark {
		end = st.toks[c].s
	} else {
		end = st.toks[c-1].e
	}
	words := 0
	for k := o + 1; k < c; k++ {
		if st.toks[k].k == tWord || st.toks[k].k == tNum {
			words++
		}
	}
	if words == 0 {
		return nil
	}
	// trim spaces
	for start < end && unicode.IsSpace(runeAt(st.text, start)) {
		start++
	}
	end = trimRightSpace(st.text, start, end)
	for end > start && (st.text[end-1] == ',' || st.text[end-1] == ';' || st.text[end-1] == ':') {
		end = trimRightSpace(st.text, start, end-1)
	}
	if start >= end {
		return nil
	}
	for k := o + 1; k < c; k++ {
		st.toks[k].inQ = true
	}
	after := c + 1
	if c >= len(st.toks) || st.toks[c].k != tMark {
		after = c
	}
	st.cands = append(st.cands, cand{kind: "direct", span: kilde.Span{Start: start, End: end}, open: o, after: after, cue: -1, short: words < 3})
	return &st.cands[len(st.cands)-1]
}

// dashes finds Danish dialogue-dash quotes: a line that starts with a dash.
// The quote runs to a ", siger X" frame or the end of the line; after the
// frame's sentence another dash continues it.
func (st *state) dashes() {
	for bi := range st.blocks {
		first, end := st.blockToks(bi)
		if first >= end || st.toks[first].k != tDash || first+1 >= end {
			continue
		}
		if st.toks[first+1].k == tMark || st.toks[first+1].inQ {
			continue
		}
		// a hyphen may be a bullet; in English any dash may be: they need a frame
		hyphen := st.toks[first].low == "-" || st.lx.code == "en"
		o := first
		for o < end {
			c, frame := st.dashEnd(o+1, end)
			if hyphen && !frame {
				break
			}
			n := len(st.cands)
			cd := st.newDirect(o, c)
			if cd != nil && c < end {
				cd.after = c // the comma before the frame
			}
			if cd != nil && !frame && n > 0 {
				// no frame in the line: a speaker from context
			}
			if !frame {
				break
			}
			// skip the frame to the end of its sentence; a dash there continues
			k := c
			for k < end && !(st.toks[k].k == tPunct && (st.toks[k].low == "." || st.toks[k].low == "!" || st.toks[k].low == "?")) {
				k++
			}
			if k+1 < end && st.toks[k+1].k == tDash {
				o = k + 1
				continue
			}
			break
		}
	}
}

// dashEnd finds where a dash quote starting at token i ends: before the
// comma of a ", <cue> ..." or ", <pronoun/name> <cue>" frame, else at end.
func (st *state) dashEnd(i, end int) (int, bool) {
	for k := i + 1; k < end; k++ {
		if st.toks[k-1].low != "," {
			continue
		}
		if _, e := st.cueAt(k); e > k {
			return k - 1, true
		}
		// "…, hun siger" / "…, he said"
		for m := k + 1; m < end && m <= k+4; m++ {
			if _, e := st.cueAt(m); e > m {
				if sp := st.npBefore(m, k); sp.ok && sp.start >= k {
					return k - 1, true
				}
				break
			}
		}
	}
	return end, false
}

// tweets finds embedded tweets: a block that ends with a signature
// "— Name (@handle) date". The words before the dash are the quote.
func (st *state) tweets() {
	for bi := range st.blocks {
		first, end := st.blockToks(bi)
		for k := first + 3; k < end-3; k++ {
			if st.toks[k].k != tDash {
				continue
			}
			nj, ok := st.nameAt(k + 1)
			if !ok || nj+2 >= end || st.toks[nj].low != "(" || st.toks[nj+1].k != tHandle {
				continue
			}
			sp := st.nameSpeaker(k+1, nj)
			// the quote: from the first word of the block to the dash
			a := first
			for a < k && st.toks[a].k != tWord && st.toks[a].k != tNum {
				a++
			}
			b := k
			for b > a && (st.toks[b-1].k == tMark) {
				b--
			}
			if b <= a {
				break
			}
			// an existing marked quote inside gets the speaker
			found := false
			for ci := range st.cands {
				c := &st.cands[ci]
				if c.kind == "direct" && c.span.Start >= st.toks[first].s && c.span.End <= st.toks[k].s {
					c.spk, c.tweet = sp, true
					found = true
				}
			}
			if !found {
				start, endb := st.toks[a].s, st.toks[b-1].e
				for m := a; m < b; m++ {
					st.toks[m].inQ = true
				}
				st.cands = append(st.cands, cand{kind: "direct", span: kilde.Span{Start: start, End: endb}, open: a - 1, after: k, cue: -1, spk: sp, tweet: true})
			}
			st.addMention(sp)
			break
		}
	}
}
