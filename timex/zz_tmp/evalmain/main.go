package main

import (
	"context"
	"io"
	"os"
)

type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func main() {
	os.Exit(evalTimes(context.Background(), &env{os.Stdin, os.Stdout, os.Stderr}, os.Args[1:]))
}
