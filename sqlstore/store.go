package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/dedup"
	"github.com/kilde-news/kilde/kilde1"
	"github.com/kilde-news/kilde/search"
)

// Store is a kilde.Store over a database/sql handle.
type Store struct {
	db *sql.DB
	d  *Dialect
	mu sync.Mutex // serializes writers (Put, Reconcile)
}

var _ kilde.Store = (*Store)(nil)

// New runs the dialect's migrations on db and returns the store. The store
// owns db and closes it on Close.
func New(ctx context.Context, db *sql.DB, d *Dialect) (*Store, error) {
	if err := migrate(ctx, db, d); err != nil {
		return nil, err
	}
	return &Store{db: db, d: d}, nil
}

// DB returns the underlying handle (for tests and tools).
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) errf(op string, err error) error {
	if err == nil {
		return nil
	}
	var ke *kilde.Error
	if errors.As(err, &ke) {
		return err
	}
	return &kilde.Error{Code: kilde.EINTERNAL, Op: s.d.Name + "." + op, Err: err}
}

// Put implements kilde.Store.
func (s *Store) Put(ctx context.Context, docs []*kilde.Doc) (int, error) {
	for i, d := range docs {
		if d == nil || strings.TrimSpace(d.Text) == "" {
			return 0, kilde.Errorf(kilde.EINVALID, s.d.Name+".Put", "document %d has no text", i)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.errf("Put", err)
	}
	defer tx.Rollback()
	w := &writer{s: s, tx: tx, ctx: ctx, stmts: map[string]*sql.Stmt{}}
	defer w.close()
	if err := w.prefetch(docs); err != nil {
		return 0, s.errf("Put", err)
	}
	added := 0
	for _, d := range docs {
		ok, err := w.put(d)
		if err != nil {
			return 0, s.errf("Put", err)
		}
		if ok {
			added++
		}
	}
	if err := w.flushFTS(); err != nil {
		return 0, s.errf("Put", err)
	}
	if err := w.flushAliases(); err != nil {
		return 0, s.errf("Put", err)
	}
	if err := w.flushQueues(); err != nil {
		return 0, s.errf("Put", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, s.errf("Put", err)
	}
	return added, nil
}

type writer struct {
	s     *Store
	tx    *sql.Tx
	ctx   context.Context
	stmts map[string]*sql.Stmt
	fts   []any // pending full-text rows, 3 values each
	// queued rows by table, and the batch's signatures (their LSH rows
	// are queued too, so clustering looks at both).
	queues map[string]*queue
	qorder []string
	sigs   []batchSig
	// ents caches entity ids looked up in this batch; aliases sums the
	// alias counts of the batch, written once at the end.
	ents    map[entKey]int64
	aliases map[entKey]*aliasAgg
	aorder  []entKey
	// prefetched: every alias of the batch already stored is in ents, so a
	// miss means a new entity.
	prefetched bool
	existing   map[string]bool // content ids stored before or earlier in this batch
}

type batchSig struct {
	sig     dedup.Signature
	keys    []int64
	cluster string
}

type aliasAgg struct {
	alias string
	eid   int64
	n     int
}

func (w *writer) alias(k entKey, alias string, eid int64, n int) {
	if w.aliases == nil {
		w.aliases = map[entKey]*aliasAgg{}
	}
	a := w.aliases[k]
	if a == nil {
		a = &aliasAgg{alias: alias, eid: eid}
		w.aliases[k] = a
		w.aorder = append(w.aorder, k)
	}
	a.n += n
}

func (w *writer) flushAliases() error {
	for _, k := range w.aorder {
		a := w.aliases[k]
		w.add("entity_aliases", `INSERT INTO entity_aliases (alias_key, label, alias, entity_id, count) VALUES `, `(?, ?, ?, ?, ?)`,
			` ON CONFLICT (alias_key, label) DO UPDATE SET count = entity_aliases.count + excluded.count`,
			k.key, k.label, a.alias, a.eid, a.n)
	}
	w.aliases, w.aorder = nil, nil
	return nil
}

// prefetch loads the entity ids of every alias the batch mentions in a
// few queries, instead of one round trip per entity per article.
func (w *writer) prefetch(docs []*kilde.Doc) error {
	seen := map[entKey]bool{}
	var keys []entKey
	for _, d := range docs {
		for _, e := range d.Entities {
			name := strings.TrimSpace(e.Canonical)
			if name == "" {
				name = d.SpanText(e.Span)
			}
			k := entKey{search.NameKey(name), e.Label}
			if k.key != "" && k.label != "" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	if w.ents == nil {
		w.ents = map[entKey]int64{}
	}
	cids := make([]string, 0, len(docs))
	for _, d := range docs {
		cid := d.ContentID
		if cid == "" {
			cid = kilde.ContentID(d.Text, d.Date)
		}
		cids = append(cids, cid)
	}
	have, err := w.s.has(w.ctx, w.tx, cids)
	if err != nil {
		return err
	}
	w.existing = have
	for len(keys) > 0 {
		n := min(len(keys), 400)
		args := make([]any, n)
		for i, k := range keys[:n] {
			args[i] = k.key
		}
		rows, err := w.tx.QueryContext(w.ctx, w.s.d.bind(`SELECT alias_key, label, entity_id FROM entity_aliases WHERE alias_key IN (`+placeholders(n)+`)`), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k entKey
			var id int64
			if err := rows.Scan(&k.key, &k.label, &id); err != nil {
				rows.Close()
				return err
			}
			if seen[k] {
				w.ents[k] = id
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		keys = keys[n:]
	}
	w.prefetched = true
	return nil
}

// queue is a table's pending rows, written with multi-row INSERTs at the
// end of the batch: per-statement overhead dominates single-row inserts.
type queue struct {
	prefix, tuple, suffix string
	cols                  int
	vals                  []any
}

// add queues one row for the table; tables flush in first-use order.
func (w *writer) add(name, prefix, tuple, suffix string, vals ...any) {
	if w.queues == nil {
		w.queues = map[string]*queue{}
	}
	q := w.queues[name]
	if q == nil {
		q = &queue{prefix: prefix, tuple: tuple, suffix: suffix, cols: len(vals)}
		w.queues[name] = q
		w.qorder = append(w.qorder, name)
	}
	q.vals = append(q.vals, vals...)
}

func (w *writer) flushQueues() error {
	for _, name := range w.qorder {
		q := w.queues[name]
		per := max(1, 1000/q.cols)
		for len(q.vals) > 0 {
			n := min(len(q.vals)/q.cols, per)
			sqlText := q.prefix + strings.TrimSuffix(strings.Repeat(q.tuple+",", n), ",") + q.suffix
			var err error
			if n == per {
				err = w.exec(sqlText, q.vals[:n*q.cols]...)
			} else {
				_, err = w.tx.ExecContext(w.ctx, w.s.d.bind(sqlText), q.vals[:n*q.cols]...)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			q.vals = q.vals[n*q.cols:]
		}
	}
	w.queues, w.qorder = nil, nil
	return nil
}

// flushFTS indexes the pending articles, up to 100 per statement.
func (w *writer) flushFTS() error {
	const per = 100
	cols := 3
	if w.s.d.Facets != nil {
		cols = 4
	}
	for len(w.fts) > 0 {
		n := min(len(w.fts)/cols, per)
		q := w.s.d.IndexInsert + strings.TrimSuffix(strings.Repeat(w.s.d.IndexValues+",", n), ",")
		var err error
		if n == per {
			err = w.exec(q, w.fts[:cols*n]...)
		} else {
			_, err = w.tx.ExecContext(w.ctx, w.s.d.bind(q), w.fts[:cols*n]...)
		}
		if err != nil {
			return err
		}
		w.fts = w.fts[cols*n:]
	}
	return nil
}

func (w *writer) stmt(q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, w.s.d.bind(q))
	if err != nil {
		return nil, fmt.Errorf("prepare %q: %w", q, err)
	}
	w.stmts[q] = st
	return st, nil
}

func (w *writer) exec(q string, args ...any) error {
	st, err := w.stmt(q)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(w.ctx, args...)
	return err
}

func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

func nz(s string) string { return strings.TrimSpace(s) }

// put writes one document; it reports false when it was already stored.
func (w *writer) put(d *kilde.Doc) (bool, error) {
	cid := d.ContentID
	if cid == "" {
		cid = kilde.ContentID(d.Text, d.Date)
	}
	if w.existing[cid] {
		return false, nil
	}
	var id int64
	var err error

	// Story cluster.
	sig := dedup.Sign(d.Text)
	cluster := cid
	keys := dedup.BandKeys(sig)
	if len(keys) > 0 {
		cluster, err = w.cluster(cid, sig, keys)
		if err != nil {
			return false, err
		}
	}

	doc := kilde1.FromDoc(d)
	doc.ContentID = cid
	doc.Text = ""
	layers, err := json.Marshal(doc)
	if err != nil {
		return false, err
	}
	title := d.Source.Title
	st, err := w.stmt(`INSERT INTO articles (content_id, ext_id, date, lang, outlet, outlet_key, url, title, file, line, cluster)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
	if err != nil {
		return false, err
	}
	var mh []byte
	if sig != nil {
		mh = sig.Encode()
	}
	if err := st.QueryRowContext(w.ctx, cid, d.ID, nz(d.Date), d.Lang, d.Source.Outlet, search.NameKey(d.Source.Outlet),
		d.Source.URL, title, d.Source.File, d.Source.Line, cluster).Scan(&id); err != nil {
		return false, err
	}
	w.existing[cid] = true
	w.add("article_bodies", `INSERT INTO article_bodies (id, text, layers, minhash) VALUES `, `(?, ?, ?, ?)`, ``,
		id, d.Text, string(layers), mh)
	for _, k := range keys {
		w.add("lsh", `INSERT INTO lsh (key, article_id) VALUES `, `(?, ?)`, ` ON CONFLICT DO NOTHING`, k, id)
	}
	if keys != nil {
		w.sigs = append(w.sigs, batchSig{sig, keys, cluster})
	}
	w.fts = append(w.fts, id, search.IndexText(title, d.Lang), search.Join(search.AnalyzeDoc(d)))
	if w.s.d.Facets != nil {
		w.fts = append(w.fts, w.s.d.Facets(nz(d.Date), d.Lang, search.NameKey(d.Source.Outlet)))
	}
	if err := w.layers(id, d); err != nil {
		return false, err
	}
	return true, nil
}

// cluster finds the story cluster of a new article: that of the most
// similar stored article sharing an LSH band, if similar enough.
func (w *writer) cluster(cid string, sig dedup.Signature, keys []int64) (string, error) {
	q := `SELECT b.minhash, a.cluster FROM lsh l JOIN articles a ON a.id = l.article_id JOIN article_bodies b ON b.id = l.article_id
		WHERE l.key IN (` + placeholders(len(keys)) + `) LIMIT 200`
	st, err := w.stmt(q)
	if err != nil {
		return "", err
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	rows, err := st.QueryContext(w.ctx, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	best, bestSim := cid, 0.0
	for _, b := range w.sigs { // this batch's articles, not yet in lsh
		shared := false
		for i := range keys {
			if keys[i] == b.keys[i] {
				shared = true
				break
			}
		}
		if sim := dedup.Similarity(sig, b.sig); shared && sim >= dedup.Threshold && (sim > bestSim || sim == bestSim && b.cluster < best) {
			best, bestSim = b.cluster, sim
		}
	}
	for rows.Next() {
		var mh []byte
		var cl string
		if err := rows.Scan(&mh, &cl); err != nil {
			return "", err
		}
		if sim := dedup.Similarity(sig, dedup.Decode(mh)); sim >= dedup.Threshold && (sim > bestSim || sim == bestSim && cl < best) {
			best, bestSim = cl, sim
		}
	}
	return best, rows.Err()
}

func (w *writer) layers(id int64, d *kilde.Doc) error {
	for i, q := range d.Quotes {
		w.add("quotes", `INSERT INTO quotes (article_id, idx, kind, speaker, speaker_key, text, cue) VALUES `, `(?, ?, ?, ?, ?, ?, ?)`, ``,
			id, i, q.Kind, q.Speaker, search.NameKey(q.Speaker), d.SpanText(q.Span), q.Cue)
	}
	for i, c := range d.Claims {
		via, _ := json.Marshal(c.Via)
		if c.Via == nil {
			via = []byte("[]")
		}
		w.add("claims", `INSERT INTO claims (article_id, idx, source, source_key, hedge, text, cue, via) VALUES `, `(?, ?, ?, ?, ?, ?, ?, ?)`, ``,
			id, i, c.Source, search.NameKey(c.Source), c.Hedge, d.SpanText(c.Span), c.Cue, string(via))
	}
	for i, q := range d.Quantities {
		source, hedge := attribution(d, i)
		lang := d.LangAt(q.MeasuredSpan.Start)
		w.add("quantities", `INSERT INTO quantities (article_id, idx, value, low, high, approx, unit, unit_key, measured, measured_key, text, source, hedge) VALUES `,
			`(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, ``,
			id, i, q.Value, q.Low, q.High, q.Approx, q.Unit, strings.ToLower(q.Unit), q.Measured, search.Key(q.Measured, lang),
			d.SpanText(q.Span), source, hedge)
	}
	return w.entities(id, d)
}

// attribution returns who states quantity i and how: the claim that lists
// it or covers it, else the quote that covers it.
func attribution(d *kilde.Doc, i int) (source, hedge string) {
	q := d.Quantities[i]
	for _, c := range d.Claims {
		for _, k := range c.Quantities {
			if k == i {
				return c.Source, c.Hedge
			}
		}
	}
	for _, c := range d.Claims {
		if c.Contains(q.Span) {
			return c.Source, c.Hedge
		}
	}
	for _, qu := range d.Quotes {
		if qu.Contains(q.Span) {
			return qu.Speaker, ""
		}
	}
	return "", ""
}

type entKey struct{ key, label string }

// entities links the article's entity mentions to entities across
// articles through their aliases: the canonical name and each surface form.
func (w *writer) entities(id int64, d *kilde.Doc) error {
	type ent struct {
		name     string
		mentions int
		surfaces map[string]int
	}
	ents := map[entKey]*ent{}
	var order []entKey
	for _, e := range d.Entities {
		surface := strings.TrimSpace(d.SpanText(e.Span))
		name := strings.TrimSpace(e.Canonical)
		if name == "" {
			name = surface
		}
		k := entKey{search.NameKey(name), e.Label}
		if k.key == "" || e.Label == "" {
			continue
		}
		x := ents[k]
		if x == nil {
			x = &ent{name: name, surfaces: map[string]int{}}
			ents[k] = x
			order = append(order, k)
		}
		x.mentions++
		x.surfaces[surface]++
	}
	mentions := map[int64]int{}
	var eids []int64
	for _, k := range order {
		x := ents[k]
		eid, err := w.entityID(k, x.name)
		if err != nil {
			return err
		}
		for surf, n := range x.surfaces {
			if sk := search.NameKey(surf); sk != "" {
				w.alias(entKey{sk, k.label}, surf, eid, n)
			}
		}
		// The canonical name is an alias even when not written out here.
		w.alias(k, x.name, eid, 0)
		if _, ok := mentions[eid]; !ok {
			eids = append(eids, eid)
		}
		mentions[eid] += x.mentions
	}
	for _, eid := range eids {
		w.add("article_entities", `INSERT INTO article_entities (entity_id, article_id, mentions) VALUES `, `(?, ?, ?)`, ``,
			eid, id, mentions[eid])
	}
	return nil
}

func (w *writer) entityID(k entKey, name string) (int64, error) {
	if id, ok := w.ents[k]; ok {
		return id, nil
	}
	if a, ok := w.aliases[k]; ok {
		return a.eid, nil
	}
	if w.ents == nil {
		w.ents = map[entKey]int64{}
	}
	var eid int64
	if !w.prefetched {
		st, err := w.stmt(`SELECT entity_id FROM entity_aliases WHERE alias_key = ? AND label = ?`)
		if err != nil {
			return 0, err
		}
		err = st.QueryRowContext(w.ctx, k.key, k.label).Scan(&eid)
		if err == nil {
			w.ents[k] = eid
			return eid, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	st, err := w.stmt(`INSERT INTO entities (name, name_key, label) VALUES (?, ?, ?) RETURNING id`)
	if err != nil {
		return 0, err
	}
	if err := st.QueryRowContext(w.ctx, name, k.key, k.label).Scan(&eid); err != nil {
		return 0, err
	}
	w.ents[k] = eid
	return eid, nil
}

// Has implements kilde.Store.
func (s *Store) Has(ctx context.Context, ids []string) (map[string]bool, error) {
	return s.has(ctx, s.db, ids)
}

func (s *Store) has(ctx context.Context, db querier, ids []string) (map[string]bool, error) {
	out := make(map[string]bool, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), 500)
		chunk := ids[:n]
		ids = ids[n:]
		args := make([]any, n)
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := db.QueryContext(ctx, s.d.bind(`SELECT content_id FROM articles WHERE content_id IN (`+placeholders(n)+`)`), args...)
		if err != nil {
			return nil, s.errf("Has", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, s.errf("Has", err)
			}
			out[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, s.errf("Has", err)
		}
	}
	return out, nil
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

const docColumns = `a.content_id, a.cluster, b.text, b.layers`

// docFrom joins articles (a) to their bodies (b).
const docFrom = ` FROM articles a JOIN article_bodies b ON b.id = a.id`

func scanDoc(sc interface{ Scan(...any) error }) (*kilde.StoredDoc, error) {
	var cid, cluster, text, layers string
	if err := sc.Scan(&cid, &cluster, &text, &layers); err != nil {
		return nil, err
	}
	var doc kilde1.Document
	if err := json.Unmarshal([]byte(layers), &doc); err != nil {
		return nil, fmt.Errorf("article %s: bad stored layers: %w", cid, err)
	}
	doc.Text = text
	d := kilde1.ToDoc(&doc)
	d.ContentID = cid
	return &kilde.StoredDoc{Doc: d, Cluster: cluster}, nil
}

// Get implements kilde.Store.
func (s *Store) Get(ctx context.Context, id string) (*kilde.StoredDoc, error) {
	row := s.db.QueryRowContext(ctx, s.d.bind(`SELECT `+docColumns+docFrom+` WHERE a.content_id = ?
		UNION ALL SELECT `+docColumns+docFrom+` WHERE a.ext_id = ? AND a.ext_id <> '' LIMIT 1`), id, id)
	d, err := scanDoc(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, kilde.Errorf(kilde.ENOTFOUND, s.d.Name+".Get", "no article %q", id)
	}
	return d, s.errf("Get", err)
}

// Stats implements kilde.Store.
func (s *Store) Stats(ctx context.Context) (kilde.Stats, error) {
	var st kilde.Stats
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM articles), (SELECT COUNT(DISTINCT cluster) FROM articles),
		(SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM quotes),
		(SELECT COUNT(*) FROM claims), (SELECT COUNT(*) FROM quantities)`).
		Scan(&st.Articles, &st.Clusters, &st.Entities, &st.Quotes, &st.Claims, &st.Quantities)
	return st, s.errf("Stats", err)
}
