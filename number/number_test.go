package number_test

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde/number"
)

func TestErr(t *testing.T) {
	if err := number.Err(); err != nil {
		t.Fatal(err)
	}
}

var parseTests = []struct {
	lang, in string
	want     float64
	n        int // bytes consumed; -1 means all
}{
	// Danish digits: '.' groups, ',' is the decimal mark.
	{"da", "1.000", 1000, -1},
	{"da", "1,32", 1.32, -1},
	{"da", "15.500 soldater", 15500, 6},
	{"da", "2.345.678", 2345678, -1},
	{"da", ",5", 0.5, -1},
	{"da", "1.5", 1.5, -1},
	{"da", "12\u00a0500", 12500, -1},
	{"da", "12\u202f500", 12500, -1},
	{"da", "3 400 biler", 3400, 5},
	{"da", "1.111,11", 1111.11, -1},
	// English digits: ',' groups, '.' is the decimal mark.
	{"en", "1,000", 1000, -1},
	{"en", "3.5", 3.5, -1},
	{"en", "4.800", 4.8, -1},
	{"en", "7,250,000 people", 7250000, 9},
	{"en", "1,111.11", 1111.11, -1},
	{"en", ".25", 0.25, -1},
	{"en", "3/4", 0.75, -1},
	{"en", "5 1/2", 5.5, -1},
	{"en", "2e3", 2000, -1},
	// suffixes
	{"en", "250k", 250000, -1},
	{"en", "4.3bn", 4.3e9, -1},
	{"da", "1,5M", 1.5e6, -1},
	{"da", "7mia", 7e9, -1},
	// signs
	{"da", "-12", -12, -1},
	{"da", "minus 4", -4, -1},
	{"en", "negative six", -6, -1},
	// Danish words and compounds
	{"da", "to", 2, -1},
	{"da", "tyve", 20, -1},
	{"da", "halvtreds", 50, -1},
	{"da", "syvoghalvfems", 97, -1},
	{"da", "seks og tres", 66, -1},
	{"da", "hundrede", 100, -1},
	{"da", "tre hundrede og tolv", 312, -1},
	{"da", "femhundrede", 500, -1},
	{"da", "ni tusinde", 9000, -1},
	{"da", "en halv million", 500000, -1},
	{"da", "fire en halv", 4.5, -1},
	{"da", "to og en halv million", 2.5e6, -1},
	{"da", "halvanden milliard", 1.5e9, -1},
	{"da", "en tredjedel", 1.0 / 3, -1},
	{"da", "to tredjedele", 2.0 / 3, -1},
	{"da", "et par", 2, -1},
	{"da", "et halvt hundrede", 50, -1},
	{"da", "Otte", 8, -1},
	{"da", "3 millioner", 3e6, -1},
	{"da", "1,32 milliarder", 1.32e9, -1},
	{"da", "2,5 mia. kr.", 2.5e9, 8},
	{"da", "4 mio. indbyggere", 4e6, 6},
	{"da", "1,2 millarder", 1.2e9, -1}, // misspelled scale word from the lexicon
	{"da", "en billion", 1e12, -1},     // Danish billion is 10^12
	// English words
	{"en", "twenty-one", 21, -1},
	{"en", "fifty two", 52, -1},
	{"en", "a dozen", 12, -1},
	{"en", "half a million", 500000, -1},
	{"en", "one and a half", 1.5, -1},
	{"en", "two thirds", 2.0 / 3, -1},
	{"en", "three hundred and six", 306, -1},
	{"en", "four thousand two hundred", 4200, -1},
	{"en", "a third", 1.0 / 3, -1},
	{"en", "six point two five", 6.25, -1},
	{"en", "2.5 billion", 2.5e9, -1},
	{"en", "seven million people", 7e6, 13},
	{"en", "½", 0.5, -1},
	{"en", "3 hundred and 2 hundred", 300, 9}, // two numbers
	{"en", "3½", 3.5, -1},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		v, n, ok := number.Parse(tt.lang, tt.in)
		want := tt.n
		if want < 0 {
			want = len(tt.in)
		}
		if !ok || math.Abs(v-tt.want) > 1e-9*math.Max(1, math.Abs(tt.want)) || n != want {
			t.Errorf("Parse(%q, %q) = %v, %d, %v; want %v, %d, true", tt.lang, tt.in, v, n, ok, tt.want, want)
		}
	}
}

var notNumbers = []struct{ lang, in string }{
	{"da", "1.2.3.4"},
	{"da", "14.30"}, // a clock time
	{"da", "tone"},  // "to" + "ne" is no number
	{"da", "og"},
	{"da", "tiet"},
	{"en", "a"},
	{"en", "an"},
	{"en", "to"}, // English "to" is no number
	{"da", "-"},
	{"da", "mellem og"},
	{"en", "1,000,00"},
	{"da", "3. plads"}, // an ordinal
	{"en", "21st"},
	{"en", "third"},
}

func TestNotNumbers(t *testing.T) {
	for _, tt := range notNumbers {
		if v, n, ok := number.Parse(tt.lang, tt.in); ok {
			t.Errorf("Parse(%q, %q) = %v, %d, true; want no number", tt.lang, tt.in, v, n)
		}
	}
}

func TestScanOrdinals(t *testing.T) {
	for _, tt := range []struct {
		lang, in string
		want     float64
	}{
		{"da", "3. plads", 3},
		{"da", "tredje", 3},
		{"da", "enogtyvende", 21},
		{"da", "femogtresindstyvende", 65},
		{"en", "21st", 21},
		{"en", "twenty-first", 21},
		{"en", "third", 3},
	} {
		n, ok := number.Scan(tt.lang, tt.in, 0)
		if !ok || !n.Ordinal || n.Value != tt.want {
			t.Errorf("Scan(%q, %q) = %+v, %v; want ordinal %v", tt.lang, tt.in, n, ok, tt.want)
		}
	}
}

func TestScanFlags(t *testing.T) {
	text := "Der kom en mand og 2019 og en million"
	n, ok := number.Scan("da", text, 8)
	if !ok || !n.Weak || n.Value != 1 {
		t.Errorf("Scan(en) = %+v, want weak 1", n)
	}
	n, ok = number.Scan("da", text, 19)
	if !ok || n.IntDigits != 4 || n.Value != 2019 {
		t.Errorf("Scan(2019) = %+v, want IntDigits 4", n)
	}
	n, ok = number.Scan("da", text, 27)
	if !ok || n.Weak || n.Value != 1e6 || n.Scale != 1e6 || n.End != len(text) {
		t.Errorf("Scan(en million) = %+v, want 1e6 not weak", n)
	}
}

func FuzzScan(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.lang, tt.in, 0)
	}
	for _, tt := range notNumbers {
		f.Add(tt.lang, tt.in, 0)
	}
	f.Fuzz(func(t *testing.T, lang, text string, off int) {
		n, ok := number.Scan(lang, text, off)
		if !ok {
			return
		}
		if n.Start != off || n.End <= n.Start || n.End > len(text) {
			t.Fatalf("Scan(%q, %q, %d) = span %d..%d", lang, text, off, n.Start, n.End)
		}
		if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
			t.Fatalf("Scan(%q, %q) = %v", lang, text, n.Value)
		}
		if utf8.ValidString(text) && !utf8.ValidString(text[n.Start:n.End]) {
			t.Fatalf("Scan(%q, %q): end %d not on a rune boundary", lang, text, n.End)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	words := 0
	for _, tt := range parseTests {
		words++
		_ = tt
	}
	for i := 0; i < b.N; i++ {
		for _, tt := range parseTests {
			number.Parse(tt.lang, tt.in)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "numbers/s")
}
