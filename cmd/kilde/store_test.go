package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/sqlite"
)

// resumeCorpus writes n generated Danish articles (sentences written for
// this test, varied by number) as JSON Lines with one broken record on
// line bad, and returns the content ids of the good ones.
func resumeCorpus(t *testing.T, path string, n, bad int) map[string]bool {
	t.Helper()
	subjects := []string{"Regeringen", "Kommunen", "Politiet", "Forbrugerrådet", "Region Hovedstaden", "Finansministeriet"}
	verbs := []string{"vil bruge", "har afsat", "forventer at spare", "kræver", "har brugt"}
	things := []string{"nye cykelstier", "flere betjente", "grøn omstilling", "ældreplejen", "skolerne"}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	ids := map[string]bool{}
	line := 0
	for i := 0; i < n; i++ {
		line++
		if line == bad {
			fmt.Fprintln(w, `{"id": "broken", "text": "no closing brace"`)
			line++
		}
		var b strings.Builder
		for k := 0; k < 6; k++ {
			j := i*7 + k
			fmt.Fprintf(&b, "%s %s %d millioner kroner på %s i %d, oplyser ministeren Jens Hansen. ",
				subjects[j%len(subjects)], verbs[(j/3)%len(verbs)], 10+j%990, things[(j/5)%len(things)], 2015+j%10)
		}
		text := strings.TrimSpace(b.String())
		date := fmt.Sprintf("2020-%02d-%02d", 1+i%12, 1+i%28)
		rec, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("a%d", i), "date": date, "text": text, "outlet": "Test"})
		w.Write(rec)
		w.WriteByte('\n')
		ids[kilde.ContentID(text, date)] = true
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return ids
}

func countArticles(t *testing.T, db string) int {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		return 0
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil {
		return 0
	}
	return st.Articles
}

// TestIngestKillResume builds the real binary, kill -9s it in the middle of
// an ingest, runs the ingest again, and checks that every article is stored
// exactly once.
func TestIngestKillResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "kilde")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "corpus.jsonl")
	const n, badLine = 2000, 37
	want := resumeCorpus(t, corpus, n, badLine)
	db := filepath.Join(dir, "kilde.db")

	var stderr1 bytes.Buffer
	cmd := exec.Command(bin, "ingest", "--db", db, "--batch", "10", "--workers", "2", corpus)
	cmd.Stderr = &stderr1
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	// Kill once some batches are committed but not all.
	deadline := time.Now().Add(60 * time.Second)
	killedAt := 0
wait:
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			if countArticles(t, db) == 0 {
				t.Fatalf("ingest exited before storing anything: %v\n%s", cmd.ProcessState, stderr1.String())
			}
			break wait
		case <-time.After(50 * time.Millisecond):
		}
		if c := countArticles(t, db); c >= 30 {
			killedAt = c
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	<-exited
	if killedAt == 0 {
		t.Fatalf("ingest stored nothing within 60 s:\n%s", stderr1.String())
	}
	before := countArticles(t, db)
	if before >= n {
		t.Skipf("ingest finished (%d) before it could be killed; machine too fast for this corpus", before)
	}
	t.Logf("killed with %d of %d articles stored", before, n)

	out, err := exec.Command(bin, "ingest", "--db", db, corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("second ingest: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("corpus.jsonl:%d", badLine)) || !strings.Contains(string(out), "skipped") {
		t.Errorf("bad record not reported with file:line:\n%s", out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("%d already stored", before)) {
		t.Errorf("second run should skip the %d stored articles:\n%s", before, out)
	}

	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != len(want) {
		t.Errorf("stored %d articles, want %d", st.Articles, len(want))
	}
	ids := make([]string, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	has, err := s.Has(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if !has[id] {
			t.Errorf("article %s lost", id)
		}
	}
	// Nothing duplicated in the full-text index either.
	var fts int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM articles_fts`).Scan(&fts); err != nil {
		t.Fatal(err)
	}
	if fts != st.Articles {
		t.Errorf("full-text index has %d rows for %d articles", fts, st.Articles)
	}
	// A third run is a no-op.
	out, err = exec.Command(bin, "ingest", "--db", db, corpus).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "0 stored") {
		t.Errorf("third ingest not a no-op: %v\n%s", err, out)
	}
}

func TestParseInterleaved(t *testing.T) {
	e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	fs := newFlags(e, "search", "", "")
	sp := fs.String("speaker", "", "")
	from := fs.String("from", "", "")
	pos, _, ok := parseInterleaved(fs, []string{"ISIS krigere", "--speaker", "Trump", "--from", "2019-01", "mere", "--", "-x"})
	if !ok || *sp != "Trump" || *from != "2019-01" || strings.Join(pos, "|") != "ISIS krigere|mere|-x" {
		t.Errorf("got %q speaker %q from %q ok %v", pos, *sp, *from, ok)
	}
}

func TestStoreDemo(t *testing.T) {
	docs, err := demoDocs(context.Background())
	if err != nil {
		t.Skipf("demo docs: %v", err)
	}
	var out, errb bytes.Buffer
	if code := storeDemo(context.Background(), &env{stdout: &out, stderr: &errb}, docs); code != 0 {
		t.Fatalf("storeDemo = %d: %s", code, errb.String())
	}
	for _, want := range []string{"== store:", "$ kilde search", "hits, page 1"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
	t.Log(out.String())
}

// A document the store rejects is reported with its position and the rest
// of its batch is still stored.
func TestIngestBadDocInBatch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte(`{"text": "Første artikel om vejret i Jylland.", "date": "2020-01-01"}
{"text": "Anden artikel, som annotatoren ødelægger.", "date": "2020-01-02"}
{"text": "Tredje artikel om trafikken på Fyn.", "date": "2020-01-03"}
`), 0o644)
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var errb bytes.Buffer
	g := &ingester{e: &env{stdout: &bytes.Buffer{}, stderr: &errb}, st: st, batch: 10, quiet: true}
	code := g.run(context.Background(), []string{in}, func(ctx context.Context, docs <-chan *kilde.Doc) <-chan ingestResult {
		out := make(chan ingestResult)
		go func() {
			defer close(out)
			for d := range docs {
				if strings.HasPrefix(d.Text, "Anden") {
					d.Text = " " // what a broken annotator could leave
				}
				out <- ingestResult{doc: d}
			}
		}()
		return out
	})
	if code != 0 {
		t.Fatalf("run = %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "in.jsonl:2: not stored") || !strings.Contains(errb.String(), "2 stored, 0 already stored, 1 bad") {
		t.Errorf("stderr:\n%s", errb.String())
	}
}
