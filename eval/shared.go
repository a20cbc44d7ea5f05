package eval

import (
	"os"
	"path/filepath"
)

// SharedDir is where the training and evaluation data live: $KILDE_SHARED
// if set, else ../shared beside the module root (the directory holding
// go.mod, found by walking up from the working directory, so tests and `go
// run` find it from any package), else ../shared.
func SharedDir() string {
	if s := os.Getenv("KILDE_SHARED"); s != "" {
		return s
	}
	dir, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "shared")
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return filepath.Join("..", "shared")
		}
		dir = parent
	}
}
