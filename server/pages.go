package server

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/kilde-news/kilde"
)

var funcs = template.FuncMap{
	"date":   danishDate,
	"num":    formatNum,
	"pathq":  url.PathEscape,
	"queryq": url.QueryEscape,
	"add":    func(a, b int) int { return a + b },
}

var monthsShort = [...]string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."}

// danishDate renders an ISO date the Danish way: "17. feb. 2019",
// "feb. 2019", "2019"; anything else as given.
func danishDate(s string) string {
	if len(s) >= 7 && s[4] == '-' {
		m, err := strconv.Atoi(s[5:7])
		if err != nil || m < 1 || m > 12 {
			return s
		}
		if len(s) >= 10 && s[7] == '-' {
			d, err := strconv.Atoi(s[8:10])
			if err == nil {
				return strconv.Itoa(d) + ". " + monthsShort[m-1] + " " + s[:4]
			}
		}
		return monthsShort[m-1] + " " + s[:4]
	}
	return s
}

// formatNum writes a number with Danish grouping and decimal comma.
func formatNum(p *float64) string {
	if p == nil {
		return ""
	}
	f := *p
	neg := f < 0
	if neg {
		f = -f
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		if len(frac) > 4 {
			frac = frac[:4]
		}
		b.WriteString("," + frac)
	}
	return b.String()
}

func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("template", "name", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) pageError(w http.ResponseWriter, status int, msg string) {
	s.render(w, status, "error.html", map[string]any{"Title": "Error", "Status": status, "Message": msg})
}

type searchPage struct {
	Title    string
	Q        url.Values
	Query    kilde.SearchQuery
	Hits     []pageHit
	Total    int
	Page     int
	Prev     string
	Next     string
	Error    string
	Hedges   []string
	Searched bool
	Stats    kilde.Stats
}

type pageHit struct {
	kilde.Hit
	Snippet template.HTML
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	p := searchPage{Title: "Search", Q: v, Hedges: []string{"asserted", "reported", "alleged", "estimated", "predicted", "opinion", "possible", "assumed", "denied"}}
	p.Stats, _ = s.store.Stats(r.Context())
	q, page, err := searchQuery(v)
	if err != nil {
		p.Error = err.Error()
		s.render(w, http.StatusBadRequest, "search.html", p)
		return
	}
	p.Query, p.Page = q, page
	res, err := s.store.Search(r.Context(), q)
	if err != nil {
		p.Error = userMessage(err)
		status := http.StatusBadRequest
		if kilde.ErrorCodeOf(err) == kilde.EINTERNAL {
			s.log.Error("search", "err", err)
			status = http.StatusInternalServerError
		}
		s.render(w, status, "search.html", p)
		return
	}
	p.Searched = true
	p.Total = res.Total
	for _, h := range res.Hits {
		p.Hits = append(p.Hits, pageHit{Hit: h, Snippet: highlight(h.Snippet)})
	}
	if page > 1 {
		p.Prev = withPage(v, page-1)
	}
	if q.Offset+len(res.Hits) < res.Total {
		p.Next = withPage(v, page+1)
	}
	s.render(w, http.StatusOK, "search.html", p)
}

func withPage(v url.Values, page int) string {
	c := url.Values{}
	for k, vs := range v {
		c[k] = vs
	}
	c.Set("page", strconv.Itoa(page))
	return "/search?" + c.Encode()
}

// highlight escapes a snippet and wraps its matches in <mark>.
func highlight(sn kilde.Snippet) template.HTML {
	var b strings.Builder
	last := 0
	for _, h := range sn.Highlights {
		if h.Start < last || h.End > len(sn.Text) || h.Start > h.End {
			continue
		}
		b.WriteString(template.HTMLEscapeString(sn.Text[last:h.Start]))
		b.WriteString("<mark>" + template.HTMLEscapeString(sn.Text[h.Start:h.End]) + "</mark>")
		last = h.End
	}
	b.WriteString(template.HTMLEscapeString(sn.Text[last:]))
	return template.HTML(b.String())
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	d, err := s.store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		if kilde.ErrorCodeOf(err) == kilde.ENOTFOUND {
			s.pageError(w, http.StatusNotFound, "No article with that id.")
			return
		}
		s.log.Error("get", "err", err)
		s.pageError(w, http.StatusInternalServerError, "The store failed.")
		return
	}
	title := d.Source.Title
	if title == "" {
		title = clip(d.Text, 80)
	}
	s.render(w, http.StatusOK, "article.html", map[string]any{
		"Title": title, "Doc": d, "Body": renderArticle(d.Doc), "Quotes": quoteRows(d.Doc),
		"Claims": claimRows(d.Doc), "Quantities": d.Quantities, "Checks": d.Checks, "Text": d.SpanText,
	})
}

func (s *Server) pageEntity(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	e, err := s.store.Entity(r.Context(), name, 50)
	if err != nil {
		if c := kilde.ErrorCodeOf(err); c == kilde.ENOTFOUND || c == kilde.EINVALID {
			s.pageError(w, http.StatusNotFound, "No entity called "+strconv.Quote(name)+".")
			return
		}
		s.log.Error("entity", "err", err)
		s.pageError(w, http.StatusInternalServerError, "The store failed.")
		return
	}
	s.render(w, http.StatusOK, "entity.html", map[string]any{"Title": e.Name, "E": e, "Asked": name})
}

func (s *Server) pageTrack(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	data := map[string]any{"Title": "Track", "Q": v}
	q, err := trackQuery(v)
	if err != nil {
		data["Error"] = err.Error()
		s.render(w, http.StatusBadRequest, "track.html", data)
		return
	}
	if q.Measured == "" && q.Text == "" {
		s.render(w, http.StatusOK, "track.html", data)
		return
	}
	pts, err := s.store.Track(r.Context(), q)
	if err != nil {
		data["Error"] = userMessage(err)
		s.render(w, http.StatusBadRequest, "track.html", data)
		return
	}
	data["Points"] = pts
	data["Chart"] = chart(pts)
	data["Searched"] = true
	s.render(w, http.StatusOK, "track.html", data)
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
