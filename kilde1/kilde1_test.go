package kilde1_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/kilde1"
)

// spanOf returns the byte span of the first occurrence of sub in text.
func spanOf(t *testing.T, text, sub string) kilde.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	return kilde.Span{Start: i, End: i + len(sub)}
}

func TestFromDocCodePointOffsets(t *testing.T) {
	text := "Cyklister på Østerbro ’jubler’ 🚲 over 1.000 km sti, siger Ålborg-Åse."
	d := kilde.NewDoc(kilde.Article{Text: text, Date: "2019-02", Lang: "da"})
	d.Sentences = []kilde.Span{{Start: 0, End: len(text)}}
	d.Entities = []kilde.Entity{{Span: spanOf(t, text, "Østerbro"), Label: "LOC"}, {Span: spanOf(t, text, "Ålborg-Åse"), Label: "PER", Canonical: "Ålborg-Åse"}}
	v := 1000.0
	d.Quantities = []kilde.Quantity{{Span: spanOf(t, text, "1.000 km"), Value: &v, Approx: "exact", Unit: "km", Measured: "sti"}}
	d.Quotes = []kilde.Quote{{Span: spanOf(t, text, "jubler"), Kind: "direct", SpeakerSpan: spanOf(t, text, "Ålborg-Åse"), Speaker: "Ålborg-Åse", Cue: "siger"}}

	out := kilde1.FromDoc(d)
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	// Decode generically, as a consumer in another language would, and
	// check every span's text against code-point slicing.
	var m struct {
		Text     string `json:"text"`
		Entities []struct {
			Start, End int
			Text       string
		}
		Quantities []struct {
			Start, End int
			Text       string
		}
		Quotes []struct {
			Start, End   int
			Text         string
			SpeakerStart *int `json:"speaker_start"`
			SpeakerEnd   *int `json:"speaker_end"`
		}
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	runes := []rune(m.Text)
	check := func(start, end int, want string) {
		t.Helper()
		if got := string(runes[start:end]); got != want {
			t.Errorf("text[%d:%d] = %q, want %q", start, end, got, want)
		}
	}
	for _, e := range m.Entities {
		check(e.Start, e.End, e.Text)
	}
	for _, q := range m.Quantities {
		check(q.Start, q.End, q.Text)
	}
	for _, q := range m.Quotes {
		check(q.Start, q.End, q.Text)
		check(*q.SpeakerStart, *q.SpeakerEnd, "Ålborg-Åse")
	}
	if out.Entities[0].Start != 13 || out.Entities[0].End != 21 {
		t.Errorf("Østerbro at %d:%d, want 13:21", out.Entities[0].Start, out.Entities[0].End)
	}
	if out.ID != out.ContentID || out.ID == "" {
		t.Errorf("id %q, content_id %q: want the content id when the input has none", out.ID, out.ContentID)
	}
}

func TestEmptyLayersAreArrays(t *testing.T) {
	d := kilde.NewDoc(kilde.Article{Text: "x"})
	b, _ := json.Marshal(kilde1.FromDoc(d))
	for _, f := range []string{`"sentences":[]`, `"entities":[]`, `"times":[]`, `"quantities":[]`, `"quotes":[]`, `"claims":[]`, `"checks":[]`, `"date":null`, `"format":"kilde/1"`} {
		if !strings.Contains(string(b), f) {
			t.Errorf("output lacks %s: %s", f, b)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	text := "Ærø’s “fine” 🙂 ø"
	d := kilde.NewDoc(kilde.Article{ID: "a1", Text: text, Date: "2020-11-05", Lang: "da", Source: kilde.Source{File: "x.txt", Line: 3}})
	d.Sentences = []kilde.Span{{Start: 0, End: len(text)}}
	d.Times = []kilde.Time{{Span: spanOf(t, text, "🙂 ø"), Type: "DATE", Value: "2020"}}
	d.Claims = []kilde.Claim{{Span: spanOf(t, text, "fine"), Source: "Ærø", Via: []string{"x"}, Hedge: "reported", Cue: "s", Quantities: []int{}}}
	d.Checks = []kilde.Check{{Kind: "currency_conversion", Status: "unknown", Spans: []kilde.Span{spanOf(t, text, "ø")}}}
	back := kilde1.ToDoc(kilde1.FromDoc(d))
	if !reflect.DeepEqual(back.Times, d.Times) || !reflect.DeepEqual(back.Claims, d.Claims) || !reflect.DeepEqual(back.Checks, d.Checks) || back.Source != d.Source {
		t.Errorf("round trip changed the doc:\n got %+v\nwant %+v", back, d)
	}
}

func TestOffsetsBothWays(t *testing.T) {
	text := "aø🚲b’c"
	for b := 0; b <= len(text); b++ {
		cp := kilde1.CodePoints(text, b)
		if got := kilde1.ByteOffset(text, cp); b < len(text) && got > b {
			t.Errorf("byte %d → cp %d → byte %d", b, cp, got)
		}
	}
	if got := kilde1.CodePoints(text, len(text)); got != len([]rune(text)) {
		t.Errorf("end = %d, want %d", got, len([]rune(text)))
	}
}

func FuzzOffsets(f *testing.F) {
	for _, s := range []string{"", "abc", "Østerbro", "’”🙂", "\xff\xfe"} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, text string, off int) {
		cp := kilde1.CodePoints(text, off)
		if cp < 0 || cp > len([]rune(text)) {
			t.Fatalf("CodePoints(%q, %d) = %d out of range", text, off, cp)
		}
		b := kilde1.ByteOffset(text, cp)
		if b < 0 || b > len(text) {
			t.Fatalf("ByteOffset(%q, %d) = %d out of range", text, cp, b)
		}
	})
}
