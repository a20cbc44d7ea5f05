package tx

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/timex"
)

func TestDump(t *testing.T) {
	f, _ := os.Open(os.Getenv("TSV"))
	sc := bufio.NewScanner(f)
	var sents []string
	var cur []string
	for sc.Scan() {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			if len(cur) > 0 {
				sents = append(sents, strings.Join(cur, " "))
				cur = nil
			}
			continue
		}
		cur = append(cur, strings.Split(l, "\t")[0])
	}
	a, _ := timex.New()
	for _, s := range sents {
		d := kilde.NewDoc(kilde.Article{Date: "2019-02-20", Lang: os.Getenv("L"), Text: s})
		a.Annotate(d)
		for _, x := range d.Times {
			fmt.Printf("%-30q %-8s %-14s | %s\n", d.SpanText(x.Span), x.Type, x.Value, s[max(0, x.Start-40):min(len(s), x.End+30)])
		}
	}
}
