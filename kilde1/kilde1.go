// Package kilde1 is the kilde/1 JSON format (see docs/annotation-format.md):
// it converts a kilde.Doc, whose spans are byte offsets, to the public
// document whose spans are Unicode code-point offsets, and back.
package kilde1

import (
	"github.com/kilde-news/kilde"
)

// Format is the value of the top-level "format" field.
const Format = "kilde/1"

// Document is one article in kilde/1. Field names and meanings are the
// public contract; fields may be added, never renamed or dropped.
type Document struct {
	Format     string     `json:"format"`
	ID         string     `json:"id"`
	ContentID  string     `json:"content_id"`
	Source     Source     `json:"source"`
	Date       *string    `json:"date"`
	Lang       string     `json:"lang"`
	Text       string     `json:"text"`
	Sentences  []Range    `json:"sentences"`
	Entities   []Entity   `json:"entities"`
	Times      []Time     `json:"times"`
	Quantities []Quantity `json:"quantities"`
	Quotes     []Quote    `json:"quotes"`
	Claims     []Claim    `json:"claims"`
	Checks     []Check    `json:"checks"`
}

// Source says where the article came from; each field may be null.
type Source struct {
	File   *string `json:"file"`
	Line   *int    `json:"line"`
	URL    *string `json:"url"`
	Title  *string `json:"title"`
	Outlet *string `json:"outlet"`
	// DateSource is an addition: where a web page's date was found.
	DateSource *string `json:"date_source,omitempty"`
}

// Range is a bare span.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Entity is a named-entity mention.
type Entity struct {
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Text      string  `json:"text"`
	Label     string  `json:"label"`
	Canonical *string `json:"canonical"`
}

// Time is a TIMEX3 expression.
type Time struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Quantity is a number, amount, percentage or measure.
type Quantity struct {
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
	Value    *float64 `json:"value"`
	Low      *float64 `json:"low"`
	High     *float64 `json:"high"`
	Approx   string   `json:"approx"`
	Unit     *string  `json:"unit"`
	Measured *string  `json:"measured"`
}

// Quote is direct or indirect speech.
type Quote struct {
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Text         string  `json:"text"`
	Kind         string  `json:"kind"`
	Speaker      *string `json:"speaker"`
	SpeakerStart *int    `json:"speaker_start"`
	SpeakerEnd   *int    `json:"speaker_end"`
	Cue          *string `json:"cue"`
	Lang         string  `json:"lang"`
	// Additions to the contract.
	Role      *string `json:"role,omitempty"`
	Addressee *string `json:"addressee,omitempty"`
	// TranslationOf is the index in quotes of the quote this one translates.
	TranslationOf *int `json:"translation_of,omitempty"`
}

// Claim is an attributed or hedged statement.
type Claim struct {
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Text       string   `json:"text"`
	Source     *string  `json:"source"`
	Via        []string `json:"via"`
	Hedge      string   `json:"hedge"`
	Cue        *string  `json:"cue"`
	Quantities []int    `json:"quantities"`
}

// Check is a consistency finding.
type Check struct {
	Kind   string  `json:"kind"`
	Status string  `json:"status"`
	Detail string  `json:"detail"`
	Spans  []Range `json:"spans"`
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// FromDoc converts d to kilde/1. Spans become code-point offsets. Write
// encodes the same document without building it.
func FromDoc(d *kilde.Doc) *Document {
	cp := newCodepoints(d.Text)
	out := &Document{
		Format:     Format,
		Date:       strp(d.Date),
		Lang:       d.Lang,
		Text:       d.Text,
		Sentences:  make([]Range, 0, len(d.Sentences)),
		Entities:   make([]Entity, 0, len(d.Entities)),
		Times:      make([]Time, 0, len(d.Times)),
		Quantities: make([]Quantity, 0, len(d.Quantities)),
		Quotes:     make([]Quote, 0, len(d.Quotes)),
		Claims:     make([]Claim, 0, len(d.Claims)),
		Checks:     make([]Check, 0, len(d.Checks)),
	}
	out.ID, out.ContentID = ids(d)
	out.Source = source(d)
	for _, sp := range d.Sentences {
		out.Sentences = append(out.Sentences, Range{cp.at(sp.Start), cp.at(sp.End)})
	}
	for _, e := range d.Entities {
		out.Entities = append(out.Entities, entity(d, cp, e))
	}
	for _, t := range d.Times {
		out.Times = append(out.Times, timex(d, cp, t))
	}
	for _, q := range d.Quantities {
		out.Quantities = append(out.Quantities, quantity(d, cp, q))
	}
	for _, q := range d.Quotes {
		out.Quotes = append(out.Quotes, quote(d, cp, q))
	}
	for _, c := range d.Claims {
		out.Claims = append(out.Claims, claim(d, cp, c))
	}
	for _, c := range d.Checks {
		out.Checks = append(out.Checks, check(cp, c))
	}
	return out
}

// ids returns the document's id and content id: the id defaults to the
// content id, computed when the Doc has none.
func ids(d *kilde.Doc) (id, contentID string) {
	id, contentID = d.ID, d.ContentID
	if id == "" {
		id = d.ContentID
	}
	if contentID == "" {
		contentID = kilde.ContentID(d.Text, d.Date)
		if id == "" {
			id = contentID
		}
	}
	return id, contentID
}

func source(d *kilde.Doc) Source {
	s := d.Source
	out := Source{File: strp(s.File), URL: strp(s.URL), Title: strp(s.Title), Outlet: strp(s.Outlet), DateSource: strp(s.DateSource)}
	if s.Line > 0 {
		line := s.Line
		out.Line = &line
	}
	return out
}

func entity(d *kilde.Doc, cp *codepoints, e kilde.Entity) Entity {
	return Entity{cp.at(e.Start), cp.at(e.End), d.SpanText(e.Span), e.Label, strp(e.Canonical)}
}

func timex(d *kilde.Doc, cp *codepoints, t kilde.Time) Time {
	return Time{cp.at(t.Start), cp.at(t.End), d.SpanText(t.Span), t.Type, t.Value}
}

func quantity(d *kilde.Doc, cp *codepoints, q kilde.Quantity) Quantity {
	return Quantity{
		Start: cp.at(q.Start), End: cp.at(q.End), Text: d.SpanText(q.Span),
		Value: q.Value, Low: q.Low, High: q.High, Approx: q.Approx,
		Unit: strp(q.Unit), Measured: strp(q.Measured),
	}
}

func quote(d *kilde.Doc, cp *codepoints, q kilde.Quote) Quote {
	o := Quote{
		Start: cp.at(q.Start), End: cp.at(q.End), Text: d.SpanText(q.Span), Kind: q.Kind,
		Speaker: strp(q.Speaker), Cue: strp(q.Cue), Lang: q.Lang,
		Role: strp(q.Role), Addressee: strp(q.Addressee),
	}
	if o.Lang == "" {
		o.Lang = d.Lang
	}
	if q.TranslationOf > 0 && q.TranslationOf <= len(d.Quotes) {
		i := q.TranslationOf - 1
		o.TranslationOf = &i
	}
	if q.SpeakerSpan.End > q.SpeakerSpan.Start {
		a, b := cp.at(q.SpeakerSpan.Start), cp.at(q.SpeakerSpan.End)
		o.SpeakerStart, o.SpeakerEnd = &a, &b
	}
	return o
}

func claim(d *kilde.Doc, cp *codepoints, c kilde.Claim) Claim {
	o := Claim{
		Start: cp.at(c.Start), End: cp.at(c.End), Text: d.SpanText(c.Span),
		Source: strp(c.Source), Via: c.Via, Hedge: c.Hedge, Cue: strp(c.Cue), Quantities: c.Quantities,
	}
	if o.Via == nil {
		o.Via = []string{}
	}
	if o.Quantities == nil {
		o.Quantities = []int{}
	}
	return o
}

func check(cp *codepoints, c kilde.Check) Check {
	o := Check{Kind: c.Kind, Status: c.Status, Detail: c.Detail, Spans: make([]Range, 0, len(c.Spans))}
	for _, sp := range c.Spans {
		o.Spans = append(o.Spans, Range{cp.at(sp.Start), cp.at(sp.End)})
	}
	return o
}

// ToDoc converts a kilde/1 document back to a Doc with byte offsets. Spans
// outside the text are clamped to it.
func ToDoc(in *Document) *kilde.Doc {
	bo := newByteOffsets(in.Text)
	d := &kilde.Doc{
		Article: kilde.Article{
			ID: in.ID, Date: str(in.Date), Lang: in.Lang, Text: in.Text,
			Source: kilde.Source{File: str(in.Source.File), URL: str(in.Source.URL), Title: str(in.Source.Title), Outlet: str(in.Source.Outlet), DateSource: str(in.Source.DateSource)},
		},
		ContentID: in.ContentID,
	}
	if in.Source.Line != nil {
		d.Source.Line = *in.Source.Line
	}
	sp := func(a, b int) kilde.Span { return kilde.Span{Start: bo.at(a), End: bo.at(b)} }
	for _, r := range in.Sentences {
		d.Sentences = append(d.Sentences, sp(r.Start, r.End))
	}
	for _, e := range in.Entities {
		d.Entities = append(d.Entities, kilde.Entity{Span: sp(e.Start, e.End), Label: e.Label, Canonical: str(e.Canonical)})
	}
	for _, t := range in.Times {
		d.Times = append(d.Times, kilde.Time{Span: sp(t.Start, t.End), Type: t.Type, Value: t.Value})
	}
	for _, q := range in.Quantities {
		d.Quantities = append(d.Quantities, kilde.Quantity{Span: sp(q.Start, q.End), Value: q.Value, Low: q.Low, High: q.High,
			Approx: q.Approx, Unit: str(q.Unit), Measured: str(q.Measured)})
	}
	for _, q := range in.Quotes {
		o := kilde.Quote{Span: sp(q.Start, q.End), Kind: q.Kind, Speaker: str(q.Speaker), Cue: str(q.Cue), Lang: q.Lang,
			Role: str(q.Role), Addressee: str(q.Addressee)}
		if q.SpeakerStart != nil && q.SpeakerEnd != nil {
			o.SpeakerSpan = sp(*q.SpeakerStart, *q.SpeakerEnd)
		}
		if q.TranslationOf != nil && *q.TranslationOf >= 0 {
			o.TranslationOf = *q.TranslationOf + 1
		}
		d.Quotes = append(d.Quotes, o)
	}
	for _, c := range in.Claims {
		d.Claims = append(d.Claims, kilde.Claim{Span: sp(c.Start, c.End), Source: str(c.Source), Via: c.Via,
			Hedge: c.Hedge, Cue: str(c.Cue), Quantities: c.Quantities})
	}
	for _, c := range in.Checks {
		o := kilde.Check{Kind: c.Kind, Status: c.Status, Detail: c.Detail}
		for _, r := range c.Spans {
			o.Spans = append(o.Spans, sp(r.Start, r.End))
		}
		d.Checks = append(d.Checks, o)
	}
	return d
}
