package read_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/kilde-news/kilde/read"
)

const para = "Regeringen siger, at den ikke vil ændre loven, men at der skal være flere penge til skolerne i Østerbro og Aarhus."

// corpus returns n articles of 10 paragraphs in the given format.
func corpus(format string, n int) ([]byte, int) {
	text := strings.Repeat(para+"\n\n", 9) + para
	words := n * len(strings.Fields(text))
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		switch format {
		case "dateline":
			b.WriteString("date 2019-02-17 ")
			b.WriteString(text)
			b.WriteString("\n\n")
		case "jsonl":
			rec, _ := json.Marshal(map[string]string{"id": "x", "date": "2019-02-17", "text": text})
			b.Write(rec)
			b.WriteByte('\n')
		}
	}
	return b.Bytes(), words
}

func BenchmarkRead(b *testing.B) {
	for _, format := range []string{"dateline", "jsonl"} {
		b.Run(format, func(b *testing.B) {
			data, words := corpus(format, 1000)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, err := range read.From(context.Background(), "bench", bytes.NewReader(data), read.Options{}) {
					if err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

// repeater streams a record n times without holding more than one.
type repeater struct {
	rec  []byte
	n    int
	left []byte
}

func (r *repeater) Read(p []byte) (int, error) {
	if len(r.left) == 0 {
		if r.n == 0 {
			return 0, io.EOF
		}
		r.n--
		r.left = r.rec
	}
	k := copy(p, r.left)
	r.left = r.left[k:]
	return k, nil
}

// TestConstantMemory streams 128 MB of each format and checks that the
// heap stays small: readers hold one record, not the input.
func TestConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	for _, format := range []string{"dateline", "jsonl"} {
		rec, _ := corpus(format, 10)
		n := (128 << 20) / len(rec)
		var peak uint64
		var ms runtime.MemStats
		count := 0
		for a, err := range read.From(context.Background(), "big", &repeater{rec: rec, n: n}, read.Options{}) {
			if err != nil {
				t.Fatal(err)
			}
			_ = a
			if count++; count%5000 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
		if count != n*10 {
			t.Errorf("%s: %d articles, want %d", format, count, n*10)
		}
		t.Logf("%s: %d articles from %d MB, peak heap in use %d MB", format, count, n*len(rec)>>20, peak>>20)
		if peak > 64<<20 {
			t.Errorf("%s: heap in use reached %d MB", format, peak>>20)
		}
	}
}
