package read_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/read"
)

// collect reads one stream and renders each article as
// "line date lang |text|" and each problem as its message.
func collect(t testing.TB, name, in string) []string {
	t.Helper()
	var out []string
	for a, err := range read.From(context.Background(), name, strings.NewReader(in), read.Options{}) {
		if err != nil {
			out = append(out, "E "+err.Error())
			continue
		}
		out = append(out, fmt.Sprintf("%d %s %s |%s|", a.Source.Line, a.Date, a.Lang, a.Text))
	}
	return out
}

func TestFormats(t *testing.T) {
	tests := []struct {
		name, file, in string
		want           []string
	}{
		// The date-line format, one article.
		{"dateline", "a.txt", "date 2019-02 Mere end 1.000 ISIS-krigere er flygtet.\n\nDe søger skjul.\n",
			[]string{"1 2019-02  |Mere end 1.000 ISIS-krigere er flygtet.\n\nDe søger skjul.|"}},
		// Leading space before "date", no final newline.
		{"dateline indented", "a.txt", " date 2019-02-17 Regeringen siger nej.",
			[]string{"1 2019-02-17  |Regeringen siger nej.|"}},
		// Several articles; blank lines between them are not text.
		{"dateline several", "a.txt", "date 2020 Første artikel.\n\nAnden linje.\n\ndate 2021-03-04T10:00Z Second article.\ndate 2022 Tredje.\n",
			[]string{"1 2020  |Første artikel.\n\nAnden linje.|", "5 2021-03-04T10:00Z  |Second article.|", "6 2022  |Tredje.|"}},
		// The text may start on the line after the date.
		{"dateline text below", "a.txt", "date 2019-02\nTeksten står nedenunder.\n",
			[]string{"1 2019-02  |Teksten står nedenunder.|"}},
		// An unknown date is a warning; the article is still read.
		{"dateline bad date", "a.txt", "date 2019-13-01 Forkert måned.\n",
			[]string{`E a.txt:1: date "2019-13-01": unknown date format, date left empty`, "1   |Forkert måned.|"}},
		// Day-first Danish dates are rewritten.
		{"dateline day first", "a.txt", "date 17.2.2019 Dansk dato.\n",
			[]string{"1 2019-02-17  |Dansk dato.|"}},
		// An article with a date but no text.
		{"dateline empty", "a.txt", "date 2019-02 \n\ndate 2019-03 Noget.\n",
			[]string{"E a.txt:1: empty text", "1 2019-03  |Noget.|"[0:0] + "3 2019-03  |Noget.|"}},
		// "date" inside a line or without a digit does not start an article.
		{"dateline not header", "a.txt", "date 2019 Han sagde:\ndate night is over\nup to date 2020 stuff\n",
			[]string{"1 2019  |Han sagde:\ndate night is over\nup to date 2020 stuff|"}},
		// CRLF line ends become LF; the BOM goes.
		{"crlf bom", "a.txt", "\ufeffdate 2019-02 Linje et.\r\n\r\nLinje to.\r\n",
			[]string{"1 2019-02  |Linje et.\n\nLinje to.|"}},

		// JSON Lines with every field, unknown fields ignored, blank lines skipped.
		{"jsonl", "x.data", `{"id":"a1","date":"2019-02-17","url":"https://dr.dk/1","title":"T","outlet":"DR","lang":"da-DK","extra":[1,2],"text":"Hej\r\nverden"}` + "\n\n" + `{"text":"Hello","id":7}` + "\n",
			[]string{"1 2019-02-17 da |Hej\nverden|", "3   |Hello|"}},
		// Bad records are reported with their line, the others are read.
		{"jsonl bad", "news.jsonl", "{\"text\": \"ok 1\"}\n{bad json\n{\"title\":\"no text\"}\n{\"text\":\"\"}\n{\"text\":\"  \\n \"}\n[1,2]\n{\"text\":5}\n{\"text\":\"ok 2\",\"date\":\"i går\",\"lang\":\"dansk\",\"title\":3}\n",
			[]string{
				"1   |ok 1|",
				"E news.jsonl:2: invalid JSON: invalid character 'b' looking for beginning of object key string",
				"E news.jsonl:3: missing text",
				"E news.jsonl:4: empty text",
				"E news.jsonl:5: empty text",
				"E news.jsonl:6: invalid JSON: want an object, have array",
				"E news.jsonl:7: missing text: text is a number, want a string",
				"E news.jsonl:8: title is a number, want a string: field ignored",
				`E news.jsonl:8: date "i går": unknown date format, date left empty`,
				`E news.jsonl:8: lang "dansk": language code ignored`,
				"8   |ok 2|",
			}},
		// Invalid UTF-8 is repaired with a warning; NUL too.
		{"jsonl utf8", "x.jsonl", "{\"text\":\"R\xf8dovre\"}\n{\"text\":\"a\\u0000b\"}\n",
			[]string{"E x.jsonl:1: invalid UTF-8 replaced with U+FFFD", "1   |R\uFFFDdovre|", "E x.jsonl:2: NUL bytes replaced with U+FFFD", "2   |a\uFFFDb|"}},
		// CRLF line ends and a BOM in JSON Lines.
		{"jsonl crlf bom", "x.jsonl", "\ufeff{\"text\":\"a\"}\r\n\r\n{\"text\":\"b\"}\r\n", []string{"1   |a|", "3   |b|"}},
		// Language codes: region dropped, ISO 639-2 mapped to 639-1.
		{"jsonl lang", "x.jsonl", "{\"text\":\"a\",\"lang\":\"nb_NO\"}\n{\"text\":\"b\",\"lang\":\"DAN\"}\n{\"text\":\"c\",\"lang\":\"fra\"}\n",
			[]string{"1  nb |a|", "2  da |b|", `E x.jsonl:3: lang "fra": language code ignored`, "3   |c|"}},
		// Sniffed by content, whatever the name.
		{"jsonl sniffed", "feed", "  {\"text\":\"Østerbro\"}\n", []string{"1   |Østerbro|"}},

		// A JSON array; an element's line is where it starts.
		{"json array", "x.json", "[\n  {\"text\": \"første\", \"id\": \"a\"},\n  {\"title\": \"ingen tekst\"},\n  {\"text\":\n   \"tredje\"}\n]\n",
			[]string{"2   |første|", "E x.json:3: missing text", "4   |tredje|"}},
		{"json array broken", "x.json", "[{\"text\":\"a\"},\n{\"text\" 5}]", []string{"1   |a|", "E x.json:2: invalid JSON: invalid character '5' after object key"}},
		// Plain text: one article, trimmed, no date.
		{"text", "a.txt", "\n\nKøbenhavn ligger i Danmark.\n\nDet gør Østerbro også.\n\n",
			[]string{"1   |København ligger i Danmark.\n\nDet gør Østerbro også.|"}},
		{"text invalid utf8", "a.txt", "Gr\xe6nland\n", []string{"E a.txt:1: invalid UTF-8 replaced with U+FFFD", "1   |Gr\uFFFDnland|"}},
		{"text empty", "a.txt", " \n\t\n", []string{"E a.txt:1: empty text"}},
		{"binary", "a.bin", "PK\x03\x04\x00\x00junk", []string{"E a.bin: binary file skipped"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, tt.file, tt.in)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("read %q =\n%s\nwant\n%s", tt.in, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2019", "2019"},
		{"2019-02", "2019-02"},
		{"2019-02-17", "2019-02-17"},
		{"2019-02-17T10:00", "2019-02-17T10:00"},
		{"2019-02-17T10:00:30Z", "2019-02-17T10:00:30Z"},
		{"2019-02-17T10:00:30.123+01:00", "2019-02-17T10:00:30.123+01:00"},
		{"2019-02-17 10:00:30", "2019-02-17T10:00:30"},
		{"17-02-2019", "2019-02-17"},
		{"17.2.2019", "2019-02-17"},
		{"Sun, 17 Feb 2019 10:00:00 +0100", "2019-02-17T10:00:00+01:00"},
		{"2019-13", ""},
		{"2019-02-30", ""},
		{"02/17/2019", ""},
		{"17/02/2019", ""},
		{"2019-02-17T25:00", ""},
		{"i går", ""},
		{"19", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := read.Date(tt.in)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("Date(%q) = %q, %v, want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestGzipDirStdin(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("{\"text\":\"komprimeret\"}\n{\"text\":\"to\"}\n"))
	zw.Close()
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b/news.gz", gz.Bytes())
	write("a.txt", []byte("date 2019 Først."))
	write(".hidden.txt", []byte("skjult"))
	write(".git/x.txt", []byte("skjult"))
	write("c/d.txt", []byte("Sidst."))
	var got []string
	opt := read.Options{Stdin: strings.NewReader("date 2020 Fra stdin.")}
	for a, err := range read.Open(context.Background(), []string{dir, "-", filepath.Join(dir, "missing.txt")}, opt) {
		if err != nil {
			got = append(got, "E "+strings.ReplaceAll(err.Error(), dir, "DIR"))
			continue
		}
		got = append(got, fmt.Sprintf("%s:%d %s", strings.ReplaceAll(a.Source.File, dir, "DIR"), a.Source.Line, a.Text))
	}
	want := []string{
		"DIR/a.txt:1 Først.",
		"DIR/b/news.gz:1 komprimeret",
		"DIR/b/news.gz:2 to",
		"DIR/c/d.txt:1 Sidst.",
		"<stdin>:1 Fra stdin.",
		"E DIR/missing.txt: stat: no such file or directory",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestErrorType(t *testing.T) {
	for _, err := range read.From(context.Background(), "f.jsonl", strings.NewReader("{}\n"), read.Options{}) {
		var re *read.Error
		if !errors.As(err, &re) || re.Pos.File != "f.jsonl" || re.Pos.Line != 1 || !errors.Is(err, read.ErrMissingText) || read.IsWarning(err) {
			t.Errorf("err = %#v", err)
		}
	}
}

// TestLongRecords reads a 50 MB article in every format and skips a record
// over the limit without losing the next one.
func TestLongRecords(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	big := strings.Repeat("Ord og flere ord på dansk. ", 50<<20/27)
	for _, in := range []string{"date 2019 " + big, `{"text":"` + big + `"}`, big} {
		n := 0
		for a, err := range read.From(context.Background(), "big", strings.NewReader(in), read.Options{}) {
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Text) < 50<<20-100 {
				t.Errorf("text has %d bytes", len(a.Text))
			}
			n++
		}
		if n != 1 {
			t.Errorf("%d articles", n)
		}
	}
	in := `{"text":"` + strings.Repeat("x", 200_000) + `"}` + "\n" + `{"text":"next"}` + "\n"
	var got []string
	for a, err := range read.From(context.Background(), "l.jsonl", strings.NewReader(in), read.Options{MaxRecord: 100_000}) {
		if err != nil {
			got = append(got, err.Error())
		} else {
			got = append(got, a.Text)
		}
	}
	want := "l.jsonl:1: record too long: line longer than 100000 bytes|next"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", got, want)
	}
	in = "date 2019 " + strings.Repeat("y", 200_000) + "\ndate 2020 næste\n"
	got = got[:0]
	for a, err := range read.From(context.Background(), "l.txt", strings.NewReader(in), read.Options{MaxRecord: 100_000}) {
		if err != nil {
			got = append(got, err.Error())
		} else {
			got = append(got, a.Text)
		}
	}
	want = "l.txt:1: record too long: article longer than 100000 bytes|næste"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// checkArticles asserts the reader's guarantees on any input.
func checkArticles(t *testing.T, name string, data []byte) {
	last := 0
	for a, err := range read.From(context.Background(), name, bytes.NewReader(data), read.Options{MaxRecord: 1 << 16}) {
		if err != nil {
			var re *read.Error
			if !errors.As(err, &re) {
				t.Fatalf("error %v is not a *read.Error", err)
			}
			continue
		}
		if a.Text == "" || !utf8.ValidString(a.Text) || strings.ContainsAny(a.Text, "\x00") || strings.Contains(a.Text, "\r\n") {
			t.Fatalf("bad text %q", a.Text)
		}
		if a.Source.Line < 1 || a.Source.Line < last {
			t.Fatalf("line %d after %d", a.Source.Line, last)
		}
		last = a.Source.Line
		if a.Date != "" {
			if d, ok := read.Date(a.Date); !ok || d != a.Date {
				t.Fatalf("date %q not ISO", a.Date)
			}
		}
		_ = kilde.NewDoc(a)
	}
}

func fuzzSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}

func FuzzDateLine(f *testing.F) {
	fuzzSeeds(f, "date 2019-02 Tekst.\n\nMere.", " date 2019 a\ndate 2020 b\r\n", "date 17.2.2019 x", "date 2019-02\nunder", "date 1\x00\xff")
	f.Fuzz(func(t *testing.T, data []byte) { checkArticles(t, "a.txt", append([]byte("date "), data...)) })
}

func FuzzJSONL(f *testing.F) {
	fuzzSeeds(f, "[{\"text\":\"x\"},\n{\"text\":\"y\"}]", `{"text":"hej","date":"2019","lang":"da"}`, "{\"text\":\"a\\u0000\"}\n{bad\n", `{"text":5,"id":1}`, "\ufeff{\"text\":\"x\"}\r\n")
	f.Fuzz(func(t *testing.T, data []byte) { checkArticles(t, "a.jsonl", data) })
}

func FuzzText(f *testing.F) {
	fuzzSeeds(f, "Østerbro ’ 😀", "\r\n\r\n", "Gr\xe6nland", "{not json")
	f.Fuzz(func(t *testing.T, data []byte) { checkArticles(t, "a.txt", data) })
}

func FuzzSniffed(f *testing.F) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("date 2019 komprimeret\n"))
	zw.Close()
	fuzzSeeds(f, gz.String(), "{\"text\":\"x\"}", "date 2019 y", "z")
	f.Fuzz(func(t *testing.T, data []byte) { checkArticles(t, "input", data) })
}

func TestCorruptGzip(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(strings.Repeat("{\"text\":\"en linje\"}\n", 1000)))
	zw.Close()
	data := gz.Bytes()
	data = data[:len(data)/2] // truncated: the stream ends mid-line
	n, errs := 0, 0
	for _, err := range read.From(context.Background(), "x.jsonl.gz", bytes.NewReader(data), read.Options{}) {
		if err != nil {
			errs++
			if !strings.HasPrefix(err.Error(), "x.jsonl.gz:") || !strings.Contains(err.Error(), "unexpected EOF") {
				t.Errorf("error %q lacks the file", err)
			}
			continue
		}
		n++
	}
	if errs != 1 || n == 0 || n >= 1000 {
		t.Errorf("%d articles, %d errors; want some articles and one error", n, errs)
	}
}
