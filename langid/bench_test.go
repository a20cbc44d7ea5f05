package langid_test

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
)

// BenchmarkAnnotate runs the annotator over 10-paragraph articles built
// from DaN+ (da) and GUM (en) training sentences, or from the package's
// own test sentences when ../shared is absent.
func BenchmarkAnnotate(b *testing.B) {
	for _, c := range []struct{ lang, path string }{
		{"da", "data/ner/da/da_news_train.tsv"},
		{"en", "data/ner/en/en_gum_train.tsv"},
	} {
		b.Run(c.lang, func(b *testing.B) {
			arts := articles(conllSentences(b, filepath.Join(sharedDir(), c.path)), 10)
			words, bytes := 0, 0
			for _, a := range arts {
				words += len(strings.Fields(a))
				bytes += len(a)
			}
			docs := make([]kilde.Doc, len(arts))
			b.SetBytes(int64(bytes / len(arts)))
			b.ReportAllocs()
			// Warm up: load whatever lingua models the corpus needs.
			for _, a := range arts {
				ident.Annotate(&kilde.Doc{Article: kilde.Article{Text: a}})
			}
			cpu0 := cpuTime()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				j := i % len(arts)
				docs[j] = kilde.Doc{Article: kilde.Article{Text: arts[j]}}
				if err := ident.Annotate(&docs[j]); err != nil {
					b.Fatal(err)
				}
			}
			n := float64(words) / float64(len(arts)) * float64(b.N)
			b.ReportMetric(n/b.Elapsed().Seconds(), "words/s")
			// CPU time is robust on a busy machine and counts lingua's goroutines.
			b.ReportMetric(n/(cpuTime()-cpu0).Seconds(), "words/cpu-s")
		})
	}
}

// cpuTime returns the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
