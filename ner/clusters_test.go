package ner_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kilde-news/kilde/ner"
)

// A corpus written for the test: towns always follow "i" and precede ".",
// verbs always follow "han" and precede "det", in exactly the same counts,
// so each group's context vectors are identical.
func clusterCorpus() [][]string {
	towns := []string{"Vejle", "Odense", "Kolding", "Aalborg", "Randers", "Viborg", "Herning", "Silkeborg"}
	verbs := []string{"svarede", "mente", "troede", "vidste", "skrev", "hørte", "læste", "fandt"}
	names := []string{"Ole", "Mette", "Søren", "Lise", "Anders", "Karen", "Niels", "Hanne"}
	var out [][]string
	for r := 0; r < 3; r++ {
		for _, t := range towns {
			out = append(out, strings.Fields("vi bor i "+t+" ."))
			out = append(out, strings.Fields("de flyttede til "+t+" ."))
		}
		for _, v := range verbs {
			out = append(out, strings.Fields("han "+v+" det ikke"))
			out = append(out, strings.Fields("hun "+v+" det godt"))
		}
		for _, n := range names {
			out = append(out, strings.Fields("i går sagde "+n+" Hansen at"))
			out = append(out, strings.Fields("og "+n+" Hansen kom"))
		}
	}
	return out
}

func TestBuildClusters(t *testing.T) {
	corpus := clusterCorpus()
	a := ner.BuildClusters(corpus, ner.ClusterOptions{MinCount: 3, Seed: 1})
	b := ner.BuildClusters(corpus, ner.ClusterOptions{MinCount: 3, Seed: 1})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("BuildClusters is not deterministic")
	}
	id := map[string]string{}
	for _, l := range a {
		w, c, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("bad line %q", l)
		}
		id[w] = c
	}
	for _, w := range []string{"Vejle", "Kolding", "Silkeborg", "sagde", "fandt", "Mette", "Hansen", "i", "."} {
		if id[w] == "" {
			t.Errorf("%q (seen ≥ 3 times) has no cluster", w)
		}
	}
	same := func(ws ...string) {
		for _, w := range ws[1:] {
			if id[w] != id[ws[0]] {
				t.Errorf("%s (%s) and %s (%s) should share a cluster", ws[0], id[ws[0]], w, id[w])
			}
		}
	}
	same("Vejle", "Odense", "Kolding", "Aalborg", "Randers", "Viborg", "Herning", "Silkeborg")
	same("svarede", "mente", "troede", "vidste", "skrev", "hørte", "læste", "fandt")
	same("Ole", "Mette", "Søren", "Lise", "Anders", "Karen", "Niels", "Hanne")
	if id["Vejle"] == id["mente"] || id["Vejle"] == id["Mette"] || id["mente"] == id["Mette"] {
		t.Errorf("towns %s, verbs %s and first names %s should be three clusters", id["Vejle"], id["mente"], id["Mette"])
	}
	if got := ner.BuildClusters(nil, ner.ClusterOptions{}); got != nil {
		t.Errorf("BuildClusters(nil) = %v, want nil", got)
	}
}

func TestSimpleTokens(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Han sagde: \"Nej, tak!\"", `Han sagde : " Nej , tak ! "`},
		{"Omkring 500 ISIS-krigere (i alt) i U.S.", "Omkring 500 ISIS-krigere ( i alt ) i U.S."},
		{"Mærsk A/S' aktie steg 2,5 pct.", "Mærsk A/S ' aktie steg 2,5 pct ."},
		{"  ", ""},
		{"«Hej»", "« Hej »"},
	} {
		if got := strings.Join(ner.SimpleTokens(tc.in), " "); got != tc.want {
			t.Errorf("SimpleTokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestReadHunspellDic(t *testing.T) {
	dic := "5\nhus/1,2\nHorsens/54,9\nJensen/9\nhus/3\nA-vitamin/10 st:a\n"
	got, err := ner.ReadHunspellDic(strings.NewReader(dic), "54")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"A-vitamin", "Horsens\tP", "Jensen", "hus"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadHunspellDic = %q, want %q", got, want)
	}
}

// The Danish hunspell dictionary of Debian's hunspell-da, if installed,
// marks places with flag 54.
func TestHunspellDa(t *testing.T) {
	f, err := os.Open("/usr/share/hunspell/da_DK.dic")
	if err != nil {
		t.Skip("hunspell-da not installed (apt-get install hunspell-da); only needed to rebuild with --dict")
	}
	defer f.Close()
	words, err := ner.ReadHunspellDic(f, "54")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Horsens\tP", "Jensen", "hus"} {
		if !slices.Contains(words, w) {
			t.Errorf("%q missing from da_DK.dic", w)
		}
	}
}

// A model with word clusters and dictionary words (format version 2)
// trains deterministically and round-trips through WriteTo/Load.
func TestClusterModelRoundTrip(t *testing.T) {
	shared := sharedDir(t)
	sents := readSents(t, filepath.Join(shared, "data/ner/da/da_news_train.tsv"))[:400]
	var text [][]string
	for _, s := range sents {
		text = append(text, s.Words)
	}
	opt := ner.TrainOptions{Epochs: 2, Seed: 3,
		Clusters: ner.BuildClusters(text, ner.ClusterOptions{MinCount: 2, Seed: 1}),
		Dict:     []string{"hus", "Horsens\tP", "Jensen\tC"}}
	var out [2][]byte
	var m *ner.Model
	for k := range out {
		var err error
		if m, err = ner.Train(sents[:300], sents[300:], opt); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		out[k] = buf.Bytes()
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Fatal("two trainings with clusters and the same seed gave different model files")
	}
	m2, err := ner.Load(bytes.NewReader(out[0]))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents[300:] {
		if a, b := m.Tag(s.Words), m2.Tag(s.Words); !reflect.DeepEqual(a, b) {
			t.Fatalf("after round trip Tag(%q) = %v, want %v", s.Words, b, a)
		}
	}
}
