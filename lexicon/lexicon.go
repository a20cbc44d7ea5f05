// Package lexicon loads kilde's embedded word lists and tables: UTF-8 text,
// one entry a line, tab-separated columns, '#' comments and blank lines
// ignored. Each file starts with a header saying what its columns mean, where
// the data came from and its license. Errors name file:line.
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed da en all
var files embed.FS

// FS returns the embedded lexicon files, for tests that check them all.
func FS() fs.FS { return files }

// Rows returns the non-comment, non-blank lines of name split on tabs.
// Each row has at least min columns.
func Rows(name string, min int) ([][]string, error) {
	f, err := files.Open(name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) < min {
			return nil, fmt.Errorf("lexicon: %s:%d: want %d tab-separated columns, have %d", name, line, min, len(cols))
		}
		rows = append(rows, cols)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: %s: %w", name, err)
	}
	return rows, nil
}

// Set returns the first column of every row of name.
func Set(name string) (map[string]bool, error) {
	rows, err := Rows(name, 1)
	if err != nil {
		return nil, err
	}
	m := make(map[string]bool, len(rows))
	for _, r := range rows {
		m[r[0]] = true
	}
	return m, nil
}

// Map returns first column → second column of every row of name.
func Map(name string) (map[string]string, error) {
	rows, err := Rows(name, 2)
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		m[r[0]] = r[1]
	}
	return m, nil
}

// MustSet is Set for package-level tables of files that a test checks; it
// panics only if the embedded data is broken, which that test catches.
func MustSet(name string) map[string]bool {
	m, err := Set(name)
	if err != nil {
		panic(err)
	}
	return m
}

// MustMap is Map for package-level tables; see MustSet.
func MustMap(name string) map[string]string {
	m, err := Map(name)
	if err != nil {
		panic(err)
	}
	return m
}
