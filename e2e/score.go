package e2e

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/eval"
)

// Item is a gold or predicted span with the attributes scored on it, as
// normalized strings.
type Item struct {
	kilde.Span
	Attrs map[string]string
}

// Acc counts attribute agreement on matched items.
type Acc struct{ N, OK int }

func (a Acc) String() string {
	if a.N == 0 {
		return "   -  (0)"
	}
	return fmt.Sprintf("%5.1f (%d/%d)", 100*float64(a.OK)/float64(a.N), a.OK, a.N)
}

// LayerScore is one layer's figures.
type LayerScore struct {
	Exact, Overlap eval.PRF
	Attr           map[string]*Acc // on overlap-matched pairs
}

// Finding is one miss, false positive or attribute disagreement.
type Finding struct {
	Case   string
	Line   int
	Layer  string
	What   string // miss, fp, attr, boundary
	Text   string
	Detail string
}

// Report holds the scores per language ("all" included) and layer.
type Report struct {
	Scores   map[string]map[string]*LayerScore
	Findings []Finding
	Articles map[string]int
	Words    map[string]int
}

// NewReport returns an empty report.
func NewReport() *Report {
	return &Report{Scores: map[string]map[string]*LayerScore{}, Articles: map[string]int{}, Words: map[string]int{}}
}

func (r *Report) score(lang, layer string) *LayerScore {
	m := r.Scores[lang]
	if m == nil {
		m = map[string]*LayerScore{}
		r.Scores[lang] = m
	}
	s := m[layer]
	if s == nil {
		s = &LayerScore{Attr: map[string]*Acc{}}
		m[layer] = s
	}
	return s
}

// GoldItems returns the case's gold items for layer.
func GoldItems(c *Case, layer string) []Item {
	sp := c.Spans[layer]
	var out []Item
	switch layer {
	case "quotes":
		for i, q := range c.Gold.Quotes {
			out = append(out, Item{sp[i], map[string]string{"kind": q.Kind, "speaker": norm(q.Speaker)}})
		}
	case "claims":
		for i, q := range c.Gold.Claims {
			out = append(out, Item{sp[i], map[string]string{"source": norm(q.Source), "hedge": q.Hedge}})
		}
	case "quantities":
		for i, q := range c.Gold.Quantities {
			out = append(out, Item{sp[i], map[string]string{"number": numbers(q.Value, q.Low, q.High), "unit": q.Unit, "approx": q.Approx}})
		}
	case "times":
		for i, q := range c.Gold.Times {
			out = append(out, Item{sp[i], map[string]string{"type": q.Type, "value": q.Value}})
		}
	case "entities":
		for i, q := range c.Gold.Entities {
			out = append(out, Item{sp[i], map[string]string{"label": q.Label}})
		}
	case "checks":
		for i, q := range c.Gold.Checks {
			out = append(out, Item{sp[i], map[string]string{"status": q.Status}})
		}
	}
	return out
}

// PredItems returns the annotated doc's items for layer.
func PredItems(d *kilde.Doc, layer string) []Item {
	var out []Item
	switch layer {
	case "quotes":
		for _, q := range d.Quotes {
			out = append(out, Item{q.Span, map[string]string{"kind": q.Kind, "speaker": norm(q.Speaker)}})
		}
	case "claims":
		for _, q := range d.Claims {
			out = append(out, Item{q.Span, map[string]string{"source": norm(q.Source), "hedge": q.Hedge}})
		}
	case "quantities":
		for _, q := range d.Quantities {
			out = append(out, Item{q.Span, map[string]string{"number": numbers(q.Value, q.Low, q.High), "unit": q.Unit, "approx": q.Approx}})
		}
	case "times":
		for _, q := range d.Times {
			out = append(out, Item{q.Span, map[string]string{"type": q.Type, "value": q.Value}})
		}
	case "entities":
		for _, q := range d.Entities {
			out = append(out, Item{q.Span, map[string]string{"label": q.Label}})
		}
	case "checks":
		// a check is located by its first span (the first amount)
		for _, q := range d.Checks {
			if q.Kind != "currency_conversion" || len(q.Spans) == 0 {
				continue
			}
			out = append(out, Item{q.Spans[0], map[string]string{"status": q.Status}})
		}
	}
	return out
}

// Score compares doc (the pipeline's output for c.Article) with c's gold and
// adds the figures to r under the gold language and "all".
func (r *Report) Score(c *Case, d *kilde.Doc) {
	lang := c.Gold.Lang
	r.Articles[lang]++
	r.Articles["all"]++
	w := len(strings.Fields(c.Article.Text))
	r.Words[lang] += w
	r.Words["all"] += w
	for _, layer := range Layers {
		g, p := GoldItems(c, layer), PredItems(d, layer)
		ex, ov, pairs := match(g, p)
		for _, l := range []string{lang, "all"} {
			s := r.score(l, layer)
			s.Exact.Add(ex)
			s.Overlap.Add(ov)
		}
		gm := make([]bool, len(g))
		pm := make([]bool, len(p))
		for _, pr := range pairs {
			gi, pi := g[pr[0]], p[pr[1]]
			gm[pr[0]], pm[pr[1]] = true, true
			if gi.Span != pi.Span {
				r.find(c, layer, "boundary", gi.Span, fmt.Sprintf("gold %q, got %q", span(c, gi.Span), span(c, pi.Span)))
			}
			keys := make([]string, 0, len(gi.Attrs))
			for k := range gi.Attrs {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				gv := gi.Attrs[k]
				ok := agree(k, gv, pi.Attrs[k])
				for _, l := range []string{lang, "all"} {
					a := r.score(l, layer).Attr[k]
					if a == nil {
						a = &Acc{}
						r.score(l, layer).Attr[k] = a
					}
					a.N++
					if ok {
						a.OK++
					}
				}
				if !ok {
					r.find(c, layer, "attr", gi.Span, fmt.Sprintf("%s: gold %q, got %q", k, gv, pi.Attrs[k]))
				}
			}
		}
		for i, gi := range g {
			if !gm[i] {
				r.find(c, layer, "miss", gi.Span, attrString(gi.Attrs))
			}
		}
		for i, pi := range p {
			if !pm[i] {
				r.find(c, layer, "fp", pi.Span, attrString(pi.Attrs))
			}
		}
	}
}

func (r *Report) find(c *Case, layer, what string, sp kilde.Span, detail string) {
	r.Findings = append(r.Findings, Finding{Case: c.Name, Line: c.Line(sp.Start), Layer: layer, What: what, Text: span(c, sp), Detail: detail})
}

func span(c *Case, sp kilde.Span) string {
	t := c.Article.Text
	if sp.Start < 0 || sp.End > len(t) || sp.Start > sp.End {
		return ""
	}
	s := strings.Join(strings.Fields(t[sp.Start:sp.End]), " ")
	if r := []rune(s); len(r) > 90 {
		s = string(r[:60]) + " … " + string(r[len(r)-25:])
	}
	return s
}

// match counts exact matches (same span) and overlap matches (one-to-one,
// greedily by largest overlap) and returns the overlap pairs.
func match(g, p []Item) (ex, ov eval.PRF, pairs [][2]int) {
	exact := map[kilde.Span]int{}
	for _, gi := range g {
		exact[gi.Span]++
	}
	for _, pi := range p {
		if exact[pi.Span] > 0 {
			exact[pi.Span]--
			ex.TP++
		}
	}
	ex.FP = len(p) - ex.TP
	ex.FN = len(g) - ex.TP
	type cand struct{ gi, pi, ov int }
	var cs []cand
	for i, gi := range g {
		for j, pi := range p {
			if o := min(gi.End, pi.End) - max(gi.Start, pi.Start); o > 0 {
				if gi.Span == pi.Span {
					o = 1 << 30 // exact matches first
				}
				cs = append(cs, cand{i, j, o})
			}
		}
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].ov > cs[b].ov })
	gu, pu := make([]bool, len(g)), make([]bool, len(p))
	for _, c := range cs {
		if gu[c.gi] || pu[c.pi] {
			continue
		}
		gu[c.gi], pu[c.pi] = true, true
		pairs = append(pairs, [2]int{c.gi, c.pi})
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a][0] < pairs[b][0] })
	ov.TP = len(pairs)
	ov.FP = len(p) - ov.TP
	ov.FN = len(g) - ov.TP
	return ex, ov, pairs
}

// agree compares one attribute. Speakers and sources agree when one
// normalized name contains the other as whole words ("Mette Frederiksen" and
// "statsminister Mette Frederiksen"); the rest must be equal.
func agree(key, gold, pred string) bool {
	if gold == pred {
		return true
	}
	if key == "speaker" || key == "source" {
		if gold == "" || pred == "" {
			return false
		}
		return strings.Contains(" "+pred+" ", " "+gold+" ") || strings.Contains(" "+gold+" ", " "+pred+" ")
	}
	return false
}

// norm lowercases a name and keeps only letters and digits, words separated
// by one space.
func norm(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(f, " ")
}

func numbers(v, lo, hi *float64) string {
	f := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'g', 6, 64)
	}
	return f(v) + "/" + f(lo) + "/" + f(hi)
}

func attrString(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%q", k, m[k])
	}
	return b.String()
}

// Print writes the figures per language and layer, and with verbose every
// finding as article:line.
func (r *Report) Print(w io.Writer, verbose bool) {
	langs := make([]string, 0, len(r.Scores))
	for l := range r.Scores {
		if l != "all" {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	langs = append(langs, "all")
	for _, l := range langs {
		fmt.Fprintf(w, "== %s: %d articles, %d words\n", l, r.Articles[l], r.Words[l])
		for _, layer := range Layers {
			s := r.Scores[l][layer]
			if s == nil {
				continue
			}
			fmt.Fprintf(w, "%-10s exact   %s\n", layer, s.Exact)
			fmt.Fprintf(w, "%-10s overlap %s\n", "", s.Overlap)
			keys := make([]string, 0, len(s.Attr))
			for k := range s.Attr {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				fmt.Fprintf(w, "%-10s   %-8s acc %s\n", "", k, s.Attr[k])
			}
		}
	}
	if !verbose {
		return
	}
	fs := append([]Finding(nil), r.Findings...)
	sort.SliceStable(fs, func(a, b int) bool {
		if fs[a].Layer != fs[b].Layer {
			return layerIndex(fs[a].Layer) < layerIndex(fs[b].Layer)
		}
		if fs[a].Case != fs[b].Case {
			return fs[a].Case < fs[b].Case
		}
		return fs[a].Line < fs[b].Line
	})
	last := ""
	for _, f := range fs {
		if f.Layer != last {
			fmt.Fprintf(w, "\n-- %s\n", f.Layer)
			last = f.Layer
		}
		fmt.Fprintf(w, "%s:%d %-8s %q  %s\n", f.Case, f.Line, f.What, f.Text, f.Detail)
	}
}

func layerIndex(l string) int {
	for i, x := range Layers {
		if x == l {
			return i
		}
	}
	return len(Layers)
}
