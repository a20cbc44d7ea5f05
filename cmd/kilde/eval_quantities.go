package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/eval"
	"github.com/kilde-news/kilde/number"
	"github.com/kilde-news/kilde/quantity"
)

func evalQuantities(ctx context.Context, e *env, args []string) int {
	shared := eval.SharedDir()
	fs := newFlags(e, "eval quantities", "",
		"Measure the number parser and the quantity extractor:\n"+
			"  Duckling Danish numerals and ordinals (../shared/data/numbers/duckling-da-*.json, BSD-3):\n"+
			"    accuracy of number.Scan on the whole text (value; ordinals flagged as ordinals), and\n"+
			"    whether the quantity annotator emits a count (numerals) or nothing (ordinals);\n"+
			"  Recognizers-Text English Number, NumberRange, Percent, Currency, Dimension models\n"+
			"    (../shared/data/numbers/recognizers-en, MIT): each gold result is matched to an overlapping\n"+
			"    quantity with the same value (and bounds, percent unit, currency or dimension unit); prints\n"+
			"    P/R/F1 over results and case accuracy (all results right, nothing extra).\n"+
			"Cases that disagree with kilde/1 conventions are counted under 'convention' and listed with -v.")
	data := fs.String("data", shared, "shared data `dir`")
	verbose := fs.Bool("v", false, "list every failing case")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	qa, err := quantity.New()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval quantities: %v\n", err)
		return 1
	}
	dir := filepath.Join(*data, "data", "numbers")
	if _, err := os.Stat(dir); err != nil {
		fmt.Fprintf(e.stderr, "kilde eval quantities: %v (the data lives in ../shared beside the repo; pass --data)\n", err)
		return 1
	}
	w := e.stdout
	fmt.Fprintf(w, "%-28s %6s %8s %8s %6s  %s\n", "file", "cases", "accuracy", "annot.", "conv.", "P/R/F1 over results")
	for _, f := range []string{"duckling-da-numeral.json", "duckling-da-ordinal.json"} {
		if err := qEvalDuckling(w, qa, filepath.Join(dir, f), strings.Contains(f, "ordinal"), *verbose); err != nil {
			fmt.Fprintf(e.stderr, "kilde eval quantities: %v\n", err)
			return 1
		}
	}
	for _, m := range []string{"NumberModel", "NumberRangeModel", "PercentModel", "CurrencyModel", "DimensionModel"} {
		if err := qEvalRecognizers(w, qa, filepath.Join(dir, "recognizers-en", m+".json"), m, *verbose); err != nil {
			fmt.Fprintf(e.stderr, "kilde eval quantities: %v\n", err)
			return 1
		}
	}
	return 0
}

func qEvalDuckling(w io.Writer, qa *quantity.Annotator, path string, ordinal, verbose bool) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var cases []struct {
		Text  string  `json:"text"`
		Value float64 `json:"value"`
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	ok, annOK, conv := 0, 0, 0
	var fails []string
	for _, c := range cases {
		n, found := number.Scan("da", c.Text, 0)
		good := found && n.End == len(c.Text) && qClose(n.Value, c.Value) && n.Ordinal == ordinal
		if good {
			ok++
		} else {
			fails = append(fails, fmt.Sprintf("  parse %q: got %v ordinal=%v end=%d, want %v", c.Text, n.Value, n.Ordinal, n.End, c.Value))
		}
		d := kilde.NewDoc(kilde.Article{Lang: "da", Text: c.Text})
		qa.Annotate(d)
		if ordinal {
			if len(d.Quantities) == 0 {
				annOK++
			} else {
				fails = append(fails, fmt.Sprintf("  annotate %q: an ordinal came out as a quantity", c.Text))
			}
			continue
		}
		if len(d.Quantities) == 1 && d.Quantities[0].Value != nil && qClose(*d.Quantities[0].Value, c.Value) && d.Quantities[0].End-d.Quantities[0].Start == len(strings.TrimSpace(c.Text)) {
			annOK++
		} else if found && n.Weak {
			conv++ // "en", "et": a count only in context (kilde/1)
			fails = append(fails, fmt.Sprintf("  annotate %q: convention: an article-like word alone is no count", c.Text))
		} else {
			fails = append(fails, fmt.Sprintf("  annotate %q: got %d quantities", c.Text, len(d.Quantities)))
		}
	}
	fmt.Fprintf(w, "%-28s %6d %7.1f%% %7.1f%% %6d  %s\n", filepath.Base(path), len(cases), qPct(ok, len(cases)), qPct(annOK, len(cases)), conv,
		"accuracy = number.Scan; annot. = annotator emits the count (numerals) / nothing (ordinals)")
	if verbose {
		for _, f := range fails {
			fmt.Fprintln(w, f)
		}
	}
	return nil
}

type qRecCase struct {
	Input        string `json:"Input"`
	NotSupported string `json:"NotSupported"`
	Results      []struct {
		Text       string         `json:"Text"`
		TypeName   string         `json:"TypeName"`
		Resolution map[string]any `json:"Resolution"`
		Start      int            `json:"Start"`
		End        int            `json:"End"`
	} `json:"Results"`
}

// qRecUnits maps Recognizers-Text unit names to kilde/1 units.
var qRecUnits = map[string]string{
	"Dollar": "USD", "United States dollar": "USD", "Pound": "GBP", "British pound": "GBP", "Euro": "EUR",
	"Canadian dollar": "CAD", "Hong Kong dollar": "HKD", "Australian dollar": "AUD", "Japanese yen": "JPY", "Yen": "JPY",
	"Chinese yuan": "CNY", "Yuan": "CNY", "Swiss franc": "CHF", "Danish krone": "DKK", "Swedish krona": "SEK",
	"Norwegian krone": "NOK", "Indian rupee": "INR", "Russian ruble": "RUB", "Cent": "USD", "Pence": "GBP",
	"Kilometer": "km", "Meter": "m", "Centimeter": "cm", "Millimeter": "mm", "Mile": "mi", "Foot": "ft", "Inch": "in",
	"Kilogram": "kg", "Gram": "g", "Ton": "t", "Metric ton": "t", "Milliliter": "ml", "Liter": "l", "Gallon": "gal",
	"Barrel": "bbl", "Square meter": "m2", "Square kilometer": "km2", "Acre": "acre", "Hectare": "ha", "Ounce": "oz",
	"Turkish lira": "TRY", "Finnish markka": "FIM", "Peseta": "ESP", "Dutch guilder": "NLG", "Costa Rican colón": "CRC",
	"Georgian lari": "GEL", "Lao kip": "LAK", "South Korean won": "KRW", "Russian rouble": "RUB", "Mexican peso": "MXN", "New Zealand dollar": "NZD", "Rupee": "INR", "Brazilian real": "BRL",
	"Mile per hour": "mph", "Kilometer per hour": "km/h", "Cubic meter": "m3", "Megawatt": "MW", "Kilowatt": "kW",
}

func qEvalRecognizers(w io.Writer, qa *quantity.Annotator, path, model string, verbose bool) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var cases []qRecCase
	if err := json.Unmarshal(b, &cases); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var prf, prfK eval.PRF // all cases; cases without a convention difference
	ok, conv, nK := 0, 0, 0
	reasons := map[string]int{}
	var fails []string
	for _, c := range cases {
		d := kilde.NewDoc(kilde.Article{Lang: "en", Text: c.Input})
		qa.Annotate(d)
		used := make([]bool, len(d.Quantities))
		var cp eval.PRF
		caseConv := false
		var cfails []string
		var creasons []string
		for _, g := range c.Results {
			gs, ge := qRuneToByte(c.Input, g.Start), qRuneToByte(c.Input, g.End+1)
			match, why := -1, "missed"
			for i, q := range d.Quantities {
				if used[i] || q.End <= gs || q.Start >= ge {
					continue
				}
				r := qRecAgree(model, g.Resolution, q)
				if r == "" {
					match = i
					break
				}
				why = r
			}
			if match >= 0 {
				used[match] = true
				cp.TP++
				continue
			}
			cp.FN++
			if cv := qRecConvention(c.Input, g.Text, g.Resolution); cv != "" {
				caseConv = true
				why = "convention: " + cv
			}
			creasons = append(creasons, why)
			cfails = append(cfails, fmt.Sprintf("  %s %q in %q: %s", model, g.Text, qTrunc(c.Input, 90), why))
		}
		for i, q := range d.Quantities {
			if !used[i] && qInModel(model, q) {
				cp.FP++
				creasons = append(creasons, "extra")
				cfails = append(cfails, fmt.Sprintf("  %s extra %q in %q", model, d.SpanText(q.Span), qTrunc(c.Input, 90)))
			}
		}
		prf.Add(cp)
		if caseConv {
			conv++
			for range creasons {
				reasons["in a convention case"]++
			}
		} else {
			nK++
			prfK.Add(cp)
			for _, r := range creasons {
				reasons[r]++
			}
		}
		if cp.FP+cp.FN == 0 {
			ok++
		}
		fails = append(fails, cfails...)
	}
	fmt.Fprintf(w, "%-28s %6d %7.1f%% %8s %6d  all: %s\n", model, len(cases), qPct(ok, len(cases)), "", conv, prf)
	fmt.Fprintf(w, "%-28s %6d %8s %8s %6s  excluding convention cases: %s\n", "", nK, "", "", "", prfK)
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return reasons[keys[i]] > reasons[keys[j]] })
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, reasons[k]))
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "%-28s   errors: %s\n", "", strings.Join(parts, ", "))
	}
	if verbose {
		for _, f := range fails {
			fmt.Fprintln(w, f)
		}
	}
	return nil
}

// qInModel reports whether a quantity is of the kind a model's cases
// annotate, so that others in the same sentence are no false positives.
func qInModel(model string, q kilde.Quantity) bool {
	switch model {
	case "PercentModel":
		return q.Unit == "%"
	case "CurrencyModel":
		return len(q.Unit) == 3 && strings.ToUpper(q.Unit) == q.Unit
	case "DimensionModel":
		return q.Unit != "" && q.Unit != "%" && !qInModel("CurrencyModel", q)
	case "NumberRangeModel":
		return q.Approx != "exact" && q.Approx != "about"
	case "NumberModel":
		// a number with a measure unit is a dimension to Recognizers
		return q.Unit == "" || q.Unit == "%" || qInModel("CurrencyModel", q)
	}
	return true
}

// qRecAgree returns "" when q agrees with the gold resolution, else why not.
func qRecAgree(model string, res map[string]any, q kilde.Quantity) string {
	val, _ := res["value"].(string)
	switch model {
	case "NumberRangeModel":
		lo, hi, ok := qParseInterval(val)
		if !ok {
			return "gold interval unreadable"
		}
		if !qSamePtr(q.Low, lo) || !qSamePtr(q.High, hi) {
			return "bounds differ"
		}
		return ""
	case "PercentModel":
		if val == "null" || val == "" {
			return "gold has no value"
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(val, "%"), 64)
		if err != nil {
			return "gold value unreadable"
		}
		if q.Unit != "%" {
			return "unit differs"
		}
		if q.Value == nil || !qClose(*q.Value, v) {
			return "value differs"
		}
		return ""
	}
	v, err := strconv.ParseFloat(val, 64)
	if err != nil {
		return "gold value unreadable"
	}
	qv := q.Value
	if qv == nil {
		return "value differs"
	}
	if model == "CurrencyModel" && res["unit"] == "Cent" || res["unit"] == "Pence" {
		v /= 100 // kilde/1 states cents in the main unit
	}
	if !qClose(*qv, v) {
		return "value differs"
	}
	if model == "CurrencyModel" || model == "DimensionModel" {
		u, _ := res["unit"].(string)
		want, known := qRecUnits[u]
		if model == "DimensionModel" && u == "Pound" {
			want = "lb" // weight, not money
		}
		if !known {
			return "unit unknown to kilde (" + u + ")"
		}
		if q.Unit != want {
			return "unit differs"
		}
	}
	return ""
}

// qRecConvention names a kilde/1 convention that explains a missed gold
// result, or "".
func qRecConvention(input, text string, res map[string]any) string {
	t := strings.TrimSpace(text)
	if v, _ := res["value"].(string); v == "null" {
		return "no number stated"
	}
	if lt := strings.ToLower(t); strings.HasPrefix(lt, "percent") || strings.HasPrefix(lt, "per cent") {
		return "percent before the number"
	}
	if v, err := strconv.ParseFloat(t, 64); err == nil && v >= 1800 && v <= 2100 && len(t) == 4 {
		return "a bare year is the times extractor's"
	}
	if strings.Contains(input, "/") && strings.Count(input, "/") >= 2 || strings.Contains(input, "+1-") || strings.Contains(input, "192.168") {
		return "part of a date, phone number or address"
	}
	if res["unit"] == "Pound" && !strings.Contains(input, "£") && !strings.Contains(strings.ToLower(input), "lb") {
		return "'pounds' is read as money (GBP), not weight"
	}
	lt := strings.ToLower(t)
	if i := strings.Index(strings.ToLower(input), lt); i >= 0 {
		rest := strings.Fields(strings.ToLower(input[i+len(lt):]))
		if len(rest) > 0 {
			switch strings.Trim(rest[0], ".,") {
			case "years", "year", "months", "days", "weeks", "hours", "minutes", "year-old":
				return "a duration or age is the times extractor's"
			}
		}
	}
	for _, w := range []string{"first", "second", "third", "tenth", "fifteenth", "th", "st", "nd", "rd"} {
		if strings.HasSuffix(lt, w) && !strings.HasSuffix(lt, "thirds") {
			if _, err := strconv.Atoi(strings.TrimSuffix(lt, w)); err == nil || strings.Contains(lt, "the ") {
				return "ordinals are no counts"
			}
		}
	}
	if lt == "half" || lt == "a half" {
		return "'half' alone is no count"
	}
	if strings.Contains(lt, "^") || strings.Contains(lt, " over ") || strings.Contains(lt, "out of") || strings.Contains(lt, " in ") {
		return "arithmetic expression"
	}
	return ""
}

func qParseInterval(s string) (lo, hi *float64, ok bool) {
	if len(s) < 3 {
		return nil, nil, false
	}
	inner := s[1 : len(s)-1]
	parts := strings.SplitN(inner, ",", 2)
	if len(parts) != 2 {
		return nil, nil, false
	}
	if parts[0] != "" {
		v, err := strconv.ParseFloat(parts[0], 64)
		if err != nil {
			return nil, nil, false
		}
		lo = &v
	}
	if parts[1] != "" {
		v, err := strconv.ParseFloat(parts[1], 64)
		if err != nil {
			return nil, nil, false
		}
		hi = &v
	}
	return lo, hi, true
}

func qSamePtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return qClose(*a, *b)
}

func qClose(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b))
}

func qPct(a, n int) float64 {
	if n == 0 {
		return 0
	}
	return 100 * float64(a) / float64(n)
}

// runeToByte converts a code-point offset into s to a byte offset.
func qRuneToByte(s string, r int) int {
	i := 0
	for b := range s {
		if i == r {
			return b
		}
		i++
	}
	return len(s)
}

func qTrunc(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
