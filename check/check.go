// Package check finds consistency problems in an annotated article. For now
// it checks currency conversions (kilde/1 `checks`, kind
// "currency_conversion"): where an article states one amount of money and,
// right after it, the same amount in another currency — "200 millioner
// dollars - svarende til 1,32 milliarder kroner", "$4.3bn (£3.3bn)",
// "500 euro, eller 3.700 kroner", "£3bn – about $4bn –" — it converts the
// first with the ECB reference rate of the article's date (package fx: the
// day, falling back to the nearest earlier business day; the month's mean
// for a month-precision date; the year's mean for a year) and compares:
// status "consistent" within 5 % (Options.Tolerance), "inconsistent"
// beyond, "unknown" without a date or a rate. Detail states the rate, its
// date and the computed amount.
//
// The words allowed between the two amounts are data
// (lexicon/{da,en}/quantity_conversion.tsv); bounds such as "ca.", "about",
// "omkring" belong to the second quantity already. A rate may stand before
// the connector and an approximation after it ("€6 million a season,
// equivalent to roughly $6.5 million"; lexicon/{da,en}/quantity_convfill.tsv),
// and "i danske kroner" / "in Danish kroner" gives a second amount without
// a currency its unit. The check's spans are the amounts without a leading
// approximation word.
package check

import (
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/fx"
	"github.com/kilde-news/kilde/lexicon"
)

// Options configure a Checker.
type Options struct {
	// Rates to convert with; nil means the table embedded in package fx,
	// or RatesFile when set.
	Rates *fx.Table
	// RatesFile is an ECB eurofxref-hist.csv to load instead of the
	// embedded table (e.g. a newer download).
	RatesFile string
	// Tolerance is the largest relative difference still consistent;
	// 0 means 0.05.
	Tolerance float64
}

// Checker runs the checks. It is immutable and safe for concurrent use.
type Checker struct {
	rates *fx.Table
	tol   float64
	conn  map[string]map[string]bool // lang → connector phrases
	pre   []string                   // rates before a connector ("a season"), longest first
	post  []string                   // approximations after it ("roughly"), longest first
	cur   map[string]string          // lower-case currency name → ISO code ("danske kroner")
}

// New returns a Checker.
func New(o Options) (*Checker, error) {
	c := &Checker{rates: o.Rates, tol: o.Tolerance, conn: map[string]map[string]bool{}}
	if c.tol <= 0 {
		c.tol = 0.05
	}
	if c.rates == nil && o.RatesFile != "" {
		f, err := os.Open(o.RatesFile)
		if err != nil {
			return nil, fmt.Errorf("check: rates: %w", err)
		}
		defer f.Close()
		if c.rates, err = fx.Load(f); err != nil {
			return nil, fmt.Errorf("check: rates %s: %w", o.RatesFile, err)
		}
	}
	if c.rates == nil {
		t, err := fx.Default()
		if err != nil {
			return nil, err
		}
		c.rates = t
	}
	for _, lang := range []string{"da", "en"} {
		m, err := lexicon.Set(lang + "/quantity_conversion.tsv")
		if err != nil {
			return nil, err
		}
		c.conn[lang] = m
		fill, err := lexicon.Map(lang + "/quantity_convfill.tsv")
		if err != nil {
			return nil, err
		}
		for w, pos := range fill {
			switch pos {
			case "pre":
				c.pre = append(c.pre, w)
			case "post":
				c.post = append(c.post, w)
			}
		}
	}
	byLen := func(l []string) {
		sort.Slice(l, func(i, j int) bool { return len(l[i]) > len(l[j]) || len(l[i]) == len(l[j]) && l[i] < l[j] })
	}
	byLen(c.pre)
	byLen(c.post)
	rows, err := lexicon.Rows("all/currencies.tsv", 2)
	if err != nil {
		return nil, err
	}
	c.cur = map[string]string{}
	for _, r := range rows {
		if len(r) > 2 && r[2] != "1" {
			continue // "øre", "MUSD": no name of a currency
		}
		c.cur[strings.ToLower(r[0])] = r[1]
	}
	return c, nil
}

// Name implements kilde.Annotator.
func (c *Checker) Name() string { return "checks" }

// Requires implements kilde.Annotator.
func (c *Checker) Requires() kilde.Layer { return kilde.LayerQuantities }

// Provides implements kilde.Annotator.
func (c *Checker) Provides() kilde.Layer { return kilde.LayerChecks }

// Annotate fills d.Checks.
func (c *Checker) Annotate(d *kilde.Doc) error {
	d.Checks = d.Checks[:0]
	qs := d.Quantities
	sorted := timesSorted(d.Times)
	for i := 0; i+1 < len(qs); i++ {
		a, b := qs[i], qs[i+1]
		if !isMoney(a.Unit) || !isMoney(b.Unit) && b.Unit != "" || a.Unit == b.Unit {
			continue
		}
		if a.End > b.Start || b.Start-a.End > 60 {
			continue
		}
		lang := d.LangAt(a.Start)
		ok, unit := c.connected(lang, d.Text[a.End:b.Start], timesIn(d, sorted, a.End, b.Start))
		if !ok {
			continue
		}
		if b.Unit == "" {
			// "1 mia. euro, i danske kroner 7,5 mia."
			if unit == "" || unit == a.Unit {
				continue
			}
			b.Unit = unit
		}
		d.Checks = append(d.Checks, c.convert(d, a, b))
		i++ // b is used up
	}
	return nil
}

// isMoney reports an ISO 4217 code: three upper-case letters.
func isMoney(u string) bool {
	if len(u) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if u[i] < 'A' || u[i] > 'Z' {
			return false
		}
	}
	return true
}

// timesIn returns the time expressions inside [from, to), relative to from.
// The time layer is sorted by start (checked once per document by the
// caller), so a binary search finds the first candidate: a scan of the whole
// layer for every pair of amounts was quadratic in a long article.
func timesIn(d *kilde.Doc, sorted bool, from, to int) []kilde.Span {
	var out []kilde.Span
	ts := d.Times
	if sorted {
		ts = ts[sort.Search(len(ts), func(i int) bool { return ts[i].Start >= from }):]
	}
	for _, t := range ts {
		if sorted && t.Start >= to {
			break
		}
		if t.Start >= from && t.End <= to {
			out = append(out, kilde.Span{Start: t.Start - from, End: t.End - from})
		}
	}
	return out
}

func timesSorted(ts []kilde.Time) bool {
	for i := 1; i < len(ts); i++ {
		if ts[i].Start < ts[i-1].Start {
			return false
		}
	}
	return true
}

// connected reports whether gap, the text between two amounts, says the
// second converts the first. Time expressions in the gap (times, relative
// to the gap) and a preposition before them are ignored: "232 mia. kr. i
// 2023, svarende til 31 mia. euro".
//
// Around the connector a rate may stand before it and an approximation
// after it ("€6 million a season, equivalent to roughly $6.5 million";
// lexicon/{da,en}/quantity_convfill.tsv). "i danske kroner" / "in Danish
// kroner" at the end of the gap is a connector that also names the
// currency of a second amount written without one; it is returned as unit.
func (c *Checker) connected(lang, gap string, times []kilde.Span) (bool, string) {
	if len(times) > 0 {
		b := []byte(gap)
		for _, t := range times {
			for k := t.Start; k < t.End && k < len(b); k++ {
				b[k] = ' '
			}
			// the preposition right before: "i", "in", "for", "on", "på"
			k := t.Start - 1
			for k >= 0 && b[k] == ' ' {
				k--
			}
			e := k + 1
			for k >= 0 && (b[k] >= 'a' && b[k] <= 'z' || b[k] >= 0x80) {
				k--
			}
			switch string(b[k+1 : e]) {
			case "i", "in", "for", "on", "på", "at":
				for m := k + 1; m < e; m++ {
					b[m] = ' '
				}
			}
		}
		gap = string(b)
	}
	opened := false
	var words []string
	start := -1
	for i, r := range gap {
		switch {
		case unicode.IsLetter(r) || r == '.' && start >= 0:
			if start < 0 {
				start = i
			}
			continue
		case r == '(' || r == '-' || r == '–' || r == '—' || r == '[' || r == '/':
			opened = true
		case unicode.IsSpace(r) || r == ',' || r == ':' || r == ';':
		default:
			return false, ""
		}
		if start >= 0 {
			words = append(words, strings.ToLower(gap[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, strings.ToLower(gap[start:]))
	}
	if len(words) == 0 {
		return opened, ""
	}
	phrase := strings.Join(words, " ")
	phrase = c.trimFill(phrase)
	unit := ""
	for _, in := range []string{"i ", "in "} {
		if k := strings.LastIndex(phrase, in); k >= 0 && (k == 0 || phrase[k-1] == ' ') {
			if u := c.cur[phrase[k+len(in):]]; u != "" {
				unit = u
				phrase = strings.TrimSpace(phrase[:k])
				break
			}
		}
	}
	if phrase == "" {
		return opened || unit != "", unit
	}
	if len(lang) > 2 {
		lang = lang[:2]
	}
	if m := c.conn[lang]; m != nil && m[phrase] {
		return true, unit
	}
	// Quotes in the other language happen; accept either table.
	for _, m := range c.conn {
		if m[phrase] {
			return true, unit
		}
	}
	return false, ""
}

// amountSpan is the span of a quantity without a leading approximation
// word: the check points at the amounts compared ("godt 30 mia. kr." →
// "30 mia. kr.", "around €6 million" → "€6 million").
func (c *Checker) amountSpan(text string, sp kilde.Span) kilde.Span {
	if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		return sp
	}
	t := text[sp.Start:sp.End]
	for _, w := range c.post {
		if len(t) > len(w)+1 && t[len(w)] == ' ' && strings.EqualFold(t[:len(w)], w) {
			return kilde.Span{Start: sp.Start + len(w) + 1, End: sp.End}
		}
	}
	return sp
}

// trimFill drops rate words before the connector and approximation words
// after it: "a season equivalent to roughly" → "equivalent to".
func (c *Checker) trimFill(phrase string) string {
	for again := true; again; {
		again = false
		for _, w := range c.pre {
			if phrase == w {
				return ""
			}
			if strings.HasPrefix(phrase, w) && len(phrase) > len(w) && phrase[len(w)] == ' ' {
				phrase, again = phrase[len(w)+1:], true
				break
			}
		}
		if !again {
			phrase, again = perUnit(phrase)
		}
	}
	for again := true; again; {
		again = false
		for _, w := range c.post {
			if strings.HasSuffix(phrase, w) && len(phrase) > len(w) && phrase[len(phrase)-len(w)-1] == ' ' {
				phrase, again = phrase[:len(phrase)-len(w)-1], true
				break
			}
		}
	}
	return phrase
}

// perUnit drops a leading "per X" / "pr. X" / "a X" / "an X" (one word X):
// a rate such as "35 euro per MWh, svarende til 261 kroner" or "€35 a
// tonne, equivalent to $38" states both amounts per the same unit, so the
// conversion still holds. The phrase after it must not be empty unless the
// rate is all there is ("€35 a tonne ($38)").
func perUnit(phrase string) (string, bool) {
	for _, p := range []string{"per ", "pr. ", "pr ", "a ", "an "} {
		if !strings.HasPrefix(phrase, p) {
			continue
		}
		rest := phrase[len(p):]
		if rest == "" {
			return phrase, false
		}
		if k := strings.IndexByte(rest, ' '); k > 0 {
			return rest[k+1:], true
		}
		return "", true
	}
	return phrase, false
}

// amount is the stated value, or the middle of a range.
func amount(q kilde.Quantity) (float64, bool) {
	switch {
	case q.Value != nil:
		return *q.Value, true
	case q.Low != nil && q.High != nil:
		return (*q.Low + *q.High) / 2, true
	}
	return 0, false
}

func (c *Checker) convert(d *kilde.Doc, a, b kilde.Quantity) kilde.Check {
	ch := kilde.Check{Kind: "currency_conversion", Status: "unknown", Spans: []kilde.Span{c.amountSpan(d.Text, a.Span), c.amountSpan(d.Text, b.Span)}}
	x, ok1 := amount(a)
	y, ok2 := amount(b)
	if !ok1 || !ok2 || x == 0 || math.IsNaN(x) || math.IsNaN(y) {
		ch.Detail = "no amount to compare"
		return ch
	}
	if d.Date == "" {
		ch.Detail = fmt.Sprintf("%s %s stated as %s %s; no article date, so no rate", fmtAmount(x), a.Unit, fmtAmount(y), b.Unit)
		return ch
	}
	r, err := c.rates.Rate(a.Unit, b.Unit, d.Date)
	if err != nil {
		reason := err.Error()
		if errors.Is(err, fx.ErrNoRate) {
			reason = fmt.Sprintf("no ECB rate %s→%s for %s (table %s..%s)", a.Unit, b.Unit, d.Date, c.rates.First(), c.rates.Last())
		}
		ch.Detail = fmt.Sprintf("%s %s stated as %s %s; %s", fmtAmount(x), a.Unit, fmtAmount(y), b.Unit, reason)
		return ch
	}
	want := x * r.Value
	diff := (y - want) / want
	ch.Status = "consistent"
	if math.Abs(diff) > c.tol {
		ch.Status = "inconsistent"
	}
	ch.Detail = fmt.Sprintf("%s %s × %s %s/%s (ECB, %s %s) = %s %s; stated %s %s (%+.1f %%)",
		fmtAmount(x), a.Unit, strconv.FormatFloat(r.Value, 'f', 4, 64), b.Unit, a.Unit, r.Basis, r.Date,
		fmtAmount(want), b.Unit, fmtAmount(y), b.Unit, 100*diff)
	return ch
}

// fmtAmount prints an amount without exponent, to four significant digits
// for large numbers.
func fmtAmount(v float64) string {
	if math.Abs(v) >= 1e4 {
		mag := math.Pow(10, math.Floor(math.Log10(math.Abs(v)))-3)
		v = math.Round(v/mag) * mag
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "" || s == "-" {
		s = "0"
	}
	return s
}
