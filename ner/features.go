package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is a 64-bit hash of a template id and its
// value; the model maps hashes to weight rows. Changing a template or the
// hash function changes every model: bump formatVersion in model.go.
const (
	tBias uint64 = iota + 1
	tWord
	tLower
	tShape
	tShort
	tPre1
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPrevLower
	tNextLower
	tPrev2Lower
	tNext2Lower
	tPrevShort
	tNextShort
	tShortPrevCur
	tShortCurNext
	tShortTri
	tBigramPrev
	tBigramNext
	tInitShort
	tCapCommon
	tHyphFirst
	tHyphLast
	tHyphFirstShort
	tHyphLastShort
	tGaz
	tGazHyph
	tPrevGaz
	tNextGaz
	tLen
	tAllCapsLen
	tPrevSuf3
	tNextSuf3
	tPrevWordCap
	tLowerCommon
	tNextIsLowerCommon
	tName
	tPrevName
	tNextName
	tHyphName
	tSuf5
	tSuf6
	// Format version 2.
	tClus1
	tClus2
	tClus3
	tPrevClus
	tNextClus
	tClusCap
	tDict
	tDictBit
)

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

func mix(a, b uint64) uint64 {
	h := a ^ (b + 0x9e3779b97f4a7c15 + (a << 6) + (a >> 2))
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// feat combines a template with a value hash; never 0 (0 marks an empty slot).
func feat(t, v uint64) uint64 {
	h := mix(t*0xc2b2ae3d27d4eb4f, v)
	if h == 0 {
		h = 1
	}
	return h
}

func hashString(s string) uint64 {
	h := fnvOffset
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashRunes(rs []rune) uint64 {
	h := fnvOffset
	var buf [4]byte
	for _, r := range rs {
		n := utf8.EncodeRune(buf[:], r)
		for i := 0; i < n; i++ {
			h ^= uint64(buf[i])
			h *= fnvPrime
		}
	}
	return h
}

// hashLower hashes the lower-cased form of s without allocating.
func hashLower(s string) uint64 {
	h := fnvOffset
	var buf [4]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for j := 0; j < n; j++ {
			h ^= uint64(buf[j])
			h *= fnvPrime
		}
	}
	return h
}

// tokInfo is what the features need of one token, computed once per
// sentence.
type tokInfo struct {
	word, lower, shape, short uint64
	pre, suf                  [6]uint64
	hyphFirst, hyphLast       uint64 // lower of first/last hyphen part, 0 if none
	hyphFirstS, hyphLastS     uint64 // short shape of those parts
	gaz                       uint64 // gazetteer position+kind, 0 if none
	gazHyph                   uint64 // gazetteer kind of the first hyphen part
	nrunes                    int
	cap, allCaps, alpha       bool
	common                    bool   // lower form seen lower-case in training
	name, hyphName            uint8  // 1+type the word mostly had in training names, 0 if none
	punctStart                bool   // an opening quote, dash, colon: the next word starts a clause
	clus                      uint32 // 1+word cluster id, 0 if none
	clusLow                   bool   // the cluster is that of the lower-cased form
	dict                      uint8  // dictLower|dictCap of the lower form
}

// stripPossessive removes an English-style possessive ("Trump's", "USA’s")
// so that such tokens look like the bare name the models were trained on.
func stripPossessive(w string) string {
	if n := len(w); n > 2 && (w[n-2] == '\'' && (w[n-1] == 's' || w[n-1] == 'S')) {
		return w[:n-2]
	}
	if n := len(w); n > 4 && strings.HasSuffix(w, "’s") {
		return w[:n-len("’s")]
	}
	return w
}

func shapeOf(rs []rune, long bool) uint64 {
	h := fnvOffset
	var last byte
	run := 0
	for _, r := range rs {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '?'
		}
		if c == last {
			run++
			if !long || run >= 4 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// info fills ti for word w. lowerRunes is scratch space.
func (m *Model) info(ti *tokInfo, w string, scratch []rune) []rune {
	w = stripPossessive(w)
	*ti = tokInfo{}
	rs := scratch[:0]
	for _, r := range w {
		rs = append(rs, r)
	}
	ti.nrunes = len(rs)
	ti.word = hashString(w)
	ti.shape = shapeOf(rs, true)
	ti.short = shapeOf(rs, false)
	if len(rs) > 0 {
		ti.cap = unicode.IsUpper(rs[0])
		ti.allCaps = true
		ti.alpha = true
		for _, r := range rs {
			if !unicode.IsUpper(r) {
				ti.allCaps = false
			}
			if !unicode.IsLetter(r) {
				ti.alpha = false
			}
		}
		if !ti.alpha {
			ti.allCaps = false
		}
		switch rs[0] {
		case '"', '«', '»', '“', '”', '„', '\'', '‘', '’', '-', '–', '—', ':', '(':
			ti.punctStart = len(rs) == 1
		}
	}
	lowStart := len(rs)
	for _, r := range rs[:lowStart] {
		rs = append(rs, unicode.ToLower(r))
	}
	low := rs[lowStart:]
	ti.lower = hashRunes(low)
	for k := 1; k <= len(ti.suf); k++ {
		if k <= len(low) {
			ti.pre[k-1] = hashRunes(low[:k])
			ti.suf[k-1] = hashRunes(low[len(low)-k:])
		}
	}
	if m.common != nil {
		_, ti.common = m.common[ti.lower]
	}
	ti.name = m.names[ti.lower]
	if m.clusters != nil {
		if ti.clus = m.clusters[ti.word]; ti.clus == 0 {
			ti.clus = m.clusters[ti.lower]
			ti.clusLow = ti.clus != 0
		}
	}
	if m.dict != nil {
		ti.dict = m.dict[ti.lower]
	}
	// Hyphen compounds: "ISIS-krigere", "Schleswig-Holstein".
	if i := indexRune(low, '-'); i > 0 && i < len(low)-1 {
		j := lastIndexRune(low, '-')
		ti.hyphFirst = hashRunes(low[:i])
		ti.hyphLast = hashRunes(low[j+1:])
		ti.hyphFirstS = shapeOf(rs[:i], false)
		ti.hyphLastS = shapeOf(rs[j+1:lowStart], false)
		if k, ok := m.gaz[gazKey(ti.hyphFirst, 0, 1)]; ok {
			ti.gazHyph = uint64(k)
		}
		ti.hyphName = m.names[ti.hyphFirst]
	}
	return rs
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

func lastIndexRune(rs []rune, r rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == r {
			return i
		}
	}
	return -1
}

// gazKey hashes a sequence of lower-case token hashes; prev is the key of
// the sequence so far (0 to start), n its new length.
func gazKey(lower, prev uint64, n int) uint64 {
	if prev == 0 {
		prev = 0x51ed27
	}
	return mix(prev, lower) ^ uint64(n)
}

const maxGaz = 4

// markGazetteer sets ti.gaz from the longest gazetteer match starting at
// each position, left to right.
func (m *Model) markGazetteer(infos []tokInfo) {
	if len(m.gaz) == 0 {
		return
	}
	for i := 0; i < len(infos); {
		best, kind := 0, uint8(0)
		var key uint64
		for n := 1; n <= maxGaz && i+n <= len(infos); n++ {
			key = gazKey(infos[i+n-1].lower, key, n)
			if k, ok := m.gaz[key]; ok {
				best, kind = n, k
			}
		}
		if best == 0 || (best == 1 && !infos[i].cap) {
			i++
			continue
		}
		for j := 0; j < best; j++ {
			pos := uint64('I')
			switch {
			case best == 1:
				pos = 'U'
			case j == 0:
				pos = 'B'
			case j == best-1:
				pos = 'L'
			}
			infos[i+j].gaz = pos<<8 | uint64(kind)
		}
		i += best
	}
}

// maxFeats bounds the number of features of one token.
const maxFeats = 64

// features appends the features of token i to f.
func features(f []uint64, infos []tokInfo, i int) []uint64 {
	t := &infos[i]
	var none tokInfo
	none.lower, none.short, none.word = 1, 1, 1 // sentence boundary
	p, n, p2, n2 := &none, &none, &none, &none
	if i > 0 {
		p = &infos[i-1]
	}
	if i > 1 {
		p2 = &infos[i-2]
	}
	if i+1 < len(infos) {
		n = &infos[i+1]
	}
	if i+2 < len(infos) {
		n2 = &infos[i+2]
	}
	initial := i == 0 || (i == 1 && p.punctStart) || p.punctStart
	init := uint64(0)
	if initial {
		init = 1
	}
	f = append(f,
		feat(tBias, 0),
		feat(tWord, t.word),
		feat(tLower, t.lower),
		feat(tShape, t.shape),
		feat(tShort, t.short),
		feat(tPrevLower, p.lower),
		feat(tNextLower, n.lower),
		feat(tPrev2Lower, p2.lower),
		feat(tNext2Lower, n2.lower),
		feat(tPrevShort, p.short),
		feat(tNextShort, n.short),
		feat(tShortPrevCur, mix(p.short, t.short)),
		feat(tShortCurNext, mix(t.short, n.short)),
		feat(tShortTri, mix(mix(p.short, t.short), n.short)),
		feat(tBigramPrev, mix(p.lower, t.lower)),
		feat(tBigramNext, mix(t.lower, n.lower)),
		feat(tInitShort, mix(init, t.short)),
		feat(tPrevSuf3, p.suf[2]),
		feat(tNextSuf3, n.suf[2]),
	)
	if t.name != 0 {
		f = append(f, feat(tName, uint64(t.name)<<1|init))
	}
	if p.name != 0 {
		f = append(f, feat(tPrevName, uint64(p.name)))
	}
	if n.name != 0 {
		f = append(f, feat(tNextName, uint64(n.name)))
	}
	if t.hyphName != 0 {
		f = append(f, feat(tHyphName, uint64(t.hyphName)))
	}
	for k := 0; k < 4; k++ {
		if t.pre[k] != 0 && k < t.nrunes-1 {
			f = append(f, feat(tPre1+uint64(k), t.pre[k]), feat(tSuf1+uint64(k), t.suf[k]))
		}
	}
	for k := 4; k < len(t.suf); k++ {
		if t.suf[k] != 0 && k < t.nrunes-1 {
			f = append(f, feat(tSuf5+uint64(k-4), t.suf[k]))
		}
	}
	if t.cap {
		c := uint64(0)
		if t.common {
			c = 1
		}
		f = append(f, feat(tCapCommon, c<<1|init))
		if p.cap && !initial {
			f = append(f, feat(tPrevWordCap, 1))
		}
	}
	if t.common {
		f = append(f, feat(tLowerCommon, 1))
	}
	if n.common && !n.cap {
		f = append(f, feat(tNextIsLowerCommon, 1))
	}
	if t.hyphFirst != 0 {
		f = append(f,
			feat(tHyphFirst, t.hyphFirst),
			feat(tHyphLast, t.hyphLast),
			feat(tHyphFirstShort, t.hyphFirstS),
			feat(tHyphLastShort, mix(t.hyphFirstS, t.hyphLastS)),
		)
		if t.gazHyph != 0 {
			f = append(f, feat(tGazHyph, t.gazHyph))
		}
	}
	if t.gaz != 0 {
		f = append(f, feat(tGaz, t.gaz))
	}
	if p.gaz != 0 {
		f = append(f, feat(tPrevGaz, p.gaz))
	}
	if n.gaz != 0 {
		f = append(f, feat(tNextGaz, n.gaz))
	}
	if t.clus != 0 {
		lv := clusterLevelsOf(t.clus - 1)
		low := uint64(0)
		if t.clusLow {
			low = 1
		}
		f = append(f,
			feat(tClus1, lv[0]<<1|low),
			feat(tClus2, lv[1]<<1|low),
			feat(tClus3, lv[2]<<1|low),
		)
		if t.cap {
			f = append(f, feat(tClusCap, lv[1]<<1|init))
		}
	}
	if p.clus != 0 {
		f = append(f, feat(tPrevClus, clusterLevelsOf(p.clus - 1)[1]))
	}
	if n.clus != 0 {
		f = append(f, feat(tNextClus, clusterLevelsOf(n.clus - 1)[1]))
	}
	if t.dict != 0 && t.alpha {
		c := uint64(0)
		if t.cap {
			c = 1
		}
		f = append(f, feat(tDict, uint64(t.dict)<<2|c<<1|init))
		for b := uint8(dictPlace); b != 0 && t.dict >= b; b <<= 1 {
			if t.dict&b != 0 {
				f = append(f, feat(tDictBit, uint64(b)<<1|c))
			}
		}
	}
	l := t.nrunes
	if l > 12 {
		l = 12
	}
	f = append(f, feat(tLen, uint64(l)))
	if t.allCaps {
		f = append(f, feat(tAllCapsLen, uint64(l)))
	}
	return f
}
