// Package sqlstore implements kilde.Store over database/sql. Everything
// that differs between databases — DDL in numbered migrations, placeholder
// style, the full-text index and its query language — is in a Dialect, so
// packages sqlite and postgres are a Dialect and an Open function each.
package sqlstore

import (
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
