// Package timex finds TIMEX3 time expressions in Danish and English news
// and resolves them against the article date (kilde.LayerTimes).
//
// It scans Doc.Text itself and needs no other layer. Vocabulary lives in
// lexicon/{da,en}/time_*.tsv; this package holds only the grammar. Reading
// rules, documented in docs/times.md:
//   - A bare weekday is the nearest such day on or before the article date;
//     in a sentence with a future cue ("vil", "skal", "will") it is the
//     nearest on or after. "på fredag" and "næste fredag" look forward,
//     "i fredags" and "sidste fredag" back.
//   - A bare month, season, quarter or day-and-month is the nearest one,
//     ties going to the past (a future cue makes it on or after).
//   - Nothing finer than the article date's precision is invented: against a
//     month-precision date "i går" is XXXX-XX-XX, "i dag" is the month itself.
package timex

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

// Annotator adds d.Times. It is safe for concurrent use.
type Annotator struct {
	da, en *lang
}

// New loads the Danish and English time vocabularies.
func New() (*Annotator, error) {
	da, err := loadLang("da")
	if err != nil {
		return nil, err
	}
	en, err := loadLang("en")
	if err != nil {
		return nil, err
	}
	da.other, en.other = en, da
	return &Annotator{da: da, en: en}, nil
}

func (a *Annotator) Name() string          { return "times" }
func (a *Annotator) Requires() kilde.Layer { return 0 }
func (a *Annotator) Provides() kilde.Layer { return kilde.LayerTimes }
func (a *Annotator) Annotate(d *kilde.Doc) error {
	d.Times = a.Find(d, nil)
	return nil
}

// pieceBytes bounds the text one pass works on. A longer text (a feed dump
// or a book pasted as one article) is read in pieces of at least this size,
// cut at a blank line, so that the token scratch follows the piece, not the
// article: a 50 MB article took 880 MB here. Each piece is scanned with
// ctxBytes of text on either side, so that rules looking past a paragraph
// break see what they see in the whole text, and the year of the last date
// carries over: the times found are those of a whole-text pass. Real news
// articles are far shorter and are read in one piece.
const (
	pieceBytes = 256 << 10
	ctxBytes   = 1 << 10
)

// tokPool holds token scratch between documents.
var tokPool = sync.Pool{New: func() any { return new([]tok) }}

// Find returns the time expressions of d, appended to out.
func (a *Annotator) Find(d *kilde.Doc, out []kilde.Time) []kilde.Time {
	buf := tokPool.Get().(*[]tok)
	m := &matcher{anc: parseAnchor(d.Date)}
	text := d.Text
	for lo, next := 0, 0; lo < len(text); {
		hi := kilde.PieceEnd(text, lo, pieceBytes)
		clo, chi := 0, len(text)
		if lo > 0 {
			clo = cutBefore(text, lo-ctxBytes)
		}
		if hi < len(text) {
			chi = cutAfter(text, hi+ctxBytes)
			if cap(out)-len(out) < 4096 {
				out = slices.Grow(out, max(len(out), 4096)) // double: append's 1.25× copies a long list ~5 times
			}
		}
		m.toks = scan(text[:chi], clo, slices.Grow((*buf)[:0], (chi-clo)/4+1))
		out, next = a.findIn(d, m, out, max(lo, next), hi)
		*buf = m.toks
		clear(m.toks) // the pooled tokens must not keep the text alive
		lo = hi
	}
	m.toks = nil
	tokPool.Put(buf)
	return out
}

// cutBefore returns a token boundary at or a little before byte i: a line
// start, else a space, else i itself.
func cutBefore(text string, i int) int {
	if i <= 0 {
		return 0
	}
	w := text[max(0, i-ctxBytes):i]
	if j := strings.LastIndexByte(w, '\n'); j >= 0 {
		return i - len(w) + j + 1
	}
	if j := strings.LastIndexByte(w, ' '); j >= 0 {
		return i - len(w) + j + 1
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// cutAfter returns a token boundary at or a little after byte i: just after
// a line break, else a space, else i itself.
func cutAfter(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	w := text[i:min(len(text), i+ctxBytes)]
	if j := strings.IndexByte(w, '\n'); j >= 0 {
		return i + j + 1
	}
	if j := strings.IndexByte(w, ' '); j >= 0 {
		return i + j + 1
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

// findIn appends to out the time expressions in m.toks that start at a
// token in [from, hi) (byte offsets); the tokens around are context. It
// returns the byte offset after the last expression.
func (a *Annotator) findIn(d *kilde.Doc, m *matcher, out []kilde.Time, from, hi int) ([]kilde.Time, int) {
	toks := m.toks
	next := from
	i := sort.Search(len(toks), func(i int) bool { return toks[i].s >= from })
	for i < len(toks) && toks[i].s < hi {
		t := &toks[i]
		if t.k == kPunct && t.low != "'" {
			i++
			continue
		}
		var res match
		ok := false
		lang := d.LangAt(t.s)
		if t.k == kWord {
			next := ""
			if i+1 < len(toks) && toks[i+1].k == kWord {
				next = toks[i+1].low
			}
			switch lang {
			case "da":
				ok = a.da.mayStart(t.low, next) || a.en.months[t.low].kind == "full"
			case "en":
				ok = a.en.mayStart(t.low, next) || a.da.months[t.low].kind == "full"
			default:
				ok = a.da.mayStart(t.low, next) || a.en.mayStart(t.low, next)
			}
			if !ok {
				i++
				continue
			}
			ok = false
		}
		switch lang {
		case "da", "en":
			main, other := a.da, a.en
			if lang == "en" {
				main, other = other, main
			}
			m.l = main
			res, ok = m.full(i)
			// a date written in the other language ("— Donald J. Trump
			// 17. februar 2019" under an English tweet in a Danish paper)
			m.l = other
			if r2, ok2 := m.textDate(i); ok2 && len(r2.val) >= 7 && r2.val[0] != 'X' && (!ok || r2.end > res.end) {
				res, ok = r2, true
			}
		default:
			m.l = a.da
			res, ok = m.full(i)
			m.l = a.en
			if r2, ok2 := m.full(i); ok2 && (!ok || r2.end > res.end) {
				res, ok = r2, true
			}
		}
		if !ok || res.end <= i || res.start < i {
			i++
			continue
		}
		out = append(out, kilde.Time{
			Span:  kilde.Span{Start: toks[res.start].s, End: toks[res.end-1].e},
			Type:  res.typ,
			Value: res.val,
		})
		if y, ok := leadYear(res.val); ok && res.typ != "DURATION" && res.typ != "SET" {
			m.ctxYear = y // "året før", "ti år tidligere" count from here
		}
		i = res.end
		next = toks[res.end-1].e
	}
	return out, next
}

// match is one recognised expression over tokens [start, end).
type match struct {
	start, end int
	typ, val   string
	kind       int
}

const (
	kOther = iota
	kDay   // a date of day precision (or an unresolved one at day granularity)
	kClock // a clock time without a date: val is "T14:30"
)

// noTok stands for positions outside the text; it is never written.
var noTok tok

type matcher struct {
	toks []tok
	anc  anchor
	l    *lang
	// ctxYear is the year of the last dated expression found before the
	// current position (0 if none): the reference of "året før",
	// "ti år tidligere", "the year before".
	ctxYear int
}

// leadYear reads the four-digit year a TIMEX3 value starts with.
func leadYear(v string) (int, bool) {
	if len(v) < 4 || len(v) > 4 && v[4] != '-' && v[4] != 'T' {
		return 0, false
	}
	y := 0
	for i := 0; i < 4; i++ {
		c := v[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		y = y*10 + int(c-'0')
	}
	return y, true
}

// refYear is the year that anaphoric year offsets count from.
func (m *matcher) refYear() (int, bool) {
	if m.ctxYear != 0 {
		return m.ctxYear, true
	}
	if m.anc.prec > precNone {
		return m.anc.year(), true
	}
	return 0, false
}

func (m *matcher) tok(i int) *tok {
	if i < 0 || i >= len(m.toks) {
		return &noTok
	}
	return &m.toks[i]
}

// adj reports whether token i follows token i-1 with no space.
func (m *matcher) adj(i int) bool {
	return i > 0 && i < len(m.toks) && !m.toks[i].sp
}

func (m *matcher) role(i int) string {
	t := m.tok(i)
	if t.k != kWord {
		return ""
	}
	return m.l.words[t.low]
}

func (m *matcher) isPunct(i int, s string) bool {
	t := m.tok(i)
	return t.k == kPunct && t.low == s
}

// dot skips one period adjacent to token i-1 ("kl.", "17.", "jan.").
func (m *matcher) dot(i int) int {
	if m.isPunct(i, ".") && m.adj(i) {
		return i + 1
	}
	return i
}

// full is the longest expression at i, combined with an adjacent clock
// time or part of day.
func (m *matcher) full(i int) (match, bool) {
	r, ok := m.at(i, 0)
	if !ok {
		return r, false
	}
	switch r.kind {
	case kDay:
		j := r.end
		if m.isPunct(j, ",") {
			j++
		}
		if rl := m.tok(j); rl.k == kWord && m.l.clock[rl.low] != "clock" && (m.l.words[rl.low] == "in" || rl.low == "om") {
			j++ // "i morgen efter kl. 14", "Monday at 14:00"
		}
		if c, ok := m.clock(j); ok && !m.tok(j).nl && c.kind == kClock && strings.HasPrefix(r.val, "XXXX") == false && len(r.val) == 10 {
			r.end, r.typ, r.val, r.kind = c.end, "TIME", r.val+c.val, kOther
		} else if pod := m.l.clock[m.tok(r.end).low]; len(pod) == 2 && pod == strings.ToUpper(pod) && m.tok(r.end).k == kWord && len(r.val) == 10 {
			r.end, r.typ, r.val, r.kind = r.end+1, "TIME", r.val+"T"+pod, kOther
		}
	case kClock:
		j := r.end
		if m.isPunct(j, ",") {
			j++
		}
		dm, ok := m.at(j, 1)
		if !ok || dm.kind != kDay {
			if m.role(j) == "in" {
				dm, ok = m.at(j+1, 1)
			}
		}
		if ok && dm.kind == kDay && len(dm.val) == 10 && !m.tok(dm.start).nl {
			r.end, r.val = dm.end, dm.val+r.val
		} else if m.anc.prec >= precDay {
			r.val = fmtDay(m.anc.t) + r.val
		} else {
			r.val = "XXXX-XX-XX" + r.val
		}
		r.kind = kOther
	}
	return r, true
}

// at returns the longest expression starting at token i.
func (m *matcher) at(i int, depth int) (match, bool) {
	var best match
	found := false
	try := func(r match, ok bool) {
		if ok && r.end > r.start && (!found || r.end > best.end) {
			best, found = r, true
		}
	}
	try(m.phrase(i, depth))
	try(m.numericDate(i))
	try(m.textDate(i))
	try(m.weekday(i))
	try(m.relative(i))
	try(m.season(i))
	try(m.week(i))
	try(m.ordinalUnit(i))
	try(m.qWord(i))
	try(m.year(i))
	try(m.durationAt(i))
	try(m.clock(i))
	try(m.set(i))
	try(m.nthInMonth(i))
	try(m.yearTo(i))
	try(m.dayOfMonth(i))
	if depth == 0 {
		try(m.earlyLate(i))
		try(m.nightTo(i))
	}
	return best, found
}

// ---- future context ----

func (m *matcher) boundary(j int) bool {
	t := m.tok(j)
	if t.k != kPunct {
		return false
	}
	switch t.low {
	case "!", "?", ";":
		return true
	case ".":
		n := m.tok(j + 1)
		p := m.tok(j - 1)
		return n.k == 0 || (n.cap && n.sp && p.k != kNum) || n.nl
	}
	return false
}

// future reports whether a future cue ("vil", "skal", "will", "is due to")
// comes at most twelve words before token i in its sentence, with no
// reporting verb, auxiliary or past-tense marker in between; or whether the
// time leans forward ("allerede fredag", "i løbet af torsdag", "senest i
// maj") in a sentence with no past-tense marker.
func (m *matcher) future(i int) bool {
	words := 0
	for j := i - 1; j >= 0 && words < 12; j-- {
		if m.boundary(j) || m.toks[j+1].nl {
			break
		}
		t := &m.toks[j]
		if t.k != kWord {
			continue
		}
		if m.isPunct(j-1, ",") {
			switch t.low {
			case "while", "but", "whereas", "although", "men", "mens", "selvom", "skønt":
				return m.lean(i) && !m.pastInSentence(i) // a new clause: ", while a record set in February"
			}
		}
		words++
		switch t.low {
		case "going", "plans", "plan", "aims", "intend", "intends":
			if m.tok(j+1).low != "to" {
				continue // "going to", "plans to": not "its advertising plans", "by going"
			}
		}
		if m.l.future[t.low] || m.l.other.future[t.low] {
			return true // the other language's cues too: an English quote in a Danish article
		}
		if m.l.reported[t.low] == "modal" && m.tok(j+1).low != "have" && m.reportedBefore(j) {
			return true // "Analysts said rates would stay high until June"
		}
		if t.low == "set" && m.l.code == "en" && m.tok(j+1).low == "to" && (m.tok(j-1).low == "is" || m.tok(j-1).low == "are") {
			return true // "is set to"
		}
		if t.low == "at" && m.tok(j-1).low == "for" && m.l.code == "da" && m.tok(j+1).low != "have" {
			return true // purpose: "for at få trafikken i gang i løbet af torsdag"
		}
		if m.l.words[t.low] == "aux" || m.isPast(j) {
			return false
		}
	}
	return m.lean(i) && !m.pastInSentence(i)
}

// reportedBefore reports a reporting or expecting verb before token j in its
// sentence ("said", "expected", "sagde", "forventer"): a modal after it
// ("would", "ville", "skulle") looks forward from the time of speaking.
func (m *matcher) reportedBefore(j int) bool {
	for k := j - 1; k >= 0 && k > j-30; k-- {
		if m.boundary(k) || m.toks[k+1].nl {
			return false
		}
		if t := &m.toks[k]; t.k == kWord && m.l.reported[t.low] == "say" {
			return true
		}
	}
	return false
}

// isPast reports a past-tense or perfect marker at token j (time_past.tsv;
// English words in -ed that are no future cue and not a passive after a
// form of "be": "will be finalized by June 10").
func (m *matcher) isPast(j int) bool {
	t := m.tok(j)
	if t.k != kWord {
		return false
	}
	w := t.low
	switch m.tok(j - 1).low {
	case "be", "been", "being", "is", "are", "get", "gets", "getting", "stay", "stays", "remain", "remains", "blive", "bliver", "være", "er": // passive
		return false
	}
	if m.l.past[w] {
		return true
	}
	if m.l.code != "en" || len(w) <= 4 || !strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "eed") || m.l.future[w] || w == "hundred" {
		return false
	}
	if t.cap && m.tok(j-1).k == kWord {
		return false // part of a name: "United", "Crooked Joe"
	}
	switch m.tok(j - 1).low {
	case "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "so", "very": // adjective
		return false
	}
	return true
}

// lean reports a forward-leaning word right before the time at i, over
// prepositions: "allerede (i) maj", "senest fredag", "i løbet af torsdag".
func (m *matcher) lean(i int) bool {
	k := i - 1
	// "until at least June", "indtil mindst juni", "by (the end of) June",
	// "inden udgangen af juni": the state lasts, or the deadline lies, ahead
	if r := m.role(k); r == "of" || m.tok(k).low == "af" {
		if r2 := m.role(k - 1); r2 == "late" || r2 == "early" || r2 == "mid" {
			k -= 2
			if m.role(k) == "det" {
				k--
			}
		}
	}
	if m.tok(k).low == "least" && m.tok(k-1).low == "at" {
		k -= 2
	} else if m.tok(k).low == "mindst" {
		k--
	}
	if p := m.tok(k); p.k == kWord && (m.role(k) == "until" || m.l.code == "en" && p.low == "by" || m.l.code == "da" && p.low == "inden") {
		return true
	}
	if p := m.tok(k); m.l.code == "da" && p.low == "til" && p.k == kWord && m.tok(k-1).low != "fra" && m.role(k-1) != "in" && m.l.clock[m.tok(k-1).low] == "" {
		return true // "til efteråret", "til november", "til fredag": the coming one
	}
	for n := 0; n < 2 && (m.role(k) == "in" || m.role(k) == "on"); n++ {
		k--
	}
	if m.role(k) == "lean" {
		return true
	}

	return m.l.code == "da" && m.tok(k).low == "af" && m.tok(k-1).low == "løbet"
}

// pastInSentence reports a past-tense marker in the clause of token i
// (up to a sentence end or comma). Danish weak past forms count here too
// ("ramte", "sænkede"): a false hit only keeps the default past reading.
func (m *matcher) pastInSentence(i int) bool {
	for j := i - 1; j >= 0 && j > i-60; j-- {
		if m.boundary(j) || m.toks[j+1].nl || m.isPunct(j, ",") {
			break
		}
		if m.isPastLoose(j) {
			return true
		}
	}
	for j := i + 1; j < len(m.toks) && j < i+60; j++ {
		if m.boundary(j) || m.toks[j].nl || m.isPunct(j, ",") {
			break
		}
		if m.isPastLoose(j) {
			return true
		}
	}
	return false
}

// isPastLoose adds the Danish weak past endings -ede and -te to isPast
// (not -ste: "sidste", "næste"; not -nte, -tte: "rente", "sætte"; not
// "brede", "berede").
func (m *matcher) isPastLoose(j int) bool {
	if m.isPast(j) {
		return true
	}
	w := m.tok(j).low
	if m.l.code != "da" || len(w) < 5 || m.l.future[w] || m.l.words[w] != "" {
		return false
	}
	if strings.HasSuffix(w, "ede") {
		return len(w) >= 6 && !strings.HasSuffix(w, "berede")
	}
	return strings.HasSuffix(w, "te") && !strings.HasSuffix(w, "ste") && !strings.HasSuffix(w, "nte") && !strings.HasSuffix(w, "tte")
}

// dirFor is the reading of a bare month, season, quarter or yearless date:
// on or before the article date, forward after a future cue.
func (m *matcher) dirFor(i int) int {
	if m.future(i) {
		return dirOnAfter
	}
	return dirOnBefore
}

// ---- numbers ----

// number reads a cardinal at i: digits (with a decimal part "2,5"/"2.5"),
// a number word, "to og en halv". It returns the value as TIMEX3 text
// ("6", "2.5", "X"), the next index.
func (m *matcher) number(i int) (string, int, bool) {
	t := m.tok(i)
	switch t.k {
	case kNum:
		if t.n < 0 || t.nd > 7 {
			return "", i, false
		}
		if m.adj(i) && m.tok(i-1).k == kPunct && m.adj(i-1) && m.tok(i-2).k == kNum {
			return "", i, false // the tail of 10.000 or 2,5
		}
		n := t.n
		j := i + 1
		group := "."
		if m.l.code == "en" {
			group = ","
		}
		for t.nd <= 3 && m.isPunct(j, group) && m.adj(j) && m.tok(j+1).k == kNum && m.tok(j+1).nd == 3 && m.adj(j+1) && n < 1e6 {
			n = n*1000 + m.tok(j+1).n // 10.000 år, 10,000 years
			j += 2
		}
		if j > i+1 {
			return strconv.Itoa(n), j, true
		}
		s := strconv.Itoa(t.n)
		if (m.isPunct(j, ",") || m.isPunct(j, ".")) && m.adj(j) && m.tok(j+1).k == kNum && m.adj(j+1) {
			if m.tok(j+2).k == kNum && m.adj(j+2) {
				return "", i, false // 1.000.000 or a date
			}
			if m.tok(j+1).nd != 3 || m.l.code == "en" && m.isPunct(j, ".") || m.l.code == "da" && m.isPunct(j, ",") {
				s += "." + strings.TrimRight(m.tok(j+1).low, "0")
				s = strings.TrimSuffix(s, ".")
				j += 2
			} else {
				return "", i, false // 1.000
			}
		}
		return m.andHalf(s, j)
	case kWord:
		v, ok := m.l.numberWord(t.low)
		if !ok {
			return "", i, false
		}
		switch v {
		case -1:
			return "X", i + 1, true
		case -2:
			return "1.5", i + 1, true
		}
		if v == 1 {
			switch m.tok(i + 1).low {
			case "par", "couple": // et par, a couple (of)
				j := i + 2
				if m.tok(j).low == "of" {
					j++
				}
				return "2", j, true
			case "halv", "half": // en halv time
				return "0.5", i + 2, true
			}
		}
		return m.andHalf(strconv.Itoa(v), i+1)
	}
	return "", i, false
}

// andHalf reads "og en halv" / "and a half" after a number.
func (m *matcher) andHalf(s string, j int) (string, int, bool) {
	if m.role(j) == "and" {
		if v, ok := m.l.numberWord(m.tok(j + 1).low); ok && v == 1 {
			if h := m.tok(j + 2).low; h == "halv" || h == "half" {
				return s + ".5", j + 3, true
			}
		}
	}
	return s, j, true
}

// ordinal reads "3.", "3rd", "tredje", "third" at i (with a Danish period
// only when dot is true).
func (m *matcher) ordinal(i int, dot bool) (int, int, bool) {
	t := m.tok(i)
	switch t.k {
	case kNum:
		if t.nd > 2 {
			return 0, i, false
		}
		if n := m.tok(i + 1); n.k == kWord && m.adj(i+1) && (n.low == "st" || n.low == "nd" || n.low == "rd" || n.low == "th") {
			return t.n, i + 2, true
		}
		if dot && m.isPunct(i+1, ".") && m.adj(i+1) {
			return t.n, i + 2, true
		}
	case kWord:
		if v, ok := m.l.ordinalWord(t.low); ok {
			return v, i + 1, true
		}
	}
	return 0, i, false
}

// year4 reads a four-digit year at i.
func (m *matcher) year4(i int) (int, bool) {
	t := m.tok(i)
	if t.k != kNum || t.nd != 4 || t.n < 1000 || t.n > 2199 {
		return 0, false
	}
	if (m.isPunct(i+1, ",") || m.isPunct(i+1, ".")) && m.adj(i+1) && m.tok(i+2).k == kNum && m.adj(i+2) {
		return 0, false // 2019,5
	}
	if (m.isPunct(i-1, ",") || m.isPunct(i-1, ".")) && m.adj(i) && m.tok(i-2).k == kNum && m.adj(i-1) {
		return 0, false // 1.2019
	}
	return t.n, true
}

func durUnit(n string, unit string) string {
	switch unit {
	case "H", "MIN", "S":
		u := unit[:1]
		return "PT" + n + u
	case "DE", "CE":
		if f, err := strconv.ParseFloat(n, 64); err == nil {
			mult := 10.0
			if unit == "CE" {
				mult = 100
			}
			return "P" + strconv.FormatFloat(f*mult, 'f', -1, 64) + "Y"
		}
		return "PX" + unit
	case "Q", "HY", "W2":
		if f, err := strconv.ParseFloat(n, 64); err == nil {
			mult := map[string]float64{"Q": 3, "HY": 6, "W2": 2}[unit]
			u := "M"
			if unit == "W2" {
				u = "W"
			}
			return "P" + strconv.FormatFloat(f*mult, 'f', -1, 64) + u
		}
		if unit == "W2" {
			return "PXW"
		}
		return "PXM"
	}
	return "P" + n + unit
}
