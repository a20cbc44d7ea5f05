package kilde

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ContentID returns a stable id for an article: the first 16 hex digits of
// SHA-256 over the date, a NUL byte, and the text with every run of white
// space collapsed to one space and leading/trailing space removed. Copies that
// differ only in line breaks, indentation or CRLF thus share an id; any change
// of words, punctuation, case or date gives another.
func ContentID(text, date string) string {
	h := sha256.New()
	h.Write([]byte(strings.TrimSpace(date)))
	h.Write([]byte{0})
	var buf [512]byte
	b := buf[:0]
	space := false
	started := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf { // ASCII fast path: no decoding
			i++
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
				space = started
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			started = true
			b = append(b, c)
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if unicode.IsSpace(r) {
				space = started
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			started = true
			b = utf8.AppendRune(b, r)
		}
		if len(b) > len(buf)-8 {
			h.Write(b)
			b = b[:0]
		}
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)[:8])
}
