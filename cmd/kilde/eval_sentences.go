package main

import "context"

func evalSentences(ctx context.Context, e *env, args []string) int { return notYet(e, "evalSentences") }
