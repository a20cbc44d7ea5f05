package main

import "os"

// ratesFile names an ECB eurofxref-hist.csv that replaces the exchange
// rates embedded in package fx for the currency-conversion check; it comes
// from KILDE_RATES (a subcommand's --rates flag may set that variable).
func ratesFile() string { return os.Getenv("KILDE_RATES") }
