// Package sqlstore implements kilde.Store over database/sql. Everything
// that differs between databases — DDL in numbered migrations, placeholder
// style, the full-text index and its query language — is in a Dialect, so
// packages sqlite and postgres are a Dialect and an Open function each.
package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/kilde-news/kilde/search"
)

// Dialect is what a database must supply.
type Dialect struct {
	Name string
	// Migrations holds NNN_name.sql files, applied in order, each in its
	// own transaction, and recorded in schema_migrations.
	Migrations fs.FS
	// Dollar numbers placeholders $1, $2, ... instead of ?.
	Dollar bool
	// MigrationLock, when set, is run first in each migration transaction
	// to serialize concurrent openers.
	MigrationLock string
	// IndexInsert followed by one or more comma-separated IndexValues
	// indexes articles; each IndexValues takes the article id, the stemmed
	// title and the stemmed body (search.IndexText output). Put indexes a
	// whole batch in a few statements: SQLite's FTS5 flushes its pending
	// terms at every statement, so one row per statement is slow.
	IndexInsert, IndexValues string
	// FTSFrom is the FROM clause joining the full-text index to articles
	// (alias a); FTSWhere is the condition with one ? for the rendered
	// query; FTSScore is an expression with one ? (or none if ScoreArg is
	// false), higher is better.
	FTSFrom, FTSWhere, FTSScore string
	ScoreArg                    bool
	// FTSTop selects columns id and score of the best matches for one ? query,
	// best first, then ? limit and ? offset: the fast path for searches
	// without filters.
	FTSTop string
	// FTSIDs selects the article ids matching one ? query (for filters).
	FTSIDs string
	// Render turns a parsed query into the ? argument of FTSWhere.
	Render func(q *search.Query) string
	// Facets, when set, are indexed with each article (IndexValues then
	// takes a fourth value: Facets(article)) and FacetMatch adds the
	// filters' facet groups to a rendered query, so that the full-text
	// index intersects them instead of SQL filtering every match. The SQL
	// filters still apply; facets only narrow.
	Facets     func(date, lang, outletKey string) string
	FacetMatch func(rendered string, groups [][]string) string
	// After holds Go steps run after a migration's SQL in its transaction
	// (e.g. reindexing text whose analysis is done in Go).
	After map[int]func(ctx context.Context, tx *sql.Tx) error
}

// FacetTokens returns the facet tokens of an article: y<year>, m<yyyymm>
// when the month is known, yo<year> for year-only dates, l<lang>, and
// o<hash of the outlet key>.
func FacetTokens(date, lang, outletKey string) string {
	var f []string
	if len(date) >= 4 && isDigits(date[:4]) {
		f = append(f, "y"+date[:4])
		if len(date) >= 7 && date[4] == '-' && isDigits(date[5:7]) {
			f = append(f, "m"+date[:4]+date[5:7])
		} else {
			f = append(f, "yo"+date[:4])
		}
	}
	f = append(f, "l"+langToken(lang), "o"+outletHash(outletKey))
	return strings.Join(f, " ")
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func langToken(lang string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(lang) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

func outletHash(key string) string {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h ^= uint32(key[i])
		h *= 16777619
	}
	return strconv.FormatUint(uint64(h), 36)
}

// facetGroups returns the facet OR-groups implied by filters: months (or
// years, for ranges over 24 months) for a closed date range, the
// language, the outlet. Every article passing the SQL filters has a token
// of every group.
func facetGroups(from, to, lang, outletKey string) [][]string {
	var gs [][]string
	if len(from) >= 4 && len(to) >= 4 && isDigits(from[:4]) && isDigits(to[:4]) {
		y1, _ := strconv.Atoi(from[:4])
		y2, _ := strconv.Atoi(to[:4])
		m1, m2 := 1, 12
		if len(from) >= 7 && isDigits(from[5:7]) {
			m1, _ = strconv.Atoi(from[5:7])
		}
		if len(to) >= 7 && isDigits(to[5:7]) {
			m2, _ = strconv.Atoi(to[5:7])
		}
		if y2 >= y1 {
			months := (y2-y1)*12 + m2 - m1 + 1
			var g []string
			if months <= 24 && months > 0 {
				for y, m := y1, m1; y < y2 || y == y2 && m <= m2; {
					g = append(g, fmt.Sprintf("m%04d%02d", y, m))
					if m++; m > 12 {
						y, m = y+1, 1
					}
				}
				for y := y1; y <= y2; y++ {
					g = append(g, fmt.Sprintf("yo%04d", y))
				}
			} else {
				for y := y1; y <= y2; y++ {
					g = append(g, fmt.Sprintf("y%04d", y))
				}
			}
			if len(g) > 0 {
				gs = append(gs, g)
			}
		}
	}
	if lang != "" {
		gs = append(gs, []string{"l" + langToken(lang)})
	}
	if outletKey != "" {
		gs = append(gs, []string{"o" + outletHash(outletKey)})
	}
	return gs
}

func (d *Dialect) bind(q string) string {
	if !d.Dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// RenderFTS5 renders q in SQLite FTS5 query syntax: tokens in double
// quotes, phrases as one quoted string, prefixes with *, alternatives with
// OR, negations with NOT.
func RenderFTS5(q *search.Query) string {
	var pos, neg []string
	for _, c := range q.Clauses {
		var alts []string
		for _, a := range c.Alts {
			s := `"` + strings.ReplaceAll(strings.Join(a.Tokens, " "), `"`, `""`) + `"`
			if a.Prefix {
				s += " *"
			}
			alts = append(alts, s)
		}
		s := strings.Join(alts, " OR ")
		if len(alts) > 1 {
			s = "(" + s + ")"
		}
		if c.Not {
			neg = append(neg, s)
		} else {
			pos = append(pos, s)
		}
	}
	out := strings.Join(pos, " AND ")
	for _, n := range neg {
		out += " NOT " + n
	}
	return out
}

// RenderTSQuery renders q for PostgreSQL to_tsquery('simple', ...): & for
// AND, | for OR, ! for NOT, <-> between phrase words, :* for prefixes.
func RenderTSQuery(q *search.Query) string {
	var parts []string
	for _, c := range q.Clauses {
		var alts []string
		for _, a := range c.Alts {
			ws := make([]string, len(a.Tokens))
			for i, t := range a.Tokens {
				ws[i] = "'" + strings.ReplaceAll(t, "'", "''") + "'"
			}
			if a.Prefix {
				ws[len(ws)-1] += ":*"
			}
			s := strings.Join(ws, " <-> ")
			if len(ws) > 1 {
				s = "(" + s + ")"
			}
			alts = append(alts, s)
		}
		s := strings.Join(alts, " | ")
		if len(alts) > 1 {
			s = "(" + s + ")"
		}
		if c.Not {
			s = "!" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " & ")
}
