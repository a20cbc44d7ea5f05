package lexicon_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/kilde-news/kilde/lexicon"
)

// Every lexicon file parses, opens with a header comment, and has no
// duplicate keys.
func TestAllFiles(t *testing.T) {
	n := 0
	err := fs.WalkDir(lexicon.FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		b, err := fs.ReadFile(lexicon.FS(), path)
		if err != nil {
			return err
		}
		if !strings.HasPrefix(string(b), "#") {
			t.Errorf("%s: does not open with a # header (what the columns mean, source, license)", path)
		}
		rows, err := lexicon.Rows(path, 1)
		if err != nil {
			t.Error(err)
			return nil
		}
		seen := map[string]bool{}
		for _, r := range rows {
			key := strings.Join(r[:1], "\t")
			if len(r) > 1 && strings.HasSuffix(path, ".tsv") {
				key = r[0]
			}
			if seen[key] && !strings.Contains(path, "multi") {
				t.Errorf("%s: duplicate entry %q", path, key)
			}
			seen[key] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no lexicon files embedded")
	}
}
