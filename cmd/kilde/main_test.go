package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// runKilde runs the command in-process and returns exit code, stdout, stderr.
func runKilde(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb})
	return code, out.String(), errb.String()
}

func TestHelpVersion(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		code, out, _ := runKilde(t, "", args...)
		if code != 0 || !strings.Contains(out, "annotate") || !strings.Contains(out, "Usage") {
			t.Errorf("kilde %v: exit %d, output %q", args, code, out)
		}
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := runKilde(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "kilde "+version) {
			t.Errorf("kilde %v: exit %d, output %q", args, code, out)
		}
	}
	if code, out, _ := runKilde(t, "", "help", "annotate"); code != 0 || !strings.Contains(out, "--strict") && !strings.Contains(out, "-strict") {
		t.Errorf("kilde help annotate: exit %d, output %q", code, out)
	}
}

// Every command answers -h with its usage and exit status 0.
func TestCommandHelp(t *testing.T) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t.Run(n, func(t *testing.T) {
			code, out, errOut := runKilde(t, "", n, "-h")
			if code != 0 || !strings.Contains(out+errOut, "Usage") {
				t.Errorf("kilde %s -h: exit %d, output %q %q", n, code, out, errOut)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{
		{},
		{"frobnicate"},
		{"annotate"},
		{"annotate", "--no-such-flag", "x"},
		{"annotate", "--workers", "0", "x"},
		{"annotate", "-o", "main.go", "main.go"},
	}
	for _, args := range tests {
		if code, _, errOut := runKilde(t, "", args...); code != 2 || errOut == "" {
			t.Errorf("kilde %q: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
}

// writeFiles creates files under a temp dir; a name ending in .gz is
// gzip-compressed.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		b := []byte(data)
		if strings.HasSuffix(name, ".gz") {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(b)
			zw.Close()
			b = buf.Bytes()
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// doc is the part of kilde/1 the tests look at; spans are read generically.
type doc map[string]any

func decodeAll(t *testing.T, out string) []doc {
	t.Helper()
	var docs []doc
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var d doc
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("output is not JSON: %v\n%s", err, out)
		}
		if d["format"] != "kilde/1" {
			t.Fatalf("format %v", d["format"])
		}
		docs = append(docs, d)
	}
	return docs
}

func TestAnnotate(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "date 2019-02-17 Regeringen siger, at den ikke vil ændre loven.\n\nDet oplyser ministeren.\n" +
			"date 2019-02-18 The minister said on Monday that the law would not change.\n",
		"b/news.jsonl": `{"id":"n1","text":"Politiet oplyser, at en mand er anholdt.","date":"2020-11-05","outlet":"DR"}` + "\n" +
			"{bad json\n" +
			`{"title":"no text"}` + "\n" +
			`{"id":"n2","text":"Borgmesteren afviser kritikken.","lang":"da"}` + "\n",
		"c.txt.gz": "Komprimeret tekst om København og Aarhus.",
	})
	code, out, errOut := runKilde(t, "", "annotate", "--workers", "2", dir)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	for _, want := range []string{"news.jsonl:2: invalid JSON", "news.jsonl:3: missing text", "2 records skipped"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	docs := decodeAll(t, out)
	var got []string
	for _, d := range docs {
		src := d["source"].(map[string]any)
		file, _ := filepath.Rel(dir, src["file"].(string))
		got = append(got, file+":"+jsonStr(src["line"])+" "+jsonStr(d["id"])+" "+jsonStr(d["date"])+" "+jsonStr(d["lang"]))
	}
	want := []string{
		"a.txt:1 " + jsonStr(docs[0]["content_id"]) + " 2019-02-17 da",
		"a.txt:4 " + jsonStr(docs[1]["content_id"]) + " 2019-02-18 en",
		"b/news.jsonl:1 n1 2020-11-05 da",
		"b/news.jsonl:4 n2 null da",
		"c.txt.gz:1 " + jsonStr(docs[4]["content_id"]) + " null da",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, d := range docs {
		for _, k := range []string{"sentences", "entities", "times", "quantities", "quotes", "claims", "checks"} {
			if _, ok := d[k].([]any); !ok {
				t.Errorf("%v: %s is %v, want an array", d["id"], k, d[k])
			}
		}
	}
}

func jsonStr(v any) string {
	b, _ := json.Marshal(v)
	return strings.Trim(string(b), `"`)
}

func TestAnnotateExitCodes(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"bad.jsonl":   "{bad\n{\"text\":\"\"}\n",
		"mixed.jsonl": "{\"text\":\"Første artikel er fin.\"}\n{bad\n{\"text\":\"Tredje artikel er også fin.\"}\n",
	})
	// Nothing readable: exit 1.
	if code, out, errOut := runKilde(t, "", "annotate", filepath.Join(dir, "bad.jsonl")); code != 1 || out != "" || !strings.Contains(errOut, "bad.jsonl:1:") {
		t.Errorf("all bad: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// A missing file alone: exit 1.
	if code, _, errOut := runKilde(t, "", "annotate", filepath.Join(dir, "missing.txt")); code != 1 || !strings.Contains(errOut, "missing.txt") {
		t.Errorf("missing: exit %d, stderr %q", code, errOut)
	}
	// --strict stops at line 2 with exit 1.
	code, out, errOut := runKilde(t, "", "annotate", "--strict", "--workers", "1", filepath.Join(dir, "mixed.jsonl"))
	if code != 1 || !strings.Contains(errOut, "mixed.jsonl:2: invalid JSON") || strings.Contains(out, "Tredje") {
		t.Errorf("strict: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// Without --strict both good records are written.
	code, out, _ = runKilde(t, "", "annotate", filepath.Join(dir, "mixed.jsonl"))
	if code != 0 || len(decodeAll(t, out)) != 2 {
		t.Errorf("mixed: exit %d, stdout %q", code, out)
	}
}

// TestAnnotateMaxArticle: an article over --max-mb is skipped with its
// file:line, and the articles after it are still annotated.
func TestAnnotateMaxArticle(t *testing.T) {
	big := strings.Repeat("Ministeren siger, at loven ikke ændres. ", 30000) // ~1.2 MB
	dir := writeFiles(t, map[string]string{
		"s.jsonl": `{"id":"a","text":"Første artikel."}` + "\n" +
			`{"id":"big","text":"` + big + `"}` + "\n" +
			`{"id":"c","text":"Tredje artikel."}` + "\n",
	})
	code, out, errOut := runKilde(t, "", "annotate", "--max-mb", "1", filepath.Join(dir, "s.jsonl"))
	if code != 0 || !strings.Contains(errOut, "s.jsonl:2:") || !strings.Contains(errOut, "longer than") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var ids []string
	for _, d := range decodeAll(t, out) {
		ids = append(ids, jsonStr(d["id"]))
	}
	if strings.Join(ids, " ") != "a c" {
		t.Errorf("ids %v, want a c", ids)
	}
}

func TestAnnotateStdinOutputPretty(t *testing.T) {
	outFile := filepath.Join(t.TempDir(), "out.json")
	code, out, errOut := runKilde(t, "date 2019 Hej fra standard input.", "annotate", "--pretty", "-o", outFile, "-")
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	b, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "{\n  \"format\": \"kilde/1\"") || !strings.Contains(string(b), `"file": "<stdin>"`) {
		t.Errorf("pretty output:\n%s", b)
	}
	if docs := decodeAll(t, string(b)); len(docs) != 1 || docs[0]["date"] != "2019" {
		t.Errorf("docs %v", docs)
	}
}

// Every span's text equals text[start:end] in code points, for text with
// multi-byte characters before and inside the spans.
func TestSpansAreCodePoints(t *testing.T) {
	in := "date 2019-02-17 På Østerbro’s torv 😀 sagde Mette Frederiksen tirsdag: »Vi bruger 1.000 kr. på det.« " +
		"Ifølge DR koster det 15,5 mio. kr. – svarende til 2,1 mio. euro.\n\n" +
		"Statsministeren 🇩🇰 oplyser, at 200 millioner dollars er afsat i 2020.\n" +
		`{"text":"Ærø’s borgmester sagde onsdag, at øen får 3 mio. kr. 🎉","date":"2021-03-03"}`
	dir := writeFiles(t, map[string]string{"a.txt": in[:strings.Index(in, "{")], "b.jsonl": in[strings.Index(in, "{"):]})
	code, out, errOut := runKilde(t, "", "annotate", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	docs := decodeAll(t, out)
	if len(docs) != 2 {
		t.Fatalf("%d docs", len(docs))
	}
	spans := 0
	for _, d := range docs {
		text := []rune(d["text"].(string))
		check := func(what string, s map[string]any, startKey, endKey, textKey string) {
			st, ok1 := s[startKey].(float64)
			en, ok2 := s[endKey].(float64)
			if !ok1 || !ok2 {
				return // null offsets
			}
			if st < 0 || en < st || int(en) > len(text) {
				t.Errorf("%s span [%v,%v) outside text of %d code points", what, st, en, len(text))
				return
			}
			spans++
			if textKey == "" {
				return
			}
			if want, ok := s[textKey].(string); ok && string(text[int(st):int(en)]) != want {
				t.Errorf("%s: text[%v:%v] = %q, span says %q", what, st, en, string(text[int(st):int(en)]), want)
			}
		}
		for _, k := range []string{"sentences", "entities", "times", "quantities", "quotes", "claims"} {
			for _, v := range d[k].([]any) {
				s := v.(map[string]any)
				tk := "text"
				if k == "sentences" {
					tk = ""
				}
				check(k, s, "start", "end", tk)
				if k == "quotes" {
					check("quote speaker", s, "speaker_start", "speaker_end", "")
				}
			}
		}
		for _, v := range d["checks"].([]any) {
			for _, sp := range v.(map[string]any)["spans"].([]any) {
				check("check", sp.(map[string]any), "start", "end", "")
			}
		}
	}
	if spans < 4 {
		t.Errorf("only %d spans checked; the pipeline found too little to test", spans)
	}
}
