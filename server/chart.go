package server

import (
	"fmt"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kilde-news/kilde"
)

// chart draws a track as an SVG timeline rendered on the server: one dot
// per stated number (a vertical bar for a range), coloured by source, so
// the page needs no JavaScript and no charting library.
func chart(pts []kilde.TrackPoint) template.HTML {
	type pt struct {
		t      float64
		lo, hi float64
		src    string
		label  string
	}
	var ps []pt
	for _, p := range pts {
		t, ok := dayOf(p.Date)
		if !ok {
			continue
		}
		lo, hi := math.NaN(), math.NaN()
		switch {
		case p.Value != nil:
			lo, hi = *p.Value, *p.Value
		case p.Low != nil && p.High != nil:
			lo, hi = *p.Low, *p.High
		case p.Low != nil:
			lo, hi = *p.Low, *p.Low
		case p.High != nil:
			lo, hi = *p.High, *p.High
		default:
			continue
		}
		src := p.Source
		if src == "" {
			src = "unattributed"
		}
		ps = append(ps, pt{t, lo, hi, src, p.Date + ": " + p.Text + " — " + src})
	}
	if len(ps) == 0 {
		return ""
	}
	const W, H, L, R, T, B = 760.0, 300.0, 70.0, 20.0, 20.0, 40.0
	minT, maxT := ps[0].t, ps[0].t
	minV, maxV := ps[0].lo, ps[0].hi
	for _, p := range ps {
		minT, maxT = math.Min(minT, p.t), math.Max(maxT, p.t)
		minV, maxV = math.Min(minV, p.lo), math.Max(maxV, p.hi)
	}
	if maxT == minT {
		minT, maxT = minT-15, maxT+15
	}
	if minV > 0 {
		minV = 0
	}
	if maxV == minV {
		maxV = minV + 1
	}
	x := func(t float64) float64 { return L + (t-minT)/(maxT-minT)*(W-L-R) }
	y := func(v float64) float64 { return H - B - (v-minV)/(maxV-minV)*(H-T-B) }
	sources := map[string]int{}
	var names []string
	for _, p := range ps {
		if _, ok := sources[p.src]; !ok {
			sources[p.src] = len(names)
			names = append(names, p.src)
		}
	}
	palette := []string{"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %g %g" role="img" aria-label="numbers over time by source" xmlns="http://www.w3.org/2000/svg">`, W, H+18*float64((len(names)+3)/4))
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#888"/>`, L, H-B, W-R, H-B)
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#888"/>`, L, T, L, H-B)
	for i := 0; i <= 4; i++ {
		v := minV + (maxV-minV)*float64(i)/4
		fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="end" font-size="11">%s</text>`, L-6, y(v)+4, template.HTMLEscapeString(formatNum(&v)))
	}
	for i, t := range []float64{minT, (minT + maxT) / 2, maxT} {
		anchor := [...]string{"start", "middle", "end"}[i]
		fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="%s" font-size="11">%s</text>`, x(t), H-B+16, anchor, danishDate(dayString(t)))
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].t < ps[j].t })
	for _, p := range ps {
		c := palette[sources[p.src]%len(palette)]
		if p.hi > p.lo {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="3"><title>%s</title></line>`, x(p.t), y(p.lo), x(p.t), y(p.hi), c, template.HTMLEscapeString(p.label))
		}
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="5" fill="%s"><title>%s</title></circle>`, x(p.t), y((p.lo+p.hi)/2), c, template.HTMLEscapeString(p.label))
	}
	for i, n := range names {
		lx, ly := L+float64(i%4)*170, H+float64(i/4)*18+4
		fmt.Fprintf(&b, `<circle cx="%g" cy="%g" r="5" fill="%s"/><text x="%g" y="%g" font-size="12">%s</text>`, lx, ly, palette[i%len(palette)], lx+9, ly+4, template.HTMLEscapeString(clip(n, 24)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// dayOf converts an ISO date of any precision to days since the epoch,
// taking the middle of a month or year.
func dayOf(s string) (float64, bool) {
	var t time.Time
	var err error
	switch {
	case len(s) >= 10:
		t, err = time.Parse("2006-01-02", s[:10])
	case len(s) == 7:
		t, err = time.Parse("2006-01", s)
		t = t.AddDate(0, 0, 14)
	case len(s) == 4:
		var y int
		y, err = strconv.Atoi(s)
		t = time.Date(y, 7, 1, 0, 0, 0, 0, time.UTC)
	default:
		return 0, false
	}
	if err != nil {
		return 0, false
	}
	return float64(t.Unix()) / 86400, true
}

func dayString(d float64) string {
	return time.Unix(int64(d*86400), 0).UTC().Format("2006-01-02")
}
