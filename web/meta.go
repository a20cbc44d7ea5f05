package web

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// meta is what the page says about itself in its head and JSON-LD.
type meta struct {
	title, lang, canonical, author  string
	ogTitle, ogSiteName             string
	jsonldHeadline, jsonldPublisher string
	jsonldAuthor, jsonldDate        string
	metaDates                       []string // published-time metas, in order of trust
	timeDates                       []string // <time datetime>, pubdate/itemprop first
}

// metaDateNames are meta property/name/itemprop values that carry the
// publication time, most specific first.
var metaDateNames = []string{
	"article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate",
	"publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created", "date",
}

func readMeta(root *html.Node) meta {
	var m meta
	found := map[string]string{}
	var times, pubTimes []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = attr(n, "lang")
			case atom.Title:
				if m.title == "" && n.FirstChild != nil {
					m.title = strings.TrimSpace(n.FirstChild.Data)
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = attr(n, "href")
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				if key != "" && val != "" {
					if _, ok := found[key]; !ok {
						found[key] = val
					}
				}
			case atom.Time:
				dt := strings.TrimSpace(attr(n, "datetime"))
				if dt != "" {
					if hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
						pubTimes = append(pubTimes, dt)
					} else {
						times = append(times, dt)
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					m.jsonld(n.FirstChild.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	m.ogTitle = found["og:title"]
	m.ogSiteName = found["og:site_name"]
	m.author = firstNonEmpty(found["author"], found["article:author"])
	for _, k := range metaDateNames {
		if v := found[k]; v != "" {
			m.metaDates = append(m.metaDates, v)
		}
	}
	m.timeDates = append(pubTimes, times...)
	return m
}

// jsonld reads the first NewsArticle-like object of a JSON-LD block,
// looking inside arrays and @graph.
func (m *meta) jsonld(s string) {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return
	}
	var visit func(any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g)
			}
			if d, ok := x["datePublished"].(string); ok && m.jsonldDate == "" {
				m.jsonldDate = d
				if h, ok := x["headline"].(string); ok {
					m.jsonldHeadline = h
				}
				m.jsonldPublisher = name(x["publisher"])
				m.jsonldAuthor = name(x["author"])
			}
		}
	}
	visit(v)
}

// name reads a schema.org Person/Organization or a list of them.
func name(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		s, _ := x["name"].(string)
		return s
	case []any:
		var names []string
		for _, e := range x {
			if n := name(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}
