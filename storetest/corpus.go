package storetest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
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
	sents []string
	seed  uint64
}

var outlets = []string{"DR", "TV 2", "Politiken", "Berlingske", "Jyllands-Posten", "Information", "Ritzau",
	"Børsen", "Altinget", "Kristeligt Dagblad", "Ekstra Bladet", "BT"}

// SharedDir finds ../shared next to the directory holding go.mod, walking up
// from the working directory.
func SharedDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			s := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(s); err != nil {
				return "", fmt.Errorf("no ../shared next to %s", dir)
			}
			return s, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found")
		}
		dir = parent
	}
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
	var toks []string
	flush := func() {
		if len(toks) > 3 {
			c.sents = append(c.sents, detok(toks))
		}
		toks = toks[:0]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		tok, _, _ := strings.Cut(line, "\t")
		toks = append(toks, tok)
	}
	flush()
	if len(c.sents) == 0 {
		return nil, fmt.Errorf("%s: no sentences", path)
	}
	return c, sc.Err()
}

// detok joins tokens with spaces, except before closing punctuation.
func detok(toks []string) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && !strings.ContainsAny(t[:1], ".,:;!?)") {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

func (c *Corpus) rng(i int) *rand.Rand { return rand.New(rand.NewPCG(c.seed, uint64(i))) }

func (c *Corpus) original(i int) kilde.Article {
	r := c.rng(i)
	n := 6 + r.IntN(15)
	var paras []string
	var p []string
	for range n {
		p = append(p, c.sents[r.IntN(len(c.sents))])
		if len(p) >= 3 && r.IntN(3) == 0 {
			paras = append(paras, strings.Join(p, " "))
			p = nil
		}
	}
	if len(p) > 0 {
		paras = append(paras, strings.Join(p, " "))
	}
	return kilde.Article{
		ID:     fmt.Sprintf("syn-%d", i),
		Date:   date(i, r),
		Lang:   "da",
		Source: kilde.Source{Outlet: outlets[r.IntN(len(outlets))], Title: c.sents[r.IntN(len(c.sents))]},
		Text:   strings.Join(paras, "\n\n"),
	}
}

func date(i int, r *rand.Rand) string {
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	return base.AddDate(0, 0, r.IntN(3650)).Format("2006-01-02")
}

// Article returns article i.
func (c *Corpus) Article(i int) kilde.Article {
	r := c.rng(i)
	if i < 10 || r.IntN(10) != 0 {
		return c.original(i)
	}
	// A wire copy of a recent article: same text with one sentence
	// replaced or added, another outlet, a day later.
	src := i - 1 - r.IntN(min(i, 50))
	for src > 0 && c.rng(src).IntN(10) == 0 && src >= 10 {
		src-- // copy an original, not a copy
	}
	a := c.original(src)
	a.ID = fmt.Sprintf("syn-%d", i)
	a.Source.Outlet = outlets[r.IntN(len(outlets))]
	if t, err := time.Parse("2006-01-02", a.Date); err == nil {
		a.Date = t.AddDate(0, 0, 1).Format("2006-01-02")
	}
	a.Text += " " + c.sents[r.IntN(len(c.sents))]
	return a
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
