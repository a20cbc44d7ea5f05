package server

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/kilde-news/kilde"
)

// mark is one annotation drawn on the article text.
type mark struct {
	kilde.Span
	class string // CSS classes
	title string // shown on hover
}

// renderArticle returns the article as escaped HTML paragraphs in which
// every annotated stretch is a <span> carrying the classes of all layers
// that cover it. Cutting the text at every span boundary, instead of
// nesting elements, draws overlapping layers (a quantity inside a claim
// inside a quote) without ever producing broken markup.
func renderArticle(d *kilde.Doc) template.HTML {
	var marks []mark
	for _, e := range d.Entities {
		t := e.Label
		if e.Canonical != "" {
			t += ": " + e.Canonical
		}
		marks = append(marks, mark{e.Span, "ent ent-" + strings.ToLower(e.Label), t})
	}
	for _, t := range d.Times {
		marks = append(marks, mark{t.Span, "time", t.Type + " " + t.Value})
	}
	for _, q := range d.Quantities {
		marks = append(marks, mark{q.Span, "qty", describe(q)})
	}
	for _, q := range d.Quotes {
		who := q.Speaker
		if who == "" {
			who = "unknown speaker"
		}
		title := fmt.Sprintf("%s quote — %s", q.Kind, who)
		if q.Cue != "" {
			title += " (" + q.Cue + ")"
		}
		marks = append(marks, mark{q.Span, "quote quote-" + q.Kind, title})
		if q.SpeakerSpan.End > q.SpeakerSpan.Start {
			marks = append(marks, mark{q.SpeakerSpan, "speaker", "speaker"})
		}
	}
	for _, c := range d.Claims {
		src := c.Source
		if src == "" {
			src = "unattributed"
		}
		if len(c.Via) > 0 {
			src += " via " + strings.Join(c.Via, " → ")
		}
		marks = append(marks, mark{c.Span, "claim hedge-" + c.Hedge, "claim (" + c.Hedge + "): " + src})
	}
	// Boundaries: every mark start/end and every paragraph break.
	cuts := []int{0, len(d.Text)}
	for _, m := range marks {
		if m.Start >= 0 && m.End <= len(d.Text) && m.Start < m.End {
			cuts = append(cuts, m.Start, m.End)
		}
	}
	sort.Ints(cuts)
	var b strings.Builder
	b.WriteString("<p>")
	for i := 0; i+1 < len(cuts); i++ {
		a, z := cuts[i], cuts[i+1]
		if a == z {
			continue
		}
		var classes, titles []string
		for _, m := range marks {
			if m.Start <= a && z <= m.End {
				classes = append(classes, m.class)
				titles = append(titles, m.title)
			}
		}
		seg := template.HTMLEscapeString(d.Text[a:z])
		seg = strings.ReplaceAll(seg, "\n\n", "</p><p>")
		seg = strings.ReplaceAll(seg, "\n", "<br>")
		if len(classes) == 0 {
			b.WriteString(seg)
			continue
		}
		fmt.Fprintf(&b, `<span class="%s" title="%s">%s</span>`,
			template.HTMLEscapeString(strings.Join(classes, " ")),
			template.HTMLEscapeString(strings.Join(titles, "\n")), seg)
	}
	b.WriteString("</p>")
	return template.HTML(b.String())
}

func describe(q kilde.Quantity) string {
	var b strings.Builder
	switch {
	case q.Value != nil:
		b.WriteString(formatNum(q.Value))
	case q.Low != nil && q.High != nil:
		b.WriteString(formatNum(q.Low) + "–" + formatNum(q.High))
	case q.Low != nil:
		b.WriteString("≥ " + formatNum(q.Low))
	case q.High != nil:
		b.WriteString("≤ " + formatNum(q.High))
	}
	if q.Unit != "" {
		b.WriteString(" " + q.Unit)
	}
	if q.Approx != "" && q.Approx != "exact" {
		b.WriteString(" (" + q.Approx + ")")
	}
	if q.Measured != "" {
		b.WriteString(" — " + q.Measured)
	}
	return b.String()
}

type quoteRow struct {
	Speaker, Kind, Cue, Lang, Text string
}

func quoteRows(d *kilde.Doc) []quoteRow {
	rows := make([]quoteRow, 0, len(d.Quotes))
	for _, q := range d.Quotes {
		rows = append(rows, quoteRow{q.Speaker, q.Kind, q.Cue, q.Lang, d.SpanText(q.Span)})
	}
	return rows
}

type claimRow struct {
	Source, Via, Hedge, Cue, Text string
}

func claimRows(d *kilde.Doc) []claimRow {
	rows := make([]claimRow, 0, len(d.Claims))
	for _, c := range d.Claims {
		rows = append(rows, claimRow{c.Source, strings.Join(c.Via, " → "), c.Hedge, c.Cue, d.SpanText(c.Span)})
	}
	return rows
}
