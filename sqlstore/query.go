package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/search"
)

// sqlb accumulates SQL text and its arguments in order.
type sqlb struct {
	b    strings.Builder
	args []any
}

func (q *sqlb) add(s string, args ...any) {
	q.b.WriteString(s)
	q.args = append(q.args, args...)
}

func likeWord(key string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "% " + r.Replace(key) + " %"
}

// filters appends the WHERE conditions (each starting with " AND ") for
// q's filters on articles a.
func (s *Store) filters(b *sqlb, q *kilde.SearchQuery) error {
	if q.From != "" {
		if !validDate(q.From) {
			return kilde.Errorf(kilde.EINVALID, s.d.Name+".Search", "bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", q.From)
		}
		b.add(` AND a.date >= ?`, q.From)
	}
	if q.To != "" {
		if !validDate(q.To) {
			return kilde.Errorf(kilde.EINVALID, s.d.Name+".Search", "bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", q.To)
		}
		b.add(` AND a.date <> '' AND a.date <= ?`, q.To+"~")
	}
	if q.Lang != "" {
		b.add(` AND a.lang = ?`, q.Lang)
	}
	if q.Outlet != "" {
		b.add(` AND a.outlet_key = ?`, search.NameKey(q.Outlet))
	}
	if q.Entity != "" {
		b.add(` AND a.id IN (SELECT ae.article_id FROM article_entities ae JOIN entity_aliases al ON al.entity_id = ae.entity_id WHERE al.alias_key = ?)`,
			search.NameKey(q.Entity))
	}
	if q.Speaker != "" {
		k := search.NameKey(q.Speaker)
		b.add(` AND EXISTS (SELECT 1 FROM quotes qu WHERE qu.article_id = a.id AND (qu.speaker_key = ? OR ' ' || qu.speaker_key || ' ' LIKE ? ESCAPE '\'))`,
			k, likeWord(k))
	}
	if q.Hedge != "" {
		b.add(` AND EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.hedge = ?)`, strings.ToLower(q.Hedge))
	}
	if q.Unit != "" {
		b.add(` AND EXISTS (SELECT 1 FROM quantities qn WHERE qn.article_id = a.id AND qn.unit_key = ?)`, strings.ToLower(q.Unit))
	}
	return nil
}

// validDate accepts ISO 8601 dates at year, month or day precision (and
// longer timestamps), which compare correctly as strings.
func validDate(s string) bool {
	if len(s) < 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '-' || c == 'T' || c == ':' || c == 'Z' || c == '+' || c == '.') {
			return false
		}
	}
	return s[0] >= '0' && s[0] <= '9'
}

func (s *Store) parse(op, text string, lang string) (*search.Query, error) {
	var langs []string
	if lang != "" {
		langs = []string{lang}
	}
	q, err := search.Parse(text, langs...)
	if err != nil {
		return nil, &kilde.Error{Code: kilde.EINVALID, Op: s.d.Name + "." + op, Err: err}
	}
	return q, nil
}

// Search implements kilde.Store.
func (s *Store) Search(ctx context.Context, q kilde.SearchQuery) (*kilde.SearchResult, error) {
	fq, err := s.parse("Search", q.Text, q.Lang)
	if err != nil {
		return nil, err
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	if q.Offset < 0 {
		q.Offset = 0
	}
	var f sqlb
	if err := s.filters(&f, &q); err != nil {
		return nil, err
	}
	var b sqlb
	var where sqlb
	fast := !fq.Empty() && f.b.Len() == 0 && s.d.FTSTop != ""
	switch {
	case fast:
		// No filters: let the index rank and cut the page, then join.
		rendered := s.d.Render(fq)
		b.add(`SELECT a.id, a.content_id, a.ext_id, a.date, a.lang, a.outlet, a.title, a.cluster, t.score FROM (`+
			s.d.FTSTop+`) t JOIN articles a ON a.id = t.id ORDER BY 9 DESC, a.id DESC`, rendered, q.Limit, q.Offset)
		where.add(` WHERE `+s.d.FTSWhere, rendered)
	case fq.Empty():
		b.add(`SELECT a.id, a.content_id, a.ext_id, a.date, a.lang, a.outlet, a.title, a.cluster, 0 FROM articles a WHERE 1=1`)
	default:
		b.add(`SELECT a.id, a.content_id, a.ext_id, a.date, a.lang, a.outlet, a.title, a.cluster, ` + s.d.FTSScore)
		rendered := s.d.Render(fq)
		if s.d.FacetMatch != nil {
			var ok string
			if q.To != "" {
				ok = q.To
			}
			if gs := facetGroups(q.From, ok, q.Lang, search.NameKey(q.Outlet)); len(gs) > 0 {
				rendered = s.d.FacetMatch(rendered, gs)
			}
		}
		if s.d.ScoreArg {
			b.args = append(b.args, rendered)
		}
		b.add(` FROM ` + s.d.FTSFrom + ` WHERE ` + s.d.FTSWhere)
		b.args = append(b.args, rendered)
		where.add(` WHERE ` + s.d.FTSWhere)
		where.args = append(where.args, rendered)
	}
	if !fast {
		b.add(f.b.String(), f.args...)
		if fq.Empty() {
			b.add(` ORDER BY a.date DESC, a.id DESC`)
		} else {
			b.add(` ORDER BY 9 DESC, a.id DESC`)
		}
		b.add(` LIMIT ? OFFSET ?`, q.Limit, q.Offset)
	}
	rows, err := s.db.QueryContext(ctx, s.d.bind(b.b.String()), b.args...)
	if err != nil {
		return nil, s.errf("Search", err)
	}
	res := &kilde.SearchResult{Total: -1}
	var ids []int64
	for rows.Next() {
		var h kilde.Hit
		var id int64
		var score sql.NullFloat64
		if err := rows.Scan(&id, &h.ContentID, &h.ID, &h.Date, &h.Lang, &h.Outlet, &h.Title, &h.Cluster, &score); err != nil {
			rows.Close()
			return nil, s.errf("Search", err)
		}
		h.Score = score.Float64
		ids = append(ids, id)
		res.Hits = append(res.Hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.errf("Search", err)
	}
	if err := s.snippets(ctx, fq, ids, res.Hits); err != nil {
		return nil, err
	}
	if q.Count {
		var c sqlb
		switch {
		case fq.Empty():
			c.add(`SELECT COUNT(*) FROM articles a WHERE 1=1`)
		case fast:
			c.add(`SELECT COUNT(*) FROM (`+s.d.FTSIDs+`) t WHERE 1=1`, s.d.Render(fq))
		default:
			c.add(`SELECT COUNT(*) FROM `+s.d.FTSFrom+where.b.String(), where.args...)
		}
		c.add(f.b.String(), f.args...)
		if err := s.db.QueryRowContext(ctx, s.d.bind(c.b.String()), c.args...).Scan(&res.Total); err != nil {
			return nil, s.errf("Search", err)
		}
	}
	return res, nil
}

// snippets loads the hits' texts and cuts their snippets in Go, on the
// original text, so highlights fall on the words as written.
func (s *Store) snippets(ctx context.Context, fq *search.Query, ids []int64, hits []kilde.Hit) error {
	if len(ids) == 0 {
		return nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, s.d.bind(`SELECT b.id, b.text, a.lang FROM article_bodies b JOIN articles a ON a.id = b.id WHERE b.id IN (`+placeholders(len(ids))+`)`), args...)
	if err != nil {
		return s.errf("Search", err)
	}
	defer rows.Close()
	var match func(string) bool
	if !fq.Empty() {
		match = fq.Matcher()
	}
	pos := map[int64]int{}
	for i, id := range ids {
		pos[id] = i
	}
	for rows.Next() {
		var id int64
		var text, lang string
		if err := rows.Scan(&id, &text, &lang); err != nil {
			return s.errf("Search", err)
		}
		hits[pos[id]].Snippet = search.MakeSnippet(text, search.Analyze(text, lang), match, 30)
	}
	return s.errf("Search", rows.Err())
}

// Export implements kilde.Store.
func (s *Store) Export(ctx context.Context, q kilde.SearchQuery, fn func(*kilde.StoredDoc) error) error {
	fq, err := s.parse("Export", q.Text, q.Lang)
	if err != nil {
		return err
	}
	var b sqlb
	b.add(`SELECT ` + docColumns + docFrom + ` WHERE 1=1`)
	if !fq.Empty() {
		b.add(` AND a.id IN (`+s.d.FTSIDs+`)`, s.d.Render(fq))
	}
	if err := s.filters(&b, &q); err != nil {
		return err
	}
	b.add(` ORDER BY a.date, a.id`)
	if q.Limit > 0 {
		b.add(` LIMIT ? OFFSET ?`, q.Limit, max(q.Offset, 0))
	}
	rows, err := s.db.QueryContext(ctx, s.d.bind(b.b.String()), b.args...)
	if err != nil {
		return s.errf("Export", err)
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return s.errf("Export", err)
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return s.errf("Export", rows.Err())
}

// Track implements kilde.Store.
func (s *Store) Track(ctx context.Context, q kilde.TrackQuery) ([]kilde.TrackPoint, error) {
	if strings.TrimSpace(q.Measured) == "" && strings.TrimSpace(q.Text) == "" {
		return nil, kilde.Errorf(kilde.EINVALID, s.d.Name+".Track", "give a measured thing or a query")
	}
	var b sqlb
	b.add(`SELECT a.date, qn.value, qn.low, qn.high, qn.approx, qn.unit, qn.measured, qn.text, qn.source, qn.hedge,
		a.content_id, a.outlet, a.title, a.cluster FROM quantities qn JOIN articles a ON a.id = qn.article_id WHERE 1=1`)
	if m := strings.TrimSpace(q.Measured); m != "" {
		seen := map[string]bool{}
		var conds []string
		var args []any
		for _, lang := range []string{"da", "en", "xx"} {
			k := search.Key(m, lang)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			conds = append(conds, `qn.measured_key = ? OR ' ' || qn.measured_key || ' ' LIKE ? ESCAPE '\'`)
			args = append(args, k, likeWord(k))
		}
		if len(conds) == 0 {
			return nil, kilde.Errorf(kilde.EINVALID, s.d.Name+".Track", "no words in %q", m)
		}
		b.add(` AND (`+strings.Join(conds, " OR ")+`)`, args...)
	} else {
		b.add(` AND qn.measured <> ''`)
	}
	if strings.TrimSpace(q.Text) != "" {
		fq, err := s.parse("Track", q.Text, "")
		if err != nil {
			return nil, err
		}
		if !fq.Empty() { // "-" or "*" alone leave nothing to match on
			b.add(` AND a.id IN (`+s.d.FTSIDs+`)`, s.d.Render(fq))
		}
	}
	if q.Unit != "" {
		b.add(` AND qn.unit_key = ?`, strings.ToLower(q.Unit))
	}
	if err := s.filters(&b, &kilde.SearchQuery{From: q.From, To: q.To}); err != nil {
		return nil, err
	}
	b.add(` ORDER BY a.date, a.id, qn.idx`)
	rows, err := s.db.QueryContext(ctx, s.d.bind(b.b.String()), b.args...)
	if err != nil {
		return nil, s.errf("Track", err)
	}
	defer rows.Close()
	var out []kilde.TrackPoint
	type groupKey struct {
		cluster, unit string
		v, l, h       float64
		hv, hl, hh    bool
	}
	groups := map[groupKey]int{}
	for rows.Next() {
		var p kilde.TrackPoint
		var v, l, h sql.NullFloat64
		if err := rows.Scan(&p.Date, &v, &l, &h, &p.Approx, &p.Unit, &p.Measured, &p.Text, &p.Source, &p.Hedge,
			&p.ContentID, &p.Outlet, &p.Title, &p.Cluster); err != nil {
			return nil, s.errf("Track", err)
		}
		p.Value, p.Low, p.High = fptr(v), fptr(l), fptr(h)
		p.Copies = 1
		if !q.All {
			k := groupKey{cluster: p.Cluster, unit: p.Unit, v: v.Float64, l: l.Float64, h: h.Float64, hv: v.Valid, hl: l.Valid, hh: h.Valid}
			if i, ok := groups[k]; ok {
				out[i].Copies++
				continue
			}
			groups[k] = len(out)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, s.errf("Track", err)
	}
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

func fptr(f sql.NullFloat64) *float64 {
	if !f.Valid {
		return nil
	}
	v := f.Float64
	return &v
}

// Entity implements kilde.Store.
func (s *Store) Entity(ctx context.Context, name string, limit int) (*kilde.EntityInfo, error) {
	if limit <= 0 {
		limit = 10
	}
	key := search.NameKey(name)
	if key == "" {
		return nil, kilde.Errorf(kilde.EINVALID, s.d.Name+".Entity", "empty name")
	}
	info := &kilde.EntityInfo{}
	var eid int64
	err := s.db.QueryRowContext(ctx, s.d.bind(`SELECT al.entity_id FROM entity_aliases al
		LEFT JOIN article_entities ae ON ae.entity_id = al.entity_id
		WHERE al.alias_key = ? GROUP BY al.entity_id ORDER BY COUNT(ae.article_id) DESC, al.entity_id LIMIT 1`), key).Scan(&eid)
	if errors.Is(err, sql.ErrNoRows) {
		eid, err = s.nearEntity(ctx, key)
		info.DidYouMean = eid != 0
	}
	if err != nil {
		return nil, s.errf("Entity", err)
	}
	if eid == 0 {
		return nil, kilde.Errorf(kilde.ENOTFOUND, s.d.Name+".Entity", "no entity %q", name)
	}
	if err := s.db.QueryRowContext(ctx, s.d.bind(`SELECT name, label FROM entities WHERE id = ?`), eid).Scan(&info.Name, &info.Label); err != nil {
		return nil, s.errf("Entity", err)
	}
	if info.DidYouMean && slices.Contains(strings.Fields(search.NameKey(info.Name)), key) {
		info.DidYouMean = false // "Trump" for Donald Trump is a match, not a guess
	}
	var first, last sql.NullString
	var mentions sql.NullInt64
	if err := s.db.QueryRowContext(ctx, s.d.bind(`SELECT COUNT(*), SUM(ae.mentions), MIN(NULLIF(a.date, '')), MAX(NULLIF(a.date, ''))
		FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ?`), eid).
		Scan(&info.Articles, &mentions, &first, &last); err != nil {
		return nil, s.errf("Entity", err)
	}
	info.Mentions, info.FirstSeen, info.LastSeen = int(mentions.Int64), first.String, last.String
	rows, err := s.db.QueryContext(ctx, s.d.bind(`SELECT alias, alias_key, count FROM entity_aliases WHERE entity_id = ? ORDER BY count DESC, alias`), eid)
	if err != nil {
		return nil, s.errf("Entity", err)
	}
	var keys []any
	seen := map[string]bool{}
	for rows.Next() {
		var a kilde.Alias
		var k string
		if err := rows.Scan(&a.Name, &k, &a.Count); err != nil {
			rows.Close()
			return nil, s.errf("Entity", err)
		}
		if !seen[k] {
			seen[k] = true
			info.Aliases = append(info.Aliases, a)
			if len(keys) < 50 {
				keys = append(keys, k)
			}
		}
	}
	rows.Close()
	// Quotes and claims by any alias.
	for _, part := range []struct {
		sql string
		dst *[]kilde.EntityQuote
	}{
		{`SELECT a.date, a.content_id, qu.text, '' FROM quotes qu JOIN articles a ON a.id = qu.article_id WHERE qu.speaker_key IN (%s) ORDER BY a.date DESC, a.id DESC LIMIT ?`, &info.Quotes},
		{`SELECT a.date, a.content_id, c.text, c.hedge FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.source_key IN (%s) ORDER BY a.date DESC, a.id DESC LIMIT ?`, &info.Claims},
	} {
		q := strings.Replace(part.sql, "%s", placeholders(len(keys)), 1)
		rows, err := s.db.QueryContext(ctx, s.d.bind(q), append(append([]any{}, keys...), limit)...)
		if err != nil {
			return nil, s.errf("Entity", err)
		}
		for rows.Next() {
			var e kilde.EntityQuote
			if err := rows.Scan(&e.Date, &e.ContentID, &e.Text, &e.Hedge); err != nil {
				rows.Close()
				return nil, s.errf("Entity", err)
			}
			*part.dst = append(*part.dst, e)
		}
		rows.Close()
	}
	return info, nil
}

// nearEntity finds the most mentioned entity whose name is a near spelling
// of key, or 0.
func (s *Store) nearEntity(ctx context.Context, key string) (int64, error) {
	ents, err := s.loadEntities(ctx, s.db)
	if err != nil {
		return 0, err
	}
	var best *entRow
	for i := range ents {
		e := &ents[i]
		if nearName(key, e.key) && (best == nil || e.articles > best.articles) {
			best = e
		}
	}
	if best == nil {
		return 0, nil
	}
	return best.id, nil
}

type entRow struct {
	id       int64
	key      string
	label    string
	articles int
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func (s *Store) loadEntities(ctx context.Context, db querier) ([]entRow, error) {
	rows, err := db.QueryContext(ctx, `SELECT e.id, e.name_key, e.label, COUNT(ae.article_id) FROM entities e
		LEFT JOIN article_entities ae ON ae.entity_id = e.id GROUP BY e.id, e.name_key, e.label`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []entRow
	for rows.Next() {
		var e entRow
		if err := rows.Scan(&e.id, &e.key, &e.label, &e.articles); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out, rows.Err()
}
