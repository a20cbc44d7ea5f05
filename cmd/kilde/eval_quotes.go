package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/eval"
	"github.com/kilde-news/kilde/quote"
)

// evalQuotes scores the quote annotator on PolNeAR (English attribution
// relations, JSONL) and on kilde's own Danish set (inline-marked passages).
func evalQuotes(ctx context.Context, e *env, args []string) int {
	root := quoteRepoRoot()
	fs := newFlags(e, "eval quotes", "[FILE ...]",
		"Score quotes and speakers. A .jsonl FILE is PolNeAR-style attribution data (default\n"+
			"../shared/data/quotes/en_polnear_dev.jsonl); a .txt FILE is kilde's inline format\n"+
			"(quote/testdata/da_quotes.txt): passages separated by '---' lines, each quote marked\n"+
			"[[words|speaker]] (direct) or [[words|speaker|i]] (indirect), speaker empty when unknown.\n"+
			"Prints direct-quote P/R/F1 (exact and overlapping spans), speaker accuracy on found quotes,\n"+
			"attribution recall and source accuracy, and indirect-quote detection.")
	mode := fs.String("pipeline", "full", "`full` runs every stage before quotes (entities included); `quotes` runs the quote annotator alone")
	errs := fs.Int("errors", 0, "print up to `n` misses and wrong speakers")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{filepath.Join(root, "..", "shared", "data", "quotes", "en_polnear_dev.jsonl"), filepath.Join(root, "quote", "testdata", "da_quotes.txt"), filepath.Join(root, "quote", "testdata", "da_quotes_heldout.txt"), filepath.Join(root, "quote", "testdata", "da_quotes_blind2.txt")}
	}
	annotate, err := quoteAnnotator(*mode)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval quotes: %v\n", err)
		return 1
	}
	for _, f := range files {
		var err error
		if strings.HasSuffix(f, ".txt") {
			err = evalQuotesInline(e, f, annotate, *errs)
		} else {
			err = evalQuotesPolNeAR(ctx, e, f, annotate, *errs, *mode)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde eval quotes: %v\n", err)
			return 1
		}
	}
	return 0
}

func quoteRepoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		p := filepath.Dir(d)
		if p == d {
			return dir
		}
		d = p
	}
}

// quoteAnnotator returns a function annotating one doc: the whole pipeline,
// or the quote annotator alone.
func quoteAnnotator(mode string) (func(*kilde.Doc) error, error) {
	if mode == "full" {
		p, err := buildPipeline()
		if err != nil {
			return nil, fmt.Errorf("building the pipeline: %w (try --pipeline quotes)", err)
		}
		return p.Annotate, nil
	}
	q, err := quote.New()
	if err != nil {
		return nil, err
	}
	return q.Annotate, nil
}

type polSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type polRecord struct {
	ID           string `json:"id"`
	Date         string `json:"date"`
	Lang         string `json:"lang"`
	Text         string `json:"text"`
	Attributions []struct {
		Source  *polSpan `json:"source"`
		Cue     *polSpan `json:"cue"`
		Content *polSpan `json:"content"`
		Kind    string   `json:"kind"`
	} `json:"attributions"`
	Quotes []struct {
		Start     int     `json:"start"`
		End       int     `json:"end"`
		Speaker   *string `json:"speaker"`
		IsPronoun bool    `json:"speaker_is_pronoun"`
	} `json:"quotes"`
}

// cpQuote is a predicted quote in code points.
type cpQuote struct {
	start, end int
	kind       string
	speaker    string
}

func toCodepoints(d *kilde.Doc) []cpQuote {
	idx := make([]int, len(d.Text)+1)
	n := 0
	for i := 0; i < len(d.Text); i++ {
		if utf8.RuneStart(d.Text[i]) {
			idx[i] = n
			n++
		} else if i > 0 {
			idx[i] = idx[i-1]
		}
	}
	idx[len(d.Text)] = n
	out := make([]cpQuote, len(d.Quotes))
	for i, q := range d.Quotes {
		out[i] = cpQuote{idx[q.Start], idx[q.End], q.Kind, q.Speaker}
	}
	return out
}

type quoteScore struct {
	docs, words                            int
	dur                                    time.Duration
	exact, overlap                         eval.PRF // direct quotes
	spkN, spkOK                            int      // found direct quotes with a named gold speaker
	attrN, attrFound, srcN, srcOK          int
	predN, predHit                         int // all predicted quotes overlapping gold content
	indGold, indFound, indPred, indPredHit int
	anyFound                               int
	missed, wrong, spurious, inexact       []string
}

func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

func evalQuotesPolNeAR(ctx context.Context, e *env, path string, annotate func(*kilde.Doc) error, nerr int, mode string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w (the data lives in ../shared beside the repo)", err)
	}
	defer f.Close()
	var s quoteScore
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var r polRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		d := kilde.NewDoc(kilde.Article{ID: r.ID, Date: r.Date, Lang: r.Lang, Text: r.Text})
		t0 := time.Now()
		if err := annotate(d); err != nil {
			return fmt.Errorf("%s: %s: %w", path, r.ID, err)
		}
		s.dur += time.Since(t0)
		s.docs++
		s.words += len(strings.Fields(r.Text))
		pred := toCodepoints(d)
		runes := []rune(r.Text)
		// direct quotes
		var gold []cpQuote
		for _, q := range r.Quotes {
			g := cpQuote{start: q.Start, end: q.End, kind: "direct"}
			if q.Speaker != nil && !q.IsPronoun {
				g.speaker = *q.Speaker
			}
			gold = append(gold, g)
		}
		s.scoreDirect(gold, pred, runes, nerr)
		// attributions
		for _, a := range r.Attributions {
			if a.Content == nil {
				continue
			}
			s.attrN++
			direct := strings.ContainsAny(a.Content.Text, "“”\"")
			if !direct {
				s.indGold++
			}
			best, bo := -1, 0
			for i, p := range pred {
				if o := min(p.end, a.Content.End) - max(p.start, a.Content.Start); o > bo {
					best, bo = i, o
				}
			}
			if best < 0 {
				continue
			}
			s.attrFound++
			if !direct && pred[best].kind == "indirect" {
				s.indFound++
			}
			if a.Source != nil && !isPronoun(a.Source.Text) {
				s.srcN++
				if speakerMatch(pred[best].speaker, a.Source.Text) {
					s.srcOK++
				}
			}
		}
		for _, p := range pred {
			hit := false
			for _, a := range r.Attributions {
				if a.Content != nil && overlaps(p.start, p.end, a.Content.Start, a.Content.End) {
					hit = true
					break
				}
			}
			s.predN++
			if hit {
				s.predHit++
			}
			if p.kind == "indirect" {
				s.indPred++
				if hit {
					s.indPredHit++
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintf(e.stdout, "%s: %d articles, %d words, %.0f words/s (--pipeline %s)\n", path, s.docs, s.words, float64(s.words)/s.dur.Seconds(), mode)
	s.print(e.stdout)
	fmt.Fprintf(e.stdout, "attributions: recall %5.1f (%d/%d content spans overlapped by a quote)  source accuracy %5.1f (%d/%d, pronoun sources left out)\n",
		qpct(s.attrFound, s.attrN), s.attrFound, s.attrN, qpct(s.srcOK, s.srcN), s.srcOK, s.srcN)
	fmt.Fprintf(e.stdout, "predicted quotes overlapping some gold attribution (precision proxy): %5.1f (%d/%d)\n", qpct(s.predHit, s.predN), s.predHit, s.predN)
	fmt.Fprintf(e.stdout, "indirect: recall %5.1f (%d/%d attributions without quotation marks found as indirect)  precision proxy %5.1f (%d/%d)\n",
		qpct(s.indFound, s.indGold), s.indFound, s.indGold, qpct(s.indPredHit, s.indPred), s.indPredHit, s.indPred)
	s.printErrors(e.stdout)
	return nil
}

// scoreDirect scores gold direct quotes against predicted direct quotes.
func (s *quoteScore) scoreDirect(gold, pred []cpQuote, runes []rune, nerr int) {
	snippet := func(a, b int) string {
		if a < 0 || b > len(runes) || a > b {
			return ""
		}
		t := string(runes[a:b])
		if len(t) > 80 {
			t = t[:80] + "…"
		}
		return strings.ReplaceAll(t, "\n", " ")
	}
	var dpred []cpQuote
	for _, p := range pred {
		if p.kind == "direct" {
			dpred = append(dpred, p)
		}
	}
	usedE := make([]bool, len(dpred))
	usedO := make([]bool, len(dpred))
	for _, g := range gold {
		found := false
		for i, p := range dpred {
			if !usedE[i] && p.start == g.start && p.end == g.end {
				usedE[i] = true
				found = true
				break
			}
		}
		if found {
			s.exact.TP++
		} else {
			s.exact.FN++
		}
		best, bo := -1, 0
		for i, p := range dpred {
			if o := min(p.end, g.end) - max(p.start, g.start); o > bo {
				best, bo = i, o
			}
		}
		anyHit := false
		for _, p := range pred {
			if overlaps(p.start, p.end, g.start, g.end) {
				anyHit = true
			}
		}
		if anyHit {
			s.anyFound++
		}
		if best < 0 {
			s.overlap.FN++
			if len(s.missed) < nerr {
				s.missed = append(s.missed, fmt.Sprintf("missed %q (speaker %q)", snippet(g.start, g.end), g.speaker))
			}
			continue
		}
		s.overlap.TP++
		usedO[best] = true
		if g.speaker != "" {
			s.spkN++
			if speakerMatch(dpred[best].speaker, g.speaker) {
				s.spkOK++
			} else if len(s.wrong) < nerr {
				s.wrong = append(s.wrong, fmt.Sprintf("speaker %q, want %q: %q", dpred[best].speaker, g.speaker, snippet(g.start, g.end)))
			}
		}
	}
	for i := range dpred {
		if !usedE[i] {
			s.exact.FP++
		}
		if !usedO[i] {
			hit := false
			for _, g := range gold {
				if overlaps(dpred[i].start, dpred[i].end, g.start, g.end) {
					hit = true
				}
			}
			if !hit {
				s.overlap.FP++
				if len(s.spurious) < nerr {
					s.spurious = append(s.spurious, fmt.Sprintf("spurious %q (speaker %q)", snippet(dpred[i].start, dpred[i].end), dpred[i].speaker))
				}
			} else if !usedE[i] && len(s.inexact) < nerr {
				for _, g := range gold {
					if overlaps(dpred[i].start, dpred[i].end, g.start, g.end) {
						s.inexact = append(s.inexact, fmt.Sprintf("inexact %q, gold %q", snippet(dpred[i].start, dpred[i].end), snippet(g.start, g.end)))
						break
					}
				}
			}
		}
	}
}

func (s *quoteScore) print(w io.Writer) {
	fmt.Fprintf(w, "direct quotes, exact span:   %s\n", s.exact)
	fmt.Fprintf(w, "direct quotes, overlap:      %s\n", s.overlap)
	fmt.Fprintf(w, "quote recall (any predicted quote overlaps): %5.1f (%d/%d)\n", qpct(s.anyFound, s.exact.TP+s.exact.FN), s.anyFound, s.exact.TP+s.exact.FN)
	fmt.Fprintf(w, "speaker accuracy on found quotes: %5.1f (%d/%d with a named gold speaker)\n", qpct(s.spkOK, s.spkN), s.spkOK, s.spkN)
}

func (s *quoteScore) printErrors(w io.Writer) {
	for _, m := range s.missed {
		fmt.Fprintln(w, "  "+m)
	}
	for _, m := range s.wrong {
		fmt.Fprintln(w, "  "+m)
	}
	for _, m := range s.spurious {
		fmt.Fprintln(w, "  "+m)
	}
	for _, m := range s.inexact {
		fmt.Fprintln(w, "  "+m)
	}
}

func qpct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

var quotePronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true, "you": true, "him": true, "her": true, "them": true, "his": true, "its": true, "their": true, "han": true, "hun": true, "de": true, "den": true, "det": true}

var quoteTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true, "gen": true, "president": true, "senator": true, "secretary": true, "governor": true, "minister": true}

func isPronoun(s string) bool { return quotePronouns[strings.ToLower(strings.TrimSpace(s))] }

// speakerMatch follows shared/data/quotes/README.md: the full name or the
// surname, case-insensitively; a different first name before the same
// surname does not match; for a description the head word must match.
func speakerMatch(pred, gold string) bool {
	p, g := quoteWords(pred), quoteWords(gold)
	if len(p) == 0 || len(g) == 0 {
		return false
	}
	if strings.EqualFold(strings.Join(p, " "), strings.Join(g, " ")) {
		return true
	}
	last := p[len(p)-1]
	for i, w := range g {
		if w != last {
			continue
		}
		// a different first name before the same surname does not match
		if len(p) >= 2 && i > 0 && isCapWord(gold, g[i-1]) && g[i-1] != p[len(p)-2] && isCapWord(pred, p[len(p)-2]) && !quoteTitles[g[i-1]] {
			return false
		}
		return true
	}
	return quoteHead(p) == quoteHead(g)
}

func isCapWord(orig, lw string) bool {
	for _, w := range strings.FieldsFunc(orig, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) {
		if strings.ToLower(w) == lw {
			r, _ := utf8.DecodeRuneInString(w)
			return unicode.IsUpper(r)
		}
	}
	return false
}

func quoteWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' })
}

// quoteHead is the last word before a preposition, relative pronoun or
// comma: "a spokesman for the campaign" → "spokesman".
func quoteHead(ws []string) string {
	h := ""
	for _, w := range ws {
		switch w {
		case "for", "of", "at", "in", "with", "who", "that", "which", "from", "on", "til", "i", "fra", "som", "der", "hos", "ved":
			if h != "" {
				return h
			}
		}
		h = w
	}
	return h
}

// evalQuotesInline scores the Danish inline-marked set.
func evalQuotesInline(e *env, path string, annotate func(*kilde.Doc) error, nerr int) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var s quoteScore
	var ind eval.PRF
	var indSpkN, indSpkOK int
	for _, passage := range strings.Split(string(b), "\n---\n") {
		lines := strings.Split(passage, "\n")
		var keep []string
		for _, l := range lines {
			if !strings.HasPrefix(l, "#") {
				keep = append(keep, l)
			}
		}
		text, gold, err := parseInlineQuotes(strings.TrimSpace(strings.Join(keep, "\n")))
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if text == "" {
			continue
		}
		d := kilde.NewDoc(kilde.Article{Text: text, Lang: "da"})
		t0 := time.Now()
		if err := annotate(d); err != nil {
			return err
		}
		s.dur += time.Since(t0)
		s.docs++
		s.words += len(strings.Fields(text))
		pred := toCodepoints(d)
		runes := []rune(text)
		var gd, gi []cpQuote
		for _, g := range gold {
			if g.kind == "direct" {
				gd = append(gd, g)
			} else {
				gi = append(gi, g)
			}
		}
		s.scoreDirect(gd, pred, runes, nerr)
		for _, g := range gi {
			best, bo := -1, 0
			for i, p := range pred {
				if o := min(p.end, g.end) - max(p.start, g.start); o > bo && p.kind == "indirect" {
					best, bo = i, o
				}
			}
			if best < 0 {
				ind.FN++
				if len(s.missed) < nerr {
					s.missed = append(s.missed, fmt.Sprintf("missed indirect %q (speaker %q)", string(runes[g.start:g.end]), g.speaker))
				}
				continue
			}
			ind.TP++
			if g.speaker != "" {
				indSpkN++
				if speakerMatch(pred[best].speaker, g.speaker) {
					indSpkOK++
				} else if len(s.wrong) < nerr {
					s.wrong = append(s.wrong, fmt.Sprintf("indirect speaker %q, want %q: %q", pred[best].speaker, g.speaker, string(runes[g.start:g.end])))
				}
			}
		}
		for _, p := range pred {
			if p.kind != "indirect" {
				continue
			}
			hit := false
			for _, g := range gi {
				if overlaps(p.start, p.end, g.start, g.end) {
					hit = true
				}
			}
			if !hit {
				ind.FP++
				if len(s.wrong) < nerr {
					s.wrong = append(s.wrong, fmt.Sprintf("spurious indirect %q (speaker %q)", string(runes[p.start:p.end]), p.speaker))
				}
			}
		}
	}
	fmt.Fprintf(e.stdout, "%s: %d passages, %d words\n", path, s.docs, s.words)
	s.print(e.stdout)
	fmt.Fprintf(e.stdout, "indirect quotes, overlap:    %s\n", ind)
	fmt.Fprintf(e.stdout, "indirect speaker accuracy on found: %5.1f (%d/%d)\n", qpct(indSpkOK, indSpkN), indSpkOK, indSpkN)
	all := s.spkOK + indSpkOK
	fmt.Fprintf(e.stdout, "all quotes: recall %5.1f (%d/%d)  speaker accuracy on found %5.1f (%d/%d)\n",
		qpct(s.overlap.TP+ind.TP, s.overlap.TP+s.overlap.FN+ind.TP+ind.FN), s.overlap.TP+ind.TP, s.overlap.TP+s.overlap.FN+ind.TP+ind.FN,
		qpct(all, s.spkN+indSpkN), all, s.spkN+indSpkN)
	s.printErrors(e.stdout)
	return nil
}

// parseInlineQuotes removes [[words|speaker]] / [[words|speaker|i]] marks,
// returning the text and the gold quotes in code points.
func parseInlineQuotes(in string) (string, []cpQuote, error) {
	var b strings.Builder
	var out []cpQuote
	n := 0 // code points written
	for i := 0; i < len(in); {
		if strings.HasPrefix(in[i:], "[[") {
			j := strings.Index(in[i:], "]]")
			if j < 0 {
				return "", nil, fmt.Errorf("unclosed [[ at %q", in[i:min(len(in), i+40)])
			}
			parts := strings.Split(in[i+2:i+j], "|")
			if len(parts) < 2 {
				return "", nil, fmt.Errorf("quote without |speaker: %q", in[i:i+j+2])
			}
			q := cpQuote{start: n, kind: "direct", speaker: parts[1]}
			if len(parts) > 2 && parts[2] == "i" {
				q.kind = "indirect"
			}
			b.WriteString(parts[0])
			n += utf8.RuneCountInString(parts[0])
			q.end = n
			out = append(out, q)
			i += j + 2
			continue
		}
		r, size := utf8.DecodeRuneInString(in[i:])
		b.WriteRune(r)
		n++
		i += size
	}
	return b.String(), out, nil
}
