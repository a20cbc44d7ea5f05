package read

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"
)

// lineReader returns lines of any length up to max bytes without loading
// more than one line. A short line is returned straight from the bufio
// buffer; a long one is gathered in buf, which is reused.
type lineReader struct {
	br   *bufio.Reader
	buf  []byte
	max  int
	line int // number of the line last returned, 1-based
	err  error
}

// next returns the next line without its "\n" or "\r\n". tooLong reports a
// line longer than max, whose bytes are discarded. ok is false at the end of
// input; lr.err then holds the error, nil at a clean end. The line is valid
// until the next call.
func (lr *lineReader) next() (line []byte, tooLong, ok bool) {
	if lr.err != nil {
		return nil, false, false
	}
	frag, err := lr.br.ReadSlice('\n')
	if err == nil || (err == io.EOF && len(frag) > 0) {
		if err == io.EOF {
			lr.err = io.EOF
		}
		lr.line++
		if len(frag) > lr.max+2 { // +2 for the line end
			return nil, true, true
		}
		return trimEOL(frag), false, true
	}
	if err != bufio.ErrBufferFull {
		lr.err = err
		return nil, false, false
	}
	lr.buf = append(lr.buf[:0], frag...)
	for {
		frag, err = lr.br.ReadSlice('\n')
		if !tooLong {
			if len(lr.buf)+len(frag) > lr.max+2 { // +2 for the line end
				tooLong = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			lr.err = err
			if err != io.EOF {
				return nil, false, false
			}
		}
		lr.line++
		if tooLong {
			return nil, true, true
		}
		return trimEOL(lr.buf), false, true
	}
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}

// clean makes raw valid text: CRLF becomes LF, invalid UTF-8 and NUL bytes
// become U+FFFD, and with trim the white space around it is dropped. bad
// and nul report the repairs.
func clean(raw []byte, trim bool) (text string, bad, nul bool) {
	if trim {
		raw = bytes.TrimSpace(raw)
	}
	// Fast path: IndexByte and Valid are vectorised.
	if bytes.IndexByte(raw, '\r') < 0 && bytes.IndexByte(raw, 0) < 0 && utf8.Valid(raw) {
		return string(raw), false, false
	}
	out := make([]byte, 0, len(raw)+8)
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r' && i+1 < len(raw) && raw[i+1] == '\n':
				// CRLF → LF: drop the CR.
			case c == 0:
				nul = true
				out = append(out, "\uFFFD"...)
			default:
				out = append(out, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			bad = true
			out = append(out, "\uFFFD"...)
			// One replacement per run of invalid bytes, as strings.ToValidUTF8.
			i++
			for i < len(raw) && raw[i] >= utf8.RuneSelf {
				if r, size := utf8.DecodeRune(raw[i:]); r != utf8.RuneError || size != 1 {
					break
				}
				i++
			}
			continue
		}
		out = append(out, raw[i:i+size]...)
		i += size
	}
	if trim {
		out = bytes.TrimSpace(out)
	}
	return string(out), bad, nul
}
