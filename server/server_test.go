package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/server"
	"github.com/kilde-news/kilde/sqlite"
)

// markSentences is a real, tiny annotator for posted articles: one
// sentence spanning the text. The store and HTTP layers are what is tested.
type markSentences struct{}

func (markSentences) Annotate(d *kilde.Doc) error {
	d.Sentences = []kilde.Span{{Start: 0, End: len(d.Text)}}
	return nil
}

func f(v float64) *float64 { return &v }

func span(text, sub string) kilde.Span {
	i := strings.Index(text, sub)
	return kilde.Span{Start: i, End: i + len(sub)}
}

func testDocs() []*kilde.Doc {
	t1 := "Mere end 1.000 ISIS-krigere er flygtet til Irak, siger general Joseph Votel. <script>alert(1)</script>"
	d1 := kilde.NewDoc(kilde.Article{Text: t1, Date: "2019-02-10", Lang: "da", Source: kilde.Source{Title: "Krigere flygter", Outlet: "Avisen"}})
	d1.Sentences = []kilde.Span{{Start: 0, End: len(t1)}}
	d1.Entities = []kilde.Entity{{Span: span(t1, "Joseph Votel"), Label: "PER", Canonical: "Joseph Votel"}, {Span: span(t1, "Irak"), Label: "LOC", Canonical: "Irak"}}
	d1.Quantities = []kilde.Quantity{{Span: span(t1, "Mere end 1.000"), Low: f(1000), Approx: "more_than", Measured: "ISIS-krigere"}}
	d1.Quotes = []kilde.Quote{{Span: span(t1, "Mere end 1.000 ISIS-krigere er flygtet til Irak"), Kind: "indirect", Speaker: "Joseph Votel", SpeakerSpan: span(t1, "Joseph Votel"), Cue: "siger", Lang: "da"}}
	d1.Claims = []kilde.Claim{{Span: d1.Quotes[0].Span, Source: "Joseph Votel", Hedge: "asserted", Cue: "siger", Quantities: []int{0}}}
	d1.Times = []kilde.Time{}
	t2 := "Omkring 2.000 ISIS-krigere er tilbage i Syrien, skriver CNN angiveligt."
	d2 := kilde.NewDoc(kilde.Article{Text: t2, Date: "2019-03-01", Lang: "da"})
	d2.Sentences = []kilde.Span{{Start: 0, End: len(t2)}}
	d2.Quantities = []kilde.Quantity{{Span: span(t2, "Omkring 2.000"), Value: f(2000), Approx: "about", Measured: "ISIS-krigere"}}
	d2.Claims = []kilde.Claim{{Span: span(t2, "Omkring 2.000 ISIS-krigere er tilbage i Syrien"), Source: "CNN", Hedge: "alleged", Cue: "angiveligt", Quantities: []int{0}}}
	return []*kilde.Doc{d1, d2}
}

func newServer(t testing.TB, token string) (*httptest.Server, kilde.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "kilde.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Put(ctx, testDocs()); err != nil {
		t.Fatal(err)
	}
	if err := st.Reconcile(ctx); err != nil {
		t.Fatal(err)
	}
	s, err := server.New(st, server.Options{Token: token, Annotator: markSentences{}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, st
}

func get(t *testing.T, ts *httptest.Server, path string) (int, http.Header, string) {
	t.Helper()
	res, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, string(b)
}

func TestAPISearch(t *testing.T) {
	ts, _ := newServer(t, "")
	code, h, body := get(t, ts, "/api/search?q="+url.QueryEscape("kriger"))
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		t.Fatalf("status %d %s: %s", code, h.Get("Content-Type"), body)
	}
	var res struct {
		Total int
		Hits  []struct {
			ContentID string `json:"content_id"`
			Snippet   string
		}
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || len(res.Hits) != 2 {
		t.Fatalf("search kriger: total %d, %d hits, want 2 (stemming krigere → kriger): %s", res.Total, len(res.Hits), body)
	}
	code, _, body = get(t, ts, "/api/search?q=kriger&hedge=alleged")
	if code != 200 || !strings.Contains(body, `"total":1`) {
		t.Errorf("hedge filter: %d %s", code, body)
	}
	for _, bad := range []string{"from=2019-13", "hedge=sure", "page=0", "page=x", "to=yesterday"} {
		code, _, body := get(t, ts, "/api/search?q=x&"+bad)
		if code != 400 || !strings.Contains(body, `"error"`) {
			t.Errorf("%s: status %d body %s, want a 400 JSON error", bad, code, body)
		}
	}
}

func TestAPIArticleAndEntity(t *testing.T) {
	ts, _ := newServer(t, "")
	id := testDocs()[0].ContentID
	code, _, body := get(t, ts, "/api/articles/"+id)
	if code != 200 || !strings.Contains(body, `"format":"kilde/1"`) || !strings.Contains(body, `"speaker":"Joseph Votel"`) {
		t.Errorf("article: %d %s", code, body)
	}
	if code, _, body := get(t, ts, "/api/articles/nope"); code != 404 || !strings.Contains(body, `"error"`) {
		t.Errorf("missing article: %d %s", code, body)
	}
	if code, _, body := get(t, ts, "/api/entities/Votel"); code != 200 || !strings.Contains(body, "Joseph Votel") {
		t.Errorf("entity Votel: %d %s", code, body)
	}
	if code, _, body := get(t, ts, "/api/track?measured=ISIS-krigere"); code != 200 || !strings.Contains(body, `"Source":"CNN"`) {
		t.Errorf("track: %d %s", code, body)
	}
	if code, _, _ := get(t, ts, "/api/track"); code != 400 {
		t.Errorf("track without a query: %d, want 400", code)
	}
}

func TestPagesEscapeAndHeaders(t *testing.T) {
	ts, _ := newServer(t, "")
	id := testDocs()[0].ContentID
	code, h, body := get(t, ts, "/articles/"+id)
	if code != 200 {
		t.Fatalf("article page: %d", code)
	}
	if strings.Contains(body, "<script>alert") || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("article text is not HTML-escaped")
	}
	if !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Errorf("CSP = %q", h.Get("Content-Security-Policy"))
	}
	for _, want := range []string{"Joseph Votel", `class="qty`, "10. feb. 2019", "indirect quote — Joseph Votel"} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	code, _, body = get(t, ts, "/search?q=krigere")
	if code != 200 || !strings.Contains(body, "<mark>") || !strings.Contains(body, "Krigere flygter") {
		t.Errorf("search page: %d, marks or title missing", code)
	}
	code, _, body = get(t, ts, "/track?measured=ISIS-krigere")
	if code != 200 || !strings.Contains(body, "<svg") || !strings.Contains(body, "CNN") {
		t.Errorf("track page: %d, chart or source missing", code)
	}
	if code, _, body = get(t, ts, "/entities/Joseph%20Votel"); code != 200 || !strings.Contains(body, "Joseph Votel") {
		t.Errorf("entity page: %d", code)
	}
	if code, _, _ = get(t, ts, "/articles/none"); code != 404 {
		t.Errorf("missing article page: %d", code)
	}
	if code, _, body = get(t, ts, "/metrics"); code != 200 || !strings.Contains(body, "kilde_http_requests_total") {
		t.Errorf("metrics: %d %s", code, body)
	}
	if code, _, body = get(t, ts, "/api/openapi.json"); code != 200 || !json.Valid([]byte(body)) {
		t.Errorf("openapi: %d", code)
	}
}

func post(t *testing.T, ts *httptest.Server, token, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", ts.URL+"/api/articles", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-ndjson")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestPostNeedsToken(t *testing.T) {
	ts, _ := newServer(t, "s3cret")
	doc := `{"id":"n1","date":"2020-01-05","text":"Vindmøller i Nordsøen giver strøm til Østerbro."}` + "\n" + `{"broken` + "\n"
	if code, _ := post(t, ts, "", doc); code != 401 {
		t.Errorf("no token: %d, want 401", code)
	}
	if code, _ := post(t, ts, "wrong", doc); code != 401 {
		t.Errorf("wrong token: %d, want 401", code)
	}
	code, body := post(t, ts, "s3cret", doc)
	if code != 200 || !strings.Contains(body, `"added":1`) || !strings.Contains(body, "request.jsonl:2") {
		t.Fatalf("post: %d %s (want 1 added and the bad line reported)", code, body)
	}
	if code, _, body := get(t, ts, "/api/search?q=vindmølle"); code != 200 || !strings.Contains(body, `"total":1`) {
		t.Errorf("posted article not searchable: %d %s", code, body)
	}
	ro, _ := newServer(t, "")
	if code, _ := post(t, ro, "anything", doc); code != 403 {
		t.Errorf("server without token: %d, want 403", code)
	}
}

// No query string makes a handler fail with 500 or panic.
func FuzzSearchParams(f *testing.F) {
	for _, s := range []string{"q=kriger", "q=%22Islamisk+Stat%22", "q=krig*", "q=-", "q=\"", "q=*", "q=OR", "from=2019&to=2018", "page=99999", "q=%ff%fe", "hedge=alleged&unit=DKK&speaker='", "q=a+OR+OR+b", "q=(", "q=NEAR(a b)"} {
		f.Add(s)
	}
	ts, _ := newServer(f, "")
	f.Fuzz(func(t *testing.T, raw string) {
		for _, path := range []string{"/api/search?", "/search?", "/api/track?measured=x&", "/track?"} {
			res, err := http.Get(ts.URL + path + raw)
			if err != nil {
				return // an unparseable URL never reaches the server
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode >= 500 {
				t.Errorf("GET %s%s: status %d", path, raw, res.StatusCode)
			}
		}
	})
}
