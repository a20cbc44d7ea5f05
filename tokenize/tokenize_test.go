package tokenize_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/tokenize"
)

// Each row is a text and its tokens, separated by single spaces.
var tokenTests = []struct {
	in, want string
}{
	// Numbers: thousands separators, decimal commas, clock times, percent.
	{"Mere end 1.000 krigere.", "Mere end 1.000 krigere ."},
	{"Det svarer til 1,32 mia. kr.", "Det svarer til 1,32 mia. kr."},
	{"mellem 15.500 og 17.000 soldater", "mellem 15.500 og 17.000 soldater"},
	{"Renten steg 100% på et år.", "Renten steg 100% på et år ."},
	{"Renten steg 100 % på et år.", "Renten steg 100 % på et år ."},
	{"Mødet er kl. 14.30.", "Mødet er kl. 14.30 ."},
	{"Det var 3,5 grader koldere, -5 om natten.", "Det var 3,5 grader koldere , -5 om natten ."},
	{"Prisen er 25.000,50 kr. i alt.", "Prisen er 25.000,50 kr. i alt ."},
	// Ordinals keep their period before a lower-case word, as in the DDT.
	{"Den 17. februar 2019 tog han en 3. plads.", "Den 17. februar 2019 tog han en 3. plads ."},
	{"Han blev nr. 3.-4. i løbet.", "Han blev nr. 3.-4. i løbet ."},
	{"Det skete i 1985. Han døde i 2001.", "Det skete i 1985 . Han døde i 2001 ."},
	{"Kampen endte 2-1.", "Kampen endte 2-1 ."},
	// Abbreviations from the lexicon, dotted abbreviations and initials.
	{"Der er bl.a. tale om f.eks. Irak.", "Der er bl.a. tale om f.eks. Irak ."},
	{"Bl.a. USA og ca. 20 lande m.fl.", "Bl.a. USA og ca. 20 lande m.fl."},
	{"The U.S. Army and Mr. Smith met Dr. Jones.", "The U.S. Army and Mr. Smith met Dr. Jones ."},
	{"H.C. Andersen og H. C. Ørsted", "H.C. Andersen og H. C. Ørsted"},
	{"Donald J. Trump", "Donald J. Trump"},
	{"He is No. 2. No. He is not.", "He is No. 2 . No . He is not ."},
	// Compounds, genitives, elisions.
	{"ISIS-krigere og en militær-tjenestemand", "ISIS-krigere og en militær-tjenestemand"},
	{"USA’s militære operationer og Trump's tweets", "USA’s militære operationer og Trump's tweets"},
	{"i ’90’erne og 90'erne", "i ’90’erne og 90'erne"},
	{"tv- og radio-udstyr", "tv- og radio-udstyr"},
	{"Stones' plader, ha' det godt", "Stones' plader , ha' det godt"},
	{"og/eller AT&T", "og/eller AT&T"},
	// Social media, URLs, e-mail.
	{"@realDonaldTrump skrev #dkpol på Twitter.", "@realDonaldTrump skrev #dkpol på Twitter ."},
	{"(@realDonaldTrump) 17. februar", "( @realDonaldTrump ) 17. februar"},
	{"Læs https://www.dr.dk/nyheder/a_(b). Eller www.tv2.dk, ikke.", "Læs https://www.dr.dk/nyheder/a_(b) . Eller www.tv2.dk , ikke ."},
	{"Læs mere på dr.dk. Eller bt.dk.", "Læs mere på dr.dk . Eller bt.dk ."},
	{"(se https://example.com/x)", "( se https://example.com/x )"},
	{"Skriv til navn.efternavn@dr.dk!", "Skriv til navn.efternavn@dr.dk !"},
	// Quotation marks and dashes are tokens of their own.
	{"»Det er slut,« siger han.", "» Det er slut , « siger han ."},
	{"\"Hvad?\" spurgte hun.", "\" Hvad ? \" spurgte hun ."},
	{"„Ja“, sagde hun – og gik.", "„ Ja “ , sagde hun – og gik ."},
	{"’USA ønsker ikke at se på.’", "’ USA ønsker ikke at se på . ’"},
	{"- Hvad er det, du siger?", "- Hvad er det , du siger ?"},
	{"Victory! — Donald J. Trump", "Victory ! — Donald J. Trump"},
	{"Nej... Måske?! Ja…", "Nej ... Måske ?! Ja …"},
	{"....The U.S. does", ".... The U.S. does"},
	{"(Foto: Bent Rej)", "( Foto : Bent Rej )"},
	{"ord;ord", "ord ; ord"},
	// Symbols and emoji.
	{"Pris: $5 eller 5€ 😀👍🏽", "Pris : $ 5 eller 5 € 😀 👍🏽"},
	// White space of every kind separates tokens.
	{"a\u00a0b\u2009c\r\nd\te\u200bf", "a b c d e f"},
}

func TestTokens(t *testing.T) {
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tokenTests {
		got := texts(tt.in, tk.Append(nil, tt.in))
		if got != tt.want {
			t.Errorf("Append(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
		if slow := texts(tt.in, tk.AppendGeneral(nil, tt.in)); slow != got {
			t.Errorf("Append(%q): fast path %s, general rules %s", tt.in, got, slow)
		}
	}
}

func texts(s string, toks []kilde.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = s[t.Start:t.End]
	}
	return strings.Join(parts, " ")
}

func TestKinds(t *testing.T) {
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	in := "Hej 1.000 100% 17. marts , € @dr #dkpol https://dr.dk a@b.dk dr.dk"
	want := []kilde.TokenKind{kilde.Word, kilde.Number, kilde.Number, kilde.Number, kilde.Word, kilde.Punct, kilde.Symbol,
		kilde.Handle, kilde.Hashtag, kilde.URL, kilde.Email, kilde.URL}
	toks := tk.Append(nil, in)
	if len(toks) != len(want) {
		t.Fatalf("Append(%q) = %s, want %d tokens", in, texts(in, toks), len(want))
	}
	for i, tok := range toks {
		if tok.Kind != want[i] {
			t.Errorf("%q: kind %d, want %d", in[tok.Start:tok.End], tok.Kind, want[i])
		}
	}
}

// A small abbreviation table passed to NewWith is all the tokenizer knows.
func TestNewWith(t *testing.T) {
	tk := tokenize.NewWith(map[string]bool{"ca.": true})
	in := "ca. 5 mio. kr."
	if got, want := texts(in, tk.Append(nil, in)), "ca. 5 mio . kr ."; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestAnnotate(t *testing.T) {
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	d := kilde.NewDoc(kilde.Article{Text: "Han sagde: »Nej.«"})
	d.Tokens = []kilde.Token{{Span: kilde.Span{Start: 99, End: 100}}} // stale layer is replaced
	if err := tk.Annotate(d); err != nil {
		t.Fatal(err)
	}
	if got, want := texts(d.Text, d.Tokens), "Han sagde : » Nej . «"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if tk.Name() != "tokens" || tk.Provides() != kilde.LayerTokens || tk.Requires() != 0 {
		t.Errorf("bad annotator metadata")
	}
}

// checkTokens verifies the invariants every tokenization keeps.
func checkTokens(t *testing.T, s string, toks []kilde.Token) {
	t.Helper()
	prev := 0
	valid := utf8.ValidString(s)
	for _, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
			t.Fatalf("%q: bad token span %v after %d", s, tok.Span, prev)
		}
		if valid && (!utf8.RuneStart(s[tok.Start]) || (tok.End < len(s) && !utf8.RuneStart(s[tok.End]))) {
			t.Fatalf("%q: token %v not on rune boundaries", s, tok.Span)
		}
		for _, r := range s[prev:tok.Start] {
			if !tokenize.IsSpace(r) && r != utf8.RuneError {
				t.Fatalf("%q: %q between tokens is not white space", s, r)
			}
		}
		prev = tok.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, tt := range tokenTests {
		f.Add(tt.in)
	}
	tk, err := tokenize.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := tk.Append(nil, s)
		checkTokens(t, s, toks)
		// The shortcuts for plain words change nothing.
		if got, want := texts(s, toks), texts(s, tk.AppendGeneral(nil, s)); got != want {
			t.Fatalf("%q: fast path %s, general rules %s", s, got, want)
		}
	})
}

// Long single chunks must not make the tokenizer quadratic.
func TestLongInput(t *testing.T) {
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"https://x.dk/" + strings.Repeat(")", 200000),
		strings.Repeat("a.)", 100000),
		strings.Repeat("ISIS-", 100000),
		strings.Repeat(".", 200000),
		strings.Repeat("1.", 100000),
	} {
		checkTokens(t, s, tk.Append(nil, s))
	}
}
