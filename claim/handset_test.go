package claim_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/claim"
)

// handCase is one row of testdata/da_claims.tsv.
type handCase struct {
	hedge, source string
	via           []string
	text          string
	line          int
}

func readHandSet(t testing.TB, path string) []handCase {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cs []handCase
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		p := strings.Split(l, "\t")
		if len(p) != 4 {
			t.Fatalf("%s:%d: want 4 columns", path, n)
		}
		c := handCase{hedge: p[0], source: p[1], text: p[3], line: n}
		if c.source == "-" {
			c.source = ""
		}
		if p[2] != "-" {
			c.via = strings.Split(p[2], " | ")
		}
		cs = append(cs, c)
	}
	return cs
}

// mainClaim is the longest claim, the one a hand-set row describes.
func mainClaim(d *kilde.Doc) *kilde.Claim {
	var best *kilde.Claim
	for i := range d.Claims {
		if best == nil || d.Claims[i].Len() > best.Len() {
			best = &d.Claims[i]
		}
	}
	return best
}

func TestHandSetDanish(t *testing.T) {
	for _, f := range []string{"testdata/da_claims.tsv", "testdata/da_claims_heldout.tsv"} {
		t.Run(f, func(t *testing.T) { testHandSet(t, f) })
	}
}

func testHandSet(t *testing.T, path string) {
	a, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	cs := readHandSet(t, path)
	var hedgeOK, srcOK, srcN, viaOK, viaN, n int
	for _, c := range cs {
		d := kilde.NewDoc(kilde.Article{Lang: "da", Text: c.text})
		d.Sentences = []kilde.Span{{Start: 0, End: len(c.text)}}
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
		m := mainClaim(d)
		n++
		got, gotSrc := "none", ""
		var gotVia []string
		if m != nil {
			got, gotSrc, gotVia = m.Hedge, m.Source, m.Via
		}
		if got == c.hedge {
			hedgeOK++
		}
		if c.hedge != "none" {
			srcN++
			if strings.EqualFold(gotSrc, c.source) {
				srcOK++
			}
			if len(c.via) > 0 {
				viaN++
				if strings.Join(gotVia, " | ") == strings.Join(c.via, " | ") {
					viaOK++
				}
			}
		}
		if got != c.hedge || !strings.EqualFold(gotSrc, c.source) || strings.Join(gotVia, " | ") != strings.Join(c.via, " | ") {
			t.Logf("line %d: %q\n\tgot  hedge %s source %q via %q\n\twant hedge %s source %q via %q", c.line, c.text, got, gotSrc, gotVia, c.hedge, c.source, c.via)
		}
	}
	t.Logf("hedge %d/%d  source %d/%d  via %d/%d", hedgeOK, n, srcOK, srcN, viaOK, viaN)
	if float64(hedgeOK) < 0.8*float64(n) {
		t.Errorf("hedge-class accuracy %d/%d below 80%%", hedgeOK, n)
	}
}
