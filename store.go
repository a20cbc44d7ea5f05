package kilde

import (
	"context"
	"errors"
	"fmt"
)

// Store keeps annotated documents and answers questions about them. The
// SQLite implementation (package sqlite) is the default; package postgres
// implements the same contract, and package storetest checks both.
//
// Implementations are safe for concurrent use by several goroutines; Put
// calls are serialized by the implementation.
type Store interface {
	// Put stores docs in one transaction and returns how many were new.
	// Put is idempotent by content id: a document whose ContentID (computed
	// with ContentID when empty) is already stored is skipped, so
	// re-ingesting the same articles is a no-op and a batch that was cut off
	// by a crash can simply be written again. A document without text is an
	// EINVALID error and nothing in the batch is written.
	Put(ctx context.Context, docs []*Doc) (added int, err error)
	// Has reports which of the content ids are stored.
	Has(ctx context.Context, contentIDs []string) (map[string]bool, error)
	// Get returns a stored document by content id or by its own id. The
	// error is ENOTFOUND when there is none.
	Get(ctx context.Context, id string) (*StoredDoc, error)
	// Search runs a full-text query with filters; see SearchQuery.
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
	// Track returns the series of stated numbers for a measured thing.
	Track(ctx context.Context, q TrackQuery) ([]TrackPoint, error)
	// Entity looks up an entity by name, alias or a near spelling. The
	// error is ENOTFOUND when nothing matches.
	Entity(ctx context.Context, name string, limit int) (*EntityInfo, error)
	// Reconcile merges entities across articles: possessives ("Votels"),
	// surnames alone ("Votel") and misspellings within edit distance 1-2 of
	// a frequent entity of the same type ("Josph Votel") become aliases of
	// the full name. Ingest calls it after its last batch.
	Reconcile(ctx context.Context) error
	// Export calls fn for every document matching q (Limit 0 means all) in
	// date order.
	Export(ctx context.Context, q SearchQuery, fn func(*StoredDoc) error) error
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// StoredDoc is a document with what the store adds to it.
type StoredDoc struct {
	*Doc
	// Cluster is the story cluster: the content id of the first stored
	// article of which this one is a near-duplicate (wire copy, light
	// edit), or its own content id.
	Cluster string
}

// SearchQuery selects articles. Text is a full-text query:
//
//	krigere            words; every word must occur (stemmed: kriger, krigerne)
//	"Islamisk Stat"    a phrase
//	krig*              a prefix (not stemmed)
//	isis OR daesh      either word
//	-syrien            must not occur
//
// An empty Text matches every article that passes the filters, newest first.
type SearchQuery struct {
	Text string
	// From and To bound the article date, inclusive, at any ISO 8601
	// precision: From "2019-01", To "2019-03" keeps January to March 2019.
	From, To string
	Lang     string // article language, e.g. "da"
	Outlet   string
	Entity   string // name or alias of an entity mentioned in the article
	Speaker  string // a quote's speaker (case-insensitive)
	Hedge    string // a claim's hedge: alleged, reported, ...
	Unit     string // a quantity's unit: DKK, %, km ...
	// Limit is the page size (default 20); Offset skips hits.
	Limit, Offset int
	// Count asks for the total number of hits (costs a second query).
	Count bool
}

// SearchResult is one page of hits.
type SearchResult struct {
	Hits  []Hit
	Total int // -1 unless SearchQuery.Count
}

// Hit is one matching article.
type Hit struct {
	ContentID string
	ID        string
	Date      string
	Lang      string
	Outlet    string
	Title     string
	Cluster   string
	Score     float64 // higher is better
	Snippet   Snippet
}

// Snippet is a window of the original article text around the matches.
type Snippet struct {
	Text string
	// Start is the byte offset of Text in the article text.
	Start int
	// Highlights are byte spans in Text of the words that matched.
	Highlights []Span
}

// TrackQuery selects quantities. Measured matches the measured thing
// ("ISIS-krigere" finds "ISIS-krigere", "krigere fra ISIS" does not); Text,
// when set, restricts to articles matching that full-text query.
type TrackQuery struct {
	Measured string
	Text     string
	From, To string
	Unit     string
	// All keeps every article; by default copies in one story cluster
	// stating the same number collapse to the earliest.
	All   bool
	Limit int // 0 means no limit
}

// TrackPoint is one stated number.
type TrackPoint struct {
	Date      string
	Value     *float64
	Low, High *float64
	Approx    string
	Unit      string
	Measured  string
	Text      string // the quantity as written
	Source    string // the claim's source or the quote's speaker, "" if unattributed
	Hedge     string // the claim's hedge, "" if no claim covers it
	ContentID string
	Outlet    string
	Title     string
	Cluster   string
	Copies    int // articles in the cluster stating it (1 with All)
}

// EntityInfo is an entity across articles.
type EntityInfo struct {
	Name      string
	Label     string
	Aliases   []Alias
	Mentions  int
	Articles  int
	FirstSeen string
	LastSeen  string
	// Quotes and Claims are the most recent ones with the entity as
	// speaker or source.
	Quotes []EntityQuote
	Claims []EntityQuote
	// DidYouMean is set when name matched only by near spelling.
	DidYouMean bool
}

// Alias is one name an entity goes by and how often.
type Alias struct {
	Name  string
	Count int
}

// EntityQuote is a quote or claim attributed to an entity.
type EntityQuote struct {
	Date      string
	ContentID string
	Text      string
	Hedge     string // claims only
}

// Stats counts what a store holds.
type Stats struct {
	Articles, Clusters, Entities, Quotes, Claims, Quantities int
}

// ErrorCode classifies store errors so callers can branch without matching
// strings.
type ErrorCode string

const (
	ENOTFOUND ErrorCode = "not_found" // no such document or entity
	EINVALID  ErrorCode = "invalid"   // bad input: empty text, bad query syntax, bad date
	ECONFLICT ErrorCode = "conflict"  // the database was changed by a newer kilde (schema too new)
	EINTERNAL ErrorCode = "internal"  // the database failed
)

// Error is the error type stores return.
type Error struct {
	Code ErrorCode
	Op   string // e.g. "sqlite.Put"
	Msg  string
	Err  error // underlying error, may be nil
}

func (e *Error) Error() string {
	s := e.Op + ": " + string(e.Code)
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error.
func Errorf(code ErrorCode, op, format string, args ...any) *Error {
	return &Error{Code: code, Op: op, Msg: fmt.Sprintf(format, args...)}
}

// ErrorCodeOf returns the code of the first *Error in err's chain, "" for
// nil and EINTERNAL for other errors.
func ErrorCodeOf(err error) ErrorCode {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}
