package ner

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"io/fs"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word clusters: words that occur in similar contexts in unlabeled text get
// the same id, at three granularities (a hierarchy: every fine cluster lies
// inside one middle and one coarse cluster). The tagger uses them as
// features, so that a name it never saw in training but that occurs like
// known names in running text gets their evidence.
//
// The clustering is distributional: each frequent word is a vector of PPMI
// weighted counts of its left and right neighbours (among the most frequent
// context words), randomly projected to a dense vector, L2-normalized, then
// clustered by k-means top-down: ClusterLevels[0] clusters, each split into
// ClusterLevels[1], each of those into ClusterLevels[2]. Everything is
// deterministic for a given corpus and seed.

// ClusterLevels are the branching factors of the three levels.
var ClusterLevels = [3]int{16, 8, 8}

// ClusterOptions configure BuildClusters.
type ClusterOptions struct {
	Words    int   // cluster at most this many most frequent words (default 40000)
	MinCount int   // and only words seen at least this often (default 3)
	Contexts int   // context vocabulary size (default 1000)
	Dims     int   // random projection size (default 96)
	Iters    int   // k-means iterations per split (default 12)
	Seed     int64 // projection and k-means++ seed
}

// BuildClusters clusters the frequent words of sents (token sequences) and
// returns "word<TAB>id" lines, id = coarse*L1*L2 + middle*L2 + fine, sorted
// by word.
func BuildClusters(sents [][]string, opt ClusterOptions) []string {
	if opt.Words <= 0 {
		opt.Words = 40000
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 3
	}
	if opt.Contexts <= 0 {
		opt.Contexts = 1000
	}
	if opt.Dims <= 0 {
		opt.Dims = 96
	}
	if opt.Iters <= 0 {
		opt.Iters = 12
	}
	// Word and context frequencies (contexts are lower-cased).
	freq := map[string]int{}
	cfreq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[w]++
			cfreq[strings.ToLower(w)]++
		}
	}
	type wc struct {
		w string
		n int
	}
	byFreq := func(m map[string]int, min int) []wc {
		var out []wc
		for w, n := range m {
			if n >= min {
				out = append(out, wc{w, n})
			}
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].n != out[j].n {
				return out[i].n > out[j].n
			}
			return out[i].w < out[j].w
		})
		return out
	}
	words := byFreq(freq, opt.MinCount)
	if len(words) > opt.Words {
		words = words[:opt.Words]
	}
	ctxs := byFreq(cfreq, 1)
	if len(ctxs) > opt.Contexts {
		ctxs = ctxs[:opt.Contexts]
	}
	if len(words) == 0 {
		return nil
	}
	wid := make(map[string]int, len(words))
	for i, x := range words {
		wid[x.w] = i
	}
	cid := make(map[string]int, len(ctxs))
	for i, x := range ctxs {
		cid[x.w] = i
	}
	nc := len(ctxs) + 1 // last: sentence boundary
	// Sparse counts: word → (context feature → count); left contexts are
	// 0..nc-1, right contexts nc..2nc-1.
	counts := make([]map[int32]float32, len(words))
	for i := range counts {
		counts[i] = map[int32]float32{}
	}
	ctx := func(s []string, j int) int {
		if j < 0 || j >= len(s) {
			return nc - 1
		}
		if c, ok := cid[strings.ToLower(s[j])]; ok {
			return c
		}
		return -1
	}
	colSum := make([]float64, 2*nc)
	total := 0.0
	for _, s := range sents {
		for j, w := range s {
			i, ok := wid[w]
			if !ok {
				continue
			}
			if c := ctx(s, j-1); c >= 0 {
				counts[i][int32(c)]++
				colSum[c]++
				total++
			}
			if c := ctx(s, j+1); c >= 0 {
				counts[i][int32(nc+c)]++
				colSum[nc+c]++
				total++
			}
		}
	}
	// Random projection matrix (2nc × dims), Gaussian, seeded.
	rng := rand.New(rand.NewSource(opt.Seed))
	d := opt.Dims
	proj := make([]float32, 2*nc*d)
	for i := range proj {
		proj[i] = float32(rng.NormFloat64())
	}
	vecs := make([]float32, len(words)*d)
	keys := make([]int32, 0, 64)
	for i, cs := range counts {
		rowSum := 0.0
		keys = keys[:0]
		for c, n := range cs {
			rowSum += float64(n)
			keys = append(keys, c)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		v := vecs[i*d : (i+1)*d]
		for _, c := range keys {
			pmi := math.Log(float64(cs[c]) * total / (rowSum * colSum[c]))
			if pmi <= 0 {
				continue
			}
			p := proj[int(c)*d : int(c)*d+d]
			for k := range v {
				v[k] += float32(pmi) * p[k]
			}
		}
		normalize(v)
	}
	// Top-down k-means.
	ids := make([]int, len(words))
	all := make([]int, len(words))
	for i := range all {
		all[i] = i
	}
	var split func(members []int, level, base int)
	split = func(members []int, level, base int) {
		if level == len(ClusterLevels) {
			for _, i := range members {
				ids[i] = base
			}
			return
		}
		k := ClusterLevels[level]
		assign := kmeans(vecs, d, members, k, opt.Iters, rng)
		groups := make([][]int, k)
		for j, i := range members {
			groups[assign[j]] = append(groups[assign[j]], i)
		}
		for g := range groups {
			split(groups[g], level+1, base*k+g)
		}
	}
	split(all, 0, 0)
	out := make([]string, len(words))
	for i, x := range words {
		out[i] = x.w + "\t" + strconv.Itoa(ids[i])
	}
	sort.Strings(out)
	return out
}

func normalize(v []float32) {
	s := 0.0
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for k := range v {
		v[k] *= inv
	}
}

// kmeans clusters the vectors of members into k groups (spherical k-means,
// k-means++ seeding) and returns each member's group.
func kmeans(vecs []float32, d int, members []int, k, iters int, rng *rand.Rand) []int {
	assign := make([]int, len(members))
	if len(members) < k {
		k = len(members)
	}
	if k <= 1 {
		return assign
	}
	vec := func(i int) []float32 { return vecs[i*d : (i+1)*d] }
	dot := func(a, b []float32) float32 {
		s := float32(0)
		for x := range a {
			s += a[x] * b[x]
		}
		return s
	}
	cent := make([]float32, k*d)
	// k-means++ on cosine distance.
	copy(cent[:d], vec(members[rng.Intn(len(members))]))
	dist := make([]float64, len(members))
	for j, i := range members {
		dist[j] = math.Max(0, float64(1-dot(vec(i), cent[:d])))
	}
	for c := 1; c < k; c++ {
		sum := 0.0
		for _, x := range dist {
			sum += x * x
		}
		pick := 0
		if sum > 0 {
			r := rng.Float64() * sum
			for j, x := range dist {
				r -= x * x
				if r <= 0 {
					pick = j
					break
				}
			}
		} else {
			pick = rng.Intn(len(members))
		}
		cc := cent[c*d : (c+1)*d]
		copy(cc, vec(members[pick]))
		for j, i := range members {
			if x := math.Max(0, float64(1-dot(vec(i), cc))); x < dist[j] {
				dist[j] = x
			}
		}
	}
	for it := 0; it < iters; it++ {
		changed := false
		for j, i := range members {
			v := vec(i)
			best, arg := float32(-2), 0
			for c := 0; c < k; c++ {
				if s := dot(v, cent[c*d:(c+1)*d]); s > best {
					best, arg = s, c
				}
			}
			if it == 0 || assign[j] != arg {
				changed = true
			}
			assign[j] = arg
		}
		if !changed {
			break
		}
		for x := range cent {
			cent[x] = 0
		}
		for j, i := range members {
			cc := cent[assign[j]*d : (assign[j]+1)*d]
			for x, y := range vec(i) {
				cc[x] += y
			}
		}
		for c := 0; c < k; c++ {
			normalize(cent[c*d : (c+1)*d])
		}
	}
	return assign
}

// clusterLevelsOf splits a cluster id into its three level ids (each
// prefixed by the level, so they hash apart).
func clusterLevelsOf(id uint32) [3]uint64 {
	l2 := uint32(ClusterLevels[1] * ClusterLevels[2])
	return [3]uint64{
		1<<20 | uint64(id/l2),
		2<<20 | uint64(id/uint32(ClusterLevels[2])),
		3<<20 | uint64(id),
	}
}

// ReadTextDirs reads the running text of the HTML (.html, .htm, .xhp) and
// plain-text (.txt) files under dirs, in lexical path order, and returns it
// tokenized, one token sequence per paragraph (block element or line).
func ReadTextDirs(dirs []string) ([][]string, error) {
	var out [][]string
	for _, dir := range dirs {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("ner: unlabeled text: %w", err)
		}
		err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			ext := strings.ToLower(filepath.Ext(path))
			if ext != ".html" && ext != ".htm" && ext != ".xhp" && ext != ".txt" {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			text := string(b)
			if ext != ".txt" {
				text = stripHTML(text)
			}
			for _, line := range strings.Split(text, "\n") {
				if toks := SimpleTokens(line); len(toks) >= 3 {
					out = append(out, toks)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("ner: unlabeled text: %w", err)
		}
	}
	return out, nil
}

// stripHTML returns the text of an HTML page: tags removed (block tags
// become line breaks), script and style dropped, entities decoded.
func stripHTML(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(strings.ReplaceAll(s[i:i+j], "\n", " "))
			i += j
			continue
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		tag := strings.ToLower(s[i+1 : i+j])
		i += j + 1
		name := strings.TrimPrefix(tag, "/")
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		if (name == "script" || name == "style") && !strings.HasPrefix(tag, "/") {
			if k := strings.Index(strings.ToLower(s[i:]), "</"+name); k >= 0 {
				i += k
			}
			continue
		}
		switch name {
		case "p", "br", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "title", "dt", "dd", "pre", "table", "ul", "ol", "paragraph", "section", "bookmark_value", "caption", "tip", "note", "warning":
			b.WriteByte('\n')
		}
	}
	return html.UnescapeString(b.String())
}

// SimpleTokens splits a line into DaN+-style tokens: white space separates
// tokens, punctuation at a word's edges is its own token, a word-internal
// hyphen, period, apostrophe or slash stays ("ISIS-krigere", "A/S", "U.S.").
func SimpleTokens(line string) []string {
	var out []string
	for _, f := range strings.Fields(line) {
		// Leading punctuation.
		for f != "" {
			r, n := utf8.DecodeRuneInString(f)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			out = append(out, f[:n])
			f = f[n:]
		}
		var tail []string
		for f != "" {
			r, n := utf8.DecodeLastRuneInString(f)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			// Keep the period of an abbreviation with inner periods ("U.S.").
			if r == '.' && strings.Contains(f[:len(f)-n], ".") {
				break
			}
			tail = append(tail, f[len(f)-n:])
			f = f[:len(f)-n]
		}
		if f != "" {
			out = append(out, f)
		}
		for k := len(tail) - 1; k >= 0; k-- {
			out = append(out, tail[k])
		}
	}
	return out
}

// ReadHunspellDic reads the word list of a hunspell .dic file (the first
// line is the entry count; an entry is word[/flags][ morphology]) and
// returns the distinct words, sorted. A word that has placeFlag among its
// flags (numeric flags, comma-separated; the Danish dictionary marks place
// names with 54, the prefixes Nord-, Syd-, ...) is returned as
// "word<TAB>P"; placeFlag "" marks none.
func ReadHunspellDic(r io.Reader, placeFlag string) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	seen := map[string]bool{}
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			first = false
			if _, err := strconv.Atoi(strings.TrimSpace(strings.Fields(line + " x")[0])); err == nil {
				continue
			}
		}
		w := line
		flags := ""
		if i := strings.IndexAny(w, "/ \t"); i >= 0 {
			if w[i] == '/' {
				flags = w[i+1:]
				if j := strings.IndexAny(flags, " \t"); j >= 0 {
					flags = flags[:j]
				}
			}
			w = w[:i]
		}
		if w == "" || strings.HasPrefix(w, "#") || !utf8.ValidString(w) {
			continue
		}
		if placeFlag != "" && slices.Contains(strings.Split(flags, ","), placeFlag) {
			w += "\tP"
		}
		seen[w] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: hunspell dictionary: %w", err)
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return out, nil
}

// Dictionary kinds of a lower-cased form (bits).
const (
	dictLower = 1 // the dictionary has the form in lower case
	dictCap   = 2 // the dictionary has it capitalized (a proper noun)
	dictPlace = 4 // … marked as a place name
)

// dictTagBits are the bits of the type letters a dictionary line may carry
// after a tab: P place (hunspell), and O organisation, T place, A first
// name, C surname, M other name (typed name lists).
var dictTagBits = map[byte]uint8{'P': dictPlace, 'O': 8, 'T': 16, 'A': 32, 'C': 64, 'M': 128}

// setExtra installs the word clusters ("word\tid") and the dictionary words.
func (m *Model) setExtra(clusters, dict []string) {
	m.clusterWords, m.dictWords = clusters, dict
	m.clusters = nil
	if len(clusters) > 0 {
		m.clusters = make(map[uint64]uint32, len(clusters))
		for _, l := range clusters {
			w, id, ok := strings.Cut(l, "\t")
			if n, err := strconv.ParseUint(id, 10, 32); ok && err == nil {
				m.clusters[hashString(w)] = uint32(n) + 1
			}
		}
	}
	m.dict = nil
	if len(dict) > 0 {
		m.dict = make(map[uint64]uint8, len(dict))
		for _, w := range dict {
			r, _ := utf8.DecodeRuneInString(w)
			bit := uint8(dictLower)
			if unicode.IsUpper(r) {
				bit = dictCap
			}
			if x, tags, ok := strings.Cut(w, "\t"); ok {
				w = x
				for k := 0; k < len(tags); k++ {
					bit |= dictTagBits[tags[k]]
				}
			}
			m.dict[hashLower(w)] |= bit
		}
	}
}
