package quote_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/kilde1"
	"github.com/kilde-news/kilde/quote"
)

// want is one expected quote; its span comes from [[…]] in the row's text.
type want struct {
	kind, speaker, cue, role, addressee string
}

type row struct {
	in   string // text with each quote's span marked [[…]]
	lang string
	want []want
}

// parse removes the [[ ]] marks and returns the text and the spans.
func parse(in string) (string, []kilde.Span) {
	var b strings.Builder
	var spans []kilde.Span
	var open []int // nested marks: an indirect quote holding a direct one
	for i := 0; i < len(in); {
		switch {
		case strings.HasPrefix(in[i:], "[["):
			open = append(open, b.Len())
			i += 2
		case strings.HasPrefix(in[i:], "]]"):
			start := -1
			if len(open) > 0 {
				start = open[len(open)-1]
				open = open[:len(open)-1]
			}
			spans = append(spans, kilde.Span{Start: start, End: b.Len()})
			i += 2
		default:
			b.WriteByte(in[i])
			i++
		}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	return b.String(), spans
}

func d(speaker, cue string) want   { return want{kind: "direct", speaker: speaker, cue: cue} }
func ind(speaker, cue string) want { return want{kind: "indirect", speaker: speaker, cue: cue} }
func (w want) r(role string) want  { w.role = role; return w }
func (w want) to(a string) want    { w.addressee = a; return w }

var rows = []row{
	// Danish guillemets, cue after, both orders
	{in: "»[[Vi er meget tilfredse med aftalen]]«, siger Mette Frederiksen.", want: []want{d("Mette Frederiksen", "siger")}},
	{in: "»[[Det er en god dag for Danmark]]« sagde hun i går. Anne Jensen var glad.", want: []want{d("", "sagde")}},
	{in: "Karen Holm var til stede. »[[Vi har ventet længe på det her]]«, sagde hun.", want: []want{d("Karen Holm", "sagde")}},
	// role + name, addressee
	{in: "»[[Vi skal have flere penge til vejene]]«, siger transportminister Benny Engelbrecht til DR.", want: []want{d("Benny Engelbrecht", "siger").r("transportminister").to("DR")}},
	{in: "»[[Vi følger situationen tæt]]«, oplyser vagtchef Jens Hansen fra Østjyllands Politi til Ritzau.", want: []want{d("Jens Hansen", "oplyser").r("vagtchef")}},
	// lyder det fra
	{in: "»[[Det er helt uacceptabelt]]«, lyder det fra Lars Løkke Rasmussen.", want: []want{d("Lars Løkke Rasmussen", "lyder det fra")}},
	// colon before
	{in: "Pia Olsen skriver på Twitter: »[[Nu må regeringen tage ansvar]]«", want: []want{d("Pia Olsen", "skriver")}},
	{in: "Søren Pape: »[[Vi går ikke med til det forslag]]«", want: []want{d("Søren Pape", "")}},
	{in: "Torben Nielsen rystede på hovedet. Han skriver: ’[[Det her er en katastrofe for os alle.]]’", want: []want{d("Torben Nielsen", "skriver")}},
	// cue inside: interrupted quote
	{in: "»[[Vi er glade]]«, siger Anna Berg, »[[men vi er ikke færdige endnu]]«.", want: []want{d("Anna Berg", "siger"), d("Anna Berg", "siger")}},
	// other Danish styles
	{in: "„[[Vi kan ikke acceptere de nye regler]]“, siger direktør Peter Lund.", want: []want{d("Peter Lund", "siger").r("direktør")}},
	{in: "«[[Der er ingen grund til panik]]», siger overlæge Hanne Berg.", want: []want{d("Hanne Berg", "siger").r("overlæge")}},
	{in: "\"[[Vi har aldrig set noget lignende]]\", siger Ole Madsen.", want: []want{d("Ole Madsen", "siger")}},
	// skriver X på Twitter after
	{in: "»[[Tak for jeres støtte i dag]]«, skriver Jakob Ellemann-Jensen på Twitter.", want: []want{d("Jakob Ellemann-Jensen", "skriver")}},
	// next sentence: Det siger X
	{in: "»[[Vi er nødt til at handle nu, før det er for sent.]]« Det siger miljøminister Lea Wermelin til TV 2.", want: []want{d("Lea Wermelin", "siger").r("miljøminister").to("TV 2")}},
	{in: "»[[Vi skal spare på varmen.]]« Sådan lyder opfordringen fra klimaminister Lars Aagaard.", want: []want{d("Lars Aagaard", "lyder").r("klimaminister")}},
	// description as speaker
	{in: "»[[Angrebet var planlagt i flere måneder]]«, siger en kilde, som CNN har været i kontakt med.", want: []want{d("en kilde, som CNN har været i kontakt med", "siger")}},
	// nested quote
	{in: "»[[Han sagde ’nej tak’ til tilbuddet og gik sin vej]]«, fortæller Maria Nielsen.", want: []want{d("Maria Nielsen", "fortæller")}},
	// apostrophes are not quotation marks
	{in: "Under ’90’erne voksede USA’s økonomi. »[[Det var en god tid for os]]«, siger Bo Jensen.", want: []want{d("Bo Jensen", "siger")}},
	// dialogue dash
	{in: "– [[Vi er rigtig glade for resultatet]], siger Mette Frederiksen til DR.", want: []want{d("Mette Frederiksen", "siger").to("DR")}},
	{in: "Lars Boje var tilfreds.\n\n– [[Det gik bedre end ventet]], siger han. – [[Nu skal vi videre.]]", want: []want{d("Lars Boje", "siger"), d("Lars Boje", "")}},
	// multi-sentence and multi-paragraph
	{in: "»[[Det er en svær situation. Vi gør, hvad vi kan. Men det tager tid]]«, siger borgmester Jens Ole Hansen.", want: []want{d("Jens Ole Hansen", "siger").r("borgmester")}},
	{in: "Kirsten Brosbøl siger:\n\n»[[Vi har arbejdet hårdt for det her.]]\n\n»[[Og vi fortsætter i morgen]]«.", want: []want{d("Kirsten Brosbøl", "siger"), d("Kirsten Brosbøl", "")}},
	// pronoun resolution by gender
	{in: "Mette Frederiksen mødtes med Joe Biden i Bruxelles. »[[Det var et godt møde]]«, sagde han bagefter.", want: []want{d("Joe Biden", "sagde")}},
	{in: "Mette Frederiksen mødtes med Joe Biden i Bruxelles. »[[Det var et godt møde]]«, sagde hun bagefter.", want: []want{d("Mette Frederiksen", "sagde")}},
	// surname → full name
	{in: "Statsminister Mette Frederiksen holdt tale. »[[Vi står sammen]]«, sagde Frederiksen.", want: []want{d("Mette Frederiksen", "sagde")}},
	// role noun refers to the person named with that role
	{in: "Udenrigsminister Jeppe Kofod besøgte Kyiv. »[[Danmark støtter Ukraine fuldt ud]]«, siger udenrigsministeren.", want: []want{d("Jeppe Kofod", "siger").r("udenrigsminister")}},
	// short titles in marks are not quotes
	{in: "Filmen »Druk« vandt en Oscar.", want: nil},
	// unbalanced: no swallowing of the next paragraph
	{in: "»[[Vi har ikke tænkt os at give op]], siger Ida Auken.\n\nFolketinget stemmer torsdag om forslaget.", want: []want{d("Ida Auken", "siger")}},

	// stray marks: an inch mark, an opener that never closes inside a line
	{in: "Skærmen måler 55\" og koster 4.000 kroner. »[[Det er en god pris]]«, siger Per Hansen.", want: []want{d("Per Hansen", "siger")}},
	{in: "Han kaldte det »en fejl og gik.\n\n»[[Vi ser på sagen]]«, siger Lone Berg.", want: []want{d("Lone Berg", "siger")}},
	// plural pronoun: an organisation or a group
	{in: "Produktionen hos Novo Nordisk er stoppet. »[[Vi håber at åbne igen i morgen]]«, skriver de i en pressemeddelelse.", want: []want{d("Novo Nordisk", "skriver")}},
	// Danish indirect
	{in: "Mette Frederiksen siger, at [[regeringen vil sænke skatten]].", want: []want{ind("Mette Frederiksen", "siger")}},
	{in: "I en pressemeddelelse oplyser Novo Nordisk, at [[salget steg med ti procent]].", want: []want{ind("Novo Nordisk", "oplyser")}},
	{in: "Ifølge Politiken [[har ministeren kendt til sagen i flere år]].", want: []want{ind("Politiken", "Ifølge")}},
	{in: "[[Manden blev anholdt i nat]], ifølge Københavns Politi.", want: []want{ind("Københavns Politi", "ifølge")}},
	{in: "[[Sejren er sikret]], skriver Donald Trump.", want: []want{ind("Donald Trump", "skriver")}},
	{in: "Peter Hummelgaard understreger, at [[ingen skal være bange]].", want: []want{ind("Peter Hummelgaard", "understreger")}},
	{in: "Morten Østergaard fortæller til Berlingske, at [[partiet er klar til valg]].", want: []want{ind("Morten Østergaard", "fortæller").to("Berlingske")}},
	{in: "Tidligere i år oplyste general Anders Møller, der leder hæren, at [[der mangler 500 soldater]].", want: []want{ind("Anders Møller", "oplyste").r("general")}},

	// English
	{in: "“[[We will not back down]],” said Hillary Clinton.", lang: "en", want: []want{d("Hillary Clinton", "said")}},
	{in: "“[[We will not back down]],” Clinton said on Monday.", lang: "en", want: []want{d("Clinton", "said")}},
	{in: "\"[[The economy is strong]],\" Sen. Ted Cruz told reporters.", lang: "en", want: []want{d("Ted Cruz", "told").r("sen.").to("reporters")}},
	{in: "“[[It was a mistake]],” John Kerry told Reuters in an interview.", lang: "en", want: []want{d("John Kerry", "told").to("Reuters")}},
	{in: "Donald Trump met the press on Friday. “[[I never said that]],” he said.", lang: "en", want: []want{d("Donald Trump", "said")}},
	{in: "“[[We are looking into it]],” a senior official said.", lang: "en", want: []want{d("a senior official", "said")}},
	{in: "Obama wrote on Twitter: “[[Congratulations to the team.]]”", lang: "en", want: []want{d("Obama", "wrote")}},
	{in: "‘[[Nobody saw this coming]],’ said campaign manager Robby Mook.", lang: "en", want: []want{d("Robby Mook", "said").r("manager")}},
	{in: "“[[This is not who we are]],” said Elizabeth Warren, the senator from Massachusetts. “[[We can do better.]]”", lang: "en", want: []want{d("Elizabeth Warren", "said").r("senator"), d("Elizabeth Warren", "").r("senator")}},
	{in: "The party's platform is \"[[very clear on this]],\" she said. Jane Doe did not elaborate.", lang: "en", want: []want{d("", "said")}},
	{in: "[[Don't forget the '90s]], the company's CEO Tim Cook said in a statement.", lang: "en", want: []want{ind("Tim Cook", "said").r("CEO")}},
	{in: "Warren did not hold back:\n\n“[[This bank cheated its own customers.]]”", lang: "en", want: []want{d("Warren", "")}},
	{in: "“[[He told me, ‘Never give up,’ and I never did]],” said coach Tom Miller.", lang: "en", want: []want{d("Tom Miller", "said").r("coach")}},
	{in: "“[[We are not done yet.]]\n\n“[[We will be back next year]],” said Maria Lopez.", lang: "en", want: []want{d("Maria Lopez", ""), d("Maria Lopez", "said")}},
	{in: "Angela Merkel met Emmanuel Macron on Monday. “[[Europe must stand together]],” she said.", lang: "en", want: []want{d("Angela Merkel", "said")}},
	// a quote with no frame: the subject of the sentence before, when a person
	{in: "Sarah Jones was at home. “[[The whole house shook.]]”", lang: "en", want: []want{d("Sarah Jones", "")}},
	{in: "“[[We will override the veto]],” Senate Majority Leader Mitch McConnell, R-Ky., said.", lang: "en", want: []want{d("Mitch McConnell", "said").r("leader")}},
	// a pronoun prefers someone quoted before over a nearer mere mention
	{in: "Madonna told The Daily Star [[the tour was long]]. “[[It was hard]],” she said.", lang: "en", want: []want{ind("Madonna", "told").to("The Daily Star"), d("Madonna", "said")}},
	// English: a dash line is a quote only with a frame
	{in: "Key points:\n– Taxes will rise next year\n– [[We have no choice]], the mayor said.", lang: "en", want: []want{d("the mayor", "said")}},
	// English indirect
	{in: "Trump said [[the deal was a disaster]].", lang: "en", want: []want{ind("Trump", "said")}},
	{in: "Clinton said on Monday that [[she would release her records]].", lang: "en", want: []want{ind("Clinton", "said")}},
	{in: "Paul Ryan told CNN that [[the House would vote next week]].", lang: "en", want: []want{ind("Paul Ryan", "told").to("CNN")}},
	{in: "According to the Pentagon, [[about 2,000 troops remain]].", lang: "en", want: []want{ind("Pentagon", "According to")}},
	{in: "[[The vote was delayed]], according to two officials.", lang: "en", want: []want{ind("two officials", "according to")}},
	{in: "[[The plan will cost $2 billion]], the governor said.", lang: "en", want: []want{ind("the governor", "said")}},
	{in: "The party's state chairman, John Miller, said [[he could not comment on the report]].", lang: "en", want: []want{ind("John Miller", "said").r("chairman")}},
	{in: "[[The program sends a terrible message]], Senator Jane Porter, Democrat of Maine, said.", lang: "en", want: []want{ind("Jane Porter", "said").r("senator")}},
	{in: "[[The rise in crime is an insult to every family]], top city officials said.", lang: "en", want: []want{ind("top city officials", "said")}},
	{in: "Tom Ford was upbeat. [[To avoid trouble]], he said, local officials must stay alert.", lang: "en", want: []want{ind("Tom Ford", "said")}},
	{in: "Clinton says at a rally in Dayton, Ohio, that [[the plan means nothing for students]].", lang: "en", want: []want{ind("Clinton", "says")}},
	// titles in title case are not quotes
	{in: "She appeared on “Fox News Sunday” with her husband.", lang: "en", want: nil},
}

func TestQuotes(t *testing.T) {
	a, err := quote.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range append(append(rows[:len(rows):len(rows)], rowsMore...), append(append(append(append(rowsSpeakers, rowsDescriptions...), rowsEmbedded...), rowsTied...), rowsSources...)...) {
		text, spans := parse(r.in)
		lang := r.lang
		if lang == "" {
			lang = "da"
		}
		doc := kilde.NewDoc(kilde.Article{Text: text, Lang: lang})
		if err := a.Annotate(doc); err != nil {
			t.Fatal(err)
		}
		got := describe(doc, doc.Quotes)
		var exp []string
		for i, w := range r.want {
			if i >= len(spans) {
				t.Errorf("%q: fewer spans than wants", r.in)
				break
			}
			exp = append(exp, fmt.Sprintf("%s %q speaker=%q cue=%q role=%q addr=%q", w.kind, text[spans[i].Start:spans[i].End], w.speaker, w.cue, w.role, w.addressee))
		}
		if strings.Join(got, "\n") != strings.Join(exp, "\n") {
			t.Errorf("Annotate(%q)\n got: %s\nwant: %s", text, strings.Join(got, "\n      "), strings.Join(exp, "\n      "))
		}
	}
}

func describe(doc *kilde.Doc, qs []kilde.Quote) []string {
	var out []string
	for _, q := range qs {
		out = append(out, fmt.Sprintf("%s %q speaker=%q cue=%q role=%q addr=%q", q.Kind, doc.SpanText(q.Span), q.Speaker, q.Cue, q.Role, q.Addressee))
	}
	return out
}

// A tweet in English inside a Danish article, with its signature and its
// Danish rendering, gets the English language from the paragraph and both
// are the tweeter's.
func TestTweetAndTranslation(t *testing.T) {
	a, _ := quote.New()
	text := "Præsident Barack Obama har også meldt ud på Twitter.\n\n" +
		"We must stand together now. Our allies deserve nothing less than our full support — Barack Obama (@BarackObama) 3. marts 2016\n\n" +
		"Han skriver: ’Vi må stå sammen nu. Vores allierede fortjener vores fulde støtte.’"
	doc := kilde.NewDoc(kilde.Article{Text: text, Lang: "da"})
	p2 := strings.Index(text, "We must")
	doc.Paragraphs = []kilde.Paragraph{{Span: kilde.Span{Start: 0, End: p2 - 2}}, {Span: kilde.Span{Start: p2, End: strings.Index(text, "\n\nHan")}, Lang: "en"}, {Span: kilde.Span{Start: strings.Index(text, "Han skriver"), End: len(text)}}}
	if err := a.Annotate(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Quotes) != 2 {
		t.Fatalf("got %d quotes: %v", len(doc.Quotes), describe(doc, doc.Quotes))
	}
	tw, tr := doc.Quotes[0], doc.Quotes[1]
	if got := doc.SpanText(tw.Span); got != "We must stand together now. Our allies deserve nothing less than our full support" || tw.Speaker != "Barack Obama" || tw.Lang != "en" {
		t.Errorf("tweet = %q by %q lang %q", got, tw.Speaker, tw.Lang)
	}
	if tr.Speaker != "Barack Obama" || tr.Lang != "da" || tr.Cue != "skriver" {
		t.Errorf("translation = %v", describe(doc, doc.Quotes[1:]))
	}
	if got := quote.TranslationOf(doc); len(got) != 2 || got[1] != 0 || got[0] != -1 {
		t.Errorf("TranslationOf = %v, want [-1 0]", got)
	}
	// the annotator sets the field: 1 + the index of the original, 0 if none
	if tw.TranslationOf != 0 || tr.TranslationOf != 1 {
		t.Errorf("Quote.TranslationOf = %d, %d; want 0, 1", tw.TranslationOf, tr.TranslationOf)
	}
	// kilde/1 writes it as translation_of, the 0-based index
	out, err := json.Marshal(kilde1.FromDoc(doc))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(out), `"translation_of":0`); n != 1 {
		t.Errorf("kilde/1 has %d translation_of:0, want 1: %s", n, out)
	}
}

// Entities, when present, name the speaker with their canonical form.
func TestEntities(t *testing.T) {
	a, _ := quote.New()
	text := "Donald Trump talte i går. »Vi vinder«, siger Trump til Fox News."
	doc := kilde.NewDoc(kilde.Article{Text: text, Lang: "da"})
	at := func(s string, label, canon string) kilde.Entity {
		i := strings.LastIndex(text, s)
		return kilde.Entity{Span: kilde.Span{Start: i, End: i + len(s)}, Label: label, Canonical: canon}
	}
	doc.Entities = []kilde.Entity{at("Donald Trump", "PER", "Donald Trump"), at("Trump", "PER", "Donald Trump"), at("Fox News", "ORG", "Fox News")}
	doc.Entities[0].Start = 0
	doc.Entities[0].End = len("Donald Trump")
	if err := a.Annotate(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Quotes) != 1 || doc.Quotes[0].Speaker != "Donald Trump" || doc.Quotes[0].Addressee != "Fox News" {
		t.Fatalf("got %v", describe(doc, doc.Quotes))
	}
	if sp := doc.SpanText(doc.Quotes[0].SpeakerSpan); sp != "Trump" {
		t.Errorf("speaker span %q, want Trump", sp)
	}
}

// With sentences from the sentence layer the result is the same.
func TestWithSentences(t *testing.T) {
	a, _ := quote.New()
	for _, r := range rows[:12] {
		text, _ := parse(r.in)
		doc := kilde.NewDoc(kilde.Article{Text: text, Lang: "da"})
		_ = a.Annotate(doc)
		want := describe(doc, doc.Quotes)
		doc2 := kilde.NewDoc(kilde.Article{Text: text, Lang: "da"})
		doc2.Sentences = naiveSentences(text)
		_ = a.Annotate(doc2)
		if got := describe(doc2, doc2.Quotes); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%q: with sentences %v, without %v", text, got, want)
		}
	}
}

func naiveSentences(text string) []kilde.Span {
	var out []kilde.Span
	s := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' || text[i] == '!' || text[i] == '?') && i+2 < len(text) && text[i+1] == ' ' && text[i+2] >= 'A' && text[i+2] <= 'Z' {
			out = append(out, kilde.Span{Start: s, End: i + 1})
			s = i + 2
		}
	}
	return append(out, kilde.Span{Start: s, End: len(text)})
}

func FuzzAnnotate(f *testing.F) {
	for _, r := range append(append(rows[:len(rows):len(rows)], rowsMore...), append(append(append(append(rowsSpeakers, rowsDescriptions...), rowsEmbedded...), rowsTied...), rowsSources...)...) {
		text, _ := parse(r.in)
		f.Add(text)
	}
	f.Add("»«„“”\"‘’‚'‹›")
	f.Add("– \n– , siger\n»")
	f.Add("x — A B (@c) 1")
	a, err := quote.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// Readers repair UTF-8 before annotation; on broken input only the
		// bounds are checked, since rune boundaries are undefined there.
		valid := utf8.ValidString(text)
		for _, lang := range []string{"da", "en", ""} {
			doc := kilde.NewDoc(kilde.Article{Text: text, Lang: lang})
			if err := a.Annotate(doc); err != nil {
				t.Fatal(err)
			}
			for _, q := range doc.Quotes {
				for _, sp := range []kilde.Span{q.Span, q.SpeakerSpan, q.CueSpan} {
					if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
						t.Fatalf("span %v outside text of %d bytes", sp, len(text))
					}
					if valid && (!utf8.RuneStart(byteAt(text, sp.Start)) || !utf8.RuneStart(byteAt(text, sp.End))) {
						t.Fatalf("span %v not on rune boundaries in %q", sp, text)
					}
				}
				if q.Span.Len() == 0 {
					t.Fatalf("empty quote in %q", text)
				}
			}
		}
	})
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	return s[i]
}
