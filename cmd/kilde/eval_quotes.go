package main

import "context"

func evalQuotes(ctx context.Context, e *env, args []string) int { return notYet(e, "evalQuotes") }
