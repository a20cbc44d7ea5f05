package number_test

import (
	"encoding/json"
	"github.com/kilde-news/kilde/eval"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/kilde-news/kilde/number"
)

// sharedDir finds ../shared next to the module root, or skips.
func sharedDir(t *testing.T) string {
	s := eval.SharedDir()
	if _, err := os.Stat(s); err != nil {
		t.Skip("../shared not found; the Duckling cases live there")
	}
	return s
}

// The Duckling Danish numeral and ordinal cases (BSD-3) all pass.
func TestDuckling(t *testing.T) {
	dir := sharedDir(t)
	for _, f := range []struct {
		name    string
		ordinal bool
	}{{"duckling-da-numeral.json", false}, {"duckling-da-ordinal.json", true}} {
		b, err := os.ReadFile(filepath.Join(dir, "data", "numbers", f.name))
		if err != nil {
			t.Skip(err)
		}
		var cases []struct {
			Text  string
			Value float64
		}
		if err := json.Unmarshal(b, &cases); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			n, ok := number.Scan("da", c.Text, 0)
			if !ok || n.End != len(c.Text) || math.Abs(n.Value-c.Value) > 1e-9*math.Max(1, math.Abs(c.Value)) || n.Ordinal != f.ordinal {
				t.Errorf("%s: Scan(%q) = %v..%d ordinal %v ok %v; want %v ordinal %v", f.name, c.Text, n.Value, n.End, n.Ordinal, ok, c.Value, f.ordinal)
			}
		}
	}
}
