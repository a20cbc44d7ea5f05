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
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/claim"
	"github.com/kilde-news/kilde/eval"
	"github.com/kilde-news/kilde/pipeline"
	"github.com/kilde-news/kilde/sentence"
	"github.com/kilde-news/kilde/tokenize"
)

func evalClaims(ctx context.Context, e *env, args []string) int {
	shared := eval.SharedDir()
	root := filepath.Dir(shared)
	fs := newFlags(e, "eval claims", "",
		"Measure claims on two sets:\n"+
			"  English: PolNeAR attributions (../shared/data/quotes, research use only). A gold attribution is\n"+
			"    found when a predicted claim overlaps its content span; precision is the share of predicted\n"+
			"    claims overlapping some gold content. Source accuracy (of found attributions with a non-pronoun\n"+
			"    gold source; full name or surname, or head word of a description, case-insensitive) and cue\n"+
			"    recall (gold cues overlapped by the cue of a claim that overlaps the content).\n"+
			"  Danish: the hand-written set claim/testdata/da_claims.tsv (sentences written for kilde):\n"+
			"    hedge-class accuracy, source accuracy, via accuracy, and false claims on non-claims.\n"+
			"By default the whole pipeline runs (quotes, entities ... feed claims); --isolated runs only\n"+
			"tokens, sentences and claims.")
	data := fs.String("data", filepath.Join(shared, "data", "quotes", "en_polnear_dev.jsonl"), "PolNeAR JSONL `file`; empty to skip")
	da := fs.String("da", filepath.Join(root, "main", "claim", "testdata", "da_claims.tsv")+","+filepath.Join(root, "main", "claim", "testdata", "da_claims_heldout.tsv"), "hand-written Danish `files`, comma-separated; empty to skip")
	isolated := fs.Bool("isolated", false, "run only tokenize, sentence and claim")
	errs := fs.Int("errors", 0, "print up to `n` misses and wrong sources")
	dump := fs.String("dump", "", "write one JSON line per gold attribution and per unmatched claim to `file` (error analysis)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *da != "" {
		var paths []string
		for _, p := range strings.Split(*da, ",") {
			if _, err := os.Stat(p); err != nil {
				p = claimFindUp(filepath.Join("claim", "testdata", filepath.Base(p)))
			}
			paths = append(paths, p)
		}
		*da = strings.Join(paths, ",")
	}
	var p *pipeline.Pipeline
	var err error
	if *isolated {
		var as []kilde.Annotator
		tk, err1 := tokenize.New()
		sp, err2 := sentence.New()
		cl, err3 := claim.New()
		if err = claimFirstErr(err1, err2, err3); err == nil {
			as = append(as, tk, sp, cl)
			p, err = pipeline.New(as...)
		}
	} else {
		p, err = buildPipeline()
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval claims: %v\n", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "pipeline: %s\n", strings.Join(p.Names(), " → "))
	code := 0
	if *data != "" {
		if c := evalClaimsPolNeAR(ctx, e, p, *data, *errs, *dump); c != 0 {
			code = c
		}
	}
	if *da != "" {
		for _, path := range strings.Split(*da, ",") {
			if c := evalClaimsHand(e, p, path, *errs); c != 0 {
				code = c
			}
		}
	}
	return code
}

func claimFirstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// claimFindUp returns rel under the nearest directory above the working
// directory that holds it, or rel.
func claimFindUp(rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		return rel
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, rel)); err == nil {
			return filepath.Join(dir, rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return rel
		}
		dir = parent
	}
}

type claimPnSpan struct {
	Start, End int
	Text       string
}

type claimPnRecord struct {
	ID           string `json:"id"`
	Date         string `json:"date"`
	Lang         string `json:"lang"`
	Text         string `json:"text"`
	Attributions []struct {
		ID      string       `json:"id"`
		Source  *claimPnSpan `json:"source"`
		Cue     *claimPnSpan `json:"cue"`
		Content *claimPnSpan `json:"content"`
		Kind    string       `json:"kind"`
	} `json:"attributions"`
}

// claimCpToByte maps code-point offsets of s to byte offsets (len+1 entries).
func claimCpToByte(s string) []int {
	m := make([]int, 0, len(s)+1)
	for i := range s {
		m = append(m, i)
	}
	return append(m, len(s))
}

// claimDumpRow is one line of --dump: a gold attribution with the claim
// that overlaps its content most, or (Gold empty) a claim overlapping no gold.
type claimDumpRow struct {
	Doc        string `json:"doc"`
	Kind       string `json:"kind,omitempty"`
	GoldSource string `json:"gold_source,omitempty"`
	GoldCue    string `json:"gold_cue,omitempty"`
	GoldText   string `json:"gold_content,omitempty"`
	Sentence   string `json:"sentence,omitempty"`
	Found      bool   `json:"found"`
	CueOK      bool   `json:"cue_ok"`
	SrcScored  bool   `json:"src_scored"`
	SrcOK      bool   `json:"src_ok"`
	Source     string `json:"source,omitempty"`
	Cue        string `json:"cue,omitempty"`
	Hedge      string `json:"hedge,omitempty"`
	Claim      string `json:"claim,omitempty"`
}

func evalClaimsPolNeAR(ctx context.Context, e *env, p *pipeline.Pipeline, path string, nErr int, dumpPath string) int {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval claims: %v (the data lives in ../shared beside the repo; pass --data)\n", err)
		return 1
	}
	defer f.Close()
	var dump *json.Encoder
	if dumpPath != "" {
		df, derr := os.Create(dumpPath)
		if derr != nil {
			fmt.Fprintf(e.stderr, "kilde eval claims: %v\n", derr)
			return 1
		}
		defer df.Close()
		dump = json.NewEncoder(df)
	}
	var (
		gold, found, srcN, srcOK, cueN, cueOK int
		attN                                  int // found with a predicted source
		relN, relOK                           int // gold source a relative pronoun ("who")
		resolvedN                             int // gold a description, prediction an entity name
		pred, predHit, docs                   int
		shown                                 int
		hedges                                = map[string]int{}
	)
	br := bufio.NewReaderSize(f, 1<<20)
	for {
		if ctx.Err() != nil {
			return 1
		}
		line, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(line))) > 0 {
			var r claimPnRecord
			if jerr := json.Unmarshal(line, &r); jerr != nil {
				fmt.Fprintf(e.stderr, "kilde eval claims: %s: %v\n", path, jerr)
				return 1
			}
			docs++
			lang := r.Lang
			if lang == "" {
				lang = "en"
			}
			d := kilde.NewDoc(kilde.Article{ID: r.ID, Date: r.Date, Lang: lang, Text: r.Text})
			if aerr := p.Annotate(d); aerr != nil {
				fmt.Fprintf(e.stderr, "kilde eval claims: %s: %v\n", r.ID, aerr)
				continue
			}
			m := claimCpToByte(r.Text)
			conv := func(s *claimPnSpan) kilde.Span {
				if s == nil || s.Start < 0 || s.End >= len(m) || s.Start > s.End {
					return kilde.Span{}
				}
				return kilde.Span{Start: m[s.Start], End: m[s.End]}
			}
			var contents []kilde.Span
			for _, a := range r.Attributions {
				if a.Content == nil {
					continue
				}
				cs := conv(a.Content)
				contents = append(contents, cs)
				gold++
				row := claimDumpRow{Doc: r.ID, Kind: a.Kind, GoldSource: claimSpanText(a.Source), GoldCue: claimSpanText(a.Cue), GoldText: claimClip(a.Content.Text)}
				if dump != nil {
					row.Sentence = claimSentence(d, cs)
				}
				best, bestOv := -1, 0
				for i, c := range d.Claims {
					if ov := claimOverlapLen(c.Span, cs); ov > bestOv {
						best, bestOv = i, ov
					}
				}
				if best < 0 {
					if shown < nErr {
						shown++
						fmt.Fprintf(e.stdout, "MISS  %s: %q (source %q cue %q)\n", r.ID, claimClip(d.SpanText(cs)), claimSpanText(a.Source), claimSpanText(a.Cue))
					}
					if dump != nil {
						dump.Encode(&row)
					}
					continue
				}
				found++
				c := d.Claims[best]
				hedges[c.Hedge]++
				row.Found, row.Source, row.Cue, row.Hedge, row.Claim = true, c.Source, c.Cue, c.Hedge, claimClip(d.SpanText(c.Span))
				if a.Cue != nil {
					// the cue is found when a claim on this content has it
					cueN++
					gc := conv(a.Cue)
					hit := false
					for _, c2 := range d.Claims {
						if c2.Span.Overlaps(cs) && c2.CueSpan.Overlaps(gc) {
							hit = true
							break
						}
					}
					row.CueOK = hit
					if hit {
						cueOK++
					} else if shown < nErr {
						shown++
						fmt.Fprintf(e.stdout, "CUE   %s: want %q got %q (source %q) in %q\n", r.ID, a.Cue.Text, c.Cue, c.Source, claimClip(d.SpanText(c.Span)))
					}
				}
				if a.Source != nil && claimIsRelPronoun(a.Source.Text) {
					relN++
					if claimSourceMatches(c.Source, a.Source.Text) {
						relOK++
					}
				}
				if a.Source != nil && !claimIsPronoun(a.Source.Text) && !claimIsRelPronoun(a.Source.Text) {
					srcN++
					if claimIsDescription(a.Source.Text) && claimEntityName(d, c.Source) && !claimSourceMatches(c.Source, a.Source.Text) {
						resolvedN++ // "the mayor" resolved to the mayor's name: PolNeAR scores the words
					}
					if c.Source != "" {
						attN++
					}
					row.SrcScored = true
					if claimSourceMatches(c.Source, a.Source.Text) {
						row.SrcOK = true
						srcOK++
					} else if shown < nErr {
						shown++
						fmt.Fprintf(e.stdout, "SRC   %s: got %q want %q  cue %q  in %q\n", r.ID, c.Source, a.Source.Text, c.Cue, claimClip(d.SpanText(c.Span)))
					}
				}
				if dump != nil {
					dump.Encode(&row)
				}
			}
			for _, c := range d.Claims {
				pred++
				hit := false
				for _, g := range contents {
					if c.Span.Overlaps(g) {
						predHit++
						hit = true
						break
					}
				}
				if !hit && dump != nil {
					dump.Encode(&claimDumpRow{Doc: r.ID, Sentence: claimSentence(d, c.Span), Source: c.Source, Cue: c.Cue, Hedge: c.Hedge, Claim: claimClip(d.SpanText(c.Span))})
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde eval claims: %s: %v\n", path, err)
			return 1
		}
	}
	prf := eval.PRF{TP: found, FN: gold - found}
	recall := prf.Recall()
	prec := 0.0
	if pred > 0 {
		prec = float64(predHit) / float64(pred)
	}
	f1 := 0.0
	if prec+recall > 0 {
		f1 = 2 * prec * recall / (prec + recall)
	}
	fmt.Fprintf(e.stdout, "\nEnglish attribution: %s (%d articles, research/evaluation use only)\n", path, docs)
	fmt.Fprintf(e.stdout, "  attribution recall   %5.1f %%  (%d of %d gold contents overlapped by a claim)\n", 100*recall, found, gold)
	fmt.Fprintf(e.stdout, "  precision (proxy)    %5.1f %%  (%d of %d claims overlap a gold content)\n", 100*prec, predHit, pred)
	fmt.Fprintf(e.stdout, "  F1                   %5.1f %%\n", 100*f1)
	fmt.Fprintf(e.stdout, "  source accuracy      %5.1f %%  (%d of %d found, non-pronoun gold sources)\n", claimPct(srcOK, srcN), srcOK, srcN)
	fmt.Fprintf(e.stdout, "    of those attributed %5.1f %%  (%d of %d where the claim names a source; the rest are unattributed hedged claims)\n", claimPct(srcOK, attN), srcOK, attN)
	fmt.Fprintf(e.stdout, "    without resolved    %5.1f %%  (%d of %d: %d gold descriptions (\"the mayor\") given as an entity's name are left out)\n", claimPct(srcOK, srcN-resolvedN), srcOK, srcN-resolvedN, resolvedN)
	fmt.Fprintf(e.stdout, "    relative pronouns   %5.1f %%  (%d of %d with gold \"who\"/\"which\"/\"that\" scored too, the definition before 2026-11-25)\n", claimPct(srcOK+relOK, srcN+relN), srcOK+relOK, srcN+relN)
	fmt.Fprintf(e.stdout, "  cue recall           %5.1f %%  (%d of %d found attributions with a cue: a claim on the content has it)\n", claimPct(cueOK, cueN), cueOK, cueN)
	fmt.Fprintf(e.stdout, "  hedges of found      %v\n", hedges)
	return 0
}

// claimSentence is the text of the sentences overlapping sp.
func claimSentence(d *kilde.Doc, sp kilde.Span) string {
	a, b := sp.Start, sp.End
	for _, s := range d.Sentences {
		if s.Overlaps(sp) {
			a, b = min(a, s.Start), max(b, s.End)
		}
	}
	return d.SpanText(kilde.Span{Start: a, End: b})
}

func claimPct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func claimOverlapLen(a, b kilde.Span) int {
	lo, hi := max(a.Start, b.Start), min(a.End, b.End)
	if hi <= lo {
		return 0
	}
	return hi - lo
}

func claimSpanText(s *claimPnSpan) string {
	if s == nil {
		return ""
	}
	return s.Text
}

func claimClip(s string) string {
	if utf8.RuneCountInString(s) > 90 {
		r := []rune(s)
		return string(r[:90]) + "…"
	}
	return s
}

var claimPronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true, "you": true,
	"him": true, "her": true, "them": true, "his": true, "their": true, "han": true, "hun": true, "de": true, "vi": true, "jeg": true,
	"its": true, "me": true, "us": true, "my": true, "our": true, "your": true}

// claimRelPronouns are relative pronouns: PolNeAR marks "who" in "Sanders,
// who said ..." as the source. They are pronouns, so they are left out like
// "he" (README: pronoun sources are not scored); the output also reports the
// figure with them scored, as before 2026-11-25.
var claimRelPronouns = map[string]bool{"who": true, "whom": true, "which": true, "that": true, "whose": true, "der": true, "som": true}

func claimIsPronoun(s string) bool { return claimPronouns[strings.ToLower(strings.TrimSpace(s))] }

func claimIsRelPronoun(s string) bool { return claimRelPronouns[strings.ToLower(strings.TrimSpace(s))] }

// claimIsDescription reports whether a gold source is a description
// ("the mayor", "a campaign spokesman", "officials"), not a name.
func claimIsDescription(g string) bool {
	g = strings.TrimSpace(g)
	r, _ := utf8.DecodeRuneInString(g)
	l := strings.ToLower(g)
	return unicode.IsLower(r) || strings.HasPrefix(l, "the ") || strings.HasPrefix(l, "a ") || strings.HasPrefix(l, "an ")
}

// claimEntityName reports whether name is a PER or ORG entity's canonical
// name or text in d.
func claimEntityName(d *kilde.Doc, name string) bool {
	if name == "" {
		return false
	}
	for _, e := range d.Entities {
		if (e.Label == "PER" || e.Label == "ORG") && (e.Canonical == name || d.SpanText(e.Span) == name) {
			return true
		}
	}
	return false
}

// claimNameWords lower-cases s, drops punctuation, possessive 's and leading
// determiners.
func claimNameWords(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’' || r == '.')
	})
	out := f[:0]
	for _, w := range f {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.Trim(w, ".'’")
		if w != "" {
			out = append(out, w)
		}
	}
	// a generational suffix is no surname: "Joseph R. Biden Jr." is Biden
	for len(out) > 1 {
		switch out[len(out)-1] {
		case "jr", "sr", "ii", "iii", "iv":
			out = out[:len(out)-1]
			continue
		}
		break
	}
	for len(out) > 0 {
		switch out[0] {
		case "the", "a", "an", "en", "et", "den", "det",
			// honorifics: gold "Mr. Clarke" is matched by its surname
			"mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "prof", "gen", "hr", "fru":
			out = out[1:]
			continue
		}
		break
	}
	return out
}

// claimHead is the head word of a description: the last word before a
// preposition or relative clause ("a spokesman for the campaign" → spokesman).
func claimHead(ws []string) string {
	for i, w := range ws {
		switch w {
		case "for", "of", "at", "from", "with", "who", "which", "that", "in", "on", "fra", "i", "hos", "der", "som",
			// a participle or time phrase after the head: "a Gallup poll released last week"
			"released", "taken", "conducted", "published", "filed", "last", "this", "next", "past":
			if i > 0 {
				return ws[i-1]
			}
		}
	}
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

func claimSuffixOf(a, b []string) bool {
	if len(a) == 0 || len(a) > len(b) {
		return false
	}
	for i := range a {
		if a[len(a)-1-i] != b[len(b)-1-i] {
			return false
		}
	}
	return true
}

// claimSourceMatches applies the matching rule of shared/data/quotes/README.md:
// full name or surname, case-insensitive; for a description the head word.
func claimSourceMatches(pred, gold string) bool {
	if claimSourceMatches1(pred, gold) {
		return true
	}
	// "Brian Fallon, the campaign’s press secretary," and "Rep. Jim Clyburn (D-S.C.)":
	// the name before an apposition or a parenthesis.
	if i := strings.IndexAny(gold, ",("); i > 0 {
		return claimSourceMatches1(pred, gold[:i])
	}
	return false
}

func claimSourceMatches1(pred, gold string) bool {
	p, g := claimNameWords(pred), claimNameWords(gold)
	if len(p) == 0 || len(g) == 0 {
		return len(p) == len(g)
	}
	if claimSuffixOf(p, g) || claimSuffixOf(g, p) {
		return true
	}
	gr, _ := utf8.DecodeRuneInString(strings.TrimSpace(gold))
	isDesc := unicode.IsLower(gr) || strings.HasPrefix(strings.ToLower(gold), "the ") || strings.HasPrefix(strings.ToLower(gold), "a ")
	if isDesc {
		hg := claimHead(g)
		for _, w := range p {
			if w == hg {
				return true
			}
		}
	}
	return false
}

type claimHandRow struct {
	hedge, source, via, text string
}

func evalClaimsHand(e *env, p *pipeline.Pipeline, path string, nErr int) int {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval claims: %v\n", err)
		return 1
	}
	defer f.Close()
	var rows []claimHandRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 4 {
			fmt.Fprintf(e.stderr, "kilde eval claims: %s: bad row %q\n", path, l)
			return 1
		}
		r := claimHandRow{hedge: c[0], source: c[1], via: c[2], text: c[3]}
		if r.source == "-" {
			r.source = ""
		}
		if r.via == "-" {
			r.via = ""
		}
		rows = append(rows, r)
	}
	var n, hOK, claims, sN, sOK, vN, vOK, neg, negFP, shown int
	for _, r := range rows {
		d := kilde.NewDoc(kilde.Article{Lang: "da", Text: r.text})
		if err := p.Annotate(d); err != nil {
			fmt.Fprintf(e.stderr, "kilde eval claims: %v\n", err)
			continue
		}
		var m *kilde.Claim
		for i := range d.Claims {
			if m == nil || d.Claims[i].Len() > m.Len() {
				m = &d.Claims[i]
			}
		}
		if r.hedge == "none" {
			neg++
			if m != nil {
				negFP++
				if shown < nErr {
					shown++
					fmt.Fprintf(e.stdout, "FALSE %q: %s %q\n", r.text, m.Hedge, m.Source)
				}
			}
			continue
		}
		n++
		claims++
		got, src, via := "none", "", ""
		if m != nil {
			got, src, via = m.Hedge, m.Source, strings.Join(m.Via, " | ")
		}
		if got == r.hedge {
			hOK++
		}
		sN++
		okSrc := strings.EqualFold(src, r.source) || r.source != "" && claimSourceMatches(src, r.source)
		if okSrc {
			sOK++
		}
		if r.via != "" {
			vN++
			if strings.EqualFold(via, r.via) {
				vOK++
			}
		}
		if (got != r.hedge || !okSrc) && shown < nErr {
			shown++
			fmt.Fprintf(e.stdout, "DA    %q: got %s %q, want %s %q\n", r.text, got, src, r.hedge, r.source)
		}
	}
	fmt.Fprintf(e.stdout, "\nDanish hand-written set: %s (sentences written for kilde, not news text)\n", path)
	fmt.Fprintf(e.stdout, "  hedge-class accuracy %5.1f %%  (%d of %d claims)\n", claimPct(hOK, n), hOK, n)
	fmt.Fprintf(e.stdout, "  source accuracy      %5.1f %%  (%d of %d; null source counts when both are null)\n", claimPct(sOK, sN), sOK, sN)
	fmt.Fprintf(e.stdout, "  via accuracy         %5.1f %%  (%d of %d claims with a chain)\n", claimPct(vOK, vN), vOK, vN)
	fmt.Fprintf(e.stdout, "  non-claims flagged   %d of %d\n", negFP, neg)
	return 0
}
