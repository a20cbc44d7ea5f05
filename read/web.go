package read

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/warc"
	"github.com/kilde-news/kilde/web"
)

// isHTML recognizes a saved web page by its first markup or its name.
func isHTML(name string, rest []byte) bool {
	base := strings.ToLower(strings.TrimSuffix(strings.ToLower(filepath.Base(name)), ".gz"))
	if ext := filepath.Ext(base); ext == ".html" || ext == ".htm" || ext == ".xhtml" {
		return true
	}
	head := bytes.ToLower(rest[:min(len(rest), 64)])
	for _, p := range []string{"<!doctype html", "<html", "<?xml version=\"1.0\" encoding=\"utf-8\"?><html", "<head"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

// isWARC recognizes a WARC file (the gzip layer, if any, is already off).
func isWARC(rest []byte) bool { return bytes.HasPrefix(rest, []byte("WARC/")) }

// html reads one saved article page: main text, title, outlet, canonical
// URL and the page's own publication date (see package web).
func (s *stream) html() bool {
	data, err := io.ReadAll(io.LimitReader(s.lr.br, web.MaxPage+1))
	if err != nil {
		return s.fail(0, err)
	}
	p, err := web.Extract(data, "", "", "")
	if err != nil {
		return s.fail(1, err)
	}
	a := p.Article
	a.Source.File, a.Source.Line = s.name, 1
	a.Source.DateSource = p.DateSource
	if d, ok := Date(a.Date); ok {
		a.Date = d
	} else if a.Date != "" {
		a.Date = ""
	}
	return s.yield(a, nil)
}

// warc reads every HTML response of a WARC file as an article; a record's
// position is its byte offset, given as "file@offset" in errors.
func (s *stream) warc() bool {
	for p, err := range warc.Pages(s.ctx, s.name, s.lr.br) {
		if err != nil {
			if !s.yield(kilde.Article{}, &Error{Pos: Pos{File: s.name}, Err: fmt.Errorf("warc: %w", err)}) {
				return false
			}
			continue
		}
		a := p.Article
		a.Source.File = fmt.Sprintf("%s@%d", s.name, p.Offset)
		a.Source.DateSource = p.DateSource
		if d, ok := Date(a.Date); ok {
			a.Date = d
		} else {
			a.Date = ""
		}
		if !s.yield(a, nil) {
			return false
		}
	}
	return true
}
