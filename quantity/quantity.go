// Package quantity finds numbers, amounts of money, percentages and measures
// in Danish and English news text and fills kilde.Doc.Quantities (kilde/1
// `quantities`: value/low/high/approx/unit/measured).
//
// It scans Doc.Text directly (it needs no tokens) and reads numerals with
// package number, in the language of the paragraph (Doc.LangAt). Around each
// numeral it looks for:
//   - a currency before it ("$", "US$", "€", "£", "kr.", "DKK") or after it
//     ("kroner", "mia. kr.", "norske kroner", "dollars"), mapped to ISO 4217
//     (lexicon/all/currencies.tsv); a lower-case "m" after money is million
//     ("$10m");
//   - a unit after it: percent ("%", "procent", "pct.", "per cent") kept apart
//     from percentage points ("procentpoint", "percentage points" → "pp"),
//     and measures ("km", "kg", "MW", "km/t", "grader"; lexicon/all/quantity_units.tsv);
//   - bounds (lexicon/{da,en}/quantity_bounds.tsv): "mere end", "op til",
//     "mindst", "knap", "cirka", "more than", "up to", "nearly", "some", ...
//     before; "eller mere", "or more" after; ranges "mellem X og Y",
//     "fra X til Y", "X til Y", "X-Y", "between X and Y", "from X to Y". A
//     scale word on Y alone applies to X when that keeps X ≤ Y ("mellem 2 og 3
//     millioner" = 2e6..3e6); a unit on either side applies to both.
//   - the counted noun after the number, skipping a modifier ("1.000 nye
//     ISIS-krigere" → "ISIS-krigere"), or the noun before "på"/"of" ("en
//     cykelsti på 5 km" → "cykelsti"); for a percentage, the whole it is of
//     ("45 pct. af danskerne" → "danskerne"); for money, what it is spent
//     on ("45 mio. kr. på en ny cykelsti" → "cykelsti"). Verbs are never
//     measured ("mellem 300 og 500 deltog").
//   - changes are not ranges: "steg fra 5,1 til 6,4 procent" gives 5.1 % and
//     6.4 %; "et halvt procentpoint", "half a point" are 0.5 pp.
//
// Not quantities, left to the times extractor or dropped: ordinals ("3.
// plads", "tredje", "21st"); dates ("17. februar", "February 17", "17/2");
// bare years (a four-digit 1800–2100 without a unit); clock times ("kl.
// 14.30", "14:30", "3 pm"); durations and ages ("seks måneder", "30-årig",
// "three years"); numbers glued to names ("F-16", "COVID-19", "S&P 500");
// ordinal "a third time"; scores and
// shapes that are not ranges ("3-1"); article-like words alone ("en", "et",
// "half"); and anything that overlaps a span already in Doc.Times.
package quantity

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/lexicon"
	"github.com/kilde-news/kilde/number"
)

// Annotator finds quantities. It is immutable after New and safe for
// concurrent use.
type Annotator struct {
	langs map[string]*langData
	cur   plist    // currencies, longest first
	pre   []phrase // currencies that may precede the amount, longest first
	units plist    // units, longest first
	// "et trecifret millionbeløb": digit-count words and the scale words after them
	digits map[string]int
	scales []phrase // longest first; factor is the scale
}

// plist is a phrase list indexed by lower-cased first byte.
type plist struct {
	all []phrase
	by  [256][]int32
}

func newPlist(l []phrase) plist {
	byLen(l)
	p := plist{all: l}
	for i, ph := range l {
		if ph.s == "" {
			continue
		}
		b := ph.s[0]
		p.by[b] = append(p.by[b], int32(i))
		if lb := lowerByte(b); lb != b && !ph.exact {
			p.by[lb] = append(p.by[lb], int32(i))
		}
		if ub := upperByte(b); ub != b && !ph.exact {
			p.by[ub] = append(p.by[ub], int32(i))
		}
	}
	return p
}

func lowerByte(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

func upperByte(b byte) byte {
	if 'a' <= b && b <= 'z' {
		return b - ('a' - 'A')
	}
	return b
}

type phrase struct {
	s      string // surface
	val    string // ISO code, unit symbol or approx
	class  string // percent/pp/measure; before/after/open/join/joinopen
	factor float64
	exact  bool // match case-sensitively
}

type langData struct {
	before, after, open, join, joinopen []phrase
	roles                               map[string]string
	en                                  bool // English: "-ed" forms are verbs
}

// New loads the embedded lexicons.
func New() (*Annotator, error) {
	a := &Annotator{langs: map[string]*langData{}}
	rows, err := lexicon.Rows("all/currencies.tsv", 2)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		p := phrase{s: r[0], val: r[1], factor: 1, exact: hasUpperOrSymbol(r[0])}
		if len(r) > 2 {
			if f, err := strconv.ParseFloat(r[2], 64); err == nil {
				p.factor = f
			}
		}
		a.cur.all = append(a.cur.all, p)
		if p.exact && p.factor == 1 || p.s == "kr." {
			a.pre = append(a.pre, p)
		}
	}
	rows, err = lexicon.Rows("all/quantity_digitsum.tsv", 3)
	if err != nil {
		return nil, err
	}
	a.digits = map[string]int{}
	for _, r := range rows {
		switch r[1] {
		case "digits":
			if n, err := strconv.Atoi(r[2]); err == nil && n > 0 && n < 10 {
				a.digits[r[0]] = n
			}
		case "scale":
			if f, err := strconv.ParseFloat(r[2], 64); err == nil {
				a.scales = append(a.scales, phrase{s: r[0], factor: f})
			}
		}
	}
	byLen(a.scales)
	rows, err = lexicon.Rows("all/quantity_units.tsv", 3)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		a.units.all = append(a.units.all, phrase{s: r[0], val: r[1], class: r[2], exact: hasUpper(r[0]) || len(r[0]) <= 2})
	}
	for _, lang := range []string{"da", "en"} {
		ld := &langData{roles: map[string]string{}, en: lang == "en"}
		rows, err := lexicon.Rows(lang+"/quantity_bounds.tsv", 3)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			p := phrase{s: r[0], val: r[1], class: r[2]}
			switch r[2] {
			case "before":
				ld.before = append(ld.before, p)
			case "after":
				ld.after = append(ld.after, p)
			case "open":
				ld.open = append(ld.open, p)
			case "join":
				ld.join = append(ld.join, p)
			case "joinopen":
				ld.joinopen = append(ld.joinopen, p)
			}
		}
		m, err := lexicon.Map(lang + "/quantity_context.tsv")
		if err != nil {
			return nil, err
		}
		ld.roles = m
		for _, l := range [][]phrase{ld.before, ld.after, ld.open, ld.join, ld.joinopen} {
			byLen(l)
		}
		a.langs[lang] = ld
	}
	a.cur = newPlist(a.cur.all)
	byLen(a.pre)
	a.units = newPlist(a.units.all)
	if err := number.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

func byLen(l []phrase) {
	sort.SliceStable(l, func(i, j int) bool { return len(l[i].s) > len(l[j].s) })
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func hasUpperOrSymbol(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsSymbol(r) {
			return true
		}
	}
	return false
}

// Name implements kilde.Annotator.
func (a *Annotator) Name() string { return "quantities" }

// Requires implements kilde.Annotator: nothing; paragraphs and times are
// used when present.
func (a *Annotator) Requires() kilde.Layer { return 0 }

// Provides implements kilde.Annotator.
func (a *Annotator) Provides() kilde.Layer { return kilde.LayerQuantities }

// Annotate fills d.Quantities.
func (a *Annotator) Annotate(d *kilde.Doc) error {
	d.Quantities = d.Quantities[:0]
	text := d.Text
	lastEnd := 0
	var times timeIndex
	if len(d.Times) > 0 {
		times = newTimeIndex(d.Times)
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && !isDigit(c) && !isASCIILetter(c) && c != '.' && c != ',' {
			i++
			continue
		}
		if i > 0 && !boundaryBefore(text, i) {
			// digits glued to a currency code: "USD115"
			if !isDigit(c) || !isASCIILetter(text[i-1]) {
				i = skipToken(text, i)
				continue
			}
			if p, _ := a.prefixCur(text, i); p == nil {
				i = skipToken(text, i)
				continue
			}
		}
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !strings.ContainsRune("½¼¾⅓⅔⅕⅙⅛", r) {
				i += w
				continue
			}
		}
		if (c == '.' || c == ',') && (i+1 >= len(text) || !isDigit(text[i+1])) {
			i++
			continue
		}
		if c == 'h' || c == 'H' || c == 'w' || c == 'W' {
			if e := skipURL(text, i); e > i {
				i = e
				continue
			}
		}
		if c == 'e' || c == 'E' || c == 'a' || c == 'A' {
			if q, ok := a.digitSum(text, i); ok {
				if q.Start >= lastEnd {
					lastEnd = q.End
					d.Quantities = append(d.Quantities, q)
				}
				i = q.End
				continue
			}
		}
		lang := d.LangAt(i)
		q, end, ok := a.at(d, lang, i)
		if ok {
			if q.Start >= lastEnd && (len(d.Times) == 0 || !times.overlaps(q.Span)) {
				lastEnd = q.End
				d.Quantities = append(d.Quantities, q)
			}
			i = end
			continue
		}
		if end > i {
			i = end
			continue
		}
		i = skipToken(text, i)
	}
	return nil
}

// timeIndex tells whether a span overlaps one of the article's times in
// O(log n) (a scan of all times for every quantity was quadratic in a long
// article): the time spans sorted by start, with the running maximum end.
type timeIndex struct {
	start, maxEnd []int
}

func newTimeIndex(ts []kilde.Time) timeIndex {
	ss := make([]kilde.Span, len(ts))
	for i, t := range ts {
		ss[i] = t.Span
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].Start < ss[j].Start })
	x := timeIndex{start: make([]int, len(ss)), maxEnd: make([]int, len(ss))}
	m := math.MinInt
	for i, sp := range ss {
		m = max(m, sp.End)
		x.start[i], x.maxEnd[i] = sp.Start, m
	}
	return x
}

// overlaps reports whether s overlaps a time (kilde.Span.Overlaps): some
// time starts before s ends and ends after s starts.
func (x timeIndex) overlaps(s kilde.Span) bool {
	k := sort.SearchInts(x.start, s.End) // times [0, k) start before s ends
	return k > 0 && x.maxEnd[k-1] > s.Start
}

// skipToken moves past the run at i: digits with inner marks, or letters.
func skipToken(text string, i int) int {
	n := i
	if isDigit(text[i]) {
		for n < len(text) {
			c := text[n]
			if isDigit(c) || (c == '.' || c == ',' || c == ':' || c == '/') && n+1 < len(text) && isDigit(text[n+1]) {
				n++
				continue
			}
			break
		}
		return n
	}
	for n < len(text) {
		c := text[n]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) {
				n++
				continue
			}
			break
		}
		r, w := utf8.DecodeRuneInString(text[n:])
		if !unicode.IsLetter(r) {
			break
		}
		n += w
	}
	if n == i {
		_, w := utf8.DecodeRuneInString(text[i:])
		n = i + w
	}
	return n
}

// skipURL returns the end of a URL or e-mail address starting at i, or i.
func skipURL(text string, i int) int {
	if !(hasFoldPrefixAt(text, i, "http://") || hasFoldPrefixAt(text, i, "https://") || hasFoldPrefixAt(text, i, "www.")) {
		return i
	}
	for i < len(text) && text[i] != ' ' && text[i] != '\n' && text[i] != '\t' {
		i++
	}
	return i
}

func hasFoldPrefixAt(s string, i int, p string) bool {
	return i+len(p) <= len(s) && strings.EqualFold(s[i:i+len(p)], p)
}

// side is one number with what belongs to it.
type side struct {
	n          number.Number
	start, end int    // span incl. currency prefix/unit
	unit       string // ISO code, %, pp, symbol
	class      string // money, percent, pp, measure, ""
	factor     float64
}

// at tries to read a quantity whose numeral starts at i. It returns the
// quantity, the offset to continue from, and ok. When !ok, end > i says how
// far to skip (a numeral that is no quantity).
func (a *Annotator) at(d *kilde.Doc, lang string, i int) (kilde.Quantity, int, bool) {
	text := d.Text
	if lang == "" {
		lang = "da"
	}
	if len(lang) > 2 {
		lang = lang[:2]
	}
	ld := a.langs[lang]
	if ld == nil {
		ld = a.langs["da"]
		// Other languages: Danish context words; package number reads
		// their digits like Danish and knows no words for them.
	}
	n, ok := number.Scan(lang, text, i)
	if !ok {
		return kilde.Quantity{}, 0, false
	}
	n = sentenceDot(text, n)
	skip := n.End
	if n.Ordinal {
		return kilde.Quantity{}, skip, false
	}
	if n.Weak {
		// "et halvt procentpoint", "half a percentage point", "half point"
		j := skipSpaces(text, n.End)
		if j == n.End && j+1 < len(text) && text[j] == '-' {
			j++ // "a half-point cut"
		}
		if _, e := a.fracUnit(text, j, n); e < 0 {
			return kilde.Quantity{}, skip, false
		}
	}
	if lang == "en" && a.ordinalFraction(ld, text, i, n) {
		return kilde.Quantity{}, skip, false // "for a third time"
	}
	if n.Words && !n.Digits && lang == "en" && n.Value == 1 && !n.Fraction {
		// "which one", "the one": no count.
		if w := prevWord(text, i); ld.roles[lowerASCII(w)] == "det" {
			return kilde.Quantity{}, skip, false
		}
		if nextIsWord(text, n.End, "of") {
			return kilde.Quantity{}, skip, false
		}
	}
	if a.glued(text, i, n) {
		return kilde.Quantity{}, skip, false
	}
	if n.Words && !n.Digits {
		if ws, we := wordBefore(text, i); ws >= 0 && ld.roles[lowerASCII(text[ws:we])] == "vague" {
			return kilde.Quantity{}, skip, false // "flere hundrede", "several thousand"
		}
	}
	if n.IntDigits >= 2 && text[i] == '0' {
		return kilde.Quantity{}, skip, false // "007", "04099": a code
	}
	if e := phoneEnd(text, i); e > 0 {
		return kilde.Quantity{}, e, false
	}
	if listMarker(text, i, n) {
		return kilde.Quantity{}, skip, false
	}
	if a.dateOrClock(ld, lang, text, i, n) {
		return kilde.Quantity{}, skip, false
	}
	x := a.side(ld, lang, text, i, n)
	if x.class == "" && a.timeUnitAfter(ld, text, x.end) {
		return kilde.Quantity{}, skip, false
	}
	if x.class == "" && x.end+1 < len(text) && text[x.end] == '-' && isLetterAt(text, x.end+1) && !startsNumber(text, x.end+1) {
		// "10-punktsplan", "3-værelses", "Formel 1-kører": part of a word
		return kilde.Quantity{}, skip, false
	}
	if x.class == "" && a.nameNumber(ld, text, i, x) {
		return kilde.Quantity{}, skip, false
	}
	// Negative sign glued to the number: "-5 grader".
	if x.start == i && i > 0 && (text[i-1] == '-' || hasSuffixAt(text, i, "−")) && !n.Negative {
		w := 1
		if text[i-1] != '-' {
			w = len("−")
		}
		if i-w == 0 || strings.IndexByte(" (\n<>=", text[i-w-1]) >= 0 {
			x.n.Value = -x.n.Value
			x.start = i - w
		}
	}
	q := kilde.Quantity{Approx: "exact"}
	start, end := x.start, x.end
	// Range: opener before, joiner after.
	var y side
	haveY := false
	openStart := -1
	fromOpen := false
	if p, s := matchBefore(text, start, ld.open); p != nil {
		openStart = s
		fromOpen = p.s == "fra" || p.s == "from"
	}
	if j, ok := a.joinAfter(ld, text, x.end, openStart >= 0); ok {
		if p := a.preAt(text, j); p != nil {
			// "between $300 million and $400 million"
			j = skipSpaces(text, j+len(p.s))
		}
		if ny, ok := number.Scan(lang, text, j); ok && !sentenceDot(text, ny).Ordinal && !ny.Weak && !a.gluedAfter(text, ny) {
			y = a.side(ld, lang, text, j, sentenceDot(text, ny))
			haveY = true
		}
	}
	if haveY {
		hyphen := isHyphenJoin(text, x.end, y.start)
		if hyphen && (y.end < len(text) && (text[y.end] == '-' || text[y.end] == '/') && y.end+1 < len(text) && isDigit(text[y.end+1]) || x.start > 0 && text[x.start-1] == '+') {
			// "+1-222-2222": a phone number
			e := y.end
			for e < len(text) && (isDigit(text[e]) || text[e] == '-' || text[e] == '/') {
				e++
			}
			return kilde.Quantity{}, e, false
		}
		lo, hi := x.n.Value, y.n.Value
		if x.n.Scale == 1 && y.n.Scale > 1 && lo*y.n.Scale <= hi {
			lo *= y.n.Scale
		}
		years := x.n.IntDigits == 4 && y.n.IntDigits == 4 && isYear(x.n.Value) && isYear(y.n.Value)
		switch {
		case years && x.unit == "" && y.unit == "":
			// a span of years: the times extractor's
			return kilde.Quantity{}, y.end, false
		case lo >= hi && hyphen:
			// "3-1": a score, no range
			return kilde.Quantity{}, y.end, false
		case hyphen && x.unit == "" && y.unit == "" && scoreBefore(ld, text, x.start):
			// "tabte 1-2", "won 2-3"
			return kilde.Quantity{}, y.end, false
		case lo > hi || fromOpen && a.changeVerbBefore(ld, text, openStart):
			// "faldt fra 30 til 25 procent", "steg fra 5,1 til 6,4
			// procent": a change, two amounts; the first takes the
			// unit and scale of the second.
			if y.unit == "" && a.timeUnitAfter(ld, text, y.end) {
				return kilde.Quantity{}, y.end, false // "steg fra 10 til 14 uger"
			}
			haveY = false
			if x.unit == "" && y.unit != "" {
				x.unit, x.class, x.factor = y.unit, y.class, y.factor
				if x.n.Scale == 1 && y.n.Scale > 1 && x.n.Value < 1000 {
					x.n.Value *= y.n.Scale
				}
			}
		case openStart < 0 && !hyphen && (hi > 20*lo || changeBefore(text, x.start)):
			// "rose by 12,000 to 1.2 million", "steg med 5 til 10": a change
			haveY = false
		case x.unit != "" && y.unit != "" && x.unit != y.unit:
			haveY = false
		case a.timeUnitAfter(ld, text, y.end) && y.unit == "":
			return kilde.Quantity{}, y.end, false
		}
		if haveY {
			unit, class, factor := y.unit, y.class, y.factor
			if unit == "" {
				unit, class, factor = x.unit, x.class, x.factor
			}
			lo *= factor
			hi *= factor
			if x.unit != "" && y.unit == "" && x.factor != 0 {
				lo, hi = x.n.Value*x.factor, y.n.Value*x.factor
			}
			q.Approx = "range"
			q.Low, q.High = fp(lo), fp(hi)
			q.Unit = unit
			end = y.end
			if openStart >= 0 {
				start = openStart
			}
			x.class = class
		}
	}
	if !haveY {
		if x.n.IntDigits == 4 && isYear(x.n.Value) && x.unit == "" && !x.n.Negative {
			return kilde.Quantity{}, skip, false
		}
		if x.class == "" && a.listedDuration(ld, lang, text, x.end) {
			// "to mænd på 19 og 23 år", "for 2 or 3 years": ages and
			// durations, the times extractor's
			return kilde.Quantity{}, skip, false
		}
		v := x.n.Value * x.factor
		q.Unit = x.unit
		q.Value = fp(v)
		if p, s := matchBefore(text, start, ld.before); p != nil {
			q.Approx = p.val
			start = s
		}
		if p, e := matchAfter(text, end, ld.after); p != nil {
			q.Approx = p.val
			end = e
		} else if end < len(text) && text[end] == '+' && (end+1 == len(text) || !isDigit(text[end+1])) {
			q.Approx = "at_least"
			end++
		}
		if q.Approx != "exact" && q.Approx != "about" {
			if hi, e, ok := a.boundPair(ld, lang, text, end, q.Approx, x); ok {
				if q.Approx == "more_than" || q.Approx == "at_least" {
					q.Low, q.High = fp(v), fp(hi)
				} else {
					q.Low, q.High = fp(hi), fp(v)
				}
				q.Approx, q.Value, end = "range", nil, e
				goto done
			}
		}
		switch q.Approx {
		case "exact":
			q.Low, q.High = fp(v), fp(v)
		case "more_than", "at_least":
			q.Low = fp(v)
		case "less_than", "at_most":
			q.High = fp(v)
		}
	}
done:
	if x.class == "" {
		// a multiplier: "more than ten times", "op til fem gange"
		if j := skipSpaces(text, end); j > end {
			switch w := lowerASCII(wordAt(text, j)); w {
			case "times", "gange":
				end = j + len(w)
				x.class = "times"
			}
		}
	}
	q.Span = kilde.Span{Start: start, End: end}
	switch x.class {
	case "", "measure":
		q.Measured, q.MeasuredSpan = a.measured(ld, lang, text, start, end)
	case "percent":
		q.Measured, q.MeasuredSpan = a.percentOf(ld, text, end)
	case "money":
		q.Measured, q.MeasuredSpan = a.spentOn(ld, text, end)
	}
	return q, end, true
}

// sentenceDot undoes an ordinal read from a dot that ends the text or a
// line: "Kampen endte 3-1." ends a sentence.
func sentenceDot(text string, n number.Number) number.Number {
	if n.Ordinal && n.Digits && !n.Words && n.End > 0 && text[n.End-1] == '.' && (n.End == len(text) || text[n.End] == '\n' || text[n.End] == '\r') &&
		n.Start > 0 && text[n.Start-1] != '\n' {
		// (a "4." alone on its line stays an ordinal: a list number)
		n.Ordinal = false
		n.End--
	}
	return n
}

func fp(v float64) *float64 { return &v }

func isYear(v float64) bool { return v >= 1800 && v <= 2100 && v == float64(int(v)) }

// glued reports numerals stuck to names or codes: "F-16", "COVID-19", "5G".
func (a *Annotator) glued(text string, i int, n number.Number) bool {
	return a.gluedAfter(text, n) || a.gluedBefore(text, i)
}

func (a *Annotator) gluedBefore(text string, i int) bool {
	if i >= 2 && (text[i-1] == '-' || text[i-1] == '/' || text[i-1] == '#') && isLetterBefore(text, i-1) {
		return true
	}
	if i >= 1 && (text[i-1] == '#' || text[i-1] == '@' || text[i-1] == '_') {
		return true
	}
	if i >= 2 && text[i-1] == '/' && isDigit(text[i-2]) {
		return true // "17/2", "24/7"
	}
	if i >= 2 && text[i-1] == '-' && isDigit(text[i-2]) {
		return true // the second half of "3-1" or "2019-02"
	}
	if i >= 2 && text[i-1] == '.' && isDigit(text[i-2]) {
		return true
	}
	if i >= 2 && text[i-1] == ':' && isDigit(text[i-2]) {
		return true
	}
	return false
}

func (a *Annotator) gluedAfter(text string, n number.Number) bool {
	i := n.Start
	e := n.End
	if n.Digits && !n.Words && n.Scale > 1 && e >= 2 && isASCIILetter(text[e-1]) && isDigit(text[e-2]) && (e >= len(text) || !isLetterAt(text, e)) {
		// "5G", "3M": one letter glued to digits is a scale only after a
		// currency ("$3M"); the caller checks.
		if text[e-1] == 'G' && e-2 == i && !strings.ContainsRune("$€£¥", prevByteRune(text, i)) {
			// "5G", "4G": a network, not 5 billion ("10G", ",0012G" are scaled)
			return true
		}
	}
	if e < len(text) && n.Digits && !n.Words {
		// A letter glued after the digits that is no unit: "5G", "3D".
		if isLetterAt(text, e) && a.unitAt(text, e) == nil && a.curAt(text, e) == nil && !(text[e] == 'm' && !isLetterAt(text, e+1)) {
			return true
		}
		if text[e] == '-' && e+1 < len(text) && isDigit(text[e+1]) && isLetterBefore(text, i) {
			return true
		}
		if text[e] == '\'' && isLetterAt(text, e+1) || hasPrefixAt(text, e, "’") && isLetterAt(text, e+len("’")) {
			return true // "90'erne", "1990’erne": a decade
		}
	}
	return false
}

func (a *Annotator) dateOrClock(ld *langData, lang, text string, i int, n number.Number) bool {
	e := n.End
	if e < len(text) && (text[e] == ':' || text[e] == '/') && e+1 < len(text) && isDigit(text[e+1]) {
		return true // 14:30, 1/12
	}
	// After a clock word: "kl. 14", "klokken 9".
	w := prevWord(text, i)
	if w != "" {
		lw := lowerASCII(w)
		if ld.roles[lw] == "clock" {
			return true
		}
		// "kl." keeps its dot inside prevWord's window
		if ld.roles[lw+"."] == "clock" && i >= len(w)+2 && text[i-2] == '.' {
			return true
		}
		if ld.roles[lw] == "rank" || ld.roles[lw+"."] == "rank" && i >= len(w)+2 && text[i-2] == '.' {
			return true // "nummer 2", "no. 1": a rank
		}
		if ld.roles[lw] == "month" || ld.roles[lw+"."] == "month" {
			if lang != "en" || isUpperStart(w) {
				return true // "February 17"
			}
		}
	}
	// Before a month: "17 februar", "17 February".
	j := skipSpaces(text, e)
	if j > e || (j < len(text) && text[j] == '.') {
		if j < len(text) && text[j] == '.' {
			j = skipSpaces(text, j+1)
		}
		nw := wordAt(text, j)
		r := role(ld, text, nw, j+len(nw))
		if nw != "" && r == "month" && (lang != "en" || isUpperStart(nw)) && n.Value >= 1 && n.Value <= 31 {
			return true
		}
		// A month in the other language: "17. februar 2019" quoted in an
		// English paragraph, "17 February" in a Danish one.
		for l, o := range a.langs {
			if o != ld && nw != "" && role(o, text, nw, j+len(nw)) == "month" && (l != "en" || isUpperStart(nw)) && n.Value >= 1 && n.Value <= 31 && n.Value == float64(int(n.Value)) {
				return true
			}
		}
		if nw != "" && r == "clock" {
			return true // 3 pm
		}
		if j+4 <= len(text) && (strings.EqualFold(text[j:j+4], "a.m.") || strings.EqualFold(text[j:j+4], "p.m.")) {
			return true
		}
	}
	return false
}

// phoneEnd returns the end of a Danish-style phone number at i ("33 12 18
// 45", "3312 1845", "+45 33 12 18 45"), or 0.
func phoneEnd(text string, i int) int {
	digitsAt := func(k, n int) bool {
		if k+n > len(text) {
			return false
		}
		for m := k; m < k+n; m++ {
			if !isDigit(text[m]) {
				return false
			}
		}
		return k+n == len(text) || !isDigit(text[k+n])
	}
	switch {
	case digitsAt(i, 2) && i+11 <= len(text) && text[i+2] == ' ' && digitsAt(i+3, 2) && text[i+5] == ' ' && digitsAt(i+6, 2) && text[i+8] == ' ' && digitsAt(i+9, 2):
		return i + 11
	case digitsAt(i, 4) && i+9 <= len(text) && text[i+4] == ' ' && digitsAt(i+5, 4) && (i == 0 || !isDigit(text[i-1])):
		// "3312 1845" but not "2019 2020" years
		if v := atoi4(text[i : i+4]); v < 1800 || v > 2100 {
			return i + 9
		}
	}
	return 0
}

func atoi4(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// listMarker reports "1." opening a line or sentence before a capitalised
// word: a list number, not a count.
func listMarker(text string, i int, n number.Number) bool {
	e := n.End
	if n.Words || e+2 >= len(text) || text[e] != '.' || text[e+1] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[e+2:])
	if !unicode.IsUpper(r) {
		return false
	}
	k := i
	for k > 0 && text[k-1] == ' ' {
		k--
	}
	return k == 0 || text[k-1] == '\n' || text[k-1] == '.' || text[k-1] == '-' && (k == 1 || text[k-2] == '\n')
}

// nameNumber reports a plain integer that belongs to a name before it:
// "Boeing 737 MAX", "Windows 10.", "Formel 1". The word before is
// capitalised inside a sentence, no bound or unit is involved, and no
// lower-case word follows that it could count.
func (a *Annotator) nameNumber(ld *langData, text string, i int, x side) bool {
	n := x.n
	if n.Words || n.Grouped || n.Decimal || n.Scale > 1 || n.Fraction {
		return false
	}
	if t := tokenBefore(text, i); t != "" && ld.roles[lowerASCII(t)] == "name" {
		return true // "S&P 500", "FTSE 100", "OMXC 25", "Formel 1"
	}
	ws, we := wordBefore(text, i)
	if ws < 0 || !isUpperStart(text[ws:we]) || ld.roles[lowerASCII(text[ws:we])] != "" {
		return false
	}
	// sentence start: the word before the name word ends a sentence
	k := ws
	for k > 0 && text[k-1] == ' ' {
		k--
	}
	if k == 0 || strings.IndexByte(".!?:\n\"”'«»(", text[k-1]) >= 0 {
		return false
	}
	j := skipSpaces(text, x.end)
	if j > x.end {
		if w := wordAt(text, j); w != "" && !isUpperStart(w) && a.content(ld, w) {
			return false // "Politiet anholdt 12 personer" has no capital before
		}
	}
	return true
}

// listedDuration reports a number followed by "og"/"and"/"eller"/"or" or a
// comma and another number with a time unit: "19 og 23 år", "2 or 3 years".
func (a *Annotator) listedDuration(ld *langData, lang, text string, e int) bool {
	j := skipSpaces(text, e)
	if j < len(text) && text[j] == ',' && j == e {
		j = skipSpaces(text, j+1)
	} else {
		if j == e {
			return false
		}
		switch w := lowerASCII(wordAt(text, j)); w {
		case "og", "and", "eller", "or":
			j = skipSpaces(text, j+len(w))
		default:
			return false
		}
	}
	for n := 0; n < 4; n++ {
		m, ok := number.Scan(lang, text, j)
		if !ok || m.Ordinal || m.Weak {
			return false
		}
		if a.timeUnitAfter(ld, text, m.End) {
			return true
		}
		// "5, 6 eller 7 år"
		k := skipSpaces(text, m.End)
		if k < len(text) && text[k] == ',' {
			j = skipSpaces(text, k+1)
			continue
		}
		switch w := lowerASCII(wordAt(text, k)); w {
		case "og", "and", "eller", "or":
			j = skipSpaces(text, k+len(w))
			continue
		}
		return false
	}
	return false
}

// tokenBefore returns the run of non-space characters that ends one space
// before i ("S&P" in "S&P 500"), or "".
func tokenBefore(text string, i int) string {
	if i < 2 || text[i-1] != ' ' {
		return ""
	}
	e := i - 1
	k := e
	for k > 0 && text[k-1] != ' ' && text[k-1] != '\n' && text[k-1] != '\t' && e-k < 24 {
		k--
	}
	if k > 0 && text[k-1] != ' ' && text[k-1] != '\n' && text[k-1] != '\t' {
		return ""
	}
	return text[k:e]
}

// timeUnitAfter reports a duration or age unit after the quantity: "seks
// måneder", "30-årig", "three years".
func (a *Annotator) timeUnitAfter(ld *langData, text string, e int) bool {
	j := skipSpaces(text, e)
	if j < len(text) && text[j] == '-' {
		j++
	}
	w := wordAt(text, j)
	if w == "" {
		return false
	}
	lw := lowerASCII(w)
	if ld.roles[lw] == "timeunit" {
		return true
	}
	// "year-old", "30-årige"
	if h := strings.IndexByte(lw, '-'); h > 0 && ld.roles[lw[:h]] == "timeunit" {
		return true
	}
	return false
}

// side reads the currency and unit around number n at i.
func (a *Annotator) side(ld *langData, lang, text string, i int, n number.Number) side {
	s := side{n: n, start: i, end: n.End, factor: 1}
	// Currency before: "$200", "US$ 4", "kr. 500", "DKK 1.000".
	if p, ps := a.prefixCur(text, i); p != nil {
		s.unit, s.class, s.start = p.val, "money", ps
		if n.End < len(text) && text[n.End] == 'm' && !isLetterAt(text, n.End+1) {
			s.n.Value *= 1e6
			s.n.Scale = 1e6
			s.end = n.End + 1
		}
		return s
	}
	j := n.End
	if hasPrefixAt(text, j, ",-") {
		j += 2 // "500,- kr."
		s.end = j
	}
	if j < len(text) && (text[j] == ' ' || text[j] == 0xC2 || text[j] == 0xE2) {
		j = skipSpaces(text, j)
	} else if j < len(text) && text[j] == '-' && lang == "en" {
		j++ // "3-inch"
	}
	if p := a.curAt(text, j); p != nil {
		s.unit, s.class, s.factor = p.val, "money", p.factor
		s.end = j + len(p.s)
		k := skipSpaces(text, s.end)
		if k > s.end {
			if m, ok := number.Scan(lang, text, k); ok && m.Words && m.Scale > 1 && m.Value == m.Scale && n.Scale == 1 {
				// "75 USD million"
				s.n.Value *= m.Scale
				s.n.Scale = m.Scale
				s.end = m.End
			} else if p.factor == 1 {
				a.subunit(lang, text, &s)
			}
		}
		return s
	}
	if p := a.unitAt(text, j); p != nil {
		// bare single letters ("m", "l", "g") only right after the digits
		// or a space, never after words ("tre m")
		if len(p.s) == 1 && isASCIILetter(p.s[0]) && n.Words {
			return s
		}
		s.unit, s.class = p.val, p.class
		if p.class == "percent" || p.class == "pp" {
			s.class = "percent"
			if p.class == "pp" {
				s.class = "pp"
			}
		}
		s.end = j + len(p.s)
		// "per cent of": nothing more
		return s
	}
	if p, e := a.fracUnit(text, j, n); e > 0 {
		s.unit, s.class, s.end = p.val, p.class, e
	}
	return s
}

var pointPhrase = phrase{s: "point", val: "pp", class: "pp"}

// fracUnit reads a percent or percentage-point unit after a number below
// one, with "of a" between ("a quarter of a percentage point", "half a
// percentage point", "et halvt procentpoint") or the bare word "point(s)",
// which after a fraction means percentage points ("another half point",
// "a quarter point"). It returns the unit and its end, or -1.
func (a *Annotator) fracUnit(text string, j int, n number.Number) (*phrase, int) {
	if !(n.Value > 0 && n.Value < 1) || j >= len(text) {
		return nil, -1
	}
	k := j
	if w := lowerASCII(wordAt(text, k)); w == "of" || w == "af" {
		k = skipSpaces(text, k+len(w))
	}
	switch lowerASCII(wordAt(text, k)) {
	case "a", "an", "en", "et":
		k = skipSpaces(text, k+len(wordAt(text, k)))
	}
	if p := a.unitAt(text, k); p != nil && (p.class == "pp" || p.class == "percent") {
		return p, k + len(p.s)
	}
	switch w := lowerASCII(wordAt(text, k)); w {
	case "point", "points":
		return &pointPhrase, k + len(w)
	}
	return nil, -1
}

// ordinalFraction reports an English "a third", "a fourth" that is an
// ordinal: a noun follows ("for a third time", "a third term", "a fourth
// round"), not "of" or a verb ("a third of voters", "a third said no").
func (a *Annotator) ordinalFraction(ld *langData, text string, i int, n number.Number) bool {
	if !n.Fraction || n.Digits || n.Value >= 0.5 || n.End-i < 7 {
		return false
	}
	if w := lowerASCII(wordAt(text, i)); w != "a" && w != "an" {
		return false
	}
	j := skipSpaces(text, n.End)
	if j == n.End {
		return false
	}
	w := wordAt(text, j)
	if w == "" || isUpperStart(w) {
		return false
	}
	lw := lowerASCII(w)
	if lw == "of" || lw == "point" || lw == "points" || a.unitAt(text, j) != nil {
		return false
	}
	return ld.roles[lw] == "timeunit" || ld.roles[lw] == "mod" || a.content(ld, w)
}

// changeVerbBefore reports a word of change ("steg", "rose", "an increase")
// among the three words before i in the same clause: "steg fra 5 til 6".
func (a *Annotator) changeVerbBefore(ld *langData, text string, i int) bool {
	k := i
	for n := 0; n < 3; n++ {
		ws, we := wordBefore(text, k)
		if ws < 0 {
			return false
		}
		if ld.roles[lowerASCII(text[ws:we])] == "change" {
			return true
		}
		k = ws
	}
	return false
}

// subunit adds cents after a main unit: "3 dollars 50 cents", "15 dollars
// and 50", "5 kroner og 50 øre". The cents must be a whole number below 100
// followed by a subunit word or by no word at all.
func (a *Annotator) subunit(lang, text string, s *side) {
	k := skipSpaces(text, s.end)
	if w := lowerASCII(wordAt(text, k)); w == "and" || w == "og" {
		k = skipSpaces(text, k+len(w))
	}
	m, ok := number.Scan(lang, text, k)
	if !ok || m.Ordinal || m.Weak || m.Decimal || m.Grouped || m.Value < 1 || m.Value >= 100 || m.Value != float64(int(m.Value)) || m.Scale > 1 {
		return
	}
	e := m.End
	j := skipSpaces(text, e)
	if p := a.curAt(text, j); p != nil && p.factor == 0.01 {
		e = j + len(p.s)
	} else if isLetterAt(text, j) || j < len(text) && (isDigit(text[j]) || text[j] == '%') {
		return
	}
	s.n.Value += m.Value / 100
	s.end = e
}

// prefixCur matches a currency symbol or code that ends right before i
// (one optional space between).
func (a *Annotator) prefixCur(text string, i int) (*phrase, int) {
	k := i
	if k > 0 && text[k-1] == ' ' {
		k--
	} else if k > 1 && text[k-2] == 0xC2 && text[k-1] == 0xA0 {
		k -= 2
	}
	for idx := range a.pre {
		p := &a.pre[idx]
		if k >= len(p.s) && text[k-len(p.s):k] == p.s || (p.s == "kr." && k >= 3 && strings.EqualFold(text[k-3:k], "kr.")) {
			s := k - len(p.s)
			if s > 0 && isLetterBefore(text, s) && isLetterStartOf(p.s) {
				continue
			}
			if s > 0 && isLetterBefore(text, s) && (p.s == "$") {
				// "US$", "HK$" handled by longer entries; a lone letter
				// before "$" ("c $") is a currency we do not know.
				continue
			}
			return p, s
		}
	}
	return nil, 0
}

// prevByteRune returns the rune before i, skipping one space.
func prevByteRune(text string, i int) rune {
	if i > 0 && text[i-1] == ' ' {
		i--
	}
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

// preAt matches a currency that precedes amounts ("$", "€", "DKK") at j.
func (a *Annotator) preAt(text string, j int) *phrase {
	for idx := range a.pre {
		p := &a.pre[idx]
		if hasPrefixAt(text, j, p.s) && !isLetterAt(text, j+len(p.s)) {
			return p
		}
	}
	return nil
}

func isLetterStartOf(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// curAt matches a currency name at j, followed by no letter.
func (a *Annotator) curAt(text string, j int) *phrase {
	return matchList(text, j, a.cur)
}

func (a *Annotator) unitAt(text string, j int) *phrase {
	return matchList(text, j, a.units)
}

func matchList(text string, j int, pl plist) *phrase {
	if j >= len(text) {
		return nil
	}
	for _, idx := range pl.by[text[j]] {
		p := &pl.all[idx]
		e := j + len(p.s)
		if e > len(text) {
			continue
		}
		if p.exact {
			if text[j:e] != p.s {
				continue
			}
		} else if !strings.EqualFold(text[j:e], p.s) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(p.s)
		if (unicode.IsLetter(last) || unicode.IsDigit(last)) && (isLetterAt(text, e) || (e < len(text) && isDigit(text[e]))) {
			continue
		}
		return p
	}
	return nil
}

// matchBefore finds a phrase that ends, followed by one space, right
// before i. It returns the phrase and its start.
func matchBefore(text string, i int, l []phrase) (*phrase, int) {
	if i > 0 && strings.IndexByte("<>=~", text[i-1]) >= 0 || hasSuffixAt(text, i, "≥") || hasSuffixAt(text, i, "≤") {
		// ">10", "<=  -30": symbols stand right before the number
		for idx := range l {
			p := &l[idx]
			if s := i - len(p.s); s >= 0 && text[s:i] == p.s {
				if s > 0 && strings.IndexByte("<>=", text[s-1]) >= 0 {
					return nil, 0 // "<>30", "=>30": no bound we know
				}
				return p, s
			}
		}
	}
	k := i
	for k > 1 && text[k-1] == ' ' && text[k-2] == ' ' {
		k--
	}
	if k > 0 && text[k-1] == ' ' {
		k--
	} else if k > 1 && text[k-2] == 0xC2 && text[k-1] == 0xA0 {
		k -= 2
	} else {
		return nil, 0
	}
	for idx := range l {
		p := &l[idx]
		s := k - len(p.s)
		if s < 0 || !strings.EqualFold(text[s:k], p.s) {
			continue
		}
		if s > 0 && (isLetterBefore(text, s) || isDigit(text[s-1])) {
			continue
		}
		return p, s
	}
	return nil, 0
}

// matchAfter finds a phrase after one space at e; it returns its end.
func matchAfter(text string, e int, l []phrase) (*phrase, int) {
	j := skipSpaces(text, e)
	if j == e {
		return nil, 0
	}
	for idx := range l {
		p := &l[idx]
		f := j + len(p.s)
		if f > len(text) || !strings.EqualFold(text[j:f], p.s) || isLetterAt(text, f) {
			continue
		}
		// "200 or greater than 190": the phrase bounds the next number.
		if k := skipSpaces(text, f); k < len(text) && (isDigit(text[k]) || startsNumber(text, k)) {
			continue
		} else if w := lowerASCII(wordAt(text, k)); w == "than" || w == "end" {
			continue // "less than 10 and more than 40"
		}
		return p, f
	}
	return nil, 0
}

// joinAfter finds where the second number of a range starts after e:
// "X-Y", "X – Y", "X til Y", "X og Y" (after an opener).
func (a *Annotator) joinAfter(ld *langData, text string, e int, opened bool) (int, bool) {
	if e >= len(text) {
		return 0, false
	}
	if text[e] == '-' || text[e] == '~' || hasPrefixAt(text, e, "–") {
		w := 1
		if text[e] != '-' && text[e] != '~' {
			w = len("–")
		}
		j := e + w
		if j < len(text) && (isDigit(text[j]) || text[j] == '$' || text[j] == 0xE2 || text[j] == 0xC2) {
			return j, true
		}
		if j < len(text) && isLetterAt(text, j) && startsNumber(text, j) {
			return j, true // "to-tre", "five-six"
		}
		return 0, false
	}
	j := skipSpaces(text, e)
	if j == e || j >= len(text) {
		return 0, false
	}
	if text[j] == '-' || hasPrefixAt(text, j, "–") {
		w := 1
		if text[j] != '-' {
			w = len("–")
		}
		k := skipSpaces(text, j+w)
		if k > j+w && k < len(text) && (isDigit(text[k]) || !isLetterAt(text, k)) {
			return k, true
		}
		return 0, false
	}
	lists := [][]phrase{ld.join}
	if opened {
		lists = append(lists, ld.joinopen)
	}
	for _, l := range lists {
		for idx := range l {
			p := &l[idx]
			f := j + len(p.s)
			if f < len(text) && strings.EqualFold(text[j:f], p.s) && !isLetterAt(text, f) {
				k := skipSpaces(text, f)
				if k > f {
					return k, true
				}
			}
		}
	}
	return 0, false
}

// boundPair reads the second half of "more than 10 and less than 20",
// "mindst 5 og højst 9": a bound of the other direction after "and", "but",
// "og", "men" or a comma. It returns that number and the end.
func (a *Annotator) boundPair(ld *langData, lang, text string, e int, approx string, x side) (float64, int, bool) {
	j := skipSpaces(text, e)
	if j < len(text) && text[j] == ',' {
		j = skipSpaces(text, j+1)
	}
	w := wordAt(text, j)
	switch lowerASCII(w) {
	case "and", "but", "og", "men":
		j = skipSpaces(text, j+len(w))
	default:
		if j == e || text[j-1] != ' ' || e >= len(text) || text[e] != ',' {
			return 0, 0, false
		}
	}
	lower := approx == "more_than" || approx == "at_least"
	for idx := range ld.before {
		p := &ld.before[idx]
		f := j + len(p.s)
		if f >= len(text) || !strings.EqualFold(text[j:f], p.s) || isLetterAt(text, f) {
			continue
		}
		pl := p.val == "more_than" || p.val == "at_least"
		pu := p.val == "less_than" || p.val == "at_most"
		if !(lower && pu || !lower && pl) {
			continue
		}
		k := skipSpaces(text, f)
		n, ok := number.Scan(lang, text, k)
		if !ok || n.Ordinal || n.Weak {
			return 0, 0, false
		}
		y := a.side(ld, lang, text, k, n)
		if y.unit != "" && x.unit != "" && y.unit != x.unit {
			return 0, 0, false
		}
		v := y.n.Value * y.factor
		if xv := x.n.Value * x.factor; lower && v <= xv || !lower && v >= xv {
			return 0, 0, false // "more than 40 and less than 10": two bounds
		}
		return v, y.end, true
	}
	return 0, 0, false
}

// startsNumber reports whether a spelled-out or written number starts at k.
func startsNumber(text string, k int) bool {
	if _, ok := number.Scan("en", text, k); ok {
		return true
	}
	_, ok := number.Scan("da", text, k)
	return ok
}

// scoreBefore reports a sports verb right before a quantity ("vandt 2-3").
func scoreBefore(ld *langData, text string, i int) bool {
	ws, we := wordBefore(text, i)
	return ws >= 0 && ld.roles[lowerASCII(text[ws:we])] == "score"
}

// changeBefore reports "by"/"med" right before a quantity: "by X to Y"
// is a change, not a range.
func changeBefore(text string, i int) bool {
	ws, we := wordBefore(text, i)
	if ws < 0 {
		return false
	}
	switch lowerASCII(text[ws:we]) {
	case "by", "med":
		return true
	}
	return false
}

func isHyphenJoin(text string, e, s int) bool {
	if s <= e || s > len(text) {
		return false
	}
	g := strings.TrimSpace(text[e:s])
	return g == "-" || g == "–"
}

// measured finds the counted noun before start ("en cykelsti på 5 km"),
// or after end ("1.000 ISIS-krigere").
func (a *Annotator) measured(ld *langData, lang, text string, start, end int) (string, kilde.Span) {
	if w, sp := a.measuredBefore(ld, text, start); w != "" {
		return w, sp
	}
	j := skipSpaces(text, end)
	if j > end && j < len(text) {
		w := wordAt(text, j)
		lw := lowerASCII(w)
		if w != "" && (a.content(ld, w) || ld.roles[lw] == "vague") {
			k := skipSpaces(text, j+len(w))
			next := wordAt(text, k)
			mod := ld.roles[lw] == "mod" || ld.roles[lw] == "vague"
			if k > j+len(w) && next != "" && a.content(ld, next) && (mod || (lang == "en" && isUpperStart(w) && !isUpperStart(next)) || (lang != "en" && !isUpperStart(w) && (strings.HasSuffix(lw, "ske") || strings.HasSuffix(lw, "ige")))) {
				return next, kilde.Span{Start: k, End: k + len(next)}
			}
			if !mod {
				return w, kilde.Span{Start: j, End: j + len(w)}
			}
		}
	}
	return "", kilde.Span{}
}

// percentOf finds the whole a percentage is of: "45 pct. af danskerne",
// "13 procent af alle elever", "40 per cent of the respondents".
func (a *Annotator) percentOf(ld *langData, text string, end int) (string, kilde.Span) {
	j := skipSpaces(text, end)
	w := wordAt(text, j)
	if lw := lowerASCII(w); lw != "af" && lw != "of" {
		return "", kilde.Span{}
	}
	for n := 0; n < 3; n++ {
		j = skipSpaces(text, j+len(w))
		w = wordAt(text, j)
		if w == "" {
			return "", kilde.Span{}
		}
		if a.content(ld, w) && ld.roles[lowerASCII(w)] != "mod" {
			return w, kilde.Span{Start: j, End: j + len(w)}
		}
		switch ld.roles[lowerASCII(w)] {
		case "stop", "det", "mod", "vague":
		default:
			return "", kilde.Span{}
		}
	}
	return "", kilde.Span{}
}

// spentOn finds what an amount of money is for: "45 millioner kroner på en
// ny cykelsti" → cykelsti, "$45 million on a new bridge" → bridge, "5 mio.
// kr. til skoler". Not "til at"/"for at"/"to": an infinitive follows.
func (a *Annotator) spentOn(ld *langData, text string, end int) (string, kilde.Span) {
	j := skipSpaces(text, end)
	if j == end {
		return "", kilde.Span{}
	}
	w := wordAt(text, j)
	switch lowerASCII(w) {
	case "på", "til", "for", "on":
	default:
		return "", kilde.Span{}
	}
	for n := 0; n < 3; n++ {
		j = skipSpaces(text, j+len(w))
		w = wordAt(text, j)
		if w == "" {
			return "", kilde.Span{}
		}
		lw := lowerASCII(w)
		if lw == "at" || lw == "to" {
			return "", kilde.Span{}
		}
		if a.content(ld, w) && ld.roles[lw] != "mod" && !isUpperStart(w) {
			return w, kilde.Span{Start: j, End: j + len(w)}
		}
		switch ld.roles[lw] {
		case "stop", "det", "mod":
		default:
			if !strings.HasSuffix(lw, "e") || isUpperStart(w) {
				return "", kilde.Span{}
			}
			// a Danish adjective: "en ny, grøn cykelsti", "nye skoler"
		}
	}
	return "", kilde.Span{}
}

func (a *Annotator) measuredBefore(ld *langData, text string, start int) (string, kilde.Span) {
	// "en cykelsti på 5 km", "a budget of $5m".
	ps, pe := wordBefore(text, start)
	if ps < 0 {
		return "", kilde.Span{}
	}
	if lp := lowerASCII(text[ps:pe]); lp != "på" && lp != "of" {
		return "", kilde.Span{}
	}
	ws, we := wordBefore(text, ps)
	if ws < 0 {
		return "", kilde.Span{}
	}
	w := text[ws:we]
	if !a.content(ld, w) {
		return "", kilde.Span{}
	}
	return w, kilde.Span{Start: ws, End: we}
}

// wordBefore returns the span of the word (letters and inner hyphens) that
// ends one space before i, or -1.
func wordBefore(text string, i int) (int, int) {
	if i < 2 || text[i-1] != ' ' {
		return -1, -1
	}
	e := i - 1
	k := e
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) && !(r == '-' && k < e && k-w > 0 && isLetterBefore(text, k-w)) {
			break
		}
		k -= w
	}
	if k == e {
		return -1, -1
	}
	return k, e
}

// content reports whether w can be a counted noun.
func (a *Annotator) content(ld *langData, w string) bool {
	if len(w) < 2 {
		return false
	}
	lw := lowerASCII(w)
	switch ld.roles[lw] {
	case "stop", "timeunit", "month", "clock", "det", "vague", "rank", "verb", "change":
		return false
	}
	if ld.en && len(lw) > 4 && strings.HasSuffix(lw, "ed") && !strings.HasSuffix(lw, "eed") && !isUpperStart(w) {
		return false // "attended", "turned": a verb, never the counted noun
	}
	if a.unitAt(w, 0) != nil || a.curAt(w, 0) != nil {
		return false
	}
	if _, ok := number.Scan("da", w, 0); ok {
		return false
	}
	if _, ok := number.Scan("en", w, 0); ok {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// wordAt returns the word at j: letters, digits and inner hyphens.
func wordAt(text string, j int) string {
	if j >= len(text) || !isLetterAt(text, j) {
		return ""
	}
	e := j
	for e < len(text) {
		c := text[e]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) || isDigit(c) || (c == '-' || c == '\'') && e+1 < len(text) && isLetterAt(text, e+1) {
				e++
				continue
			}
			break
		}
		r, w := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += w
	}
	return text[j:e]
}

// role returns the context role of the word w that ends at e, trying
// "w." when a dot follows ("jan.", "kl.").
func role(ld *langData, text, w string, e int) string {
	lw := lowerASCII(w)
	if r := ld.roles[lw]; r != "" {
		return r
	}
	if e < len(text) && text[e] == '.' {
		return ld.roles[lw+"."]
	}
	return ""
}

// prevWord returns the word that ends, with one space (or a dot and space),
// right before i.
func prevWord(text string, i int) string {
	k := i
	if k > 0 && text[k-1] == ' ' {
		k--
	} else {
		return ""
	}
	e := k
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) && !(r == '.' && k == e) {
			break
		}
		k -= w
	}
	w := text[k:e]
	return strings.TrimSuffix(w, ".")
}

func nextIsWord(text string, e int, w string) bool {
	j := skipSpaces(text, e)
	return j > e && j+len(w) <= len(text) && strings.EqualFold(text[j:j+len(w)], w) && !isLetterAt(text, j+len(w))
}

// lowerASCII lower-cases w, allocating only when it has upper-case letters.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

func isUpperStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func boundaryBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
}

func isLetterBefore(text string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r)
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// skipSpaces is number.SkipSpace: one notion of in-line space for both.
func skipSpaces(s string, i int) int { return number.SkipSpace(s, i) }

func hasPrefixAt(s string, i int, p string) bool {
	return i >= 0 && i+len(p) <= len(s) && s[i:i+len(p)] == p
}

func hasSuffixAt(s string, i int, p string) bool {
	return i-len(p) >= 0 && i <= len(s) && s[i-len(p):i] == p
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// digitSum reads an amount stated by its number of digits at i: "et
// trecifret millionbeløb" (100-999 million), "a two-digit million sum"
// (10-99 million), a range; a currency right after it, or after "i"/"in",
// is its unit ("et tocifret millionbeløb i kroner" → DKK), else the unit is
// "" (lexicon/all/quantity_digitsum.tsv).
func (a *Annotator) digitSum(text string, i int) (kilde.Quantity, bool) {
	j := i
	switch {
	case hasFoldPrefixAt(text, j, "et "), hasFoldPrefixAt(text, j, "en "), hasFoldPrefixAt(text, j, "an "):
		j += 3
	case hasFoldPrefixAt(text, j, "a "):
		j += 2
	default:
		return kilde.Quantity{}, false
	}
	e := j
	for e < len(text) && text[e] != ' ' && text[e] != ',' && text[e] != '.' {
		e++
	}
	n := a.digits[strings.ToLower(text[j:e])]
	if n == 0 || e >= len(text) || text[e] != ' ' {
		return kilde.Quantity{}, false
	}
	j = e + 1
	var sc *phrase
	for k := range a.scales {
		p := &a.scales[k]
		if hasFoldPrefixAt(text, j, p.s) && !isLetterAt(text, j+len(p.s)) {
			sc = p
			break
		}
	}
	if sc == nil {
		return kilde.Quantity{}, false
	}
	end := j + len(sc.s)
	unit := ""
	k := end
	if k < len(text) && text[k] == ' ' {
		k++
		if hasFoldPrefixAt(text, k, "i ") {
			k += 2
		} else if hasFoldPrefixAt(text, k, "in ") {
			k += 3
		}
		if p := a.curAt(text, k); p != nil && p.factor == 1 {
			unit = p.val
			end = k + len(p.s)
		}
	}
	low, high := math.Pow(10, float64(n-1)), math.Pow(10, float64(n))-1
	return kilde.Quantity{
		Span:   kilde.Span{Start: i, End: end},
		Low:    fp(low * sc.factor),
		High:   fp(high * sc.factor),
		Approx: "range",
		Unit:   unit,
	}, true
}
