// Package read turns files, directories, stdin and gzip streams into
// kilde.Articles. The format of each input is chosen by its content:
//
//   - the date-line format: `date <ISO date> <text>`; a file holds one article
//     or several, each beginning at a line that starts with `date ` and a
//     date (leading spaces and tabs allowed); blank lines inside an article
//     are paragraph breaks and stay in its text;
//   - JSON Lines: one object a line with a string `text` and optional `id`,
//     `date`, `url`, `title`, `outlet`, `lang`; other fields are ignored;
//   - a JSON array of such objects (a file whose first non-blank byte is
//     `[`); an error inside the array ends the file, since a JSON stream
//     cannot be resynchronised;
//   - plain text: the whole file is one article without a date.
//
// An input whose first non-blank byte is `[` is a JSON array. Otherwise a
// file whose name ends in .jsonl, .ndjson or .json (before an optional .gz)
// is read as JSON Lines, and any other input by its first non-blank line: `{`
// means JSON Lines, `date ` followed by a digit means the date-line format,
// anything else plain text. Gzip input is recognised by its magic bytes,
// whatever the name. A directory is walked in lexical order, skipping names
// that begin with a dot. The path "-" is standard input.
//
// Text is kept as given except that CRLF line ends become LF, a leading
// byte-order mark is dropped, invalid UTF-8 and NUL bytes become U+FFFD
// (with a warning), and, in the date-line and plain-text formats, white
// space around the article (the file's layout, not the article's) is
// trimmed. Readers stream: memory is bounded by the longest record, which
// may be up to Options.MaxRecord bytes (default 256 MiB).
//
// Every problem is an *Error carrying the file and 1-based line where the
// record starts; reading goes on with the next record.
package read

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kilde-news/kilde"
)

// Errors wrapped in *Error. Warnings (the record was still read) are
// ErrInvalidUTF8, ErrNUL, ErrDate, ErrField and ErrLang.
var (
	ErrInvalidJSON = errors.New("invalid JSON")
	ErrMissingText = errors.New("missing text")
	ErrEmptyText   = errors.New("empty text")
	ErrTooLong     = errors.New("record too long")
	ErrBinary      = errors.New("binary file skipped")
	ErrInvalidUTF8 = errors.New("invalid UTF-8 replaced with U+FFFD")
	ErrNUL         = errors.New("NUL bytes replaced with U+FFFD")
	ErrDate        = errors.New("unknown date format, date left empty")
	ErrField       = errors.New("field ignored")
	ErrLang        = errors.New("language code ignored")
)

// DefaultMaxRecord is the default limit on one record's size in bytes.
const DefaultMaxRecord = 256 << 20

// Stdin is the name used for standard input in positions and sources.
const Stdin = "<stdin>"

// Pos is where a record starts.
type Pos struct {
	File string
	Line int // 1-based; 0 if unknown
}

func (p Pos) String() string {
	if p.Line <= 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line)
}

// Error is a problem with one record, printed as `file:line: message`.
// Warn is true when the record was still read (repaired or with a field
// left empty) and false when it was skipped.
type Error struct {
	Pos  Pos
	Err  error
	Warn bool
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// IsWarning reports whether err is an *Error for a record that was still read.
func IsWarning(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Warn
}

// Options configure reading. The zero value is usable.
type Options struct {
	// Stdin is read for the path "-"; nil means no input.
	Stdin io.Reader
	// MaxRecord limits one record (a JSON line, an article) in bytes;
	// 0 means DefaultMaxRecord. Longer records are skipped with ErrTooLong.
	MaxRecord int
}

func (o Options) max() int {
	if o.MaxRecord <= 0 {
		return DefaultMaxRecord
	}
	return o.MaxRecord
}

// Open reads the articles of paths in order. It yields each article with a
// nil error, and each problem as a zero Article with an *Error (or the
// context's error, after which it stops). Warnings for an article come just
// before it. A consumer that wants to stop at the first problem breaks out
// of the loop.
func Open(ctx context.Context, paths []string, opt Options) iter.Seq2[kilde.Article, error] {
	return func(yield func(kilde.Article, error) bool) {
		for _, p := range paths {
			if !openPath(ctx, p, opt, yield) {
				return
			}
		}
	}
}

// From reads the articles of one stream, named name in positions. The
// stream may be gzip-compressed.
func From(ctx context.Context, name string, r io.Reader, opt Options) iter.Seq2[kilde.Article, error] {
	return func(yield func(kilde.Article, error) bool) {
		readStream(ctx, name, r, opt, yield)
	}
}

type yieldFunc = func(kilde.Article, error) bool

func openPath(ctx context.Context, path string, opt Options, yield yieldFunc) bool {
	if err := ctx.Err(); err != nil {
		yield(kilde.Article{}, err)
		return false
	}
	if path == "-" {
		if opt.Stdin == nil {
			return yield(kilde.Article{}, &Error{Pos: Pos{File: Stdin}, Err: errors.New("no standard input")})
		}
		return readStream(ctx, Stdin, opt.Stdin, opt, yield)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return yield(kilde.Article{}, &Error{Pos: Pos{File: path}, Err: unwrapPath(err)})
	}
	if !fi.IsDir() {
		return readFile(ctx, path, opt, yield)
	}
	ok := true
	werr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !yield(kilde.Article{}, &Error{Pos: Pos{File: p}, Err: unwrapPath(err)}) {
				ok = false
				return filepath.SkipAll
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if !readFile(ctx, p, opt, yield) {
			ok = false
			return filepath.SkipAll
		}
		return nil
	})
	_ = werr // WalkDir errors are reported through the callback
	return ok
}

// unwrapPath drops the *PathError wrapper, whose path the position repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

func readFile(ctx context.Context, path string, opt Options, yield yieldFunc) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(kilde.Article{}, &Error{Pos: Pos{File: path}, Err: unwrapPath(err)})
	}
	defer f.Close()
	return readStream(ctx, path, f, opt, yield)
}

// format is an input format.
type format uint8

const (
	formatText format = iota
	formatJSONL
	formatDateLine
	formatJSONArray
	formatHTML
	formatWARC
)

const bufSize = 64 << 10

func readStream(ctx context.Context, name string, r io.Reader, opt Options, yield yieldFunc) bool {
	br := bufio.NewReaderSize(r, bufSize)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(kilde.Article{}, &Error{Pos: Pos{File: name}, Err: fmt.Errorf("gzip: %w", err)})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, bufSize)
	}
	// Drop a UTF-8 byte-order mark.
	if bom, _ := br.Peek(3); len(bom) == 3 && bom[0] == 0xef && bom[1] == 0xbb && bom[2] == 0xbf {
		br.Discard(3)
	}
	f, binary := sniff(name, br)
	if binary {
		return yield(kilde.Article{}, &Error{Pos: Pos{File: name}, Err: ErrBinary})
	}
	lr := &lineReader{br: br, max: opt.max()}
	s := &stream{ctx: ctx, name: name, yield: yield, lr: lr}
	switch f {
	case formatJSONL:
		return s.jsonl()
	case formatDateLine:
		return s.dateLines()
	case formatJSONArray:
		return s.jsonArray()
	case formatHTML:
		return s.html()
	case formatWARC:
		return s.warc()
	default:
		return s.text()
	}
}

// sniff decides the format from the name and the first bytes, and whether
// the input looks binary (a NUL byte in the first block, not UTF-16 text).
func sniff(name string, br *bufio.Reader) (format, bool) {
	head, _ := br.Peek(4096)
	if isWARC(head) { // WARC records may hold binary payloads
		return formatWARC, false
	}
	for _, c := range head[:min(len(head), 512)] {
		if c == 0 {
			return formatText, true
		}
	}
	i := 0
	for i < len(head) && isSpace(head[i]) {
		i++
	}
	rest := head[i:]
	if isHTML(name, rest) {
		return formatHTML, false
	}
	if len(rest) > 0 && rest[0] == '[' {
		return formatJSONArray, false
	}
	base := strings.ToLower(filepath.Base(name))
	base = strings.TrimSuffix(base, ".gz")
	switch filepath.Ext(base) {
	case ".jsonl", ".ndjson", ".json":
		return formatJSONL, false
	}
	if len(rest) > 0 && rest[0] == '{' {
		return formatJSONL, false
	}
	if _, ok := dateHeader(rest); ok {
		return formatDateLine, false
	}
	return formatText, false
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// stream holds the state of reading one input.
type stream struct {
	ctx   context.Context
	name  string
	yield yieldFunc
	lr    *lineReader
}

func (s *stream) fail(line int, err error) bool {
	return s.yield(kilde.Article{}, &Error{Pos: Pos{File: s.name, Line: line}, Err: err})
}

func (s *stream) warn(line int, err error) bool {
	return s.yield(kilde.Article{}, &Error{Pos: Pos{File: s.name, Line: line}, Err: err, Warn: true})
}

// emit cleans text, reports its repairs and yields the article.
func (s *stream) emit(a kilde.Article, raw []byte, trim bool) bool {
	text, bad, nul := clean(raw, trim)
	if strings.TrimSpace(text) == "" {
		return s.fail(a.Source.Line, ErrEmptyText)
	}
	if bad && !s.warn(a.Source.Line, ErrInvalidUTF8) {
		return false
	}
	if nul && !s.warn(a.Source.Line, ErrNUL) {
		return false
	}
	a.Text = text
	return s.yield(a, nil)
}

// readErr reports an error of the underlying reader (e.g. corrupt gzip).
func (s *stream) readErr(err error) bool {
	if err == nil || err == io.EOF {
		return true
	}
	return s.fail(s.lr.line, fmt.Errorf("reading: %w", err))
}
