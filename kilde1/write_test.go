package kilde1_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/kilde1"
)

// oldEncoding is how kilde/1 was written before Write: the whole Document
// built by FromDoc, encoded by a json.Encoder without HTML escaping (as
// kilde annotate did).
func oldEncoding(d *kilde.Doc) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(kilde1.FromDoc(d))
	return b.Bytes(), err
}

func sameAsOld(t *testing.T, d *kilde.Doc) {
	t.Helper()
	want, err := oldEncoding(d)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := kilde1.Write(&got, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		i := 0
		for i < min(got.Len(), len(want)) && got.Bytes()[i] == want[i] {
			i++
		}
		t.Fatalf("Write differs from the json.Encoder output at byte %d of %d/%d:\n got %q\nwant %q", i, got.Len(), len(want),
			got.Bytes()[max(0, i-40):min(got.Len(), i+40)], want[max(0, i-40):min(len(want), i+40)])
	}
}

// layered is a Doc over text with every layer filled from a byte-driven
// generator: spans anywhere in the text (inside runes and empty too), every
// optional field set or not, floats from tiny to huge.
func layered(text string, seed []byte) *kilde.Doc {
	k := 0
	next := func(n int) int {
		if n <= 0 {
			return 0
		}
		k++
		v := k * 2654435761
		if len(seed) > 0 {
			v += int(seed[k%len(seed)]) * 40503
		}
		if v < 0 {
			v = -v
		}
		return v % n
	}
	span := func() kilde.Span {
		a := next(len(text) + 1)
		return kilde.Span{Start: a, End: a + next(len(text)-a+1)}
	}
	word := func() string {
		w := []string{"", "Mette Frederiksen", "Novo Nordisk A/S", "<b>&amp;</b>", "\"citat\"", "tab\there", "line\u2028sep\u2029", "\x00\x1f\x7f", "æøå ÆØÅ", "🚲", "bad\xffutf8\xc3"}
		return w[next(len(w))]
	}
	opt := func() *float64 {
		fs := []float64{0, -0.5, 1e-7, 1.5e-6, 12.5, 1e20, 1e21, 123456789.123, -3e300, math.SmallestNonzeroFloat64, 4.2}
		if next(4) == 0 {
			return nil
		}
		f := fs[next(len(fs))]
		return &f
	}
	d := kilde.NewDoc(kilde.Article{ID: word(), Date: []string{"", "2025-06-12", "2019-02"}[next(3)], Lang: []string{"da", "en", ""}[next(3)], Text: text,
		Source: kilde.Source{File: word(), Line: next(3) - 1, URL: word(), Title: word(), Outlet: word(), DateSource: word()}})
	d.ContentID = []string{"", "c0ffee"}[next(2)]
	n := 1 + next(6)
	for i := 0; i < n; i++ {
		d.Sentences = append(d.Sentences, span())
		d.Entities = append(d.Entities, kilde.Entity{Span: span(), Label: []string{"PER", "ORG", "LOC", "MISC"}[next(4)], Canonical: word()})
		d.Times = append(d.Times, kilde.Time{Span: span(), Type: "DATE", Value: word()})
		d.Quantities = append(d.Quantities, kilde.Quantity{Span: span(), Value: opt(), Low: opt(), High: opt(), Approx: word(), Unit: word(), Measured: word()})
		q := kilde.Quote{Span: span(), Kind: "direct", Speaker: word(), Cue: word(), Lang: word(), Role: word(), Addressee: word(), TranslationOf: next(n+2) - 1}
		if next(2) == 0 {
			q.SpeakerSpan = span()
		}
		d.Quotes = append(d.Quotes, q)
		c := kilde.Claim{Span: span(), Source: word(), Hedge: word(), Cue: word()}
		if next(2) == 0 {
			c.Via = []string{word(), word()}
		}
		if next(2) == 0 {
			c.Quantities = []int{next(n), next(n)}
		}
		d.Claims = append(d.Claims, c)
		ck := kilde.Check{Kind: word(), Status: word(), Detail: word()}
		for j := next(3); j > 0; j-- {
			ck.Spans = append(ck.Spans, span())
		}
		d.Checks = append(d.Checks, ck)
	}
	return d
}

var writeTexts = []string{
	"",
	"Statsminister Mette Frederiksen siger, at »det er uacceptabelt«.",
	"“We will not back down,” Mayor John Smith said on Tuesday. <script>&amp;</script>",
	"control\x00\x01\x07\b\f\n\r\t\x1b\x1f\x7f end \"quoted\" back\\slash",
	"line\u2028separator\u2029paragraph and U+2027\u2027 U+202A\u202a",
	"invalid \xff\xfe utf-8 \xc3( truncated \xe2\x82 and \xed\xa0\x80 surrogate, last byte \xc3",
	"emoji 🚲🇩🇰 combining e\u0301 and BOM \ufeff and replacement \ufffd",
	strings.Repeat("Ålborg-Åse \"siger\" 12,5 mio. kr.\n", 3000), // longer than the stream buffer
	strings.Repeat("x", 70000) + "\n" + strings.Repeat("\x01", 40000) + strings.Repeat("ø", 30000),
}

// TestWriteSameAsEncoder: Write gives the very bytes of the json.Encoder
// output it replaces, on texts with every kind of escape and on documents
// with every optional field set or not.
func TestWriteSameAsEncoder(t *testing.T) {
	for i, text := range writeTexts {
		for seed := 0; seed < 20; seed++ {
			sameAsOld(t, layered(text, []byte{byte(i), byte(seed)}))
		}
	}
	sameAsOld(t, kilde.NewDoc(kilde.Article{})) // all layers nil
}

// TestWriteSameAsEncoderFiles: the same on the sample and end-to-end texts,
// with generated layers (cmd/kilde compares the real pipeline's output).
func TestWriteSameAsEncoderFiles(t *testing.T) {
	files, _ := filepath.Glob("../e2e/testdata*/*.txt")
	shared, _ := filepath.Glob("../../shared/corpus/*.txt")
	files = append(files, shared...)
	if len(files) == 0 {
		t.Skip("no e2e or ../shared/corpus texts")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for seed := 0; seed < 5; seed++ {
			sameAsOld(t, layered(string(b), []byte{byte(seed), byte(len(b))}))
		}
	}
}

func TestWriteRefusesNaN(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		d := kilde.NewDoc(kilde.Article{Text: "10 kr."})
		d.Quantities = []kilde.Quantity{{Span: kilde.Span{Start: 0, End: 6}, High: &f}}
		_, want := oldEncoding(d)
		var b bytes.Buffer
		err := kilde1.Write(&b, d)
		if err == nil || want == nil || err.Error() != want.Error() || b.Len() != 0 {
			t.Errorf("%v: Write wrote %d bytes, error %v; the encoder: %v", f, b.Len(), err, want)
		}
	}
}

func TestWriteError(t *testing.T) {
	d := layered(writeTexts[7], nil)
	boom := errors.New("disk full")
	if err := kilde1.Write(errWriter{boom}, d); !errors.Is(err, boom) {
		t.Errorf("got %v, want %v", err, boom)
	}
}

type errWriter struct{ err error }

func (w errWriter) Write([]byte) (int, error) { return 0, w.err }

// FuzzWrite: on any text and layers, Write is byte for byte the encoder's output.
func FuzzWrite(f *testing.F) {
	for i, text := range writeTexts[:7] {
		f.Add(text, []byte{byte(i)})
	}
	f.Fuzz(func(t *testing.T, text string, seed []byte) {
		sameAsOld(t, layered(text, seed))
	})
}

func BenchmarkWrite(b *testing.B) {
	text := strings.Repeat("Statsminister Mette Frederiksen siger, at »det er uacceptabelt« og koster 12,5 mio. kr.\n", 10000)
	d := layered(text, []byte{1, 2, 3})
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if err := kilde1.Write(iotestDiscard{}, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(strings.Fields(text)))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

type iotestDiscard struct{}

func (iotestDiscard) Write(p []byte) (int, error) { return len(p), nil }
