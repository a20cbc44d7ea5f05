package main

import "context"

func evalClaims(ctx context.Context, e *env, args []string) int { return notYet(e, "evalClaims") }
