package ner

import "math"

// Mention is an entity found by Tag: tokens [Start, End) of the sentence.
type Mention struct {
	Start, End int
	Label      string
}

type scratch struct {
	infos  []tokInfo
	runes  []rune
	feats  []uint64
	em     []float32
	delta  []float32
	back   []uint8
	labels []int
}

var allowedTab = func() []bool {
	t := make([]bool, (nLabels+1)*(nLabels+1))
	for a := 0; a <= nLabels; a++ {
		for b := 0; b <= nLabels; b++ {
			t[a*(nLabels+1)+b] = allowed(a, b)
		}
	}
	return t
}()

func isAllowed(a, b int) bool { return allowedTab[a*(nLabels+1)+b] }

// preds[b] lists the labels that may precede label b.
var preds = func() [][]uint8 {
	p := make([][]uint8, nLabels)
	for b := 0; b < nLabels; b++ {
		for a := 0; a < nLabels; a++ {
			if allowed(a, b) {
				p[b] = append(p[b], uint8(a))
			}
		}
	}
	return p
}()

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{runes: make([]rune, 0, 128)}
}

// prepare computes the token infos of a sentence.
func (m *Model) prepare(s *scratch, words []string) {
	if cap(s.infos) < len(words) {
		s.infos = make([]tokInfo, len(words), 2*len(words))
	}
	s.infos = s.infos[:len(words)]
	for i, w := range words {
		if len(w) > 200 {
			w = w[:200]
		}
		s.runes = m.info(&s.infos[i], w, s.runes[:0])
	}
	m.markGazetteer(s.infos)
}

// emissions fills s.em with the label scores of each token.
func (m *Model) emissions(s *scratch) {
	n := len(s.infos)
	s.em = grow(s.em, n*nLabels)
	var acc [32]int32
	for i := 0; i < n; i++ {
		s.feats = features(s.feats[:0], s.infos, i)
		for l := 0; l < nLabels; l++ {
			acc[l] = 0
		}
		for _, h := range s.feats {
			row := m.lookup(h)
			if row == nil {
				continue
			}
			for l, x := range row {
				acc[l] += int32(x)
			}
		}
		e := s.em[i*nLabels : (i+1)*nLabels]
		for l := range e {
			e[l] = float32(acc[l]) * m.scale
		}
		e[0] += m.Meta.OBias
	}
}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/2)
	}
	return b[:n]
}

// viterbi returns the best label sequence for the emission scores em
// (n×nLabels) under the transition scores and the BILOU constraints.
func viterbi(s *scratch, n int, trans, end []float32) []int {
	s.labels = grow(s.labels, n)
	if n == 0 {
		return s.labels
	}
	s.delta = grow(s.delta, n*nLabels)
	s.back = grow(s.back, n*nLabels)
	neg := float32(math.Inf(-1))
	em, d := s.em, s.delta
	for b := 0; b < nLabels; b++ {
		if isAllowed(nLabels, b) {
			d[b] = em[b] + trans[nLabels*nLabels+b]
		} else {
			d[b] = neg
		}
	}
	for i := 1; i < n; i++ {
		prev := d[(i-1)*nLabels : i*nLabels]
		cur := d[i*nLabels : (i+1)*nLabels]
		bk := s.back[i*nLabels : (i+1)*nLabels]
		for b := 0; b < nLabels; b++ {
			best, arg := neg, 0
			for _, a8 := range preds[b] {
				a := int(a8)
				if prev[a] == neg {
					continue
				}
				if v := prev[a] + trans[a*nLabels+b]; v > best {
					best, arg = v, a
				}
			}
			cur[b] = best + em[i*nLabels+b]
			bk[b] = uint8(arg)
		}
	}
	last := d[(n-1)*nLabels : n*nLabels]
	best, arg := neg, 0
	for b := 0; b < nLabels; b++ {
		if last[b] == neg || !isAllowed(b, nLabels) {
			continue
		}
		if v := last[b] + end[b]; v > best {
			best, arg = v, b
		}
	}
	for i := n - 1; i >= 0; i-- {
		s.labels[i] = arg
		arg = int(s.back[i*nLabels+arg])
	}
	return s.labels
}

// Tag finds the entities of one sentence given as words.
func (m *Model) Tag(words []string) []Mention {
	return m.AppendTag(nil, words)
}

// AppendTag appends the entities of one sentence to ms.
func (m *Model) AppendTag(ms []Mention, words []string) []Mention {
	if len(words) == 0 {
		return ms
	}
	s := m.getScratch()
	m.prepare(s, words)
	m.emissions(s)
	labels := viterbi(s, len(words), m.trans, m.end)
	ms = appendMentions(ms, labels)
	m.pool.Put(s)
	return ms
}

// appendMentions turns a BILOU label sequence into mentions; it tolerates
// invalid sequences (training-time decoding never produces them).
func appendMentions(ms []Mention, labels []int) []Mention {
	start := -1
	for i, l := range labels {
		if l == 0 {
			start = -1
			continue
		}
		switch labelPos(l) {
		case posU:
			ms = append(ms, Mention{i, i + 1, Types[labelType(l)]})
			start = -1
		case posB:
			start = i
		case posL:
			if start >= 0 && labelType(labels[start]) == labelType(l) {
				ms = append(ms, Mention{start, i + 1, Types[labelType(l)]})
			}
			start = -1
		}
	}
	return ms
}
