package read

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

// dateHeader reports whether line starts an article in the date-line
// format: optional spaces or tabs, "date ", then a digit. rest is what
// follows "date ".
func dateHeader(line []byte) (rest []byte, ok bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	line = line[i:]
	if len(line) < 6 || string(line[:5]) != "date " || line[5] < '0' || line[5] > '9' {
		return nil, false
	}
	return line[5:], true
}

// dateLines reads the date-line format.
func (s *stream) dateLines() bool {
	lr := s.lr
	var (
		cur     kilde.Article
		body    []byte
		have    bool // an article is open
		tooLong bool
		dateErr error
	)
	flush := func() bool {
		if !have {
			return true
		}
		have = false
		if tooLong {
			return s.fail(cur.Source.Line, fmt.Errorf("%w: article longer than %d bytes", ErrTooLong, lr.max))
		}
		if dateErr != nil && !s.warn(cur.Source.Line, dateErr) {
			return false
		}
		return s.emit(cur, body, true)
	}
	for {
		line, long, ok := lr.next()
		if !ok {
			break
		}
		if rest, hdr := dateHeader(line); hdr && !long {
			if !flush() {
				return false
			}
			if err := s.ctx.Err(); err != nil {
				return s.yield(kilde.Article{}, err) && false
			}
			tok := rest
			if i := bytes.IndexAny(rest, " \t"); i >= 0 {
				tok, rest = rest[:i], rest[i+1:]
			} else {
				rest = nil
			}
			cur = kilde.Article{Source: kilde.Source{File: s.name, Line: lr.line}}
			dateErr = nil
			if iso, ok := Date(string(tok)); ok {
				cur.Date = iso
			} else {
				dateErr = fmt.Errorf("date %q: %w", tok, ErrDate)
			}
			body = append(body[:0], rest...)
			have, tooLong = true, false
			continue
		}
		if !have {
			if len(bytes.TrimSpace(line)) == 0 && !long {
				continue
			}
			// Text before the first date line: an article without a date.
			cur = kilde.Article{Source: kilde.Source{File: s.name, Line: lr.line}}
			body, have, tooLong, dateErr = body[:0], true, false, nil
			if long {
				tooLong = true
			} else {
				body = append(body, line...)
			}
			continue
		}
		if tooLong {
			continue
		}
		if long || len(body)+1+len(line) > lr.max {
			tooLong = true
			continue
		}
		body = append(body, '\n')
		body = append(body, line...)
	}
	if !flush() {
		return false
	}
	return s.readErr(lr.err)
}

// jsonRecord is one JSON Lines record. Optional fields are raw so that a
// field of the wrong type costs a warning, not the record.
type jsonRecord struct {
	Text   *string         `json:"text"`
	ID     json.RawMessage `json:"id"`
	Date   json.RawMessage `json:"date"`
	URL    json.RawMessage `json:"url"`
	Title  json.RawMessage `json:"title"`
	Outlet json.RawMessage `json:"outlet"`
	Lang   json.RawMessage `json:"lang"`
}

var bom = []byte("\xef\xbb\xbf")

// jsonl reads JSON Lines.
func (s *stream) jsonl() bool {
	lr := s.lr
	for {
		line, long, ok := lr.next()
		if !ok {
			break
		}
		if err := s.ctx.Err(); err != nil {
			return s.yield(kilde.Article{}, err) && false
		}
		n := lr.line
		if long {
			if !s.fail(n, fmt.Errorf("%w: line longer than %d bytes", ErrTooLong, lr.max)) {
				return false
			}
			continue
		}
		line = bytes.TrimPrefix(line, bom)
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if !s.jsonRecord(n, line) {
			return false
		}
	}
	return s.readErr(lr.err)
}

func (s *stream) jsonRecord(n int, line []byte) bool {
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te) && te.Field == "text":
			return s.fail(n, fmt.Errorf("%w: text is %s, want a string", ErrMissingText, article(te.Value)))
		case errors.As(err, &te):
			err = fmt.Errorf("want an object, have %s", te.Value)
		}
		return s.fail(n, fmt.Errorf("%w: %v", ErrInvalidJSON, err))
	}
	if rec.Text == nil {
		return s.fail(n, ErrMissingText)
	}
	text := *rec.Text
	// encoding/json repairs invalid UTF-8 silently; say so.
	if !validUTF8(line) && !s.warn(n, ErrInvalidUTF8) {
		return false
	}
	a := kilde.Article{Source: kilde.Source{File: s.name, Line: n}}
	var warns []error
	str := func(name string, raw json.RawMessage) string {
		if len(raw) == 0 || string(raw) == "null" {
			return ""
		}
		var v string
		if raw[0] == '"' && json.Unmarshal(raw, &v) == nil {
			return v
		}
		if name == "id" && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
			return string(raw) // a numeric id
		}
		warns = append(warns, fmt.Errorf("%s is %s, want a string: %w", name, kind(raw), ErrField))
		return ""
	}
	a.ID = str("id", rec.ID)
	a.Source.URL = str("url", rec.URL)
	a.Source.Title = str("title", rec.Title)
	a.Source.Outlet = str("outlet", rec.Outlet)
	if d := str("date", rec.Date); d != "" {
		if iso, ok := Date(d); ok {
			a.Date = iso
		} else {
			warns = append(warns, fmt.Errorf("date %q: %w", d, ErrDate))
		}
	}
	if l := str("lang", rec.Lang); l != "" {
		if code, ok := langCode(l); ok {
			a.Lang = code
		} else {
			warns = append(warns, fmt.Errorf("lang %q: %w", l, ErrLang))
		}
	}
	for _, w := range warns {
		if !s.warn(n, w) {
			return false
		}
	}
	if strings.IndexByte(text, '\r') < 0 && strings.IndexByte(text, 0) < 0 && strings.TrimSpace(text) != "" {
		a.Text = text // already clean: no copy
		return s.yield(a, nil)
	}
	return s.emit(a, []byte(text), false)
}

// article puts "a" or "an" before a JSON type name.
func article(typ string) string {
	if typ != "" && strings.ContainsRune("aeiou", rune(typ[0])) {
		return "an " + typ
	}
	return "a " + typ
}

func validUTF8(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return utf8.Valid(b)
		}
	}
	return true
}

// kind names a JSON value's type for messages.
func kind(raw json.RawMessage) string {
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '"':
		return "a string"
	}
	return "a number"
}

// langCode accepts an ISO 639-1 code with an optional region ("da",
// "da-DK", "da_DK") or the ISO 639-2 code of a language kilde knows
// ("dan", "eng", "swe", "nob", "nno", "nor", "deu", "ger") and returns the
// ISO 639-1 code in lower case.
func langCode(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if code, ok := iso639_2[s]; ok {
		return code, true
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return "", false
	}
	return s, true
}

var iso639_2 = map[string]string{
	"dan": "da", "eng": "en", "swe": "sv", "nob": "nb", "nno": "nn", "nor": "no", "deu": "de", "ger": "de",
}

// text reads a whole input as one article without a date.
func (s *stream) text() bool {
	lr := s.lr
	data, err := io.ReadAll(io.LimitReader(lr.br, int64(lr.max)+1))
	if err != nil {
		return s.fail(0, err)
	}
	a := kilde.Article{Source: kilde.Source{File: s.name, Line: 1}}
	if len(data) > lr.max {
		// Drain so that a following reader of the same stream is not confused.
		io.Copy(io.Discard, lr.br)
		return s.fail(1, fmt.Errorf("%w: article longer than %d bytes", ErrTooLong, lr.max))
	}
	return s.emit(a, data, true)
}

// jsonArray reads a JSON array of records. Each element's Source.Line is
// the line where it starts.
func (s *stream) jsonArray() bool {
	nl := &newlines{r: s.lr.br}
	dec := json.NewDecoder(nl)
	// elemStart is the offset of the next element: after the decoder's
	// position, skip white space and the comma in its buffer.
	elemStart := func() int64 {
		off := dec.InputOffset()
		var b [1]byte
		r := dec.Buffered()
		for {
			if n, _ := r.Read(b[:]); n == 0 || !(isSpace(b[0]) || b[0] == ',') {
				return off
			}
			off++
		}
	}
	fail := func(err error) bool {
		return s.fail(nl.line(elemStart()), fmt.Errorf("%w: %v", ErrInvalidJSON, err))
	}
	if _, err := dec.Token(); err != nil { // the '['
		return fail(err)
	}
	for dec.More() {
		if err := s.ctx.Err(); err != nil {
			return s.yield(kilde.Article{}, err) && false
		}
		n := nl.line(elemStart())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return s.fail(n, fmt.Errorf("%w: %v", ErrInvalidJSON, err))
		}
		if len(raw) > s.lr.max {
			if !s.fail(n, fmt.Errorf("%w: record longer than %d bytes", ErrTooLong, s.lr.max)) {
				return false
			}
			continue
		}
		if !s.jsonRecord(n, raw) {
			return false
		}
	}
	if _, err := dec.Token(); err != nil { // the ']'
		return fail(err)
	}
	return true
}

// newlines passes a reader through and remembers the offsets of the
// newlines not yet passed by line, so that a byte offset can be turned into
// a line number with memory bounded by the decoder's read-ahead.
type newlines struct {
	r    io.Reader
	off  int64   // bytes read so far
	nls  []int64 // offsets of newlines at or after the last offset asked for
	done int     // newlines before nls[0]
}

func (x *newlines) Read(p []byte) (int, error) {
	n, err := x.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			x.nls = append(x.nls, x.off+int64(i))
		}
	}
	x.off += int64(n)
	return n, err
}

// line returns the 1-based line of byte offset off; offsets must not
// decrease from call to call.
func (x *newlines) line(off int64) int {
	i := 0
	for i < len(x.nls) && x.nls[i] < off {
		i++
	}
	x.done += i
	x.nls = append(x.nls[:0], x.nls[i:]...)
	return x.done + 1
}
