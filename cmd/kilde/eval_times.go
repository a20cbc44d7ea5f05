package main

import "context"

func evalTimes(ctx context.Context, e *env, args []string) int { return notYet(e, "evalTimes") }
