package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/kilde1"
	"github.com/kilde-news/kilde/postgres"
	"github.com/kilde-news/kilde/read"
	"github.com/kilde-news/kilde/search"
	"github.com/kilde-news/kilde/sqlite"
)

// defaultDB is the database used without --db or KILDE_DB.
const defaultDB = "kilde.db"

func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("KILDE_DB")
	if def == "" {
		def = defaultDB
	}
	return fs.String("db", def, "database: a SQLite file, or a postgres:// URL (default from KILDE_DB, else kilde.db)")
}

// openStore opens a SQLite file, or PostgreSQL for postgres:// URLs and
// key=value connection strings.
func openStore(ctx context.Context, db string) (kilde.Store, error) {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") || strings.Contains(db, "dbname=") {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

// parseInterleaved parses flags that may come after positional arguments
// (`kilde search 'ISIS krigere' --speaker Trump`) and returns the
// positional ones. "--" ends flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var pos []string
	for {
		if code, ok := parseFlags(fs, args); !ok {
			return nil, code, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, 0, true
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func ttyOut(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// ---- ingest ----

func runIngest(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "ingest", "ARTICLES...",
		"Reads articles (files, directories, - for stdin; date-line, JSON Lines, text, HTML, WARC, gzip),\n"+
			"annotates them on all cores and stores them. Articles already stored (same content id) are skipped, so an\n"+
			"interrupted ingest is resumed by running it again. Bad records are reported with file:line and skipped.\n"+
			"With --feeds or --sitemap it polls web sources politely instead (robots.txt, conditional GET, a seen-set;\n"+
			"see docs/sources.md).")
	db := dbFlag(fs)
	batch := fs.Int("batch", 200, "articles per write transaction")
	workers := fs.Int("workers", runtime.NumCPU(), "annotation workers")
	quiet := fs.Bool("q", false, "no progress output")
	maxMB := maxArticleFlag(fs)
	feeds := fs.String("feeds", "", "poll the RSS/Atom/JSON feeds listed in this file (one URL a line) instead of reading ARTICLES")
	sitemap := fs.String("sitemap", "", "read the articles of this (news) sitemap URL instead of ARTICLES")
	once := fs.Bool("once", false, "with --feeds or --sitemap: one pass, then exit")
	interval := fs.Duration("interval", 15*time.Minute, "with --feeds or --sitemap: time between passes")
	feedState := fs.String("state", "", "with --feeds or --sitemap: seen-set file (default <db>.feeds.json)")
	paths, code, ok := parseInterleaved(fs, args)
	if !ok {
		return code
	}
	web := *feeds != "" || *sitemap != ""
	if len(paths) == 0 && !web {
		fs.Usage()
		return 2
	}
	var w *webIngest
	if web {
		w = &webIngest{state: *feedState, once: *once, interval: max(*interval, time.Minute), agent: "kilde/" + version + " (+news research)"}
		if w.state == "" {
			w.state = *db + ".feeds.json"
			if strings.Contains(*db, "://") {
				w.state = "kilde.feeds.json"
			}
		}
		if *feeds != "" {
			srcs, err := readSourceList(*feeds)
			if err != nil {
				fmt.Fprintf(e.stderr, "kilde ingest: %v\n", err)
				return 2
			}
			w.sources = srcs
		}
		if *sitemap != "" {
			w.sources = append(w.sources, *sitemap)
		}
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde ingest: %v\n", err)
		return 1
	}
	defer st.Close()
	p, err := buildPipeline()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde ingest: %v\n", err)
		return 1
	}
	if w != nil {
		if code := w.run(ctx, e, st, p); code != 0 || len(paths) == 0 {
			return code
		}
	}
	ing := &ingester{e: e, st: st, batch: max(*batch, 1), quiet: *quiet, maxRecord: *maxMB << 20}
	return ing.run(ctx, paths, func(ctx context.Context, in <-chan *kilde.Doc) <-chan ingestResult {
		out := make(chan ingestResult, 64)
		go func() {
			defer close(out)
			for r := range p.Run(ctx, in, *workers) {
				out <- ingestResult{r.Doc, r.Err}
			}
		}()
		return out
	})
}

type ingestResult struct {
	doc *kilde.Doc
	err error
}

type ingester struct {
	e     *env
	st    kilde.Store
	batch int
	quiet bool
	// maxRecord caps one article's size in bytes (read.Options.MaxRecord)
	maxRecord int

	total                      atomic.Int64 // -1 while counting
	read, skipped, bad, stored atomic.Int64
	warned                     atomic.Int64
	start                      time.Time
}

func (g *ingester) logf(format string, args ...any) {
	fmt.Fprintf(g.e.stderr, format+"\n", args...)
}

func (g *ingester) run(ctx context.Context, paths []string, annotate func(context.Context, <-chan *kilde.Doc) <-chan ingestResult) int {
	g.start = time.Now()
	g.total.Store(-1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Count the input in the background, for the ETA (not for stdin).
	stdin := false
	for _, p := range paths {
		stdin = stdin || p == "-"
	}
	if !stdin {
		go func() {
			n := int64(0)
			for _, err := range read.Open(ctx, paths, read.Options{MaxRecord: g.maxRecord}) {
				if err == nil {
					n++
				}
			}
			if ctx.Err() == nil {
				g.total.Store(n)
			}
		}()
	}
	in := make(chan *kilde.Doc, g.batch)
	go g.readAll(ctx, paths, in)
	results := annotate(ctx, in)

	tty := ttyOut(g.e.stderr) && !g.quiet
	stopProgress := make(chan struct{})
	progressDone := make(chan struct{})
	go g.progress(tty, stopProgress, progressDone)

	// A writer goroutine stores batches while the workers annotate the
	// next ones.
	batches := make(chan []*kilde.Doc, 1)
	var werr error
	written := make(chan struct{})
	go func() {
		defer close(written)
		for b := range batches {
			if werr != nil {
				continue
			}
			tp := time.Now()
			n, err := g.st.Put(context.WithoutCancel(ctx), b)
			if os.Getenv("KILDE_DEBUG") != "" {
				g.logf("put %d in %v", len(b), time.Since(tp))
			}
			if err != nil && kilde.ErrorCodeOf(err) == kilde.EINVALID {
				// One bad document fails its batch: store the others one
				// by one and report it with its position.
				n, err = 0, nil
				for _, d := range b {
					k, e := g.st.Put(context.WithoutCancel(ctx), []*kilde.Doc{d})
					if kilde.ErrorCodeOf(e) == kilde.EINVALID {
						g.bad.Add(1)
						g.skipped.Add(-1) // counted below as not new
						g.logf("%s: not stored, skipped: %v", docPos(d), e)
						continue
					}
					if e != nil {
						err = e
						break
					}
					n += k
				}
			}
			if err != nil {
				werr = err
				cancel()
				continue
			}
			g.stored.Add(int64(n))
			g.skipped.Add(int64(len(b) - n))
		}
	}()
	var buf []*kilde.Doc
	flush := func() {
		if len(buf) == 0 {
			return
		}
		batches <- buf
		buf = make([]*kilde.Doc, 0, g.batch)
	}
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
loop:
	for {
		select {
		case r, ok := <-results:
			if !ok {
				break loop
			}
			if r.err != nil {
				g.bad.Add(1)
				g.logf("%s: annotation failed, skipped: %v", docPos(r.doc), errLine(r.err))
				continue
			}
			buf = append(buf, r.doc)
			if len(buf) >= g.batch {
				flush()
			}
		case <-tick.C:
			flush() // a slow trickle still gets written
		}
	}
	flush()
	close(batches)
	<-written
	close(stopProgress)
	<-progressDone
	if werr != nil {
		g.logf("kilde ingest: %v", werr)
		return 1
	}
	if err := g.st.Reconcile(context.WithoutCancel(ctx)); err != nil {
		g.logf("kilde ingest: reconciling entities: %v", err)
		return 1
	}
	el := time.Since(g.start).Seconds()
	g.logf("kilde ingest: %d stored, %d already stored, %d bad, %.1f s (%.0f articles/s)",
		g.stored.Load(), g.skipped.Load(), g.bad.Load(), el, float64(g.stored.Load()+g.skipped.Load())/max(el, 1e-9))
	if ctx.Err() != nil && errors.Is(context.Cause(ctx), context.Canceled) && werr == nil && g.total.Load() >= 0 &&
		g.read.Load() < g.total.Load() {
		g.logf("kilde ingest: interrupted; run the same command again to resume")
		return 1
	}
	return 0
}

func docPos(d *kilde.Doc) string {
	if d == nil {
		return "?"
	}
	if d.Source.Line > 0 {
		return d.Source.File + ":" + strconv.Itoa(d.Source.Line)
	}
	return d.Source.File
}

func errLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// readAll reads the input, reports bad records, and sends the articles that
// are not stored yet to in.
func (g *ingester) readAll(ctx context.Context, paths []string, in chan<- *kilde.Doc) {
	defer close(in)
	var pending []*kilde.Doc
	send := func() bool {
		if len(pending) == 0 {
			return true
		}
		ids := make([]string, len(pending))
		for i, d := range pending {
			ids[i] = d.ContentID
		}
		have, err := g.st.Has(ctx, ids)
		if err != nil {
			have = nil // let Put sort it out
		}
		for _, d := range pending {
			if have[d.ContentID] {
				g.skipped.Add(1)
				continue
			}
			select {
			case in <- d:
			case <-ctx.Done():
				return false
			}
		}
		pending = pending[:0]
		return true
	}
	for a, err := range read.Open(ctx, paths, read.Options{Stdin: g.e.stdin, MaxRecord: g.maxRecord}) {
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			if read.IsWarning(err) {
				g.warned.Add(1)
				g.logf("%v (warning)", err)
				continue
			}
			g.bad.Add(1)
			g.logf("%v: skipped", err)
			continue
		}
		g.read.Add(1)
		pending = append(pending, kilde.NewDoc(a))
		if len(pending) >= 256 && !send() {
			return
		}
	}
	send()
}

// progress shows articles/s and the ETA: a redrawn line on a terminal,
// a log line every 10 s otherwise.
func (g *ingester) progress(tty bool, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	if g.quiet {
		<-stop
		return
	}
	every := 10 * time.Second
	if tty {
		every = 250 * time.Millisecond
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			if tty {
				fmt.Fprint(g.e.stderr, "\r\033[K")
			}
			return
		case <-t.C:
			line := g.status()
			if tty {
				fmt.Fprint(g.e.stderr, "\r\033[K"+line)
			} else {
				g.logf("kilde ingest: %s", line)
			}
		}
	}
}

func (g *ingester) status() string {
	done := g.stored.Load() + g.skipped.Load() + g.bad.Load()
	el := time.Since(g.start).Seconds()
	rate := float64(done) / max(el, 1e-9)
	total := g.total.Load()
	s := fmt.Sprintf("%d", done)
	if total >= 0 {
		s += fmt.Sprintf("/%d", total)
	}
	s += fmt.Sprintf(" articles (%d new, %d already stored, %d bad)  %.0f articles/s", g.stored.Load(), g.skipped.Load(), g.bad.Load(), rate)
	if total >= 0 && rate > 0 {
		left := time.Duration(float64(max(total-done, 0))/rate) * time.Second
		s += "  ETA " + left.Round(time.Second).String()
		if total > 0 {
			s = fmt.Sprintf("%3.0f%% ", 100*float64(done)/float64(total)) + s
		}
	}
	return s
}

// ---- search ----

func searchFlags(fs *flag.FlagSet, q *kilde.SearchQuery) {
	fs.StringVar(&q.From, "from", "", "first date, inclusive (2019, 2019-01, 2019-01-15)")
	fs.StringVar(&q.To, "to", "", "last date, inclusive, at any precision (2019-03 includes all of March)")
	fs.StringVar(&q.Lang, "lang", "", "article language (da, en, ...)")
	fs.StringVar(&q.Outlet, "outlet", "", "outlet")
	fs.StringVar(&q.Entity, "entity", "", "an entity mentioned in the article (name or alias)")
	fs.StringVar(&q.Speaker, "speaker", "", "a quote's speaker (full name or any of its words)")
	fs.StringVar(&q.Hedge, "hedge", "", "a claim's hedge: asserted, reported, alleged, estimated, predicted, opinion, possible, assumed, denied")
	fs.StringVar(&q.Unit, "unit", "", "a quantity's unit (DKK, USD, %, km ...)")
}

func runSearch(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "search", "[QUERY]",
		"Full-text search with Danish/English stemming. QUERY: words (all must occur), \"a phrase\",\n"+
			"prefix*, a OR b, -not. Filters narrow the articles; without QUERY the newest come first.")
	db := dbFlag(fs)
	var q kilde.SearchQuery
	searchFlags(fs, &q)
	fs.IntVar(&q.Limit, "limit", 20, "hits per page")
	page := fs.Int("page", 1, "page number")
	format := fs.String("format", "text", "text or json")
	pos, code, ok := parseInterleaved(fs, args)
	if !ok {
		return code
	}
	q.Text = strings.Join(pos, " ")
	q.Offset = (max(*page, 1) - 1) * q.Limit
	q.Count = true
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde search: %v\n", err)
		return 1
	}
	defer st.Close()
	t0 := time.Now()
	res, err := st.Search(ctx, q)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde search: %v\n", err)
		return storeExit(err)
	}
	if *format == "json" {
		return storeJSON(e, res)
	}
	open, close := "[", "]"
	if ttyOut(e.stdout) {
		open, close = "\033[1m", "\033[0m"
	}
	for i, h := range res.Hits {
		head := []string{dash0(h.Date)}
		for _, x := range []string{h.Outlet, h.Title} {
			if x != "" {
				head = append(head, storeOneLine(x, 100))
			}
		}
		fmt.Fprintf(e.stdout, "%d. %s  (%s", q.Offset+i+1, strings.Join(head, "  "), h.ContentID)
		if h.Cluster != h.ContentID {
			fmt.Fprintf(e.stdout, ", copy of %s", h.Cluster)
		}
		fmt.Fprintln(e.stdout, ")")
		sn := strings.Join(strings.Fields(search.Mark(h.Snippet, open, close)), " ")
		pre, post := "…", "…"
		if h.Snippet.Start == 0 {
			pre = ""
		}
		fmt.Fprintf(e.stdout, "   %s%s%s\n", pre, sn, post)
	}
	fmt.Fprintf(e.stdout, "%d hits, page %d of %d (%.0f ms)\n", res.Total, max(*page, 1), (res.Total+q.Limit-1)/q.Limit,
		float64(time.Since(t0).Microseconds())/1000)
	return 0
}

func dash0(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func storeExit(err error) int {
	switch kilde.ErrorCodeOf(err) {
	case kilde.EINVALID:
		return 2
	case kilde.ENOTFOUND:
		return 3
	}
	return 1
}

func storeJSON(e *env, v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(e.stderr, err)
		return 1
	}
	return 0
}

// ---- track ----

func runTrack(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "track", "[--measured THING] [QUERY]",
		"How a stated number moved over time, and who stated it. --measured matches the thing counted\n"+
			"(stemmed: ISIS-krigere, ISIS-krigerne); QUERY restricts to articles matching a full-text query.\n"+
			"Copies of one story (near-duplicates) stating the same number are one line unless --all.")
	db := dbFlag(fs)
	var q kilde.TrackQuery
	fs.StringVar(&q.Measured, "measured", "", "the thing measured or counted")
	fs.StringVar(&q.From, "from", "", "first date, inclusive")
	fs.StringVar(&q.To, "to", "", "last date, inclusive")
	fs.StringVar(&q.Unit, "unit", "", "unit (DKK, %, ...)")
	fs.BoolVar(&q.All, "all", false, "one line per article, copies included")
	fs.IntVar(&q.Limit, "limit", 0, "at most this many lines (0: all)")
	format := fs.String("format", "table", "table, csv or json")
	pos, code, ok := parseInterleaved(fs, args)
	if !ok {
		return code
	}
	q.Text = strings.Join(pos, " ")
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde track: %v\n", err)
		return 1
	}
	defer st.Close()
	pts, err := st.Track(ctx, q)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde track: %v\n", err)
		return storeExit(err)
	}
	switch *format {
	case "json":
		if pts == nil {
			pts = []kilde.TrackPoint{}
		}
		return storeJSON(e, pts)
	case "csv":
		w := csv.NewWriter(e.stdout)
		w.Write([]string{"date", "value", "low", "high", "approx", "unit", "measured", "text", "source", "hedge", "outlet", "title", "content_id", "cluster", "copies"})
		for _, p := range pts {
			w.Write([]string{p.Date, fnum(p.Value), fnum(p.Low), fnum(p.High), p.Approx, p.Unit, p.Measured, p.Text, p.Source, p.Hedge,
				p.Outlet, p.Title, p.ContentID, p.Cluster, strconv.Itoa(p.Copies)})
		}
		w.Flush()
		return 0
	case "table":
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "DATE\tVALUE\tUNIT\tAS WRITTEN\tSOURCE\tHEDGE\tOUTLET\tCOPIES\tARTICLE")
		for _, p := range pts {
			v := fnum(p.Value)
			if p.Value == nil {
				v = fnum(p.Low) + "–" + fnum(p.High)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", dash0(p.Date), v, dash0(p.Unit), p.Text, dash0(p.Source),
				dash0(p.Hedge), dash0(p.Outlet), p.Copies, p.ContentID)
		}
		tw.Flush()
		fmt.Fprintf(e.stdout, "%d lines\n", len(pts))
		return 0
	}
	fmt.Fprintf(e.stderr, "kilde track: unknown --format %q (table, csv, json)\n", *format)
	return 2
}

func fnum(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// ---- who ----

func runWho(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "who", "NAME", "An entity across the stored articles: aliases (surnames, possessives, misspellings),\ncounts, first and last seen, latest quotes and claims.")
	db := dbFlag(fs)
	limit := fs.Int("limit", 5, "quotes and claims to show")
	format := fs.String("format", "text", "text or json")
	pos, code, ok := parseInterleaved(fs, args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fs.Usage()
		return 2
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde who: %v\n", err)
		return 1
	}
	defer st.Close()
	info, err := st.Entity(ctx, strings.Join(pos, " "), *limit)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde who: %v\n", err)
		return storeExit(err)
	}
	if *format == "json" {
		return storeJSON(e, info)
	}
	w := e.stdout
	if info.DidYouMean {
		fmt.Fprintf(w, "(no exact match; did you mean %s?)\n", info.Name)
	}
	fmt.Fprintf(w, "%s (%s)\n", info.Name, info.Label)
	fmt.Fprintf(w, "  %d mentions in %d articles, first seen %s, last seen %s\n", info.Mentions, info.Articles, dash0(info.FirstSeen), dash0(info.LastSeen))
	var al []string
	for _, a := range info.Aliases {
		al = append(al, fmt.Sprintf("%s (%d)", a.Name, a.Count))
	}
	fmt.Fprintf(w, "  aliases: %s\n", strings.Join(al, ", "))
	if len(info.Quotes) > 0 {
		fmt.Fprintln(w, "  latest quotes:")
		for _, q := range info.Quotes {
			fmt.Fprintf(w, "    %s  %s  (%s)\n", dash0(q.Date), storeOneLine(q.Text, 160), q.ContentID)
		}
	}
	if len(info.Claims) > 0 {
		fmt.Fprintln(w, "  latest claims:")
		for _, q := range info.Claims {
			fmt.Fprintf(w, "    %s  [%s] %s  (%s)\n", dash0(q.Date), q.Hedge, storeOneLine(q.Text, 160), q.ContentID)
		}
	}
	return 0
}

func storeOneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// ---- export ----

func runExport(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "export", "[QUERY]",
		"Exports stored articles in date order: kilde/1 JSON Lines, or flat CSV with one row per quote,\n"+
			"claim and quantity. QUERY and the filters select articles as in `kilde search`.")
	db := dbFlag(fs)
	var q kilde.SearchQuery
	searchFlags(fs, &q)
	format := fs.String("format", "jsonl", "jsonl or csv")
	fs.IntVar(&q.Limit, "limit", 0, "at most this many articles (0: all)")
	pos, code, ok := parseInterleaved(fs, args)
	if !ok {
		return code
	}
	q.Text = strings.Join(pos, " ")
	if *format != "jsonl" && *format != "csv" {
		fmt.Fprintf(e.stderr, "kilde export: unknown --format %q (jsonl, csv)\n", *format)
		return 2
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde export: %v\n", err)
		return 1
	}
	defer st.Close()
	var fn func(*kilde.StoredDoc) error
	var cw *csv.Writer
	if *format == "jsonl" {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		fn = func(d *kilde.StoredDoc) error { return enc.Encode(kilde1.FromDoc(d.Doc)) }
	} else {
		cw = csv.NewWriter(e.stdout)
		cw.Write([]string{"content_id", "cluster", "date", "outlet", "lang", "kind", "text", "who", "hedge", "value", "low", "high", "unit", "measured", "start", "end"})
		fn = func(d *kilde.StoredDoc) error {
			cp := kilde1.FromDoc(d.Doc) // code-point offsets, as in kilde/1
			row := func(kind, text, who, hedge string, v, lo, hi *float64, unit, measured string, start, end int) {
				cw.Write([]string{d.ContentID, d.Cluster, d.Date, d.Source.Outlet, d.Lang, kind, text, who, hedge,
					fnum(v), fnum(lo), fnum(hi), unit, measured, strconv.Itoa(start), strconv.Itoa(end)})
			}
			for _, x := range cp.Quotes {
				row("quote", x.Text, strOr(x.Speaker), "", nil, nil, nil, "", "", x.Start, x.End)
			}
			for _, x := range cp.Claims {
				row("claim", x.Text, strOr(x.Source), x.Hedge, nil, nil, nil, "", "", x.Start, x.End)
			}
			for _, x := range cp.Quantities {
				row("quantity", x.Text, "", "", x.Value, x.Low, x.High, strOr(x.Unit), strOr(x.Measured), x.Start, x.End)
			}
			return cw.Error()
		}
	}
	if err := st.Export(ctx, q, fn); err != nil {
		fmt.Fprintf(e.stderr, "kilde export: %v\n", err)
		return storeExit(err)
	}
	if cw != nil {
		cw.Flush()
		if err := cw.Error(); err != nil {
			fmt.Fprintf(e.stderr, "kilde export: %v\n", err)
			return 1
		}
	}
	return 0
}

func strOr(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// storeDemo is the store part of `kilde demo`: it puts the annotated docs
// into a temporary SQLite database and shows a search, a track and a who.
// demo_store.go's demoStore can simply return storeDemo(ctx, e, docs).
func storeDemo(ctx context.Context, e *env, docs []*kilde.Doc) int {
	dir, err := os.MkdirTemp("", "kilde-demo-")
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde demo: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)
	db := dir + string(os.PathSeparator) + "kilde.db"
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde demo: %v\n", err)
		return 1
	}
	n, err := st.Put(ctx, docs)
	if err == nil {
		err = st.Reconcile(ctx)
	}
	st.Close()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde demo: %v\n", err)
		return 1
	}
	// The most often measured thing and the most quoted speaker make the
	// examples for track and who.
	measured, speakers := map[string]int{}, map[string]int{}
	var query string
	for _, d := range docs {
		for _, q := range d.Quantities {
			if q.Measured != "" {
				measured[q.Measured]++
			}
		}
		for _, q := range d.Quotes {
			if q.Speaker != "" {
				speakers[q.Speaker]++
			}
		}
		if query == "" && len(d.Entities) > 0 {
			query = d.SpanText(d.Entities[0].Span)
		}
	}
	top := func(m map[string]int) string {
		best, bn := "", 0
		for k, v := range m {
			if v > bn || v == bn && k < best {
				best, bn = k, v
			}
		}
		return best
	}
	fmt.Fprintf(e.stdout, "\n== store: %d articles in %s (deleted on exit)\n", n, db)
	if query != "" {
		fmt.Fprintf(e.stdout, "\n$ kilde search %q\n", query)
		runSearch(ctx, e, []string{"--db", db, query})
	}
	if m := top(measured); m != "" {
		fmt.Fprintf(e.stdout, "\n$ kilde track --measured %q\n", m)
		runTrack(ctx, e, []string{"--db", db, "--measured", m})
	}
	if s := top(speakers); s != "" {
		fmt.Fprintf(e.stdout, "\n$ kilde who %q\n", s)
		runWho(ctx, e, []string{"--db", db, s})
	}
	return 0
}
