// Command kilde annotates news articles: who said what, when, with which
// numbers, and how sure. Run `kilde help` for the subcommands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// command is one subcommand. run gets the arguments after the command name
// and returns the process exit code.
type command struct {
	summary string
	run     func(ctx context.Context, env *env, args []string) int
}

// env is what a subcommand may touch, so tests can run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

var commands map[string]command

func init() {
	// Built in init only to break the initialization cycle help → commands.
	commands = map[string]command{
		"annotate": {"annotate articles and print kilde/1 JSON Lines", runAnnotate},
		"demo":     {"annotate the bundled example articles and summarize them", runDemo},
		"eval":     {"measure an extractor on held-out data (sentences, ner, quantities, times, quotes, claims)", runEval},
		"train":    {"train a model (ner)", runTrain},
		"bench":    {"measure annotation speed (words/s) and memory", runBench},
		"ingest":   {"annotate articles and store them in the database", runIngest},
		"search":   {"full-text search over stored articles, quotes and claims", runSearch},
		"track":    {"follow a number over time, by source", runTrack},
		"who":      {"show an entity: aliases, quotes, claims, first and last seen", runWho},
		"export":   {"export stored articles as kilde/1 JSONL or CSV", runExport},
		"serve":    {"serve the HTTP API and web UI", runServe},
		"version":  {"print the version", runVersion},
		"help":     {"show help for kilde or a subcommand", runHelp},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}))
}

func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 {
		usage(e.stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		usage(e.stdout)
		return 0
	case "-version", "--version":
		name = "version"
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(e.stderr, "kilde: unknown command %q\n\n", name)
		usage(e.stderr)
		return 2
	}
	return cmd.run(ctx, e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "kilde %s: who said what, when, with which numbers, and how sure.\n\nUsage:\n  kilde <command> [flags] [args]\n\nCommands:\n", version)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprintf(w, "\nRun `kilde <command> -h` for a command's flags.\n")
}

func runVersion(_ context.Context, e *env, args []string) int {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		fmt.Fprintln(e.stdout, "Usage: kilde version\n\nPrints the version of this build.")
		return 0
	}
	fmt.Fprintf(e.stdout, "kilde %s\n", version)
	return 0
}

func runHelp(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(e.stdout)
		return 0
	}
	if _, ok := commands[args[0]]; !ok {
		if !ok {
			fmt.Fprintf(e.stderr, "kilde help: unknown command %q\n", args[0])
			return 2
		}
		usage(e.stdout)
		return 0
	}
	return commands[args[0]].run(ctx, &env{stdin: e.stdin, stdout: e.stdout, stderr: e.stdout}, []string{"-h"})
}

// notYet is the body of a subcommand whose issue has not landed.
func notYet(e *env, name string) int {
	fmt.Fprintf(e.stderr, "kilde %s: not implemented in this build\n", name)
	return 1
}
