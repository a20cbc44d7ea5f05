// Package quote finds direct and indirect speech in Danish and English news
// and names who said it.
//
// Direct quotes are the words between quotation marks in any Danish or
// English style (»…«, «…», „…“, “…”, "…", ’…’, ‘…’, '…'), after a Danish
// dialogue dash at the start of a line, or an embedded tweet with its
// signature line. Indirect quotes are reported clauses: "X siger, at …",
// "ifølge X …", "X said (that) …", "according to X, …", and a clause followed
// by ", siger X" / ", X said" without quotation marks.
//
// The speaker is found from a reporting cue before, after or inside the quote,
// or in the sentence before or after it; pronouns are resolved to the nearest
// person of fitting gender; role words ("transportminister") go to Role and an
// outlet spoken to ("til DR", "told Reuters") to Addressee. When the entity
// layer is present its PER and ORG spans and canonical names are used; else
// capitalized-name heuristics. All words come from lexicon files.
package quote

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/lexicon"
)

// Word classes from lexicon/{da,en}/quote_words.tsv.
const (
	wDet uint32 = 1 << iota
	wPronM
	wPronF
	wPronPl
	wPronOrg
	wRel
	wComp
	wAddr
	wPrep
	wConn
	wNonname
	wVerb
	wTime
	wAdv
	wFrom
	wNat
	wOrgNoun
	wDoc
	wPtcp
	wIssue
	wPtime
	wPron = wPronM | wPronF | wPronPl | wPronOrg
)

var classBits = map[string]uint32{
	"det": wDet, "pron:m": wPronM, "pron:f": wPronF, "pron:pl": wPronPl, "pron:org": wPronOrg,
	"rel": wRel, "comp": wComp, "addr": wAddr, "prep": wPrep, "conn": wConn, "nonname": wNonname, "verb": wVerb, "time": wTime, "adv": wAdv, "from": wFrom, "nat": wNat, "org": wOrgNoun, "doc": wDoc, "ptcp": wPtcp, "issue": wIssue, "ptime": wPtime,
}

// lang holds one language's word lists.
type lang struct {
	code     string
	cues     map[string]string   // one-word cue → kind
	multi    map[string][]phrase // first word of a multi-word cue → phrases
	roles    map[string]byte     // role word → gender ('m', 'f' or 0)
	suffixes map[string]bool     // roles that also end compounds
	sufLens  []int               // their byte lengths, longest first
	words    map[string]uint32
	extra    map[string]uint32 // ptcp, issue, ptime classes, read only by xclass
	shows    map[string]bool   // "viser", "shows": a report as source, only pointing back
}

type phrase struct {
	rest []string
	kind string
}

// Annotator finds quotes. It is immutable after New and safe for concurrent use.
type Annotator struct {
	da, en *lang
	first  map[string]byte // first name → 'm' or 'f'
}

// New loads the embedded lexicons.
func New() (*Annotator, error) {
	a := &Annotator{}
	var err error
	if a.da, err = loadLang("da", true); err != nil {
		return nil, err
	}
	if a.en, err = loadLang("en", false); err != nil {
		return nil, err
	}
	rows, err := lexicon.Rows("all/quote_firstnames.tsv", 2)
	if err != nil {
		return nil, err
	}
	a.first = make(map[string]byte, len(rows))
	for _, r := range rows {
		if r[1] != "" {
			a.first[r[0]] = r[1][0]
		}
	}
	return a, nil
}

func loadLang(code string, compounds bool) (*lang, error) {
	l := &lang{code: code, cues: map[string]string{}, multi: map[string][]phrase{}, roles: map[string]byte{}, words: map[string]uint32{}, extra: map[string]uint32{}, shows: map[string]bool{}}
	rows, err := lexicon.Rows(code+"/quote_cues.tsv", 2)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		f := strings.Fields(r[0])
		if r[1] == "show" {
			l.shows[r[0]] = true
			continue
		}
		if len(f) == 1 {
			l.cues[f[0]] = r[1]
		} else if len(f) > 1 {
			l.multi[f[0]] = append(l.multi[f[0]], phrase{rest: f[1:], kind: r[1]})
		}
	}
	for _, ps := range l.multi { // longest phrase first
		sort.Slice(ps, func(i, j int) bool { return len(ps[i].rest) > len(ps[j].rest) })
	}
	rows, err = lexicon.Rows(code+"/quote_roles.txt", 1)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		var g byte
		if len(r) > 1 && r[1] != "" {
			g = r[1][0]
		}
		l.roles[r[0]] = g
		if compounds && len([]rune(r[0])) >= 4 {
			if l.suffixes == nil {
				l.suffixes = map[string]bool{}
			}
			if !l.suffixes[r[0]] {
				l.suffixes[r[0]] = true
				if !slices.Contains(l.sufLens, len(r[0])) {
					l.sufLens = append(l.sufLens, len(r[0]))
				}
			}
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(l.sufLens)))
	rows, err = lexicon.Rows(code+"/quote_words.tsv", 2)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		var bits uint32
		for _, c := range strings.Split(r[1], ",") {
			b, ok := classBits[strings.TrimSpace(c)]
			if !ok {
				return nil, fmt.Errorf("quote: %s/quote_words.tsv: unknown class %q for %q", code, c, r[0])
			}
			bits |= b
		}
		// participle, issuing verb and time-phrase words are kept apart: the
		// other rules never see them ("Jan", "put", "last" stay as they were)
		if x := bits & (wPtcp | wIssue | wPtime); x != 0 {
			l.extra[r[0]] = x
			bits &^= x
			if bits == 0 {
				continue
			}
		}
		l.words[r[0]] = bits
	}
	return l, nil
}

// Name implements kilde.Annotator.
func (a *Annotator) Name() string { return "quotes" }

// Requires implements kilde.Annotator. Entities are used when present but not
// required.
func (a *Annotator) Requires() kilde.Layer { return kilde.LayerSentences }

// Provides implements kilde.Annotator.
func (a *Annotator) Provides() kilde.Layer { return kilde.LayerQuotes }

// role reports whether w (lower-case) is a role word and its gender.
func (l *lang) role(w string) (bool, byte) {
	if g, ok := l.roles[w]; ok {
		return true, g
	}
	for _, n := range l.sufLens {
		if len(w) > n+2 && utf8.RuneStart(w[len(w)-n]) && l.suffixes[w[len(w)-n:]] {
			return true, l.roles[w[len(w)-n:]]
		}
	}
	return false, 0
}

// roleDef reports whether w is a role word in a Danish definite form
// ("statsministeren", "direktøren") and returns the role.
func (l *lang) roleDef(w string) (string, bool) {
	for _, suf := range []string{"en", "n", "et"} {
		if strings.HasSuffix(w, suf) {
			if ok, _ := l.role(w[:len(w)-len(suf)]); ok {
				return w[:len(w)-len(suf)], true
			}
		}
	}
	return "", false
}
