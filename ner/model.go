package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
)

// formatVersion is written in every model file; Load refuses other versions.
// Bump it when features.go or the file layout changes.
// Version 2 adds word clusters and dictionary words; Load also reads
// version 1 files (which have neither).
const formatVersion = 2

const magic = "KILDENER"

// Types are the entity labels, in label-id order.
var Types = []string{"PER", "ORG", "LOC", "MISC"}

// Label ids: 0 is O; type t has B, I, L, U at 1+4t+{0,1,2,3} (BILOU).
const (
	posB = iota
	posI
	posL
	posU
)

var nLabels = 1 + 4*len(Types)

func labelID(t, pos int) int { return 1 + 4*t + pos }

func labelType(l int) int { return (l - 1) / 4 }
func labelPos(l int) int  { return (l - 1) % 4 }

// LabelName returns "O", "B-PER", ... for a label id.
func LabelName(l int) string {
	if l == 0 {
		return "O"
	}
	return string("BILU"[labelPos(l)]) + "-" + Types[labelType(l)]
}

// allowed reports whether label b may follow label a; a == nLabels is the
// sentence start, b == nLabels the sentence end.
func allowed(a, b int) bool {
	open := a != nLabels && a != 0 && (labelPos(a) == posB || labelPos(a) == posI)
	if b == nLabels || b == 0 {
		return !open
	}
	bp := labelPos(b)
	if open {
		return labelType(a) == labelType(b) && (bp == posI || bp == posL)
	}
	return bp == posB || bp == posU
}

// Meta describes how a model was made; it is stored in the file header.
type Meta struct {
	Lang      string  `json:"lang"`
	Command   string  `json:"command"`
	Seed      int64   `json:"seed"`
	Epochs    int     `json:"epochs"`
	Runs      int     `json:"runs,omitempty"`
	DevF1     float64 `json:"dev_f1"`
	Train     string  `json:"train"`
	Features  int     `json:"features"`
	Gazetteer string  `json:"gazetteer,omitempty"`
	// OBias is added to the score of O at every token when tagging;
	// negative values trade precision for recall. Tuned on dev.
	OBias float32 `json:"o_bias,omitempty"`
	// Final is set when the dev split was part of the training data (epochs
	// and O bias chosen on dev beforehand); DevF1 is then not measured.
	Final bool `json:"final,omitempty"`
}

// Model is a trained tagger. It is immutable and safe for concurrent use.
type Model struct {
	Meta Meta

	// feature hash → weight row, open addressing; rows index W by row*nLabels.
	keys  []uint64
	rows  []int32
	mask  uint64
	w     []int16
	scale float32
	// trans[a*nLabels+b]: score of b after a; row nLabels is the start.
	trans []float32
	end   []float32

	gaz         map[uint64]uint8    // gazetteer sequence key → kind
	common      map[uint64]struct{} // lower forms seen lower-case in training
	gazNames    []string            // "kind\tname", as stored
	commonWords []string
	names       map[uint64]uint8 // lower form → 1+type it mostly had in training names
	nameWords   []string         // "word\tTYPE", as stored

	clusters     map[uint64]uint32 // word hash → 1+cluster id (clusters.go)
	clusterWords []string          // "word\tid", as stored
	dict         map[uint64]uint8  // lower form → dictLower|dictCap
	dictWords    []string          // dictionary words, as stored

	pool sync.Pool
}

// lookup returns the weight row of feature h, or nil.
func (m *Model) lookup(h uint64) []int16 {
	i := h & m.mask
	for {
		k := m.keys[i]
		if k == h {
			r := int(m.rows[i]) * nLabels
			return m.w[r : r+nLabels : r+nLabels]
		}
		if k == 0 {
			return nil
		}
		i = (i + 1) & m.mask
	}
}

func (m *Model) buildTable(keys []uint64) {
	size := 1
	for size < 2*len(keys) {
		size <<= 1
	}
	m.keys = make([]uint64, size)
	m.rows = make([]int32, size)
	m.mask = uint64(size - 1)
	for r, h := range keys {
		i := h & m.mask
		for m.keys[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.keys[i] = h
		m.rows[i] = int32(r)
	}
}

// setLists installs the gazetteer ("kind\tname" lines, kinds as in
// ReadGazetteer) and the common lower-case words.
func (m *Model) setLists(gaz, common []string) {
	m.gazNames, m.commonWords = gaz, common
	m.common = make(map[uint64]struct{}, len(common))
	for _, w := range common {
		m.common[hashLower(w)] = struct{}{}
	}
	m.gaz = make(map[uint64]uint8, len(gaz))
	for _, line := range gaz {
		kind, name, ok := strings.Cut(line, "\t")
		if !ok || len(kind) != 1 {
			continue
		}
		var key uint64
		n := 0
		for _, part := range strings.Fields(name) {
			n++
			key = gazKey(hashLower(part), key, n)
		}
		if n == 0 || n > maxGaz {
			continue
		}
		if old, ok := m.gaz[key]; !ok || kind[0]-'0' > old {
			m.gaz[key] = kind[0] - '0'
		}
	}
}

// setNames installs the training-derived name list ("word\tTYPE" lines).
func (m *Model) setNames(lines []string) {
	m.nameWords = lines
	m.names = make(map[uint64]uint8, len(lines))
	for _, l := range lines {
		w, t, ok := strings.Cut(l, "\t")
		if i := typeIndex(t); ok && i >= 0 {
			m.names[hashLower(w)] = uint8(i + 1)
		}
	}
}

// ErrFormat is returned by Load for a file that is not a kilde NER model of
// this version.
var ErrFormat = errors.New("not a kilde NER model of format version 1 or 2")

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	var head [12]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return nil, fmt.Errorf("ner: load model: %w", err)
	}
	version := binary.LittleEndian.Uint32(head[8:])
	if string(head[:8]) != magic || version < 1 || version > formatVersion {
		return nil, fmt.Errorf("ner: load model: %w", ErrFormat)
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: load model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	m := &Model{}
	le := binary.LittleEndian
	var n32 uint32
	readStr := func() (string, error) {
		if err := binary.Read(br, le, &n32); err != nil {
			return "", err
		}
		if n32 > 64<<20 {
			return "", ErrFormat
		}
		b := make([]byte, n32)
		_, err := io.ReadFull(br, b)
		return string(b), err
	}
	fail := func(err error) (*Model, error) { return nil, fmt.Errorf("ner: load model: %w", err) }
	meta, err := readStr()
	if err != nil {
		return fail(err)
	}
	if err := json.Unmarshal([]byte(meta), &m.Meta); err != nil {
		return fail(err)
	}
	var nl, nrows uint32
	if err := binary.Read(br, le, &nl); err != nil {
		return fail(err)
	}
	if int(nl) != nLabels {
		return fail(ErrFormat)
	}
	if err := binary.Read(br, le, &nrows); err != nil {
		return fail(err)
	}
	if nrows > 1<<24 {
		return fail(ErrFormat)
	}
	keys := make([]uint64, nrows)
	m.w = make([]int16, int(nrows)*nLabels)
	m.trans = make([]float32, (nLabels+1)*nLabels)
	m.end = make([]float32, nLabels)
	for _, v := range []any{keys, m.w, &m.scale, m.trans, m.end} {
		if err := binary.Read(br, le, v); err != nil {
			return fail(err)
		}
	}
	gaz, err := readStr()
	if err != nil {
		return fail(err)
	}
	common, err := readStr()
	if err != nil {
		return fail(err)
	}
	names, err := readStr()
	if err != nil {
		return fail(err)
	}
	m.setNames(splitLines(names))
	if version >= 2 {
		clusters, err := readStr()
		if err != nil {
			return fail(err)
		}
		dict, err := readStr()
		if err != nil {
			return fail(err)
		}
		m.setExtra(splitLines(clusters), splitLines(dict))
	}
	m.buildTable(keys)
	m.setLists(splitLines(gaz), splitLines(common))
	return m, nil
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// WriteTo writes the model: magic, version, then a gzip stream.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	le := binary.LittleEndian
	var head [12]byte
	copy(head[:], magic)
	le.PutUint32(head[8:], formatVersion)
	if _, err := cw.Write(head[:]); err != nil {
		return cw.n, err
	}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	writeStr := func(s string) {
		binary.Write(bw, le, uint32(len(s)))
		bw.WriteString(s)
	}
	meta, _ := json.Marshal(m.Meta)
	writeStr(string(meta))
	// Rows in table order are fine; collect the keys by row.
	nrows := len(m.w) / nLabels
	keys := make([]uint64, nrows)
	for i, k := range m.keys {
		if k != 0 {
			keys[m.rows[i]] = k
		}
	}
	binary.Write(bw, le, uint32(nLabels))
	binary.Write(bw, le, uint32(nrows))
	for _, v := range []any{keys, m.w, m.scale, m.trans, m.end} {
		binary.Write(bw, le, v)
	}
	writeStr(strings.Join(m.gazNames, "\n"))
	writeStr(strings.Join(m.commonWords, "\n"))
	writeStr(strings.Join(m.nameWords, "\n"))
	writeStr(strings.Join(m.clusterWords, "\n"))
	writeStr(strings.Join(m.dictWords, "\n"))
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// quantize builds the run-time model from float weights: rows whose largest
// weight is below minAbs are dropped, the rest stored as int16.
func quantize(keys []uint64, w []float32, trans, end []float32, minAbs float32) *Model {
	maxAbs := float32(0)
	for _, x := range w {
		if a := float32(math.Abs(float64(x))); a > maxAbs {
			maxAbs = a
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	m := &Model{scale: scale, trans: trans, end: end}
	var kept []uint64
	for r, k := range keys {
		row := w[r*nLabels : (r+1)*nLabels]
		big := false
		for _, x := range row {
			if x > minAbs || x < -minAbs {
				big = true
				break
			}
		}
		if !big {
			continue
		}
		kept = append(kept, k)
		for _, x := range row {
			m.w = append(m.w, int16(math.Round(float64(x/scale))))
		}
	}
	m.buildTable(kept)
	return m
}
