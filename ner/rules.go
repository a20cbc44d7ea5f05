package ner

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/lexicon"
)

// Rules applied after the tagger (see docs/ner.md, "Rules after the
// tagger"). They fix patterns a linear tagger trained on 80k words gets
// wrong in news: span edges (titles and datelines glued on), organisation
// names by their head word ("Østjyllands Politi", "Office for National
// Statistics", "Sundhedsstyrelsen"), party letters, wire datelines, a list
// of fixed names, and the same name labelled alike across the article.

// ruleLists are the lexicons of the rules, parsed once.
type ruleLists struct {
	fixed      map[string][]fixedName // key: leading letters/digits of the name
	fixedLabel map[string]string      // name → label
	lastHead   map[string]bool
	placeHead  map[string]bool
	firstHead  map[string]bool
	suffixes   []string
	notSuffix  []string        // endings that are common nouns ("bestyrelsen")
	after      map[string]bool // words after a company name ("shares", "aktie")
	parties    map[string]bool
	calendar   map[uint64]uint8 // lower-form hash → calendar kind (headline.go)
	notNames   map[string]bool  // unit symbols and formulas ("MWh", "CO2"), exact case
}

type fixedName struct {
	name, label string
}

var connectors = map[string]bool{
	"of": true, "for": true, "i": true, "de": true, "del": true, "della": true, "dello": true,
	"di": true, "du": true, "des": true, "la": true, "&": true, "the": true, "d'": true, "a": true,
}

// courts are the heads that take a Danish "i" ("Retten i Kolding").
var courts = map[string]bool{"Retten": true, "Byretten": true, "Landsretten": true}

func loadRuleLists() (*ruleLists, error) {
	r := &ruleLists{
		fixed: map[string][]fixedName{}, fixedLabel: map[string]string{},
		lastHead: map[string]bool{}, placeHead: map[string]bool{}, firstHead: map[string]bool{}, parties: map[string]bool{}, after: map[string]bool{},
		calendar: map[uint64]uint8{}, notNames: map[string]bool{},
	}
	words, err := lexicon.Set("all/ner_notnames.txt")
	if err != nil {
		return nil, err
	}
	for w := range words {
		r.notNames[w] = true
	}
	units, err := lexicon.Rows("all/quantity_units.tsv", 3)
	if err != nil {
		return nil, err
	}
	for _, row := range units {
		if row[2] == "measure" && strings.ToLower(row[0]) != row[0] {
			r.notNames[row[0]] = true
		}
	}
	rows, err := lexicon.Rows("all/ner_fixed.tsv", 2)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		name, label := row[0], row[1]
		if typeIndex(label) < 0 || name == "" {
			continue
		}
		k := leadKey(name)
		r.fixed[k] = append(r.fixed[k], fixedName{name, label})
		r.fixedLabel[name] = label
	}
	for k := range r.fixed {
		// longest first
		sort.SliceStable(r.fixed[k], func(i, j int) bool { return len(r.fixed[k][i].name) > len(r.fixed[k][j].name) })
	}
	rows, err = lexicon.Rows("all/ner_orgheads.tsv", 2)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		switch row[1] {
		case "last":
			r.lastHead[row[0]] = true
		case "first":
			r.firstHead[row[0]] = true
		case "both":
			r.lastHead[row[0]] = true
			r.firstHead[row[0]] = true
		case "suffix":
			r.suffixes = append(r.suffixes, row[0])
		case "after":
			r.after[row[0]] = true
		case "notsuffix":
			r.notSuffix = append(r.notSuffix, row[0])
		case "place":
			r.placeHead[row[0]] = true
		}
	}
	rows, err = lexicon.Rows("da/ner_parties.tsv", 2)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		r.parties[row[0]] = true
	}
	rows, err = lexicon.Rows("all/ner_calendar.tsv", 2)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		if k := calKinds[row[1]]; k > 0 {
			r.calendar[hashLower(row[0])] = k
		}
	}
	return r, nil
}

// leadKey is the leading run of letters and digits of s.
func leadKey(s string) string {
	for i, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return s[:i]
		}
	}
	return s
}

// ruleCtx holds what the rules need of one document.
type ruleCtx struct {
	a         *Annotator
	d         *kilde.Doc
	ents      []kilde.Entity
	heads     []kilde.Span    // title-case lines (headline.go)
	lowerSeen map[uint64]bool // stems of their words → used in lower case
}

func (c *ruleCtx) word(i int) string { return c.d.SpanText(c.d.Tokens[i].Span) }

func (c *ruleCtx) isWord(i int) bool {
	k := c.d.Tokens[i].Kind
	return k == kilde.Word || k == kilde.Number
}

func (c *ruleCtx) capWord(i int) bool {
	if i < 0 || i >= len(c.d.Tokens) || !c.isWord(i) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(c.word(i))
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// model returns the model of the language at byte offset off.
func (c *ruleCtx) model(off int) *Model {
	if c.a.en != nil && c.d.LangAt(off) == "en" {
		return c.a.en
	}
	return c.a.da
}

// sentInitial reports whether token i starts a sentence or a line, or
// follows an opening quote or dash.
func (c *ruleCtx) sentInitial(i int) bool {
	if i == 0 {
		return true
	}
	t := c.d.Tokens[i]
	if strings.ContainsRune(c.d.Text[c.d.Tokens[i-1].End:t.Start], '\n') {
		return true
	}
	p := c.word(i - 1)
	switch p {
	case ".", "!", "?", ":", "\"", "«", "»", "“", "”", "„", "-", "–", "—", "(":
		return true
	}
	// a sentence start
	k := sort.Search(len(c.d.Sentences), func(k int) bool { return c.d.Sentences[k].Start >= t.Start })
	return k < len(c.d.Sentences) && c.d.Sentences[k].Start == t.Start
}

// commonAt reports whether the lower form of token i is a common word of the
// model at its offset.
func (c *ruleCtx) commonAt(i int) bool {
	m := c.model(c.d.Tokens[i].Start)
	if m == nil || m.common == nil {
		return false
	}
	_, ok := m.common[hashLower(c.word(i))]
	return ok
}

// tokRange returns the tokens [i, j) that span sp covers.
func (c *ruleCtx) tokRange(sp kilde.Span) (int, int) {
	ts := c.d.Tokens
	i := sort.Search(len(ts), func(k int) bool { return ts[k].End > sp.Start })
	j := i
	for j < len(ts) && ts[j].Start < sp.End {
		j++
	}
	return i, j
}

// set puts an entity on sp with label, removing the entities it overlaps.
func (c *ruleCtx) set(sp kilde.Span, label string) {
	if sp.End <= sp.Start {
		return
	}
	es := c.ents
	lo := sort.Search(len(es), func(k int) bool { return es[k].End > sp.Start })
	hi := lo
	for hi < len(es) && es[hi].Start < sp.End {
		hi++
	}
	e := kilde.Entity{Span: sp, Label: label}
	if hi > lo {
		es[lo] = e
		c.ents = append(es[:lo+1], es[hi:]...)
		return
	}
	c.ents = slices.Insert(es, lo, e)
}

// entityAt returns the index of the entity containing byte off, or -1.
func (c *ruleCtx) entityAt(off int) int {
	k := sort.Search(len(c.ents), func(k int) bool { return c.ents[k].End > off })
	if k < len(c.ents) && c.ents[k].Start <= off {
		return k
	}
	return -1
}

// applyRules runs the rules on d.Entities and returns the title-case lines.
func (a *Annotator) applyRules(d *kilde.Doc) []kilde.Span {
	if a.rules == nil || len(d.Tokens) == 0 {
		return nil
	}
	c := &ruleCtx{a: a, d: d, ents: d.Entities}
	c.fixEdges()
	c.orgHeads()
	c.miscOrgHead()
	c.placeHeads()
	c.coordinated()
	c.companyContext()
	c.partyLetters()
	c.datelines()
	c.fixedNames()
	c.dropNotNames()
	c.calendarEdges()
	c.findTitleLines()
	c.splitHeadlines()
	c.dropInitialCommon()
	d.Entities = c.ents
	return c.heads
}

// dropNotNames removes entities that are a unit symbol or a formula alone
// ("MWh", "CO2"): the models tag such capitalized tokens as ORG.
func (c *ruleCtx) dropNotNames() {
	out := c.ents[:0]
	for _, e := range c.ents {
		if !c.a.rules.notNames[c.d.Text[e.Start:e.End]] {
			out = append(out, e)
		}
	}
	c.ents = out
}

// dropInitialCommon removes a one-word entity at a sentence start that is
// a common word of the model or written in lower case elsewhere in the
// article ("Cocoa prices rose … traders said cocoa …") and is
// nowhere in the article capitalized inside a sentence, no country, region,
// organisation or first name of the gazetteer and no fixed name: the capital
// is the sentence's, not a name's.
func (c *ruleCtx) dropInitialCommon() {
	var midCap, lower map[uint64]bool // lower forms capitalized inside a sentence; written in lower case
	out := c.ents[:0]
	for _, e := range c.ents {
		i, j := c.tokRange(e.Span)
		if j-i != 1 || !c.sentInitial(i) || allCaps(c.word(i)) || c.a.rules.fixedLabel[c.word(i)] != "" {
			out = append(out, e)
			continue
		}
		m := c.model(e.Start)
		if m == nil {
			out = append(out, e)
			continue
		}
		kind := m.gazKind(c.word(i))
		if kind != 0 && kind != 1 {
			out = append(out, e)
			continue
		}
		if midCap == nil {
			midCap, lower = map[uint64]bool{}, map[uint64]bool{}
			for x := range c.d.Tokens {
				if c.capWord(x) {
					if !c.sentInitial(x) {
						midCap[hashLower(c.word(x))] = true
					}
				} else if c.isWord(x) {
					lower[hashLower(c.word(x))] = true
				}
			}
		}
		h := hashLower(c.word(i))
		// a town's name ("Cocoa", "Reading") only when the article
		// writes the word in lower case too
		if midCap[h] || kind == 1 && !lower[h] || !c.commonAt(i) && !lower[h] {
			out = append(out, e)
		}
	}
	c.ents = out
}

// personAfterTitle reports whether tokens [k, j), after a title, read as a
// person's name: two capitalized words or more, the first a first name, an
// unknown word or a town name (towns share many first names: "Vincent"),
// never a country, region or organisation ("Chief Executive Danske Bank").
func (c *ruleCtx) personAfterTitle(k, j int) bool {
	if j-k < 2 || !c.capWord(k) || !c.capWord(k+1) {
		return false
	}
	m := c.model(c.d.Tokens[k].Start)
	if m == nil {
		return false
	}
	switch m.gazKind(c.word(k)) {
	case 0, 1, 5:
		return true
	}
	return false
}

func isDash(w string) bool { return w == "-" || w == "–" || w == "—" }

// isTitle reports whether w is a role word or title ("Chief", "direktør",
// "Udenrigsminister").
func (a *Annotator) isTitle(w string) bool {
	l := strings.ToLower(w)
	if a.titles[l] {
		return true
	}
	for _, s := range []string{"minister", "ministeren", "chef", "chefen", "direktør", "direktøren", "formand", "formanden", "økonom", "økonomen", "ordfører", "ordføreren"} {
		if strings.HasSuffix(l, s) {
			return true
		}
	}
	return false
}

// fixEdges cuts a span after a wire dateline's ")" and dash ("Reuters) -
// The U.S. Federal Reserve"), strips leading titles ("Chief Executive
// Vincent Clerc") and splits an organisation glued onto a person ("Nykredit
// Tore Stramer").
func (c *ruleCtx) fixEdges() {
	var out []kilde.Entity
	for _, e := range c.ents {
		i, j := c.tokRange(e.Span)
		if i >= j {
			out = append(out, e)
			continue
		}
		// Dateline: cut after ")" [dash].
		for k := j - 2; k >= i; k-- {
			if w := c.word(k); w == ")" || (w == ":" && k > i) || (isDash(w) && k > i && c.word(k-1) == ")") {
				if left := c.trimPunct(i, k); left.End > left.Start {
					out = append(out, kilde.Entity{Span: left, Label: e.Label})
				}
				i = k + 1
				for i < j && !c.isWord(i) {
					i++
				}
				if i < j-1 && (c.word(i) == "The" || c.word(i) == "the") {
					i++
				}
				break
			}
		}
		if i >= j {
			continue
		}
		j0 := j
		// A span across a line break (a title line and the text): keep the
		// longer part, the later one on a tie.
		for k := j - 1; k > i; k-- {
			if strings.ContainsRune(c.d.Text[c.d.Tokens[k-1].End:c.d.Tokens[k].Start], '\n') {
				a, b := kilde.Span{Start: c.d.Tokens[i].Start, End: c.d.Tokens[k-1].End}, kilde.Span{Start: c.d.Tokens[k].Start, End: e.End}
				if k-i > j-k {
					j = k
					if c.isWord(k) {
						out = append(out, kilde.Entity{Span: b, Label: c.knownLabel(c.d.Text[b.Start:b.End], e.Label)})
					}
				} else {
					if c.isWord(k - 1) {
						out = append(out, kilde.Entity{Span: a, Label: c.knownLabel(c.d.Text[a.Start:a.End], e.Label)})
					}
					i = k
				}
				break
			}
		}
		// An English possessive inside a span ends a name: "EU's Copernicus
		// Climate Change Service", "Africa's Cape of Good Hope".
		if c.d.LangAt(c.d.Tokens[i].Start) == "en" {
			for k := i; k < j-1; k++ {
				w := c.word(k)
				poss := w == "'s" || w == "’s"
				if !poss && stripPossessive(w) == w {
					continue
				}
				end := c.d.Tokens[k].End
				if poss {
					end = c.d.Tokens[k-1].End
					if k == i {
						break
					}
				} else {
					end -= len(w) - len(stripPossessive(w))
				}
				if left := (kilde.Span{Start: c.d.Tokens[i].Start, End: end}); left.End > left.Start {
					out = append(out, kilde.Entity{Span: left, Label: c.knownLabel(c.d.Text[left.Start:left.End], e.Label)})
				}
				i = k + 1
				break
			}
		}
		// Leading titles, for anything but an organisation or place named
		// with one ("General Motors", "President Hotel").
		if e.Label == "PER" || e.Label == "MISC" {
			k := i
			for k < j-1 && c.a.isTitle(c.word(k)) {
				k++
			}
			if k > i && c.capWord(k) {
				i = k
				if c.personAfterTitle(k, j) {
					e.Label = "PER"
				}
			} else if k == i && e.Label == "MISC" && i > 0 && c.a.isTitle(c.word(i-1)) && c.personAfterTitle(i, j) {
				// The title stayed outside the span: titles go with people.
				e.Label = "PER"
			}
		}
		// An organisation before a person: "Nykredit Tore Stramer".
		if j-i >= 3 {
			m := c.model(c.d.Tokens[i].Start)
			for k := i + 1; k <= j-2 && k <= i+3; k++ {
				org := c.d.Text[c.d.Tokens[i].Start:c.d.Tokens[k-1].End]
				if (c.a.rules.fixedLabel[org] == "ORG" || (m != nil && m.gazKindPhrase(org) == 6)) && m != nil && (m.gazKind(c.word(k)) == 5 || m.gazKind(c.word(k)) == 0) && c.capWord(k) && c.capWord(k+1) {
					out = append(out, kilde.Entity{Span: kilde.Span{Start: c.d.Tokens[i].Start, End: c.d.Tokens[k-1].End}, Label: "ORG"})
					i = k
					e.Label = "PER"
					break
				}
			}
		}
		sp := kilde.Span{Start: c.d.Tokens[i].Start, End: e.End}
		if j < j0 {
			sp.End = c.d.Tokens[j-1].End
		}
		out = append(out, kilde.Entity{Span: sp, Label: e.Label})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	c.ents = out
}

// knownLabel is the label of name in the fixed list or the gazetteer
// (places LOC, organisations ORG), else def.
func (c *ruleCtx) knownLabel(name, def string) string {
	if l, ok := c.a.rules.fixedLabel[name]; ok {
		return l
	}
	for _, m := range []*Model{c.a.en, c.a.da} {
		if m == nil {
			continue
		}
		switch k := m.gazKindPhrase(name); {
		case k >= 1 && k <= 4:
			return "LOC"
		case k == 6:
			return "ORG"
		}
	}
	return def
}

// trimPunct returns the span of tokens [i, k) without punctuation at either
// end.
func (c *ruleCtx) trimPunct(i, k int) kilde.Span {
	for i < k && !c.isWord(i) {
		i++
	}
	for k > i && !c.isWord(k-1) {
		k--
	}
	if i >= k {
		return kilde.Span{}
	}
	return kilde.Span{Start: c.d.Tokens[i].Start, End: c.d.Tokens[k-1].End}
}

// gazKind returns the gazetteer kind of one word (0 if none).
func (m *Model) gazKind(w string) uint8 {
	return m.gaz[gazKey(hashLower(w), 0, 1)]
}

// gazKindPhrase returns the gazetteer kind of a name of several words.
func (m *Model) gazKindPhrase(name string) uint8 {
	var key uint64
	n := 0
	for _, w := range nameWords(name) {
		n++
		key = gazKey(hashLower(w), key, n)
	}
	if n == 0 {
		return 0
	}
	return m.gaz[key]
}

// orgHeads labels ORG a run of capitalized words with an organisation head
// word ("Odense Byråd", "Metropolitan Police", "Bank of England", "Retten i
// Kolding"), and a Danish capitalized compound ending in an organisation
// suffix ("Sundhedsstyrelsen").
func (c *ruleCtx) orgHeads() {
	r := c.a.rules
	ts := c.d.Tokens
	for k := 0; k < len(ts); k++ {
		if !c.capWord(k) {
			continue
		}
		w := c.word(k)
		last, first := r.lastHead[w], r.firstHead[w]
		if !last && !first {
			if c.d.LangAt(ts[k].Start) != "en" && c.orgSuffix(k) {
				if e := c.entityAt(ts[k].Start); e < 0 || (c.ents[e].Span == ts[k].Span) {
					c.set(ts[k].Span, "ORG")
				}
			}
			continue
		}
		// Left: capitalized words, not a sentence-initial common word,
		// article or title.
		i := k
		for i > 0 && k-i < 4 && !c.sentInitial(i) && c.capWord(i-1) && !c.a.isTitle(c.word(i-1)) {
			p := c.word(i - 1)
			if p == "The" || p == "Den" || p == "Det" || p == "De" || (c.sentInitial(i-1) && c.commonAt(i-1)) || stripPossessive(p) != p {
				break
			}
			i--
		}
		// Right (first heads): capitalized words and connectors between
		// them, up to a title or a person.
		j := k + 1
		if first {
			for j < len(ts) && j-k < 7 {
				if c.capWord(j) && !c.a.isTitle(c.word(j)) && !c.startsPER(j) {
					j++
					continue
				}
				if j+1 < len(ts) && connectors[c.word(j)] && (c.word(j) != "i" || courts[w]) && c.capWord(j+1) && !c.startsPER(j+1) {
					j += 2
					continue
				}
				break
			}
		}
		if !first && i == k {
			continue
		}
		if first && !last && j == k+1 {
			continue
		}
		if last && !first && i == k {
			continue
		}
		if i == k && j == k+1 {
			continue
		}
		sp := kilde.Span{Start: ts[i].Start, End: ts[j-1].End}
		// An entity that reaches outside the run on the left is a longer
		// name ("Danske Bank" inside a longer one): extend to cover it.
		if e := c.entityAt(sp.Start); e >= 0 && c.ents[e].Start < sp.Start {
			sp.Start = c.ents[e].Start
		}
		if e := c.entityAt(sp.End - 1); e >= 0 && c.ents[e].End > sp.End {
			if c.ents[e].Label == "PER" {
				continue
			}
			// Extend over the rest of a longer name only if it goes on
			// with a capitalized word or a connector; a tagged overhang
			// of lower-case words ("Crown Court on Friday") is dropped.
			if j < len(ts) && (c.capWord(j) || connectors[c.word(j)]) {
				sp.End = c.ents[e].End
			}
		}
		c.set(sp, "ORG")
		k = j - 1
	}
}

// miscOrgHead relabels ORG a MISC span of two or more words whose last word
// is an organisation head ("Cocoa Board", "Anglian Water" read as MISC).
func (c *ruleCtx) miscOrgHead() {
	for x, e := range c.ents {
		if e.Label != "MISC" {
			continue
		}
		i, j := c.tokRange(e.Span)
		if j-i < 2 || j > len(c.d.Tokens) || c.d.Tokens[j-1].End != e.End {
			continue
		}
		if c.a.rules.lastHead[c.word(j-1)] {
			c.ents[x].Label = "ORG"
		}
	}
}

// placeHeads relabels LOC an ORG, PER or MISC name that ends in a place head
// ("Sichuan Province") or is followed by one in lower case ("Kano
// province"): an administrative area, not an organisation.
func (c *ruleCtx) placeHeads() {
	ph := c.a.rules.placeHead
	for x, e := range c.ents {
		if e.Label == "LOC" {
			continue
		}
		i, j := c.tokRange(e.Span)
		if j <= i || j > len(c.d.Tokens) || c.d.Tokens[j-1].End != e.End {
			continue
		}
		if (j-i >= 2 && ph[c.word(j-1)]) || (j < len(c.d.Tokens) && ph[c.word(j)] && !c.capWord(j)) {
			c.ents[x].Label = "LOC"
		}
	}
}

// coordinated extends a name that follows a coordinated compound's first
// part, a capitalized word ending in a hyphen and og/eller/and/or, to cover
// it: "Børne- og Undervisningsministeriet", "Social- og Indenrigsministeriet"
// are one name. The hyphen may be its own token right after the word.
func (c *ruleCtx) coordinated() {
	ts := c.d.Tokens
	for x := 0; x < len(c.ents); x++ {
		e := c.ents[x]
		if e.Label == "PER" {
			continue
		}
		k, _ := c.tokRange(e.Span)
		if k < 2 || k >= len(ts) || ts[k].Start != e.Start {
			continue
		}
		switch c.word(k - 1) {
		case "og", "eller", "and", "or":
		default:
			continue
		}
		h := k - 2
		w := c.word(h)
		if isDash(w) && h > 0 && ts[h-1].End == ts[h].Start {
			h--
		} else if !strings.HasSuffix(w, "-") || len(w) < 3 {
			continue
		}
		if !c.capWord(h) {
			continue
		}
		// The first part may have been tagged on its own ("Børne-"):
		// it joins the name.
		if x > 0 && c.ents[x-1].End > ts[h].Start {
			p := c.ents[x-1]
			if p.Start != ts[h].Start || p.End > ts[k-1].Start || p.Label == "PER" {
				continue
			}
			c.ents[x].Start = p.Start
			c.ents = append(c.ents[:x-1], c.ents[x:]...)
			x--
			continue
		}
		c.ents[x].Start = ts[h].Start
	}
}

// companyContext relabels ORG a person or place name followed (after an
// optional 's) by a word that marks a company: "Jefferies analysts",
// "Eli Lilly's shares", "Carlsbergs aktie".
func (c *ruleCtx) companyContext() {
	for x, e := range c.ents {
		if e.Label == "ORG" || e.Label == "MISC" {
			continue
		}
		_, j := c.tokRange(e.Span)
		if j < len(c.d.Tokens) && (c.word(j) == "'s" || c.word(j) == "’s") {
			j++
		}
		if j >= len(c.d.Tokens) || !c.a.rules.after[c.word(j)] {
			continue
		}
		// a person's full name with a first name is not a company
		if i, _ := c.tokRange(e.Span); e.Label == "PER" && j-i > 1 {
			if m := c.model(e.Start); m != nil && m.gazKind(c.word(i)) == 5 {
				continue
			}
		}
		c.ents[x].Label = "ORG"
	}
}

func (c *ruleCtx) startsPER(i int) bool {
	e := c.entityAt(c.d.Tokens[i].Start)
	return e >= 0 && c.ents[e].Label == "PER" && c.ents[e].Start == c.d.Tokens[i].Start
}

// orgSuffix reports whether token k is a capitalized compound with an
// organisation ending and at least three letters before it; a
// sentence-initial common word ("Rådet", "Foreningen") is not.
func (c *ruleCtx) orgSuffix(k int) bool {
	w := c.word(k)
	l := strings.ToLower(w)
	if strings.ContainsAny(l, "-") {
		return false
	}
	for _, s := range c.a.rules.notSuffix {
		if strings.HasSuffix(l, s) {
			return false
		}
	}
	for _, s := range c.a.rules.suffixes {
		if strings.HasSuffix(l, s) && utf8.RuneCountInString(l)-utf8.RuneCountInString(s) >= 3 {
			if c.sentInitial(k) && c.commonAt(k) {
				return false
			}
			return true
		}
	}
	return false
}

// partyLetters tags a Danish party letter in parentheses after a name
// ("Troels Lund Poulsen (V)") as ORG, and, in an article that has one, a
// party letter standing alone ("V og M vil ...").
func (c *ruleCtx) partyLetters() {
	r := c.a.rules
	ts := c.d.Tokens
	seen := false
	for k := 1; k+1 < len(ts); k++ {
		if c.word(k-1) != "(" || c.word(k+1) != ")" || !r.parties[c.word(k)] || c.d.LangAt(ts[k].Start) == "en" {
			continue
		}
		if k < 2 || !c.capWord(k-2) {
			continue
		}
		if c.entityAt(ts[k].Start) < 0 {
			c.set(ts[k].Span, "ORG")
		}
		seen = true
	}
	if !seen {
		return
	}
	for k := 0; k < len(ts); k++ {
		w := c.word(k)
		if utf8.RuneCountInString(w) != 1 || !r.parties[w] || w == "I" || w == "A" || c.d.LangAt(ts[k].Start) == "en" {
			continue
		}
		if k+1 < len(ts) && (c.word(k+1) == "." || c.word(k+1) == ")" || strings.HasPrefix(c.d.Text[ts[k].End:], "-")) {
			continue
		}
		if k > 0 && (c.capWord(k-1) || c.word(k-1) == "(") {
			continue
		}
		if c.entityAt(ts[k].Start) < 0 {
			c.set(ts[k].Span, "ORG")
		}
	}
}

// datelines tags a place name in capitals at the start of a line before
// "(", a dash, a comma or a colon ("KØBENHAVN (Ritzau):", "NICE, France -")
// as LOC when it is a gazetteer place or a wire agency follows.
func (c *ruleCtx) datelines() {
	ts := c.d.Tokens
	for k := 0; k+1 < len(ts); k++ {
		if k > 0 && !strings.ContainsRune(c.d.Text[ts[k-1].End:ts[k].Start], '\n') {
			continue
		}
		// one or two words in capitals
		j := k
		for j < len(ts) && j-k < 3 && c.isWord(j) && allCaps(c.word(j)) {
			j++
		}
		if j == k || j >= len(ts) || utf8.RuneCountInString(c.word(k)) < 3 {
			continue
		}
		next := c.word(j)
		if next != "(" && next != "," && next != ":" && !isDash(next) {
			continue
		}
		sp := kilde.Span{Start: ts[k].Start, End: ts[j-1].End}
		name := c.d.Text[sp.Start:sp.End]
		m := c.model(sp.Start)
		kind := uint8(0)
		if m != nil {
			kind = m.gazKindPhrase(name)
		}
		if (kind >= 1 && kind <= 4) || next == "(" && c.a.rules.fixedLabel[name] == "" && j+1 < len(ts) && c.a.rules.fixedLabel[c.word(j+1)] == "ORG" {
			if e := c.entityAt(sp.Start); e < 0 || c.ents[e].End <= sp.End {
				c.set(sp, "LOC")
			}
		}
	}
}

func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n > 0
}

// fixedNames puts the names of lexicon/all/ner_fixed.tsv on the text with
// their label, replacing what the tagger found there; longest match first.
// A Danish genitive -s or an English 's after the name is allowed: the
// Danish span keeps the -s (as the tagger's spans do), the English one ends
// before 's.
func (c *ruleCtx) fixedNames() {
	r := c.a.rules
	ts := c.d.Tokens
	text := c.d.Text
	for k := 0; k < len(ts); k++ {
		if !c.isWord(k) {
			continue
		}
		start := ts[k].Start
		// the token must start the name: no letter or digit just before
		if start > 0 {
			p, _ := utf8.DecodeLastRuneInString(text[:start])
			if unicode.IsLetter(p) || unicode.IsDigit(p) {
				continue
			}
		}
		cands := r.fixed[leadKey(text[start:ts[k].End])]
		for _, f := range cands {
			if !strings.HasPrefix(text[start:], f.name) {
				continue
			}
			end := start + len(f.name)
			rest := text[end:]
			if strings.HasPrefix(rest, "s") && c.d.LangAt(start) != "en" {
				rest = rest[1:]
				end++
			}
			// whole tokens only
			if nr, _ := utf8.DecodeRuneInString(rest); rest != "" && (unicode.IsLetter(nr) || unicode.IsDigit(nr)) {
				continue
			}
			if strings.HasPrefix(rest, "-") && len(rest) > 1 {
				if nr, _ := utf8.DecodeRuneInString(rest[1:]); unicode.IsLetter(nr) {
					continue // "EU-landene": a compound, not a name (DaNE convention)
				}
			}
			// ends at a token end (or inside a token before 's)
			j := k
			for j < len(ts) && ts[j].End < end {
				j++
			}
			if j >= len(ts) || (ts[j].End != end && !strings.HasPrefix(text[end:], "'") && !strings.HasPrefix(text[end:], "’")) {
				continue
			}
			sp := kilde.Span{Start: start, End: end}
			// A longer non-person entity that contains the name stays
			// ("Den Danske Bank"), with the name's label if it ends with it.
			if e := c.entityAt(start); e >= 0 && c.ents[e].Label != "PER" && c.ents[e].Start <= start && c.ents[e].End >= end && c.ents[e].End-c.ents[e].Start > end-start {
				if c.ents[e].End == end {
					c.ents[e].Label = f.label
				}
				break
			}
			c.set(sp, f.label)
			for k+1 < len(ts) && ts[k+1].Start < end {
				k++
			}
			break
		}
	}
}

// vote gives the entities with the same canonical name (and language) the
// label most of them have; a fixed name's label wins. Ties keep each
// mention's own label.
func (a *Annotator) vote(d *kilde.Doc) {
	if len(d.Entities) < 2 {
		return
	}
	type key struct{ canon, lang string }
	counts := map[key]*[5]int{} // per type; [4] fixed type+1
	for _, e := range d.Entities {
		k := key{e.Canonical, d.LangAt(e.Start)}
		n := counts[k]
		if n == nil {
			n = &[5]int{}
			counts[k] = n
		}
		if t := typeIndex(e.Label); t >= 0 {
			n[t]++
		}
		if a.rules != nil {
			if l, ok := a.rules.fixedLabel[e.Canonical]; ok {
				n[4] = typeIndex(l) + 1
			}
		}
	}
	for i, e := range d.Entities {
		n := counts[key{e.Canonical, d.LangAt(e.Start)}]
		best, tie := -1, false
		if n[4] > 0 {
			best = n[4] - 1
		} else {
			for t := 0; t < 4; t++ {
				switch {
				case best < 0 || n[t] > n[best]:
					best, tie = t, false
				case n[t] == n[best]:
					tie = true
				}
			}
		}
		if best >= 0 && !tie {
			d.Entities[i].Label = Types[best]
		}
	}
}

// spread tags the untagged occurrences of a name tagged elsewhere in the
// article (the same words in the same case, whole tokens), with the label
// the article gives it. A one-word name whose lower form is a common word
// ("Apple", "May") is spread only to positions that do not start a sentence.
func (a *Annotator) spread(d *kilde.Doc) {
	if len(d.Entities) == 0 || len(d.Entities) > 2000 {
		return
	}
	c := &ruleCtx{a: a, d: d, ents: d.Entities}
	type name struct {
		label, canon string
		ntok         int
	}
	names := map[string]name{} // first token text → longest name
	full := map[string]name{}
	for _, e := range d.Entities {
		i, j := c.tokRange(e.Span)
		if i >= j || c.d.Tokens[i].Start != e.Start || c.d.Tokens[j-1].End != e.End {
			continue
		}
		txt := d.SpanText(e.Span)
		if r, _ := utf8.DecodeRuneInString(txt); !unicode.IsUpper(r) || len(txt) < 2 {
			continue
		}
		full[txt] = name{e.Label, e.Canonical, j - i}
		f := c.word(i)
		if n, ok := names[f]; !ok || n.ntok < j-i {
			names[f] = name{e.Label, e.Canonical, j - i}
		}
	}
	var add []kilde.Entity
	ts := d.Tokens
	for k := 0; k < len(ts); k++ {
		if !c.isWord(k) {
			continue
		}
		if _, ok := names[c.word(k)]; !ok {
			continue
		}
		if c.entityAt(ts[k].Start) >= 0 {
			continue
		}
		// the longest tagged name starting here
		best, bj := name{}, -1
		for j := k + 1; j <= len(ts) && j-k <= 6; j++ {
			if c.entityAt(ts[j-1].Start) >= 0 {
				break
			}
			if n, ok := full[d.Text[ts[k].Start:ts[j-1].End]]; ok {
				best, bj = n, j
			}
		}
		if bj < 0 {
			continue
		}
		if bj-k == 1 && c.sentInitial(k) && c.commonAt(k) {
			continue
		}
		add = append(add, kilde.Entity{Span: kilde.Span{Start: ts[k].Start, End: ts[bj-1].End}, Label: best.label, Canonical: best.canon})
		k = bj - 1
	}
	if len(add) == 0 {
		return
	}
	d.Entities = append(d.Entities, add...)
	sort.Slice(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })
}
