package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/eval"
	"github.com/kilde-news/kilde/sentence"
	"github.com/kilde-news/kilde/tokenize"
)

func evalSentences(ctx context.Context, e *env, args []string) int {
	shared := eval.SharedDir()
	fs := newFlags(e, "eval sentences", "",
		"Measure the tokenizer and sentence splitter on UD Danish DDT (CoNLL-U): the sentences are joined\n"+
			"into running text (`# newdoc`/`# newpar` start paragraphs; SpaceAfter=No and `# text` keep the\n"+
			"spacing), then sentence boundaries (P/R/F1 of sentence ends), exact sentences, token accuracy\n"+
			"(share of gold tokens found exactly) and token F1 are printed for two layouts:\n"+
			"  news:   a sentence without final . ! ? … (headline, caption, line ending in a colon) ends its line\n"+
			"  stream: every sentence follows the previous one after a single space\n"+
			"With --en, also English token and sentence figures on GUM (tokens detokenized heuristically).")
	conllu := fs.String("conllu", filepath.Join(shared, "data", "ud-ddt", "da_ddt-ud-test.conllu"), "CoNLL-U `file` with gold sentences and tokens")
	en := fs.String("en", filepath.Join(shared, "data", "ner", "en", "en_gum_test.tsv"), "GUM token `file` for the English check; empty to skip")
	errs := fs.Int("errors", 0, "print up to `n` sentence-boundary errors per layout")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	tk, err := tokenize.New()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval sentences: %v\n", err)
		return 1
	}
	sp, err := sentence.New()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval sentences: %v\n", err)
		return 1
	}
	f, err := os.Open(*conllu)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval sentences: %v (the data lives in ../shared beside the repo; pass --conllu)\n", err)
		return 1
	}
	sents, err := eval.ReadCoNLLU(f)
	f.Close()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval sentences: %s: %v\n", *conllu, err)
		return 1
	}
	fmt.Fprintf(e.stdout, "%s: %d sentences\n", *conllu, len(sents))
	for _, layout := range []eval.Layout{eval.News, eval.Stream} {
		rt, err := eval.Reconstruct(sents, layout)
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde eval sentences: %s: %v\n", *conllu, err)
			return 1
		}
		d := sentAnnotate(tk, sp, rt.Text)
		printSentenceScores(e.stdout, "layout "+layout.String(), rt.Sentences, d.Sentences, rt.Tokens, tokenSpans(d.Tokens))
		if *errs > 0 {
			printBoundaryErrors(e.stdout, rt.Text, rt.Sentences, d.Sentences, *errs)
		}
	}
	if *en != "" {
		f, err := os.Open(*en)
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde eval sentences: %v (pass --en '' to skip English)\n", err)
			return 1
		}
		toks, err := eval.ReadTokenSentences(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde eval sentences: %s: %v\n", *en, err)
			return 1
		}
		docs := gumDocs(*en)
		fmt.Fprintf(e.stdout, "\n%s: %d sentences (English; text detokenized, news layout, documents as paragraphs)\n", *en, len(toks))
		for _, genre := range []string{"", "news"} {
			text, goldS, goldT := gumText(toks, docs, genre)
			if text == "" {
				continue
			}
			d := sentAnnotate(tk, sp, text)
			name := "GUM en, all genres"
			if genre != "" {
				name = fmt.Sprintf("GUM en, %s only (%d sentences)", genre, len(goldS))
			}
			printSentenceScores(e.stdout, name, goldS, d.Sentences, goldT, tokenSpans(d.Tokens))
			if *errs > 0 && genre == "" {
				printBoundaryErrors(e.stdout, text, goldS, d.Sentences, *errs)
			}
		}
	}
	return 0
}

// gumDoc is a document of a GUM split: its genre and first sentence.
type gumDoc struct {
	genre string
	first int
}

// gumDocs reads en_gum_docs.tsv beside the GUM file, for the file's split
// (en_gum_<split>.tsv); nil if it is absent.
func gumDocs(path string) []gumDoc {
	base := filepath.Base(path)
	split := strings.TrimSuffix(strings.TrimPrefix(base, "en_gum_"), ".tsv")
	b, err := os.ReadFile(filepath.Join(filepath.Dir(path), "en_gum_docs.tsv"))
	if err != nil || split == base {
		return nil
	}
	var docs []gumDoc
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 6 || f[0] != split {
			continue
		}
		var first int
		if _, err := fmt.Sscanf(f[4], "%d", &first); err != nil {
			continue
		}
		docs = append(docs, gumDoc{genre: f[2], first: first})
	}
	return docs
}

// gumText detokenizes the sentences (of one genre, or all if genre is ""),
// separating documents by a blank line and ending the line after a
// sentence without final punctuation, and returns gold sentence and token spans.
func gumText(toks [][]string, docs []gumDoc, genre string) (string, []kilde.Span, []kilde.Span) {
	genreOf := make([]string, len(toks))
	docStart := make([]bool, len(toks))
	for i, d := range docs {
		end := len(toks)
		if i+1 < len(docs) {
			end = docs[i+1].first
		}
		for k := d.first; k < end && k < len(toks); k++ {
			genreOf[k] = d.genre
		}
		if d.first < len(toks) {
			docStart[d.first] = true
		}
	}
	var b strings.Builder
	var goldT, goldS []kilde.Span
	open := false
	prev := -1
	for i, s := range toks {
		if genre != "" && genreOf[i] != genre {
			continue
		}
		if prev >= 0 {
			switch {
			case docStart[i]:
				b.WriteString("\n\n")
				open = false
			case eval.Terminated(toks[prev][len(toks[prev])-1]):
				b.WriteByte(' ')
			default:
				b.WriteByte('\n')
			}
		}
		prev = i
		start := b.Len()
		var spans []kilde.Span
		spans, open = eval.Detokenize(&b, s, open)
		goldT = append(goldT, spans...)
		goldS = append(goldS, kilde.Span{Start: start, End: b.Len()})
	}
	return b.String(), goldS, goldT
}

func sentAnnotate(tk *tokenize.Tokenizer, sp *sentence.Splitter, text string) *kilde.Doc {
	d := kilde.NewDoc(kilde.Article{Text: text})
	_ = tk.Annotate(d)
	_ = sp.Annotate(d)
	return d
}

func tokenSpans(ts []kilde.Token) []kilde.Span {
	out := make([]kilde.Span, len(ts))
	for i, t := range ts {
		out[i] = t.Span
	}
	return out
}

func printSentenceScores(w io.Writer, name string, goldS, predS, goldT, predT []kilde.Span) {
	b := eval.BoundaryPRF(goldS, predS)
	x := eval.SpanPRF(goldS, predS)
	t := eval.SpanPRF(goldT, predT)
	fmt.Fprintf(w, "%s\n  sentence boundaries  %s\n  sentences exact      %s\n  tokens               accuracy %5.1f  %s\n",
		name, b, x, 100*t.Recall(), t)
}

// printBoundaryErrors shows missed (FN) and spurious (FP) sentence ends with
// some context, for tuning on dev.
func printBoundaryErrors(w io.Writer, text string, gold, pred []kilde.Span, n int) {
	g := map[int]bool{}
	for _, s := range gold {
		g[s.End] = true
	}
	p := map[int]bool{}
	for _, s := range pred {
		p[s.End] = true
	}
	ctx := func(off int) string {
		a, b := max(0, off-50), min(len(text), off+40)
		for a > 0 && a < len(text) && text[a]&0xC0 == 0x80 {
			a--
		}
		for b < len(text) && text[b]&0xC0 == 0x80 {
			b++
		}
		return strings.ReplaceAll(text[a:off]+" ‖ "+text[off:b], "\n", "⏎")
	}
	k := 0
	for _, s := range gold {
		if !p[s.End] && k < n {
			fmt.Fprintf(w, "  FN  %s\n", ctx(s.End))
			k++
		}
	}
	k = 0
	for _, s := range pred {
		if !g[s.End] && k < n {
			fmt.Fprintf(w, "  FP  %s\n", ctx(s.End))
			k++
		}
	}
}
