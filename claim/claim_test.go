package claim_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/claim"
)

// want describes one expected claim. text, when set, is the claim's span
// text; via is joined with " | ".
type want struct {
	hedge, source, via, cue, text string
}

type row struct {
	lang, text string
	want       []want
}

// sentences splits text at ". " / "? " / "! " so that each row may hold a
// few sentences without needing the sentence package.
func sentences(text string) []kilde.Span {
	var out []kilde.Span
	st := 0
	for i := 0; i+1 < len(text); i++ {
		if (text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i+1] == ' ' && !shortAbbrev(text[st:i]) {
			out = append(out, kilde.Span{Start: st, End: i + 1})
			st = i + 2
		}
	}
	if st < len(text) {
		out = append(out, kilde.Span{Start: st, End: len(text)})
	}
	return out
}

// shortAbbrev reports whether s ends in a short capitalized word ("Rep", "Dr").
func shortAbbrev(s string) bool {
	i := strings.LastIndexByte(s, ' ') + 1
	w := s[i:]
	return len(w) > 0 && len(w) <= 3 && w[0] >= 'A' && w[0] <= 'Z'
}

var rows = []row{
	// Danish: hedges without a source
	{"da", "Tyvene er angiveligt flygtet over grænsen.", []want{{hedge: "alleged", cue: "angiveligt", text: "Tyvene er angiveligt flygtet over grænsen"}}},
	{"da", "Holdet skulle efter sigende have fundet en ny træner.", []want{{hedge: "reported", cue: "skulle efter sigende have fundet"}}},
	{"da", "Præsten skulle have skjult pengene i kirken.", []want{{hedge: "reported", cue: "skulle have skjult"}}},
	{"da", "Vi skal have flere til at cykle.", nil}, // "skal have" + object: no hearsay
	{"da", "Tre er døde. Det oplyste politiet onsdag.", []want{{hedge: "asserted", source: "politiet", cue: "oplyste", text: "Tre er døde"}}},
	{"da", "Ifølge avisen stiger skatten. Det afviser ministeren.", []want{{hedge: "denied", source: "ministeren", cue: "afviser", text: "Ifølge avisen stiger skatten"}, {hedge: "asserted", source: "avisen", cue: "Ifølge", text: "stiger skatten"}}},
	{"da", "Skatten stiger. Det afviser ministeren dog.", []want{{hedge: "denied", source: "ministeren", cue: "afviser", text: "Skatten stiger"}}},
	{"da", "Ordføreren har over for Ritzau oplyst, at partiet stemmer nej.", []want{{hedge: "asserted", source: "Ordføreren", cue: "oplyst"}}},
	{"da", "Som en forsker udtrykker det: Ingen ved det.", []want{{hedge: "asserted", source: "en forsker", cue: "udtrykker det", text: "Ingen ved det"}}},
	{"da", "Man formoder, at skibet sank i stormen.", []want{{hedge: "assumed", cue: "formoder", text: "skibet sank i stormen"}}},
	{"da", "Indbrudstyven er formentlig en lokal mand.", []want{{hedge: "assumed", cue: "formentlig"}}},
	{"da", "Han kan have mistet op til 5 millioner kroner.", []want{{hedge: "possible", cue: "kan have"}}},
	{"da", "Koncerten bliver måske flyttet.", []want{{hedge: "possible", cue: "måske"}}},
	{"da", "Det forventes, at færgen sejler igen i morgen.", []want{{hedge: "predicted", cue: "Det forventes"}}},
	{"da", "Solen skinnede hele dagen.", nil},
	{"da", "Hun kan godt lide at svømme.", nil},

	// Danish: attribution, both word orders, generic subject
	{"da", "Cyklistforbundet mener, at cykelstien er for smal.", []want{{hedge: "opinion", source: "Cyklistforbundet", cue: "mener", text: "cykelstien er for smal"}}},
	{"da", "Men i dag mener kritikere, at loven er for vag.", []want{{hedge: "opinion", source: "kritikere", cue: "mener"}}},
	{"da", "Broen er lukket, siger politiet.", []want{{hedge: "asserted", source: "politiet", cue: "siger", text: "Broen er lukket"}}},
	{"da", "Ifølge Vejdirektoratet er motorvejen åben igen.", []want{{hedge: "asserted", source: "Vejdirektoratet", cue: "Ifølge", text: "er motorvejen åben igen"}}},
	{"da", "Tre personer er såret, oplyser Nordsjællands Politi.", []want{{hedge: "asserted", source: "Nordsjællands Politi", cue: "oplyser"}}},
	{"da", "Finansministeriet vurderer, at væksten bliver 2 procent.", []want{{hedge: "estimated", source: "Finansministeriet", cue: "vurderer"}}},
	{"da", "Sidste år skønnede økonomer, at boligpriserne ville falde.", []want{{hedge: "estimated", source: "økonomer", cue: "skønnede"}}},
	{"da", "Virksomheden afviser, at produktet er farligt.", []want{{hedge: "denied", source: "Virksomheden", cue: "afviser"}}},
	{"da", "Ministeren afviser ikke, at afgiften kan stige.", []want{{hedge: "possible", source: "Ministeren", cue: "afviser"}}},
	{"da", "Banken forventer, at renten stiger.", []want{{hedge: "predicted", source: "Banken", cue: "forventer"}}},
	{"da", "Man siger, at huset er hjemsøgt.", []want{{hedge: "reported", cue: "siger"}}},
	{"da", "Han har indrømmet alt, fortæller en kilde.", []want{{hedge: "asserted", source: "en kilde", cue: "fortæller"}}},

	{"da", "Virksomheden afviser at kommentere sagen.", nil},
	{"da", "Rederiet, det svenske selskab Nordlinjen, afviser, at skibet var overlastet.", []want{{hedge: "denied", source: "Nordlinjen", cue: "afviser"}}},
	{"da", "Renten stiger. Det vurderer Nationalbanken i en ny prognose.", []want{{hedge: "estimated", source: "Nationalbanken", cue: "vurderer", text: "Renten stiger"}}},

	{"da", "Ifølge politiets oplysninger flygtede manden til fods.", []want{{hedge: "asserted", source: "politiets oplysninger", cue: "Ifølge", text: "flygtede manden til fods"}}},
	{"da", "Efter hvad Berlingske erfarer, har ministeren trukket sig.", []want{{hedge: "asserted", source: "Berlingske", cue: "erfarer", text: "har ministeren trukket sig"}}},
	{"da", "Renten stiger formentlig. Sådan lyder vurderingen fra Nationalbanken.", []want{{hedge: "estimated", source: "Nationalbanken", cue: "lyder vurderingen fra", text: "Renten stiger formentlig"}}},
	{"da", "Der er tale om en fejl, lyder det fra ministeriet.", []want{{hedge: "asserted", source: "ministeriet", cue: "lyder det fra", text: "Der er tale om en fejl"}}},
	{"da", "Kommunen har ifølge naboerne ikke gjort nok.", []want{{hedge: "asserted", source: "naboerne", cue: "ifølge", text: "Kommunen har ifølge naboerne ikke gjort nok"}}},

	{"da", "Busserne kører igen, siger trafikdirektøren. Vi er glade, tilføjer han.", []want{{hedge: "asserted", source: "trafikdirektøren", cue: "siger"}, {hedge: "asserted", source: "trafikdirektøren", cue: "tilføjer"}}},

	// Danish: chains
	{"da", "Tropperne er trukket tilbage, skriver BBC, der har været i kontakt med en britisk diplomat.", []want{{hedge: "asserted", source: "BBC", via: "en britisk diplomat", cue: "skriver", text: "Tropperne er trukket tilbage"}}},
	{"da", "Aftalen er faldet på plads, skriver Politiken, som citerer Ritzau.", []want{{hedge: "asserted", source: "Politiken", via: "Ritzau", cue: "skriver"}}},
	{"da", "Ifølge Reuters, der henviser til en unavngiven kilde, er forhandlingerne brudt sammen.", []want{{hedge: "asserted", source: "Reuters", via: "en unavngiven kilde", cue: "Ifølge"}}},
	{"da", "Det viser en rapport fra Miljøstyrelsen.", []want{{hedge: "asserted", source: "en rapport", via: "Miljøstyrelsen", cue: "viser"}}},
	{"da", "En analyse fra Dansk Industri, som estimerer, at eksporten falder, vækker opsigt.", []want{{hedge: "estimated", source: "En analyse", via: "Dansk Industri", cue: "estimerer"}}},
	{"da", "Kraftværket kan have sluppet giftige stoffer ud, skriver DR, der har talt med en ansat, som citerer en ingeniør.", []want{{hedge: "possible", source: "DR", via: "en ansat | en ingeniør", cue: "skriver"}}},

	// Danish: "Det oplyser politiet." attributes the sentence before
	{"da", "Tre mænd er anholdt. Det oplyser Fyns Politi.", []want{{hedge: "asserted", source: "Fyns Politi", cue: "oplyser", text: "Tre mænd er anholdt"}}},
	{"da", "Prisen stiger formentlig igen. Det vurderer Nationalbanken.", []want{{hedge: "estimated", source: "Nationalbanken", cue: "vurderer", text: "Prisen stiger formentlig igen"}}},
	{"da", "Skolen lukker måske. Det skriver Fyens Stiftstidende.", []want{{hedge: "possible", source: "Fyens Stiftstidende", cue: "skriver", text: "Skolen lukker måske"}}},

	// Danish: precedence — the reporting verb's class wins over an adverb inside
	{"da", "Eksperter mener, at klimaet måske er ved at ændre sig.", []want{{hedge: "opinion", source: "Eksperter", cue: "mener"}}},
	// a plain cue gives way to the strongest adverb: alleged over reported
	{"da", "Ifølge avisen skulle ministeren angiveligt have løjet.", []want{{hedge: "alleged", source: "avisen", cue: "Ifølge"}}},

	// English: hedges
	{"en", "The suspect allegedly fled to Mexico.", []want{{hedge: "alleged", cue: "allegedly"}}},
	{"en", "The band is reportedly splitting up.", []want{{hedge: "reported", cue: "reportedly"}}},
	{"en", "The ship presumably sank in the storm.", []want{{hedge: "assumed", cue: "presumably"}}},
	{"en", "The factory may close next year.", []want{{hedge: "possible", cue: "may"}}},
	{"en", "The bridge will reopen in March.", []want{{hedge: "predicted", cue: "will"}}},
	{"en", "The strike could not be avoided.", nil},
	{"en", "The festival starts on May 5.", nil},
	{"en", "Will Smith arrived in London.", nil},
	{"en", "The river flooded the town.", nil},

	// English: attribution
	{"en", "The mayor said the budget was balanced.", []want{{hedge: "asserted", source: "The mayor", cue: "said", text: "the budget was balanced"}}},
	{"en", "\"We are not leaving,\" said Maria Lopez.", []want{{hedge: "asserted", source: "Maria Lopez", cue: "said", text: "We are not leaving"}}},
	{"en", "The plant will close, a company spokesman said.", []want{{hedge: "predicted", source: "a company spokesman", cue: "said"}}},
	{"en", "According to the ministry, prices rose by 3 percent.", []want{{hedge: "asserted", source: "the ministry", cue: "According to", text: "prices rose by 3 percent"}}},
	{"en", "Analysts expect that the bank will cut rates.", []want{{hedge: "predicted", source: "Analysts", cue: "expect"}}},
	{"en", "The senator believes that the law is unfair.", []want{{hedge: "opinion", source: "The senator", cue: "believes"}}},
	{"en", "The company denies that it broke the law.", []want{{hedge: "denied", source: "The company", cue: "denies"}}},
	{"en", "The company did not deny that it broke the law.", []want{{hedge: "possible", source: "The company", cue: "deny"}}},
	{"en", "Researchers estimated that 4,000 birds died.", []want{{hedge: "estimated", source: "Researchers", cue: "estimated"}}},
	// verbs of knowing, noticing and agreeing need "that" (or a colon)
	{"en", "Aid groups note that the roads are closed.", []want{{hedge: "asserted", source: "Aid groups", cue: "note", text: "the roads are closed"}}},
	{"en", "The coach recognized that the team was tired.", []want{{hedge: "asserted", source: "The coach", cue: "recognized"}}},
	{"en", "Both sides agreed that the border stays open.", []want{{hedge: "asserted", source: "Both sides", cue: "agreed"}}},
	{"en", "Farmers know that the river floods in spring.", []want{{hedge: "asserted", source: "Farmers", cue: "know"}}},
	{"en", "The sign reads: Closed after dark.", []want{{hedge: "asserted", source: "The sign", cue: "reads", text: "Closed after dark"}}},
	{"en", "She read the letter twice.", nil},
	// "likely" before a noun after a determiner or preposition is an adjective
	{"en", "The party courted the likely voters in the suburbs.", nil},
	{"en", "Turnout was high among likely voters.", nil},
	{"en", "The strike is likely to end soon.", []want{{hedge: "predicted", cue: "is likely to"}}},
	{"en", "The firm closed 40 shops, reasoning that demand had fallen.", []want{{hedge: "asserted", source: "The firm", cue: "reasoning", text: "demand had fallen"}}},
	{"en", "The mayor opened the bridge, predicting that traffic will ease.", []want{{hedge: "predicted", source: "The mayor", cue: "predicting"}}},
	{"en", "As reported by the Gazette, the mill will close.", []want{{hedge: "predicted", source: "the Gazette", cue: "As reported by", text: "the mill will close"}}},
	{"en", "The price is fair, the minister retorted.", []want{{hedge: "asserted", source: "the minister", cue: "retorted", text: "The price is fair"}}},
	{"en", "Rep. Anna Kline (D-Ohio) said that the bill would pass.", []want{{hedge: "asserted", source: "Rep. Anna Kline", cue: "said"}}},
	{"en", "Tom Reed, the city's fire chief, said the blaze was under control.", []want{{hedge: "asserted", source: "Tom Reed", cue: "said"}}},
	{"en", "The governor was called a liar by the opposition leader.", []want{{hedge: "asserted", source: "the opposition leader", cue: "called"}}},
	{"en", "The governor was called a liar.", nil},
	{"en", "Jones criticised the plan, saying that it will cost jobs.", []want{{hedge: "predicted", source: "Jones", cue: "saying"}}},

	{"en", "The family said the house was empty.", []want{{hedge: "asserted", source: "The family", cue: "said"}}}, // "family" is no -ly adverb
	{"en", "Lawyers for the driver said that he was innocent.", []want{{hedge: "asserted", source: "Lawyers for the driver", cue: "said"}}},
	{"en", "Ana Ruiz, a nurse at the clinic, said the staff wanted to leave.", []want{{hedge: "asserted", source: "Ana Ruiz", cue: "said", text: "the staff wanted to leave"}}},
	{"en", "Prices rose and the bank said that inflation would fall.", []want{{hedge: "asserted", source: "the bank", cue: "said"}}},
	{"en", "The mayor promised new parks and said that taxes would stay low.", []want{{hedge: "predicted", source: "The mayor", cue: "promised", text: "new parks"}, {hedge: "asserted", source: "The mayor", cue: "said", text: "taxes would stay low"}}},
	{"da", "Borgmesteren lover, at skatten ikke stiger.", []want{{hedge: "predicted", source: "Borgmesteren", cue: "lover"}}},

	{"en", "According to conservative radio host Jim Bell, the plan failed.", []want{{hedge: "asserted", source: "Jim Bell", cue: "According to"}}},
	{"en", "According to a new Gallup national poll, most voters are undecided.", []want{{hedge: "asserted", source: "a new Gallup national poll", cue: "According to"}}},

	{"en", "On Monday, the police said that the driver was drunk.", []want{{hedge: "asserted", source: "the police", cue: "said", text: "the driver was drunk"}}},
	{"en", "Police revealed Tuesday that the van was stolen.", []want{{hedge: "asserted", source: "Police", cue: "revealed", text: "the van was stolen"}}},
	{"en", "On Friday, Smith spoke to farmers, promising that prices will rise.", []want{{hedge: "predicted", source: "Smith", cue: "promising"}}},

	{"en", "The governor said in a statement that the roads were closed.", []want{{hedge: "asserted", source: "The governor", cue: "said", text: "the roads were closed"}}},
	{"da", "Ministeren skriver på Twitter, at loven trækkes tilbage.", []want{{hedge: "asserted", source: "Ministeren", cue: "skriver", text: "loven trækkes tilbage"}}},

	{"en", "\"The rules were ignored,\" said Tom Baker, a spokesman for the union.", []want{{hedge: "asserted", source: "Tom Baker", cue: "said", text: "The rules were ignored"}}},

	{"en", "\"We warned about this for years,\" said Ann Lee.", []want{{hedge: "predicted", source: "Ann Lee", cue: "said", text: "We warned about this for years"}}},
	{"da", "’Vi siger nej til forslaget’, skriver partiet.", []want{{hedge: "asserted", source: "partiet", cue: "skriver", text: "Vi siger nej til forslaget"}}},

	// English: chains
	{"en", "The talks have collapsed, CNN reported, citing a senior diplomat.", []want{{hedge: "asserted", source: "CNN", via: "a senior diplomat", cue: "reported"}}},
	{"en", "The ceasefire holds, CNN, citing an army officer, reported.", []want{{hedge: "asserted", source: "CNN", via: "an army officer", cue: "reported", text: "The ceasefire holds"}}},
	{"en", "The minister will resign, the BBC reports, quoting a senior aide.", []want{{hedge: "predicted", source: "the BBC", via: "a senior aide", cue: "reports", text: "The minister will resign"}}},
	{"en", "The deal is done, a US official told Reuters.", []want{{hedge: "asserted", source: "Reuters", via: "a US official", cue: "told"}}},
	{"en", "The deal is done, Senator Mark Hill told Reuters.", []want{{hedge: "asserted", source: "Senator Mark Hill", cue: "told"}}},
	{"en", "A report from the World Bank found that poverty fell.", []want{{hedge: "asserted", source: "A report", via: "the World Bank", cue: "found"}}},
	{"en", "According to Bloomberg, which cited two people familiar with the matter, the merger is off.", []want{{hedge: "asserted", source: "Bloomberg", via: "two people familiar with the matter", cue: "According to"}}},
	// a document put out by someone is that someone's
	{"en", "Acme Corp issued a statement saying the plant will close next year.", []want{{hedge: "predicted", source: "Acme Corp", cue: "saying"}}},
	{"en", "His office put out a statement Friday saying the mayor was ill.", []want{{hedge: "asserted", source: "His office", cue: "saying"}}},
	{"en", "A court document filed Thursday says that the charge was dropped.", []want{{hedge: "asserted", source: "A court document", cue: "says"}}},
	// the maker of a document after a participle: via
	{"en", "Rents rose by four percent, according to a report published on Tuesday by the housing ministry.", []want{{hedge: "asserted", source: "a report", via: "the housing ministry", cue: "according to"}}},
	{"da", "Ledigheden er steget, ifølge en opgørelse lavet af Danmarks Statistik.", []want{{hedge: "asserted", source: "en opgørelse", via: "Danmarks Statistik", cue: "ifølge"}}},
}

func TestAnnotate(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		d := kilde.NewDoc(kilde.Article{Lang: r.lang, Text: r.text})
		d.Sentences = sentences(r.text)
		if err := a.Annotate(d); err != nil {
			t.Fatalf("Annotate(%q): %v", r.text, err)
		}
		got := describe(d)
		if len(got) != len(r.want) {
			t.Errorf("Annotate(%q) = %+v, want %+v", r.text, got, r.want)
			continue
		}
		for i, w := range r.want {
			g := got[i]
			if w.text == "" {
				g.text = ""
			}
			if g != w {
				t.Errorf("Annotate(%q) claim %d = %+v, want %+v", r.text, i, g, w)
			}
		}
	}
}

func describe(d *kilde.Doc) []want {
	var out []want
	for _, c := range d.Claims {
		out = append(out, want{hedge: c.Hedge, source: c.Source, via: strings.Join(c.Via, " | "), cue: c.Cue, text: d.SpanText(c.Span)})
	}
	return out
}

// Entities give canonical names; pronouns are resolved to the last person.
func TestEntitiesAndPronouns(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Borgmester Lone Berg åbnede skolen. Den er for lille, siger hun."
	d := kilde.NewDoc(kilde.Article{Lang: "da", Text: text})
	d.Sentences = sentences(text)
	i := strings.Index(text, "Lone Berg")
	d.Entities = []kilde.Entity{{Span: kilde.Span{Start: i, End: i + len("Lone Berg")}, Label: "PER", Canonical: "Lone Berg"}}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Claims) != 1 || d.Claims[0].Source != "Lone Berg" || d.SpanText(d.Claims[0].Span) != "Den er for lille" {
		t.Errorf("Annotate(%q) = %+v, want one claim by Lone Berg", text, describe(d))
	}

	text = "The tax is unfair, said Governor Kim Ryan."
	d = kilde.NewDoc(kilde.Article{Lang: "en", Text: text})
	d.Sentences = sentences(text)
	i = strings.Index(text, "Kim Ryan")
	d.Entities = []kilde.Entity{{Span: kilde.Span{Start: i, End: i + len("Kim Ryan")}, Label: "PER", Canonical: "Kimberly Ryan"}}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Claims) != 1 || d.Claims[0].Source != "Kimberly Ryan" {
		t.Errorf("Annotate(%q) = %+v, want source Kimberly Ryan", text, describe(d))
	}
}

// A quote with a speaker is a claim; the sentence's own analysis adds its
// via chain and a stronger hedge instead of a second claim.
func TestQuotesBecomeClaims(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Flyet kan være styrtet ned, siger en kilde, der har talt med en pilot."
	d := kilde.NewDoc(kilde.Article{Lang: "da", Text: text})
	d.Sentences = sentences(text)
	end := strings.Index(text, ",")
	cue := strings.Index(text, "siger")
	d.Quotes = []kilde.Quote{{Span: kilde.Span{Start: 0, End: end}, Kind: "indirect", Speaker: "en kilde", Cue: "siger", CueSpan: kilde.Span{Start: cue, End: cue + len("siger")}}}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	got := describe(d)
	w := []want{{hedge: "possible", source: "en kilde", via: "en pilot", cue: "siger", text: "Flyet kan være styrtet ned"}}
	if len(got) != 1 || got[0] != w[0] {
		t.Errorf("Annotate(%q) = %+v, want %+v", text, got, w)
	}

	// a reporting verb with a hedge class gives the quote claim its class
	text = "»Det går galt,« mener borgmesteren."
	d = kilde.NewDoc(kilde.Article{Lang: "da", Text: text})
	d.Sentences = sentences(text)
	qs := strings.Index(text, "Det")
	qe := strings.Index(text, ",«")
	c := strings.Index(text, "mener")
	d.Quotes = []kilde.Quote{{Span: kilde.Span{Start: qs, End: qe}, Kind: "direct", Speaker: "borgmesteren", Cue: "mener", CueSpan: kilde.Span{Start: c, End: c + len("mener")}}}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Claims) != 1 || d.Claims[0].Hedge != "opinion" || d.Claims[0].Source != "borgmesteren" {
		t.Errorf("Annotate(%q) = %+v, want one opinion claim by borgmesteren", text, describe(d))
	}
}

// Quantities inside a claim's span are linked by index.
func TestQuantities(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Der bor 300 mennesker i byen. Der er måske 4.000 ulve i Sverige, skriver avisen."
	d := kilde.NewDoc(kilde.Article{Lang: "da", Text: text})
	d.Sentences = sentences(text)
	for _, n := range []string{"300", "4.000"} {
		i := strings.Index(text, n)
		d.Quantities = append(d.Quantities, kilde.Quantity{Span: kilde.Span{Start: i, End: i + len(n)}})
	}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Claims) != 1 || len(d.Claims[0].Quantities) != 1 || d.Claims[0].Quantities[0] != 1 || d.Claims[0].Hedge != "possible" {
		t.Errorf("Annotate(%q) = %+v, want one possible claim stating quantity 1", text, d.Claims)
	}
}

// Tables can be passed in: a three-line lexicon is enough.
func TestNewWithTables(t *testing.T) {
	a, err := claim.NewWithTables(map[string]claim.Tables{"en": {
		Hedges:  [][]string{{"perchance", "possible"}},
		Sources: [][]string{{"opines", "sayx"}},
		Words:   [][]string{{"the", "det"}},
	}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	text := "The bishop opines that rain perchance falls."
	d := kilde.NewDoc(kilde.Article{Lang: "en", Text: text})
	d.Sentences = sentences(text)
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Claims) != 1 || d.Claims[0].Source != "The bishop" || d.Claims[0].Hedge != "possible" {
		t.Errorf("Annotate(%q) = %+v", text, describe(d))
	}
	if _, err := claim.NewWithTables(map[string]claim.Tables{"en": {Hedges: [][]string{{"x", "certain"}}}}, nil); err == nil {
		t.Error("NewWithTables accepted an unknown hedge class")
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, r := range rows {
		f.Add(r.lang == "en", r.text)
	}
	for _, r := range resRows {
		f.Add(r.lang == "en", r.text)
	}
	f.Add(false, "»\xff, siger , , ifølge")
	f.Add(true, "according to , , said said (( told")
	a, err := claim.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, en bool, text string) {
		lang := "da"
		if en {
			lang = "en"
		}
		d := kilde.NewDoc(kilde.Article{Lang: lang, Text: text})
		d.Sentences = sentences(text)
		// An ORG entity over the first word and a quote over the first
		// sentence exercise name resolution and the quote merge.
		if sp := strings.IndexByte(text, ' '); sp > 0 && utf8.ValidString(text[:sp]) {
			d.Entities = []kilde.Entity{{Span: kilde.Span{Start: 0, End: sp}, Label: "ORG"}}
		}
		if len(d.Sentences) > 1 {
			q := d.Sentences[0]
			d.Quotes = []kilde.Quote{{Span: q, Kind: "indirect", Speaker: "selskabet", CueSpan: d.Sentences[1]}}
		}
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		// rune boundaries as a range loop decodes them (an invalid byte is a rune)
		bound := map[int]bool{len(text): true}
		for i := range text {
			bound[i] = true
		}
		for _, c := range d.Claims {
			for _, sp := range []kilde.Span{c.Span, c.CueSpan} {
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
					t.Fatalf("span %v outside text of %d bytes", sp, len(text))
				}
				if !bound[sp.Start] || !bound[sp.End] {
					t.Fatalf("span %v not on rune boundaries in %q", sp, text)
				}
			}
			if c.Hedge == "" {
				t.Fatalf("claim without hedge: %+v", c)
			}
		}
	})
}

func BenchmarkAnnotate(b *testing.B) {
	a, err := claim.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"da", "en"} {
		var sb strings.Builder
		for _, r := range rows {
			if r.lang == lang {
				sb.WriteString(r.text)
				sb.WriteString(" ")
			}
		}
		text := strings.Repeat(sb.String(), 20)
		words := len(strings.Fields(text))
		sents := sentences(text)
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			d := kilde.NewDoc(kilde.Article{Lang: lang, Text: text})
			for i := 0; i < b.N; i++ {
				d.Sentences = sents
				d.Claims = d.Claims[:0]
				if err := a.Annotate(d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}
