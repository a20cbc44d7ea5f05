package tx

import (
	"fmt"
	"testing"

	"github.com/kilde-news/kilde/number"
)

func TestNum(t *testing.T) {
	for _, c := range [][2]string{{"da", "seks"}, {"da", "en"}, {"da", "et"}, {"da", "ét"}, {"da", "tredje"}, {"da", "første"}, {"da", "enogtredivte"}, {"da", "fjortende"}, {"da", "par"}, {"da", "halvanden"}, {"da", "flere"}, {"da", "tyve"}, {"da", "to"}, {"en", "a"}, {"en", "an"}, {"en", "twenty-one"}, {"en", "third"}, {"en", "twenty-first"}, {"en", "second"}, {"en", "several"}, {"da", "andet"}, {"da", "anden"}, {"en", "half"}, {"da", "fjorten"}, {"da", "man"}, {"da", "ni"}, {"en", "one"}} {
		n, ok := number.Scan(c[0], c[1], 0)
		fmt.Printf("%s %-14s ok=%v v=%v end=%d ord=%v weak=%v frac=%v\n", c[0], c[1], ok, n.Value, n.End, n.Ordinal, n.Weak, n.Fraction)
	}
}
