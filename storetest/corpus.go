package storetest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"github.com/kilde-news/kilde/eval"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/kilde-news/kilde"
)

// Corpus makes synthetic news articles for scale tests and benchmarks:
// random runs of sentences from the DaN+ training text (Danish news), with
// dates spread over ten years, a dozen outlets, and one article in ten a
// lightly edited copy of a recent one (a wire copy), so that near-duplicate
// detection has work to do. Article i is the same for the same seed.
type Corpus struct {
	sents []sentence
	seed  uint64
}

// sentence is a detokenized sentence with its gold entities (byte spans)
// and numbers followed by a word (the quantity and what it counts).
type sentence struct {
	text string
	ents []gold
	nums []gold // Label holds the counted word
}

type gold struct {
	start, end int
	label      string
}

var outlets = []string{"DR", "TV 2", "Politiken", "Berlingske", "Jyllands-Posten", "Information", "Ritzau",
	"Børsen", "Altinget", "Kristeligt Dagblad", "Ekstra Bladet", "BT"}

// SharedDir finds ../shared next to the module root (see eval.SharedDir).
func SharedDir() (string, error) {
	s := eval.SharedDir()
	if _, err := os.Stat(s); err != nil {
		return "", fmt.Errorf("no shared data directory: %w", err)
	}
	return s, nil
}

// DaNPlusTrain is the DaN+ training file under the shared directory.
const DaNPlusTrain = "data/ner/da/da_news_train.tsv"

// LoadCorpus reads the sentences of a DaN+ TSV file (token TAB labels, blank
// line between sentences).
func LoadCorpus(path string, seed uint64) (*Corpus, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c := &Corpus{seed: seed}
	var toks, labels []string
	flush := func() {
		if len(toks) > 3 {
			c.sents = append(c.sents, detok(toks, labels))
		}
		toks, labels = toks[:0], labels[:0]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		tok, rest, _ := strings.Cut(line, "\t")
		label, _, _ := strings.Cut(rest, "\t")
		toks = append(toks, tok)
		labels = append(labels, label)
	}
	flush()
	if len(c.sents) == 0 {
		return nil, fmt.Errorf("%s: no sentences", path)
	}
	return c, sc.Err()
}

// detok joins tokens with spaces, except before closing punctuation, and
// keeps the gold entity spans (B-/I- PER, ORG, LOC, MISC; *part and *deriv
// variants dropped) and the numbers.
func detok(toks, labels []string) sentence {
	var b strings.Builder
	var s sentence
	starts := make([]int, len(toks))
	for i, t := range toks {
		if i > 0 && !strings.ContainsAny(t[:1], ".,:;!?)") {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(t)
	}
	s.text = b.String()
	end := func(i int) int { return starts[i] + len(toks[i]) }
	for i := 0; i < len(toks); i++ {
		l := labels[i]
		if strings.HasPrefix(l, "B-") && !strings.Contains(l, "part") && !strings.Contains(l, "deriv") {
			j := i
			for j+1 < len(toks) && labels[j+1] == "I-"+l[2:] {
				j++
			}
			s.ents = append(s.ents, gold{starts[i], end(j), l[2:]})
			i = j
			continue
		}
		if t := toks[i]; t[0] >= '0' && t[0] <= '9' && i+1 < len(toks) && len(toks[i+1]) > 3 {
			s.nums = append(s.nums, gold{starts[i], end(i), toks[i+1]})
		}
	}
	return s
}

func (c *Corpus) rng(i int) *rand.Rand { return rand.New(rand.NewPCG(c.seed, uint64(i))) }

func (c *Corpus) original(i int) *kilde.Doc {
	r := c.rng(i)
	n := 6 + r.IntN(15)
	var b strings.Builder
	d := &kilde.Doc{}
	inPara := 0
	for k := range n {
		if k > 0 {
			if inPara >= 3 && r.IntN(3) == 0 {
				b.WriteString("\n\n")
				inPara = 0
			} else {
				b.WriteByte(' ')
			}
		}
		c.add(d, &b, c.sents[r.IntN(len(c.sents))])
		inPara++
	}
	d.Article = kilde.Article{
		ID:     fmt.Sprintf("syn-%d", i),
		Date:   date(i, r),
		Lang:   "da",
		Source: kilde.Source{Outlet: outlets[r.IntN(len(outlets))], Title: c.sents[r.IntN(len(c.sents))].text},
		Text:   b.String(),
	}
	return d
}

// add appends sentence s to the text in b and its layers to d.
func (c *Corpus) add(d *kilde.Doc, b *strings.Builder, s sentence) {
	off := b.Len()
	b.WriteString(s.text)
	d.Sentences = append(d.Sentences, kilde.Span{Start: off, End: off + len(s.text)})
	for _, e := range s.ents {
		d.Entities = append(d.Entities, kilde.Entity{Span: kilde.Span{Start: off + e.start, End: off + e.end}, Label: e.label})
	}
	for _, q := range s.nums {
		qty := kilde.Quantity{Span: kilde.Span{Start: off + q.start, End: off + q.end}, Approx: "exact", Measured: q.label}
		if v, err := strconv.ParseFloat(strings.ReplaceAll(s.text[q.start:q.end], ".", ""), 64); err == nil {
			qty.Value, qty.Low, qty.High = &v, &v, &v
		}
		d.Quantities = append(d.Quantities, qty)
	}
}

func date(i int, r *rand.Rand) string {
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	return base.AddDate(0, 0, r.IntN(3650)).Format("2006-01-02")
}

// Article returns article i.
func (c *Corpus) Article(i int) kilde.Article { return c.Doc(i).Article }

// Doc returns article i with layers from the gold annotations: sentences,
// entities (DaN+ labels) and quantities (each number before a word, which
// becomes its measured thing); its content id is set.
func (c *Corpus) Doc(i int) *kilde.Doc {
	r := c.rng(i)
	if i < 10 || r.IntN(10) != 0 {
		d := c.original(i)
		d.ContentID = kilde.ContentID(d.Text, d.Date)
		return d
	}
	// A wire copy of a recent article: one sentence added, another
	// outlet, a day later.
	src := i - 1 - r.IntN(min(i, 50))
	for src > 0 && c.rng(src).IntN(10) == 0 && src >= 10 {
		src-- // copy an original, not a copy
	}
	d := c.original(src)
	d.ID = fmt.Sprintf("syn-%d", i)
	d.Source.Outlet = outlets[r.IntN(len(outlets))]
	if t, err := time.Parse("2006-01-02", d.Date); err == nil {
		d.Date = t.AddDate(0, 0, 1).Format("2006-01-02")
	}
	var b strings.Builder
	b.WriteString(d.Text)
	b.WriteByte(' ')
	c.add(d, &b, c.sents[r.IntN(len(c.sents))])
	d.Text = b.String()
	d.ContentID = kilde.ContentID(d.Text, d.Date)
	return d
}

// WriteJSONL writes articles from..to-1 as JSON Lines in the read package's
// input format.
func (c *Corpus) WriteJSONL(w io.Writer, from, to int) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := from; i < to; i++ {
		a := c.Article(i)
		if err := enc.Encode(map[string]string{"id": a.ID, "date": a.Date, "lang": a.Lang, "outlet": a.Source.Outlet,
			"title": a.Source.Title, "text": a.Text}); err != nil {
			return err
		}
	}
	return bw.Flush()
}
