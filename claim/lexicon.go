package claim

import (
	"fmt"
	"strings"
)

// class is a hedge class. The numeric order is the precedence used when
// several hedges apply to one claim and the attribution cue is plain: the
// higher wins (see docs/claims.md).
type class int8

const (
	asserted class = iota
	opinion
	possible
	predicted
	estimated
	assumed
	reported
	alleged
	denied
	nClasses
	noClass class = -1 // "none" in a lexicon: the hedge disappears (negated "could")
	same    class = -2 // no negated class given: negation does not change it
)

var classNames = [nClasses]string{"asserted", "opinion", "possible", "predicted", "estimated", "assumed", "reported", "alleged", "denied"}

func (c class) String() string {
	if c >= 0 && c < nClasses {
		return classNames[c]
	}
	return ""
}

func parseClass(s string) (class, error) {
	if s == "none" {
		return noClass, nil
	}
	for i, n := range classNames {
		if n == s {
			return class(i), nil
		}
	}
	return 0, fmt.Errorf("unknown hedge class %q", s)
}

// cue kinds of claim_sources.tsv.
const (
	kSay  uint8 = iota + 1 // reporting verb, content needs "at"/"that", ":" or a comma
	kSayX                  // reporting verb, content may follow directly
	kPrep                  // "ifølge X", "according to X"
	kVia                   // link in the source chain
	kTold                  // "Y told X"
	kSayP                  // ", saying ...": the main clause's subject is the source
	kNone                  // no attribution: "afviser at kommentere", "declined to comment"
)

var kindNames = map[string]uint8{"say": kSay, "sayx": kSayX, "prep": kPrep, "via": kVia, "told": kTold, "sayp": kSayP, "none": kNone}

// word roles of claim_words.tsv, as bits.
const (
	rDet uint32 = 1 << iota
	rPron
	rGeneric
	rRel
	rStop
	rNprep
	rAux
	rNeg
	rDoc
	rDocprep
	rThat
	rTime
	rBe       // a form of "be" before a participle: passive
	rBy       // the agent of a passive follows
	rNameable // capitalized before a name, a name: "Will Smith", "May Jones"
	rConj     // coordinating conjunction: "X promised ... and said ..."
	rAnaphor  // "Det oplyser politiet": the claim is the sentence before
	rWord     // a plain word: no suffix rule applies ("family" is no adverb)
	rAddr     // marks an addressee before the verb: "over for Ritzau", "til DR"
	rOrgref   // a definite description of an organisation named before ("styrelsen" → Erhvervsstyrelsen)
	rOrgany   // as orgref, and without a matching head the last organisation named ("selskabet")
	rNamepart // a lower-case particle inside a name: "Ursula von der Leyen", "La Gazzetta dello Sport"
	rAttr     // a hedge that is an adjective before a noun after a determiner or preposition: "among likely voters"
	rPtcp     // a past participle after a document noun: "en opgørelse lavet af X", "a report written by X"
	rIssue    // a verb that puts out a document: "X issued a statement saying" → X
)

var roleNames = map[string]uint32{"det": rDet, "pron": rPron, "generic": rGeneric, "rel": rRel, "stop": rStop,
	"nprep": rNprep, "aux": rAux, "neg": rNeg, "doc": rDoc, "docprep": rDocprep, "that": rThat, "time": rTime, "be": rBe, "by": rBy, "nameable": rNameable, "conj": rConj, "anaphor": rAnaphor, "word": rWord, "addr": rAddr,
	"orgref": rOrgref, "organy": rOrgany, "namepart": rNamepart, "attr": rAttr, "ptcp": rPtcp, "issue": rIssue}

// node is a word trie over lower-cased tokens. A "*" in a pattern is a gap
// of 0-3 word tokens; "~t" is any word ending in "t" ("skal * have ~t":
// a participle, "skal have sagt", not "skal have penge").
type node struct {
	kids map[string]*node
	gap  *node
	suf  []sufEdge
	val  int32 // index into the table's values; -1 if no pattern ends here
	n    int   // number of words of the pattern ending here
}

type sufEdge struct {
	suffix string
	next   *node
}

func newNode() *node { return &node{val: -1} }

func (n *node) insert(words []string, v int32) {
	cur := n
	for _, w := range words {
		if w == "*" {
			if cur.gap == nil {
				cur.gap = newNode()
			}
			cur = cur.gap
			continue
		}
		if len(w) > 1 && w[0] == '~' {
			var next *node
			for _, e := range cur.suf {
				if e.suffix == w[1:] {
					next = e.next
				}
			}
			if next == nil {
				next = newNode()
				cur.suf = append(cur.suf, sufEdge{suffix: w[1:], next: next})
			}
			cur = next
			continue
		}
		if cur.kids == nil {
			cur.kids = map[string]*node{}
		}
		k := cur.kids[w]
		if k == nil {
			k = newNode()
			cur.kids[w] = k
		}
		cur = k
	}
	cur.val = v
	for _, w := range words {
		if w != "*" {
			cur.n++
		}
	}
}

// match returns the longest pattern starting at token i: its end (exclusive
// token index) and value, or -1.
func (n *node) match(s *scan, i int) (end int, v int32, words int) {
	end, v = -1, -1
	n.walk(s, i, &end, &v, &words)
	return
}

// matchAt is match for a root whose child for token i is already known
// (looked up once per token in lang.first).
func matchAt(child *node, s *scan, i int) (end int, v int32, words int) {
	end, v = -1, -1
	if child != nil {
		child.walk(s, i+1, &end, &v, &words)
	}
	return
}

// first is what one lower-cased word starts or is: the hedge and source
// trie nodes after it and its roles, so that each token costs one map lookup.
type first struct {
	h, src *node
	role   uint32
}

func (n *node) walk(s *scan, i int, end *int, v *int32, words *int) {
	// More literal words win ("skulle efter sigende" over "skulle * have"), then length.
	if n.val >= 0 && (n.n > *words || n.n == *words && i > *end) {
		*end, *v, *words = i, n.val, n.n
	}
	if i < len(s.toks) && n.kids != nil {
		if k := n.kids[string(s.norm(i))]; k != nil {
			k.walk(s, i+1, end, v, words)
		}
	}
	if i < len(s.toks) && s.toks[i].kind == tWord {
		for _, e := range n.suf {
			if w := s.norm(i); len(w) > len(e.suffix) && string(w[len(w)-len(e.suffix):]) == e.suffix {
				e.next.walk(s, i+1, end, v, words)
			}
		}
	}
	if n.gap != nil {
		for g := 0; g <= 3 && i+g <= len(s.toks); g++ {
			if g > 0 && s.toks[i+g-1].kind == tPunct {
				break
			}
			n.gap.walk(s, i+g, end, v, words)
		}
	}
}

// hedgeVal is one row of claim_hedges.tsv.
type hedgeVal struct {
	cls, neg class
	inside   bool // counts only inside an attribution's content ("vil", "kan")
}

// lang holds one language's tables, parsed once.
type lang struct {
	hedges  *node
	hvals   []hedgeVal
	hkey    map[string]int32 // whole cue string → hvals index, for Quote.Cue
	sources *node
	skinds  []uint8
	roles   map[string]uint32
	outlets *node
	outSet  map[string]bool // lower-cased outlet names
	first   map[string]first
	v2      bool // verb-second main clauses: the subject may follow the verb
	// suffixes are word-final strings with a role ("*ly aux": adverbs)
	suffixes []suffix
}

type suffix struct {
	s    string
	role uint32
}

// Tables are the rows of one language's lexicons, as lexicon.Rows returns
// them: hedges (cue, class[, negated class]), sources (cue, kind) and words
// (word, role).
type Tables struct {
	Hedges, Sources, Words [][]string
}

func buildLang(t Tables, outlets [][]string) (*lang, error) {
	l := &lang{hedges: newNode(), sources: newNode(), roles: map[string]uint32{}, outlets: newNode(), hkey: map[string]int32{}}
	for _, r := range t.Hedges {
		if len(r) < 2 {
			return nil, fmt.Errorf("claim: hedge row %q: want cue and class", r)
		}
		c, err := parseClass(r[1])
		if err != nil {
			return nil, fmt.Errorf("claim: hedge %q: bad class %q", r[0], r[1])
		}
		hv := hedgeVal{cls: c, neg: same}
		if len(r) > 2 && r[2] != "" {
			if hv.neg, err = parseClass(r[2]); err != nil {
				return nil, fmt.Errorf("claim: hedge %q: %w", r[0], err)
			}
		}
		if len(r) > 3 {
			if r[3] != "inside" {
				return nil, fmt.Errorf("claim: hedge %q: fourth column %q: want inside or nothing", r[0], r[3])
			}
			hv.inside = true
		}
		l.hkey[r[0]] = int32(len(l.hvals))
		l.hedges.insert(strings.Fields(r[0]), int32(len(l.hvals)))
		l.hvals = append(l.hvals, hv)
	}
	for _, r := range t.Sources {
		if len(r) < 2 {
			return nil, fmt.Errorf("claim: source row %q: want cue and kind", r)
		}
		k, ok := kindNames[r[1]]
		if !ok {
			return nil, fmt.Errorf("claim: source cue %q: unknown kind %q", r[0], r[1])
		}
		l.sources.insert(strings.Fields(r[0]), int32(len(l.skinds)))
		l.skinds = append(l.skinds, k)
	}
	for _, r := range t.Words {
		if len(r) < 2 {
			return nil, fmt.Errorf("claim: word row %q: want word and role", r)
		}
		var b uint32
		for _, rn := range strings.Split(r[1], ",") {
			rb, ok := roleNames[rn]
			if !ok {
				return nil, fmt.Errorf("claim: word %q: unknown role %q", r[0], rn)
			}
			b |= rb
		}
		if len(r[0]) > 1 && r[0][0] == '*' {
			l.suffixes = append(l.suffixes, suffix{s: r[0][1:], role: b})
			continue
		}
		l.roles[r[0]] |= b
	}
	l.outSet = map[string]bool{}
	for i, r := range outlets {
		l.outSet[strings.ToLower(r[0])] = true
		l.outlets.insert(strings.Fields(r[0]), int32(i))
	}
	l.first = map[string]first{}
	for w, k := range l.hedges.kids {
		f := l.first[w]
		f.h = k
		l.first[w] = f
	}
	for w, k := range l.sources.kids {
		f := l.first[w]
		f.src = k
		l.first[w] = f
	}
	for w, r := range l.roles {
		f := l.first[w]
		f.role = r
		l.first[w] = f
	}
	return l, nil
}
