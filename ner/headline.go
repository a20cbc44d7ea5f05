package ner

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

// Title-case lines and calendar words (docs/ner.md, "Title-case lines and
// calendar words").
//
// A headline in title case ("Pence Says Trump Will Win Thursday") gives the
// tagger a run of capitalized words that it reads as one long name. Inside
// such a line a span is cut at the words that are common words, weekdays or
// months, or that the article uses in lower case elsewhere ("Says",
// "Endorses"), unless the article names them elsewhere or the models know
// them as names; and a name from such a line is not the "longer name" that
// one-word mentions resolve to unless it occurs outside the line too
// (canonical.go). Anywhere, a weekday or month at the edge of a person,
// place or organisation ("Pence Thursday", "in March Rubio") is cut off.

// Calendar word kinds of lexicon/all/ner_calendar.tsv.
const (
	calWeekday   = 1
	calMonth     = 2
	calNameMonth = 3 // also a person's name: "Theresa May", "April Ryan"
	calBefore    = 4 // a word after which a leading month is a date
	calMinor     = 5 // a small word a title-case line may leave in lower case
)

var calKinds = map[string]uint8{"weekday": calWeekday, "month": calMonth, "namemonth": calNameMonth, "before": calBefore, "minor": calMinor}

// calKind returns the calendar kind of w (any case), 0 if none.
func (a *Annotator) calKind(w string) uint8 {
	if a.rules == nil || len(w) < 2 || len(w) > 12 {
		return 0
	}
	return a.rules.calendar[hashLower(stripPossessive(w))]
}

// isCalendar reports whether w is a weekday or a month name.
func (a *Annotator) isCalendar(w string) bool {
	k := a.calKind(w)
	return k == calWeekday || k == calMonth || k == calNameMonth
}

// stemHash hashes the lower form of w without a final -s, -es, -ed, -ing
// and then -e, so that "Endorses" meets "endorsed" and "endorse".
func stemHash(w string) uint64 {
	l := strings.ToLower(w)
	for _, s := range []string{"ing", "es", "ed", "s"} {
		if strings.HasSuffix(l, s) && len(l)-len(s) >= 3 {
			l = l[:len(l)-len(s)]
			break
		}
	}
	if len(l) >= 4 {
		l = strings.TrimSuffix(l, "e")
	}
	return hashString(l)
}

// knownName reports whether token k is a name word to the model of its
// language: a training name word, or a gazetteer country, region,
// organisation, or a city that is not a common word.
func (c *ruleCtx) knownName(k int) bool {
	m := c.model(c.d.Tokens[k].Start)
	if m == nil {
		return false
	}
	w := stripPossessive(c.word(k))
	if _, ok := m.names[hashLower(w)]; ok {
		return true
	}
	switch m.gazKind(w) {
	case 2, 3, 4, 6:
		return true
	case 1:
		return !c.commonAt(k)
	}
	return false
}

// letters counts the letters of w.
func letters(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// findTitleLines sets c.heads to the lines in title case: at least two
// words of four letters or more, three quarters of them capitalized, no
// word in lower case but small words ("of", "on", "og"; one more in a line
// of six long words or more), and at least one capitalized word inside the
// line (not at a line or clause start, not a weekday or month) that is a
// common word or a word the article uses in lower case elsewhere and not a
// name the models know, or a verb after a name ("Clinton Slams"). A Danish
// or English line in sentence case never qualifies.
func (c *ruleCtx) findTitleLines() {
	c.heads = c.heads[:0]
	ts := c.d.Tokens
	type line struct{ i, j int }
	var cands []line
	start := 0
	for k := 1; k <= len(ts); k++ {
		if k < len(ts) && !strings.ContainsRune(c.d.Text[ts[k-1].End:ts[k].Start], '\n') {
			continue
		}
		n4, cap4, low := 0, 0, 0
		for x := start; x < k && x-start <= 60; x++ {
			if !c.isWord(x) {
				continue
			}
			w := c.word(x)
			if letters(w) >= 4 {
				n4++
				if c.capWord(x) {
					cap4++
				}
			}
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
				if kd := c.a.calKind(w); kd != calBefore && kd != calMinor {
					low++
				}
			}
		}
		// "He appeared at Leeds Crown Court on Friday" is a sentence:
		// a headline leaves only small words in lower case
		if n4 >= 2 && k-start <= 60 && 4*cap4 >= 3*n4 && (low == 0 || low == 1 && n4 >= 6) {
			cands = append(cands, line{start, k})
		}
		start = k
	}
	if len(cands) == 0 {
		return
	}
	// the capitalized words of the candidate lines, by stem; true once
	// the article uses the word in lower case
	seen := map[uint64]bool{}
	for _, l := range cands {
		for x := l.i; x < l.j; x++ {
			if c.capWord(x) && letters(c.word(x)) >= 3 {
				seen[stemHash(c.word(x))] = false
			}
		}
	}
	for x := range ts {
		if !c.isWord(x) {
			continue
		}
		w := c.word(x)
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) || len(w) < 3 {
			continue
		}
		h := stemHash(w)
		if _, ok := seen[h]; ok {
			seen[h] = true
		}
	}
	c.lowerSeen = seen
	for _, l := range cands {
		for x := l.i + 1; x < l.j; x++ {
			if !c.capWord(x) || c.sentInitial(x) || allCaps(c.word(x)) {
				continue
			}
			// weekdays and months are capitalized in any English sentence
			if c.a.isCalendar(c.word(x)) {
				continue
			}
			if (!c.knownName(x) && c.commonish(x)) || c.titleVerb(l.i, x) {
				c.heads = append(c.heads, kilde.Span{Start: ts[l.i].Start, End: ts[l.j-1].End})
				break
			}
		}
	}
}

// inHeads reports whether sp lies inside one of the title-case lines.
func inHeads(heads []kilde.Span, sp kilde.Span) bool {
	k := sort.Search(len(heads), func(k int) bool { return heads[k].End >= sp.End })
	return k < len(heads) && heads[k].Start <= sp.Start
}

// commonish reports whether token k reads as an ordinary word: a common
// word of the model, or a word the article uses in lower case.
func (c *ruleCtx) commonish(k int) bool {
	if c.commonAt(k) || c.lowerSeen[stemHash(c.word(k))] {
		return true
	}
	// "Returns", "Hammers": a common word with a verb's or plural's -s
	w := c.word(k)
	m := c.model(c.d.Tokens[k].Start)
	if m == nil || len(w) < 5 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	_, ok := m.common[hashLower(w[:len(w)-1])]
	if !ok && strings.HasSuffix(w, "es") {
		_, ok = m.common[hashLower(w[:len(w)-2])]
	}
	return ok
}

// titleVerb reports whether token k, in a span starting at token i inside
// a title-case line, reads as a verb after a name: it ends in -s, follows
// two or more capitalized words of the span and is no name the models know
// ("Hillary Clinton Slams", "Morton Blackwell Endorses"; not "Bernie
// Sanders", whose "Sanders" the models know).
func (c *ruleCtx) titleVerb(i, k int) bool {
	w := c.word(k)
	if k-i < 2 || len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || allCaps(w) || !c.capWord(k-1) || !c.capWord(k-2) {
		return false
	}
	if c.knownName(k) {
		return false
	}
	m := c.model(c.d.Tokens[k].Start)
	return m != nil && m.gazKind(w) != 5
}

// splitHeadlines cuts the spans inside title-case lines at the words that
// are not part of a name there: weekdays and months, and common or
// lower-case-elsewhere words ("Says", "Will", "Endorses") that the article
// does not use in a name outside the title lines and that the models do not
// know as names. A first name that is a common word ("Bill") stays when a
// name word follows it. A span whose whole text is a fixed name or a name
// found outside the title lines stays whole.
func (c *ruleCtx) splitHeadlines() {
	if len(c.heads) == 0 {
		return
	}
	body := map[string]bool{}     // words of names outside the title lines
	bodyName := map[string]bool{} // those names, lower case
	for _, e := range c.ents {
		if inHeads(c.heads, e.Span) {
			continue
		}
		t := c.d.SpanText(e.Span)
		bodyName[strings.ToLower(t)] = true
		for _, w := range nameWords(t) {
			body[stripPossessive(w)] = true
		}
	}
	var out []kilde.Entity
	for _, e := range c.ents {
		if !inHeads(c.heads, e.Span) {
			out = append(out, e)
			continue
		}
		t := c.d.SpanText(e.Span)
		if _, ok := c.a.rules.fixedLabel[t]; ok || bodyName[strings.ToLower(t)] {
			out = append(out, e)
			continue
		}
		i, j := c.tokRange(e.Span)
		bad := func(k int) bool {
			if !c.isWord(k) {
				return false
			}
			w := c.word(k)
			switch {
			case c.a.isCalendar(w):
				return true
			case body[stripPossessive(w)] || c.knownName(k):
				return false
			case !c.commonish(k):
				return c.titleVerb(i, k)
			}
			m := c.model(c.d.Tokens[k].Start)
			// a first name before a name word: "Bill Cosby"
			return !(m != nil && m.gazKind(w) == 5 && k+1 < j && c.capWord(k+1) && !c.commonish(k+1) && !c.a.isCalendar(c.word(k+1)))
		}
		split := false
		for k := i; k < j; k++ {
			if bad(k) {
				split = true
				break
			}
		}
		if !split {
			out = append(out, e)
			continue
		}
		for k := i; k < j; {
			if bad(k) {
				k++
				continue
			}
			q := k
			for q < j && !bad(q) {
				q++
			}
			sp := c.trimPunct(k, q)
			if sp.End > e.End {
				sp.End = e.End // a possessive cut from the span stays out
			}
			if sp.End > sp.Start && letters(c.d.Text[sp.Start:sp.End]) >= 2 {
				l := e.Label
				if sp != e.Span {
					l = c.knownLabel(c.d.Text[sp.Start:sp.End], e.Label)
				}
				out = append(out, kilde.Entity{Span: sp, Label: l})
			}
			k = q
		}
	}
	c.ents = out
}

// calendarEdges cuts weekdays and months off the edges of person, place and
// organisation names ("Pence Thursday", "Miami Tuesday", "Hungarian
// Parliament on Monday", "in March Rubio"), anywhere in the article. A
// trailing month that is also a name ("Theresa May") stays; a leading month
// goes only after a date word ("in", "since", "i", "siden"). A name that is
// a single common word and a weekday stays whole ("Super Tuesday", "Black
// Friday"), as do MISC names ("Saturday Night Live"). A person, place or
// organisation that is only calendar words is dropped.
func (c *ruleCtx) calendarEdges() {
	a := c.a
	var out []kilde.Entity
	changed := false
	for _, e := range c.ents {
		if e.Label == "MISC" {
			out = append(out, e)
			continue
		}
		i, j := c.tokRange(e.Span)
		i0, j0 := i, j
		for i < j {
			w := c.word(i)
			k := a.calKind(w)
			if k == calWeekday || ((k == calMonth || k == calNameMonth) && i > 0 && a.calKind(c.word(i-1)) == calBefore && i == i0) {
				i++
				continue
			}
			break
		}
		for j > i {
			k := a.calKind(c.word(j - 1))
			if k == calWeekday || k == calMonth {
				j--
				// "on Monday", "om mandagen"
				if j > i && a.calKind(c.word(j-1)) == calBefore && !c.capWord(j-1) {
					j--
				}
				continue
			}
			break
		}
		if i == i0 && j == j0 {
			out = append(out, e)
			continue
		}
		sp := c.trimPunct(i, j)
		if sp.End <= sp.Start {
			changed = true // only calendar words: not a name
			continue
		}
		if x, y := c.tokRange(sp); y-x == 1 && c.commonAt(x) && !c.knownName(x) {
			out = append(out, e) // "Super Tuesday", "Black Friday"
			continue
		}
		changed = true
		out = append(out, kilde.Entity{Span: sp, Label: e.Label})
	}
	if changed {
		c.ents = out
	}
}

// stripCalendar drops weekdays and months (not those that are names too)
// from the end of a name's words, and weekdays from its start, for a
// canonical name; a name of calendar words only is kept as it is.
func (a *Annotator) stripCalendar(w []string) []string {
	i, j := 0, len(w)
	for i < j && a.calKind(w[i]) == calWeekday {
		i++
	}
	for j > i {
		k := a.calKind(w[j-1])
		if k == calWeekday || k == calMonth {
			j--
			if j > i && a.calKind(w[j-1]) == calBefore {
				if r, _ := utf8.DecodeRuneInString(w[j-1]); unicode.IsLower(r) {
					j--
				}
			}
			continue
		}
		break
	}
	if i >= j || (i == 0 && j == len(w)) {
		return w
	}
	// "Super Tuesday", "Black Friday": a name of one common word and a day
	if j-i == 1 && a.commonWord(w[i]) {
		return w
	}
	return w[i:j]
}

// commonWord reports whether either model has the lower form of w as a
// common word.
func (a *Annotator) commonWord(w string) bool {
	h := hashLower(w)
	for _, m := range []*Model{a.da, a.en} {
		if m != nil {
			if _, ok := m.common[h]; ok {
				return true
			}
		}
	}
	return false
}
