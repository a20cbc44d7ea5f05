package main

import "context"

func runIngest(ctx context.Context, e *env, args []string) int { return notYet(e, "runIngest") }

func runSearch(ctx context.Context, e *env, args []string) int { return notYet(e, "runSearch") }

func runTrack(ctx context.Context, e *env, args []string) int { return notYet(e, "runTrack") }

func runWho(ctx context.Context, e *env, args []string) int { return notYet(e, "runWho") }

func runExport(ctx context.Context, e *env, args []string) int { return notYet(e, "runExport") }
