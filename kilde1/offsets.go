package kilde1

import "unicode/utf8"

// codepoints converts byte offsets to code-point offsets. Layers are mostly
// sorted, so it walks from the last position instead of indexing the whole
// text: O(distance) per call and no memory proportional to the text.
type codepoints struct {
	text  string
	ascii bool
	b, c  int // last byte offset and its code-point offset
}

func newCodepoints(text string) *codepoints {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	return &codepoints{text: text, ascii: ascii}
}

// at returns the code-point offset of byte offset off. An offset inside a
// multi-byte rune counts as the start of that rune.
func (p *codepoints) at(off int) int {
	if off < 0 {
		off = 0
	}
	if off > len(p.text) {
		off = len(p.text)
	}
	if p.ascii {
		return off
	}
	if off < p.b {
		if off < p.b-off { // nearer to the start: restart
			p.b, p.c = 0, 0
		} else {
			for p.b > off {
				_, size := utf8.DecodeLastRuneInString(p.text[:p.b])
				p.b -= size
				p.c--
			}
			return p.c // p.b < off means off was inside the rune at p.b
		}
	}
	for p.b < off {
		_, size := utf8.DecodeRuneInString(p.text[p.b:])
		if p.b+size > off { // off is inside this rune
			return p.c
		}
		p.b += size
		p.c++
	}
	return p.c
}

// byteOffsets converts code-point offsets to byte offsets, walking likewise.
type byteOffsets struct {
	text string
	b, c int
}

func newByteOffsets(text string) *byteOffsets { return &byteOffsets{text: text} }

func (p *byteOffsets) at(cp int) int {
	if cp < 0 {
		cp = 0
	}
	if cp < p.c {
		p.b, p.c = 0, 0
	}
	for p.c < cp && p.b < len(p.text) {
		_, size := utf8.DecodeRuneInString(p.text[p.b:])
		p.b += size
		p.c++
	}
	return p.b
}

// CodePoints returns the code-point offset of byte offset off in text.
func CodePoints(text string, off int) int { return newCodepoints(text).at(off) }

// ByteOffset returns the byte offset of code-point offset cp in text.
func ByteOffset(text string, cp int) int { return newByteOffsets(text).at(cp) }
