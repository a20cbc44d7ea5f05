package main

import "context"

func evalNER(ctx context.Context, e *env, args []string) int { return notYet(e, "evalNER") }

func runTrain(ctx context.Context, e *env, args []string) int { return notYet(e, "runTrain") }
