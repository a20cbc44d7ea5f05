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
	{"en", "She paid 300 Swedish kronor for the ticket.", []string{"[300 Swedish kronor] 300 exact SEK (ticket)"}},
	{"en", "Oslo will spend 2 billion Norwegian crowns on roads.", []string{"[2 billion Norwegian crowns] 2e+09 exact NOK (roads)"}},
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
	{"da", "Billetten koster 250 kr for voksne.", []string{"[250 kr] 250 exact DKK (voksne)"}},
	{"da", "Der er afsat 5 mio. DKK til projektet.", []string{"[5 mio. DKK] 5e+06 exact DKK (projektet)"}},
	{"da", "Der er afsat DKK 5m til projektet.", []string{"[DKK 5m] 5e+06 exact DKK (projektet)"}},
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
	// half and quarter percentage points, genitive percent, changes versus ranges,
	// ordinal "a third time", names with numbers, verbs that are never measured
	{"da", "Renten stiger med et halvt procentpoint i morgen.", []string{"[et halvt procentpoint] 0.5 exact pp"}},
	{"da", "Nationalbanken sænkede renten med et kvart procentpoint.", []string{"[et kvart procentpoint] 0.25 exact pp"}},
	{"da", "Ledigheden faldt med et halvt point.", []string{"[et halvt point] 0.5 exact pp"}},
	{"en", "The bank cut rates by half a percentage point on Tuesday.", []string{"[half a percentage point] 0.5 exact pp"}},
	{"en", "The central bank raised rates by another half point.", []string{"[half point] 0.5 exact pp"}},
	{"en", "Rates rose a quarter point in March.", []string{"[a quarter point] 0.25 exact pp"}},
	{"en", "The Fed lifted its benchmark rate by a quarter of a percentage point.", []string{"[a quarter of a percentage point] 0.25 exact pp"}},
	{"da", "Vindmøllerne dækker 70 procents af forbruget.", []string{"[70 procents] 70 exact % (forbruget)"}},
	{"da", "Der er tale om en 25 procents stigning.", []string{"[25 procents] 25 exact %"}},
	{"da", "Ledigheden steg fra 5,1 til 6,4 procent sidste år.", []string{"[5,1] 5.1 exact %", "[6,4 procent] 6.4 exact %"}},
	{"da", "Andelen faldt fra 30 til 25 procent.", []string{"[30] 30 exact %", "[25 procent] 25 exact %"}},
	{"en", "Unemployment rose from 4.1 to 4.4 per cent.", []string{"[4.1] 4.1 exact %", "[4.4 per cent] 4.4 exact %"}},
	{"en", "The share fell from 12% to 9%.", []string{"[12%] 12 exact %", "[9%] 9 exact %"}},
	{"da", "Prisen ligger mellem 5 og 6 procent.", []string{"[mellem 5 og 6 procent] 5..6 range %"}},
	{"en", "Growth will be between 2 and 3 percent.", []string{"[between 2 and 3 percent] 2..3 range %"}},
	{"da", "Ventetiden er fra 10 til 14 måneder.", nil},
	{"da", "Der kommer fra 200 til 300 gæster.", []string{"[fra 200 til 300] 200..300 range (gæster)"}},
	{"en", "Tickets cost from $20 to $40.", []string{"[from $20 to $40] 20..40 range USD"}},
	{"en", "Prices rose from $20 to $40.", []string{"[$20] 20 exact USD", "[$40] 40 exact USD"}},
	{"en", "Thieves stole goods worth over £2m.", []string{"[over £2m] 2e+06 2e+06.._ more_than GBP"}},
	{"en", "She won the race for a third time.", nil},
	{"en", "He finished in a third place.", nil},
	{"en", "It was his third round and a third term.", nil},
	{"en", "A third of voters stayed home.", []string{"[A third] 0.333333 exact"}},
	{"en", "The S&P 500 fell and the FTSE 100 rose after the G20 meeting.", nil},
	{"en", "COVID-19 killed 300 people.", []string{"[300] 300 exact (people)"}},
	{"da", "Han kører Formel 1 og ser Superliga 2 kampe.", nil},
	{"da", "Efter COVID-19 var der 300 flere ansatte.", []string{"[300] 300 exact (ansatte)"}},
	{"en", "The Nasdaq 100 and the Dow 30 both fell.", nil},
	{"da", "C25-indekset og OMXC 25 steg.", nil},
	{"da", "Mellem 300 og 500 deltog i demonstrationen.", []string{"[Mellem 300 og 500] 300..500 range"}},
	{"da", "Omkring 2.000 mødte op.", []string{"[Omkring 2.000] 2000 about"}},
	{"da", "Over 40 blev anholdt.", []string{"[Over 40] 40 40.._ more_than"}},
	{"en", "Between 300 and 500 attended the rally.", []string{"[Between 300 and 500] 300..500 range"}},
	{"en", "About 2,000 turned out.", []string{"[About 2,000] 2000 about"}},
	{"da", "I alt 12 var til stede.", []string{"[12] 12 exact"}},
	{"da", "Mindst 30 omkom i ulykken.", []string{"[Mindst 30] 30 30.._ at_least"}},
	{"da", "Der blev solgt 400 biler.", []string{"[400] 400 exact (biler)"}},
	{"da", "De 12 spillere er klar.", []string{"[12] 12 exact (spillere)"}},
	{"en", "She cut her pay by a third.", []string{"[a third] 0.333333 exact"}},
	{"en", "A third said no.", []string{"[A third] 0.333333 exact"}},
	{"en", "A third were injured.", []string{"[A third] 0.333333 exact"}},
	{"en", "He won a third straight title.", nil},
	{"en", "Two thirds of the members voted.", []string{"[Two thirds] 0.666667 exact"}},
	{"da", "Omsætningen steg fra 2 til 3 mia. kr. i fjor.", []string{"[2] 2e+09 exact DKK", "[3 mia. kr.] 3e+09 exact DKK"}},
	{"da", "Prisen faldt fra 3 til 2 mia. kr. i fjor.", []string{"[3] 3e+09 exact DKK", "[2 mia. kr.] 2e+09 exact DKK"}},
	{"da", "Ventetiden steg fra 10 til 14 uger.", nil},
	{"en", "The rate was raised last year from 2 to 3 percent.", []string{"[2] 2 exact %", "[3 percent] 3 exact %"}},
	{"da", "Fra 2019 til 2023 steg tallet.", nil},
	{"en", "Some 30 gathered outside.", []string{"[Some 30] 30 about"}},
	{"en", "The bank held 200 seats.", []string{"[200] 200 exact (seats)"}},
	// a list of numbers before a time unit: ages and durations, not counts
	{"da", "Politiet anholdt to mænd på 19 og 23 år.", []string{"[to] 2 exact (mænd)"}},
	{"da", "Kontrakten løber i 2 eller 3 år.", nil},
	{"en", "The two men, aged 19 and 23 years, were charged.", []string{"[two] 2 exact (men)"}},
	{"da", "De fik 5, 6 eller 7 år i fængsel.", nil},
	{"da", "Der kom 40 og 50 biler.", []string{"[40] 40 exact", "[50] 50 exact (biler)"}},
	{"da", "Han har 3 børn og 2 hunde.", []string{"[3] 3 exact (børn)", "[2] 2 exact (hunde)"}},
	{"en", "He scored 3 goals and 2 assists in 5 years.", []string{"[3] 3 exact (goals)", "[2] 2 exact (assists)"}},
	// money: what it is spent on ("på/til/for/on X"), not an infinitive or a name
	{"da", "Kommunen bruger 45 millioner kroner på en ny cykelsti.", []string{"[45 millioner kroner] 4.5e+07 exact DKK (cykelsti)"}},
	{"en", "The city will spend $45 million on a new bridge.", []string{"[$45 million] 4.5e+07 exact USD (bridge)"}},
	{"da", "Regeringen afsætter 2 mia. kr. til nye skoler.", []string{"[2 mia. kr.] 2e+09 exact DKK (skoler)"}},
	{"da", "Der er afsat 5 mio. kr. til at bygge en bro.", []string{"[5 mio. kr.] 5e+06 exact DKK"}},
	{"en", "Tickets cost $20 for adults.", []string{"[$20] 20 exact USD (adults)"}},
	{"en", "They paid £5m for Liverpool.", []string{"[£5m] 5e+06 exact GBP"}},
	{"da", "Han fik 300 kr. for det.", []string{"[300 kr.] 300 exact DKK"}},
	{"en", "The firm paid $2bn to settle the case.", []string{"[$2bn] 2e+09 exact USD"}},
	// hyphenated fractions of a point, basis points
	{"en", "The Fed made a half-point cut.", []string{"[a half-point] 0.5 exact pp"}},
	{"en", "It was a quarter-point hike.", []string{"[a quarter-point] 0.25 exact pp"}},
	{"en", "The bank announced a 25 basis point cut.", []string{"[25 basis point] 25 exact bp"}},
	{"en", "Yields rose 30 bps on Monday.", []string{"[30 bps] 30 exact bp"}},
	{"en", "Unemployment rose 0.3 percentage-point.", []string{"[0.3 percentage-point] 0.3 exact pp"}},
	{"en", "The team scored 3 points.", []string{"[3] 3 exact (points)"}},
	{"da", "Renten hæves med 0,25 procentenhed.", []string{"[0,25 procentenhed] 0.25 exact pp"}},
	// multipliers: the span takes "times"/"gange"
	{"en", "Cases were more than ten times higher than last year.", []string{"[more than ten times] 10 10.._ more_than"}},
	{"da", "Priserne er op til fem gange højere.", []string{"[op til fem gange] 5 _..5 at_most"}},
	{"da", "Han har vundet tre gange.", []string{"[tre gange] 3 exact"}},
	{"en", "She was arrested three times in 2019.", []string{"[three times] 3 exact"}},
	// more change words
	{"da", "Ledigheden er gået fra 5 til 6 procent.", []string{"[5] 5 exact %", "[6 procent] 6 exact %"}},
	{"en", "Profits were slashed from $4bn to $3bn.", []string{"[$4bn] 4e+09 exact USD", "[$3bn] 3e+09 exact USD"}},
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
