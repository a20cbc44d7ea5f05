package fx_test

import (
	"fmt"

	"github.com/kilde-news/kilde/fx"
)

func ExampleTable_Rate() {
	t, err := fx.Default()
	if err != nil {
		panic(err)
	}
	r, _ := t.Rate("USD", "DKK", "2019-02")
	fmt.Printf("%.2f %s %s\n", r.Value, r.Basis, r.Date)
	r, _ = t.Rate("USD", "DKK", "2019-02-17") // a Sunday
	fmt.Printf("%s %s\n", r.Basis, r.Date)
	// Output:
	// 6.57 month mean 2019-02
	// day 2019-02-15
}
