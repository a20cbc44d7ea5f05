package main

import (
	"context"
	"fmt"
	"sort"
)

// evalTargets maps `kilde eval <target>` to its implementation; each lives
// in eval_<target>.go.
var evalTargets = map[string]func(ctx context.Context, e *env, args []string) int{
	"sentences":  evalSentences,
	"ner":        evalNER,
	"quantities": evalQuantities,
	"times":      evalTimes,
	"quotes":     evalQuotes,
	"claims":     evalClaims,
	"e2e":        evalE2E,
}

func runEval(ctx context.Context, e *env, args []string) int {
	names := make([]string, 0, len(evalTargets))
	for n := range evalTargets {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		fmt.Fprintf(e.stderr, "Usage: kilde eval <target> [flags]\n\nTargets: %v\nEach prints precision/recall/F1 or accuracy on held-out data from ../shared.\n", names)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	f, ok := evalTargets[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "kilde eval: unknown target %q (have %v)\n", args[0], names)
		return 2
	}
	return f(ctx, e, args[1:])
}
