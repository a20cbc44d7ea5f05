package main

import "context"

func evalQuantities(ctx context.Context, e *env, args []string) int {
	return notYet(e, "evalQuantities")
}
