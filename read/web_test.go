package read_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kilde-news/kilde/read"
)

const page = `<!DOCTYPE html><html lang="da"><head><title>Havnen</title>
<meta property="article:published_time" content="2021-04-01T09:00:00Z"></head><body><nav>Forside</nav><article>
<p>Havnen i Aarhus har haft et rekordår med over 12 millioner ton gods, oplyser havnedirektøren i en pressemeddelelse.</p>
<p>»Vi har aldrig set noget lignende,« siger han til lokalavisen om de mange skibe i havnen i år.</p></article></body></html>`

// warcRecord writes one uncompressed WARC response record by hand.
func warcRecord(uri, date, html string) string {
	httpPart := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(html), html)
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: %s\r\nWARC-Target-URI: %s\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		"0b1d2f44-1111-2222-3333-444455556666", date, uri, len(httpPart), httpPart)
}

func TestHTMLAndWARCByContent(t *testing.T) {
	dir := t.TempDir()
	// No telling extensions: the content decides.
	os.WriteFile(filepath.Join(dir, "a.saved"), []byte(page), 0o644)
	undated := strings.Replace(page, `<meta property="article:published_time" content="2021-04-01T09:00:00Z">`, "", 1)
	os.WriteFile(filepath.Join(dir, "b.crawl"), []byte(warcRecord("https://havn.example/x", "2021-05-06T07:08:09Z", undated)), 0o644)
	var got []string
	for a, err := range read.Open(context.Background(), []string{dir}, read.Options{}) {
		if err != nil {
			t.Errorf("error: %v", err)
			continue
		}
		if !strings.Contains(a.Text, "12 millioner ton") || strings.Contains(a.Text, "Forside") {
			t.Errorf("%s: text %q", a.Source.File, a.Text)
		}
		got = append(got, a.Date+" "+a.Source.DateSource+" "+a.Source.URL+" "+a.Lang)
	}
	want := []string{"2021-04-01T09:00:00Z meta  da", "2021-05-06T07:08:09Z warc https://havn.example/x da"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestBadHTML(t *testing.T) {
	n, errs := 0, 0
	for _, err := range read.From(context.Background(), "empty.html", bytes.NewReader([]byte("<html><body><nav>menu</nav></body></html>")), read.Options{}) {
		if err != nil {
			errs++
			if !strings.Contains(err.Error(), "empty.html:1") {
				t.Errorf("error %q does not name file:line", err)
			}
		} else {
			n++
		}
	}
	if n != 0 || errs != 1 {
		t.Errorf("a page without text: %d articles, %d errors; want 0 and 1", n, errs)
	}
}
