// Package kilde holds the domain types shared by every part of kilde: the
// article, the annotated document with its span layers, the annotator
// contract and the store contract. It imports only the standard library.
package kilde

// Span is a half-open range of byte offsets into Doc.Text. Byte offsets keep
// annotators fast and allocation-free; package kilde1 converts them to the
// code-point offsets of the public format exactly once, on output.
type Span struct {
	Start, End int
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Source says where an article came from. Empty strings mean unknown and are
// written as null in kilde/1.
type Source struct {
	File   string
	Line   int // 1-based line of the record's first line; 0 if unknown
	URL    string
	Title  string
	Outlet string
	// DateSource says where the date came from when the reader had to
	// find it: jsonld, meta, time, url, text (a date line in a page),
	// warc, feed; "" when the input stated it.
	DateSource string
}

// Article is one input record before annotation.
type Article struct {
	ID     string // the input's own id, if it gave one
	Source Source
	Date   string // ISO 8601 at its own precision, "" if unknown
	Lang   string // ISO 639-1, "" until detected or if the input gave none
	Text   string // never modified after reading
}

// TokenKind classifies a token by its shape.
type TokenKind uint8

const (
	Word TokenKind = iota
	Number
	Punct
	Symbol
	URL
	Email
	Handle  // @name
	Hashtag // #tag
)

// Token is a word, number or punctuation mark.
type Token struct {
	Span
	Kind TokenKind
}

// Entity is a named entity mention.
type Entity struct {
	Span
	Label     string // PER, ORG, LOC, MISC
	Canonical string // best full name in the article, "" if none
}

// Time is a TIMEX3 time expression.
type Time struct {
	Span
	Type  string // DATE, TIME, DURATION, SET
	Value string // TIMEX3 value resolved against the article date
}

// Quantity is a number, amount of money, percentage or measure.
type Quantity struct {
	Span
	Value    *float64 // the number stated; nil for ranges
	Low      *float64
	High     *float64
	Approx   string // exact, about, more_than, at_least, less_than, at_most, range
	Unit     string // ISO 4217, "%", a measure symbol, or "" for counts
	Measured string // the thing counted, "" if unknown
	// MeasuredSpan locates Measured in the text; zero if Measured is empty.
	MeasuredSpan Span
}

// Quote is direct or indirect speech.
type Quote struct {
	Span
	Kind        string // direct, indirect
	Speaker     string // canonical name or description, "" if unknown
	SpeakerSpan Span   // where the speaker is named; zero if unknown
	Role        string // e.g. "transportminister", "" if none
	Cue         string // reporting word, "" if none
	CueSpan     Span
	Addressee   string // outlet or person spoken to ("til DR"), "" if none
	Lang        string // the quote's own language
	// TranslationOf is 1 + the index in Doc.Quotes of the quote this one
	// translates (a Danish rendering of an English tweet), 0 if none. The
	// offset by one keeps the zero value meaning "none".
	TranslationOf int
}

// Claim is a statement the article attributes to a source or marks as uncertain.
type Claim struct {
	Span
	Source     string   // "" if unattributed
	Via        []string // nearest first
	Hedge      string   // asserted, reported, alleged, estimated, predicted, opinion, possible, assumed, denied
	Cue        string
	CueSpan    Span
	Quantities []int // indexes into Doc.Quantities
}

// Check is a consistency finding.
type Check struct {
	Kind   string // currency_conversion
	Status string // consistent, inconsistent, unknown
	Detail string
	Spans  []Span
}

// Paragraph is a block of text between blank lines. The sentence splitter
// finds it; the language identifier sets Lang when the paragraph's language
// differs from the article's (an English tweet in a Danish article), so that
// later annotators can pick per-language rules and models.
type Paragraph struct {
	Span
	Lang string // "" means the article's language
}

// LangAt returns the language of the text at byte offset off: the
// paragraph's if it has its own, else the article's. Paragraphs are sorted,
// so this is a binary search: extractors call it once per candidate, and a
// linear scan made long articles quadratic.
func (d *Doc) LangAt(off int) string {
	ps := d.Paragraphs
	lo, hi := 0, len(ps)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ps[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ps) && off >= ps[lo].Start && ps[lo].Lang != "" {
		return ps[lo].Lang
	}
	return d.Lang
}

// Doc is an article with its annotation layers. Every layer refers to Text by
// byte offsets; annotators add layers and never edit Text.
type Doc struct {
	Article
	ContentID  string
	Tokens     []Token
	Sentences  []Span
	Paragraphs []Paragraph
	Entities   []Entity
	Times      []Time
	Quantities []Quantity
	Quotes     []Quote
	Claims     []Claim
	Checks     []Check
	// Warnings collects non-fatal problems found while reading or
	// annotating (e.g. repaired UTF-8); they are logged, not output.
	Warnings []string
}

// NewDoc returns a Doc for a, with its content id computed.
func NewDoc(a Article) *Doc {
	return &Doc{Article: a, ContentID: ContentID(a.Text, a.Date)}
}

// SpanText returns the text a span covers.
func (d *Doc) SpanText(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}
