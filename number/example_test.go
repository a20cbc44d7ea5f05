package number_test

import (
	"fmt"
	"strings"

	"github.com/kilde-news/kilde/number"
)

func ExampleParse() {
	for _, s := range []string{"1.000", "1,32 milliarder", "syvoghalvfems", "fire en halv million"} {
		v, n, ok := number.Parse("da", s)
		fmt.Println(v, n, ok)
	}
	v, n, ok := number.Parse("en", "twenty-one troops")
	fmt.Println(v, n, ok)
	// Output:
	// 1000 5 true
	// 1.32e+09 15 true
	// 97 13 true
	// 4.5e+06 20 true
	// 21 10 true
}

func ExampleScan() {
	text := "Hun kom på en 3. plads"
	n, ok := number.Scan("da", text, strings.Index(text, "3"))
	fmt.Println(n.Value, n.Ordinal, text[n.Start:n.End], ok)
	// Output: 3 true 3. true
}
