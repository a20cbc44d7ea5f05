package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/eval"
	"github.com/kilde-news/kilde/kilde1"
)

// bigArticle returns a Danish news-like article of about n bytes: varied
// sentences (written for this test) with quotes, speakers, dates, amounts and
// a few English paragraphs, in paragraphs of one to four sentences separated
// by blank lines. The same n gives the same text.
func bigArticle(n int) string {
	subj := []string{"Hun", "Han", "Ministeriet", "Statsminister Mette Frederiksen", "Borgmester Peter Hansen", "Direktøren for Dansk Industri, Lars Sandahl Sørensen,", "Trafikminister Thomas Danielsen", "Formanden for Danmarks Lærerforening", "Anna Krogh", "Professor Jens Kvist"}
	cue := []string{"siger", "oplyser", "skriver", "fortæller", "understreger", "mener"}
	said := []string{"»Vi skal have styr på økonomien, og det kommer til at koste,«", "»Det er helt uacceptabelt,«", "»Vi har ikke set noget lignende siden 2008,«", "»Jeg forventer en afgørelse inden jul,«", "»Det er en god dag for Danmark,«"}
	when := []string{"i går", "fredag", "den 3. marts 2025", "i næste uge", "om to år", "i 2019", "kl. 14.30 i dag", "til efteråret", "sidste år", "den 17. maj"}
	what := []string{"at kommunen vil bruge 12,5 mio. kr. på nye cykelstier", "at prisen er steget med 4 procent", "at regeringen har afsat 300 millioner kroner", "at over 1.200 borgere har klaget", "at aftalen bliver underskrevet"}
	en := []string{"“We will not back down,” Mayor John Smith said on Tuesday.", "According to Reuters, the company lost $3.5 billion in 2022.", "She told reporters that the talks would resume next week."}
	var b strings.Builder
	b.Grow(n + 512)
	x := uint32(7)
	r := func(k int) int { x = x*1664525 + 1013904223; return int(x>>16) % k }
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if r(12) == 0 {
			b.WriteString(en[r(len(en))])
			continue
		}
		for s := r(4); s >= 0; s-- {
			if s < 3 && b.Len() > 0 && b.String()[b.Len()-1] != '\n' {
				b.WriteByte(' ')
			}
			switch r(4) {
			case 0:
				sp := subj[r(len(subj))]
				if sp == "Hun" || sp == "Han" || sp == "Ministeriet" {
					sp = strings.ToLower(sp)
				}
				fmt.Fprintf(&b, "%s %s %s.", said[r(len(said))], cue[r(len(cue))], strings.TrimSuffix(sp, ","))
			case 1:
				fmt.Fprintf(&b, "%s %s %s, %s.", subj[r(len(subj))], cue[r(len(cue))], when[r(len(when))], what[r(len(what))])
			case 2:
				fmt.Fprintf(&b, "Ifølge %s blev sagen afgjort %s, og der er brugt %d kr.", subj[r(len(subj)-3)+3], when[r(len(when))], 1000+r(90000))
			default:
				fmt.Fprintf(&b, "%s mødtes med %s %s for at drøfte budgettet på %d,%d mia. kr.", subj[r(len(subj))], subj[r(len(subj))], when[r(len(when))], 1+r(40), r(10))
			}
		}
	}
	return b.String()
}

// TestWriteBigArticle writes the big article as one JSON line for a
// command-level measurement, when KILDE_BIGARTICLE=MB:file is set:
//
//	KILDE_BIGARTICLE=50:/tmp/big50.jsonl go test -run WriteBigArticle ./cmd/kilde/
//	/usr/bin/time -v kilde annotate --workers 1 -o /dev/null /tmp/big50.jsonl
func TestWriteBigArticle(t *testing.T) {
	spec := os.Getenv("KILDE_BIGARTICLE")
	if spec == "" {
		t.Skip("set KILDE_BIGARTICLE=MB:file to write the big test article")
	}
	mb, file, ok := strings.Cut(spec, ":")
	n, err := strconv.Atoi(mb)
	if !ok || err != nil {
		t.Fatalf("KILDE_BIGARTICLE=%q: want MB:file", spec)
	}
	line, err := json.Marshal(map[string]string{"id": "big", "date": "2025-06-12", "lang": "da", "text": bigArticle(n << 20)})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBigArticleMemory runs each annotator of the pipeline in turn over the
// big article and reports, per annotator, the bytes allocated and the peak
// live heap above what was live before it (sampled). With KILDE_BIGMEM=MB;
// KILDE_BIGMEM_SKIP=claims,checks leaves annotators out.
func TestBigArticleMemory(t *testing.T) {
	mb, _ := strconv.Atoi(os.Getenv("KILDE_BIGMEM"))
	if mb <= 0 {
		t.Skip("set KILDE_BIGMEM=MB to measure memory per annotator on a big article")
	}
	as := pipelineAnnotators(t)
	d := kilde.NewDoc(kilde.Article{ID: "big", Date: "2025-06-12", Lang: "da", Text: bigArticle(mb << 20)})
	skip := strings.Split(os.Getenv("KILDE_BIGMEM_SKIP"), ",")
	for _, a := range as {
		if slices.Contains(skip, a.Name()) {
			continue
		}
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		var peak atomic.Uint64
		done := make(chan struct{})
		go func() {
			var ms runtime.MemStats
			tk := time.NewTicker(20 * time.Millisecond)
			defer tk.Stop()
			for {
				select {
				case <-done:
					return
				case <-tk.C:
					ms = runtime.MemStats{}
					runtime.ReadMemStats(&ms)
					if ms.HeapAlloc > peak.Load() {
						peak.Store(ms.HeapAlloc)
					}
				}
			}
		}()
		t0 := time.Now()
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		el := time.Since(t0)
		close(done)
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		p := max(peak.Load(), after.HeapAlloc)
		runtime.GC()
		var kept runtime.MemStats
		runtime.ReadMemStats(&kept)
		t.Logf("%-10s %6.1fs alloc %7.0f MB  peak live +%6.0f MB  kept +%5.0f MB  peak RSS so far %s", a.Name(), el.Seconds(),
			float64(after.TotalAlloc-before.TotalAlloc)/1e6, (float64(p)-float64(before.HeapAlloc))/1e6,
			(float64(kept.HeapAlloc)-float64(before.HeapAlloc))/1e6, peakRSS())
	}
	// the output: kilde1.Write, as annotate does, and the json.Encoder of
	// the whole kilde1.Document it replaced (still used by --pretty)
	for _, out := range []struct {
		name  string
		write func(w io.Writer) error
	}{
		{"kilde/1", func(w io.Writer) error { return kilde1.Write(w, d) }},
		{"kilde/1 old", func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			return enc.Encode(kilde1.FromDoc(d))
		}},
	} {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		t0 := time.Now()
		var n countWriter
		if err := out.write(&n); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		t.Logf("%-11s %5.1fs alloc %7.0f MB  peak RSS so far %s  (%d MB written)", out.name, time.Since(t0).Seconds(),
			float64(after.TotalAlloc-before.TotalAlloc)/1e6, peakRSS(), n>>20)
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// TestWriteSameAsEncoderPipeline: on the pipeline's real output for the
// end-to-end texts, the sample article and a big article, kilde1.Write
// (what annotate prints) gives the very bytes of the json.Encoder of the
// whole kilde1.Document that annotate used before.
func TestWriteSameAsEncoderPipeline(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline")
	}
	as := pipelineAnnotators(t)
	texts := map[string]string{"big": bigArticle(300 << 10)}
	files, _ := filepath.Glob("../../e2e/testdata*/*.txt")
	shared, _ := filepath.Glob(filepath.Join(eval.SharedDir(), "corpus", "*.txt"))
	for _, f := range append(files, shared...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(b)
	}
	for name, text := range texts {
		d := kilde.NewDoc(kilde.Article{ID: name, Date: "2025-06-12", Text: text, Source: kilde.Source{File: name, Line: 1}})
		for _, a := range as {
			if err := a.Annotate(d); err != nil {
				t.Fatalf("%s: %s: %v", name, a.Name(), err)
			}
		}
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(kilde1.FromDoc(d)); err != nil {
			t.Fatal(err)
		}
		if err := kilde1.Write(&got, d); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: kilde1.Write differs from the json.Encoder output (%d/%d bytes)", name, got.Len(), want.Len())
		}
		if name == "big" && (len(d.Claims) == 0 || len(d.Entities) == 0) {
			t.Errorf("%s: %d claims, %d entities: the comparison covers little", name, len(d.Claims), len(d.Entities))
		}
	}
}

// pipelineAnnotators returns the annotators of buildPipeline, so that each
// can be measured on its own.
func pipelineAnnotators(t *testing.T) []kilde.Annotator {
	t.Helper()
	as, err := annotators()
	if err != nil {
		t.Fatal(err)
	}
	return as
}
