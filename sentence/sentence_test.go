package sentence_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/sentence"
	"github.com/kilde-news/kilde/tokenize"
)

// Each row is a text with its sentences separated by " ‖ " (which stands
// for the white space between them: a space, unless the row writes \n).
var sentenceTests = []struct {
	name, in string
}{
	// Danish abbreviations never end a sentence.
	{"bl.a.", "Han har bl.a. arbejdet i Irak. ‖ Nu bor han i Aarhus."},
	{"f.eks.", "Flere lande, f.eks. USA og Frankrig, protesterer. ‖ Danmark gør ikke."},
	{"ca. mio. mia. kr.", "Det koster ca. 3 mio. kr. om året og 2 mia. kr. i alt. ‖ Regningen betales af staten."},
	{"nr. dvs. jf.", "Han er nr. 2 på listen, dvs. næstbedst, jf. reglerne. ‖ Det ændrer intet."},
	{"hhv. mht. pga.", "De fik hhv. 3 og 4 stemmer pga. fravær. ‖ Mht. resten ved vi intet."},
	{"evt. inkl.", "Prisen er 200 kr. inkl. moms og evt. fragt. ‖ Varen sendes i morgen."},
	{"capitalised", "Bl.a. Venstre stemmer imod. ‖ F.eks. siger formanden nej."},
	{"osv. final", "De købte mælk, brød osv. ‖ Bagefter gik de hjem."},
	{"kr. final", "Regningen lød på 13 mia. kr. ‖ Den betales af FN."},
	{"kl.", "Mødet starter kl. 14.30 i morgen. ‖ Alle er inviteret."},
	// Dates and ordinals.
	{"date", "Den 17. februar 2019 talte han i Bruxelles. ‖ Den 18. rejste han hjem."},
	{"ordinal", "Danmark fik en 3. plads og en 10. plads. ‖ Norge vandt."},
	{"range", "Holdet endte på en 3.-4. plads. ‖ Det var godt."},
	{"list numbers", "Reglerne er enkle:\n1. Hold afstand.\n2. Vask hænder."},
	{"year end", "Det skete i 1985. ‖ I 1990 flyttede hun."},
	{"initials", "H. C. Andersen blev født i Odense. ‖ Han døde i 1875."},
	{"dotted initials", "H.C. Andersen skrev eventyr. ‖ De læses stadig."},
	// English abbreviations.
	{"Mr. Dr.", "Mr. Smith met Dr. Jones in Washington. ‖ They talked for an hour."},
	{"U.S.", "The U.S. Army said no. ‖ The U.N. agreed."},
	{"U.S. end", "Troops will stay in the U.S. ‖ The decision was made in Washington, D.C. ‖ It is final."},
	{"Jan. No.", "On Jan. 5 the No. 2 official resigned. ‖ He gave no reason."},
	{"No. answer", "Is he No. 1? ‖ No. ‖ He is No. 2 in the party."},
	{"el. final", "Prisen på el. ‖ Den stiger igen."},
	{"St. Jr.", "He lives on Main St. ‖ The house is old, said Martin Luther King Jr. Day organizer Ann Lee of St. Paul."},
	{"Inc. final", "Shares fell at Apple Inc. ‖ The company declined to comment."},
	// Quotation marks.
	{"quote comma", "»Vi er klar til at forhandle,« siger han. ‖ »Men ikke i dag.«"},
	{"quote question", "»Hvorfor nu?« spurgte hun. ‖ Ingen svarede."},
	{"quote end", "Han sagde: »Det er slut.« ‖ Så gik han."},
	{"straight quotes", "\"Vi fralægger os ethvert ansvar.\" ‖ Sådan lød meldingen."},
	{"english quotes", "“We will win,” he said. ‖ “We always do.”"},
	{"single quotes", "Han skriver: ’USA ønsker ikke at se på. ‖ Vi trækker os tilbage.’ ‖ Beskeden er klar."},
	{"quote lower", "\"Hvad er det?\" fortsatte han spørgende."},
	{"exclamation", "Hold op! ‖ Det er for meget!"},
	{"ellipsis lower", "Han tøvede ... og gik så."},
	{"ellipsis upper", "Han tøvede... ‖ Så gik han."},
	{"dash dialogue", "Hvad er det, du siger? ‖ - Jeg siger ingenting."},
	{"dash inside", "Et chok - og som regel et stort chok. ‖ Ingen så det komme."},
	// Paragraphs and lines.
	{"paragraph", "Overskrift uden punktum\n\nFørste afsnit begynder her. ‖ Det slutter her."},
	{"headline line", "Regeringen falder\nStatsministeren udskriver valg i dag."},
	{"colon line", "Han skriver:\n’USA ønsker ikke at se på.’"},
	{"wrapped comma", "Han sagde, at han,\nMette Frederiksen og andre var enige."},
	{"wrapped abbreviation", "Det gælder bl.a.\nDanmark og Norge."},
	// A tweet and its signature.
	{"tweet", "We are pulling back after 100% Caliphate victory! ‖ — Donald J. Trump (@realDonaldTrump) 17. februar 2019"},
	{"tweet no period", "Time for others to step up ‖ — Donald J. Trump (@realDonaldTrump) February 17, 2019 ‖ Han skriver videre."},
	{"handle sentence", "Det skrev @realDonaldTrump i går. ‖ Tweetet blev slettet."},
	{"footnote", "The study was published in 2019. [12] ‖ It found no effect."},
	{"url", "Læs mere på https://www.dr.dk/nyheder. ‖ Eller ring."},
}

// parse turns a row into its text and gold sentence spans; " ‖ " becomes a
// space, "\n" inside a sentence stays.
func parse(in string) (string, []kilde.Span) {
	var b strings.Builder
	var spans []kilde.Span
	for i, part := range strings.Split(in, " ‖ ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(part)
		spans = append(spans, kilde.Span{Start: start, End: b.Len()})
	}
	return b.String(), spans
}

func annotate(t testing.TB, text string) *kilde.Doc {
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	sp, err := sentence.New()
	if err != nil {
		t.Fatal(err)
	}
	d := kilde.NewDoc(kilde.Article{Text: text})
	if err := tk.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if err := sp.Annotate(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func show(text string, spans []kilde.Span) string {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = text[s.Start:s.End]
	}
	return strings.Join(parts, " ‖ ")
}

func TestSentences(t *testing.T) {
	for _, tt := range sentenceTests {
		text, want := parse(tt.in)
		// Paragraphs and line breaks are sentence ends of their own.
		if !strings.HasPrefix(tt.name, "wrapped") {
			want = splitLines(text, want)
		}
		d := annotate(t, text)
		if got := show(text, d.Sentences); got != show(text, want) {
			t.Errorf("%s: Annotate(%q)\n got %s\nwant %s", tt.name, text, got, show(text, want))
		}
	}
}

// splitLines splits gold spans at line breaks where the row expects one:
// blank lines always, single ones unless the row's name says "wrapped".
func splitLines(text string, spans []kilde.Span) []kilde.Span {
	var out []kilde.Span
	for _, s := range spans {
		seg := text[s.Start:s.End]
		if !strings.Contains(seg, "\n") {
			out = append(out, s)
			continue
		}
		off := s.Start
		for _, line := range strings.SplitAfter(seg, "\n") {
			trim := strings.TrimSpace(line)
			if trim != "" {
				st := off + strings.Index(line, trim)
				out = append(out, kilde.Span{Start: st, End: st + len(trim)})
			}
			off += len(line)
		}
	}
	return out
}

func TestWrapped(t *testing.T) {
	for _, in := range []string{
		"Han sagde, at han,\nMette Frederiksen og andre var enige.",
		"Det gælder bl.a.\nDanmark og Norge.",
		"De mødtes i\nmorgen.",
	} {
		d := annotate(t, in)
		if len(d.Sentences) != 1 {
			t.Errorf("Annotate(%q) = %s, want one sentence", in, show(in, d.Sentences))
		}
	}
}

func TestParagraphs(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"A.\n\nB.", "A.|B."},
		{"  A.\r\n \r\nB.\n\n\n", "A.|B."},
		{"A.\nB.", "A.\nB."},
		{"A.\u2029B.", "A.|B."},
		{"\n\n \n", ""},
		{"", ""},
	} {
		ps := sentence.Paragraphs(nil, tt.in)
		parts := make([]string, len(ps))
		for i, p := range ps {
			parts[i] = tt.in[p.Start:p.End]
		}
		if got := strings.Join(parts, "|"); got != tt.want {
			t.Errorf("Paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	d := annotate(t, "Første afsnit. To sætninger.\n\nAndet afsnit")
	if len(d.Paragraphs) != 2 || len(d.Sentences) != 3 || d.Paragraphs[1].Lang != "" {
		t.Errorf("got paragraphs %v sentences %v", d.Paragraphs, d.Sentences)
	}
}

// A three-line table passed to NewWith is all the splitter knows.
func TestNewWith(t *testing.T) {
	tk := tokenize.NewWith(map[string]bool{"ca.": true, "osv.": true})
	sp := sentence.NewWith(map[string]bool{"ca.": false, "osv.": true})
	text := "Ca. Halvdelen kom osv. Resten blev hjemme."
	d := kilde.NewDoc(kilde.Article{Text: text})
	_ = tk.Annotate(d)
	_ = sp.Annotate(d)
	if got, want := show(text, d.Sentences), "Ca. Halvdelen kom osv. ‖ Resten blev hjemme."; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if sp.Name() != "sentences" || sp.Requires() != kilde.LayerTokens || sp.Provides() != kilde.LayerSentences|kilde.LayerParagraphs {
		t.Errorf("bad annotator metadata")
	}
}

func checkSpans(t *testing.T, text string, spans []kilde.Span) {
	t.Helper()
	prev := 0
	valid := utf8.ValidString(text)
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("%q: bad span %v after %d", text, s, prev)
		}
		if valid && (!utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End]))) {
			t.Fatalf("%q: span %v not on rune boundaries", text, s)
		}
		if r, _ := utf8.DecodeRuneInString(text[s.Start:]); tokenize.IsSpace(r) {
			t.Fatalf("%q: span %v starts with white space", text, s)
		}
		if r, _ := utf8.DecodeLastRuneInString(text[:s.End]); tokenize.IsSpace(r) {
			t.Fatalf("%q: span %v ends with white space", text, s)
		}
		prev = s.End
	}
}

func FuzzSentences(f *testing.F) {
	for _, tt := range sentenceTests {
		text, _ := parse(tt.in)
		f.Add(text)
	}
	tk, err := tokenize.New()
	if err != nil {
		f.Fatal(err)
	}
	sp, err := sentence.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := kilde.NewDoc(kilde.Article{Text: s})
		_ = tk.Annotate(d)
		if err := sp.Annotate(d); err != nil {
			t.Fatal(err)
		}
		checkSpans(t, s, d.Sentences)
		ps := make([]kilde.Span, len(d.Paragraphs))
		for i, p := range d.Paragraphs {
			ps[i] = p.Span
		}
		checkSpans(t, s, ps)
		// Every sentence lies inside one paragraph.
		for _, sn := range d.Sentences {
			ok := false
			for _, p := range ps {
				ok = ok || p.Contains(sn)
			}
			if !ok {
				t.Fatalf("%q: sentence %v crosses paragraphs %v", s, sn, ps)
			}
		}
	})
}

// Long inputs must not make the splitter quadratic.
func TestLongInput(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("a\n", 100000) + "\u2029",
		strings.Repeat("Ja. ", 50000),
		strings.Repeat("» ", 50000),
		strings.Repeat("— A (@b) ", 20000),
	} {
		d := annotate(t, s)
		checkSpans(t, s, d.Sentences)
	}
}
