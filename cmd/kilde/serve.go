package main

import "context"

func runServe(ctx context.Context, e *env, args []string) int { return notYet(e, "runServe") }
