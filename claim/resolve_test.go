package claim_test

import (
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/claim"
)

// ent is an entity given to a test by its text (first occurrence).
type ent struct{ text, label, canonical string }

type resRow struct {
	lang, text string
	ents       []ent
	want       []want // only hedge, source and text (when set) are compared
}

// Sources that are short references resolve to the full name; hedges in
// the content survive a plain attribution; spans keep to one clause.
var resRows = []resRow{
	{"da", "Bryggeriet Humle A/S lukker sin fabrik i Vejle. Det oplyser selskabet.",
		[]ent{{"Humle A/S", "ORG", "Humle A/S"}},
		[]want{{hedge: "asserted", source: "Humle A/S"}}},
	{"da", "Erhvervsstyrelsen har sendt 300 breve ud. Ifølge styrelsen er 40 sager afgjort.",
		[]ent{{"Erhvervsstyrelsen", "ORG", ""}},
		[]want{{hedge: "asserted", source: "Erhvervsstyrelsen", text: "er 40 sager afgjort"}}},
	{"da", "Fynbo Bank og Nordsjællands Politi holdt møde. En mand er anholdt, oplyser politiet.",
		[]ent{{"Fynbo Bank", "ORG", ""}, {"Nordsjællands Politi", "ORG", ""}},
		[]want{{hedge: "asserted", source: "Nordsjællands Politi"}}},
	// no organisation with that head: the description stays
	{"da", "Fynbo Bank holdt møde. En mand er anholdt, oplyser politiet.",
		[]ent{{"Fynbo Bank", "ORG", ""}},
		[]want{{hedge: "asserted", source: "politiet"}}},
	{"da", "Landsforeningen af Ejere holdt møde i går. Huslejen stiger, skriver LE.",
		[]ent{{"Landsforeningen af Ejere", "ORG", ""}},
		[]want{{hedge: "asserted", source: "Landsforeningen af Ejere"}}},
	{"en", "Shares in Brightwater Energy fell. Output dropped 4 percent, the company said.",
		[]ent{{"Brightwater Energy", "ORG", ""}},
		[]want{{hedge: "asserted", source: "Brightwater Energy"}}},
	{"en", "The Food Standards Agency issued a warning. The products are unsafe, the agency said.",
		[]ent{{"Food Standards Agency", "ORG", ""}},
		[]want{{hedge: "asserted", source: "Food Standards Agency"}}},
	{"da", "Økonom Sara Holm er optimistisk. Ifølge hende stiger lønnen.",
		[]ent{{"Sara Holm", "PER", ""}},
		[]want{{hedge: "asserted", source: "Sara Holm"}}},
	// an outlet is never "the company"
	// (and "said in a report on Monday" has no clause: no claim)
	{"en", "The BBC said in a report on Monday. Output fell, the company said.",
		[]ent{{"BBC", "ORG", ""}},
		[]want{{hedge: "asserted", source: "the company"}}},
	// hedges inside a plainly attributed claim
	{"da", "Broen skal stå færdig i 2030 og vil ifølge Vejdirektoratet koste 3 mia. kr.", nil,
		[]want{{hedge: "predicted", source: "Vejdirektoratet"}}},
	{"da", "Ifølge ham kan renten falde i maj.", nil,
		[]want{{hedge: "possible", source: "ham"}}},
	{"da", "Borgmesteren vil ikke afvise, at skolen kan lukke.", nil,
		[]want{{hedge: "possible", source: "Borgmesteren", text: "skolen kan lukke"}}},
	{"da", "Ministeren vil ikke udelukke, at skatten stiger.", nil,
		[]want{{hedge: "possible", source: "Ministeren", text: "skatten stiger"}}},
	{"en", "The driver's lawyer told the court his client denies the charge and will appeal.", nil,
		[]want{{hedge: "denied", source: "The driver's lawyer"}, {hedge: "denied", source: "his client"}}},
	{"en", "Profits rose more than expected, the bank said.", nil,
		[]want{{hedge: "asserted", source: "the bank"}}},
	// "vil"/"kan" alone make no claim; in a speaker's own quoted words they hedge nothing
	{"da", "Bilen kan køre 100 km på en opladning.", nil, nil},
	{"da", "»Vi vil bygge flere boliger,« siger borgmesteren.", nil,
		[]want{{hedge: "asserted", source: "borgmesteren"}}},
	// a content of adverbs only is no attributed claim (the verb still hedges)
	{"da", "Han advarer dog.", nil, []want{{hedge: "predicted", source: ""}}},
	// the sentence after a claim by the same source adds no second claim
	{"da", "Ministeren vil ikke afvise, at skatten stiger. Det sagde hun tirsdag.", nil,
		[]want{{hedge: "possible", source: "Ministeren"}}},
	// ", saying ..." takes what follows; a compound noun is no hedge
	{"en", "Northwind Shipping raised its annual profit forecast on Monday, saying demand had recovered.", nil,
		[]want{{hedge: "asserted", source: "Northwind Shipping", text: "demand had recovered"}}},
	// a reporting verb's content is a clause, not an amount
	{"en", "Oslo counted 400 visitors, while Bergen reported some 300.", nil, nil},
	// role + name apposition before two coordinated verbs: the name
	{"da", "Partiets formand, Mette Lund, kritiserer planen og afviser, at skolen er for dyr.", nil,
		[]want{{hedge: "denied", source: "Mette Lund", text: "skolen er for dyr"}}},
	// coordinated clauses: only the attributed one
	{"en", "Rivers rose across the region overnight, and at least 40 homes were flooded, according to the fire service.", nil,
		[]want{{hedge: "asserted", source: "the fire service", text: "at least 40 homes were flooded"}}},
	{"da", "Ifølge hæren er 300 soldater dræbt, men tallet kan ikke bekræftes.", nil,
		[]want{{hedge: "asserted", source: "hæren", text: "er 300 soldater dræbt"}}},
	{"en", "Officials said that 300 soldiers were killed, but the figure has not been verified.", nil,
		[]want{{hedge: "asserted", source: "Officials", text: "300 soldiers were killed"}}},
	// an adjective between possessor and head; a fronted time is no part of the claim
	{"da", "Ifølge regionens egne beregninger vil køen vokse.", nil,
		[]want{{hedge: "predicted", source: "regionens egne beregninger", text: "vil køen vokse"}}},
	{"da", "Ifølge politiets oplysninger er tre anholdt.", nil,
		[]want{{hedge: "asserted", source: "politiets oplysninger", text: "er tre anholdt"}}},
	// a name in apposition after an inverted description is the source; the addressee is no content
	{"da", "Flyene står stille. Det oplyser lufthavnens pressechef, Ida Berg, til TV 2.", nil,
		[]want{{hedge: "asserted", source: "Ida Berg", text: "Flyene står stille"}}},
	{"da", "Broen er lukket, siger vejchefen, Anne Ibsen, til DR.", nil,
		[]want{{hedge: "asserted", source: "Anne Ibsen", text: "Broen er lukket"}}},
	// a weekday after the source is no part of it
	{"da", "Skatten stiger, siger ministeren onsdag til DR.", nil,
		[]want{{hedge: "asserted", source: "ministeren", text: "Skatten stiger"}}},
	// a title and a nationality before a name with particles: the name
	{"en", "Prices fell, according to Italian newspaper La Gazzetta dello Sport.", nil,
		[]want{{hedge: "asserted", source: "La Gazzetta dello Sport"}}},
	{"en", "Prices fell, said EU commission president Ursula von der Leyen.", nil,
		[]want{{hedge: "asserted", source: "Ursula von der Leyen"}}},
	// a relative clause on the source is no content: the sentence before is the claim
	{"da", "Tre er døde. Det oplyser politiet, som har været på stedet hele natten.", nil,
		[]want{{hedge: "asserted", source: "politiet", text: "Tre er døde"}}},
	{"da", "Ledigheden falder. Det viser en analyse fra Nationalbanken, som DR har set.", nil,
		[]want{{hedge: "asserted", source: "en analyse", text: "Ledigheden falder"}}},
	// a direct quote stays whole
	{"da", "»Vi har ledt hele natten, og vi har nu fundet drengen,« siger politiet.", nil,
		[]want{{hedge: "asserted", source: "politiet", text: "Vi har ledt hele natten, og vi har nu fundet drengen"}}},
	// a shared subject is no new clause
	{"en", "The club said that the coach was fired, and will be replaced in May.", nil,
		[]want{{hedge: "predicted", source: "The club", text: "the coach was fired, and will be replaced in May"}}},
	// a time phrase is never a source
	{"en", "Prices rose, this month said.", nil, nil},
	{"en", "Prices will rise, he’s said.",
		[]ent{}, []want{{hedge: "predicted", source: "he’s"}}},
	// a verb with a class of its own takes its object clause after its subject
	{"en", "Union leaders hoped the strike would end soon.", nil,
		[]want{{hedge: "opinion", source: "Union leaders", text: "the strike would end soon"}}},
	{"en", "The mayor has pledged to rebuild the harbour.", nil,
		[]want{{hedge: "predicted", source: "The mayor", text: "to rebuild the harbour"}}},
	// a past tense after the subject is no part of it
	{"en", "The coach praised the players and said the season was a success.", nil,
		[]want{{hedge: "asserted", source: "The coach", text: "the season was a success"}}},
	{"en", "Okafor visited the school on Friday, saying that classes will resume.", nil,
		[]want{{hedge: "predicted", source: "Okafor", text: "classes will resume"}}},
	{"en", "Lindqvist compared herself to a referee, saying she only kept the rules.", nil,
		[]want{{hedge: "asserted", source: "Lindqvist", text: "she only kept the rules"}}},
	// a possessive apostrophe is no quotation mark
	{"en", "The farmers' union said the price of milk was too low.", nil,
		[]want{{hedge: "asserted", source: "The farmers' union", text: "the price of milk was too low"}}},
	{"da", "Niels’ advokat siger, at sagen er forældet.", nil,
		[]want{{hedge: "asserted", source: "Niels’ advokat", text: "sagen er forældet"}}},
	// "one" before a noun is a determiner, not a generic subject
	{"en", "The plant will close in May, according to one engineer.", nil,
		[]want{{hedge: "predicted", source: "one engineer", text: "The plant will close in May"}}},
	{"en", "One says the bridge is unsafe.", nil,
		[]want{{hedge: "reported", source: "", text: "the bridge is unsafe"}}},
	// a plural noun in -s before a bare reporting verb is the subject, not a cue
	{"en", "Half the money came in March, tax records show.", nil,
		[]want{{hedge: "asserted", source: "tax records", text: "Half the money came in March"}}},
	// a canonical name that runs on past the mention is a headline: the mention stays
	{"en", "Okoye said the fees were too high.",
		[]ent{{"Okoye", "PER", "Ruth Okoye Slams Bank Chiefs"}},
		[]want{{hedge: "asserted", source: "Okoye", text: "the fees were too high"}}},
	{"en", "Okafor said the fees were too high.",
		[]ent{{"Okafor", "PER", "Daniel Okafor Jr."}},
		[]want{{hedge: "asserted", source: "Daniel Okafor Jr.", text: "the fees were too high"}}},
	// the opening name before two insertions is the source
	{"en", "Mira Patel, the director of Greenline, a charity that runs food banks, said demand had doubled.", nil,
		[]want{{hedge: "asserted", source: "Mira Patel", text: "demand had doubled"}}},
	{"en", "Okafor, speaking at a rally in Leeds, England, said the vote was close.", nil,
		[]want{{hedge: "asserted", source: "Okafor", text: "the vote was close"}}},
	// a long fronted adverbial is no content when the content follows the verb
	{"en", "In a letter sent to the council on Monday, the residents said the park will close.", nil,
		[]want{{hedge: "predicted", source: "the residents", text: "the park will close"}}},
	// an adverb between auxiliary and verb; a negated auxiliary before a verb
	{"en", "The club has since said that the fee was paid.", nil,
		[]want{{hedge: "asserted", source: "The club", text: "the fee was paid"}}},
	{"en", "The builder hadn’t expected that the roof would leak.", nil,
		[]want{{hedge: "predicted", source: "The builder", text: "the roof would leak"}}},
	// an insertion between dashes
	{"en", "The judge -- who has led the court since 2019 -- said the case was closed.", nil,
		[]want{{hedge: "asserted", source: "The judge", text: "the case was closed"}}},
	// a verb with a class of its own before a preposition takes no object
	{"en", "The farmers hoped for rain.", nil, nil},
	// a time phrase after the source is no part of it
	{"en", "A Harbor Institute poll last week found that most residents want a ferry.", nil,
		[]want{{hedge: "asserted", source: "A Harbor Institute poll", text: "most residents want a ferry"}}},
	// "why", "how", "whether" start no source; a gerund after a preposition
	// takes the subject of the main clause
	{"en", "The chef closed the kitchen before explaining why the oven had failed.", nil,
		[]want{{hedge: "asserted", source: "The chef", text: "why the oven had failed"}}},
	{"en", "Costa ended the speech by saying that taxes will fall.", nil,
		[]want{{hedge: "predicted", source: "Costa", text: "taxes will fall"}}},
	{"en", "The fund grew after adding the budget was safe.", nil, nil},
	// a participle after a document noun; the maker after "af"/"by"; an
	// organisation after a description stays in the source
	{"en", "The company plans to cut 500 jobs, according to a statement issued on Feb. 8.", nil,
		[]want{{hedge: "asserted", source: "a statement", text: "The company plans to cut 500 jobs"}}},
	{"en", "Rents rose by four percent, according to a report published on Tuesday by the housing ministry.", nil,
		[]want{{hedge: "asserted", source: "a report", text: "Rents rose by four percent"}}},
	{"da", "Ledigheden er steget, ifølge en opgørelse lavet af Danmarks Statistik.", nil,
		[]want{{hedge: "asserted", source: "en opgørelse", text: "Ledigheden er steget"}}},
	{"en", "Analysts at Jefferies said the deal would close in March.", []ent{{"Jefferies", "ORG", "Jefferies"}},
		[]want{{hedge: "asserted", source: "Analysts at Jefferies", text: "the deal would close in March"}}},
	{"da", "Analytikere hos Nordea siger, at renten stiger.", []ent{{"Nordea", "ORG", "Nordea"}},
		[]want{{hedge: "asserted", source: "Analytikere hos Nordea", text: "renten stiger"}}},
}

func TestResolveAndClauses(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range resRows {
		d := kilde.NewDoc(kilde.Article{Lang: r.lang, Text: r.text})
		d.Sentences = sentences(r.text)
		for _, e := range r.ents {
			i := strings.Index(r.text, e.text)
			if i < 0 {
				t.Fatalf("entity %q not in %q", e.text, r.text)
			}
			d.Entities = append(d.Entities, kilde.Entity{Span: kilde.Span{Start: i, End: i + len(e.text)}, Label: e.label, Canonical: e.canonical})
		}
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		got := describe(d)
		if len(got) != len(r.want) {
			t.Errorf("Annotate(%q) = %+v, want %+v", r.text, got, r.want)
			continue
		}
		for i, w := range r.want {
			g := want{hedge: got[i].hedge, source: got[i].source}
			if w.text != "" {
				g.text = got[i].text
			}
			if g != w {
				t.Errorf("Annotate(%q) claim %d = %+v, want %+v", r.text, i, got[i], w)
			}
		}
	}
}

// The quote's speaker and the claim's source on the same reporting verb: a
// name resolved by the claim rules replaces a quote's description or
// pronoun; a named speaker of the quote stays.
func TestQuoteSpeakerAgreement(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, quote, speaker, cue string
		ents                      []ent
		want                      string
		lang                      string // "da" when empty
	}{
		// the quote layer reduced "a harbour authority spokeswoman" to the
		// organisation: the phrase names who spoke
		{"Ships were turned back, according to a Port Elm Authority spokeswoman.", "Ships were turned back", "Port Elm Authority", "according to",
			[]ent{{"Port Elm Authority", "ORG", ""}}, "a Port Elm Authority spokeswoman", "en"},
		{"The talks failed, a senior Vera Olsen adviser said.", "The talks failed", "Vera Olsen", "said",
			[]ent{{"Vera Olsen", "PER", ""}}, "a senior Vera Olsen adviser", "en"},
		// a quote speaker's canonical name that is a headline: the words as written
		{"The fees are too high, Okoye said.", "The fees are too high", "Ruth Okoye Slams Bank Chiefs", "said",
			nil, "Okoye", "en"},
		// a name inside a name is not cut out ("Olsen" is not "Olsen Group")
		{"Sales fell, Olsen Group said.", "Sales fell", "Olsen Group", "said",
			[]ent{{"Olsen Group", "ORG", ""}}, "Olsen Group", "en"},
		// the quote layer says "selskabet"; the claim rules know it is Humle A/S
		{"Humle A/S lukker i Vejle. Fabrikken er for gammel, oplyser selskabet.", "Fabrikken er for gammel", "selskabet", "oplyser",
			[]ent{{"Humle A/S", "ORG", ""}}, "Humle A/S", ""},
		// a quote over coordinated clauses keeps the attributed one
		{"Regnen faldt hele natten, og 40 huse er oversvømmet, oplyser beredskabet.", "Regnen faldt hele natten, og 40 huse er oversvømmet", "beredskabet", "oplyser",
			nil, "beredskabet", ""},
		// the quote layer named the person; the claim rules only see "borgmesteren"
		{"Borgmester Ida Holm taler. Skatten stiger, siger borgmesteren.", "Skatten stiger", "Ida Holm", "siger",
			[]ent{{"Ida Holm", "PER", ""}}, "Ida Holm", ""},
	}
	for _, c := range cases {
		if c.lang == "" {
			c.lang = "da"
		}
		d := kilde.NewDoc(kilde.Article{Lang: c.lang, Text: c.text})
		d.Sentences = sentences(c.text)
		for _, e := range c.ents {
			i := strings.Index(c.text, e.text)
			d.Entities = append(d.Entities, kilde.Entity{Span: kilde.Span{Start: i, End: i + len(e.text)}, Label: e.label, Canonical: e.canonical})
		}
		qs := strings.Index(c.text, c.quote)
		ci := strings.Index(c.text, c.cue)
		d.Quotes = []kilde.Quote{{Span: kilde.Span{Start: qs, End: qs + len(c.quote)}, Kind: "indirect", Speaker: c.speaker, Cue: c.cue, CueSpan: kilde.Span{Start: ci, End: ci + len(c.cue)}}}
		if i := strings.Index(c.text, c.want); i >= 0 {
			d.Quotes[0].SpeakerSpan = kilde.Span{Start: i, End: i + len(c.want)}
		}
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Claims) == 1 && strings.Contains(c.text, ", og 40") && d.SpanText(d.Claims[0].Span) != "40 huse er oversvømmet" {
			t.Errorf("Annotate(%q) span = %q, want the last clause", c.text, d.SpanText(d.Claims[0].Span))
		}
		if len(d.Claims) != 1 || d.Claims[0].Source != c.want {
			t.Errorf("Annotate(%q) = %+v, want one claim by %q", c.text, describe(d), c.want)
		}
	}
}

// A fronted time expression (from the times layer) is no part of a claim
// whose source is named mid-clause.
func TestFrontedTime(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "I fjor blev der ifølge Danmarks Statistik født 300 tvillinger."
	d := kilde.NewDoc(kilde.Article{Lang: "da", Text: text})
	d.Sentences = sentences(text)
	d.Times = []kilde.Time{{Span: kilde.Span{Start: 0, End: len("I fjor")}, Type: "DATE", Value: "2025"}}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Claims) != 1 || d.SpanText(d.Claims[0].Span) != "blev der ifølge Danmarks Statistik født 300 tvillinger" {
		t.Errorf("Annotate(%q) = %+v, want the claim from \"blev\"", text, describe(d))
	}
}

// A quote that runs on over a second reporting verb of the same subject ("X
// said A but said B") is cut to the first; the second stays a claim.
func TestQuoteRunOn(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, text, quote, cue, speaker string }{
		{"en", "The bank reported weak sales, and said it would cut 200 jobs.", "weak sales, and said it would cut 200 jobs", "reported", "The bank"},
		{"en", "Moreau said she had met the buyers twice but said no deal was signed.", "she had met the buyers twice but said no deal was signed", "said", "Moreau"},
		{"da", "Rederiet oplyste, at to skibe er solgt, og sagde, at flere følger.", "to skibe er solgt, og sagde, at flere følger", "oplyste", "Rederiet"},
	} {
		d := kilde.NewDoc(kilde.Article{Lang: c.lang, Text: c.text})
		d.Sentences = sentences(c.text)
		qs, ci := strings.Index(c.text, c.quote), strings.Index(c.text, c.cue)
		d.Quotes = []kilde.Quote{{Span: kilde.Span{Start: qs, End: qs + len(c.quote)}, Kind: "indirect", Speaker: c.speaker, Cue: c.cue, CueSpan: kilde.Span{Start: ci, End: ci + len(c.cue)}}}
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if len(d.Claims) != 2 || d.Claims[0].CueSpan.Start != ci || d.Claims[1].CueSpan.Start <= qs || d.Claims[0].Source != c.speaker {
			t.Errorf("Annotate(%q) = %+v, want two claims, the quote cut before the second verb", c.text, describe(d))
			continue
		}
		if d.Claims[0].Span.Contains(d.Claims[1].CueSpan) {
			t.Errorf("Annotate(%q): the quote claim %q still holds the second verb", c.text, d.SpanText(d.Claims[0].Span))
		}
	}
}

// A quote without a cue word takes the reporting verb that introduces it,
// even when the sentence analysis names the speaker differently ("She" for
// the quote's resolved name); the quote keeps its speaker.
func TestQuoteTakesCue(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	text := `She ended the speech by saying, "We will not give up."`
	d := kilde.NewDoc(kilde.Article{Lang: "en", Text: text})
	d.Sentences = sentences(text)
	qs := strings.Index(text, "We will")
	d.Quotes = []kilde.Quote{{Span: kilde.Span{Start: qs, End: qs + len("We will not give up.")}, Kind: "direct", Speaker: "Lena Borg"}}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Claims) != 1 || d.Claims[0].Cue != "saying" || d.Claims[0].Source != "Lena Borg" {
		t.Errorf("Annotate(%q) = %+v, want one claim by Lena Borg with cue \"saying\"", text, describe(d))
	}
}

// A second quote of the same speaker introduced by a nearer verb takes that
// verb as its cue: '"A," she said, adding, "B"'.
func TestQuoteNearerCue(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	text := `The port reopened, Ana Silva said, adding that "the cranes work again."`
	d := kilde.NewDoc(kilde.Article{Lang: "en", Text: text})
	d.Sentences = sentences(text)
	qs := strings.Index(text, "the cranes")
	ci := strings.Index(text, "said")
	d.Quotes = []kilde.Quote{{Span: kilde.Span{Start: qs, End: qs + len("the cranes work again.")}, Kind: "direct", Speaker: "Ana Silva", Cue: "said", CueSpan: kilde.Span{Start: ci, End: ci + 4}}}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	var cues []string
	for _, c := range d.Claims {
		if c.Span.Start == qs {
			cues = append(cues, c.Cue)
		}
	}
	if len(cues) != 1 || cues[0] != "adding" {
		t.Errorf("Annotate(%q) = %+v, want the quote claim with cue \"adding\"", text, describe(d))
	}
}

// A scare quote inside an attributed clause belongs to that clause's source,
// not to a speaker the quote layer carried over from an earlier sentence.
func TestScareQuote(t *testing.T) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	text := `Vera Moss spoke first. Tom Hale called the plan "a costly mistake."`
	d := kilde.NewDoc(kilde.Article{Lang: "en", Text: text})
	d.Sentences = sentences(text)
	qs := strings.Index(text, "a costly")
	d.Quotes = []kilde.Quote{{Span: kilde.Span{Start: qs, End: qs + len("a costly mistake.")}, Kind: "direct", Speaker: "Vera Moss"}}
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Claims) != 1 || d.Claims[0].Source != "Tom Hale" || d.Claims[0].Cue != "called" {
		t.Errorf("Annotate(%q) = %+v, want one claim by Tom Hale with cue \"called\"", text, describe(d))
	}
}
