package langid_test

import (
	"bufio"
	"github.com/kilde-news/kilde/eval"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
)

// sharedDir finds ../shared next to the module root, or "".
func sharedDir() string { return eval.SharedDir() }

// conllSentences reads the sentences of a token-per-line file.
func conllSentences(t testing.TB, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("shared data not found (%v); it lives in ../shared next to the repository", err)
	}
	defer f.Close()
	var out []string
	var toks []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if len(toks) > 0 {
				out = append(out, detok(toks))
				toks = toks[:0]
			}
			continue
		}
		if tok, _, ok := strings.Cut(line, "\t"); ok {
			toks = append(toks, tok)
		}
	}
	if len(toks) > 0 {
		out = append(out, detok(toks))
	}
	return out
}

// detok joins tokens with spaces, without a space before punctuation.
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

// articles groups sentences into articles of n paragraphs of 2 sentences.
func articles(ss []string, n int) []string {
	var out []string
	for i := 0; i+2*n <= len(ss); i += 2 * n {
		var paras []string
		for j := i; j < i+2*n; j += 2 {
			paras = append(paras, ss[j]+" "+ss[j+1])
		}
		out = append(out, strings.Join(paras, "\n\n"))
	}
	return out
}

// TestShared measures langid on DaN+ (Danish news) and GUM (English): the
// share of sentences of at least 40 letters and of 10-paragraph articles
// labelled right, and the share the word counts decide alone.
func TestShared(t *testing.T) {
	dir := sharedDir()
	for _, c := range []struct{ lang, path string }{
		{"da", "data/ner/da/da_news_test.tsv"},
		{"en", "data/ner/en/en_gum_test.tsv"},
	} {
		ss := conllSentences(t, filepath.Join(dir, c.path))
		var long []string
		for _, s := range ss {
			if letters(s) >= 40 {
				long = append(long, s)
			}
		}
		for _, set := range []struct {
			name  string
			texts []string
		}{{"sentences", long}, {"articles", articles(ss, 10)}} {
			right, words, wrong := 0, 0, map[string]int{}
			start := time.Now()
			for _, s := range set.texts {
				got, byWords := ident.Detect(s)
				if got == c.lang {
					right++
				} else {
					wrong[got]++
				}
				if byWords {
					words++
				}
			}
			el := time.Since(start)
			t.Logf("%s %s (%s): %d/%d right (%.1f%%), %.1f%% by word counts, wrong: %v, %v each",
				c.lang, set.name, c.path, right, len(set.texts), 100*float64(right)/float64(len(set.texts)),
				100*float64(words)/float64(len(set.texts)), wrong, el/time.Duration(len(set.texts)))
			if set.name == "articles" && right < len(set.texts)*98/100 {
				t.Errorf("%s articles: %d/%d right", c.lang, right, len(set.texts))
			}
		}
		// No paragraph of a one-language article gets another language.
		own := 0
		for _, a := range articles(ss, 10) {
			d := kilde.NewDoc(kilde.Article{Text: a})
			ident.Annotate(d)
			for _, p := range d.Paragraphs {
				if p.Lang != "" {
					own++
				}
			}
		}
		t.Logf("%s: %d paragraphs of one-language articles got their own language", c.lang, own)
	}
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127 {
			n++
		}
	}
	return n
}
