// Package e2e is kilde's end-to-end held-out evaluation: hand-written news
// articles (testdata/NN_name.txt, one article in the date-line format) with
// hand-annotated gold (testdata/NN_name.json), and a scorer that compares a
// fully annotated kilde.Doc with the gold, layer by layer. Gold spans are
// given by their exact text and occurrence index, not offsets, so that gold
// files are easy to write and review; see docs/e2e.md.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/read"
)

// Ref names a span by its exact text and which occurrence (0-based) of that
// text in the article it is.
type Ref struct {
	Text string `json:"text"`
	N    int    `json:"n,omitempty"`
}

// Quote is a gold quote.
type Quote struct {
	Ref
	Kind    string `json:"kind"`
	Speaker string `json:"speaker"`
}

// Claim is a gold claim.
type Claim struct {
	Ref
	Source string `json:"source"`
	Hedge  string `json:"hedge"`
}

// Quantity is a gold quantity.
type Quantity struct {
	Ref
	Value    *float64 `json:"value"`
	Low      *float64 `json:"low"`
	High     *float64 `json:"high"`
	Approx   string   `json:"approx"`
	Unit     string   `json:"unit"`
	Measured string   `json:"measured,omitempty"`
}

// Time is a gold TIMEX3 expression.
type Time struct {
	Ref
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Entity is a gold named entity.
type Entity struct {
	Ref
	Label string `json:"label"`
}

// Check is a gold currency-conversion check; Ref names the first amount.
type Check struct {
	Ref
	Status string `json:"status"`
}

// Gold is one article's gold annotation.
type Gold struct {
	Lang       string     `json:"lang"`
	Quotes     []Quote    `json:"quotes"`
	Claims     []Claim    `json:"claims"`
	Quantities []Quantity `json:"quantities"`
	Times      []Time     `json:"times"`
	Entities   []Entity   `json:"entities"`
	Checks     []Check    `json:"checks"`
}

// Case is one article with its gold, spans resolved to byte offsets.
type Case struct {
	Name    string // file base name without extension
	File    string // path of the article file
	Article kilde.Article
	Gold    Gold
	// Spans[layer][i] is the byte span of the layer's i-th gold item.
	Spans map[string][]kilde.Span
}

// Layers scored, in report order.
var Layers = []string{"quotes", "claims", "quantities", "times", "entities", "checks"}

// Load reads every NN_name.txt with its NN_name.json in dir, sorted by name.
func Load(dir string) ([]*Case, error) {
	txts, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(txts) == 0 {
		return nil, fmt.Errorf("e2e: no articles (*.txt) in %s", dir)
	}
	sort.Strings(txts)
	var cases []*Case
	for _, t := range txts {
		c, err := LoadCase(t, strings.TrimSuffix(t, ".txt")+".json")
		if err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	return cases, nil
}

// LoadCase reads one article file and its gold file and resolves the spans.
func LoadCase(txtPath, goldPath string) (*Case, error) {
	raw, err := os.ReadFile(txtPath)
	if err != nil {
		return nil, err
	}
	var arts []kilde.Article
	for a, err := range read.From(context.Background(), txtPath, bytes.NewReader(raw), read.Options{}) {
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	if len(arts) != 1 {
		return nil, fmt.Errorf("%s: want one article, have %d", txtPath, len(arts))
	}
	gb, err := os.ReadFile(goldPath)
	if err != nil {
		return nil, err
	}
	var g Gold
	dec := json.NewDecoder(bytes.NewReader(gb))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("%s: %w", goldPath, err)
	}
	c := &Case{
		Name:    strings.TrimSuffix(filepath.Base(txtPath), ".txt"),
		File:    txtPath,
		Article: arts[0],
		Gold:    g,
	}
	if err := c.Resolve(); err != nil {
		return nil, fmt.Errorf("%s: %w", goldPath, err)
	}
	return c, nil
}

// Resolve fills c.Spans from the gold refs and checks the gold values.
func (c *Case) Resolve() error {
	c.Spans = map[string][]kilde.Span{}
	text := c.Article.Text
	var errs []string
	add := func(layer string, r Ref) {
		sp, ok := Find(text, r)
		if !ok {
			errs = append(errs, fmt.Sprintf("%s: %q (occurrence %d) not in the article", layer, r.Text, r.N))
		}
		c.Spans[layer] = append(c.Spans[layer], sp)
	}
	bad := func(layer, what, v string, set ...string) {
		for _, s := range set {
			if v == s {
				return
			}
		}
		errs = append(errs, fmt.Sprintf("%s: %s %q not one of %v", layer, what, v, set))
	}
	for _, q := range c.Gold.Quotes {
		add("quotes", q.Ref)
		bad("quotes", "kind", q.Kind, "direct", "indirect")
	}
	for _, q := range c.Gold.Claims {
		add("claims", q.Ref)
		bad("claims", "hedge", q.Hedge, "asserted", "reported", "alleged", "estimated", "predicted", "opinion", "possible", "assumed", "denied")
	}
	for _, q := range c.Gold.Quantities {
		add("quantities", q.Ref)
		bad("quantities", "approx", q.Approx, "exact", "about", "more_than", "at_least", "less_than", "at_most", "range")
	}
	for _, q := range c.Gold.Times {
		add("times", q.Ref)
		bad("times", "type", q.Type, "DATE", "TIME", "DURATION", "SET")
	}
	for _, q := range c.Gold.Entities {
		add("entities", q.Ref)
		bad("entities", "label", q.Label, "PER", "ORG", "LOC", "MISC")
	}
	for _, q := range c.Gold.Checks {
		add("checks", q.Ref)
		bad("checks", "status", q.Status, "consistent", "inconsistent", "unknown")
	}
	bad("article", "lang", c.Gold.Lang, "da", "en")
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

// Find returns the byte span of the r.N-th (0-based) occurrence of r.Text in
// text that does not start or end inside a word.
func Find(text string, r Ref) (kilde.Span, bool) {
	if r.Text == "" || r.N < 0 {
		return kilde.Span{}, false
	}
	off := 0
	for i := 0; ; {
		j := strings.Index(text[off:], r.Text)
		if j < 0 {
			return kilde.Span{}, false
		}
		st, en := off+j, off+j+len(r.Text)
		off += j + 1
		if !bounded(text, st, en) {
			continue // "to" inside "stor" is no occurrence of the word "to"
		}
		if i == r.N {
			return kilde.Span{Start: st, End: en}, true
		}
		i++
	}
}

// bounded reports whether text[st:en] does not start or end inside a word.
func bounded(text string, st, en int) bool {
	if st > 0 {
		a, n := utf8.DecodeLastRuneInString(text[:st])
		b, _ := utf8.DecodeRuneInString(text[st:])
		if word(a) && word(b) {
			return false
		}
		// "5" in "4,5" or "1.000" is inside a number
		if (a == ',' || a == '.') && digit(b) && st-n > 0 {
			if c, _ := utf8.DecodeLastRuneInString(text[:st-n]); digit(c) {
				return false
			}
		}
	}
	if en < len(text) {
		a, _ := utf8.DecodeLastRuneInString(text[:en])
		b, n := utf8.DecodeRuneInString(text[en:])
		if word(a) && word(b) {
			return false
		}
		if (b == ',' || b == '.') && digit(a) && en+n < len(text) {
			if c, _ := utf8.DecodeRuneInString(text[en+n:]); digit(c) {
				return false
			}
		}
	}
	return true
}

func digit(r rune) bool { return r >= '0' && r <= '9' }

func word(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Line returns the 1-based line in the article's file of byte offset off.
func (c *Case) Line(off int) int {
	if off > len(c.Article.Text) {
		off = len(c.Article.Text)
	}
	l := c.Article.Source.Line
	if l == 0 {
		l = 1
	}
	return l + strings.Count(c.Article.Text[:off], "\n")
}
