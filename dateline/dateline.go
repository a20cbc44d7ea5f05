// Package dateline finds wire datelines ("VEJLE (Ritzau): ", "LONDON (Reuters) - ") at
// the start of a line: the quote and claim annotators keep them out of spans and sources.
package dateline

import (
	"unicode"
	"unicode/utf8"
)

// End returns the end of a wire dateline at the start of the line
// holding offset i ("VEJLE (Ritzau): ", "LONDON (Reuters) - ",
// "WASHINGTON, United States (AFP) – "), or -1 when the line has none. A
// dateline is one or more words in capitals, an optional ", Country", an
// optional "(Agency)", then a colon or a dash and a space. It is never part
// of a quote or a claim, nor its source.
func End(text string, i int) int {
	if i < 0 || i > len(text) {
		return -1
	}
	ls := i
	for ls > 0 && text[ls-1] != '\n' {
		if i-ls > 100 {
			return -1 // too far into the line for a dateline
		}
		ls--
	}
	p := ls
	for p < len(text) && (text[p] == ' ' || text[p] == '\t') {
		p++
	}
	lim := min(len(text), p+100)
	// words in capitals: "NEW YORK", "ST. LOUIS", "KØBENHAVN"
	caps, words := 0, 0
	for p < lim {
		q, up := p, 0
		for q < lim {
			r, n := utf8.DecodeRuneInString(text[q:])
			if unicode.IsUpper(r) {
				up++
			} else if r != '.' && r != '-' && r != '\'' {
				break
			}
			q += n
		}
		if q == p || up == 0 {
			break
		}
		if q < lim {
			if r, _ := utf8.DecodeRuneInString(text[q:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				return -1 // "NATO-landene", "Reuters": not a word in capitals
			}
		}
		words++
		caps = max(caps, up)
		p = q
		if p+1 < lim && text[p] == ' ' {
			if r, _ := utf8.DecodeRuneInString(text[p+1:]); unicode.IsUpper(r) {
				// another word only if it is all capitals too (checked by the loop)
				save := p
				p++
				q2, up2, all := p, 0, true
				for q2 < lim {
					r, n := utf8.DecodeRuneInString(text[q2:])
					if unicode.IsUpper(r) {
						up2++
					} else if unicode.IsLetter(r) {
						all = false
						break
					} else if r != '.' && r != '-' && r != '\'' {
						break
					}
					q2 += n
				}
				if !all || up2 == 0 {
					p = save
					break
				}
				continue
			}
		}
		break
	}
	if words == 0 || caps < 2 || words > 4 {
		return -1
	}
	marked := false
	// ", United States", ", Calif.", ", Danmark"
	if p+2 < lim && text[p] == ',' && text[p+1] == ' ' {
		q, n := p+2, 0
		for n < 4 && q < lim {
			r, _ := utf8.DecodeRuneInString(text[q:])
			if !unicode.IsUpper(r) {
				break
			}
			for q < lim && text[q] != ' ' && text[q] != '(' && text[q] != ':' && text[q] != ',' {
				q++
			}
			n++
			if q+1 < lim && text[q] == ' ' {
				if r, _ := utf8.DecodeRuneInString(text[q+1:]); unicode.IsUpper(r) {
					q++
					continue
				}
			}
			break
		}
		if n == 0 {
			return -1
		}
		p, marked = q, true
	}
	// "(Ritzau)", "(Reuters)"
	s := p
	for s < lim && text[s] == ' ' {
		s++
	}
	if s < lim && text[s] == '(' {
		q := s + 1
		for q < lim && q-s < 40 && text[q] != ')' && text[q] != '\n' && text[q] != '(' {
			q++
		}
		if q >= lim || text[q] != ')' || q == s+1 {
			return -1
		}
		p, marked = q+1, true
	}
	// ":" or a dash, then a space
	s = p
	for s < lim && text[s] == ' ' {
		s++
	}
	switch {
	case s < lim && text[s] == ':' && s == p:
		s++
	case s < lim && text[s] == '-':
		if s == p && !marked {
			return -1 // "COVID-19": the dash must stand apart
		}
		if !marked && caps < 3 {
			return -1 // "EU - ..."
		}
		s++
		if s < lim && text[s] == '-' {
			s++
		}
	case s+3 <= lim && (text[s:s+3] == "–" || text[s:s+3] == "—"):
		if !marked && caps < 3 {
			return -1
		}
		s += 3
	default:
		return -1
	}
	if s >= lim || text[s] != ' ' {
		return -1
	}
	for s < lim && text[s] == ' ' {
		s++
	}
	if s >= len(text) || text[s] == '\n' {
		return -1
	}
	return s
}

// Skip moves a span start past a wire dateline it begins with.
func Skip(text string, a, b int) int {
	if e := End(text, a); e > a && e < b {
		return e
	}
	return a
}

// Contains reports whether offset i lies inside a wire dateline: the
// agency of "LONDON (Reuters) - " is no antecedent for "it said".
func Contains(text string, i int) bool {
	ls := i
	for ls > 0 && text[ls-1] != '\n' {
		if i-ls > 100 {
			return false
		}
		ls--
	}
	return End(text, ls) > i
}
