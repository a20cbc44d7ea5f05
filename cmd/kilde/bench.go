package main

import "context"

func runBench(ctx context.Context, e *env, args []string) int { return notYet(e, "runBench") }
