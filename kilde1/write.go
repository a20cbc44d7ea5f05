package kilde1

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

// Write writes d to w in kilde/1 as one line: exactly the bytes that a
// json.Encoder with SetEscapeHTML(false) writes for FromDoc(d), the newline
// included. It streams: the text is escaped straight from Doc.Text and the
// layers are encoded one item at a time through a small buffer, so memory
// does not grow with the article (json.Encoder builds the whole object
// first: 1.3 GB allocated for a 50 MB article).
//
// On an error from w part of the object may have been written. A quantity
// whose value is NaN or infinite is refused before anything is written, with
// the error json.Marshal gives.
func Write(w io.Writer, d *kilde.Doc) error {
	for _, q := range d.Quantities {
		for _, f := range []*float64{q.Value, q.Low, q.High} {
			if f != nil && (math.IsNaN(*f) || math.IsInf(*f, 0)) {
				return &json.UnsupportedValueError{Str: strconv.FormatFloat(*f, 'g', -1, 64)}
			}
		}
	}
	s := &stream{w: w, buf: make([]byte, 0, flushAt+1024)}
	s.enc = json.NewEncoder(&s.item)
	s.enc.SetEscapeHTML(false)
	cp := newCodepoints(d.Text)
	id, contentID := ids(d)

	s.raw(`{"format":`)
	s.value(Format)
	s.raw(`,"id":`)
	s.value(id)
	s.raw(`,"content_id":`)
	s.value(contentID)
	s.raw(`,"source":`)
	s.value(source(d))
	s.raw(`,"date":`)
	s.value(strp(d.Date))
	s.raw(`,"lang":`)
	s.value(d.Lang)
	s.raw(`,"text":`)
	s.text(d.Text)
	list(s, `,"sentences":[`, d.Sentences, func(sp kilde.Span) any { return Range{cp.at(sp.Start), cp.at(sp.End)} })
	list(s, `,"entities":[`, d.Entities, func(e kilde.Entity) any { return entity(d, cp, e) })
	list(s, `,"times":[`, d.Times, func(t kilde.Time) any { return timex(d, cp, t) })
	list(s, `,"quantities":[`, d.Quantities, func(q kilde.Quantity) any { return quantity(d, cp, q) })
	list(s, `,"quotes":[`, d.Quotes, func(q kilde.Quote) any { return quote(d, cp, q) })
	list(s, `,"claims":[`, d.Claims, func(c kilde.Claim) any { return claim(d, cp, c) })
	list(s, `,"checks":[`, d.Checks, func(c kilde.Check) any { return check(cp, c) })
	s.raw("}\n")
	s.flush()
	return s.err
}

// flushAt is the size at which the stream's buffer goes to the writer.
const flushAt = 32 << 10

// stream collects output in buf and writes it to w in pieces of about
// flushAt bytes; the first error sticks and stops the rest.
type stream struct {
	w    io.Writer
	buf  []byte
	item bytes.Buffer // one value encoded by enc
	enc  *json.Encoder
	err  error
}

// list writes key, then the items converted by f one at a time, then "]".
func list[T any](s *stream, key string, xs []T, f func(T) any) {
	s.raw(key)
	for i, x := range xs {
		s.sep(i)
		s.value(f(x))
	}
	s.raw("]")
}

func (s *stream) flush() {
	if s.err == nil && len(s.buf) > 0 {
		_, s.err = s.w.Write(s.buf)
	}
	s.buf = s.buf[:0]
}

func (s *stream) raw(t string) {
	s.buf = append(s.buf, t...)
	if len(s.buf) >= flushAt {
		s.flush()
	}
}

func (s *stream) sep(i int) {
	if i > 0 {
		s.buf = append(s.buf, ',')
	}
}

// value appends v as encoding/json encodes it (without HTML escaping).
func (s *stream) value(v any) {
	if s.err != nil {
		return
	}
	s.item.Reset()
	if err := s.enc.Encode(v); err != nil {
		s.err = err
		return
	}
	b := s.item.Bytes()
	s.buf = append(s.buf, b[:len(b)-1]...) // Encode ends with a newline
	if len(s.buf) >= flushAt {
		s.flush()
	}
}

const hex = "0123456789abcdef"

// text appends t as a JSON string exactly as encoding/json does without HTML
// escaping: '"', '\\' and control characters escaped (\b, \f, \n, \r, \t
// short), invalid UTF-8 as \ufffd, U+2028 and U+2029 as \u2028 and \u2029.
// Runs of plain text are copied in pieces, flushing as the buffer fills.
func (s *stream) text(t string) {
	s.buf = append(s.buf, '"')
	start := 0
	for i := 0; i < len(t); {
		if i-start >= flushAt || len(s.buf) >= flushAt {
			s.buf = append(s.buf, t[start:i]...)
			start = i
			s.flush()
			if s.err != nil {
				return
			}
		}
		if b := t[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			s.buf = append(s.buf, t[start:i]...)
			switch b {
			case '\\', '"':
				s.buf = append(s.buf, '\\', b)
			case '\b':
				s.buf = append(s.buf, '\\', 'b')
			case '\f':
				s.buf = append(s.buf, '\\', 'f')
			case '\n':
				s.buf = append(s.buf, '\\', 'n')
			case '\r':
				s.buf = append(s.buf, '\\', 'r')
			case '\t':
				s.buf = append(s.buf, '\\', 't')
			default:
				s.buf = append(s.buf, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(t[i:])
		if c == utf8.RuneError && size == 1 {
			s.buf = append(s.buf, t[start:i]...)
			s.buf = append(s.buf, `\ufffd`...)
			i++
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			s.buf = append(s.buf, t[start:i]...)
			s.buf = append(s.buf, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	s.buf = append(s.buf, t[start:]...)
	s.buf = append(s.buf, '"')
}
