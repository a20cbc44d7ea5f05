package ner_test

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

// tokenize is a tiny stand-in for the project's tokenizer, enough for these
// tests: white space separates tokens, and opening/closing punctuation is
// split off words. A token of only ".", "!" or "?" ends a sentence.
func tokenize(d *kilde.Doc) {
	text := d.Text
	d.Tokens, d.Sentences = d.Tokens[:0], d.Sentences[:0]
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		addWord(d, i, j)
		i = j
	}
	start := -1
	for k, t := range d.Tokens {
		if start < 0 {
			start = t.Start
		}
		w := text[t.Start:t.End]
		if w == "." || w == "!" || w == "?" || k == len(d.Tokens)-1 {
			d.Sentences = append(d.Sentences, kilde.Span{Start: start, End: t.End})
			start = -1
		}
	}
}

func isPunct(r rune) bool {
	return strings.ContainsRune(`"'«»“”„‘’()[]{},.;:!?`, r)
}

// addWord adds the token text[i:j], split into leading punctuation, the
// word and trailing punctuation ("(DF)," → "(", "DF", ")", ",").
func addWord(d *kilde.Doc, i, j int) {
	text := d.Text
	for i < j {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isPunct(r) || r == '\'' {
			break
		}
		d.Tokens = append(d.Tokens, kilde.Token{Span: kilde.Span{Start: i, End: i + n}, Kind: kilde.Punct})
		i += n
	}
	var tail []kilde.Token
	for j > i {
		r, n := utf8.DecodeLastRuneInString(text[i:j])
		if !isPunct(r) || r == '\'' || r == '’' {
			break
		}
		// keep the period of an abbreviation or initial: "hr.", "H."
		if r == '.' && j-n > i {
			prev, _ := utf8.DecodeLastRuneInString(text[i : j-n])
			if j-n-i <= 3 && unicode.IsLetter(prev) {
				break
			}
		}
		tail = append(tail, kilde.Token{Span: kilde.Span{Start: j - n, End: j}, Kind: kilde.Punct})
		j -= n
	}
	if j > i {
		kind := kilde.Word
		if r, _ := utf8.DecodeRuneInString(text[i:]); unicode.IsDigit(r) {
			kind = kilde.Number
		}
		d.Tokens = append(d.Tokens, kilde.Token{Span: kilde.Span{Start: i, End: j}, Kind: kind})
	}
	for k := len(tail) - 1; k >= 0; k-- {
		d.Tokens = append(d.Tokens, tail[k])
	}
}

// parseMarked turns "[Mette Frederiksen|PER] siger ..." into the plain text
// and the marked spans as "Mette Frederiksen|PER".
func parseMarked(s string) (string, []string) {
	var b strings.Builder
	var want []string
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			b.WriteString(s)
			break
		}
		inner := s[i+1 : i+j]
		name, label, _ := strings.Cut(inner, "|")
		b.WriteString(s[:i])
		b.WriteString(name)
		want = append(want, name+"|"+label)
		s = s[i+j+1:]
	}
	return b.String(), want
}
