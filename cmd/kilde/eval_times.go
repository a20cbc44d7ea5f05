package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/eval"
	"github.com/kilde-news/kilde/timex"
)

func evalTimes(ctx context.Context, e *env, args []string) int {
	data := filepath.Join(eval.SharedDir(), "data", "timex")
	fs := newFlags(e, "eval times", "",
		"Measure the times annotator: exact TIMEX3 value accuracy on Duckling's Danish cases (news\n"+
			"reading of bare weekdays, times of day and yearless dates reported separately); strict and\n"+
			"relaxed span P/R/F1 and value accuracy on MEANTIME English (each document's DCT as the\n"+
			"article date, TempEval-3 style); value accuracy on Recognizers-Text English DateTimeModel.")
	duck := fs.String("duckling", filepath.Join(data, "duckling-da-time.json"), "Duckling Danish cases `file`; empty to skip")
	mt := fs.String("meantime", filepath.Join(data, "meantime-en", "intra-doc_annotation"), "MEANTIME English `dir`; empty to skip")
	rec := fs.String("recognizers", filepath.Join(data, "recognizers-en", "DateTimeModel.json"), "Recognizers-Text DateTimeModel `file`; empty to skip")
	verbose := fs.Bool("v", false, "print every miss")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	a, err := timex.New()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval times: %v\n", err)
		return 1
	}
	w := e.stdout
	if *duck != "" {
		if err := evalDuckling(w, a, *duck, *verbose); err != nil {
			fmt.Fprintf(e.stderr, "kilde eval times: %v (the data lives in ../shared beside the repo)\n", err)
			return 1
		}
	}
	if *mt != "" {
		if err := evalMeantime(w, a, *mt, *verbose); err != nil {
			fmt.Fprintf(e.stderr, "kilde eval times: %v\n", err)
			return 1
		}
	}
	if *rec != "" {
		if err := evalRecognizers(w, a, *rec, *verbose); err != nil {
			fmt.Fprintf(e.stderr, "kilde eval times: %v\n", err)
			return 1
		}
	}
	return 0
}

// ---- Duckling Danish ----

type duckCase struct {
	Text  string `json:"text"`
	Kind  string `json:"kind"`
	Value string `json:"value"`
	From  string `json:"from"`
	To    string `json:"to"`
	Grain string `json:"grain"`
}

const duckRef = "2013-02-12T04:30"

func duckTime(s string) (time.Time, bool) {
	// Duckling writes month and year grains with day 00 ("2013-03-00")
	s = strings.Replace(s, "-00T", "-01T", 1)
	if len(s) >= 7 && s[5:7] == "00" {
		s = s[:5] + "01" + s[7:]
	}
	t, err := time.Parse("2006-01-02T15:04:05", s)
	return t, err == nil
}

// duckTIMEX converts an instant at a grain to a TIMEX3 value.
func duckTIMEX(t time.Time, grain string) string {
	d := t.Format("2006-01-02")
	switch grain {
	case "year":
		return t.Format("2006")
	case "quarter":
		return t.Format("2006") + "-Q" + strconv.Itoa((int(t.Month())-1)/3+1)
	case "month":
		return t.Format("2006-01")
	case "week":
		y, wk := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, wk)
	case "day":
		return d
	case "hour":
		return d + t.Format("T15:00")
	case "minute":
		return d + t.Format("T15:04")
	}
	return d + t.Format("T15:04:05")
}

// duckExpected is Duckling's value as TIMEX3, and its category.
func duckExpected(c duckCase) (string, string) {
	switch c.Kind {
	case "instant", "open_interval":
		t, ok := duckTime(c.Value)
		if !ok {
			return "", "unparsed"
		}
		if c.Text == "nu" || c.Text == "lige nu" {
			return "PRESENT_REF", "instant"
		}
		if strings.Contains(low(c.Text), "cet") || strings.Contains(low(c.Text), "gmt") {
			return duckTIMEX(t, c.Grain), "time zone"
		}
		g := c.Grain
		if g == "hour" && t.Hour() == 4 && t.Minute() == 0 && regexpDays(c.Text) {
			g = "day" // Duckling keeps the reference hour when it adds days; TIMEX3 names the day
		}
		return duckTIMEX(t, g), c.Kind
	case "interval":
		f, ok1 := duckTime(c.From)
		t, ok2 := duckTime(c.To)
		if !ok1 || !ok2 {
			return "", "unparsed"
		}
		low := strings.ToLower(c.Text)
		switch {
		case f.Day() >= 20 && f.Day() <= 23 && c.Grain == "day" && t.Sub(f) > 80*24*time.Hour:
			season := map[time.Month]string{3: "SP", 6: "SU", 9: "FA", 12: "WI"}[f.Month()]
			y := f.Year()
			if season == "WI" {
				y = t.Year()
			}
			return fmt.Sprintf("%04d-%s", y, season), "season"
		case strings.Contains(low, "weekend"):
			y, wk := f.ISOWeek()
			return fmt.Sprintf("%04d-W%02d-WE", y, wk), "part of day/week"
		case c.Grain == "hour" && (f.Hour() == 18 || f.Hour() == 4 || f.Hour() == 12 || f.Hour() == 13):
			pod := map[int]string{18: "EV", 4: "MO", 12: "AF", 13: "AF"}[f.Hour()]
			if f.Hour() == 12 && t.Hour() == 14 {
				pod = "MI"
			}
			return f.Format("2006-01-02") + "T" + pod, "part of day/week"
		case strings.HasPrefix(low, "sidste") || strings.HasPrefix(low, "seneste") || strings.HasPrefix(low, "næste"):
			unit := map[string]string{"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y"}[c.Grain]
			n := 0
			for _, wd := range strings.Fields(low)[1:2] {
				if v, err := strconv.Atoi(wd); err == nil {
					n = v
				} else {
					n = map[string]int{"to": 2, "tre": 3, "en": 1, "et": 1}[wd]
				}
			}
			if c.Grain == "second" || c.Grain == "minute" || c.Grain == "hour" {
				return fmt.Sprintf("PT%d%s", n, unit), "last/next n units"
			}
			return fmt.Sprintf("P%d%s", n, unit), "last/next n units"
		}
		return "", "range"
	}
	return "", "unparsed"
}

func low(s string) string { return strings.ToLower(s) }

// regexpDays reports whether the text counts days ("om 7 dage", "14 dage siden").
func regexpDays(text string) bool {
	for _, f := range strings.Fields(strings.ToLower(text)) {
		if f == "dag" || f == "dage" || f == "døgn" {
			return true
		}
	}
	return false
}

var duckWeekdays = []string{"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "man", "tirs", "ons", "tors", "fre", "lør", "søn"}
var duckMonths = []string{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
	"januar", "februar", "marts", "april", "juni", "juli", "august", "september", "oktober", "november", "december"}

func hasWord(low string, words []string) bool {
	for _, f := range strings.FieldsFunc(low, func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
		for _, w := range words {
			if f == w || len(w) == 3 && strings.HasPrefix(f, w) && strings.Trim(f[3:], "0123456789") == "" {
				return true
			}
		}
	}
	return false
}

// newsReading rewrites Duckling's forward reading into the kilde/1 news
// reading: a bare weekday is the nearest on or before the reference day, a
// bare clock time is on the reference day, a yearless date, month or quarter
// is the nearest one on or before. It works on the date part of the TIMEX3
// value and reports whether it changed it.
func newsReading(c duckCase, want string) (string, bool) {
	if len(want) < 7 || want[0] < '0' || want[0] > '9' || want[4] != '-' {
		return want, false
	}
	low := strings.ToLower(c.Text)
	for _, cue := range []string{"næste", "sidste", "denne", "dette", "den her", "om ", "siden", "morgen", "på ", "efter", "igen", "fra nu"} {
		if strings.Contains(low, cue) && !strings.HasPrefix(low, "mandag morgen") {
			return want, false
		}
	}
	if hasWord(low, []string{"år"}) {
		return want, false
	}
	groups := strings.FieldsFunc(low, func(r rune) bool { return r < '0' || r > '9' })
	for _, g := range groups {
		if len(g) == 4 {
			return want, false // an explicit year
		}
	}
	if len(groups) >= 3 && !strings.Contains(low, ":") {
		return want, false // 3/3/15
	}
	if hasWord(low, duckWeekdays) && len(groups) > 0 && hasWord(low, duckMonths) {
		return want, false // the weekday pins the year: "Lør, 20 sep"
	}
	ref, _ := time.Parse("2006-01-02T15:04", duckRef)
	refDay := ref.Truncate(24 * time.Hour)
	var v string
	switch {
	case len(want) >= 10 && want[7] == '-':
		t, err := time.Parse("2006-01-02", want[:10])
		if err != nil {
			return want, false
		}
		rest := want[10:]
		switch {
		case hasWord(low, duckWeekdays) && !hasWord(low, duckMonths) && !strings.Contains(low, "/") && !strings.Contains(low, "-"):
			for t.After(refDay) {
				t = t.AddDate(0, 0, -7)
			}
		case rest != "" && t.Equal(refDay.AddDate(0, 0, 1)) && !hasWord(low, duckWeekdays):
			t = refDay // a bare clock time
		default:
			for t.Year()*12+int(t.Month()) > ref.Year()*12+int(ref.Month()) {
				t = t.AddDate(-1, 0, 0)
			}
		}
		v = t.Format("2006-01-02") + rest
	case want[5] == 'Q':
		q := int(want[6] - '0')
		y, _ := strconv.Atoi(want[:4])
		if y*4+q > ref.Year()*4+(int(ref.Month())-1)/3+1 {
			y--
		}
		v = fmt.Sprintf("%04d-Q%d", y, q)
	case len(want) == 7:
		y, _ := strconv.Atoi(want[:4])
		mo, _ := strconv.Atoi(want[5:])
		if y*12+mo > ref.Year()*12+int(ref.Month()) {
			y--
		}
		v = fmt.Sprintf("%04d-%02d", y, mo)
	default:
		return want, false
	}
	return v, v != want
}

// coarser reports whether got is a coarser TIMEX3 value that contains want
// (a week or day around a finer Duckling instant).
func coarser(got, want string) bool {
	if got == "" || len(got) >= len(want) {
		return false
	}
	if strings.HasPrefix(want, got) {
		return true
	}
	if strings.Contains(got, "-W") && len(want) >= 10 {
		if t, err := time.Parse("2006-01-02", want[:10]); err == nil {
			y, w := t.ISOWeek()
			return got == fmt.Sprintf("%04d-W%02d", y, w)
		}
	}
	return false
}

func normTIMEX(v string) string {
	if len(v) == 19 && strings.HasSuffix(v, ":00") && v[10] == 'T' {
		return v[:16]
	}
	return v
}

func evalDuckling(w io.Writer, a *timex.Annotator, path string, verbose bool) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var cases []duckCase
	if err := json.Unmarshal(b, &cases); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	type tally struct{ n, exact, coarse, found int }
	per := map[string]*tally{}
	var all, scored, fwd tally
	fwdDuck := 0
	for _, c := range cases {
		want, cat := duckExpected(c)
		news, changed := newsReading(c, want)
		d := kilde.NewDoc(kilde.Article{Date: duckRef, Lang: "da", Text: c.Text})
		times := a.Find(d, nil)
		got := ""
		best := -1
		for _, x := range times {
			if x.Len() > best {
				best, got = x.Len(), x.Value
			}
		}
		all.n++
		t := per[cat]
		if t == nil {
			t = &tally{}
			per[cat] = t
		}
		t.n++
		if got != "" {
			t.found++
			all.found++
		}
		if want == "" {
			continue // a range: not one TIMEX3 value
		}
		scored.n++
		ok := normTIMEX(got) == normTIMEX(news)
		co := ok || coarser(got, normTIMEX(news))
		if changed {
			fwd.n++
			if ok {
				fwd.exact++
			}
			if got == want {
				fwdDuck++
			}
		}
		if ok {
			t.exact++
			scored.exact++
		}
		if co {
			t.coarse++
			scored.coarse++
		}
		if verbose && !ok {
			fmt.Fprintf(w, "  duckling miss %-12s %-38q got %-22q want %q (duckling %q)\n", cat, c.Text, got, news, want)
		}
	}
	fmt.Fprintf(w, "Duckling Danish (%s, reference %s, news reading)\n", filepath.Base(path), duckRef)
	cats := make([]string, 0, len(per))
	for k := range per {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	for _, k := range cats {
		t := per[k]
		if k == "range" {
			fmt.Fprintf(w, "  %-18s %3d cases, not one TIMEX3 value (not scored); found something in %d\n", k, t.n, t.found)
			continue
		}
		fmt.Fprintf(w, "  %-18s %3d cases  exact %5.1f%%  exact or coarser %5.1f%%\n", k, t.n, pct(t.exact, t.n), pct(t.coarse, t.n))
	}
	fmt.Fprintf(w, "  %-18s %3d cases  exact %5.1f%%  exact or coarser %5.1f%%  (of all %d: exact %5.1f%%)\n", "scored", scored.n, pct(scored.exact, scored.n), pct(scored.coarse, scored.n), all.n, pct(scored.exact, all.n))
	fmt.Fprintf(w, "  forward readings: %d cases where Duckling reads a bare weekday/time/yearless date forward and news reads it back;\n", fwd.n)
	fmt.Fprintf(w, "    scored with the news reading: %d exact (%5.1f%%); with Duckling's value: %d\n", fwd.exact, pct(fwd.exact, fwd.n), fwdDuck)
	return nil
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// ---- MEANTIME English ----

type mtDoc struct {
	Tokens []struct {
		ID       string `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Markables struct {
		Timex []struct {
			Type     string `xml:"type,attr"`
			Value    string `xml:"value,attr"`
			Function string `xml:"functionInDocument,attr"`
			Anchors  []struct {
				ID string `xml:"t_id,attr"`
			} `xml:"token_anchor"`
		} `xml:"TIMEX3"`
	} `xml:"Markables"`
}

var mtNoSpaceBefore = map[string]bool{",": true, ".": true, ":": true, ";": true, "!": true, "?": true, ")": true, "'s": true, "n't": true, "%": true, "'": true, "'re": true, "'ll": true, "'ve": true, "'d": true, "'m": true}

type goldTimex struct {
	kilde.Span
	typ, val string
}

// mtRead joins the tokens into text (one sentence a line, detokenized
// spacing) and returns the text, the DCT, its span and the gold TIMEX3s.
func mtRead(path string) (string, string, kilde.Span, []goldTimex, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", "", kilde.Span{}, nil, err
	}
	var doc mtDoc
	if err := xml.NewDecoder(bytes.NewReader(b)).Decode(&doc); err != nil {
		return "", "", kilde.Span{}, nil, fmt.Errorf("%s: %w", path, err)
	}
	// MEANTIME annotates only the first sentences (title, date and four
	// more); score only the sentences up to the last annotated one.
	sentOf := map[string]int{}
	for _, t := range doc.Tokens {
		sentOf[t.ID] = t.Sentence
	}
	last := 0
	for _, m := range bytes.Split(b, []byte("<token_anchor t_id=\""))[1:] {
		if i := bytes.IndexByte(m, '"'); i > 0 && sentOf[string(m[:i])] > last {
			last = sentOf[string(m[:i])]
		}
	}
	var sb strings.Builder
	pos := map[string]kilde.Span{}
	prevSent, prev := -1, ""
	for _, t := range doc.Tokens {
		if t.Sentence > last {
			break
		}
		switch {
		case prevSent < 0:
		case t.Sentence != prevSent:
			sb.WriteString("\n")
		case mtNoSpaceBefore[t.Text] || prev == "(" || prev == "$":
		default:
			sb.WriteString(" ")
		}
		s := sb.Len()
		sb.WriteString(t.Text)
		pos[t.ID] = kilde.Span{Start: s, End: sb.Len()}
		prevSent, prev = t.Sentence, t.Text
	}
	var dct string
	var dctSpan kilde.Span
	var gold []goldTimex
	for _, x := range doc.Markables.Timex {
		if len(x.Anchors) == 0 {
			continue
		}
		sp := kilde.Span{Start: -1}
		for _, an := range x.Anchors {
			p, ok := pos[an.ID]
			if !ok {
				continue
			}
			if sp.Start < 0 || p.Start < sp.Start {
				sp.Start = p.Start
			}
			if p.End > sp.End {
				sp.End = p.End
			}
		}
		if sp.Start < 0 {
			continue
		}
		if x.Function == "CREATION_TIME" {
			dct, dctSpan = x.Value, sp
			continue
		}
		gold = append(gold, goldTimex{sp, x.Type, x.Value})
	}
	return sb.String(), dct, dctSpan, gold, nil
}

func evalMeantime(w io.Writer, a *timex.Annotator, dir string, verbose bool) error {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no MEANTIME files under %s", dir)
	}
	sort.Strings(files)
	var strict, relaxed, valueF eval.PRF
	matched, valOK, typeOK := 0, 0, 0
	words := 0
	var elapsed time.Duration
	for _, f := range files {
		text, dct, dctSpan, gold, err := mtRead(f)
		if err != nil {
			return err
		}
		if len(dct) == 10 && dct[2] == '-' && dct[5] == '-' {
			dct = dct[6:] + "-" + dct[3:5] + "-" + dct[:2] // one document writes DD-MM-YYYY
		}
		d := kilde.NewDoc(kilde.Article{Date: dct, Lang: "en", Text: text})
		words += len(strings.Fields(text))
		start := time.Now()
		all := a.Find(d, nil)
		elapsed += time.Since(start)
		var pred []kilde.Time
		for _, x := range all {
			if !x.Overlaps(dctSpan) {
				pred = append(pred, x)
			}
		}
		// strict
		gs := map[kilde.Span]bool{}
		for _, g := range gold {
			gs[g.Span] = true
		}
		for _, p := range pred {
			if gs[p.Span] {
				strict.TP++
				delete(gs, p.Span)
			} else {
				strict.FP++
			}
		}
		strict.FN += len(gs)
		// relaxed: one-to-one by overlap, in order
		used := make([]bool, len(gold))
		for _, p := range pred {
			hit := -1
			for gi, g := range gold {
				if !used[gi] && g.Overlaps(p.Span) {
					hit = gi
					break
				}
			}
			if hit < 0 {
				relaxed.FP++
				valueF.FP++
				if verbose {
					fmt.Fprintf(w, "  meantime FP %-28q %s %s  (%s)\n", d.SpanText(p.Span), p.Type, p.Value, filepath.Base(f))
				}
				continue
			}
			used[hit] = true
			relaxed.TP++
			matched++
			g := gold[hit]
			if p.Value == g.val {
				valOK++
				valueF.TP++
			} else {
				valueF.FP++
				valueF.FN++
				if verbose {
					fmt.Fprintf(w, "  meantime value %-28q got %s %s want %s %s (%q, DCT %s)\n", d.SpanText(p.Span), p.Type, p.Value, g.typ, g.val, d.SpanText(g.Span), dct)
				}
			}
			if p.Type == g.typ {
				typeOK++
			}
		}
		for gi, u := range used {
			if !u {
				relaxed.FN++
				valueF.FN++
				if verbose {
					fmt.Fprintf(w, "  meantime FN %-28q %s %s\n", d.SpanText(gold[gi].Span), gold[gi].typ, gold[gi].val)
				}
			}
		}
	}
	fmt.Fprintf(w, "MEANTIME English (%d documents, annotated sentences only, DCT as article date, DCT itself not scored)\n", len(files))
	fmt.Fprintf(w, "  strict span   %s\n", strict)
	fmt.Fprintf(w, "  relaxed span  %s\n", relaxed)
	fmt.Fprintf(w, "  value F1      %s\n", valueF)
	fmt.Fprintf(w, "  on relaxed matches: value accuracy %5.1f%% (%d/%d), type accuracy %5.1f%%\n", pct(valOK, matched), valOK, matched, pct(typeOK, matched))
	if elapsed > 0 {
		fmt.Fprintf(w, "  speed %.0f words/s\n", float64(words)/elapsed.Seconds())
	}
	return nil
}

// ---- Recognizers-Text English ----

type recCase struct {
	Input   string `json:"Input"`
	Context struct {
		Ref string `json:"ReferenceDateTime"`
	} `json:"Context"`
	Results []struct {
		Start, End int
		Text       string
		Resolution struct {
			Values []map[string]string `json:"values"`
		} `json:"Resolution"`
	} `json:"Results"`
}

func evalRecognizers(w io.Writer, a *timex.Annotator, path string, verbose bool) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var cases []recCase
	if err := json.Unmarshal(b, &cases); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	gold, found, single, valOK, extra, none := 0, 0, 0, 0, 0, 0
	for _, c := range cases {
		ref := c.Context.Ref
		if ref == "" {
			ref = "2016-11-07T00:00:00"
		}
		d := kilde.NewDoc(kilde.Article{Date: ref, Lang: "en", Text: c.Input})
		times := a.Find(d, nil)
		if len(c.Results) == 0 {
			none++
			if len(times) > 0 {
				extra++
			}
			continue
		}
		// code points → bytes
		byteAt := func(cp int) int {
			n := 0
			for i := range c.Input {
				if n == cp {
					return i
				}
				n++
			}
			return len(c.Input)
		}
		for _, r := range c.Results {
			gold++
			sp := kilde.Span{Start: byteAt(r.Start), End: byteAt(r.End + 1)}
			var hit *kilde.Time
			for i := range times {
				if times[i].Overlaps(sp) {
					hit = &times[i]
					break
				}
			}
			if hit != nil {
				found++
			}
			if len(r.Resolution.Values) == 0 {
				continue
			}
			tx := r.Resolution.Values[0]["timex"]
			if tx == "" || strings.HasPrefix(tx, "(") {
				continue // a range
			}
			single++
			got := ""
			if hit != nil {
				got = hit.Value
			}
			ok := got == tx || got == "T"+tx
			for _, v := range r.Resolution.Values {
				val := strings.Replace(v["value"], " ", "T", 1)
				if got != "" && (got == val || normTIMEX(val) == got || strings.HasSuffix(got, "T"+strings.TrimSuffix(val, ":00"))) {
					ok = true
				}
			}
			if ok {
				valOK++
			} else if verbose {
				fmt.Fprintf(w, "  recognizers miss %-40q got %-22q want %q\n", r.Text, got, tx)
			}
		}
	}
	_ = utf8.RuneLen
	fmt.Fprintf(w, "Recognizers-Text English DateTimeModel (%d cases, chat-style, mostly future-oriented)\n", len(cases))
	fmt.Fprintf(w, "  detection: %d of %d gold expressions overlapped (%5.1f%%); %d of %d no-time inputs gave a time\n", found, gold, pct(found, gold), extra, none)
	fmt.Fprintf(w, "  value: %d of %d single-value expressions exact (%5.1f%%)\n", valOK, single, pct(valOK, single))
	return nil
}
