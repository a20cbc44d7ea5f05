package timex_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/timex"
)

// Rows mark each expected time inline as [text|TYPE|value]; anything not
// marked must not be found. Dates are the article dates.
var cases = []struct {
	date, lang, text string
}{
	// absolute dates
	{"2019-03-01", "da", "Mødet blev holdt [17. februar 2019|DATE|2019-02-17] i Aarhus."},
	{"2019-03-01", "da", "Aftalen er dateret [17/2-2019|DATE|2019-02-17] og [17.02.2019|DATE|2019-02-17]."},
	{"2019-03-01", "da", "Filen hed rapport-[2019-02-17|DATE|2019-02-17].pdf"},
	{"2019-03-01", "da", "Han døde [den 3. marts|DATE|2019-03-03], oplyser familien."},
	{"2019-03-01", "da", "Valget finder sted [tirsdag den 5. marts|DATE|2019-03-05]."},
	{"2019-03-01", "da", "Huset blev solgt i [oktober 2014|DATE|2014-10]."},
	{"2019-03-01", "da", "Prisen var 1.250 kroner, mens 2,5 procent af 1/2 liter ikke tæller."},
	{"2019-03-01", "en", "The deal was signed on [February 17, 2019|DATE|2019-02-17] in Paris."},
	{"2019-03-01", "en", "Shares fell on [17 Feb|DATE|2019-02-17] and rose on [Feb. 20|DATE|2019-02-20]."},
	{"2007-09-01", "en", "He was arrested on [7/8/07|DATE|2007-07-08]."},
	{"2019-03-01", "en", "Theresa May said she will resign in [May|DATE|2019-05]."},
	// future readings of yearless months and halves: "expect(s) … to",
	// "would" after a reporting verb, "until (at least)", "by the end of"
	{"2021-04-20", "en", "\"We expect the shortage to last well into [the second half|DATE|2021-H2],\" the chief executive said."},
	{"2021-09-20", "en", "The airline expects demand to recover in [the first half|DATE|2022-H1]."},
	{"2021-09-20", "en", "Demand recovered in [the first half|DATE|2021-H1]."},
	{"2021-04-20", "en", "Traders said copper prices would stay above 9,000 dollars a tonne until at least [July|DATE|2021-07]."},
	{"2021-04-20", "en", "The mayor said in [February|DATE|2021-02] that the bridge would reopen."},
	{"2021-04-20", "en", "The port stays closed until [August|DATE|2021-08]."},
	{"2021-04-20", "en", "The port stayed closed until [February|DATE|2021-02]."},
	{"2021-04-20", "en", "The repairs must be finished by [the end of July|DATE|2021-07]."},
	{"2021-04-20", "da", "Vi forventer, at manglen varer langt ind i [andet halvår|DATE|2021-H2], siger direktøren."},
	{"2021-04-20", "da", "Mæglerne sagde, at priserne ville holde sig høje indtil mindst [juli|DATE|2021-07]."},
	{"2021-04-20", "da", "Havnen holder lukket frem til [august|DATE|2021-08]."},
	{"2021-04-20", "da", "Broen skal være klar inden [udgangen af juli|DATE|2021-07]."},
	{"2021-04-20", "da", "Havnen var lukket indtil [februar|DATE|2021-02]."},
	// months, years, decades, centuries
	{"2019-02-20", "da", "Loven blev vedtaget i [december|DATE|2018-12]. Den træder i kraft i [2020|DATE|2020]."},
	{"2019-02-20", "da", "Musikken fra [1990'erne|DATE|199] og [halvfemserne|DATE|199] lever."},
	{"2019-02-20", "da", "Kirken er fra [1800-tallet|DATE|18], ombygget i [det 20. århundrede|DATE|19]."},
	{"2019-02-20", "en", "Prices rose in the [1990s|DATE|199] and again in [2008|DATE|2008]."},
	{"2019-02-20", "en", "The church dates from [the 19th century|DATE|18]."},
	// seasons
	{"2019-02-20", "da", "Han har været syg fra [i sommer|DATE|2018-SU]."},
	{"2019-02-20", "da", "Søen frøs til [sidste vinter|DATE|2018-WI], men ikke [i vinter|DATE|2019-WI]."},
	{"2019-02-20", "en", "The bridge opens [this spring|DATE|2019-SP], not [next summer|DATE|2019-SU]."},
	{"2019-02-20", "da", "Byggeriet begyndte i [sommeren 2017|DATE|2017-SU]. Det skal slutte [i foråret|DATE|2019-SP]."},
	// weeks and quarters
	{"2019-02-20", "da", "Strejken er varslet til [uge 7|DATE|2019-W07]."},
	{"2019-02-20", "da", "Overskuddet steg i [3. kvartal|DATE|2018-Q3] og i [fjerde kvartal 2018|DATE|2018-Q4]."},
	{"2019-02-20", "en", "Profit doubled in [Q3|DATE|2018-Q3] and in [the first quarter of 2018|DATE|2018-Q1]."},
	{"2019-02-20", "en", "Sales fell in [the third quarter of last year|DATE|2018-Q3]."},
	// relative
	{"2019-02-20", "da", "[I dag|DATE|2019-02-20] er der møde, [i går|DATE|2019-02-19] var der ikke, og [i forgårs|DATE|2019-02-18] heller ikke."},
	{"2019-02-20", "da", "[I morgen|DATE|2019-02-21] kommer rapporten."},
	{"2019-02-20", "da", "Væksten var lav [sidste år|DATE|2018] og bliver højere [næste år|DATE|2020]."},
	{"2019-02-20", "da", "Tallet kommer [næste måned|DATE|2019-03], ikke [denne måned|DATE|2019-02]."},
	{"2019-02-20", "da", "[Tidligere denne måned|DATE|2019-02] rejste han."},
	{"2019-02-20", "da", "Ordningen blev indført [for to uger siden|DATE|2019-02-06] og udløber [om tre dage|DATE|2019-02-23]."},
	{"2019-02-20", "da", "Han flyttede [for tre år siden|DATE|2016]."},
	{"2019-02-20", "en", "[Yesterday|DATE|2019-02-19] the index fell; [last year|DATE|2018] it rose."},
	{"2019-02-20", "en", "The firm was founded [two weeks ago|DATE|2019-02-06]."},
	{"2019-02-20", "en", "He resigned [last month|DATE|2019-01] and left [this week|DATE|2019-W08]."},
	{"2019-02-20", "en", "Sales rose [earlier this month|DATE|2019-02]."},
	{"2019-02-20", "da", "Fristen er [første tirsdag i oktober 2019|DATE|2019-10-01], og valget var [sidste søndag i marts|DATE|2018-03-25]."},
	{"2019-02-20", "en", "The fair opens on [the last week of March 2019|DATE|2019-W13]."},
	{"2019-02-20", "da", "Mødet er flyttet til [den 27.|DATE|2019-02-27]"},
	{"2019-02-20", "da", "Det var planlagt [næste fredag igen|DATE|2019-03-01]. For det andet kom Den 3. Verdens ledere."},
	{"2019-02-20", "da", "Kampen endte 18-12, og i B1903 spillede de [for 10.000 år siden|DATE|PAST_REF]."},
	{"2019-02-20", "da", "Han kom tilbage [seks uger senere|DURATION|P6W] og bliver i [de kommende år|DURATION|PXY]."},
	{"2019-02-20", "en", "The meteor hit [10,000 years ago|DATE|PAST_REF] and he returned [three days later|DURATION|P3D]."},
	{"2019-02-20", "da", "Åbent [tors.|DATE|2019-02-14] og [lør|DATE|2019-02-16], men Hans søn kom."},
	// weekdays (2019-02-20 is a Wednesday)
	{"2019-02-20", "da", "Politiet anholdt manden [tirsdag|DATE|2019-02-19]."},
	{"2019-02-20", "da", "Han blev anholdt [i mandags|DATE|2019-02-18]."},
	{"2019-02-20", "da", "Ministeren vil fremlægge planen [fredag|DATE|2019-02-22]."},
	{"2019-02-20", "da", "Planen fremlægges på [fredag|DATE|2019-02-22]."},
	{"2019-02-20", "da", "Mødet var [onsdag|DATE|2019-02-20] og fortsætter [næste onsdag|DATE|2019-02-27]."},
	{"2019-02-20", "en", "The minister spoke on [Monday|DATE|2019-02-18] and [last Thursday|DATE|2019-02-14]."},
	{"2019-02-20", "en", "The vote will take place on [Friday|DATE|2019-02-22]."},
	{"2019-02-20", "en", "[Monday|DATE|2019-02-18]'s memo kept markets closed until [Friday|DATE|2019-02-22]."},
	{"2019-02-20", "en", "Markets closed until [Friday|DATE|2019-02-22]\n[February 20, 2019|DATE|2019-02-20]\nMarkets fell."},
	{"2019-02-20", "da", "Børsen er lukket indtil [mandag|DATE|2019-02-25]."},
	// clock times and parts of day
	{"2019-02-20", "da", "Mødet begynder [kl. 14.30|TIME|2019-02-20T14:30]."},
	{"2019-02-20", "da", "Toget kørte [klokken halv tre|TIME|2019-02-20T02:30]."},
	{"2019-02-20", "da", "Branden startede [i går kl. 15|TIME|2019-02-19T15:00]."},
	{"2019-02-20", "en", "The plane landed at [2:30 pm|TIME|2019-02-20T14:30] local time."},
	{"2019-02-20", "en", "Launch was at [16:15 UTC|TIME|2019-02-20T16:15Z]."},
	{"2019-02-20", "da", "Der var uro [i aftes|TIME|2019-02-19TEV] og [i nat|TIME|2019-02-20TNI]."},
	{"2019-02-20", "da", "Han ankom [mandag aften|TIME|2019-02-18TEV]."},
	{"2019-02-20", "en", "Police said [this morning|TIME|2019-02-20TMO] that [Friday night|TIME|2019-02-15TNI] was calm."},
	// durations
	{"2019-02-20", "da", "Han sad fængslet i [seks måneder|DURATION|P6M]."},
	{"2019-02-20", "da", "Priserne er steget i løbet af [de sidste seks måneder|DURATION|P6M]."},
	{"2019-02-20", "da", "Konflikten har varet i [over et årti|DURATION|P10Y]."},
	{"2019-02-20", "da", "Forhandlingerne tog [to og en halv time|DURATION|PT2.5H]."},
	{"2019-02-20", "en", "The strike lasted for [48 hours|DURATION|PT48H] after a [12-year|DURATION|P12Y] wait."},
	{"2019-02-20", "en", "Prices rose over [the past two years|DURATION|P2Y] and [twenty-one days|DURATION|P21D]."},
	{"2019-02-20", "da", "Hun har boet her i [femogtyve år|DURATION|P25Y] og [flere måneder|DURATION|PXM], [for tre år siden|DATE|2016] flyttede hun."},
	{"2019-02-20", "da", "Byggeriet går i gang [primo 2020|DATE|2020] og slutter i [slutningen af sidste år|DATE|2018]? Nej, i [midten af 1990'erne|DATE|199]."},
	{"2019-02-20", "en", "Sales rose in [early June|DATE|2018-06] and [the end of this year|DATE|2019] looks weak."},
	{"2019-02-20", "da", "Direktivet blev vedtaget i [juli i år|DATE|2019-07] efter et møde i [maj sidste år|DATE|2018-05]. [Næste dag|DATE|XXXX-XX-XX] kom svaret."},
	{"2019-02-20", "en", "Sales fell in [March of last year|DATE|2018-03]."},
	// sets
	{"2019-02-20", "da", "Bussen kører [hver dag|SET|P1D] og færgen [ugentligt|SET|P1W]."},
	{"2019-02-20", "da", "Markedet holdes [hver mandag|SET|XXXX-WXX-1] og [hvert andet år|SET|P2Y]."},
	{"2019-02-20", "en", "The report is published [every year|SET|P1Y] and prices rise 2% [a year|SET|P1Y]."},
	// un-anchorable
	{"2019-02-20", "da", "Han har [tidligere|DATE|PAST_REF] været minister, og den tidligere minister kommer [snart|DATE|FUTURE_REF]."},
	{"2019-02-20", "da", "Det er [nu|DATE|PRESENT_REF] klart, som de [for nylig|DATE|PAST_REF] sagde."},
	{"2019-02-20", "en", "The company [recently|DATE|PAST_REF] said it will [soon|DATE|FUTURE_REF] decide."},
	{"2020-11-05", "da", "Aftalen blev indgået [tirsdag|DATE|2020-11-03]."}, // the kilde/1 spec example
	{"2019-02", "en", "We are pulling back after 100% Caliphate victory! — Donald J. Trump (@realDonaldTrump) [17. februar 2019|DATE|2019-02-17]"},
	// article date precision
	{"2019-02", "en", "[Yesterday|DATE|XXXX-XX-XX] and [today|DATE|2019-02], [last month|DATE|2019-01], [Friday|DATE|XXXX-WXX-5], [two weeks ago|DATE|XXXX-XX-XX], [last summer|DATE|2018-SU]."},
	{"2019-02", "da", "[I går|DATE|XXXX-XX-XX] og [i dag|DATE|2019-02] og [sidste måned|DATE|2019-01] og [tirsdag|DATE|XXXX-WXX-2]."},
	{"2019", "da", "[I går|DATE|XXXX-XX-XX], [sidste år|DATE|2018], [næste måned|DATE|XXXX-XX] og [i sommer|DATE|2019-SU]."},
	{"", "en", "[Yesterday|DATE|XXXX-XX-XX] and [March 3|DATE|XXXX-03-03] and [2015|DATE|2015]."},
	{"2019-02-20T09:30:00Z", "da", "[I går|DATE|2019-02-19] [for to timer siden|DATE|2019-02-20T07:30]."},
	// future readings (2024-03-12 is a Tuesday): lean words, wider cue window, past markers
	{"2024-03-12", "da", "Byggeriet kan gå i gang allerede i [juni|DATE|2024-06], oplyser kommunen."},
	{"2024-03-12", "da", "Byggeriet gik i gang allerede i [juni|DATE|2023-06]."},
	{"2024-03-12", "da", "Strejken kan ramme skolerne allerede [fredag|DATE|2024-03-15], mener forbundet."},
	{"2024-03-12", "da", "Strejken ramte skolerne allerede [fredag|DATE|2024-03-08]."},
	{"2024-03-12", "da", "Banen åbner igen i løbet af [onsdag|DATE|2024-03-13], siger DSB."},
	{"2024-03-12", "da", "I løbet af [mandag|DATE|2024-03-11] blev 40 personer anholdt."},
	{"2024-03-12", "da", "Kommunen sender et svar senest [fredag|DATE|2024-03-15]."},
	{"2024-03-12", "da", "Økonomerne venter en ny rentestigning i [oktober|DATE|2024-10]."},
	{"2024-03-12", "da", "Planen fremlægges i løbet af [efteråret|DATE|2024-FA], og [sommeren|DATE|2023-SU] var travl."},
	{"2024-03-12", "da", "Vi gør alt for at få togene ud at køre igen inden [torsdag|DATE|2024-03-14]."},
	{"2024-03-12", "da", "»We will beat them in [November|DATE|2024-11]«, skrev han."},
	{"2024-03-12", "en", "The suspect is due to appear at the magistrates' court in Leeds on [Thursday|DATE|2024-03-14]."},
	{"2024-03-12", "en", "The vote is scheduled to take place at the old town hall in [October|DATE|2024-10]."},
	{"2024-03-12", "en", "Markets [now|DATE|PRESENT_REF] price a 70% chance of a rate cut in [June|DATE|2024-06]."},
	{"2024-03-12", "en", "The minister, who will retire, visited the plant in [October|DATE|2023-10]."},
	{"2024-03-12", "en", "They are going to win big in New Hampshire and beat Crooked Joe in [November|DATE|2024-11]."},
	{"2024-03-12", "en", "The contract will be finalized by [June 10|DATE|2024-06-10]; the so-called deal was signed in [January|DATE|2024-01]."},
	// phrases: night to, late/early, anaphoric years, ages, genitives, turn and rest of the year
	{"2024-03-12", "da", "Branden brød ud [natten til søndag|TIME|2024-03-10TNI]. [Natten til i dag|TIME|2024-03-12TNI] var rolig."},
	{"2024-03-12", "da", "Politiet rykkede ud [sent i aftes|TIME|2024-03-11TEV], og han vågnede [tidligt i morges|TIME|2024-03-12TMO]."},
	{"2024-03-12", "da", "Omsætningen var fire mia. kr. i [2020|DATE|2020]. [Fem år tidligere|DATE|2015] var den halvt så stor."},
	{"2024-03-12", "da", "Han blev valgt i [2010|DATE|2010] og genvalgt [fire år senere|DATE|2014]."},
	{"2024-03-12", "en", "The plant opened in [1998|DATE|1998]; [two decades later|DATE|2018] it closed."},
	{"2024-03-12", "da", "Den [52-årige|DURATION|P52Y] tidligere minister og en [45-årig|DURATION|P45Y] mand er sigtet."},
	{"2024-03-12", "en", "The [34-year-old|DURATION|P34Y] was charged on [Monday|DATE|2024-03-11]."},
	{"2024-03-12", "da", "Han fik [fire års|DURATION|P4Y] fængsel og [tre måneders|DURATION|P3M] betinget."},
	{"2024-03-12", "da", "I [2022|DATE|2022] solgte firmaet 300 biler mod 250 [året før|DATE|2021]. Året før valget er ikke en tid."},
	{"2024-03-12", "en", "Sales rose in [2019|DATE|2019] after falling [the previous year|DATE|2018]."},
	{"2024-03-12", "da", "Prisen er steget siden [årsskiftet|DATE|2024-01-01]. Loven skal træde i kraft ved [årsskiftet|DATE|2025-01-01]."},
	{"2024-03-12", "da", "Renten falder [resten af året|DATE|2024], og [Tidligere på året|DATE|2024] steg den. Ved [slutningen af året|DATE|2024] er den lav."},
	{"2024-03-12", "en", "Rates will fall for [the rest of the year|DATE|2024] and by [the end of the year|DATE|2024] they are low."},
	{"2024-03-12", "da", "Det sker [sidst på året|DATE|2024], og han kom [først i januar|DATE|2024-01], men det var [midt i juni|DATE|2023-06]. Først i køen. Han fik først i [1982|DATE|1982] succes."},
	{"2024-03-12", "da", "Vi flytter [til sommer|DATE|2024-SU], men om sommer og vinter er der lukket."},
	// durations: compounds, ranges, "under", "the past year"
	{"2024-03-12", "en", "He finished [2 hours and 5 minutes|DURATION|PT2H5M] behind after [the three weeks|DURATION|P3W] of racing."},
	{"2024-03-12", "da", "Byggeriet tog [to år og seks måneder|DURATION|P2Y6M] og [6 minutter og 17 sekunder|DURATION|PT6M17S]."},
	{"2024-03-12", "en", "Crime fell over [the past year|DURATION|P1Y] and will rise over [the next decade|DURATION|P10Y]."},
	{"2024-03-12", "da", "Ventetiden er [mellem 10 og 14 måneder|DURATION|P14M] eller [10-14 dage|DURATION|P14D] eller [3 til 5 år|DURATION|P5Y]."},
	{"2024-03-12", "en", "The wait is [between 3 and 5 years|DURATION|P5Y] or [10 to 12 weeks|DURATION|P12W], between [2019|DATE|2019] and [2021|DATE|2021]."},
	{"2024-03-12", "da", "Det er det tredje røveri på [under et år|DURATION|P1Y], og klubben har [nu|DATE|PRESENT_REF] 58 point."},
	{"2024-03-12", "en", "It was hot in [the summer of 2022|DATE|2022-SU]."},
	{"2024-03-12", "en", "Knife crime rose 7% in [the year to March|DURATION|P1Y]; he earns $5 million [a season|SET|P1Y] and a season is long."},
	{"2024-03-12", "da", "Regeringen vil sænke skatten, siger ministeren [fredag|DATE|2024-03-08]."},
	{"2024-03-12", "da", "Regeringen fremlægger [torsdag|DATE|2024-03-14] sit udspil, og FCK spiller mod Brøndby [søndag|DATE|2024-03-17]."},
	// weekend in an article of Monday 2024-03-11 (ISO week 11): the one just past unless a future cue
	{"2024-03-11", "da", "Tre personer blev anholdt [i weekenden|DATE|2024-W10-WE]."},
	{"2024-03-11", "da", "DMI venter kulde [i weekenden|DATE|2024-W11-WE]."},
	{"2024-03-12", "da", "Butikkerne har travlt [i weekenden|DATE|2024-W11-WE]."},
	{"2024-03-11", "da", "Det skal være koldt [i weekenden|DATE|2024-W11-WE]."},
	{"2024-03-13", "da", "Det bliver koldt [i weekenden|DATE|2024-W11-WE]."},
	// a weekday first in a Danish sentence, before a future cue or scheduled-event verb (V2)
	{"2024-03-12", "da", "[Torsdag|DATE|2024-03-14] forventes dommen i sagen."},
	{"2024-03-12", "da", "[Fredag|DATE|2024-03-15] fremlægger regeringen sit udspil."},
	{"2024-03-12", "da", "[Fredag|DATE|2024-03-08] fremlagde regeringen sit udspil."},
	{"2024-03-12", "da", "Dommen forventes [torsdag|DATE|2024-03-14]."},
	{"2024-03-12", "da", "[Torsdag|DATE|2024-03-07] sagde ministeren, at dommen forventes i [næste uge|DATE|2024-W12]."},
	{"2024-03-12", "da", "Han sagde [torsdag|DATE|2024-03-07] vil han ikke."},
	{"2024-03-12", "da", "Regeringen fremlagde [torsdag|DATE|2024-03-07] sit udspil."},
	{"2024-03-12", "da", "Ministeren vil mødes med borgmestrene, som holdt møde i [januar|DATE|2024-01]. Mødet vil blive holdt i [maj|DATE|2024-05]."},
	{"2024-03-12", "en", "The summit will be held in Oslo in [May|DATE|2024-05]; the last one will take place where the leaders met in [June|DATE|2023-06]."},
	{"2024-03-12", "en", "The bill is set to pass in [May|DATE|2024-05], while a record set in [February|DATE|2024-02] stands."},
	{"2024-03-12", "en", "The group made a change in its advertising plans after the weak debate performance on [Saturday|DATE|2024-03-09]."},
	{"2024-03-12", "da", "Til [efteråret|DATE|2024-FA] åbner skolen, og museet står klar til [november|DATE|2024-11]. Til [efteråret|DATE|2023-FA] flyttede han."},
	// not times
	{"2019-02-20", "da", "Han fik 3-1 i kampen og scorede 2.000 point, jul og man."},
	{"2019-02-20", "en", "Call 555-1234, version 1.2.3, and they may march on."},
}

// parse strips the marks and returns the text and the expected times.
func parse(t *testing.T, marked string) (string, []string) {
	var b strings.Builder
	var want []string
	for {
		i := strings.IndexByte(marked, '[')
		if i < 0 {
			b.WriteString(marked)
			break
		}
		j := strings.IndexByte(marked[i:], ']')
		if j < 0 {
			t.Fatalf("unclosed mark in %q", marked)
		}
		b.WriteString(marked[:i])
		f := strings.Split(marked[i+1:i+j], "|")
		if len(f) != 3 {
			t.Fatalf("bad mark %q", marked[i:i+j+1])
		}
		want = append(want, fmt.Sprintf("%d:%q %s %s", b.Len(), f[0], f[1], f[2]))
		b.WriteString(f[0])
		marked = marked[i+j+1:]
	}
	return b.String(), want
}

func TestTimes(t *testing.T) {
	a, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		text, want := parse(t, c.text)
		d := kilde.NewDoc(kilde.Article{Date: c.date, Lang: c.lang, Text: text})
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, x := range d.Times {
			got = append(got, fmt.Sprintf("%d:%q %s %s", x.Start, d.SpanText(x.Span), x.Type, x.Value))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s %s %q\n got: %v\nwant: %v", c.date, c.lang, text, got, want)
		}
	}
}

func FuzzTimes(f *testing.F) {
	a, err := timex.New()
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range cases {
		text, _ := parse(&testing.T{}, c.text)
		f.Add(c.date, c.lang, text)
	}
	f.Fuzz(func(t *testing.T, date, lang, text string) {
		if !utf8.ValidString(text) {
			t.Skip("readers repair UTF-8 before annotation")
		}
		d := kilde.NewDoc(kilde.Article{Date: date, Lang: lang, Text: text})
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		prev := 0
		for _, x := range d.Times {
			if x.Start < prev || x.End <= x.Start || x.End > len(text) {
				t.Fatalf("bad span %v in %q", x.Span, text)
			}
			if !utf8.RuneStart(text[x.Start]) || x.End < len(text) && !utf8.RuneStart(text[x.End]) {
				t.Fatalf("span %v not on rune boundaries in %q", x.Span, text)
			}
			if !timex.ValidValue(x.Type, x.Value) {
				t.Fatalf("invalid value %s %q for %q", x.Type, x.Value, d.SpanText(x.Span))
			}
			prev = x.End
		}
	})
}

// BenchmarkTimes annotates all the table sentences as one article, a text
// far denser in times than news.
func BenchmarkTimes(b *testing.B) {
	a, err := timex.New()
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, c := range cases {
		text, _ := parse(&testing.T{}, c.text)
		sb.WriteString(text)
		sb.WriteString("\n\n")
	}
	text := strings.Repeat(sb.String(), 10)
	words := len(strings.Fields(text))
	d := kilde.NewDoc(kilde.Article{Date: "2019-02-20", Lang: "da", Text: text})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Times = a.Find(d, d.Times[:0])
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
