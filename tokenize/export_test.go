package tokenize

import "github.com/kilde-news/kilde"

// AppendGeneral is Append without the shortcuts for plain words.
func (t *Tokenizer) AppendGeneral(dst []kilde.Token, text string) []kilde.Token {
	return t.appendTokens(dst, text, false)
}
