package check_test

import (
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/check"
	"github.com/kilde-news/kilde/fx"
	"github.com/kilde-news/kilde/lexicon"
	"github.com/kilde-news/kilde/quantity"
)

const rates = `Date,USD,GBP,DKK,
2019-02-15,1.1296,0.8777,7.4613,
2019-02-14,1.1268,0.8803,7.4619,
2020-03-02,1.1178,0.8666,7.4727,
`

func annotate(t testing.TB, c *check.Checker, lang, date, text string) *kilde.Doc {
	q, err := quantity.New()
	if err != nil {
		t.Fatal(err)
	}
	d := kilde.NewDoc(kilde.Article{Lang: lang, Date: date, Text: text})
	if err := q.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if err := c.Annotate(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestConversion(t *testing.T) {
	tab, err := fx.Load(strings.NewReader(rates))
	if err != nil {
		t.Fatal(err)
	}
	c, err := check.New(check.Options{Rates: tab})
	if err != nil {
		t.Fatal(err)
	}
	// USD→DKK on 2019-02-15: 7.4613/1.1296 = 6.6053; month mean 2019-02 ≈ 6.6165.
	for _, tt := range []struct {
		lang, date, text string
		status           string // "" means no check
		detail           string // a substring of the detail
	}{
		{"da", "2019-02-15", "De har 100 millioner dollars - svarende til 660 millioner kroner - med sig.", "consistent", "6.6053 DKK/USD"},
		{"da", "2019-02-17", "Det kostede 10 mio. dollars, hvilket svarer til 66 mio. kr.", "consistent", "day 2019-02-15"},
		{"da", "2019-02", "Op til 200 millioner dollars, svarende til 1,32 millarder kroner.", "consistent", "month mean 2019-02"},
		{"da", "2019-02-15", "Lånet er på 100 mio. dollars (ca. 900 mio. kr.).", "inconsistent", "+36"},
		{"da", "2019-02-15", "Prisen var 1.000 kroner eller 134 euro.", "consistent", "EUR/DKK"},
		{"da", "", "Det er 5 mio. dollars, svarende til 33 mio. kroner.", "unknown", "no article date"},
		{"da", "1990-05-01", "Det er 5 mio. dollars, svarende til 33 mio. kroner.", "unknown", "no ECB rate"},
		{"da", "2019-02-15", "Han fik 5 mio. dollars og gav 33 mio. kroner væk.", "", ""},
		{"da", "2019-02-15", "Han fik 5 mio. kroner, svarende til 5 mio. kroner.", "", ""},
		{"en", "2019-02-14", "The deal is worth $4.3bn (£3.3bn).", "consistent", "0.7812 GBP/USD"},
		{"en", "2019-02-14", "It cost £3bn – about $3.8bn – last year.", "consistent", "USD/GBP"},
		{"en", "2019-02-14", "It cost £3bn, equivalent to $6bn.", "inconsistent", ""},
		{"en", "2019-02-14", "A payment of $500 and £400 in fees.", "", ""},
		// a rate before the connector, an approximation after it
		{"en", "2019-02-15", "The player earns €6 million a season, equivalent to roughly $6.8 million.", "consistent", "USD/EUR"},
		{"da", "2019-02-15", "Han tjener 2 mio. euro om året, svarende til cirka 15 mio. kr.", "consistent", "DKK/EUR"},
		{"da", "2019-02-15", "Han tjener 2 mio. euro årligt (ca. 15 mio. kr.).", "consistent", "DKK/EUR"},
		{"da", "2019-02-15", "Aftalen er på 200 mio. dollars (ca. 1,3 mia. kr.).", "consistent", "DKK/USD"},
		{"en", "2019-02-15", "It cost £10m — or about $12.9m — to build.", "consistent", "USD/GBP"},
		{"da", "2019-02-15", "Prisen var 10 mio. euro, hvilket svarer til godt 75 mio. kroner.", "consistent", "DKK/EUR"},
		{"da", "2019-02-15", "Beløbet er 1 mia. euro, omregnet 7,5 mia. kr.", "consistent", "DKK/EUR"},
		{"en", "2019-02-15", "The club paid 80 million Danish crowns, equivalent to about $12.1 million.", "consistent", "USD/DKK"},
		{"en", "2019-02-15", "He earns €6 million a year, equivalent to just over $6.7 million.", "consistent", "USD/EUR"},
		{"da", "2019-02-15", "Han tjener 2 mio. euro om året, svarende til lidt over 14,9 mio. kr.", "consistent", "DKK/EUR"},
		// "i danske kroner" names the currency of a second amount without one
		{"da", "2019-02-15", "Beløbet er 1 mia. euro, i danske kroner 7,5 mia.", "consistent", "DKK/EUR"},
		{"en", "2019-02-15", "The bill was 100 million euros, in Danish kroner 746 million.", "consistent", "DKK/EUR"},
		{"da", "2019-02-15", "Han fik 2 mio. euro om året og 15 mio. kr. i bonus.", "", ""},
		// a per-unit rate between the amount and the connector
		{"da", "2019-02-15", "Elprisen var 35 euro per MWh, svarende til 261 kroner.", "consistent", "DKK/EUR"},
		{"da", "2019-02-15", "Kvoten kostede 20 euro pr. ton, svarende til cirka 149 kr.", "consistent", "DKK/EUR"},
		{"en", "2019-02-15", "Carbon traded at €35 a tonne, equivalent to $39.5.", "consistent", "USD/EUR"},
		{"en", "2019-02-15", "Oil sold for $60 a barrel, equivalent to about €80.", "inconsistent", ""},
		{"en", "2019-02-15", "Carbon traded at €35 a tonne and $39 a barrel.", "", ""},
		{"en", "2019-02-15", "He earns €6 million a season and $2 million in bonuses.", "", ""},
	} {
		d := annotate(t, c, tt.lang, tt.date, tt.text)
		if tt.status == "" {
			if len(d.Checks) != 0 {
				t.Errorf("%q: got %v, want no check", tt.text, d.Checks)
			}
			continue
		}
		if len(d.Checks) != 1 {
			t.Errorf("%q: got %d checks, want 1 (quantities %v)", tt.text, len(d.Checks), d.Quantities)
			continue
		}
		ch := d.Checks[0]
		if ch.Status != tt.status || !strings.Contains(ch.Detail, tt.detail) || ch.Kind != "currency_conversion" || len(ch.Spans) != 2 {
			t.Errorf("%q: got %s %q, want %s containing %q", tt.text, ch.Status, ch.Detail, tt.status, tt.detail)
		}
	}
}

// A check points at the amounts compared, without "about", "godt", "ca.".
func TestAmountSpans(t *testing.T) {
	tab, err := fx.Load(strings.NewReader(rates))
	if err != nil {
		t.Fatal(err)
	}
	c, err := check.New(check.Options{Rates: tab})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ lang, text, first, second string }{
		{"en", "He earns around €6 million a year, equivalent to roughly $6.8 million.", "€6 million", "$6.8 million"},
		{"da", "Det koster godt 4 mia. dollar, svarende til ca. 26 mia. kr.", "4 mia. dollar", "26 mia. kr."},
		{"da", "Lånet er på 100 mio. dollars (cirka 660 mio. kr.).", "100 mio. dollars", "660 mio. kr."},
	} {
		d := annotate(t, c, tt.lang, "2019-02-15", tt.text)
		if len(d.Checks) != 1 {
			t.Errorf("%q: %d checks, want 1", tt.text, len(d.Checks))
			continue
		}
		sp := d.Checks[0].Spans
		if got1, got2 := d.SpanText(sp[0]), d.SpanText(sp[1]); got1 != tt.first || got2 != tt.second {
			t.Errorf("%q: spans %q, %q; want %q, %q", tt.text, got1, got2, tt.first, tt.second)
		}
	}
}

// The embedded ECB table checks the conversion at the month's mean rate
// (2019-02 USD→DKK ≈ 6.57).
func TestEmbeddedRates(t *testing.T) {
	c, err := check.New(check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := annotate(t, c, "da", "2019-02", "Firmaet betalte 50 millioner dollars - svarende til 328 millioner kroner.")
	if len(d.Checks) != 1 || d.Checks[0].Status != "consistent" || !strings.Contains(d.Checks[0].Detail, "6.5") {
		t.Fatalf("got %+v", d.Checks)
	}
	t.Log(d.Checks[0].Detail)
}

// A time expression between the amounts does not break the conversion.
func TestTimeInGap(t *testing.T) {
	c, err := check.New(check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	q, _ := quantity.New()
	text := "Firmaet omsatte for 232,3 milliarder kroner i 2023, svarende til cirka 31 milliarder euro."
	d := kilde.NewDoc(kilde.Article{Lang: "da", Date: "2024-02-15", Text: text})
	i := strings.Index(text, "2023")
	d.Times = []kilde.Time{{Span: kilde.Span{Start: i, End: i + 4}, Type: "DATE", Value: "2023"}}
	q.Annotate(d)
	c.Annotate(d)
	if len(d.Checks) != 1 || d.Checks[0].Status != "consistent" {
		t.Fatalf("got %+v", d.Checks)
	}
	d.Times = nil
	c.Annotate(d)
	if len(d.Checks) != 0 {
		t.Fatalf("without the time layer: got %+v, want none", d.Checks)
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("da", "2019-02", "op til 200 millioner dollars - svarende til 1,32 millarder kroner")
	f.Add("en", "2019-02-14", "$4.3bn (£3.3bn)")
	c, err := check.New(check.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, lang, date, text string) {
		d := annotate(t, c, lang, date, text)
		for _, ch := range d.Checks {
			for _, s := range ch.Spans {
				if s.Start < 0 || s.End > len(text) || s.Start > s.End {
					t.Fatalf("bad span %v", s)
				}
			}
			if strings.Contains(ch.Detail, "NaN") || strings.Contains(ch.Detail, "Inf") {
				t.Fatalf("detail %q", ch.Detail)
			}
		}
	})
}

func BenchmarkCheck(b *testing.B) {
	c, _ := check.New(check.Options{})
	q, _ := quantity.New()
	text := strings.Repeat("De kan have op til 200 millioner dollars - svarende til 1,32 milliarder kroner - med sig. ", 50)
	d := kilde.NewDoc(kilde.Article{Lang: "da", Date: "2019-02", Text: text})
	q.Annotate(d)
	words := len(strings.Fields(text))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c.Annotate(d)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// Every currency the ECB publishes has its ISO code, and the common ones
// an English and a Danish name, in lexicon/all/currencies.tsv, so that a
// conversion between any two of them can be checked.
func TestCurrencyCoverage(t *testing.T) {
	rows, err := lexicon.Rows("all/currencies.tsv", 2)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	names := map[string]int{}
	for _, r := range rows {
		if r[0] == r[1] {
			codes[r[1]] = true
		} else if len(r) < 3 {
			names[r[1]]++
		}
	}
	tab, err := fx.Default()
	if err != nil {
		t.Fatal(err)
	}
	ecb := "AUD BGN BRL CAD CHF CNY CYP CZK DKK EEK GBP HKD HRK HUF IDR ILS INR ISK JPY KRW LTL LVL MTL MXN MYR NOK NZD PHP PLN ROL RON RUB SEK SGD SIT SKK THB TRL TRY USD ZAR"
	for _, c := range strings.Fields(ecb) {
		if !tab.Has(c) {
			t.Errorf("fx table lacks %s", c)
		}
		if !codes[c] {
			t.Errorf("currencies.tsv lacks the code %s", c)
		}
	}
	// daily currencies: at least a Danish and an English name (two rows)
	for _, c := range strings.Fields("USD GBP JPY SEK NOK CHF DKK CNY CAD AUD RUB PLN TRY INR") {
		if names[c] < 2 {
			t.Errorf("currencies.tsv has %d names for %s, want ≥ 2", names[c], c)
		}
	}
}
