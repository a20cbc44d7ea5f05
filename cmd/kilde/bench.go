package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"google.golang.org/protobuf/encoding/protowire"

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
	data := fs.String("data", eval.SharedDir(), "shared data `dir`")
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
	spineRSS := peakRSS()
	docs = nil
	runtime.GC()
	debug.FreeOSMemory()
	// Reset the peak so that the full run's peak is its own (Linux ≥ 4.0).
	resetPeak := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil

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
	var prof bytes.Buffer
	profiling := pprof.StartCPUProfile(&prof) == nil
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
	if profiling {
		pprof.StopCPUProfile()
	}
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
	if profiling {
		shares, total, err := stageShares(prof.Bytes())
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde bench: reading the CPU profile: %v\n", err)
		} else if total > 0 {
			names := make([]string, 0, len(shares))
			for k := range shares {
				names = append(names, k)
			}
			sort.Slice(names, func(i, j int) bool { return shares[names[i]] > shares[names[j]] })
			fmt.Fprintf(e.stdout, "  CPU by stage (profile samples, by package):")
			for _, k := range names {
				fmt.Fprintf(e.stdout, " %s %.1f%%", k, 100*float64(shares[k])/float64(total))
			}
			fmt.Fprintln(e.stdout)
		}
	}
	if resetPeak {
		fmt.Fprintf(e.stdout, "peak RSS: %s during the full pipeline (streamed); %s after the spine, which holds all documents\n", peakRSS(), spineRSS)
	} else {
		fmt.Fprintf(e.stdout, "peak RSS: %s (process; the spine holds all documents)\n", peakRSS())
	}
	fmt.Fprintf(e.stdout, "cores: %d, GOMAXPROCS %d\n", runtime.NumCPU(), runtime.GOMAXPROCS(0))
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

// stageShares attributes the samples of a gzipped CPU profile to the
// annotator package that pipeline.(*Pipeline).Annotate called, to "read"
// for the readers, and to "other" (channels, garbage collector, runtime).
// It decodes the profile's protocol buffer fields directly.
func stageShares(gz []byte) (map[string]int64, int64, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, 0, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, 0, err
	}
	type sample struct {
		locs []uint64
		val  int64
	}
	var (
		samples []sample
		strs    []string
		funcs   = map[uint64]int64{}    // function id → name index
		locs    = map[uint64][]uint64{} // location id → function ids, innermost first
	)
	err = pbFields(raw, func(num protowire.Number, v []byte, x uint64) error {
		switch num {
		case 2: // sample
			var sm sample
			var vals []int64
			err := pbFields(v, func(n protowire.Number, b []byte, x uint64) error {
				switch n {
				case 1:
					if b == nil {
						sm.locs = append(sm.locs, x)
					} else {
						sm.locs = append(sm.locs, pbPacked(b)...)
					}
				case 2:
					if b == nil {
						vals = append(vals, int64(x))
					} else {
						for _, u := range pbPacked(b) {
							vals = append(vals, int64(u))
						}
					}
				}
				return nil
			})
			if len(vals) > 0 {
				sm.val = vals[len(vals)-1] // cpu nanoseconds
			}
			samples = append(samples, sm)
			return err
		case 4: // location
			var id uint64
			var fs []uint64
			err := pbFields(v, func(n protowire.Number, b []byte, x uint64) error {
				switch n {
				case 1:
					id = x
				case 4: // line
					return pbFields(b, func(n protowire.Number, _ []byte, x uint64) error {
						if n == 1 {
							fs = append(fs, x)
						}
						return nil
					})
				}
				return nil
			})
			locs[id] = fs
			return err
		case 5: // function
			var id uint64
			var name int64
			err := pbFields(v, func(n protowire.Number, _ []byte, x uint64) error {
				switch n {
				case 1:
					id = x
				case 2:
					name = int64(x)
				}
				return nil
			})
			funcs[id] = name
			return err
		case 6: // string table
			strs = append(strs, string(v))
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	name := func(fid uint64) string {
		if i := funcs[fid]; i >= 0 && int(i) < len(strs) {
			return strs[i]
		}
		return ""
	}
	const annotate = "github.com/kilde-news/kilde/pipeline.(*Pipeline).Annotate"
	shares := map[string]int64{}
	var total int64
	for _, sm := range samples {
		var stack []string // innermost first
		for _, l := range sm.locs {
			for _, f := range locs[l] {
				stack = append(stack, name(f))
			}
		}
		stage := "other"
		for k, fn := range stack {
			if fn == annotate && k > 0 {
				stage = stagePackage(stack[k-1])
				break
			}
			if strings.HasPrefix(fn, "github.com/kilde-news/kilde/read.") {
				stage = "read"
			}
		}
		shares[stage] += sm.val
		total += sm.val
	}
	return shares, total, nil
}

// stagePackage returns the last element of a function's package path.
func stagePackage(fn string) string {
	if i := strings.LastIndexByte(fn, '/'); i >= 0 {
		fn = fn[i+1:]
	}
	if i := strings.IndexByte(fn, '.'); i >= 0 {
		fn = fn[:i]
	}
	return fn
}

// pbFields calls f for each field of a protocol buffer message: b is the
// bytes of a length-delimited field, x the value of a varint or fixed one.
func pbFields(msg []byte, f func(num protowire.Number, b []byte, x uint64) error) error {
	for len(msg) > 0 {
		num, typ, n := protowire.ConsumeTag(msg)
		if n < 0 {
			return protowire.ParseError(n)
		}
		msg = msg[n:]
		var err error
		switch typ {
		case protowire.VarintType:
			x, n := protowire.ConsumeVarint(msg)
			if n < 0 {
				return protowire.ParseError(n)
			}
			msg = msg[n:]
			err = f(num, nil, x)
		case protowire.BytesType:
			b, n := protowire.ConsumeBytes(msg)
			if n < 0 {
				return protowire.ParseError(n)
			}
			msg = msg[n:]
			if b == nil {
				b = []byte{}
			}
			err = f(num, b, 0)
		default:
			n := protowire.ConsumeFieldValue(num, typ, msg)
			if n < 0 {
				return protowire.ParseError(n)
			}
			msg = msg[n:]
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// pbPacked decodes a packed repeated varint field.
func pbPacked(b []byte) []uint64 {
	var out []uint64
	for len(b) > 0 {
		x, n := protowire.ConsumeVarint(b)
		if n < 0 {
			break
		}
		out = append(out, x)
		b = b[n:]
	}
	return out
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
