package quantity_test

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/quantity"
)

func mustNew(t testing.TB) *quantity.Annotator {
	a, err := quantity.New()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func num(p *float64) string {
	if p == nil {
		return "_"
	}
	return strconv.FormatFloat(*p, 'g', 6, 64)
}

// show formats a quantity compactly: [text] value|low..high approx unit measured.
func show(d *kilde.Doc, q kilde.Quantity) string {
	v := num(q.Value)
	if q.Value == nil {
		v = num(q.Low) + ".." + num(q.High)
	} else if q.Approx != "exact" && q.Approx != "about" {
		v += " " + num(q.Low) + ".." + num(q.High)
	}
	s := fmt.Sprintf("[%s] %s %s", d.SpanText(q.Span), v, q.Approx)
	if q.Unit != "" {
		s += " " + q.Unit
	}
	if q.Measured != "" {
		s += " (" + q.Measured + ")"
	}
	return s
}

var tests = []struct {
	lang, text string
	want       []string
}{
	// Danish digits and scale words
	{"da", "Der kom 1.000 mennesker.", []string{"[1.000] 1000 exact (mennesker)"}},
	{"da", "Det koster 2,5 mia. kr. at bygge.", []string{"[2,5 mia. kr.] 2.5e+09 exact DKK"}},
	{"da", "Kommunen bruger 12\u00a0500 kroner.", []string{"[12\u00a0500 kroner] 12500 exact DKK"}},
	{"da", "Aftalen er på 4 mio. kr. om året.", []string{"[4 mio. kr.] 4e+06 exact DKK"}},
	{"da", "Han fik 1,32 milliarder kroner.", []string{"[1,32 milliarder kroner] 1.32e+09 exact DKK"}},
	{"da", "Fonden gav 3 millarder kroner.", []string{"[3 millarder kroner] 3e+09 exact DKK"}}, // misspelling, from the lexicon
	{"da", "Der var 40 millioner norske kroner i kassen.", []string{"[40 millioner norske kroner] 4e+07 exact NOK"}},
	{"da", "De betalte 500 svenske kroner.", []string{"[500 svenske kroner] 500 exact SEK"}},
	{"da", "Billetten koster kr. 300 i døren.", []string{"[kr. 300] 300 exact DKK"}},
	{"da", "Et lån på 20 mio. euro.", []string{"[20 mio. euro] 2e+07 exact EUR"}},
	// Danish number words
	{"da", "Tyve soldater og syvoghalvfems civile blev evakueret.", []string{"[Tyve] 20 exact (soldater)", "[syvoghalvfems] 97 exact (civile)"}},
	{"da", "Byen har en halv million indbyggere.", []string{"[en halv million] 500000 exact (indbyggere)"}},
	{"da", "Projektet koster fire en halv milliard kroner.", []string{"[fire en halv milliard kroner] 4.5e+09 exact DKK"}},
	{"da", "Det ramte knap en tredjedel af husstandene.", []string{"[knap en tredjedel] 0.333333 about"}},
	// Danish bounds and ranges
	{"da", "Mere end 1.000 krigere er flygtet.", []string{"[Mere end 1.000] 1000 1000.._ more_than (krigere)"}},
	{"da", "Der er mellem 15.500 og 17.000 soldater i landet.", []string{"[mellem 15.500 og 17.000] 15500..17000 range (soldater)"}},
	{"da", "De kan have op til 200 millioner dollars med.", []string{"[op til 200 millioner dollars] 2e+08 _..2e+08 at_most USD"}},
	{"da", "Der kom mindst 30 mennesker.", []string{"[mindst 30] 30 30.._ at_least (mennesker)"}},
	{"da", "Højst 12 personer må deltage.", []string{"[Højst 12] 12 _..12 at_most (personer)"}},
	{"da", "Der var cirka 400 gæster og omkring 20 tjenere.", []string{"[cirka 400] 400 about (gæster)", "[omkring 20] 20 about (tjenere)"}},
	{"da", "Prisen er ca. 50 kroner.", []string{"[ca. 50 kroner] 50 about DKK"}},
	{"da", "Under 100 elever søgte ind.", []string{"[Under 100] 100 _..100 less_than (elever)"}},
	{"da", "Færre end 20 butikker overlevede.", []string{"[Færre end 20] 20 _..20 less_than (butikker)"}},
	{"da", "Han har godt 300 køer.", []string{"[godt 300] 300 about (køer)"}},
	{"da", "Næsten 90 procent stemte ja.", []string{"[Næsten 90 procent] 90 about %"}},
	{"da", "Det gælder 13 procent af alle elever og 45 pct. af danskerne.", []string{"[13 procent] 13 exact % (elever)", "[45 pct.] 45 exact % (danskerne)"}},
	{"en", "Some 40 per cent of the respondents said no.", []string{"[Some 40 per cent] 40 about % (respondents)"}},
	{"da", "Der er 20-30 deltagere.", []string{"[20-30] 20..30 range (deltagere)"}},
	{"da", "Det tager fra 5 til 10 minutter.", nil}, // a duration: the times extractor's
	{"da", "Billetter koster fra 200 til 400 kroner.", []string{"[fra 200 til 400 kroner] 200..400 range DKK"}},
	{"da", "Der er mellem 2 og 3 millioner turister.", []string{"[mellem 2 og 3 millioner] 2e+06..3e+06 range (turister)"}},
	{"da", "Der kom 500 eller flere demonstranter.", []string{"[500 eller flere] 500 500.._ at_least (demonstranter)"}},
	// Danish percent, points, measures
	{"da", "Ledigheden faldt 0,3 procentpoint til 4,1 pct.", []string{"[0,3 procentpoint] 0.3 exact pp", "[4,1 pct.] 4.1 exact %"}},
	{"da", "Vi trækker os efter 100% sejr.", []string{"[100%] 100 exact %"}},
	{"da", "En ny cykelsti på 5 km åbner i dag.", []string{"[5 km] 5 exact km (cykelsti)"}},
	{"da", "Vindmøllen yder 8 MW og bilen kører 130 km/t.", []string{"[8 MW] 8 exact MW", "[130 km/t] 130 exact km/h"}},
	// spelled-out energy units
	{"da", "Landet brugte 34 terawatttimer strøm og byggede 600 megawatt vind.", []string{"[34 terawatttimer] 34 exact TWh (strøm)", "[600 megawatt] 600 exact MW (vind)"}},
	{"da", "Prisen var 35 øre per kilowatt-time.", []string{"[35 øre] 0.35 exact DKK"}},
	{"en", "The country used 120 terawatt hours and added 3 gigawatts of solar.", []string{"[120 terawatt hours] 120 exact TWh", "[3 gigawatts] 3 exact GW"}},
	{"en", "The plant made 400 megawatt-hours from 50 megawatts of panels.", []string{"[400 megawatt-hours] 400 exact MWh", "[50 megawatts] 50 exact MW"}},
	{"da", "Der kan komme op mod 200 flygtninge.", []string{"[op mod 200] 200 _..200 at_most (flygtninge)"}},
	// amounts stated by their number of digits
	{"da", "Salget indbragte et trecifret millionbeløb.", []string{"[et trecifret millionbeløb] 1e+08..9.99e+08 range"}},
	{"da", "Klubben betalte et tocifret millionbeløb i kroner for spilleren.", []string{"[et tocifret millionbeløb i kroner] 1e+07..9.9e+07 range DKK"}},
	{"da", "Det koster et firecifret milliardbeløb i Danmark.", []string{"[et firecifret milliardbeløb] 1e+12..9.999e+12 range"}},
	{"en", "The club paid a three-digit million sum in euros for him.", []string{"[a three-digit million sum in euros] 1e+08..9.99e+08 range EUR"}},
	{"en", "He scored a three-digit number of points.", nil},
	{"da", "Det blev 25 grader varmt.", []string{"[25 grader] 25 exact ° (varmt)"}},
	{"da", "Der faldt -5 grader i nat.", []string{"[-5 grader] -5 exact °"}},
	{"da", "Prisen er 500,- kr. pr. stk.", []string{"[500,- kr.] 500 exact DKK"}},
	{"da", "Der kom mellem 500 og 1,5 millioner besøgende.", []string{"[mellem 500 og 1,5 millioner] 500..1.5e+06 range (besøgende)"}},
	{"da", "Der er 200 danske soldater og 1.000 nye job.", []string{"[200] 200 exact (soldater)", "[1.000] 1000 exact (job)"}},
	{"en", "It cost between $300 million and $400 million.", []string{"[between $300 million and $400 million] 3e+08..4e+08 range USD"}},
	{"en", "He won the 100m final.", []string{"[100m] 100 exact m (final)"}},
	{"da", "Der kom to-tre personer.", []string{"[to-tre] 2..3 range (personer)"}},
	{"da", "Ifølge DR 400 mennesker.", []string{"[400] 400 exact (mennesker)"}},
	{"da", "Et halvt hundrede ministre mødtes.", []string{"[Et halvt hundrede] 50 exact (ministre)"}},
	{"da", "Der var 50 øvrige gæster og 3 gamle biler.", []string{"[50] 50 exact (gæster)", "[3] 3 exact (biler)"}},
	{"da", "De ansatte 3.000 flere medarbejdere.", []string{"[3.000] 3000 exact (medarbejdere)"}},
	// Not quantities in Danish
	{"da", "Flere hundrede mennesker kom. Ring på 33 12 18 45 eller 3312 1845.", nil},
	{"da", "Punkterne er:\n1. Vi vil have mere.\n2. Det er koden 007.", nil},
	{"da", "Han fløj med en Boeing 737 MAX og kører Formel 1 i år.", nil},
	{"da", "Regeringen har en 10-punktsplan, se side 12.", nil},
	{"en", "Details are on page 4 of the guide to Windows 10.", nil},
	{"da", "Det var i 90'erne og 1990’erne, og det tog to-tre uger.", nil},
	{"da", "Mødet er d. 1/12 i år.", nil},
	{"da", "Han blev nummer 2 i løbet.", nil},
	{"da", "Han blev nummer 3. plads var hans.", nil},
	{"da", "Hun kom på en 3. plads.", nil},
	{"da", "Det skete den 17. februar 2019.", nil},
	{"da", "Mødet starter kl. 14.30 og slutter klokken 16.", nil},
	{"da", "Det skete i 2019.", nil},
	{"da", "De sidste seks måneder har været hårde.", nil},
	{"da", "En 30-årig mand blev anholdt.", nil},
	{"da", "Kampen endte 3-1.", nil},
	{"da", "FCK tabte 1-2 til Brøndby.", nil},
	{"da", "Flyet var en F-16 fra 5G-nettet.", nil},
	{"da", "En mand og et barn.", nil},
	{"da", "Det var den tredje gang.", nil},
	{"da", "Det er 1.2.3.4 og mellem og.", nil},
	// English
	{"en", "Some 30,000 troops were deployed.", []string{"[Some 30,000] 30000 about (troops)"}},
	{"en", "Roughly 30,000 American troops remain.", []string{"[Roughly 30,000] 30000 about (troops)"}},
	{"en", "The deal is worth $4.3bn (£3.3bn).", []string{"[$4.3bn] 4.3e+09 exact USD", "[£3.3bn] 3.3e+09 exact GBP"}},
	{"en", "It raised $10m last week.", []string{"[$10m] 1e+07 exact USD"}},
	{"en", "They paid US$ 2.5 million.", []string{"[US$ 2.5 million] 2.5e+06 exact USD"}},
	{"en", "Costs rose to €1,200 per head.", []string{"[€1,200] 1200 exact EUR"}},
	{"en", "More than 1,000 fighters fled.", []string{"[More than 1,000] 1000 1000.._ more_than (fighters)"}},
	{"en", "Up to 700 workers may go.", []string{"[Up to 700] 700 _..700 at_most (workers)"}},
	{"en", "As many as 12 people died.", []string{"[As many as 12] 12 _..12 at_most (people)"}},
	{"en", "At least twenty-one people were hurt.", []string{"[At least twenty-one] 21 21.._ at_least (people)"}},
	{"en", "Nearly 3.5 million voters stayed home.", []string{"[Nearly 3.5 million] 3.5e+06 about (voters)"}},
	{"en", "Between 200 and 300 million people watched.", []string{"[Between 200 and 300 million] 2e+08..3e+08 range (people)"}},
	{"en", "Inflation hit 7.5 per cent, up 2 percentage points.", []string{"[7.5 per cent] 7.5 exact %", "[2 percentage points] 2 exact pp"}},
	{"en", "A dozen eggs and half a million dollars.", []string{"[A dozen] 12 exact (eggs)", "[half a million dollars] 500000 exact USD"}},
	{"en", "The ship carried 500,000 barrels of oil.", []string{"[500,000 barrels] 500000 exact bbl"}},
	{"en", "The budget of $5m was spent.", []string{"[$5m] 5e+06 exact USD"}},
	{"en", "It only cost 3 dollars 50 cents.", []string{"[3 dollars 50 cents] 3.5 exact USD"}},
	{"da", "Det kostede 12 kroner og 50 øre.", []string{"[12 kroner og 50 øre] 12.5 exact DKK"}},
	{"en", "They lost 75 USD million last year.", []string{"[75 USD million] 7.5e+07 exact USD"}},
	{"en", "Revenue was USD115 in total.", []string{"[USD115] 115 exact USD"}},
	{"en", "Scores greater than 30 and less than or equal to 40 pass.", []string{"[greater than 30 and less than or equal to 40] 30..40 range (pass)"}},
	{"da", "Der kom mindst 5 og højst 9 gæster.", []string{"[mindst 5 og højst 9] 5..9 range (gæster)"}},
	{"en", "More than 40 and less than 10 are two bounds.", []string{"[More than 40] 40 40.._ more_than", "[less than 10] 10 _..10 less_than", "[two] 2 exact (bounds)"}},
	{"en", "Values >10 count.", []string{"[>10] 10 10.._ more_than (count)"}},
	{"en", "See https://example.com/a?q=30%25 for 20 pages.", []string{"[20] 20 exact (pages)"}},
	{"en", "Call +1-222-2222 now.", nil},
	{"en", "Cases rose by 12,000 to 1.2 million.", []string{"[12,000] 12000 exact", "[1.2 million] 1.2e+06 exact"}},
	{"en", "Warming must stay below 1.5C.", []string{"[below 1.5C] 1.5 _..1.5 less_than °C"}},
	// Not quantities in English
	{"en", "He came 21st on May 4th, 2019.", nil},
	{"en", "Which one do you prefer?", nil},
	{"en", "The meeting is at 3 pm on February 17.", nil},
	{"en", "He is 45 years old.", nil},
	{"en", "It fell for the third time.", nil},
	{"en", "Trump tweeted 17. februar 2019.", nil}, // a Danish date in an English paragraph
}

func TestAnnotate(t *testing.T) {
	a := mustNew(t)
	for _, tt := range tests {
		d := kilde.NewDoc(kilde.Article{Lang: tt.lang, Text: tt.text})
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, q := range d.Quantities {
			got = append(got, show(d, q))
		}
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("Annotate(%q)\n got  %q\n want %q", tt.text, got, tt.want)
		}
	}
}

// A paragraph in another language is read with that language's marks.
func TestLangAt(t *testing.T) {
	a := mustNew(t)
	text := "Der kom 1.500 mennesker.\n\nSome 1,500 people came."
	d := kilde.NewDoc(kilde.Article{Lang: "da", Text: text})
	d.Paragraphs = []kilde.Paragraph{{Span: kilde.Span{Start: 0, End: 24}}, {Span: kilde.Span{Start: 26, End: len(text)}, Lang: "en"}}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quantities) != 2 || *d.Quantities[0].Value != 1500 || *d.Quantities[1].Value != 1500 {
		for _, q := range d.Quantities {
			t.Log(show(d, q))
		}
		t.Fatalf("want 1500 twice")
	}
}

// Quantities never overlap a time expression found before them.
func TestSkipsTimes(t *testing.T) {
	a := mustNew(t)
	d := kilde.NewDoc(kilde.Article{Lang: "da", Text: "Om 3 uger og 2 dage."})
	d.Times = []kilde.Time{{Span: kilde.Span{Start: 3, End: 10}, Type: "DURATION"}}
	a.Annotate(d)
	if len(d.Quantities) != 0 {
		t.Errorf("got %d quantities, want 0", len(d.Quantities))
	}
}

func check(t *testing.T, d *kilde.Doc) {
	prev := -1
	for _, q := range d.Quantities {
		if q.Start < 0 || q.End > len(d.Text) || q.Start >= q.End || q.Start < prev {
			t.Fatalf("bad span %v (text %d bytes)", q.Span, len(d.Text))
		}
		prev = q.End
		if !utf8.RuneStart(d.Text[q.Start]) || (q.End < len(d.Text) && !utf8.RuneStart(d.Text[q.End])) {
			t.Fatalf("span %v not on rune boundaries", q.Span)
		}
		for _, p := range []*float64{q.Value, q.Low, q.High} {
			if p != nil && (math.IsNaN(*p) || math.IsInf(*p, 0)) {
				t.Fatalf("NaN/Inf in %q", d.Text)
			}
		}
		if q.Measured != "" && d.SpanText(q.MeasuredSpan) != q.Measured {
			t.Fatalf("measured %q at %v, text there %q", q.Measured, q.MeasuredSpan, d.SpanText(q.MeasuredSpan))
		}
	}
}

func TestAbsurd(t *testing.T) {
	a := mustNew(t)
	for _, s := range []string{"1.2.3.4", "999999999999999999999 kroner", "-", "mellem og", "$", "1e999", "--5", "1/0", "½½½", "mellem 5 og", "op til", "0,", ",", "1.000.00 kr."} {
		for _, lang := range []string{"da", "en", "de", ""} {
			d := kilde.NewDoc(kilde.Article{Lang: lang, Text: s})
			a.Annotate(d)
			check(t, d)
		}
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, tt := range tests {
		f.Add(tt.lang, tt.text)
	}
	for _, tt := range patternTests {
		f.Add(tt.lang, tt.text)
	}
	a := mustNew(f)
	f.Fuzz(func(t *testing.T, lang, text string) {
		d := kilde.NewDoc(kilde.Article{Lang: lang, Text: text})
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if utf8.ValidString(text) {
			check(t, d)
		}
	})
}

func BenchmarkAnnotate(b *testing.B) {
	a := mustNew(b)
	for _, lang := range []string{"da", "en"} {
		var sb strings.Builder
		for _, tt := range tests {
			if tt.lang == lang {
				sb.WriteString(tt.text)
				sb.WriteString(" ")
			}
		}
		text := strings.Repeat(sb.String(), 20)
		words := len(strings.Fields(text))
		b.Run(lang, func(b *testing.B) {
			d := kilde.NewDoc(kilde.Article{Lang: lang, Text: text})
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				a.Annotate(d)
			}
			b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}
