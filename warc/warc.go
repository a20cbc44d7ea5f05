// Package warc reads article pages out of WARC files (.warc and .warc.gz,
// as written by Common Crawl, Heritrix and wget --warc-file): every
// response record with HTML content becomes a web.Page, dated by the page
// itself or, failing that, by the record's WARC-Date.
package warc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/kilde-news/kilde/web"
)

// Page is one extracted page with the record it came from.
type Page struct {
	web.Page
	Offset int64 // byte offset of the record in the file
}

// Error is a problem with one record; reading goes on with the next.
type Error struct {
	File   string
	Offset int64
	Err    error
}

func (e *Error) Error() string { return fmt.Sprintf("%s@%d: %v", e.File, e.Offset, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Pages streams the HTML responses of the WARC read from r (plain or
// gzip-compressed per record). Records that are not HTML responses are
// skipped silently; bad records and pages without text are yielded as
// *Error and reading goes on. A damaged file ends the stream with an error.
func Pages(ctx context.Context, name string, r io.Reader) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		wf, err := gowarc.NewWarcFileReaderFromStream(r, 0,
			gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn), gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
			gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore), gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
			gowarc.WithBufferMaxMemBytes(16<<20))
		if err != nil {
			yield(Page{}, &Error{File: name, Err: err})
			return
		}
		defer wf.Close()
		for {
			if err := ctx.Err(); err != nil {
				yield(Page{}, err)
				return
			}
			rec, err := wf.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				if rec.WarcRecord != nil {
					rec.Close()
				}
				yield(Page{}, &Error{File: name, Offset: rec.Offset, Err: err})
				return // the reader cannot resynchronize reliably after a fatal error
			}
			p, ok, perr := page(rec)
			rec.Close()
			if perr != nil {
				if !yield(Page{}, &Error{File: name, Offset: rec.Offset, Err: perr}) {
					return
				}
				continue
			}
			if ok && !yield(p, nil) {
				return
			}
		}
	}
}

// page extracts a Page from a response record; ok is false for records
// that are not successful HTML responses.
func page(rec gowarc.Record) (Page, bool, error) {
	wr := rec.WarcRecord
	if wr == nil || wr.Type() != gowarc.Response {
		return Page{}, false, nil
	}
	blk, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return Page{}, false, nil
	}
	if c := blk.HttpStatusCode(); c < 200 || c >= 300 {
		return Page{}, false, nil
	}
	ct := ""
	if h := blk.HttpHeader(); h != nil {
		ct = h.Get("Content-Type")
	}
	if ct != "" && !strings.Contains(strings.ToLower(ct), "html") {
		return Page{}, false, nil
	}
	body, err := blk.PayloadBytes()
	if err != nil {
		return Page{}, false, err
	}
	b, err := io.ReadAll(io.LimitReader(body, web.MaxPage+1))
	if err != nil {
		return Page{}, false, err
	}
	uri := strings.Trim(wr.WarcHeader().Get(gowarc.WarcTargetURI), "<>")
	fallback := ""
	if t, err := wr.Date(); err == nil {
		fallback = t.UTC().Format(time.RFC3339)
	}
	p, err := web.Extract(b, uri, ct, fallback)
	if err != nil {
		return Page{}, false, fmt.Errorf("%s: %w", uri, err)
	}
	if p.DateSource == "fallback" {
		p.DateSource = "warc"
	}
	return Page{Page: p, Offset: rec.Offset}, true, nil
}
