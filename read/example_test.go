package read_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/kilde-news/kilde/read"
)

func Example() {
	in := "date 2019-02-17 Regeringen siger nej.\n\nDet oplyser ministeren.\n" +
		"date 17-02-2019 The minister said no.\n" +
		"date 2019-13 Ingen 13. måned.\n"
	for a, err := range read.From(context.Background(), "news.txt", strings.NewReader(in), read.Options{}) {
		if err != nil {
			fmt.Println("problem:", err)
			continue
		}
		fmt.Printf("%s:%d %q %q\n", a.Source.File, a.Source.Line, a.Date, a.Text)
	}
	// Output:
	// news.txt:1 "2019-02-17" "Regeringen siger nej.\n\nDet oplyser ministeren."
	// news.txt:4 "2019-02-17" "The minister said no."
	// problem: news.txt:5: date "2019-13": unknown date format, date left empty
	// news.txt:5 "" "Ingen 13. måned."
}
