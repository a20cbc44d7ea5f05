package ner

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/eval"
	"github.com/kilde-news/kilde/lexicon"
)

// Sentence is a tokenized sentence with BILOU label ids, as read from a
// CoNLL-style file.
type Sentence struct {
	Words  []string
	Labels []int
}

// ReadCoNLL reads `token<TAB>label[<TAB>...]` lines with a blank line
// between sentences (DaN+ uses the first label column, GUM has only one).
// BIO labels become BILOU; labels other than B-/I- PER, ORG, LOC, MISC
// (DaN+'s `*part` and `*deriv`) become O.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var words, bio []string
	flush := func() {
		if len(words) > 0 {
			out = append(out, Sentence{Words: words, Labels: bioToBILOU(bio)})
		}
		words, bio = nil, nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(s, "#") && !strings.Contains(s, "\t") {
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("ner: line %d: want token<TAB>label", line)
		}
		words = append(words, cols[0])
		bio = append(bio, cols[1])
	}
	flush()
	return out, sc.Err()
}

func typeIndex(t string) int {
	for i, x := range Types {
		if x == t {
			return i
		}
	}
	return -1
}

func bioToBILOU(bio []string) []int {
	out := make([]int, len(bio))
	typ := make([]int, len(bio))
	begin := make([]bool, len(bio))
	for i, l := range bio {
		typ[i] = -1
		if len(l) > 2 && l[1] == '-' && (l[0] == 'B' || l[0] == 'I') {
			typ[i] = typeIndex(l[2:])
			begin[i] = l[0] == 'B'
		}
	}
	for i := range bio {
		t := typ[i]
		if t < 0 {
			continue
		}
		startsHere := begin[i] || i == 0 || typ[i-1] != t
		continues := i+1 < len(bio) && typ[i+1] == t && !begin[i+1]
		switch {
		case startsHere && !continues:
			out[i] = labelID(t, posU)
		case startsHere:
			out[i] = labelID(t, posB)
		case continues:
			out[i] = labelID(t, posI)
		default:
			out[i] = labelID(t, posL)
		}
	}
	return out
}

// Evaluate tags sents with m and scores exact token spans per label (CoNLL).
// It returns the table and the number of words tagged.
func Evaluate(m *Model, sents []Sentence) (eval.Table, int) {
	t := eval.Table{}
	for _, l := range Types {
		t.Get(l)
	}
	words := 0
	var gold, pred []eval.Span
	var ms []Mention
	for _, s := range sents {
		words += len(s.Words)
		gold, pred = gold[:0], pred[:0]
		for _, g := range appendMentions(ms[:0], s.Labels) {
			gold = append(gold, eval.Span{Start: g.Start, End: g.End, Label: g.Label})
		}
		ms = m.AppendTag(ms[:0], s.Words)
		for _, p := range ms {
			pred = append(pred, eval.Span{Start: p.Start, End: p.End, Label: p.Label})
		}
		eval.MatchExact(t, gold, pred)
	}
	return t, words
}

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs int   // passes over the training data
	Seed   int64 // shuffling seed; the same seed gives the same model
	// MinAbs drops feature rows whose largest averaged weight is below it.
	MinAbs float32
	// Gazetteer lines "kind<TAB>name" (kind 1 city, 2 country, 3 region),
	// stored in the model.
	Gazetteer []string
	// Progress, if set, is called after each epoch with the dev scores.
	// Progress is called with epoch 1, 2, ... across runs, and with epoch 0
	// for the averaged model of several runs.
	Progress func(epoch int, dev eval.Table, rows int)
	// Runs > 1 trains that many models with seeds Seed, Seed+1, ... (each
	// at its best dev epoch) and averages their weights.
	Runs int
	// OBias is the O-label bias stored in the model when dev is empty (a
	// final model trained on train+dev, with the bias chosen on dev before).
	OBias float32
	// Clusters ("word<TAB>id" lines, BuildClusters) and Dict (dictionary
	// words, ReadHunspellDic) are stored in the model and used as features.
	Clusters []string
	Dict     []string
	Meta     Meta
}

// Train trains an averaged structured perceptron (first-order Viterbi over
// BILOU labels) and returns the model of the epoch with the best dev micro
// F1 (the last epoch if dev is empty); with Runs > 1, the average of the
// runs' best models.
func Train(train, dev []Sentence, opt TrainOptions) (*Model, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("ner: train: no sentences")
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	base := &Model{}
	base.setLists(opt.Gazetteer, commonWords(train))
	base.setNames(nameList(train, -1))
	base.setExtra(opt.Clusters, opt.Dict)
	// The name list seen by a training sentence is built from the other
	// folds (jackknifing), so that the model learns how far to trust it on
	// words it has not seen.
	folds := make([]*Model, nameFolds)
	for k := range folds {
		folds[k] = &Model{gaz: base.gaz, common: base.common, clusters: base.clusters, dict: base.dict}
		folds[k].setNames(nameList(train, k))
	}

	// Features never depend on labels: extract them once, as row indexes.
	index := map[uint64]int32{}
	var keys []uint64
	data := make([]sentFeats, len(train))
	s := base.getScratch()
	for si, sent := range train {
		folds[foldOf(sent)].prepare(s, sent.Words)
		fd := sentFeats{off: make([]int32, 0, len(sent.Words)+1), gold: sent.Labels}
		for i := range sent.Words {
			fd.off = append(fd.off, int32(len(fd.ids)))
			s.feats = features(s.feats[:0], s.infos, i)
			for _, h := range s.feats {
				r, ok := index[h]
				if !ok {
					r = int32(len(keys))
					index[h] = r
					keys = append(keys, h)
				}
				fd.ids = append(fd.ids, r)
			}
		}
		fd.off = append(fd.off, int32(len(fd.ids)))
		data[si] = fd
	}
	runs := max(opt.Runs, 1)
	type weights struct{ w, tw, ew []float32 }
	var sum weights
	var best *Model
	for run := 0; run < runs; run++ {
		seed := opt.Seed + int64(run)
		wts, m := trainRun(data, keys, base, dev, seed, opt, run)
		if runs == 1 {
			if len(dev) == 0 {
				m.Meta.OBias = opt.OBias
			}
			tuneOBias(m, dev)
			return m, nil
		}
		if sum.w == nil {
			sum = weights{make([]float32, len(wts[0])), make([]float32, len(wts[1])), make([]float32, len(wts[2]))}
		}
		for k, dst := range [][]float32{sum.w, sum.tw, sum.ew} {
			for i, x := range wts[k] {
				dst[i] += x / float32(runs)
			}
		}
		best = m
	}
	m := quantize(keys, sum.w, sum.tw, sum.ew, opt.MinAbs)
	m.setLists(base.gazNames, base.commonWords)
	m.setNames(base.nameWords)
	m.setExtra(base.clusterWords, base.dictWords)
	m.Meta = opt.Meta
	m.Meta.Epochs = best.Meta.Epochs
	m.Meta.Seed = opt.Seed
	m.Meta.Runs = runs
	m.Meta.Features = len(m.w) / nLabels
	if len(dev) > 0 {
		t, _ := Evaluate(m, dev)
		m.Meta.DevF1 = t.Micro().F1()
		if opt.Progress != nil {
			opt.Progress(0, t, m.Meta.Features)
		}
	}
	if len(dev) == 0 {
		m.Meta.OBias = opt.OBias
	}
	tuneOBias(m, dev)
	return m, nil
}

// tuneOBias sets m.Meta.OBias to the value from a small grid with the best
// dev micro F1 (ties go to the value nearer 0), and DevF1 to that score.
func tuneOBias(m *Model, dev []Sentence) {
	if len(dev) == 0 {
		return
	}
	best, bestF1 := float32(0), -1.0
	for _, b := range []float32{0, -1, -2, -3, -4, -6, -8} {
		m.Meta.OBias = b
		t, _ := Evaluate(m, dev)
		if f1 := t.Micro().F1(); f1 > bestF1+1e-9 {
			best, bestF1 = b, f1
		}
	}
	m.Meta.OBias = best
	m.Meta.DevF1 = bestF1
}

// sentFeats are a training sentence's feature rows and gold labels.
type sentFeats struct {
	off  []int32 // per token, start in ids; len n+1
	ids  []int32
	gold []int
}

// trainRun trains one averaged perceptron with seed and returns the
// averaged weights (features, transitions, end) and the model of the epoch
// with the best dev F1 (the last epoch if dev is empty).
func trainRun(data []sentFeats, keys []uint64, base *Model, dev []Sentence, seed int64, opt TrainOptions, run int) ([3][]float32, *Model) {
	nl := nLabels
	s := base.getScratch()
	w := make([]float32, len(keys)*nl)
	u := make([]float32, len(keys)*nl)
	tw := make([]float32, (nl+1)*nl)
	tu := make([]float32, (nl+1)*nl)
	ew := make([]float32, nl)
	eu := make([]float32, nl)
	c := float32(1)
	rng := rand.New(rand.NewSource(seed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var best *Model
	var bestW [3][]float32
	bestF1 := -1.0
	upd := func(w, u []float32, i int, d float32) { w[i] += d; u[i] += c * d }
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			fd := &data[si]
			n := len(fd.gold)
			s.em = grow(s.em, n*nl)
			for i := 0; i < n; i++ {
				e := s.em[i*nl : (i+1)*nl]
				for l := range e {
					e[l] = 0
				}
				for _, r := range fd.ids[fd.off[i]:fd.off[i+1]] {
					row := w[int(r)*nl : int(r)*nl+nl]
					for l, x := range row {
						e[l] += x
					}
				}
			}
			pred := viterbi(s, n, tw, ew)
			prevG, prevP := nl, nl
			for i := 0; i < n; i++ {
				g, p := fd.gold[i], pred[i]
				if g != p {
					for _, r := range fd.ids[fd.off[i]:fd.off[i+1]] {
						upd(w, u, int(r)*nl+g, 1)
						upd(w, u, int(r)*nl+p, -1)
					}
				}
				if g != p || prevG != prevP {
					upd(tw, tu, prevG*nl+g, 1)
					upd(tw, tu, prevP*nl+p, -1)
				}
				prevG, prevP = g, p
			}
			if prevG != prevP {
				upd(ew, eu, prevG, 1)
				upd(ew, eu, prevP, -1)
			}
			c++
		}
		avg := func(w, u []float32) []float32 {
			out := make([]float32, len(w))
			for i := range w {
				out[i] = w[i] - u[i]/c
			}
			return out
		}
		aw := [3][]float32{avg(w, u), avg(tw, tu), avg(ew, eu)}
		m := quantize(keys, aw[0], aw[1], aw[2], opt.MinAbs)
		m.setLists(base.gazNames, base.commonWords)
		m.setNames(base.nameWords)
		m.setExtra(base.clusterWords, base.dictWords)
		m.Meta = opt.Meta
		m.Meta.Epochs = ep
		m.Meta.Seed = seed
		m.Meta.Features = len(m.w) / nl
		if len(dev) == 0 {
			best, bestW = m, aw
			if opt.Progress != nil {
				opt.Progress(run*opt.Epochs+ep, nil, m.Meta.Features)
			}
			continue
		}
		t, _ := Evaluate(m, dev)
		f1 := t.Micro().F1()
		m.Meta.DevF1 = f1
		if opt.Progress != nil {
			opt.Progress(run*opt.Epochs+ep, t, m.Meta.Features)
		}
		if f1 > bestF1 {
			best, bestF1, bestW = m, f1, aw
		}
	}
	return bestW, best
}

// commonWords lists the lower-case alphabetic words seen at least twice in
// the training text in lower case: a capitalized word whose lower form is
// common is probably capitalized only because it starts a sentence.
func commonWords(sents []Sentence) []string {
	n := map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			lower := true
			for _, r := range w {
				if !unicode.IsLower(r) {
					lower = false
					break
				}
			}
			if lower && w != "" {
				n[w]++
			}
		}
	}
	var out []string
	for w, k := range n {
		if k >= 2 {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// ReadGazetteer reads GeoNames world-cities.csv (name,country,subcountry,
// geonameid) and the embedded lexicons into
// "kind<TAB>name" lines: 1 city, 2 country, 3 region of a country, 4 world
// region, 5 first name (lexicon/all/quote_firstnames.tsv, if present), 6
// organisation (lexicon/all/ner_orgs.txt); sorted and without duplicates.
func ReadGazetteer(r io.Reader) ([]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("ner: gazetteer: %w", err)
	}
	seen := map[string]bool{}
	var out []string
	add := func(kind byte, name string) {
		name = strings.TrimSpace(name)
		if name == "" || len(strings.Fields(name)) > maxGaz {
			return
		}
		l := string(kind) + "\t" + name
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	for i, rec := range recs {
		if i == 0 || len(rec) < 3 {
			continue
		}
		add('1', rec[0])
		add('2', rec[1])
		add('3', rec[2])
	}
	// Danish and English country and continent names (CLDR), which the
	// English-only GeoNames list lacks ("Tyskland", "Europa").
	rows, err := lexicon.Rows("all/ner_countries.tsv", 2)
	if err != nil {
		return nil, fmt.Errorf("ner: gazetteer: %w", err)
	}
	for _, r := range rows {
		if r[1] == "region" {
			add('4', r[0])
		} else {
			add('2', r[0])
		}
	}
	// First names (kind 5), from the quote annotator's list, if present.
	if rows, err := lexicon.Rows("all/quote_firstnames.tsv", 1); err == nil {
		for _, r := range rows {
			add('5', r[0])
		}
	}
	// Organisations (kind 6).
	rows, err = lexicon.Rows("all/ner_orgs.txt", 1)
	if err != nil {
		return nil, fmt.Errorf("ner: gazetteer: %w", err)
	}
	for _, r := range rows {
		add('6', r[0])
	}
	rows, err = lexicon.Rows("da/ner_places.tsv", 2)
	if err != nil {
		return nil, fmt.Errorf("ner: gazetteer: %w", err)
	}
	for _, r := range rows {
		if r[1] == "region" {
			add('3', r[0])
		} else {
			add('1', r[0])
		}
	}
	sort.Strings(out)
	return out, nil
}

const nameFolds = 5

// foldOf assigns a sentence to a fold by its words, so that a sentence
// given twice lands in the same fold.
func foldOf(s Sentence) int {
	h := fnvOffset
	for _, w := range s.Words {
		h = mix(h, hashString(w))
	}
	return int(h % nameFolds)
}

// nameList lists the lower-cased words that were part of a name in at least
// two thirds of their training occurrences (and at least twice), with that
// name's type. Sentences of fold skip (see foldOf) are left out; -1
// uses all.
func nameList(sents []Sentence, skip int) []string {
	type count struct{ all, typ [4]int }
	total := map[string]int{}
	typed := map[string]*[4]int{}
	for _, s := range sents {
		if foldOf(s) == skip {
			continue
		}
		for i, w := range s.Words {
			lw := strings.ToLower(w)
			total[lw]++
			if l := s.Labels[i]; l != 0 {
				c := typed[lw]
				if c == nil {
					c = &[4]int{}
					typed[lw] = c
				}
				c[labelType(l)]++
			}
		}
	}
	var out []string
	for w, c := range typed {
		best := 0
		for t := range c {
			if c[t] > c[best] {
				best = t
			}
		}
		if c[best] >= 2 && 3*c[best] >= 2*total[w] {
			out = append(out, w+"\t"+Types[best])
		}
	}
	sort.Strings(out)
	return out
}

// EvaluateDocs scores the whole annotator (tagger, rules after it,
// propagation, label vote) on sents, grouped into documents: docs[k] is the
// number of sentences of document k, in order (nil: every sentence is its
// own document). Each document is the words joined by single spaces, one
// token a word, one sentence a CoNLL sentence; lang sets Doc.Lang.
func EvaluateDocs(a *Annotator, sents []Sentence, docs []int, lang string) (eval.Table, int) {
	t := eval.Table{}
	for _, l := range Types {
		t.Get(l)
	}
	if docs == nil {
		docs = make([]int, len(sents))
		for i := range docs {
			docs[i] = 1
		}
	}
	words := 0
	var ms []Mention
	s0 := 0
	for _, n := range docs {
		if s0+n > len(sents) {
			n = len(sents) - s0
		}
		group := sents[s0 : s0+n]
		s0 += n
		var b strings.Builder
		var first []int // first token of each sentence
		nt := 0
		for _, s := range group {
			first = append(first, nt)
			nt += len(s.Words)
			for _, w := range s.Words {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(w)
			}
		}
		d := kilde.NewDoc(kilde.Article{Lang: lang, Text: b.String()})
		off := 0
		for _, s := range group {
			sStart := -1
			for _, w := range s.Words {
				if off > 0 {
					off++
				}
				kind := kilde.Punct
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsLetter(r) {
					kind = kilde.Word
				} else if unicode.IsDigit(r) {
					kind = kilde.Number
				}
				if sStart < 0 {
					sStart = off
				}
				d.Tokens = append(d.Tokens, kilde.Token{Span: kilde.Span{Start: off, End: off + len(w)}, Kind: kind})
				off += len(w)
			}
			if sStart >= 0 {
				d.Sentences = append(d.Sentences, kilde.Span{Start: sStart, End: off})
			}
		}
		_ = a.Annotate(d)
		// Score per sentence on token indexes.
		tok := 0
		ent := 0
		var gold, pred []eval.Span
		for si, s := range group {
			words += len(s.Words)
			base := first[si]
			gold, pred = gold[:0], pred[:0]
			for _, g := range appendMentions(ms[:0], s.Labels) {
				gold = append(gold, eval.Span{Start: g.Start, End: g.End, Label: g.Label})
			}
			end := base + len(s.Words)
			for ent < len(d.Entities) && (len(s.Words) == 0 || d.Entities[ent].Start < d.Tokens[end-1].End) {
				e := d.Entities[ent]
				ent++
				for tok < end && d.Tokens[tok].End <= e.Start {
					tok++
				}
				i := tok
				j := i
				for j < end && d.Tokens[j].Start < e.End {
					j++
				}
				if i < j {
					pred = append(pred, eval.Span{Start: i - base, End: j - base, Label: e.Label})
				}
			}
			eval.MatchExact(t, gold, pred)
		}
	}
	return t, words
}
