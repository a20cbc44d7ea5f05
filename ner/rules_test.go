package ner_test

import (
	"reflect"
	"testing"
)

// The rules after the tagger (docs/ner.md, "Rules after the tagger"), on
// sentences written for these tests.
func TestRules(t *testing.T) {
	a := newAnnotator(t)
	for _, tc := range []struct{ name, lang, marked string }{
		// Organisation head words: the last word of a name.
		{"politi", "da", "Ifølge [Sydsjællands Politi|ORG] blev ingen kommet til skade."},
		{"byråd", "da", "I går vedtog [Silkeborg Byråd|ORG] budgettet for næste år."},
		{"kommune", "da", "Borgerne i [Struer Kommune|ORG] får nye skraldespande."},
		{"A/S", "da", "Aktierne i [Brødrene Hansen A/S|ORG] steg kraftigt."},
		{"police", "en", "[Thames Valley Police|ORG] said two men had been arrested."},
		{"holdings", "en", "Shares in [Rolls-Royce Holdings|ORG] rose on Thursday."},
		// English utility, regulator, force, museum and newspaper heads.
		{"water", "en", "Customers of [Severn Trent Water|ORG] were told to boil their tap water."},
		{"board", "en", "The [Ghana Cocoa Board|ORG] raised the farm-gate price on Friday."},
		{"army", "en", "A spokesman for the [Sudanese Army|ORG] denied the report."},
		{"museum", "en", "The painting will hang in the [Fitzwilliam Museum|ORG] from May."},
		{"post", "en", "She told the [Denver Post|ORG] that the plan was dead."},
		{"service", "en", "Waiting lists at the [Welsh Ambulance Service|ORG] grew again."},
		{"exchange", "en", "Trading on the [Johannesburg Stock Exchange|ORG] was halted."},
		{"company", "en", "Workers at the [Hallam Steel Company|ORG] went on strike."},
		{"times square", "en", "Crowds gathered in [Times Square|LOC] on Sunday."},
		// A name ending in (or followed by) a place head is an area.
		{"province", "en", "Heavy rain flooded farms across [Zhejiang Province|LOC] this week."},
		{"governorate lower", "en", "Troops moved into [Idlib|LOC] governorate overnight."},
		// ... the first word, with connectors.
		{"region", "da", "Det oplyser [Region Syddanmark|ORG] i en pressemeddelelse."},
		{"retten i", "da", "Sagen skal for [Retten i Holbæk|ORG] til foråret."},
		{"office for", "en", "The [Office for Budget Responsibility|ORG] published new forecasts."},
		{"bank of", "en", "The [Bank of Canada|ORG] cut interest rates on Wednesday."},
		{"department", "en", "A [Department of Education|ORG] official declined to comment."},
		// Danish compounds with an organisation ending.
		{"styrelsen", "da", "Det viser tal fra [Fiskeristyrelsen|ORG] for sidste år."},
		{"rådet", "da", "Formand for [Sundhedsrådet|ORG] [Peter Holm|PER] er kritisk."},
		{"foreningen", "da", "Det mener [Cyklistforeningen|ORG] og flere kommuner."},
		// A sentence-initial common word with the ending is not a name.
		{"rådet initial", "da", "Rådet mødes igen i næste uge."},
		// Fixed names: acronyms, multiword names, genitives.
		{"WHO", "en", "The [WHO|ORG] warned that cases were rising."},
		{"Fed", "en", "The [Fed|ORG] held rates steady in June."},
		{"EU", "da", "Ministrene i [EU|ORG] skal stemme om forslaget."},
		{"EU compound", "da", "Alle EU-landene skal stemme om forslaget."},
		{"TV 2 Fyn", "da", "Det skriver [TV 2 Fyn|ORG] søndag."},
		{"genitive", "da", "[Carlsbergs|ORG] overskud steg med ti procent."},
		{"tour", "en", "He won a stage of the [Tour de France|MISC] last year."},
		{"gazzetta", "en", "The rider told [La Gazzetta dello Sport|ORG] that he would race again."},
		{"company not person", "en", "Analysts at [Goldman Sachs|ORG] expect lower prices."},
		// A name followed by a company word is a company.
		{"analysts", "en", "On Monday, [Brightwater|ORG] analysts said the bank would cut rates."},
		{"aktie", "da", "I går steg [Hjortsholms|ORG] aktie med ti procent."},
		{"person shares", "en", "[John Smith|PER] shares his thoughts on the election."},
		// Fixed one-word company names.
		{"company mid-sentence", "da", "Aktien i [Tryg|ORG] steg efter regnskabet."},
		// Party letters after a politician, and alone in a party article.
		{"party letter", "da", "Forslaget kommer fra [Lise Hansen|PER] ([V|ORG]), som er ordfører."},
		{"bare letters", "da", "Ordføreren [Lise Hansen|PER] ([V|ORG]) siger, at både [S|ORG] og [M|ORG] støtter forslaget."},
		// No party letter without a party context; an initial is not one.
		{"initial", "da", "Hun hedder [Lise K. Hansen|PER] og bor i [Vejle|LOC]."},
		// Datelines.
		{"dateline da", "da", "[FREDERICIA|LOC] ([Ritzau|ORG]): Et lager brændte natten til søndag."},
		{"dateline en", "en", "[MADRID|LOC] ([Reuters|ORG]) - [Spanish|MISC] farmers blocked roads on Monday."},
		// Titles are not part of a person's span.
		{"title en", "en", "Chief Executive [Satya Nadella|PER] said the results were strong."},
		{"title da", "da", "Det siger cheføkonom [Søren Kristensen|PER] til avisen."},
		{"initial common word", "en", "Cocoa prices hit a record in [London|LOC] on Tuesday. Traders said cocoa stocks were low."},
		{"initial name kept", "en", "[Amazon|ORG] said on Monday that sales at [Amazon|ORG] rose, though the amazon of data grew."},
		{"country aliases", "en", "Last year, exports from [Ivory Coast|LOC] to [Britain|LOC] fell."},
		{"holidays", "en", "Sales rose before Easter, and Christmas Day was quiet in [London|LOC]."},
		{"units and formulas", "en", "The plant in [Aarhus|LOC] emits 40,000 tonnes of CO2 and sells power at 35 euros per MWh."},
		{"title outside", "en", "\"We will grow,\" Chief Executive [Vincent Clerc|PER] told reporters in [Copenhagen|LOC]."},
		// Org names stop at "and", a weekday after "on", a sentence start,
		// a line break; a possessive inside a span ends a name.
		{"and", "en", "The [World Bank|ORG] and [UNICEF|ORG] published a joint report."},
		{"on", "en", "He appeared at [Leeds Crown Court|ORG] on Friday."},
		// Company and institution heads; a coordinated compound is one name.
		{"head Minerals", "en", "Shares in [Kestrel Minerals|ORG] rose sharply on the news."},
		{"head Partners", "en", "The fund is run by [Bluewater Partners|ORG] in the city."},
		{"head Regioner", "da", "Det oplyser [Danske Regioner|ORG] i en pressemeddelelse."},
		{"suffix fonden", "da", "Det skønner [Psykiatrifonden|ORG] i en ny rapport."},
		{"suffix instituttet", "da", "Tallene kommer fra [Kræftinstituttet|ORG] i år."},
		{"coordinated", "da", "Sagen ligger nu hos [Børne- og Undervisningsministeriet|ORG] i denne uge."},
		{"sentence start", "da", "Han blev anholdt i [Horsens|LOC]. [Sydøstjyllands Politi|ORG] efterlyser vidner."},
		{"line break", "da", "Ny rekord i [Holstebro|LOC]\n[Sydøstjyllands Politi|ORG] efterlyser vidner."},
		{"possessive", "en", "The [EU|ORG]'s [Fundamental Rights Agency|ORG] published the data."},
		// A name tagged once is tagged wherever it occurs in the article.
		{"spread", "en", "[Zorblax Group|ORG] won the contract. Critics of [Zorblax Group|ORG] said the price was high, and [Zorblax Group|ORG] declined to comment."},
		// An organisation glued onto a person is split.
		{"org before person", "da", "Det siger cheføkonom i [Sydbank|ORG] [Søren Kristensen|PER] til avisen."},
		{"org before rare name", "da", "Det siger analytiker i [Nordea|ORG] [Hjalte Bramsø|PER] til avisen."},
	} {
		text, want := parseMarked(tc.marked)
		d := annotate(t, a, tc.lang, text)
		if g := got(d); !reflect.DeepEqual(g, want) {
			t.Errorf("%s: Annotate(%q) = %q, want %q", tc.name, text, g, want)
		}
	}
}

// The same name is labelled alike across an article; a name with and
// without a middle initial has one canonical name.
func TestDocumentConsistency(t *testing.T) {
	a := newAnnotator(t)
	for _, tc := range []struct {
		lang, text string
		want       map[string]string // mention → label|canonical
	}{
		{"en", "John F. Kennedy was elected in 1960. Later, John Kennedy visited Berlin.",
			map[string]string{"John F. Kennedy": "PER|John Kennedy", "John Kennedy": "PER|John Kennedy"}},
		{"en", "George W. Bush spoke in Texas on Monday.",
			map[string]string{"George W. Bush": "PER|George W. Bush"}},
		{"da", "Vestas har fået en ordre. Vestas' aktie steg, og Vestas ansætter flere.",
			map[string]string{"Vestas": "ORG|Vestas"}},
	} {
		d := annotate(t, a, tc.lang, tc.text)
		for _, e := range d.Entities {
			w, ok := tc.want[d.SpanText(e.Span)]
			if ok && w != e.Label+"|"+e.Canonical {
				t.Errorf("%q: %q = %s|%s, want %s", tc.text, d.SpanText(e.Span), e.Label, e.Canonical, w)
			}
		}
	}
}
