package quote

import (
	"github.com/kilde-news/kilde/dateline"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

// speaker is who a quote is attributed to.
type speaker struct {
	ok         bool
	name       string // canonical name or description
	span       kilde.Span
	start, end int    // token range of the phrase
	role       string // role word, "" if none
	gender     byte   // 'm', 'f' or 0
	pron       uint32 // pronoun class when the phrase is a pronoun
	desc       bool   // a description, not a name
	head       int    // end of a description's noun phrase, before a relative clause
	org        bool
	person     bool
	addressee  string
	tail       int // end of a participle phrase after a description ("a report published last week"), 0 if none
}

// mention is a person or organisation named in the text.
type mention struct {
	pos    int
	name   string
	gender byte
	org    bool
	person bool
	desc   bool
	role   string
	spk    bool // a speaker found at a cue
}

// nameRef is a multi-word name seen in the text.
type nameRef struct {
	pos         int
	text        string
	first, last string // lower-case first and last word
}

func (st *state) word(i int) bool {
	return i >= 0 && i < len(st.toks) && (st.toks[i].k == tWord)
}

func (st *state) class(i int) uint32 {
	if !st.word(i) {
		return 0
	}
	return st.lx.words[st.toks[i].low]
}

// xclass returns the ptcp, issue and ptime classes of token i.
func (st *state) xclass(i int) uint32 {
	if !st.word(i) {
		return 0
	}
	return st.lx.extra[st.toks[i].low]
}

// cueAt reports the cue starting at token i: its kind and the token after it.
func (st *state) cueAt(i int) (string, int) {
	if !st.word(i) {
		return "", i
	}
	w := st.toks[i].low
	for _, p := range st.lx.multi[w] {
		j := i + 1
		ok := true
		for _, r := range p.rest {
			if j >= len(st.toks) || st.toks[j].low != r || st.toks[j].sent != st.toks[i].sent {
				ok = false
				break
			}
			j++
		}
		if ok {
			return p.kind, j
		}
	}
	if k, ok := st.lx.cues[w]; ok {
		return k, i + 1
	}
	return "", i
}

func (st *state) isCue(i int) bool { _, e := st.cueAt(i); return e > i }

func (st *state) isRole(i int) (bool, byte) {
	if !st.word(i) {
		return false, 0
	}
	return st.lx.role(st.toks[i].low)
}

// nameTok reports whether token i can be part of a name.
func (st *state) nameTok(i int, initial bool) bool {
	if !st.word(i) {
		return false
	}
	t := st.toks[i]
	if !t.cap && !(t.k == tWord && isUpperWord(st.text[t.s:t.e])) {
		return false
	}
	c := st.lx.words[t.low]
	if c&wNat != 0 {
		return false // "the Dane", "the Italian": a description
	}
	if c&(wPron|wNonname) != 0 && (initial || c&(wPron|wTime) != 0 || t.low == "i") {
		return false
	}
	if ok, _ := st.lx.role(t.low); ok {
		return false
	}
	if st.isCue(i) && (t.first || initial) {
		return false
	}
	if t.first {
		if _, ok := st.lx.roleDef(t.low); ok {
			return false
		}
	}
	return true
}

func isUpperWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// nameAt reports whether a name starts at token i and the token after it.
func (st *state) nameAt(i int) (int, bool) {
	if !st.word(i) || st.class(i)&wNat != 0 && (st.entAt(i) < 0 || i+1 >= len(st.toks) || st.entAt(i+1) != st.entAt(i)) {
		return i, false
	}
	if e := st.entAt(i); e >= 0 {
		en := st.ents[e]
		if en.Start < st.toks[i].s-1 {
			return i, false
		}
		j := i + 1
		for j < len(st.toks) && st.toks[j].s < en.End {
			j++
		}
		return j, en.Label == "PER" || en.Label == "ORG" || en.Label == "LOC" || en.Label == "MISC"
	}
	if st.hasEnts && st.toks[i].first {
		return i, false // the tagger saw no entity here
	}
	if !st.nameTok(i, st.toks[i].first || st.toks[i].qs) {
		return i, false
	}
	j := i + 1
	for j < len(st.toks) && j < i+6 && st.toks[j].sent == st.toks[i].sent && !st.genitive(j-1) {
		if st.nameTok(j, false) {
			// a first name after a word that is not one starts a new name:
			// "Landbrugsforeningen Peder Mogensen", "Venstres Stephanie Lose"
			if st.a.first[st.text[st.toks[j].s:st.toks[j].e]] != 0 && st.a.first[st.text[st.toks[j-1].s:st.toks[j-1].e]] == 0 && !isAllCaps(st.text[st.toks[j].s:st.toks[j].e]) {
				break
			}
			j++
			continue
		}
		// "TV 2 Lorry", "DR 1": a channel number after an acronym
		if st.toks[j].k == tNum && st.toks[j].e-st.toks[j].s <= 2 && isAllCaps(st.text[st.toks[j-1].s:st.toks[j-1].e]) && st.toks[j].s == st.toks[j-1].e+1 {
			j++
			continue
		}
		// "Midt- og Vestsjællands Politi"
		if st.toks[j].low == "-" && st.toks[j].s == st.toks[j-1].e && j+2 < len(st.toks) && (st.toks[j+1].low == "og" || st.toks[j+1].low == "and") && st.nameTok(j+2, false) {
			j += 3
			continue
		}
		if st.class(j)&wConn != 0 && st.nameTok(j+1, false) {
			j += 2
			continue
		}
		break
	}
	return j, true
}

// nameSpeaker makes a speaker from the name at tokens [i, j).
func (st *state) nameSpeaker(i, j int) speaker {
	sp := speaker{ok: true, start: i, end: j, span: kilde.Span{Start: st.toks[i].s, End: st.toks[j-1].e}}
	if e := st.entAt(i); e >= 0 {
		en := st.ents[e]
		sp.span = en.Span
		sp.name = en.Canonical
		if sp.name == "" {
			sp.name = st.text[en.Start:en.End]
		}
		sp.org = en.Label == "ORG"
		sp.person = en.Label == "PER"
	} else {
		sp.name = st.canonical(i, j)
		sp.person = j-i >= 2 && st.a.first[firstWord(sp.name)] != 0
	}
	sp.gender = st.gender(sp.name)
	if sp.gender != 0 {
		sp.person, sp.org = true, false
	}
	// a role right before: "transportminister Benny Engelbrecht", "the Republican nominee Donald Trump"
	for k := i - 1; k >= 0 && k >= i-3 && st.toks[k].sent == st.toks[i].sent; k-- {
		if ok, g := st.isRole(k); ok {
			sp.role = st.roleText(k)
			if sp.gender == 0 {
				sp.gender = g
			}
			sp.person = true
			break
		}
		if !st.word(k) || st.isCue(k) || st.class(k)&(wPrep|wAddr) != 0 && st.class(k)&wConn == 0 {
			break // "sygeplejerske på Odense Universitetshospital": not its role
		}
	}
	return sp
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// canonical returns the best full name for the name at tokens [i, j): a
// surname alone becomes the nearest full name with that surname, "Donald J.
// Trump" becomes "Donald Trump" when that was written.
func (st *state) canonical(i, j int) string {
	text := st.text[st.toks[i].s:st.toks[j-1].e]
	// drop a Danish/English possessive? no: names as speakers are not possessive.
	pos := st.toks[i].s
	if j-i == 1 {
		w := st.toks[i].low
		best := ""
		bestDist := -1
		for _, ni := range st.byLast[w] {
			n := st.names[ni]
			d := pos - n.pos
			if d < 0 {
				d = -d + 1<<20 // prefer earlier mentions
			}
			if bestDist < 0 || d < bestDist {
				best, bestDist = n.text, d
			}
		}
		if best != "" {
			return best
		}
		return text
	}
	if j-i >= 3 {
		f, l := st.toks[i].low, st.toks[j-1].low
		for _, ni := range st.byLast[l] {
			n := st.names[ni]
			if n.first == f && len(n.text) < len(text) {
				return n.text
			}
		}
	}
	return text
}

// collectNames records every multi-word name and every person and
// organisation mention, for canonical names and pronouns.
func (st *state) collectNames() {
	if st.hasEnts {
		for _, e := range st.ents {
			if e.Label != "PER" && e.Label != "ORG" || dateline.Contains(st.text, e.Start) {
				continue
			}
			n := e.Canonical
			if n == "" {
				n = st.d.SpanText(e.Span)
			}
			m := mention{pos: e.Start, name: n, org: e.Label == "ORG", person: e.Label == "PER"}
			if g := st.gender(n); g != 0 {
				m.gender, m.person, m.org = g, true, false
			}
			if m.person {
				m.role = st.mentionRole(st.tokAt(e.Start), st.tokAt(e.End))
			}
			st.ments = append(st.ments, m)
		}
		return
	}
	for i := 0; i < len(st.toks); {
		j, ok := st.nameAt(i)
		if !ok {
			i++
			continue
		}
		if j-i >= 2 {
			text := st.text[st.toks[i].s:st.toks[j-1].e]
			st.byLast[st.toks[j-1].low] = append(st.byLast[st.toks[j-1].low], len(st.names))
			st.names = append(st.names, nameRef{pos: st.toks[i].s, text: text, first: st.toks[i].low, last: st.toks[j-1].low})
		}
		i = j
	}
	for i := 0; i < len(st.toks); {
		j, ok := st.nameAt(i)
		if !ok || st.toks[i].inQ {
			i = max(i+1, j)
			continue
		}
		if dateline.Contains(st.text, st.toks[i].s) {
			i = j
			continue
		}
		sp := st.nameSpeaker(i, j)
		if sp.role == "" && sp.person {
			sp.role = st.mentionRole(i, j)
		}
		if sp.person || sp.role != "" || j-i >= 2 && !isAllCaps(st.text[st.toks[i].s:st.toks[j-1].e]) && !st.genitive(j-1) {
			st.ments = append(st.ments, mention{pos: sp.span.Start, name: sp.name, gender: sp.gender, person: sp.person || sp.role != "", role: sp.role})
		} else if isAllCaps(st.text[st.toks[i].s:st.toks[j-1].e]) {
			st.ments = append(st.ments, mention{pos: sp.span.Start, name: sp.name, org: true})
		} else if !st.toks[i].first {
			st.ments = append(st.ments, mention{pos: sp.span.Start, name: sp.name})
		}
		i = j
	}
}

// mentionRole returns the role of the person named at tokens [i, j): a role
// word right before ("udenrigsminister Jeppe Kofod"), or a predicate after
// ("Hanne Holm, 58, er sygeplejerske", "X has been a nurse", "X, a nurse,").
func (st *state) mentionRole(i, j int) string {
	for k := i - 1; k >= 0 && k >= i-3 && st.toks[k].sent == st.toks[min(i, len(st.toks)-1)].sent; k-- {
		if ok, _ := st.isRole(k); ok {
			return st.roleText(k)
		}
		if !st.word(k) || st.isCue(k) || st.class(k)&(wPrep|wAddr) != 0 {
			break
		}
	}
	k := j
	// an age: ", 58," / "(58)"
	if k+2 < len(st.toks) && (st.toks[k].low == "," || st.toks[k].low == "(") && st.toks[k+1].k == tNum && (st.toks[k+2].low == "," || st.toks[k+2].low == ")") {
		k += 3
	}
	if k < len(st.toks) && st.toks[k].low == "," {
		k++
	} else {
		switch {
		case k < len(st.toks) && (st.toks[k].low == "er" || st.toks[k].low == "var" || st.toks[k].low == "is" || st.toks[k].low == "was"):
			k++
		case k+1 < len(st.toks) && (st.toks[k].low == "har" && st.toks[k+1].low == "været" || st.toks[k].low == "has" && st.toks[k+1].low == "been"):
			k += 2
		default:
			return ""
		}
	}
	for n := 0; n < 3 && k < len(st.toks) && st.word(k); n++ {
		if ok, _ := st.isRole(k); ok {
			return st.roleText(k)
		}
		if st.class(k)&wDet == 0 && n > 0 && !strings.HasSuffix(st.toks[k].low, "e") {
			break
		}
		k++
	}
	return ""
}

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// addMention inserts a resolved speaker as a mention, keeping order.
func (st *state) addMention(sp speaker) {
	if !sp.ok || sp.pron != 0 || sp.name == "" {
		return
	}
	m := mention{pos: sp.span.Start, name: sp.name, gender: sp.gender, org: sp.org, person: sp.person || !sp.org && !sp.desc && strings.Contains(sp.name, " "), desc: sp.desc, role: sp.role, spk: true}
	k := len(st.smen)
	for k > 0 && st.smen[k-1].pos > m.pos {
		k--
	}
	if k > 0 && st.smen[k-1].pos == m.pos {
		st.smen[k-1] = m
		return
	}
	st.smen = slices.Insert(st.smen, k, m)
}

// eachBefore calls fn on the mentions before byte pos, nearest first (a
// speaker before a plain mention at the same place), until fn returns false
// or max mentions were seen.
func (st *state) eachBefore(pos, max int, fn func(m *mention) bool) {
	a := sort.Search(len(st.ments), func(i int) bool { return st.ments[i].pos >= pos }) - 1
	b := sort.Search(len(st.smen), func(i int) bool { return st.smen[i].pos >= pos }) - 1
	for n := 0; n < max && (a >= 0 || b >= 0); n++ {
		var m *mention
		if b >= 0 && (a < 0 || st.smen[b].pos >= st.ments[a].pos) {
			m = &st.smen[b]
			b--
		} else {
			m = &st.ments[a]
			a--
		}
		if !fn(m) {
			return
		}
	}
}

// stop reports whether token i ends a speaker phrase.
func (st *state) stopTok(i int) bool {
	t := st.toks[i]
	if t.k != tWord && t.k != tNum {
		return t.k != tPunct || t.low != "-"
	}
	c := st.lx.words[t.low]
	return c&(wComp|wPrep|wRel|wVerb|wAddr) != 0 && !(c&wConn != 0 && st.nameTok(i+1, false)) || st.isCue(i)
}

// npAfter parses the speaker phrase that starts at token i and ends before
// lim: a pronoun, a name with its role, or a description.
func (st *state) npAfter(i, lim int) speaker {
	if i >= lim || i >= len(st.toks) || !st.word(i) {
		return speaker{}
	}
	if c := st.class(i); c&wPron != 0 {
		return speaker{ok: true, start: i, end: i + 1, pron: c & wPron, span: kilde.Span{Start: st.toks[i].s, End: st.toks[i].e}}
	}
	if c := st.class(i); c&(wComp|wPrep|wRel|wAddr|wAdv) != 0 && c&wDet == 0 {
		return speaker{}
	}
	var best speaker
	modName := false
	role, roleG := "", byte(0)
	k := i
	for k < lim && k < i+10 {
		if k > i && st.class(k)&wTime != 0 {
			break // "oplyste selskabet tirsdag"
		}
		// "a statement issued on Feb. 8", "en rapport offentliggjort i dag":
		// the participle phrase is no part of the description
		if k > i && st.ptcp(k) && (st.class(k-1)&wDoc != 0 || st.ptcpEnd(k+1, lim) > k+1) && best.ok == false && !st.roleNext(k+1, lim) {
			break
		}
		if st.stopTok(k) && !(k == i && st.class(k)&wDet != 0) {
			// "formand for Landbrugsforeningen Peder Mogensen": a role's
			// organisation, then the person
			if role != "" && st.class(k)&wPrep != 0 && st.class(k)&wAddr == 0 {
				if j, ok := st.nameAt(k + 1); ok && j < lim {
					n := j
					if n+1 < lim && st.toks[n].low == "," {
						n++ // "direktør i Vestas, Henrik Andersen"
					}
					if j2, ok2 := st.nameAt(n); ok2 && j2 <= lim {
						sp := st.nameSpeaker(n, j2)
						sp.role, sp.person = role, true
						if sp.gender == 0 {
							sp.gender = roleG
						}
						return sp
					}
				}
			}
			// "Venstres formand, Jakob Ellemann-Jensen"
			if role != "" && st.toks[k].low == "," {
				if j, ok := st.nameAt(k + 1); ok && j <= lim {
					sp := st.nameSpeaker(k+1, j)
					sp.role, sp.person = role, true
					if sp.gender == 0 {
						sp.gender = roleG
					}
					return sp
				}
			}
			break
		}
		if j, ok := st.nameAt(k); ok && j <= lim {
			sp := st.nameSpeaker(k, j)
			if sp.role == "" && role != "" {
				sp.role = role
				if sp.gender == 0 {
					sp.gender = roleG
				}
			}
			best = sp
			modName = false
			k = j
			if st.genitive(j - 1) { // "Trump's campaign manager Kellyanne Conway"
				best = speaker{}
				continue
			}
			// a genitive name before a role and another name: keep looking;
			// with no name after the role, the name was a modifier of a
			// description ("a senior Donald Trump adviser")
			if k < lim {
				if ok, _ := st.isRole(k); ok {
					modName = best.start > i && st.class(i)&wDet != 0
					continue
				}
				// "Vestas' direktør, X", "Carlsbergs administrerende
				// direktør X": an organisation's role, then the person
				k2 := k
				if w := st.toks[k2].low; (w == "'" || w == "’") && k2+1 < lim && st.toks[k2].s == st.toks[k2-1].e {
					k2++
				}
				if st.roleNext(k2, lim) && st.nameLater(k2, lim) {
					k = k2
					continue
				}
			}
			break
		}
		if ok, g := st.isRole(k); ok {
			role, roleG = st.toks[k].low, g
		}
		k++
	}
	if best.ok && modName {
		best = speaker{}
	}
	if best.ok {
		st.appositionRole(&best, lim)
		return best
	}
	// a description: words up to the stop, with a relative clause
	if k == i {
		return speaker{}
	}
	// "a statement from the ministry", "en rapport fra Finansministeriet":
	// the source is who issued the document
	if k+1 < lim && st.class(k-1)&wDoc != 0 {
		switch st.toks[k].low {
		case "from", "by", "fra", "af":
			if sp := st.npAfter(k+1, lim); sp.ok && sp.pron == 0 {
				return sp
			}
		}
	}
	// "a report published on Tuesday by the ministry", "en opgørelse lavet
	// af Danmarks Statistik": the maker; else the phrase ends before the
	// participle and its time phrase
	tail := 0
	if k < lim && st.ptcp(k) {
		p := st.ptcpEnd(k+1, lim)
		for p < lim && st.toks[p].low != "," && p < k+3 && !st.issuerWord(p) && st.cx(p)&wPtime != 0 {
			p++
		}
		if st.class(k-1)&wDoc != 0 && p+1 < lim && st.issuerWord(p) && st.toks[p].low != "from" && st.toks[p].low != "fra" {
			if sp := st.npAfter(p+1, lim); sp.ok && sp.pron == 0 {
				return sp
			}
		}
		tail = p
	}
	content := false
	for m := i; m < k; m++ {
		if st.class(m)&(wDet|wNonname) == 0 && st.word(m) {
			content = true
		}
	}
	if !content {
		return speaker{}
	}
	e := k
	if k+1 < lim && st.toks[k].low == "," && st.class(k+1)&wRel != 0 {
		m := k + 2
		for m < lim && m < k+16 && st.toks[m].low != "," && st.toks[m].k != tMark && !(st.toks[m].k == tPunct && (st.toks[m].low == "." || st.toks[m].low == "!" || st.toks[m].low == "?" || st.toks[m].low == ":")) {
			m++
		}
		e = m
	}
	if !st.goodDesc(i, k) {
		return speaker{}
	}
	sp := speaker{ok: true, desc: true, start: i, end: e, span: kilde.Span{Start: st.toks[i].s, End: st.toks[e-1].e}, role: role, gender: roleG}
	sp.name = st.text[sp.span.Start:sp.span.End]
	sp.head = k
	if e == k && tail > k {
		sp.tail = tail
	}
	return sp
}

// appositionRole takes a role from ", direktør i X," right after a name.
func (st *state) appositionRole(sp *speaker, lim int) {
	k := sp.end
	if sp.role != "" || k+1 >= lim || st.toks[k].low != "," {
		return
	}
	// the head role word: "a former Pennsylvania governor" → governor
	for m := k + 1; m < lim && m <= k+5; m++ {
		if ok, g := st.isRole(m); ok {
			sp.role = st.toks[m].low
			if sp.gender == 0 {
				sp.gender = g
			}
			sp.person = true
			continue
		}
		if !st.word(m) || st.class(m)&(wPrep|wRel|wComp|wVerb) != 0 || st.isCue(m) || sp.role != "" && !st.toks[m].cap {
			return
		}
	}
}

// resolveRole turns a role description ("statsministeren", "the senator")
// into the person last named with that role.
func (st *state) resolveRole(sp *speaker, i, k int) {
	// "den 47-årige pædagog", "the 34-year-old": the person introduced with
	// that age ("Mette Holm, 47, …"), else the person in focus; "the Dane",
	// "danskeren": the person in focus
	if age := st.ageIn(i, k); age != "" {
		if st.personWithAge(sp, age) {
			return
		}
		if st.definite(i, k) || st.class(i)&wDet != 0 {
			st.focusPerson(sp, 4)
			if !sp.desc {
				return
			}
		}
	}
	for m := i; m < k; m++ {
		if st.class(m)&wNat != 0 && (st.definite(i, k) || st.lx.code == "da") {
			st.focusPerson(sp, 4)
			if !sp.desc {
				return
			}
			break
		}
	}
	// "selskabet", "the company": the organisation last named
	// (English only with the entity layer: capitals alone do not make an
	// organisation there — "EB-5", "NATO summit")
	if st.definite(i, k) && st.class(k-1)&wOrgNoun != 0 && (k-i == 1 || k-i == 2 && st.class(i)&wDet != 0) && (st.lx.code != "en" || st.hasEnts) {
		blk := st.blockOf(sp.span.Start)
		st.eachBefore(sp.span.Start, 200, func(m *mention) bool {
			if blk-st.blockOf(m.pos) > 6 {
				return false
			}
			if m.org && !m.desc && m.name != "" {
				sp.name, sp.desc, sp.org, sp.person = m.name, false, true, false
				return false
			}
			return true
		})
		if !sp.desc {
			return
		}
	}
	role := ""
	for m := i; m < k; m++ {
		if !st.word(m) {
			continue
		}
		w := st.toks[m].low
		if ok, _ := st.lx.role(w); ok {
			role = w
		} else if r, ok := st.lx.roleDef(w); ok {
			role = r
		}
	}
	if role == "" {
		st.resolveDefinite(sp, i, k)
		// "den 23-årige": an adjective after "den" refers to a person
		if sp.desc && st.lx.code == "da" && k-i == 2 && (st.toks[i].low == "den") && strings.HasSuffix(st.toks[k-1].low, "e") {
			st.lastPerson(sp)
		}
		return
	}
	if sp.role == "" {
		sp.role = role
	}
	found := false
	mods := st.capWords(i, max(k, sp.end))
	st.eachBefore(sp.span.Start, 200, func(m *mention) bool {
		if m.role == "" || m.name == sp.name {
			return true
		}
		if (m.role == role || strings.HasSuffix(m.role, role)) && st.near(m.pos, sp.span.Start, mods) {
			// a named person, or an earlier description with that role
			// ("USA's udenrigsminister" … "ministeren")
			sp.name, sp.desc, sp.person, sp.gender = m.name, m.desc, true, m.gender
			found = true
			return false
		}
		return true
	})
	if found {
		return
	}
	// "den tidligere generalsekretær", "ministeren": a definite role refers
	// to the person last named in the two blocks before, unless a name
	// inside ties it to someone else ("The Ohio governor")
	if st.definite(i, k) && !st.capInside(i, max(k, sp.end)) {
		st.lastPerson(sp)
	}
}

// capWords returns the capitalized words inside the description [i, k)
// after its first word: "The Ohio governor" → Ohio.
func (st *state) capWords(i, k int) []string {
	var ws []string
	for m := i + 1; m < k && m < len(st.toks); m++ {
		if st.word(m) && st.toks[m].cap && !st.toks[m].first {
			ws = append(ws, st.text[st.toks[m].s:st.toks[m].e])
		}
	}
	return ws
}

// near reports whether every word of ws is written close to the mention at
// byte pos, before the description at byte end: "Ohio Gov. John Kasich"
// ties "The Ohio governor" to Kasich, "Ed Rendell, a former Pennsylvania
// governor" does not.
func (st *state) near(pos, end int, ws []string) bool {
	if len(ws) == 0 {
		return true
	}
	lo, hi := max(pos-60, 0), min(pos+100, end, len(st.text))
	if lo >= hi {
		return false
	}
	win := st.text[lo:hi]
	for _, w := range ws {
		if !strings.Contains(win, w) {
			return false
		}
	}
	return true
}

// capInside reports whether a capitalized word that is not the first of its
// sentence lies inside the description [i, k): "The Ohio governor".
func (st *state) capInside(i, k int) bool {
	for m := i + 1; m < k; m++ {
		if st.word(m) && st.toks[m].cap && !st.toks[m].first {
			return true
		}
	}
	return false
}

// ageIn returns the age in a description ("47-årige", "34-year-old"), or "".
func (st *state) ageIn(i, k int) string {
	for m := i; m < k && m < len(st.toks); m++ {
		w := st.toks[m].low
		n := 0
		for n < len(w) && w[n] >= '0' && w[n] <= '9' {
			n++
		}
		if n > 0 && n <= 3 && (strings.HasPrefix(w[n:], "-årig") || w[n:] == "-year-old") {
			return w[:n]
		}
	}
	return ""
}

// personWithAge makes sp the person last introduced with that age: "Mette
// Holm, 47, er pædagog", "Sarah Miller (34)".
func (st *state) personWithAge(sp *speaker, age string) bool {
	for t := min(sp.start, len(st.toks)) - 1; t >= 2 && t >= sp.start-3000; t-- {
		if st.toks[t].k != tNum || st.toks[t].low != age || st.toks[t].inQ {
			continue
		}
		if p := st.toks[t-1].low; p != "," && p != "(" {
			continue
		}
		lo, _ := st.blockToks(st.toks[t].blk)
		if p := st.npBefore(t-1, lo); p.ok && !p.desc && p.pron == 0 && p.name != "" {
			sp.name, sp.desc, sp.person, sp.gender, sp.org = p.name, false, true, p.gender, false
			return true
		}
	}
	return false
}

// focusPerson makes sp the person last named in the n blocks before it.
func (st *state) focusPerson(sp *speaker, n int) {
	blk := st.blockOf(sp.span.Start)
	st.eachBefore(sp.span.Start, 100, func(m *mention) bool {
		if blk-st.blockOf(m.pos) > n {
			return false
		}
		if m.person && !m.desc && m.name != "" {
			sp.name, sp.desc, sp.person, sp.gender = m.name, false, true, m.gender
			return false
		}
		return true
	})
}

// lastPerson makes sp the person last named in the two blocks before it.
func (st *state) lastPerson(sp *speaker) {
	blk := st.blockOf(sp.span.Start)
	st.eachBefore(sp.span.Start, 100, func(m *mention) bool {
		if blk-st.blockOf(m.pos) > 2 {
			return false
		}
		if m.person && !m.desc && m.name != "" {
			sp.name, sp.desc, sp.person, sp.gender = m.name, false, true, m.gender
			return false
		}
		return true
	})
}

// definite reports whether the description [i, k) is definite: "den …",
// "the …", or a Danish noun with a definite ending.
func (st *state) definite(i, k int) bool {
	if i >= k {
		return false
	}
	w := st.toks[i].low
	if w == "den" || w == "det" || w == "the" || w == "this" {
		return true
	}
	if st.lx.code == "da" && k-i == 1 {
		return strings.HasSuffix(w, "en") || strings.HasSuffix(w, "et") || strings.HasSuffix(w, "n")
	}
	return false
}

// resolveDefinite links a definite description without a role to an earlier
// mention: "kilden" → "en kilde, som …", "ministeriet" → "Justitsministeriet".
func (st *state) resolveDefinite(sp *speaker, i, k int) {
	if st.lx.code != "da" || k-i != 1 && !(k-i >= 2 && st.class(i)&wDet != 0) {
		return
	}
	w := st.toks[k-1].low
	stems := []string{w}
	for _, suf := range []string{"en", "et", "n", "t"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			stems = append(stems, w[:len(w)-len(suf)])
		}
	}
	st.eachBefore(sp.span.Start, 200, func(m *mention) bool {
		if m.name == "" {
			return true
		}
		ln := strings.ToLower(m.name)
		if m.desc {
			for _, f := range strings.Fields(ln) {
				f = strings.Trim(f, ",")
				if slices.Contains(stems[1:], f) {
					sp.name = m.name
					return false
				}
			}
			return true
		}
		if !m.person && len(w) >= 6 && strings.HasSuffix(ln, w) {
			sp.name, sp.desc, sp.org = m.name, false, true
			return false
		}
		// "politiet" → "Østjyllands Politi"
		for _, stem := range stems[1:] {
			if !m.person && len(stem) >= 5 && strings.HasSuffix(ln, " "+stem) {
				sp.name, sp.desc, sp.org = m.name, false, true
				return false
			}
		}
		return true
	})
}

// npBefore parses the speaker phrase that ends right before token j and
// starts at or after lo: "Mette Frederiksen siger", "the official said",
// "Clinton, who …, said".
func (st *state) npBefore(j, lo int) speaker {
	k := j - 1
	// skip auxiliaries and adverbs: "has said", "also said", "har sagt"
	for n := 0; n < 3 && k > lo && st.word(k); n++ {
		w := st.toks[k].low
		c := st.lx.words[w]
		if c&(wVerb|wAdv) != 0 || strings.HasSuffix(w, "ly") && len(w) > 4 && st.lx.code == "en" {
			k--
			continue
		}
		break
	}
	if k < lo || k < 0 {
		return speaker{}
	}
	if c := st.class(k); c&wPron != 0 {
		return speaker{ok: true, start: k, end: k + 1, pron: c & wPron, span: kilde.Span{Start: st.toks[k].s, End: st.toks[k].e}}
	}
	// a parenthesis after a name: "Mette Frederiksen (S) siger"
	if st.toks[k].low == ")" && k > lo {
		m := k - 1
		for m > lo && m > k-5 && st.toks[m].low != "(" {
			m--
		}
		if m >= 0 && st.toks[m].low == "(" {
			k = m - 1
		}
	}
	if k < lo {
		return speaker{}
	}
	// apposition: "Clinton, the Democratic nominee, said"
	if st.toks[k].low == "," {
		for m := k - 1; m > lo && m > k-25; m-- {
			if st.toks[m].low == "," || st.toks[m].k == tMark {
				if st.toks[m].low != "," {
					break
				}
				// "Bankens direktør, Carsten Egeriis, siger"
				if j, ok := st.nameAt(m + 1); ok && j == k && !st.genitive(j-1) && !st.partyCode(m+1, j) {
					sp := st.nameSpeaker(m+1, j)
					for r := m - 1; r >= lo && r >= m-3; r-- {
						if ok, g := st.isRole(r); ok {
							sp.role, sp.person = st.roleText(r), true
							if sp.gender == 0 {
								sp.gender = g
							}
							break
						}
					}
					return sp
				}
				// "En kilde, som Ritzau har talt med, fortæller"
				if st.class(m+1)&wRel != 0 {
					if sp := st.npBefore(m, lo); sp.ok && sp.desc {
						sp.end = k
						sp.span.End = st.toks[k-1].e
						sp.name = st.text[sp.span.Start:sp.span.End]
						return sp
					}
				}
				sp := st.npBefore(m, lo)
				if sp.ok && !sp.desc && sp.pron == 0 {
					if sp.role == "" {
						for r := m + 1; r < k && r <= m+4; r++ {
							if ok, g := st.isRole(r); ok {
								sp.role = st.toks[r].low
								if sp.gender == 0 {
									sp.gender = g
								}
								break
							}
						}
					}
					return sp
				}
				break
			}
		}
		return speaker{}
	}
	// a name ending at k
	if st.word(k) && (st.toks[k].cap || st.entAt(k) >= 0) && !st.genitive(k) {
		s := k
		if e := st.entAt(k); e >= 0 {
			for s > lo && st.toks[s-1].e > st.ents[e].Start {
				s--
			}
		} else {
			for s > lo && (st.nameTok(s-1, false) || st.class(s-1)&wConn != 0 && st.nameTok(s-2, false)) && st.toks[s-1].sent == st.toks[k].sent {
				s--
			}
			for s < k && !st.nameTok(s, st.toks[s].first) {
				s++
			}
		}
		for s < k {
			if e, ok := st.nameAt(s); ok && e == k+1 {
				break
			}
			s++
		}
		if e, ok := st.nameAt(s); ok && e == k+1 {
			// "Ulla Holm fra Københavns Universitet siger": the person, not the place
			if s-2 >= lo && st.class(s-1)&wPrep != 0 && st.class(s-1)&wAddr == 0 {
				p := st.npBefore(s-1, lo)
				// "Analysts at Jefferies said", "Analytikere hos Nordea siger": a
				// role noun that opens the sentence is a description, and the
				// organisation after it stays in it
				if p.ok && p.pron == 0 && p.end == s-1 && p.end-p.start == 1 && st.toks[p.start].first && st.toks[s-1].low != "of" {
					if ok, g := st.pluralRole(p.start); ok {
						d := speaker{ok: true, desc: true, start: p.start, end: e, head: e, span: kilde.Span{Start: st.toks[p.start].s, End: st.toks[e-1].e}, role: st.toks[p.start].low, gender: g}
						d.name = st.text[d.span.Start:d.span.End]
						return d
					}
				}
				if p.ok && !p.desc && p.pron == 0 {
					return p
				}
				// "The senator from Vermont said": the description, the
				// place inside it
				if p := st.npBefore(s-1, lo); p.ok && p.desc && p.end == s-1 && st.class(p.start)&wDet != 0 && st.toks[s-1].low != "of" {
					p.end, p.span.End = e, st.toks[e-1].e
					p.name = st.text[p.span.Start:p.span.End]
					return p
				}
			}
			// "Stacy Baker of Columbia, South Carolina says": the person
			if s-3 >= lo && st.toks[s-1].low == "," {
				q := s - 2
				for q > lo && q > s-6 && st.word(q) && st.toks[q].cap {
					q--
				}
				if q < s-2 && st.class(q)&wPrep != 0 && st.class(q)&wAddr == 0 {
					if p := st.npBefore(q, lo); p.ok && !p.desc && p.pron == 0 {
						return p
					}
				}
			}
			return st.nameSpeaker(s, e)
		}
	}
	// "A report published last week said": back over the participle and
	// its time phrase to the document noun
	for kk, n := k, 0; kk > lo && n < 5; kk, n = kk-1, n+1 {
		if st.ptcp(kk) && kk < k && st.class(kk-1)&wDoc != 0 && st.ptcpEnd(kk+1, k+1) == k+1 {
			k = kk - 1
			break
		}
		// "a statement Friday saying"
		if kk < k && st.class(kk)&wDoc != 0 && st.ptcpEnd(kk+1, k+1) == k+1 {
			k = kk
			break
		}
		if !(st.toks[kk].k == tNum || st.word(kk) && st.cx(kk)&(wTime|wPtime|wPrep) != 0) {
			break
		}
	}
	// a description: lower-case words back to a determiner or a stop
	m := k
	for m >= lo && m > k-6 && st.word(m) && !st.isCue(m) {
		c := st.class(m)
		if st.toks[m].cap && !st.toks[m].first && c == 0 {
			// a name inside a description that opens with a determiner: "a
			// senior Donald Trump adviser", "The Ohio governor"
			if d := st.detOver(m, lo); d >= 0 {
				m = d - 1
			}
			break // else a name inside: not a description
		}
		if c&(wComp|wRel|wPrep|wVerb|wAddr) != 0 && c&wDet == 0 {
			break
		}
		if c&wNonname != 0 && c&wDet == 0 {
			break
		}
		if c&wDet != 0 {
			m--
			break
		}
		if st.toks[m].cap && !st.toks[m].first && st.entAt(m) < 0 {
			// a capitalized word inside: "Trump campaign manager"
		}
		m--
	}
	s := m + 1
	if s > k {
		return speaker{}
	}
	content := false
	for n := s; n <= k; n++ {
		if st.class(n)&(wDet|wNonname) == 0 {
			content = true
		}
	}
	if !content {
		return speaker{}
	}
	// "A report published last week said": the document, not its participle
	for d := s; d < k; d++ {
		if st.class(d)&wDoc != 0 && st.ptcp(d+1) {
			k = d
			break
		}
	}
	// "Acme Corp issued a statement saying …", "The ministry released a
	// report saying …": the document's issuer is the speaker
	if v := s - 1; st.class(k)&wDoc != 0 && v-1 >= lo {
		if (st.toks[v].low == "out" || st.toks[v].low == "up") && v-2 >= lo {
			v-- // "put out a statement"
		}
		if st.word(v) && !st.toks[v].cap && st.cx(v)&wIssue != 0 {
			if p := st.npBefore(v, lo); p.ok {
				return p
			}
		}
	}
	if !st.goodDesc(s, k+1) {
		return speaker{}
	}
	sp := speaker{ok: true, desc: true, start: s, end: k + 1, span: kilde.Span{Start: st.toks[s].s, End: st.toks[k].e}}
	sp.name = st.text[sp.span.Start:sp.span.End]
	if ok, g := st.isRole(k); ok {
		sp.role, sp.gender = st.toks[k].low, g
	}
	sp.head = k + 1
	return sp
}

// detOver returns the determiner that opens a description across the
// capitalized words ending at m ("a senior Donald Trump adviser", "The Ohio
// governor", "the former Pennsylvania governor"), or -1: back over at most
// four capitalized words, then at most three lower-case modifiers.
func (st *state) detOver(m, lo int) int {
	n := m
	for n > lo && n > m-4 && st.word(n) && st.toks[n].cap && !st.toks[n].first && st.class(n)&wDet == 0 {
		n--
	}
	for a := 0; n >= lo && a < 4; a++ {
		if !st.word(n) {
			return -1
		}
		c := st.class(n)
		if c&wDet != 0 {
			switch st.toks[n].low {
			case "a", "an", "the", "en", "et", "den", "det":
				return n
			}
			return -1
		}
		if st.toks[n].cap || c != 0 || st.isCue(n) {
			return -1
		}
		n--
	}
	return -1
}

// resolvePronoun turns a pronoun speaker into the nearest fitting mention
// before it.
func (st *state) resolvePronoun(sp *speaker) {
	if sp.pron == 0 {
		return
	}
	pos := sp.span.Start
	blk := st.blockOf(pos)
	var fallback, fallbackSpk, fallbackPer *mention
	done := false
	st.eachBefore(pos, 400, func(m *mention) bool {
		if blk-st.blockOf(m.pos) > 6 {
			return false
		}
		switch {
		case sp.pron&(wPronM|wPronF) != 0:
			want := byte('m')
			if sp.pron&wPronF != 0 {
				want = 'f'
			}
			if m.org || !m.person && !m.desc && !m.spk && !strings.Contains(m.name, " ") {
				return true
			}
			if m.gender == want {
				st.takeMention(sp, m)
				done = true
				return false
			}
			// without a gender: a known person, then someone quoted before,
			// then any other name
			if m.gender == 0 && m.person && fallbackPer == nil {
				fallbackPer = m
			}
			if m.gender == 0 && m.spk && fallbackSpk == nil {
				fallbackSpk = m
			}
			if m.gender == 0 && fallback == nil {
				fallback = m
			}
		case sp.pron&wPronOrg != 0:
			if m.org {
				st.takeMention(sp, m)
				done = true
				return false
			}
		case sp.pron&wPronPl != 0:
			if m.org || m.desc || !m.person {
				st.takeMention(sp, m)
				done = true
				return false
			}
		}
		return true
	})
	if done {
		return
	}
	if fallbackSpk != nil {
		fallback = fallbackSpk
	}
	if fallbackPer != nil {
		fallback = fallbackPer
	}
	if fallback != nil {
		st.takeMention(sp, fallback)
		return
	}
	sp.name = ""
}

func (st *state) takeMention(sp *speaker, m *mention) {
	sp.name, sp.gender, sp.org, sp.person, sp.desc = m.name, m.gender, m.org, m.person, m.desc
	if sp.role == "" {
		sp.role = m.role
	}
}

func (st *state) blockOf(pos int) int {
	lo, hi := 0, len(st.blocks)
	for lo < hi {
		m := (lo + hi) / 2
		if st.blocks[m].End <= pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// roleText is the role word at k as written, lower-cased unless it is an
// acronym ("CEO").
func (st *state) roleText(k int) string {
	t := st.toks[k]
	if isAllCaps(st.text[t.s:t.e]) {
		return st.text[t.s:t.e]
	}
	return t.low
}

// genitive reports whether token i is a possessive: "Trump’s", "Clinton's".
// Danish genitives ("Venstres") are not marked and cannot be told from names.
func (st *state) genitive(i int) bool {
	if i < 0 || i >= len(st.toks) {
		return false
	}
	w := st.toks[i].low
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s’") || strings.HasSuffix(w, "s'")
}

// gender returns the gender of the first known first name in name (skipping
// a leading genitive or organisation: "Venstres Stephanie Lose").
func (st *state) gender(name string) byte {
	for i, w := range strings.Fields(name) {
		if i > 2 {
			break
		}
		if g := st.a.first[w]; g != 0 {
			return g
		}
	}
	return 0
}

// goodDesc reports whether tokens [i, k) can describe a speaker. English
// descriptions must look like a noun phrase: a determiner or a number first
// ("a senior official", "two officials"), a role word, or a plural noun alone
// ("officials", "lawmakers"). Danish descriptions are taken as they come.
func (st *state) goodDesc(i, k int) bool {
	if i >= k {
		return false
	}
	if st.lx.code != "en" {
		return st.goodDescDA(i, k)
	}
	if c := st.class(i); c&wDet != 0 || st.toks[i].k == tNum || st.genitive(i) {
		return true // "the official", "two officials", "Trump's campaign"
	}
	for m := i; m < k; m++ {
		if ok, _ := st.isRole(m); ok {
			return true
		}
	}
	w := st.toks[k-1].low
	return k-i <= 3 && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// goodDescDA: a Danish description starts with a determiner, a number or a
// quantifier ("en kilde", "to betjente", "flere eksperter"), contains a role
// ("statsministeren", "den tidligere minister"), or is one noun in a definite
// or plural form ("politiet", "kritikere").
func (st *state) goodDescDA(i, k int) bool {
	if c := st.class(i); c&wDet != 0 || st.toks[i].k == tNum {
		return true
	}
	switch st.toks[i].low {
	case "to", "tre", "fire", "fem", "flere", "mange", "nogle", "alle", "begge", "andre":
		return true
	}
	for m := i; m < k; m++ {
		if ok, _ := st.isRole(m); ok {
			return true
		}
		if _, ok := st.lx.roleDef(st.toks[m].low); ok {
			return true
		}
	}
	if k-i != 1 {
		return false
	}
	w := st.toks[i].low
	if len(w) < 5 {
		return false
	}
	for _, suf := range []string{"en", "et", "ne", "er", "ere"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// partyCode reports whether tokens [i, j) are a US party-state code such as
// "R-Ky." or "D-N.C.", which stands after a name, never as one.
func (st *state) partyCode(i, j int) bool {
	if j-i != 1 {
		return false
	}
	w := st.text[st.toks[i].s:st.toks[i].e]
	return len(w) >= 3 && len(w) <= 9 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-'
}

// ptcp reports whether token i is a past participle that starts a phrase
// after a noun ("a statement issued on Feb. 8", "en rapport offentliggjort i
// dag"): a listed participle, or an English lower-case word in -ed.
func (st *state) ptcp(i int) bool {
	if i < 0 || i >= len(st.toks) || !st.word(i) || st.toks[i].cap {
		return false
	}
	c := st.cx(i)
	if c&(wPtcp|wIssue) != 0 && c&^(wPtcp|wIssue|wPtime) == 0 {
		return true
	}
	w := st.toks[i].low
	return st.lx.code == "en" && c == 0 && len(w) > 4 && strings.HasSuffix(w, "ed") && !st.isCue(i)
}

// ptcpEnd returns the end of the time phrase that starts at token k after a
// participle ("on Feb. 8", "last week", "i dag", "tirsdag", "out in May"),
// k itself when there is none.
func (st *state) ptcpEnd(k, lim int) int {
	for n := 0; k < lim && n < 6; n++ {
		t := st.toks[k]
		switch {
		case t.k == tNum:
		case t.k == tPunct && t.low == "." && k+1 < lim && st.toks[k+1].k == tNum && k > 0 && st.word(k-1):
		case st.word(k) && st.cx(k)&(wTime|wPtime) != 0:
		case st.word(k) && st.class(k)&wPrep != 0 && st.class(k)&wAddr == 0 && k+1 < lim && (st.toks[k+1].k == tNum || st.word(k+1) && st.cx(k+1)&(wTime|wPtime) != 0):
		default:
			return k
		}
		k++
	}
	return k
}

// issuerWord reports whether token i is "by"/"af"/"from"/"fra", the
// preposition before a document's maker.
func (st *state) issuerWord(i int) bool {
	if i < 0 || i >= len(st.toks) {
		return false
	}
	switch st.toks[i].low {
	case "from", "by", "fra", "af":
		return true
	}
	return false
}

// pluralRole reports whether token i is a role word or its plural
// ("analysts", "analytikere", "økonomer").
func (st *state) pluralRole(i int) (bool, byte) {
	if ok, g := st.isRole(i); ok || !st.word(i) {
		return ok, g
	}
	w := st.toks[i].low
	for _, suf := range []string{"s", "e", "er"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) && (suf == "s") == (st.lx.code == "en") {
			if ok, g := st.lx.role(w[:len(w)-len(suf)]); ok {
				return ok, g
			}
		}
	}
	return false, 0
}

// cx returns all classes of token i, the kept-apart ones too.
func (st *state) cx(i int) uint32 { return st.class(i) | st.xclass(i) }

// roleNext reports whether a role word follows at k, after at most one more
// word: "administrerende direktør", "acting chief executive" — the
// participle is part of the role, not a phrase after the speaker.
func (st *state) roleNext(k, lim int) bool {
	for m := k; m < lim && m <= k+1; m++ {
		if ok, _ := st.isRole(m); ok {
			return true
		}
	}
	return false
}

// nameLater reports whether a name starts within a few tokens after k,
// before lim, past a role and a comma: "direktør, Henrik Andersen".
func (st *state) nameLater(k, lim int) bool {
	for m := k; m < lim && m <= k+4; m++ {
		if ok, _ := st.isRole(m); ok {
			continue
		}
		if st.toks[m].low == "," {
			continue
		}
		if _, ok := st.nameAt(m); ok {
			return true
		}
		if !st.word(m) || st.class(m) != 0 {
			return false
		}
	}
	return false
}
