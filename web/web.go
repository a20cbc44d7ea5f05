// Package web turns a saved or fetched article page into a kilde.Article:
// the main text (via go-readability, paragraphs kept as blank-line breaks,
// captions and "read also" boxes dropped), the title, outlet, canonical URL,
// author and, above all, the publication date with where it came from.
package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/kilde-news/kilde"
)

// MaxPage is the largest page Extract reads. No article page comes near
// it; bigger ones are data dumps or traps, and text extraction over them
// costs seconds, so they are refused.
const MaxPage = 8 << 20

// ErrNoText is returned when a page has no readable article text.
var ErrNoText = errors.New("no article text found")

// Page is an extracted article page.
type Page struct {
	kilde.Article
	Author string
	// DateSource says where Date came from, in order of trust: jsonld,
	// meta, time, url, text, fallback (the WARC or HTTP date), or "" when
	// no date was found.
	DateSource string
}

// Extract reads an HTML page. pageURL resolves relative links and feeds the
// URL date pattern; contentType is the HTTP Content-Type (may be empty) whose
// charset wins over the page's meta charset. fallbackDate (ISO 8601, may be
// empty) is used when the page itself states no date.
func Extract(body []byte, pageURL, contentType, fallbackDate string) (Page, error) {
	if len(body) > MaxPage {
		return Page{}, fmt.Errorf("page of %d MB is larger than the %d MB limit", len(body)>>20, MaxPage>>20)
	}
	if looksBinary(body) {
		return Page{}, errors.New("not an HTML page (binary content)")
	}
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return Page{}, fmt.Errorf("decode: %w", err)
	}
	decoded, err := io.ReadAll(r)
	if err != nil {
		return Page{}, fmt.Errorf("decode: %w", err)
	}
	if !utf8.Valid(decoded) {
		decoded = bytes.ToValidUTF8(decoded, []byte("\uFFFD"))
	}
	root, err := html.Parse(bytes.NewReader(decoded))
	if err != nil {
		return Page{}, fmt.Errorf("parse HTML: %w", err)
	}
	u, _ := url.Parse(pageURL)
	meta := readMeta(root)

	p := Page{}
	p.Source.URL = pageURL
	if meta.canonical != "" {
		if cu, err := resolve(u, meta.canonical); err == nil {
			p.Source.URL = cu
		}
	}
	p.Source.Title = firstNonEmpty(meta.jsonldHeadline, meta.ogTitle, meta.title)
	p.Source.Outlet = firstNonEmpty(meta.ogSiteName, meta.jsonldPublisher, hostOutlet(u))
	p.Author = firstNonEmpty(meta.jsonldAuthor, meta.author)
	p.Lang = langCode(meta.lang)

	// go-readability edits the tree it gets, so it gets a fresh one.
	art, err := readability.FromReader(bytes.NewReader(decoded), u)
	if err == nil && art.Node != nil {
		p.Text = paragraphs(art.Node)
		if p.Source.Title == "" {
			p.Source.Title = art.Title()
		}
		if p.Author == "" {
			p.Author = art.Byline()
		}
	}
	if strings.TrimSpace(p.Text) == "" {
		return p, ErrNoText
	}
	p.Date, p.DateSource = pageDate(root, meta, pageURL, decoded)
	if p.Date == "" && fallbackDate != "" {
		p.Date, p.DateSource = fallbackDate, "fallback"
	}
	return p, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func resolve(base *url.URL, ref string) (string, error) {
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return "", err
	}
	if base == nil {
		return r.String(), nil
	}
	return base.ResolveReference(r).String(), nil
}

// hostOutlet names an outlet after its host when the page does not:
// "www.dr.dk" → "dr.dk".
func hostOutlet(u *url.URL) string {
	if u == nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// langCode keeps the ISO 639-1 part of an html lang attribute ("da-DK" → "da").
func langCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if len(s) != 2 {
		return ""
	}
	return s
}

// looksBinary reports NUL bytes in the first KiB, which no HTML page has.
func looksBinary(b []byte) bool {
	if len(b) > 1024 {
		b = b[:1024]
	}
	return bytes.IndexByte(b, 0) >= 0
}
