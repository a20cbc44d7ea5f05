package web

import (
	"strings"

	"github.com/kilde-news/kilde/lexicon"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphs renders the article node as text, one block element a
// paragraph, paragraphs separated by a blank line. Figure captions and
// "read also" boxes are dropped.
func paragraphs(n *html.Node) string {
	var out []string
	var cur strings.Builder
	flush := func() {
		s := strings.Join(strings.Fields(cur.String()), " ")
		cur.Reset()
		if s != "" && !boilerplate(s) && !isDateline(s) {
			out = append(out, s)
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Figcaption, atom.Aside, atom.Nav, atom.Form, atom.Button, atom.Iframe, atom.Svg:
				return
			case atom.Br:
				cur.WriteString(" ")
				return
			}
			if block[n.DataAtom] {
				flush()
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				flush()
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return strings.Join(out, "\n\n")
}

var block = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Table: true, atom.Tr: true, atom.Dd: true, atom.Dt: true, atom.Figure: true,
}

var (
	boilerplatePrefixes = lexicon.MustSet("all/web_boilerplate.txt")
	boilerplatePhrases  = lexicon.MustSet("all/web_boilerplate_phrases.txt")
)

// boilerplate spots the cross-links and sharing prompts that survive
// readability: "Læs også: …", "Read more: …", "Del artiklen".
func boilerplate(s string) bool {
	l := strings.ToLower(s)
	for p := range boilerplatePrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	if len(l) < 120 {
		for p := range boilerplatePhrases {
			if strings.Contains(l, p) {
				return true
			}
		}
	}
	return false
}
