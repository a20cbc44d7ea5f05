package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/eval"
	"github.com/kilde-news/kilde/read"
	"github.com/kilde-news/kilde/sentence"
	"github.com/kilde-news/kilde/tokenize"
)

func runBench(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "bench", "",
		"Measure annotation speed and memory on a corpus generated in memory from the DaN+ training\n"+
			"sentences (../shared/data/ner/da/da_news_train.tsv): sentences are detokenized and joined into\n"+
			"articles of 15-25 sentences in paragraphs of 1-3, in the date-line format with varied dates,\n"+
			"repeated in shuffled order until --words is reached. Nothing is written unless --keep is given.\n"+
			"Prints words per CPU-second (user+system time from getrusage: the per-core speed, robust on a\n"+
			"busy machine), wall-clock words/s and articles/s (words: white-space separated) for\n"+
			"  spine: read + tokens + sentences on one goroutine, with each stage's share of the CPU time;\n"+
			"  full:  read + the whole annotate pipeline on --workers workers;\n"+
			"and the peak resident set size (VmHWM).")
	words := fs.Int("words", 500000, "corpus size in `words`")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "pipeline workers for the full run")
	data := fs.String("data", sentSharedDir(), "shared data `dir`")
	keep := fs.String("keep", "", "also write the generated corpus to `file` (never commit it)")
	seed := fs.Uint64("seed", 1, "random `seed` for the corpus")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	src := filepath.Join(*data, "data", "ner", "da", "da_news_train.tsv")
	corpus, nWords, nArts, err := benchCorpus(src, *words, *seed)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde bench: %v (pass --data DIR for the shared data)\n", err)
		return 1
	}
	if *keep != "" {
		if err := os.WriteFile(*keep, corpus, 0o644); err != nil {
			fmt.Fprintf(e.stderr, "kilde bench: %v\n", err)
			return 1
		}
	}
	fmt.Fprintf(e.stdout, "corpus: %d words, %d articles, %.1f MB (from %s, seed %d)\n",
		nWords, nArts, float64(len(corpus))/1e6, src, *seed)

	// Spine: read, tokens, sentences, one goroutine, each stage timed.
	tk, err := tokenize.New()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde bench: %v\n", err)
		return 1
	}
	sp, err := sentence.New()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde bench: %v\n", err)
		return 1
	}
	cpu0 := cpuTime()
	t0 := time.Now()
	var docs []*kilde.Doc
	for a, err := range read.From(ctx, "bench", bytes.NewReader(corpus), read.Options{}) {
		if err != nil {
			if read.IsWarning(err) {
				continue
			}
			fmt.Fprintf(e.stderr, "kilde bench: %v\n", err)
			return 1
		}
		docs = append(docs, kilde.NewDoc(a))
	}
	cRead := cpuTime() - cpu0
	c1 := cpuTime()
	for _, d := range docs {
		_ = tk.Annotate(d)
	}
	cTok := cpuTime() - c1
	c2 := cpuTime()
	for _, d := range docs {
		_ = sp.Annotate(d)
	}
	cSent := cpuTime() - c2
	spine := time.Since(t0)
	spineCPU := cpuTime() - cpu0
	perCPU := func(c time.Duration) string {
		if c <= 0 {
			return "n/a"
		}
		return human(float64(nWords) / c.Seconds())
	}
	fmt.Fprintf(e.stdout, "spine (read+tokens+sentences, 1 goroutine): %s words per CPU-second (wall: %s words/s, %s articles/s)\n",
		perCPU(spineCPU), human(float64(nWords)/spine.Seconds()), human(float64(len(docs))/spine.Seconds()))
	for _, st := range []struct {
		name string
		c    time.Duration
	}{{"read", cRead}, {"tokens", cTok}, {"sentences", cSent}} {
		fmt.Fprintf(e.stdout, "  %-9s %5.1f%% of CPU  %s words per CPU-second\n", st.name, 100*st.c.Seconds()/spineCPU.Seconds(), perCPU(st.c))
	}
	docs = nil
	runtime.GC()

	// Full pipeline, streamed: documents are dropped once annotated.
	p, err := buildPipeline()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde bench: %v\n", err)
		return 1
	}
	in := make(chan *kilde.Doc, *workers*2)
	readErr := make(chan error, 1)
	cpu0 = cpuTime()
	t0 = time.Now()
	go func() {
		defer close(in)
		for a, err := range read.From(ctx, "bench", bytes.NewReader(corpus), read.Options{}) {
			if err != nil {
				if read.IsWarning(err) {
					continue
				}
				readErr <- err
				return
			}
			select {
			case in <- kilde.NewDoc(a):
			case <-ctx.Done():
				return
			}
		}
		readErr <- nil
	}()
	n, failed := 0, 0
	for r := range p.Run(ctx, in, *workers) {
		n++
		if r.Err != nil {
			failed++
			if failed <= 3 {
				fmt.Fprintf(e.stderr, "kilde bench: %v\n", r.Err)
			}
		}
	}
	full := time.Since(t0)
	fullCPU := cpuTime() - cpu0
	if err := <-readErr; err != nil {
		fmt.Fprintf(e.stderr, "kilde bench: %v\n", err)
		return 1
	}
	if ctx.Err() != nil {
		return 1
	}
	fmt.Fprintf(e.stdout, "full pipeline [%s], %d workers: %s words/s, %s articles/s, %s words per CPU-second",
		strings.Join(p.Names(), " "), *workers, human(float64(nWords)/full.Seconds()),
		human(float64(n)/full.Seconds()), human(float64(nWords)/fullCPU.Seconds()))
	if failed > 0 {
		fmt.Fprintf(e.stdout, " (%d documents failed)", failed)
	}
	fmt.Fprintln(e.stdout)
	fmt.Fprintf(e.stdout, "peak RSS: %s (cores: %d)\n", peakRSS(), runtime.NumCPU())
	return 0
}

// benchCorpus builds articles in the date-line format from the sentences of
// a token TSV file until it holds at least words words.
func benchCorpus(path string, words int, seed uint64) ([]byte, int, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, 0, err
	}
	toks, err := eval.ReadTokenSentences(f)
	f.Close()
	if err != nil {
		return nil, 0, 0, fmt.Errorf("%s: %w", path, err)
	}
	if len(toks) == 0 {
		return nil, 0, 0, fmt.Errorf("%s: no sentences", path)
	}
	sents := make([]string, len(toks))
	for i, s := range toks {
		var b strings.Builder
		eval.Detokenize(&b, s, false)
		sents[i] = b.String()
	}
	rng := rand.New(rand.NewPCG(seed, 0x6b696c6465))
	var out bytes.Buffer
	nWords, nArts := 0, 0
	order := rng.Perm(len(sents))
	next := 0
	for nWords < words {
		day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(3650))
		fmt.Fprintf(&out, "date %s ", day.Format("2006-01-02"))
		k := 15 + rng.IntN(11)
		inPara := 0
		paraLen := 1 + rng.IntN(3)
		for j := 0; j < k; j++ {
			if next == len(order) {
				order = rng.Perm(len(sents))
				next = 0
			}
			s := sents[order[next]]
			next++
			if j > 0 {
				if inPara == paraLen {
					out.WriteString("\n\n")
					inPara = 0
					paraLen = 1 + rng.IntN(3)
				} else {
					out.WriteByte(' ')
				}
			}
			out.WriteString(s)
			inPara++
			nWords += len(strings.Fields(s))
		}
		out.WriteByte('\n')
		nArts++
	}
	return out.Bytes(), nWords, nArts, nil
}

// cpuTime is the user+system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS reads VmHWM from /proc/self/status, falling back to getrusage.
func peakRSS() string {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				f := strings.Fields(v)
				if len(f) > 0 {
					if kb, err := strconv.Atoi(f[0]); err == nil {
						return fmt.Sprintf("%.1f MB", float64(kb)/1024)
					}
				}
			}
		}
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		return fmt.Sprintf("%.1f MB", float64(ru.Maxrss)/1024) // KiB on Linux
	}
	return "unknown"
}

// human prints a rate with a k or M suffix.
func human(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.2fM", v/1e6)
	case v >= 1e4:
		return fmt.Sprintf("%.0fk", v/1e3)
	default:
		return fmt.Sprintf("%.0f", v)
	}
}
