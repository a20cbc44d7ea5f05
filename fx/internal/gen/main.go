// Command gen derives fx/rates.csv.gz, the compact rate table embedded in
// package fx, from the ECB's eurofxref-hist.csv:
//
//	go run ./fx/internal/gen -in ../shared/data/fx/eurofxref-hist.csv -out fx/rates.csv.gz
//
// (or `go generate ./fx` from the repository root). The output keeps daily
// rates for the currencies news converts most and monthly means for every
// currency the ECB publishes. Source: European Central Bank euro foreign
// exchange reference rates, reused with attribution.
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/kilde-news/kilde/fx"
)

// daily lists the currencies kept day by day; others keep monthly means.
var daily = []string{"USD", "GBP", "JPY", "SEK", "NOK", "CHF", "DKK", "CNY", "CAD", "AUD", "RUB", "PLN", "TRY", "INR"}

func main() {
	in := flag.String("in", "../shared/data/fx/eurofxref-hist.csv", "ECB eurofxref-hist.csv")
	out := flag.String("out", "fx/rates.csv.gz", "output file")
	flag.Parse()
	f, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	t, err := fx.Load(f)
	if err != nil {
		log.Fatal(err)
	}
	o, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	fmt.Fprintf(zw, "# kilde fx table: units of each currency per 1 EUR. Derived from the European Central Bank's euro foreign exchange reference rates (eurofxref-hist.csv, %s..%s); reused with attribution. Rebuild: go generate ./fx\n", t.First(), t.Last())
	if err := t.WriteCompact(zw, daily); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := o.Close(); err != nil {
		log.Fatal(err)
	}
}
