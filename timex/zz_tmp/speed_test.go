package tx

import (
	"bufio"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/timex"
)

func TestSpeed(t *testing.T) {
	f, _ := os.Open("/work/shared/data/ner/da/da_news_train.tsv")
	sc := bufio.NewScanner(f)
	var sb strings.Builder
	for sc.Scan() {
		l := sc.Text()
		if l == "" {
			sb.WriteString("\n")
			continue
		}
		sb.WriteString(strings.Split(l, "\t")[0] + " ")
	}
	text := sb.String()
	words := len(strings.Fields(text))
	// articles of ~300 words
	var docs []*kilde.Doc
	fs := strings.Split(text, "\n")
	for i := 0; i < len(fs); i += 20 {
		e := min(i+20, len(fs))
		docs = append(docs, kilde.NewDoc(kilde.Article{Date: "2019-02-20", Lang: "da", Text: strings.Join(fs[i:e], "\n")}))
	}
	a, _ := timex.New()
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	start := time.Now()
	for r := 0; r < 3; r++ {
		for _, d := range docs {
			a.Annotate(d)
		}
	}
	el := time.Since(start)
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := time.Duration(ru1.Utime.Nano() - ru0.Utime.Nano() + ru1.Stime.Nano() - ru0.Stime.Nano())
	t.Logf("CPU %v: %.0f words per CPU-second", cpu, 3*float64(words)/cpu.Seconds())
	t.Logf("%d words x3 in %v: %.0f words/s", words, el, 3*float64(words)/el.Seconds())
}
