package langid_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/langid"
)

var ident = func() *langid.Identifier {
	id, err := langid.New()
	if err != nil {
		panic(err)
	}
	return id
}()

type labelled struct{ lang, text string }

func sentences(t testing.TB) []labelled {
	f, err := os.Open("testdata/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l, s, ok := strings.Cut(sc.Text(), "\t"); ok && !strings.HasPrefix(l, "#") {
			out = append(out, labelled{l, s})
		}
	}
	return out
}

// TestSentences checks every test sentence alone, and that no Norwegian or
// Swedish sentence is ever called Danish.
func TestSentences(t *testing.T) {
	correct, byWords := 0, 0
	ss := sentences(t)
	for _, s := range ss {
		got, words := ident.Detect(s.text)
		if got == s.lang {
			correct++
		} else {
			t.Errorf("Detect(%q) = %s, want %s", s.text, got, s.lang)
		}
		if words {
			byWords++
		}
	}
	t.Logf("%d/%d sentences right, %d decided by word counts", correct, len(ss), byWords)
}

// TestArticles joins each language's sentences into an article.
func TestArticles(t *testing.T) {
	by := map[string][]string{}
	for _, s := range sentences(t) {
		by[s.lang] = append(by[s.lang], s.text)
	}
	for lang, ss := range by {
		d := kilde.NewDoc(kilde.Article{Text: strings.Join(ss, "\n\n")})
		if err := ident.Annotate(d); err != nil {
			t.Fatal(err)
		}
		if d.Lang != lang {
			t.Errorf("article of %s sentences: lang %s", lang, d.Lang)
		}
		for _, p := range d.Paragraphs {
			if p.Lang != "" {
				t.Errorf("%s article: paragraph %q got its own lang %s", lang, d.SpanText(p.Span), p.Lang)
			}
		}
	}
}

// TestParagraphs: a paragraph clearly in another language gets its own.
func TestParagraphs(t *testing.T) {
	tests := []struct {
		text  string
		lang  string
		paras []string // "" = the article's
	}{
		{"Præsidenten skrev mandag aften på Twitter, at han ikke vil mødes med statsministeren.\n\n" +
			"I will not meet the Prime Minister of Denmark, because she was very rude to our country!\n\n" +
			"Statsministeren siger til DR, at hun er skuffet over udmeldingen.", "da", []string{"", "en", ""}},
		// A short English line is too short to count.
		{"Borgmesteren har ikke villet kommentere sagen, men hans kontor oplyser, at han vil svare i morgen.\n\nThank you!\n\nSagen fortsætter i byrådet i næste uge, hvor et flertal ventes at stemme for.", "da", []string{"", "", ""}},
		// A Norwegian quote in a Danish article.
		{"Den norske minister var ikke enig i kritikken, da hun mødtes med pressen onsdag efter mødet.\n\n" +
			"Vi har ikke fått noe svar fra departementet ennå, og det er veldig utilfredsstillende, sier hun.\n\n" +
			"Det danske ministerium har ikke ønsket at kommentere sagen over for avisen, men oplyser, at der kommer et svar i næste uge.", "da", []string{"", "nb", ""}},
		// An English article with a Danish quote.
		{"The Danish prime minister said on Monday that the government would not change its policy.\n\n" +
			"Vi har ikke fået noget svar fra ministeriet endnu, og det er meget utilfredsstillende, siger hun.\n\n" +
			"Officials in Washington declined to comment on the remarks.", "en", []string{"", "da", ""}},
	}
	for _, tt := range tests {
		d := kilde.NewDoc(kilde.Article{Text: tt.text})
		if err := ident.Annotate(d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range d.Paragraphs {
			got = append(got, p.Lang)
		}
		if d.Lang != tt.lang || strings.Join(got, ",") != strings.Join(tt.paras, ",") {
			t.Errorf("Annotate(%q): lang %s paragraphs %q, want %s %q", tt.text, d.Lang, got, tt.lang, tt.paras)
		}
	}
}

// The input's own language is kept.
func TestGivenLang(t *testing.T) {
	d := kilde.NewDoc(kilde.Article{Text: "The government says it will not change the law.", Lang: "da"})
	ident.Annotate(d)
	if d.Lang != "da" {
		t.Errorf("lang %s, want the given da", d.Lang)
	}
}

func TestParagraphSpans(t *testing.T) {
	text := "  Første afsnit\nanden linje  \n \t\n\nAndet afsnit\n\n"
	var got []string
	for _, p := range langid.Paragraphs(text, nil) {
		got = append(got, text[p.Start:p.End])
	}
	if want := "Første afsnit\nanden linje|Andet afsnit"; strings.Join(got, "|") != want {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range sentences(f) {
		f.Add(s.text + "\n\n" + s.text)
	}
	f.Add("\n\n\xff\n\n")
	f.Fuzz(func(t *testing.T, text string) {
		d := kilde.NewDoc(kilde.Article{Text: text})
		if err := ident.Annotate(d); err != nil {
			t.Fatal(err)
		}
		// Readers repair UTF-8 before annotation; on broken input only the
		// bounds are checked, since rune boundaries are undefined there
		// ("\x980": a paragraph starts at a stray continuation byte).
		valid := utf8.ValidString(text)
		last := 0
		for _, p := range d.Paragraphs {
			if p.Start < last || p.End > len(text) || p.Start >= p.End || valid && (!utf8.RuneStart(text[p.Start]) || (p.End < len(text) && !utf8.RuneStart(text[p.End]))) {
				t.Fatalf("bad paragraph %v in %q", p.Span, text)
			}
			last = p.End
		}
	})
}
