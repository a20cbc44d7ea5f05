package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

// CoNLLUSentence is one sentence of a CoNLL-U file: its `# text`, its
// surface tokens (multi-word token ranges count once, by their range
// line), and the `# newdoc` / `# newpar` markers before it.
type CoNLLUSentence struct {
	ID     string
	Text   string
	NewDoc bool
	NewPar bool
	Tokens []CoNLLUToken
	Line   int // 1-based line of the sentence's first line
}

// CoNLLUToken is a surface token and whether a space follows it.
type CoNLLUToken struct {
	Form       string
	SpaceAfter bool
}

// ReadCoNLLU reads the sentences of a CoNLL-U file. Errors name the line.
func ReadCoNLLU(r io.Reader) ([]CoNLLUSentence, error) {
	var out []CoNLLUSentence
	var cur CoNLLUSentence
	open := false
	skipTo := 0 // last word id covered by a multi-word token range
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	line := 0
	flush := func() {
		if open && (len(cur.Tokens) > 0 || cur.Text != "") {
			if cur.Text == "" {
				var b strings.Builder
				for i, t := range cur.Tokens {
					b.WriteString(t.Form)
					if t.SpaceAfter && i+1 < len(cur.Tokens) {
						b.WriteByte(' ')
					}
				}
				cur.Text = b.String()
			}
			out = append(out, cur)
		}
		cur = CoNLLUSentence{}
		open = false
		skipTo = 0
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" {
			flush()
			continue
		}
		if !open {
			cur.Line = line
			open = true
		}
		if strings.HasPrefix(s, "#") {
			k, v, _ := strings.Cut(strings.TrimSpace(s[1:]), "=")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			switch {
			case k == "text":
				cur.Text = v
			case k == "sent_id":
				cur.ID = v
			case strings.HasPrefix(k, "newdoc"):
				cur.NewDoc = true
			case strings.HasPrefix(k, "newpar"):
				cur.NewPar = true
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("conllu: line %d: want 10 tab-separated columns, have %d", line, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // empty node
		}
		if a, b, ok := strings.Cut(id, "-"); ok {
			var lo, hi int
			if _, err := fmt.Sscanf(a+" "+b, "%d %d", &lo, &hi); err != nil {
				return nil, fmt.Errorf("conllu: line %d: bad range id %q", line, id)
			}
			skipTo = hi
			cur.Tokens = append(cur.Tokens, CoNLLUToken{Form: cols[1], SpaceAfter: !strings.Contains(cols[9], "SpaceAfter=No")})
			continue
		}
		var n int
		if _, err := fmt.Sscanf(id, "%d", &n); err != nil {
			return nil, fmt.Errorf("conllu: line %d: bad id %q", line, id)
		}
		if n <= skipTo {
			continue
		}
		cur.Tokens = append(cur.Tokens, CoNLLUToken{Form: cols[1], SpaceAfter: !strings.Contains(cols[9], "SpaceAfter=No")})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: line %d: %w", line, err)
	}
	flush()
	return out, nil
}

// Layout says how Reconstruct joins sentences into running text.
type Layout int

const (
	// Stream joins sentences with one space, except at `# newdoc` and
	// `# newpar` markers, which start a new paragraph (blank line).
	Stream Layout = iota
	// News is Stream, except that a sentence that does not end in . ! ? …
	// (before closing quotes and brackets), such as a headline, a caption or
	// a line ending in a colon, ends its line, as it would in an article.
	News
)

func (l Layout) String() string {
	if l == News {
		return "news"
	}
	return "stream"
}

// RunningText is gold sentences and tokens as byte spans into Text.
type RunningText struct {
	Text      string
	Sentences []kilde.Span
	Tokens    []kilde.Span
}

// Reconstruct joins sentences into running text and locates each gold
// sentence and token in it. Sentences are separated as layout says.
func Reconstruct(sents []CoNLLUSentence, layout Layout) (RunningText, error) {
	var b strings.Builder
	var rt RunningText
	for i, s := range sents {
		if i > 0 {
			switch {
			case s.NewDoc || s.NewPar:
				b.WriteString("\n\n")
			case layout == News && !Terminated(sents[i-1].Text):
				b.WriteByte('\n')
			default:
				b.WriteByte(' ')
			}
		}
		base := b.Len()
		text := strings.TrimSpace(s.Text)
		b.WriteString(text)
		rt.Sentences = append(rt.Sentences, kilde.Span{Start: base, End: base + len(text)})
		pos := 0
		for _, t := range s.Tokens {
			for pos < len(text) && (text[pos] == ' ' || text[pos] == '\t') {
				pos++
			}
			if !strings.HasPrefix(text[pos:], t.Form) {
				k := strings.Index(text[pos:], t.Form)
				if k < 0 {
					return RunningText{}, fmt.Errorf("conllu: sentence %s (line %d): token %q not found in its text", s.ID, s.Line, t.Form)
				}
				pos += k
			}
			rt.Tokens = append(rt.Tokens, kilde.Span{Start: base + pos, End: base + pos + len(t.Form)})
			pos += len(t.Form)
		}
	}
	rt.Text = b.String()
	return rt, nil
}

// Terminated reports whether a sentence ends in . ! ? or …, possibly
// followed by closing quotation marks and brackets.
func Terminated(s string) bool {
	s = strings.TrimSpace(s)
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '»', '«', '”', '“', '’', ')', ']':
			s = s[:len(s)-n]
			continue
		case '.', '!', '?', '…':
			return true
		}
		return false
	}
	return false
}

// BoundaryPRF scores predicted sentence ends against gold ones: a boundary
// is the byte offset where a sentence ends.
func BoundaryPRF(gold, pred []kilde.Span) PRF {
	g := make(map[int]bool, len(gold))
	for _, s := range gold {
		g[s.End] = true
	}
	var p PRF
	for _, s := range pred {
		if g[s.End] {
			p.TP++
			delete(g, s.End)
		} else {
			p.FP++
		}
	}
	p.FN = len(g)
	return p
}

// SpanPRF scores predicted spans against gold ones by exact start and end.
func SpanPRF(gold, pred []kilde.Span) PRF {
	g := make(map[kilde.Span]bool, len(gold))
	for _, s := range gold {
		g[s] = true
	}
	var p PRF
	for _, s := range pred {
		if g[s] {
			p.TP++
			delete(g, s)
		} else {
			p.FP++
		}
	}
	p.FN = len(g)
	return p
}

// ReadTokenSentences reads the first column of a token-per-line file
// (CoNLL-style TSV: blank line between sentences, `#` lines ignored), such
// as the DaN+ and GUM NER files, as sentences of tokens.
func ReadTokenSentences(r io.Reader) ([][]string, error) {
	var out [][]string
	var cur []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		if strings.HasPrefix(s, "# ") {
			continue
		}
		tok, _, _ := strings.Cut(s, "\t")
		cur = append(cur, tok)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// Detokenize joins tokens into text the way news is written, for data that
// does not record spacing: no space before , . ; : ! ? % and closing
// brackets or English clitics (n't, 's), none after opening brackets, and
// straight double quotes alternate between opening and closing. It writes
// to b and returns each token's span in b; quoteOpen carries the state of
// straight quotes from one call to the next.
func Detokenize(b *strings.Builder, tokens []string, quoteOpen bool) ([]kilde.Span, bool) {
	spans := make([]kilde.Span, 0, len(tokens))
	glue := true // no space before the next token
	for _, t := range tokens {
		space := !glue && b.Len() > 0
		switch t {
		case ",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "'", "”", "’", "«":
			space = false
		case "\"":
			if quoteOpen {
				space = false
			}
		}
		lt := strings.ToLower(t)
		if lt == "n't" || lt == "'s" || lt == "'re" || lt == "'ve" || lt == "'ll" || lt == "'d" || lt == "'m" {
			space = false
		}
		if space {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(t)
		spans = append(spans, kilde.Span{Start: start, End: b.Len()})
		glue = false
		switch t {
		case "(", "[", "{", "$", "#", "“", "‘", "»":
			glue = true
		case "\"":
			if !quoteOpen {
				glue = true
			}
			quoteOpen = !quoteOpen
		}
	}
	return spans, quoteOpen
}
