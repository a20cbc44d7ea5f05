package warc_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"

	"github.com/kilde-news/kilde/warc"
)

// record builds one WARC response record around an HTTP response.
func record(t testing.TB, uri, date, httpResponse string) gowarc.WarcRecord {
	t.Helper()
	b := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithAddMissingDigest(true), gowarc.WithFixContentLength(true), gowarc.WithAddMissingContentLength(true), gowarc.WithAddMissingRecordId(true))
	if _, err := b.WriteString(httpResponse); err != nil {
		t.Fatal(err)
	}
	b.AddWarcHeader(gowarc.WarcTargetURI, uri)
	b.AddWarcHeader(gowarc.WarcDate, date)
	b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	r, _, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func httpResp(status, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

const dated = `<html lang="da"><head><title>Havnen</title><meta property="article:published_time" content="2021-04-01T09:00:00Z"></head><body><article>
<p>Havnen i Aarhus har haft et rekordår med over 12 millioner ton gods, oplyser havnedirektøren i en pressemeddelelse.</p>
<p>»Vi har aldrig set noget lignende,« siger han til lokalavisen om de mange skibe i havnen.</p></article></body></html>`

const undated = `<html lang="en"><head><title>Harbour</title></head><body><article>
<p>The harbour had a record year with more than twelve million tonnes of cargo, the harbour director said in a statement.</p>
<p>"We have never seen anything like it," he told the local paper about the many ships in port.</p></article></body></html>`

// build writes a WARC with an HTML page with its own date, one without,
// an image, a 404 and a page without text; gzip per record when gz.
func build(t testing.TB, gz bool) []byte {
	var buf bytes.Buffer
	m := gowarc.NewMarshaler()
	recs := []gowarc.WarcRecord{
		record(t, "https://havn.example/a", "2021-04-02T10:00:00Z", httpResp("200 OK", "text/html; charset=utf-8", dated)),
		record(t, "https://havn.example/logo.png", "2021-04-02T10:00:01Z", httpResp("200 OK", "image/png", "\x89PNG....")),
		record(t, "https://havn.example/gone", "2021-04-02T10:00:02Z", httpResp("404 Not Found", "text/html", "<p>not found</p>")),
		record(t, "https://havn.example/empty", "2021-04-02T10:00:03Z", httpResp("200 OK", "text/html", "<html><body><nav>menu</nav></body></html>")),
		record(t, "https://harbour.example/b", "2021-05-06T07:08:09Z", httpResp("200 OK", "text/html", undated)),
	}
	for _, r := range recs {
		if !gz {
			if _, _, err := m.Marshal(&buf, r, 0); err != nil {
				t.Fatal(err)
			}
			continue
		}
		zw := gzip.NewWriter(&buf) // one gzip member per record, as WARC tools write
		if _, _, err := m.Marshal(zw, r, 0); err != nil {
			t.Fatal(err)
		}
		zw.Close()
	}
	return buf.Bytes()
}

func TestPages(t *testing.T) {
	for _, gz := range []bool{false, true} {
		var got []warc.Page
		var errs []error
		for p, err := range warc.Pages(context.Background(), "test.warc", bytes.NewReader(build(t, gz))) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			got = append(got, p)
		}
		if len(got) != 2 {
			t.Fatalf("gzip %v: %d pages, want 2 (errors %v)", gz, len(got), errs)
		}
		if got[0].Date != "2021-04-01T09:00:00Z" || got[0].DateSource != "meta" || !strings.Contains(got[0].Text, "12 millioner ton") {
			t.Errorf("page 1: date %q from %q, text %q", got[0].Date, got[0].DateSource, got[0].Text)
		}
		if got[1].Date != "2021-05-06T07:08:09Z" || got[1].DateSource != "warc" || got[1].Source.URL != "https://harbour.example/b" {
			t.Errorf("page 2: date %q from %q url %q", got[1].Date, got[1].DateSource, got[1].Source.URL)
		}
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "https://havn.example/empty") {
			t.Errorf("errors = %v, want one for the page without text", errs)
		}
	}
}

func TestTruncatedFile(t *testing.T) {
	b := build(t, true)
	n := 0
	for _, err := range warc.Pages(context.Background(), "cut.warc.gz", bytes.NewReader(b[:len(b)-40])) {
		if err == nil {
			n++
		}
	}
	if n < 1 {
		t.Errorf("a truncated WARC gave %d pages, want the records before the cut", n)
	}
}

func BenchmarkPages(b *testing.B) {
	var all []byte
	for range 50 {
		all = append(all, build(b, true)...)
	}
	b.SetBytes(int64(len(all)))
	b.ReportAllocs()
	pages := 0
	for b.Loop() {
		for _, err := range warc.Pages(context.Background(), "bench.warc.gz", bytes.NewReader(all)) {
			if err == nil {
				pages++
			}
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

func FuzzPages(f *testing.F) {
	f.Add(build(f, false))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for range warc.Pages(context.Background(), "fuzz.warc", bytes.NewReader(b)) {
		}
	})
}
