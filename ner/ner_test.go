package ner_test

import (
	"bytes"
	"github.com/kilde-news/kilde/eval"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/ner"
)

func newAnnotator(t testing.TB) *ner.Annotator {
	t.Helper()
	a, err := ner.New()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func annotate(t testing.TB, a *ner.Annotator, lang, text string) *kilde.Doc {
	t.Helper()
	d := kilde.NewDoc(kilde.Article{Lang: lang, Text: text})
	tokenize(d)
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func got(d *kilde.Doc) []string {
	var out []string
	for _, e := range d.Entities {
		out = append(out, d.SpanText(e.Span)+"|"+e.Label)
	}
	return out
}

// Real predictions of the embedded models on sentences written for these
// tests (not from any training or test set).
func TestTag(t *testing.T) {
	a := newAnnotator(t)
	for _, tc := range []struct{ lang, marked string }{
		// Danish: persons with and without role words, places after "i"/"fra".
		{"da", "Statsminister [Mette Frederiksen|PER] holdt tale i [Aarhus|LOC] søndag."},
		{"da", "Formanden [Jens Hansen|PER] fra [Dansk Metal|ORG] vil ikke kommentere sagen."},
		{"da", "Regeringen sender flere soldater til [Irak|LOC] næste år."},
		{"da", "[Lars Løkke Rasmussen|PER] mødtes med [Angela Merkel|PER] i [Berlin|LOC]."},
		{"da", "Ifølge [DR|ORG] er der ingen aftale endnu."},
		// A name inside a hyphen compound is not an entity (DaNE convention).
		{"da", "Omkring 500 ISIS-krigere er fanget i den syriske by."},
		// Organisations (the gazetteer is a feature the model weighs).
		{"da", "Ifølge [Jyllands-Posten|ORG] har [Novo Nordisk|ORG] og [Mærsk|ORG] bakket op."},
		{"da", "[Enhedslisten|ORG] og [SF|ORG] stemmer imod forslaget."},
		// A possessive stays in a Danish span; canonical names drop it.
		{"da", "[Venstres|ORG] formand mener, at [Danmark|LOC] skal sende fly til [Ukraine|LOC]."},
		// English.
		{"en", "[Microsoft|ORG] and [Google|ORG] shares fell sharply on Friday."},
		{"en", "[Donald Trump|PER] met [Boris Johnson|PER] in [London|LOC] on Monday."},
		{"en", "The company moved its headquarters from [Chicago|LOC] to [Texas|LOC]."},
	} {
		text, want := parseMarked(tc.marked)
		d := annotate(t, a, tc.lang, text)
		if g := got(d); !reflect.DeepEqual(g, want) {
			t.Errorf("Annotate(%q) = %q, want %q", text, g, want)
		}
	}
}

// English spans inside a Danish article use the English model.
func TestEnglishParagraph(t *testing.T) {
	a := newAnnotator(t)
	text := "Præsidenten skrev på Twitter:\n\nWe will defeat ISIS together with our great allies in Iraq!"
	d := kilde.NewDoc(kilde.Article{Lang: "da", Text: text})
	p := strings.Index(text, "We")
	d.Paragraphs = []kilde.Paragraph{{Span: kilde.Span{Start: 0, End: p}}, {Span: kilde.Span{Start: p, End: len(text)}, Lang: "en"}}
	tokenize(d)
	if err := a.Annotate(d); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range d.Entities {
		if d.SpanText(e.Span) == "Iraq" && e.Label == "LOC" {
			found = true
		}
	}
	if !found {
		t.Errorf("Annotate(%q) = %q, want Iraq|LOC", text, got(d))
	}
}

func TestCanonical(t *testing.T) {
	a := newAnnotator(t)
	for _, tc := range []struct {
		lang, text string
		want       map[string]string // mention text → canonical
	}{
		{"da", "Donald Trump talte i går. Senere sagde Trump, at han var glad.",
			map[string]string{"Donald Trump": "Donald Trump", "Trump": "Donald Trump"}},
		{"da", "Generalen Joseph Votel kom til Bagdad. Votels besøg var hemmeligt.",
			map[string]string{"Votels": "Joseph Votel"}},
		{"da", "Statsminister Mette Frederiksen talte. Bagefter svarede Frederiksen på spørgsmål.",
			map[string]string{"Frederiksen": "Mette Frederiksen"}},
		{"en", "Donald Trump spoke on Monday. Trump's speech was short.",
			map[string]string{"Trump": "Donald Trump"}},
		{"da", "Dansk Folkeparti (DF) stemmer imod. DF vil ikke forklare hvorfor.",
			map[string]string{"DF": "Dansk Folkeparti"}},
		// A misspelt surname goes to the full name; two real surnames one
		// letter apart stay apart.
		{"en", "General Joseph Votel visited Baghdad on Monday. Votell said the troops would stay.",
			map[string]string{"Joseph Votel": "Joseph Votel", "Votell": "Joseph Votel"}},
		{"da", "Jens Pedersen og Ole Petersen var uenige. Pedersen sagde nej, og Petersen sagde ja.",
			map[string]string{"Pedersen": "Jens Pedersen", "Petersen": "Ole Petersen"}},
		// A later fuller variant takes the first full name.
		{"en", "Donald Trump spoke first. Later, Donald J. Trump signed the order.",
			map[string]string{"Donald J. Trump": "Donald Trump"}},
		// Role words and possessives are not part of the canonical name.
		{"da", "Udenrigsminister Lars Løkke Rasmussen rejser i dag. Rasmussens tale handler om Ukraine.",
			map[string]string{"Lars Løkke Rasmussen": "Lars Løkke Rasmussen", "Rasmussens": "Lars Løkke Rasmussen"}},
	} {
		d := annotate(t, a, tc.lang, tc.text)
		have := map[string]string{}
		for _, e := range d.Entities {
			have[d.SpanText(e.Span)] = e.Canonical
			if e.Label != "PER" && tc.want[d.SpanText(e.Span)] != "" && tc.want[d.SpanText(e.Span)] != d.SpanText(e.Span) {
				t.Logf("%q is %s", d.SpanText(e.Span), e.Label)
			}
		}
		for m, c := range tc.want {
			if have[m] != c {
				t.Errorf("Annotate(%q): canonical of %q = %q, want %q (all: %v)", tc.text, m, have[m], c, have)
			}
		}
	}
}

// Every entity has a canonical name; spans are sorted, inside the text,
// on rune boundaries and do not overlap.
func checkDoc(t *testing.T, d *kilde.Doc) {
	t.Helper()
	last := 0
	for _, e := range d.Entities {
		if e.Start < last || e.End <= e.Start || e.End > len(d.Text) {
			t.Fatalf("bad span %v in %q (prev end %d)", e.Span, d.Text, last)
		}
		// Rune boundaries are defined for valid UTF-8 (readers repair the rest).
		if utf8.ValidString(d.Text) && (!utf8.RuneStart(d.Text[e.Start]) || (e.End < len(d.Text) && !utf8.RuneStart(d.Text[e.End]))) {
			t.Fatalf("span %v not on rune boundaries in %q", e.Span, d.Text)
		}
		if e.Canonical == "" {
			t.Fatalf("empty canonical for %q in %q", d.SpanText(e.Span), d.Text)
		}
		last = e.End
	}
}

func FuzzAnnotate(f *testing.F) {
	a, err := ner.New()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"Statsminister Mette Frederiksen holdt tale i Aarhus søndag.",
		"Donald Trump met Boris Johnson in London on Monday. Trump's speech.",
		"Dansk Folkeparti (DF) stemmer imod. DFs formand siger nej.",
		"\xff\xfe ' ’s 's ( ) - -- ISIS-krigere A. B. C.",
		"KØBENHAVN (Ritzau): Lise Hansen (V) og S og M. Retten i Holbæk, Region Syddanmark, Carlsbergs.",
		"WASHINGTON (Reuters) - The Bank of Canada and Thames Valley Police. Chief Executive Satya Nadella. TV 2 Fyn",
		"Office for ( ) of Bank (V) Politi\nNICE, A/S Team",
		"Pence Says Trump Will Win Thursday\nMike Pence said on Thursday. In March Rubio, Super Tuesday.",
		"Minister Afviser Kritik Af Ny Plan\nLørdag mødte Lars Hansen Venstre mandag.",
		"",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, en bool) {
		lang := "da"
		if en {
			lang = "en"
		}
		d := kilde.NewDoc(kilde.Article{Lang: lang, Text: text})
		tokenize(d)
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		checkDoc(t, d)
	})
}

// The model file round-trips: what WriteTo writes, Load reads back to the
// same predictions.
func TestModelRoundTrip(t *testing.T) {
	m, err := ner.Default("da")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ner.Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("I går mødtes Lars Løkke Rasmussen med DF i København .")
	if a, b := m.Tag(words), m2.Tag(words); !reflect.DeepEqual(a, b) {
		t.Errorf("after round trip Tag = %v, want %v", b, a)
	}
	if _, err := ner.Load(strings.NewReader("KILDENER\x09\x00\x00\x00")); err == nil {
		t.Error("Load accepted a wrong version")
	}
}

// sharedDir finds ../shared beside the directory holding go.mod.
func sharedDir(t testing.TB) string {
	s := eval.SharedDir()
	if _, err := os.Stat(s); err != nil {
		t.Skip("../shared not found: the NER data is needed for this test")
	}
	return s
}

func readSents(t testing.TB, path string) []ner.Sentence {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("NER data absent: %v", err)
	}
	defer f.Close()
	s, err := ner.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The embedded models keep their dev scores (guards against a broken or
// stale model file).
func TestDevScores(t *testing.T) {
	shared := sharedDir(t)
	for _, tc := range []struct {
		lang, file string
		min        float64
	}{
		{"da", "data/ner/da/da_news_dev.tsv", 0.68},
		{"en", "data/ner/en/en_gum_dev.tsv", 0.62},
	} {
		m, err := ner.Default(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		tab, _ := ner.Evaluate(m, readSents(t, filepath.Join(shared, tc.file)))
		if f1 := tab.Micro().F1(); f1 < tc.min {
			t.Errorf("%s dev micro F1 = %.3f, want ≥ %.2f", tc.lang, f1, tc.min)
		}
	}
}

// Training is deterministic: the same data and seed give the same bytes.
func TestTrainDeterministic(t *testing.T) {
	shared := sharedDir(t)
	sents := readSents(t, filepath.Join(shared, "data/ner/da/da_news_train.tsv"))
	sents = sents[:600]
	var out [2][]byte
	for k := range out {
		m, err := ner.Train(sents[:500], sents[500:], ner.TrainOptions{Epochs: 2, Seed: 7, Gazetteer: []string{"1\tAarhus", "2\tDanmark"}})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		out[k] = buf.Bytes()
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Error("two trainings with the same seed gave different model files")
	}
}

func BenchmarkAnnotate(b *testing.B) {
	a := newAnnotator(b)
	para := "Statsminister Mette Frederiksen holdt tale i Aarhus søndag, hvor hun sagde, at Danmark vil sende flere soldater til Irak. " +
		"Ifølge DR har Venstre og Dansk Folkeparti endnu ikke besluttet sig. Lars Løkke Rasmussen vil mødes med Angela Merkel i Berlin i næste uge. "
	text := strings.Repeat(para, 40)
	d := kilde.NewDoc(kilde.Article{Lang: "da", Text: text})
	tokenize(d)
	words := 0
	for _, t := range d.Tokens {
		if t.Kind == kilde.Word {
			words++
		}
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if err := a.Annotate(d); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/cpu-s")
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	m, err := ner.Default("da")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	m.WriteTo(&buf)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ner.Load(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}
