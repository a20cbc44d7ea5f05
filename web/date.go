package web

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/kilde-news/kilde/lexicon"
)

var (
	months    = lexicon.MustMap("all/web_months.tsv")
	datelines = lexicon.MustMap("all/web_datelines.tsv") // word → published, updated, lead
)

// isDateline reports whether a short paragraph is only a date line
// ("Publiceret 17. feb. 2019 kl. 10.12"), which is page furniture.
func isDateline(p string) bool {
	if len(p) > 80 {
		return false
	}
	l := strings.ToLower(p)
	w, rest, _ := strings.Cut(l, " ")
	kind := datelines[strings.TrimRight(w, ":")]
	if kind == "" {
		return false
	}
	if kind == "lead" { // "Sidst opdateret 17. feb." / "Last updated Feb 17"
		_, rest, _ = strings.Cut(rest, " ")
	}
	return parseHumanDate(rest) != ""
}

// pageDate finds the publication date, trusting in turn JSON-LD, meta
// tags, <time> elements, the URL, and a date line in the text. It returns
// the date in ISO 8601 at the precision found, and its source.
func pageDate(root *html.Node, m meta, pageURL string, page []byte) (string, string) {
	if d := isoDate(m.jsonldDate); d != "" {
		return d, "jsonld"
	}
	for _, s := range m.metaDates {
		if d := isoDate(s); d != "" {
			return d, "meta"
		}
	}
	for _, s := range m.timeDates {
		if d := isoDate(s); d != "" {
			return d, "time"
		}
	}
	if d := urlDate(pageURL); d != "" {
		return d, "url"
	}
	if d := textDate(visibleText(root)); d != "" {
		return d, "text"
	}
	return "", ""
}

var layouts = []struct {
	layout string
	zoned  bool
}{
	{time.RFC3339, true}, {"2006-01-02T15:04:05Z0700", true}, {"2006-01-02T15:04Z07:00", true},
	{time.RFC1123Z, true}, {time.RFC1123, true},
	{"2006-01-02T15:04:05", false}, {"2006-01-02 15:04:05", false}, {"2006-01-02T15:04", false}, {"2006-01-02 15:04", false},
}

// isoDate normalizes a machine-readable date: RFC 3339 and its common
// relatives become RFC 3339 (UTC offset kept), a bare day stays a day.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, s); err == nil && plausible(t) {
			if l.zoned {
				return t.Format(time.RFC3339)
			}
			return t.Format("2006-01-02T15:04:05")
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil && plausible(t) {
			return s[:10]
		}
	}
	return ""
}

func plausible(t time.Time) bool { return t.Year() >= 1990 && t.Year() <= 2100 }

// urlDate reads /2019/02/17/, /2019-02-17 and /20190217 in a URL path.
func urlDate(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexByte(u, '/'); i >= 0 {
		u = u[i:]
	} else {
		return ""
	}
	for i := 0; i+1 < len(u); i++ {
		if u[i] != '/' && u[i] != '-' && u[i] != '_' {
			continue
		}
		rest := u[i+1:]
		for _, l := range []string{"2006/01/02", "2006-01-02", "20060102"} {
			if len(rest) < len(l) {
				continue
			}
			if len(rest) > len(l) && isDigit(rest[len(l)]) {
				continue
			}
			if t, err := time.Parse(l, rest[:len(l)]); err == nil && plausible(t) {
				return t.Format("2006-01-02")
			}
		}
	}
	return ""
}

// textDate finds a date line in the page text: a line opening with a
// dateline word ("Publiceret 17. feb. 2019 kl. 10.12", "Published
// February 17, 2019"), then any "17.02.2019"-style date in such a line.
func textDate(text string) string {
	for _, line := range strings.Split(text, "\n") {
		l := strings.ToLower(strings.TrimSpace(line))
		w, rest, _ := strings.Cut(l, " ")
		w = strings.TrimRight(w, ":")
		if datelines[w] != "published" {
			continue
		}
		if d := parseHumanDate(rest); d != "" {
			return d
		}
	}
	return ""
}

// parseHumanDate reads "17. feb. 2019 kl. 10.12", "17 februar 2019",
// "february 17, 2019", "17.02.2019" and "17/2 2019" (day first).
func parseHumanDate(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\u00a0' })
	for i := range f {
		f[i] = strings.TrimSuffix(f[i], ".")
	}
	for i := 0; i < len(f); i++ {
		// 17.02.2019 or 17/02/2019
		if p := strings.FieldsFunc(f[i], func(r rune) bool { return r == '.' || r == '/' || r == '-' }); len(p) == 3 {
			d, m, y := atoi(p[0]), atoi(p[1]), atoi(p[2])
			if ok(y, m, d) {
				return withClock(y, m, d, f[i+1:])
			}
		}
		// 17 feb 2019
		if i+2 < len(f) {
			if d, m, y := atoi(f[i]), month(f[i+1]), atoi(f[i+2]); ok(y, m, d) {
				return withClock(y, m, d, f[i+3:])
			}
			// february 17 2019
			if m, d, y := month(f[i]), atoi(f[i+1]), atoi(f[i+2]); ok(y, m, d) {
				return withClock(y, m, d, f[i+3:])
			}
		}
	}
	return ""
}

// withClock appends a clock time that follows the date ("kl. 10.12",
// "10:12") as local time without zone, which is what the page states.
func withClock(y, m, d int, rest []string) string {
	day := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	for i, w := range rest {
		if i > 2 {
			break
		}
		p := strings.FieldsFunc(w, func(r rune) bool { return r == '.' || r == ':' })
		if len(p) == 2 && len(p[1]) == 2 {
			h, mi := atoi(p[0]), atoi(p[1])
			if h >= 0 && h < 24 && mi >= 0 && mi < 60 && p[0] != "" {
				return day + "T" + twoDigits(h) + ":" + twoDigits(mi)
			}
		}
	}
	return day
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func ok(y, m, d int) bool {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

func month(s string) int {
	n, _ := strconv.Atoi(months[strings.ToLower(strings.TrimSuffix(s, "."))])
	if n == 0 {
		return atoi(s)
	}
	return n
}

func atoi(s string) int {
	if s == "" || len(s) > 4 {
		return -1
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// visibleText is the page's text with one line per block, for date lines
// that sit outside the article body.
func visibleText(root *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "noscript") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteByte('\n')
		}
	}
	walk(root)
	return b.String()
}
