package dedup_test

import (
	"strings"
	"testing"

	"github.com/kilde-news/kilde/dedup"
)

// Texts written for this test.
const story = `Politiet i Aarhus efterlyser vidner til et røveri mod en kiosk på Frederiksbjerg sent tirsdag aften.
To maskerede mænd truede ekspedienten med en kniv og flygtede med omkring 8.000 kroner i kontanter og et
ukendt antal cigaretpakker. Ekspedienten, en 19-årig studerende, blev ikke fysisk skadet, men var meget
rystet, oplyser vagtchef Henrik Sørensen fra Østjyllands Politi. Gerningsmændene forsvandt til fods ad
Søndre Allé i retning mod banegården. Den ene beskrives som cirka 185 centimeter høj, slank og iført
mørk jakke, den anden som lavere og kraftigt bygget. Politiet har sikret optagelser fra et
overvågningskamera i nærheden og beder alle, der har set noget mistænkeligt i området mellem klokken 22
og 23, om at ringe på 114.`

// A wire copy lightly edited by another outlet: new first words, one
// sentence shortened, a detail added at the end.
const edited = `Østjyllands Politi efterlyser vidner til et røveri mod en kiosk på Frederiksbjerg i Aarhus sent tirsdag aften.
To maskerede mænd truede ekspedienten med en kniv og flygtede med omkring 8.000 kroner i kontanter og et
ukendt antal cigaretpakker. Ekspedienten, en 19-årig studerende, blev ikke fysisk skadet, men var meget
rystet, oplyser vagtchef Henrik Sørensen. Gerningsmændene forsvandt til fods ad
Søndre Allé i retning mod banegården. Den ene beskrives som cirka 185 centimeter høj, slank og iført
mørk jakke, den anden som lavere og kraftigt bygget. Politiet har sikret optagelser fra et
overvågningskamera i nærheden og beder alle, der har set noget mistænkeligt i området mellem klokken 22
og 23, om at ringe på 114. Det er det tredje kioskrøveri i byen på en måned.`

// Same topic and place, another story.
const other = `Et nyt røveri mod en kiosk i Aarhus har fået politiet til at opfordre de handlende i midtbyen til at
begrænse mængden af kontanter i kasseapparatet. Ifølge Østjyllands Politi er der i år anmeldt elleve
røverier mod kiosker og tankstationer i kommunen, mod seks på samme tid sidste år. Dansk Erhverv mener,
at flere butikker bør gå over til kortbetaling, mens kioskejerne peger på, at mange ældre kunder stadig
betaler kontant. Politiet vil i de kommende uger øge patruljeringen om aftenen i de berørte kvarterer.`

func TestSimilarity(t *testing.T) {
	a, b, c := dedup.Sign(story), dedup.Sign(edited), dedup.Sign(other)
	if a == nil || b == nil || c == nil {
		t.Fatal("nil signature for a long text")
	}
	tests := []struct {
		name     string
		x, y     dedup.Signature
		same     bool
		min, max float64
	}{
		{"identical", a, dedup.Sign(story), true, 1, 1},
		{"whitespace and case only", a, dedup.Sign(strings.ToUpper(strings.ReplaceAll(story, "\n", " "))), true, 1, 1},
		{"light edit", a, b, true, dedup.Threshold, 1},
		{"same topic, other story", a, c, false, 0, 0.2},
	}
	for _, tt := range tests {
		s := dedup.Similarity(tt.x, tt.y)
		t.Logf("%s: estimated Jaccard %.2f", tt.name, s)
		if s < tt.min || s > tt.max {
			t.Errorf("%s: similarity %.2f, want in [%.2f, %.2f]", tt.name, s, tt.min, tt.max)
		}
		if got := s >= dedup.Threshold; got != tt.same {
			t.Errorf("%s: same story = %v (%.2f), want %v", tt.name, got, s, tt.same)
		}
		if tt.same && !shareBand(tt.x, tt.y) {
			t.Errorf("%s: no shared LSH band, would never be compared", tt.name)
		}
	}
	if shareBand(a, c) {
		t.Log("note: unrelated pair shares a band (allowed; verification rejects it)")
	}
}

func shareBand(a, b dedup.Signature) bool {
	ka, kb := dedup.BandKeys(a), dedup.BandKeys(b)
	for i := range ka {
		if ka[i] == kb[i] {
			return true
		}
	}
	return false
}

func TestShortText(t *testing.T) {
	if s := dedup.Sign("Regeringen falder"); s != nil {
		t.Errorf("short text got a signature")
	}
	if dedup.Similarity(nil, nil) != 0 {
		t.Errorf("nil signatures similar")
	}
}

func TestEncode(t *testing.T) {
	s := dedup.Sign(story)
	if got := dedup.Decode(s.Encode()); dedup.Similarity(s, got) != 1 {
		t.Errorf("round trip changed signature")
	}
	if dedup.Decode([]byte{1, 2, 3}) != nil {
		t.Errorf("bad bytes decoded")
	}
	for _, k := range dedup.BandKeys(s) {
		if k < 0 {
			t.Errorf("negative band key %d", k)
		}
	}
}

func FuzzSign(f *testing.F) {
	f.Add(story)
	f.Add(other)
	f.Add("\xff\xfe x")
	f.Fuzz(func(t *testing.T, s string) {
		sig := dedup.Sign(s)
		if sig != nil && dedup.Similarity(sig, sig) != 1 {
			t.Fatal("signature not similar to itself")
		}
		_ = dedup.BandKeys(sig)
	})
}

func BenchmarkSign(b *testing.B) {
	b.ReportAllocs()
	words := len(strings.Fields(story))
	for b.Loop() {
		dedup.Sign(story)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
