package main

import "context"

func runAnnotate(ctx context.Context, e *env, args []string) int { return notYet(e, "runAnnotate") }
