package search

import (
	"github.com/kilde-news/kilde"
)

// MakeSnippet cuts a window of about words words from the original text
// around the densest run of matching terms, with the matching words'
// spans (relative to the snippet) as highlights. terms are the text's terms
// from Analyze or AnalyzeDoc, so highlights map back to the original words
// even though matching was done on stems. With no matches (or a nil match)
// the snippet is the start of the text.
func MakeSnippet(text string, terms []Term, match func(string) bool, words int) kilde.Snippet {
	if words <= 0 {
		words = 30
	}
	if len(terms) == 0 {
		end := len(text)
		if end > 200 {
			end = 200
			for end < len(text) && text[end]&0xC0 == 0x80 {
				end++
			}
		}
		return kilde.Snippet{Text: text[:end]}
	}
	var hits []int
	if match != nil {
		for i, t := range terms {
			if match(t.Stem) {
				hits = append(hits, i)
			}
		}
	}
	// Best window start: the one covering most hits (distinct stems
	// weighted above repeats).
	first := 0
	if len(hits) > 0 {
		best, bestScore := hits[0], -1
		j := 0
		for i, h := range hits {
			for j < len(hits) && hits[j] < h+words {
				j++
			}
			seen := map[string]bool{}
			score := 0
			for _, k := range hits[i:j] {
				if !seen[terms[k].Stem] {
					score += 10
					seen[terms[k].Stem] = true
				} else {
					score++
				}
			}
			if score > bestScore {
				best, bestScore = h, score
			}
		}
		// Start a few words before the first hit for context.
		first = best - words/5
		if first < 0 {
			first = 0
		}
	}
	last := first + words - 1
	if last >= len(terms) {
		last = len(terms) - 1
		if first = last - words + 1; first < 0 {
			first = 0
		}
	}
	start, end := terms[first].Start, terms[last].End
	if first == 0 {
		start = 0
	}
	// Keep closing punctuation right after the last word.
	for end < len(text) && (text[end] == '.' || text[end] == ',' || text[end] == '"' || text[end] == '!' || text[end] == '?') {
		end++
	}
	sn := kilde.Snippet{Text: text[start:end], Start: start}
	for _, h := range hits {
		if h >= first && h <= last {
			sn.Highlights = append(sn.Highlights, kilde.Span{Start: terms[h].Start - start, End: terms[h].End - start})
		}
	}
	return sn
}

// Mark returns the snippet text with each highlight wrapped in open/close.
func Mark(s kilde.Snippet, open, close string) string {
	out := make([]byte, 0, len(s.Text)+len(s.Highlights)*(len(open)+len(close)))
	prev := 0
	for _, h := range s.Highlights {
		if h.Start < prev || h.End > len(s.Text) {
			continue
		}
		out = append(out, s.Text[prev:h.Start]...)
		out = append(out, open...)
		out = append(out, s.Text[h.Start:h.End]...)
		out = append(out, close...)
		prev = h.End
	}
	out = append(out, s.Text[prev:]...)
	return string(out)
}
