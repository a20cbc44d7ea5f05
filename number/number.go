// Package number reads numerals in Danish and English text: digits with the
// language's grouping and decimal marks, spelled-out numbers, fractions and
// scale words. It is shared by the quantity and time extractors.
//
// # API
//
//	v, n, ok := number.Parse("da", "syvoghalvfems")   // 97, 13, true
//	num, ok := number.Scan("da", text, off)          // a Number at byte offset off
//
// Parse reads a cardinal number at the start of s and returns its value and
// the bytes it consumed; ordinals make it fail. Scan reads the longest number
// that starts exactly at byte offset off of text and returns everything known
// about it (ordinal, fraction, spelled out, scale, weak). Both are safe for
// concurrent use, never panic, never return NaN or ±Inf, and allocate nothing
// after the first call (which loads the embedded word tables once).
//
// # Digits
//
// Grouping and decimal marks are decided by language and shape:
//   - "da" (and every language but "en"): '.' groups, ',' is the decimal mark:
//     "1.000" = 1000, "1,32" = 1.32, ",77" = 0.77. A lone '.' not followed by
//     exactly three digits is a decimal point ("1.5" = 1.5), except clock-like
//     "14.30" (hour ≤ 24, two-digit minutes < 60), which is not a number.
//   - "en": ',' groups, '.' is the decimal mark: "1,000" = 1000, "3.5" = 3.5,
//     "4.800" = 4.8; a lone ',' not followed by exactly three digits is a
//     decimal comma ("1,3" = 1.3).
//   - When both marks occur, the last one is the decimal mark
//     ("1.111,11" = "1,111.11" = 1111.11).
//   - Spaces, no-break spaces (U+00A0), narrow no-break spaces (U+202F) and
//     thin spaces (U+2009) group when every group after the first has exactly
//     three digits and the first has at most three: "15 500" = 15500.
//   - Marks that fit no rule ("1.2.3.4", "1.000.00") make the whole run
//     fail, rather than guess.
//   - Scale suffixes written on the digits multiply: "100k", "3M", "1,2M",
//     "4.3bn", "3mio" (lexicon/all/quantity_suffixes.tsv); lower-case "m" is
//     left to the caller (metre or million).
//   - Exponents "1e10", "1.3e6"; English ordinal suffixes "21st", "4th";
//     Danish ordinal dots "3. plads" (a dot followed by a lower-case word or
//     the end of the text); English fractions "3/4", "2 1/4" (proper
//     fractions only, never "5/17/2018"); vulgar fractions "½", "2¾".
//
// # Words
//
// Number words come from lexicon/{da,en}/quantity_numbers.tsv. Danish
// compounds are split into words of that table ("syvoghalvfems" = syv og
// halvfems = 97, "tohundrede" = 200, "otteoghalvfjerdsindstyvende" = 78th);
// English hyphenated numbers are split at the hyphen ("twenty-one").
// Scale words multiply what precedes them ("fem tusind" = 5000,
// "1,32 milliarder" = 1.32e9, "en halv million" = 500000,
// "fire en halv million" = 4.5e6, "half a million", "a dozen" = 12,
// "one and a half" = 1.5); fractions divide ("en tredjedel" = 1/3,
// "two thirds"); "point" reads decimals ("two point five").
// Danish "billion" is 10^12, English "billion" 10^9.
//
// A number made only of article-like words ("en", "et", "half") is Weak:
// Parse and Scan return it, and callers decide whether context makes it a
// count ("en million" is not weak).
package number

import (
	"math"
	"strconv"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde/lexicon"
)

// Number is a numeral found in text.
type Number struct {
	Value      float64
	Start, End int  // byte offsets of the numeral in the scanned text
	Words      bool // at least one spelled-out word
	Digits     bool // at least one digit
	Ordinal    bool // "3.", "tredje", "21st", "third"
	Fraction   bool // "en tredjedel", "3/4", "½"
	Weak       bool // only article-like words ("en", "et", "half"): a count only in context
	Scale      float64
	// Scale is the last scale factor applied by a word or suffix
	// ("millioner", "mia.", "bn"), or 1.
	Grouped bool // digits with group separators ("1.000")
	Decimal bool // digits with a decimal mark ("1,32")
	// IntDigits is the digit count of a plain run of digits without marks,
	// suffix or words ("2019" → 4), else 0; callers use it to tell years.
	IntDigits int
	Negative  bool
}

// Parse reads a cardinal number at the start of s, in language lang, and
// returns its value and the number of bytes read. A leading sign ("-",
// "−", "minus", "negativ", "negative") is read. It returns ok=false when s
// does not start with a number or starts with an ordinal.
func Parse(lang, s string) (v float64, n int, ok bool) {
	num, ok := Scan(lang, s, 0)
	if !ok || num.Ordinal {
		return 0, 0, false
	}
	return num.Value, num.End, true
}

// Scan reads the longest number starting exactly at byte offset off of
// text. It reads a leading sign as Parse does. Offsets in the result are
// into text.
func Scan(lang, text string, off int) (Number, bool) {
	if off < 0 || off >= len(text) {
		return Number{}, false
	}
	t := tablesFor(lang)
	var s state
	s.init()
	pos := off
	good := state{}
	goodEnd := -1
	preAnd, preAndEnd := state{}, -1 // the number before the last "and"
	// Sign.
	if c := text[pos]; c == '-' || c == '+' || (c == 0xE2 && hasPrefixAt(text, pos, "−")) {
		w := 1
		if c == 0xE2 {
			w = len("−")
		}
		j := skipSpace(text, pos+w)
		if j < len(text) && (isDigit(text[j]) || text[j] == '.' || text[j] == ',') {
			s.neg = c != '+'
			pos = j
		} else {
			return Number{}, false
		}
	}
	for elem := 0; pos < len(text) && elem < 24; elem++ {
		if elem > 0 {
			// Gap between elements: spaces; in English a hyphen joins words.
			j := skipSpace(text, pos)
			if t.hyphenJoins && j < len(text) && (text[j] == '-' || hasPrefixAt(text, j, "‐")) && s.words && s.nDigits == 0 {
				k := j + 1
				if text[j] != '-' {
					k = j + len("‐")
				}
				k = skipSpace(text, k)
				if k < len(text) && isLetterStart(text, k) {
					j = k
				}
			}
			if j == pos && pos > off {
				// Elements must be separated unless the previous one was
				// digits followed by letters handled inside the element.
				break
			}
			pos = j
		}
		if pos >= len(text) {
			break
		}
		c := text[pos]
		save := s
		if isDigit(c) || ((c == ',' || c == '.') && pos+1 < len(text) && isDigit(text[pos+1]) && c == t.decimal) {
			d, end, ok := scanDigits(t, text, pos)
			if !ok {
				if elem == 0 {
					return Number{}, false
				}
				break
			}
			if !s.digits(d) {
				s = save
				break
			}
			pos = end
		} else if vf, w := vulgar(text, pos); w > 0 {
			if !s.add(entry{kind: kN, val: vf}) {
				s = save
				break
			}
			s.fraction = true
			pos += w
		} else {
			wend := wordEnd(text, pos)
			if wend == pos {
				break
			}
			var buf [64]byte
			lw, ok := lowerInto(buf[:0], text[pos:wend])
			if !ok {
				break
			}
			// Abbreviations with a dot: "mio.", "mia.".
			consumed := wend
			var parts [8]entry
			np := 0
			if wend < len(text) && text[wend] == '.' && len(lw) < 63 {
				lw2 := append(lw, '.')
				if e, ok := t.words[string(lw2)]; ok {
					parts[0] = e
					np = 1
					consumed = wend + 1
				}
			}
			if np == 0 {
				np = t.split(lw, parts[:])
			}
			if np == 0 {
				break
			}
			okAll := true
			failed := kNone
			for i := 0; i < np; i++ {
				if !s.add(parts[i]) {
					okAll = false
					failed = parts[i].kind
					break
				}
			}
			if !okAll {
				s = save
				if (failed == kH || failed == kS) && preAndEnd >= 0 && save.last != kAnd {
					// "3 hundred and 2 hundred": two numbers; end before "and"
					good, goodEnd = preAnd, preAndEnd
				}
				break
			}
			if np == 1 && parts[0].kind == kAnd {
				preAnd, preAndEnd = good, goodEnd
			}
			s.words = true
			pos = consumed
		}
		if s.complete() {
			good = s
			goodEnd = pos
		}
		if s.ordinal {
			break
		}
	}
	if goodEnd < 0 {
		return Number{}, false
	}
	v := good.value()
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Number{}, false
	}
	n := Number{
		Value: v, Start: off, End: goodEnd,
		Words: good.words, Digits: good.nDigits > 0, Ordinal: good.ordinal,
		Fraction: good.fraction, Weak: good.weakOnly && !good.ordinal, Scale: good.scale,
		Grouped: good.grouped, Decimal: good.decimal, Negative: good.neg,
	}
	if good.nDigits == 1 && good.nElems == 1 && !good.words {
		n.IntDigits = good.intDigits
	}
	return n, true
}

// kinds of number words
type kind uint8

const (
	kNone kind = iota
	kN         // cardinal
	kA         // Danish article meaning one ("en")
	kArt       // English article, only before h, s, f, o, half
	kH         // hundred
	kS         // scale
	kO         // ordinal
	kF         // fraction noun
	kHalf
	kAnd
	kNeg
	kPoint
	kPair
	kD // digits
)

type entry struct {
	kind kind
	val  float64
}

// state accumulates a number element by element.
type state struct {
	total, hund, sub float64
	lastScale        float64
	scale            float64
	last             kind
	subWord          bool // sub was built from words
	sawAnd           bool
	pendingArt       bool
	halfArt          bool // "half a": waits for a scale word
	scaleAnd         bool // "and" came right after a scale word
	neg              bool
	words, fraction  bool
	ordinal          bool
	weakOnly         bool
	pointMode        bool
	pointDiv         float64
	grouped, decimal bool
	nDigits, nElems  int
	intDigits        int
}

func (s *state) init() { s.scale = 1; s.weakOnly = true }

func (s *state) value() float64 {
	v := s.total + s.hund + s.sub
	if s.neg {
		v = -v
	}
	return v
}

// complete reports whether the number read so far can end here.
func (s *state) complete() bool {
	switch s.last {
	case kNone, kAnd, kArt, kNeg, kPoint:
		return false
	case kA:
		return !s.pendingArt
	}
	return true
}

type digitsElem struct {
	val       float64
	grouped   bool
	decimal   bool
	scaled    float64 // suffix factor, 0 if none
	ordinal   bool
	fraction  bool
	intDigits int
}

func (s *state) digits(d digitsElem) bool {
	switch s.last {
	case kNone, kNeg:
	case kS, kH:
		if s.sub != 0 {
			return false
		}
	case kAnd:
		if s.hund == 0 && s.total == 0 {
			return false
		}
	default:
		return false
	}
	s.sub = d.val
	s.subWord = false
	s.last = kD
	s.weakOnly = false
	s.nDigits++
	s.nElems++
	s.grouped = s.grouped || d.grouped
	s.decimal = s.decimal || d.decimal
	s.intDigits = d.intDigits
	if d.scaled != 0 {
		s.scale = d.scaled
		s.lastScale = d.scaled
		s.last = kS
		s.total += s.hund + s.sub
		s.hund, s.sub = 0, 0
	}
	if d.fraction {
		s.fraction = true
	}
	if d.ordinal {
		s.ordinal = true
	}
	return true
}

// afterScale scales a fraction that follows "<scale> and": "one million
// and a half" is 1.5 million; elsewhere it returns f.
func (s *state) afterScale(f float64) float64 {
	if s.scaleAnd && s.hund == 0 && s.lastScale > 1 {
		return f * s.lastScale
	}
	return f
}

func isTens(v float64) bool { return v >= 20 && v < 100 && math.Mod(v, 10) == 0 }

// add feeds one word to the state; it returns false when the word cannot
// continue the number (the caller restores the state saved before the word).
func (s *state) add(e entry) bool {
	s.nElems++
	if s.pointMode {
		if e.kind != kN || e.val >= 100 || e.val != math.Trunc(e.val) {
			return false
		}
		v := e.val
		if v < 10 {
			s.pointDiv *= 10
			s.sub += v / s.pointDiv
		} else if isTens(v) {
			s.pointDiv *= 10
			s.sub += (v / 10) / s.pointDiv
		} else {
			s.pointDiv *= 100
			s.sub += v / s.pointDiv
		}
		s.last = kN
		return true
	}
	switch e.kind {
	case kN, kO, kA:
		v := e.val
		if e.kind == kO && (s.last == kArt || (s.last == kN && s.sub == 1 && s.hund == 0 && s.total == 0 && s.subWord)) && v >= 3 {
			// "a third", "one fifth": a fraction, not an ordinal;
			// "forty two and a third" adds it.
			if s.last == kArt && s.sawAnd {
				s.sub += s.afterScale(1 / v)
			} else {
				s.sub = 1 / v
			}
			s.fraction = true
			s.pendingArt = false
			s.last = kF
			s.weakOnly = false
			return true
		}
		if e.kind == kA && s.last != kNone && s.last != kAnd {
			// "fire en halv": an article after a number waits for "halv".
			if s.last == kN || s.last == kD {
				s.pendingArt = true
				s.last = kA
				return true
			}
			return false
		}
		if e.kind == kA && s.last == kAnd {
			s.pendingArt = true
			s.last = kA
			return true
		}
		if e.kind == kO && s.last == kS {
			return false // "$280 million first mortgage": not "280 millionth"
		}
		switch {
		case s.last == kNone || s.last == kNeg || ((s.last == kH || s.last == kS) && s.sub == 0) || (s.last == kAnd && s.sub == 0 && (s.hund != 0 || s.total != 0)):
			s.sub = v
		case s.last == kN && s.subWord && isTens(s.sub) && v < 10 && v >= 1 && !s.sawAnd:
			s.sub += v // twenty one
		case s.last == kAnd && s.subWord && s.sub >= 1 && s.sub < 10 && isTens(v):
			s.sub += v // syv og halvfems
		case s.last == kA && s.sub == 1 && !s.pendingArt && s.subWord && e.kind != kA:
			return false
		default:
			return false
		}
		s.subWord = true
		s.sawAnd = false
		if e.kind == kO {
			s.ordinal = true
			s.weakOnly = false
			s.last = kO
			return true
		}
		if e.kind == kN {
			s.weakOnly = false
			s.last = kN
		} else {
			s.last = kA
		}
		return true
	case kArt:
		if s.last == kNone || s.last == kAnd || s.last == kHalf {
			s.halfArt = s.last == kHalf
			s.pendingArt = true
			s.last = kArt
			return true
		}
		return false
	case kHalf:
		switch s.last {
		case kNone:
			s.sub = 0.5
		case kA, kArt:
			if s.pendingArt {
				s.sub += s.afterScale(0.5) // fire en halv, one and a half, one million and a half
			} else {
				s.sub = 0.5 // en halv
			}
		default:
			return false
		}
		s.pendingArt = false
		s.subWord = true
		s.last = kHalf
		return true
	case kPair:
		if s.last == kA && s.sub == 1 && s.hund == 0 && s.total == 0 {
			s.sub = e.val
			s.weakOnly = false
			s.last = kN
			return true
		}
		return false
	case kF:
		switch s.last {
		case kN, kD, kA, kArt:
		default:
			return false
		}
		num := s.sub
		if s.last == kArt || (s.last == kA && s.pendingArt) {
			if s.last == kA && s.pendingArt {
				// "to og en tredjedel"
				num = s.sub
				s.sub = num + 1/e.val
				goto doneF
			}
			num = 1
			if s.last == kArt && s.sawAnd {
				s.sub += s.afterScale(1 / e.val)
				goto doneF
			}
		}
		if num == 0 {
			return false
		}
		if s.scaleAnd && s.hund == 0 {
			// "five billion and three quarters"
			s.sub = s.afterScale(num / e.val)
			goto doneF
		}
		s.sub = num / e.val
	doneF:
		s.fraction = true
		s.pendingArt = false
		s.weakOnly = false
		s.last = kF
		return true
	case kH:
		if s.hund != 0 {
			return false
		}
		m := s.sub
		switch s.last {
		case kNone, kArt, kA:
			if m == 0 {
				m = 1
			}
		case kN, kD, kHalf: // "et halvt hundrede" = 50
		default:
			return false
		}
		if m == 0 {
			return false
		}
		s.hund = m * 100
		s.sub = 0
		s.pendingArt = false
		s.weakOnly = false
		s.subWord = false
		s.last = kH
		return true
	case kS:
		g := s.hund + s.sub
		switch s.last {
		case kNone:
			g = 1
		case kArt, kA:
			switch {
			case s.halfArt:
				// half a million
			case s.pendingArt && g == 0:
				g = 1 // a million
			case s.pendingArt:
				return false // "2019 og en million"
			}
		case kN, kD, kH, kHalf, kF:
		default:
			return false
		}
		if g == 0 {
			return false
		}
		if e.val > s.lastScale && s.total > 0 {
			s.total = (s.total + g) * e.val
		} else if s.lastScale != 0 && e.val >= s.lastScale && s.total == 0 {
			s.total = g * e.val
		} else {
			s.total += g * e.val
		}
		s.hund, s.sub = 0, 0
		s.lastScale = e.val
		s.scale = e.val
		s.pendingArt = false
		if s.last != kNone {
			s.weakOnly = false // "millioner" alone is vague
		}
		s.last = kS
		return true
	case kAnd:
		switch s.last {
		case kN, kD, kH, kS, kA:
			if s.last == kA && s.pendingArt {
				return false
			}
			s.sawAnd = true
			s.scaleAnd = s.last == kS
			s.last = kAnd
			return true
		}
		return false
	case kNeg:
		if s.last != kNone {
			return false
		}
		s.neg = true
		s.last = kNeg
		return true
	case kPoint:
		if s.last != kN && s.last != kD && s.last != kH {
			return false
		}
		s.pointMode = true
		s.pointDiv = 1
		s.last = kPoint
		return true
	}
	return false
}

// tables holds one language's word lists.
type tables struct {
	words       map[string]entry
	trie        trie
	compounds   bool // split words into number words (Danish)
	hyphenJoins bool // "twenty-one"
	decimal     byte // ',' or '.'
	group       byte
	suffix      map[string]float64
}

var (
	loadOnce sync.Once
	byLang   map[string]*tables
	other    *tables // languages without word tables: digits only, decimal comma
	loadErr  error
)

// Err reports a problem with the embedded word tables (nil in any working
// build; a test checks it).
func Err() error {
	load()
	return loadErr
}

func load() {
	loadOnce.Do(func() {
		suf := map[string]float64{}
		rows, err := lexicon.Rows("all/quantity_suffixes.tsv", 2)
		if err != nil {
			loadErr = err
		}
		for _, r := range rows {
			v, err := strconv.ParseFloat(r[1], 64)
			if err == nil {
				suf[r[0]] = v
			}
		}
		byLang = map[string]*tables{}
		for _, lang := range []string{"da", "en"} {
			t := &tables{words: map[string]entry{}, suffix: suf, decimal: ',', group: '.'}
			if lang == "en" {
				t.decimal, t.group, t.hyphenJoins = '.', ',', true
			} else {
				t.compounds = true
			}
			rows, err := lexicon.Rows(lang+"/quantity_numbers.tsv", 3)
			if err != nil && loadErr == nil {
				loadErr = err
			}
			for _, r := range rows {
				v, err := strconv.ParseFloat(r[1], 64)
				k := kindOf(r[2])
				if err != nil || k == kNone {
					if loadErr == nil {
						loadErr = &lexError{file: lang + "/quantity_numbers.tsv", word: r[0]}
					}
					continue
				}
				t.words[r[0]] = entry{kind: k, val: v}
				t.trie.insert(r[0], entry{kind: k, val: v})
			}
			byLang[lang] = t
		}
		other = &tables{words: map[string]entry{}, suffix: suf, decimal: ',', group: '.'}
	})
}

type lexError struct{ file, word string }

func (e *lexError) Error() string {
	return "number: lexicon " + e.file + ": bad row for " + strconv.Quote(e.word)
}

func kindOf(s string) kind {
	switch s {
	case "n":
		return kN
	case "a":
		return kA
	case "art":
		return kArt
	case "h":
		return kH
	case "s":
		return kS
	case "o":
		return kO
	case "f":
		return kF
	case "half":
		return kHalf
	case "and":
		return kAnd
	case "neg":
		return kNeg
	case "point":
		return kPoint
	case "pair":
		return kPair
	}
	return kNone
}

func tablesFor(lang string) *tables {
	load()
	if len(lang) > 2 {
		lang = lang[:2]
	}
	if t := byLang[lang]; t != nil {
		return t
	}
	if lang == "nb" || lang == "nn" || lang == "no" || lang == "sv" {
		// Scandinavian: digits like Danish, no word tables.
		return other
	}
	return other
}

// split looks lw up whole, or (for compounding languages) as a sequence of
// number words, and writes the entries to out. It returns how many.
func (t *tables) split(lw []byte, out []entry) int {
	if e, ok := t.words[string(lw)]; ok {
		out[0] = e
		return 1
	}
	if !t.compounds || len(lw) < 4 {
		return 0
	}
	return t.trie.decompose(lw, out, 0)
}

// trie of number words, over bytes.
type trie struct {
	nodes []trieNode
}

type trieNode struct {
	kids []trieKid
	term bool
	e    entry
}

type trieKid struct {
	b byte
	n int32
}

func (t *trie) insert(w string, e entry) {
	if len(t.nodes) == 0 {
		t.nodes = append(t.nodes, trieNode{})
	}
	n := int32(0)
	for i := 0; i < len(w); i++ {
		b := w[i]
		next := int32(-1)
		for _, k := range t.nodes[n].kids {
			if k.b == b {
				next = k.n
				break
			}
		}
		if next < 0 {
			t.nodes = append(t.nodes, trieNode{})
			next = int32(len(t.nodes) - 1)
			t.nodes[n].kids = append(t.nodes[n].kids, trieKid{b, next})
		}
		n = next
	}
	t.nodes[n].term = true
	t.nodes[n].e = e
}

// decompose splits w into number words, longest first, writing them to
// out[depth:]; it returns the total count or 0.
func (t *trie) decompose(w []byte, out []entry, depth int) int {
	if len(w) == 0 {
		return depth
	}
	if depth >= len(out) || len(t.nodes) == 0 {
		return 0
	}
	// Collect ends of words that prefix w.
	var ends [8]int
	var es [8]entry
	ne := 0
	n := int32(0)
	for i := 0; i < len(w); i++ {
		next := int32(-1)
		for _, k := range t.nodes[n].kids {
			if k.b == w[i] {
				next = k.n
				break
			}
		}
		if next < 0 {
			break
		}
		n = next
		if t.nodes[n].term && ne < len(ends) {
			ends[ne] = i + 1
			es[ne] = t.nodes[n].e
			ne++
		}
	}
	for j := ne - 1; j >= 0; j-- {
		out[depth] = es[j]
		if r := t.decompose(w[ends[j]:], out, depth+1); r > 0 {
			return r
		}
	}
	return 0
}

// scanDigits reads a run of digits with marks, an optional suffix, ordinal
// dot or suffix, exponent or fraction, starting at i.
func scanDigits(t *tables, text string, i int) (digitsElem, int, bool) {
	var d digitsElem
	type group struct {
		sep   byte // 0 for the first, '.', ',', ' '
		start int
		n     int // digits
		end   int // byte end of the group's digits
	}
	var gs [16]group
	ng := 0
	j := i
	if text[j] == '.' || text[j] == ',' {
		gs[0] = group{sep: 0, start: j, n: 0, end: j}
		ng = 1
	} else {
		k := j
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		gs[0] = group{start: j, n: k - j, end: k}
		ng = 1
		j = k
	}
	for ng < len(gs) {
		k := gs[ng-1].end
		if k >= len(text) {
			break
		}
		var sep byte
		w := 0
		switch c := text[k]; {
		case c == '.' || c == ',':
			sep, w = c, 1
		case c == ' ':
			sep, w = ' ', 1
		case c == 0xC2 && k+1 < len(text) && text[k+1] == 0xA0:
			sep, w = ' ', 2
		case c == 0xE2 && (hasPrefixAt(text, k, "\u202f") || hasPrefixAt(text, k, "\u2009")):
			sep, w = ' ', 3
		}
		if w == 0 || k+w >= len(text) || !isDigit(text[k+w]) {
			break
		}
		m := k + w
		for m < len(text) && isDigit(text[m]) {
			m++
		}
		if sep == ' ' {
			// A space groups only three digits after a group of at most
			// three (all previous groups three), and only if the previous
			// separators were spaces too.
			ok := m-(k+w) == 3 && gs[0].n <= 3 && gs[0].n > 0
			for g := 1; g < ng; g++ {
				if gs[g].sep != ' ' || gs[g].n != 3 {
					ok = false
				}
			}
			if !ok {
				break
			}
		}
		gs[ng] = group{sep: sep, start: k + w, n: m - (k + w), end: m}
		ng++
	}
	if ng == len(gs) {
		return d, 0, false
	}
	end := gs[ng-1].end
	// A run of digits or marks continuing past what we read ("1.2.3.4"
	// yields groups but a bad shape); after the last group there must be
	// no digit.
	// Decide the decimal mark.
	var nDot, nComma, nSpace int
	lastSep := byte(0)
	for g := 1; g < ng; g++ {
		switch gs[g].sep {
		case '.':
			nDot++
		case ',':
			nComma++
		case ' ':
			nSpace++
		}
		lastSep = gs[g].sep
	}
	decIdx := -1 // index of the group after the decimal mark
	if gs[0].n == 0 {
		// leading decimal mark ",77"
		if ng < 2 || gs[1].sep != t.decimal || ng > 2 {
			return d, 0, false
		}
		gs[0].n = 0
		decIdx = 1
		// ng == 2 with gs[1] being the fraction digits; but gs[0] had no
		// separator; treat specially below.
	} else {
		switch {
		case ng == 1:
		case nDot > 0 && nComma > 0:
			if nSpace > 0 {
				return d, 0, false
			}
			// the last mark is the decimal one and occurs once
			if lastSep == '.' && nDot != 1 || lastSep == ',' && nComma != 1 {
				return d, 0, false
			}
			decIdx = ng - 1
		case nDot+nComma == 1 && nSpace == 0:
			sep := gs[1].sep
			if sep == t.group && gs[1].n == 3 {
				decIdx = -1
			} else if sep == t.group && t.decimal == ',' {
				// Danish "14.30": clock-like, not a number.
				h := gs[0].n
				if h <= 2 && gs[1].n == 2 {
					hv := atoi(text[gs[0].start:gs[0].end])
					mv := atoi(text[gs[1].start:gs[1].end])
					if hv <= 24 && mv < 60 {
						return d, 0, false
					}
				}
				decIdx = 1
			} else {
				decIdx = 1
			}
		case nDot+nComma > 1:
			if nSpace > 0 || (nDot > 0 && nComma > 0) {
				return d, 0, false
			}
		case nSpace > 0 && nDot+nComma == 0:
		default:
			// spaces and one mark: spaces group, the mark is decimal if it
			// is last
			if lastSep == ' ' || nDot+nComma > 1 {
				return d, 0, false
			}
			decIdx = ng - 1
		}
	}
	// Check group sizes: every group after the first and before the
	// decimal mark has three digits.
	lastInt := ng
	if decIdx >= 0 {
		lastInt = decIdx
	}
	for g := 1; g < lastInt; g++ {
		if gs[g].n != 3 {
			return d, 0, false
		}
	}
	if decIdx >= 0 && decIdx != ng-1 {
		return d, 0, false
	}
	// Value.
	var v float64
	digits := 0
	for g := 0; g < lastInt; g++ {
		for k := gs[g].start; k < gs[g].end; k++ {
			v = v*10 + float64(text[k]-'0')
			digits++
		}
	}
	if decIdx >= 0 {
		var f, div float64 = 0, 1
		for k := gs[decIdx].start; k < gs[decIdx].end && div < 1e18; k++ {
			f = f*10 + float64(text[k]-'0')
			div *= 10
		}
		v += f / div
		d.decimal = true
	}
	if digits > 30 {
		return d, 0, false
	}
	d.grouped = lastInt > 1
	if ng == 1 {
		d.intDigits = gs[0].n
	}
	// Suffixes.
	if end < len(text) {
		c := text[end]
		switch {
		case c == 'e' || c == 'E':
			k := end + 1
			sign := 1.0
			if k < len(text) && (text[k] == '+' || text[k] == '-') {
				if text[k] == '-' {
					sign = -1
				}
				k++
			}
			m := k
			for m < len(text) && isDigit(text[m]) {
				m++
			}
			if m > k && m-k <= 3 && !isLetterAt(text, m) {
				ex := float64(atoi(text[k:m])) * sign
				if ex <= 300 && ex >= -300 {
					v *= math.Pow(10, ex)
					end = m
					d.intDigits = 0
				}
			}
		case isASCIILetter(c):
			m := end
			for m < len(text) && isASCIILetter(text[m]) {
				m++
			}
			if !isLetterAt(text, m) && !(m < len(text) && isDigit(text[m])) {
				suf := text[end:m]
				if f, ok := t.suffix[suf]; ok {
					v *= f
					d.scaled = f
					end = m
					d.intDigits = 0
				} else if t.decimal == '.' && decIdx < 0 && isOrdSuffix(text[:m], end) {
					d.ordinal = true
					end = m
					d.intDigits = 0
				}
			}
		case c == '.' && t.decimal == ',' && ng == 1:
			// Danish ordinal dot: "3. plads", "4." at the end.
			k := end + 1
			if k == len(text) {
				d.ordinal = true
				end = k
			} else if text[k] == ' ' {
				m := skipSpace(text, k)
				if m < len(text) {
					r, _ := utf8.DecodeRuneInString(text[m:])
					if unicode.IsLower(r) {
						d.ordinal = true
						end = k
					}
				}
			}
		case c == '/' && t.decimal == '.' && ng == 1:
			// "3/4": a proper fraction, not a date.
			k := end + 1
			m := k
			for m < len(text) && isDigit(text[m]) {
				m++
			}
			if m > k && m-k <= 4 && (m >= len(text) || (text[m] != '/' && !isLetterAt(text, m))) {
				den := float64(atoi(text[k:m]))
				if den > 0 && v < den {
					v /= den
					d.fraction = true
					end = m
					d.intDigits = 0
				}
			}
		default:
			if vf, w := vulgar(text, end); w > 0 && !d.decimal {
				v += vf
				end += w
				d.fraction = true
				d.intDigits = 0
			}
		}
	}
	// English mixed fraction "2 1/4".
	if t.decimal == '.' && ng == 1 && !d.fraction && !d.ordinal && d.scaled == 0 && end < len(text) && text[end] == ' ' {
		k := skipSpace(text, end)
		m := k
		for m < len(text) && isDigit(text[m]) {
			m++
		}
		if m > k && m < len(text) && text[m] == '/' {
			p := m + 1
			q := p
			for q < len(text) && isDigit(text[q]) {
				q++
			}
			if q > p && (q >= len(text) || (text[q] != '/' && !isLetterAt(text, q))) {
				num := float64(atoi(text[k:m]))
				den := float64(atoi(text[p:q]))
				if den > 0 && num < den {
					v += num / den
					end = q
					d.fraction = true
					d.intDigits = 0
				}
			}
		}
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return d, 0, false
	}
	d.val = v
	return d, end, true
}

func isOrdSuffix(text string, end int) bool {
	suf := text[end:]
	if len(suf) != 2 || end == 0 {
		return false
	}
	last := text[end-1]
	tens := end >= 2 && isDigit(text[end-2]) && text[end-2] == '1'
	switch lowerASCII(suf) {
	case "st":
		return last == '1' && !tens
	case "nd":
		return last == '2' && !tens
	case "rd":
		return last == '3' && !tens
	case "th":
		return true
	}
	return false
}

func lowerASCII(s string) string {
	if len(s) == 2 {
		a, b := s[0]|0x20, s[1]|0x20
		switch {
		case a == 's' && b == 't':
			return "st"
		case a == 'n' && b == 'd':
			return "nd"
		case a == 'r' && b == 'd':
			return "rd"
		case a == 't' && b == 'h':
			return "th"
		}
	}
	return s
}

// vulgar reads a Unicode vulgar fraction at i.
func vulgar(text string, i int) (float64, int) {
	if i >= len(text) || text[i] != 0xC2 && text[i] != 0xE2 {
		return 0, 0
	}
	r, w := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '½':
		return 0.5, w
	case '¼':
		return 0.25, w
	case '¾':
		return 0.75, w
	case '⅓':
		return 1.0 / 3, w
	case '⅔':
		return 2.0 / 3, w
	case '⅕':
		return 0.2, w
	case '⅙':
		return 1.0 / 6, w
	case '⅛':
		return 0.125, w
	}
	return 0, 0
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func hasPrefixAt(s string, i int, p string) bool {
	return i+len(p) <= len(s) && s[i:i+len(p)] == p
}

// isLetterAt reports whether a letter starts at byte i.
func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isLetterStart(s string, i int) bool { return isLetterAt(s, i) }

// SkipSpace returns the offset of the first byte at or after i that is not
// a space, tab, no-break space, narrow no-break space or thin space; line
// breaks stop it. The quantity annotator shares it so that both agree on
// what separates a number from its scale word and unit.
func SkipSpace(s string, i int) int { return skipSpace(s, i) }

// skipSpace skips spaces, tabs and no-break spaces (not newlines).
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case s[i] == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
			i += 2
		case hasPrefixAt(s, i, "\u202f") || hasPrefixAt(s, i, "\u2009"):
			i += 3
		default:
			return i
		}
	}
	return i
}

// wordEnd returns the end of the run of letters starting at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				return i
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += w
	}
	return i
}

// lowerInto appends the lower-case form of w to buf; ok is false when it
// does not fit (numbers words are short).
func lowerInto(buf []byte, w string) ([]byte, bool) {
	if len(w) > 60 {
		return buf, false
	}
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += n
	}
	return buf, len(buf) <= 64
}
