package quantity_test

import (
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
)

// patternTests cover the second round of rules: currency names in both
// languages, half percentage points, Danish genitive percent, changes
// ("steg fra X til Y") versus ranges, ordinal "a third time", names with
// numbers, and verbs that are never the measured noun.
var patternTests = []struct {
	lang, text string
	want       []string
}{
	// currency names: nationality + currency word, both languages; codes and abbreviations
	{"en", "The deal is worth about 40 billion Danish crowns.", []string{"[about 40 billion Danish crowns] 4e+10 about DKK"}},
	{"en", "She paid 300 Swedish kronor for the ticket.", []string{"[300 Swedish kronor] 300 exact SEK"}},
	{"en", "Oslo will spend 2 billion Norwegian crowns on roads.", []string{"[2 billion Norwegian crowns] 2e+09 exact NOK"}},
	{"en", "The fine was 12 million euros.", []string{"[12 million euros] 1.2e+07 exact EUR"}},
	{"en", "The club paid 5 million pounds sterling for him.", []string{"[5 million pounds sterling] 5e+06 exact GBP"}},
	{"en", "It cost 80 million Swiss francs.", []string{"[80 million Swiss francs] 8e+07 exact CHF"}},
	{"en", "Exports reached 900 billion yuan last year.", []string{"[900 billion yuan] 9e+11 exact CNY"}},
	{"en", "The village raised 50,000 rupees.", []string{"[50,000 rupees] 50000 exact INR"}},
	{"en", "They invested 3 billion US dollars in the plant.", []string{"[3 billion US dollars] 3e+09 exact USD"}},
	{"en", "The fund holds 200 million kroner in bonds.", []string{"[200 million kroner] 2e+08 exact DKK"}},
	{"en", "The fund holds 200 million Danish kroner in bonds.", []string{"[200 million Danish kroner] 2e+08 exact DKK"}},
	{"en", "It costs 45 Norwegian kroner.", []string{"[45 Norwegian kroner] 45 exact NOK"}},
	{"en", "Sales hit DKr5bn and SKr2bn.", []string{"[DKr5bn] 5e+09 exact DKK", "[SKr2bn] 2e+09 exact SEK"}},
	{"en", "Sales were DKK 5m last year.", []string{"[DKK 5m] 5e+06 exact DKK"}},
	{"en", "Japan spent 3 trillion Japanese yen.", []string{"[3 trillion Japanese yen] 3e+12 exact JPY"}},
	{"en", "They paid 7 million British pounds.", []string{"[7 million British pounds] 7e+06 exact GBP"}},
	{"en", "He owes 400 Indian rupees.", []string{"[400 Indian rupees] 400 exact INR"}},
	{"en", "It fell to 10 billion Chinese yuan.", []string{"[10 billion Chinese yuan] 1e+10 exact CNY"}},
	{"en", "A fine of 5,000 Swedish crowns was paid.", []string{"[5,000 Swedish crowns] 5000 exact SEK"}},
	{"en", "The budget is 1.2 billion Swedish krona.", []string{"[1.2 billion Swedish krona] 1.2e+09 exact SEK"}},
	{"en", "Hungary paid 30 billion forints.", []string{"[30 billion forints] 3e+10 exact HUF"}},
	{"en", "Poland paid 3 billion zlotys.", []string{"[3 billion zlotys] 3e+09 exact PLN"}},
	{"en", "She earned 90,000 Hong Kong dollars.", []string{"[90,000 Hong Kong dollars] 90000 exact HKD"}},
	{"en", "About 600 million roubles vanished.", []string{"[About 600 million roubles] 6e+08 about RUB"}},
	{"en", "The price is 20 Turkish liras.", []string{"[20 Turkish liras] 20 exact TRY"}},
	{"en", "The bill was 2,000 Icelandic kronur.", []string{"[2,000 Icelandic kronur] 2000 exact ISK"}},
	{"en", "He sold it for 5 million South African rand.", []string{"[5 million South African rand] 5e+06 exact ZAR"}},
	{"en", "The company paid 40 million American dollars.", []string{"[40 million American dollars] 4e+07 exact USD"}},
	{"da", "Det koster 45 mio. kr. at bygge.", []string{"[45 mio. kr.] 4.5e+07 exact DKK"}},
	{"da", "Det koster 3 mia. kr. at bygge.", []string{"[3 mia. kr.] 3e+09 exact DKK"}},
	{"da", "Billetten koster 250 kr for voksne.", []string{"[250 kr] 250 exact DKK"}},
	{"da", "Der er afsat 5 mio. DKK til projektet.", []string{"[5 mio. DKK] 5e+06 exact DKK"}},
	{"da", "Der er afsat DKK 5m til projektet.", []string{"[DKK 5m] 5e+06 exact DKK"}},
	{"da", "Han betalte 300 dkr. for den.", []string{"[300 dkr.] 300 exact DKK"}},
	{"da", "Det kostede 40 mio kr i alt.", []string{"[40 mio kr] 4e+07 exact DKK"}},
	{"da", "Indien brugte 20 mia. indiske rupier.", []string{"[20 mia. indiske rupier] 2e+10 exact INR"}},
	{"da", "Det kostede 100 millioner schweiziske franc.", []string{"[100 millioner schweiziske franc] 1e+08 exact CHF"}},
	{"da", "Kina brugte 9 mia. kinesiske yuan.", []string{"[9 mia. kinesiske yuan] 9e+09 exact CNY"}},
	{"da", "De fik 50 mio. britiske pund.", []string{"[50 mio. britiske pund] 5e+07 exact GBP"}},
	{"da", "Banken tabte 3 mia. japanske yen.", []string{"[3 mia. japanske yen] 3e+09 exact JPY"}},
	{"da", "Polen betaler 2 mia. polske zloty.", []string{"[2 mia. polske zloty] 2e+09 exact PLN"}},
	{"da", "Prisen var 800 islandske kroner.", []string{"[800 islandske kroner] 800 exact ISK"}},
	{"da", "Han fik 1,5 mio. US-dollars.", []string{"[1,5 mio. US-dollars] 1.5e+06 exact USD"}},
	{"da", "Han fik 1,5 mio. amerikanske dollar.", []string{"[1,5 mio. amerikanske dollar] 1.5e+06 exact USD"}},
	{"da", "Rusland mistede 100 mia. russiske rubler.", []string{"[100 mia. russiske rubler] 1e+11 exact RUB"}},
}

func TestPatterns(t *testing.T) {
	a := mustNew(t)
	for _, tt := range patternTests {
		d := kilde.NewDoc(kilde.Article{Lang: tt.lang, Text: tt.text})
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, q := range d.Quantities {
			got = append(got, show(d, q))
		}
		check(t, d)
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("Annotate(%q)\n got  %q\n want %q", tt.text, got, tt.want)
		}
	}
}
