package timex_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/timex"
)

// TestBigText: an article many pieces long (a feed dump or a book pasted as
// one text) is read a piece at a time, with tokens for one piece, not for
// the whole article: a 50 MB article used to take 880 MB here.
//
// Fresh scratch is forced by emptying the token pool (two garbage
// collections); what one call then allocates per input byte is one piece's
// tokens plus the times found. The bound is about 2.5 times what the code
// needs and half of what whole-article tokens took (20 bytes per input byte
// here). Allocation counts do not depend on the machine's load.
//
// The cuts must lose nothing: every copy of a repeated text yields the same
// times as the second copy of a two-copy text.
func TestBigText(t *testing.T) {
	if testing.Short() {
		t.Skip("4 MB input")
	}
	a, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, c := range cases {
		text, _ := parse(t, c.text)
		sb.WriteString(text)
		sb.WriteString("\n\n")
	}
	unit := sb.String()
	n := 4<<20/len(unit) + 1
	big := kilde.NewDoc(kilde.Article{Date: "2019-02-20", Lang: "da", Text: strings.Repeat(unit, n)})

	runtime.GC()
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	if err := a.Annotate(big); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&m1)
	perByte := float64(m1.TotalAlloc-m0.TotalAlloc) / float64(len(big.Text))
	t.Logf("%d bytes: %.1f bytes allocated per input byte, %d times", len(big.Text), perByte, len(big.Times))
	if perByte > 10 {
		t.Errorf("%d bytes: %.1f bytes allocated per input byte, want at most 10: tokens for the whole article again?", len(big.Text), perByte)
	}

	two := kilde.NewDoc(kilde.Article{Date: "2019-02-20", Lang: "da", Text: unit + unit})
	var want []kilde.Time
	for _, x := range a.Find(two, nil) {
		if x.Start >= len(unit) {
			x.Start, x.End = x.Start-len(unit), x.End-len(unit)
			want = append(want, x)
		}
	}
	got := make([][]kilde.Time, n)
	for _, x := range big.Times {
		c := x.Start / len(unit)
		x.Start, x.End = x.Start-c*len(unit), x.End-c*len(unit)
		got[c] = append(got[c], x)
	}
	for c := 1; c < n; c++ {
		if len(got[c]) != len(want) {
			t.Fatalf("copy %d of %d: %d times, a two-copy text has %d", c, n, len(got[c]), len(want))
		}
		for i := range want {
			if got[c][i] != want[i] {
				t.Fatalf("copy %d of %d: time %d is %+v, in a two-copy text %+v", c, n, i, got[c][i], want[i])
			}
		}
	}
}
