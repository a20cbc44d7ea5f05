// Package langid finds the language of an article and of each paragraph
// that is clearly in another language (an English tweet quoted in a Danish
// article), among Danish (da), English (en), Swedish (sv), Norwegian Bokmål
// (nb), Norwegian Nynorsk (nn) and German (de).
//
// It decides in two steps so that it stays fast. First it counts frequent
// function words of the six languages (lexicon all/langid_words.tsv; a word
// shared by k languages gives each 1/k). When one language leads by a clear
// margin, that is the answer; most news text is decided here at tens of
// millions of words a second. Otherwise — short, mixed or unusual text — it
// asks lingua-go (github.com/pemistahl/lingua-go), restricted to the six
// languages, on a bounded sample. The margin is set so that Norwegian and
// Swedish text, which shares many words with Danish, is never decided as
// Danish by word counts alone.
package langid

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/lexicon"
	"github.com/pemistahl/lingua-go"
)

// The languages, in a fixed order used for bit sets and score arrays.
const (
	da = iota
	en
	sv
	nb
	nn
	de
	nLang
)

var codes = [nLang]string{"da", "en", "sv", "nb", "nn", "de"}

var linguaLangs = [nLang]lingua.Language{lingua.Danish, lingua.English, lingua.Swedish, lingua.Bokmal, lingua.Nynorsk, lingua.German}

// Codes lists the ISO 639-1 codes langid can return.
func Codes() []string { return codes[:] }

// Options configure an Identifier. Zero fields take the defaults.
type Options struct {
	// Words maps a lower-case function word, or a word ending written
	// "-erne", to the space-separated codes of the languages that use it;
	// nil loads all/langid_words.tsv.
	Words map[string]string
	// Sample is how many bytes of an article are looked at to find its
	// language, and of a paragraph to find its own; default 1000.
	Sample int
	// MinLetters is the fewest letters a paragraph needs to get its own
	// language; default 40.
	MinLetters int
}

// Identifier is the language annotator. It is safe for concurrent use.
type Identifier struct {
	words     map[string]uint8 // word → bit set of languages
	suffixes  map[string]uint8 // word ending → bit set
	maxSuffix int
	sufEnd    [1024]uint64 // bit set of the last two bytes of the endings
	// byLen[n] has bit firstClass(c) set when a word of n bytes starting
	// with byte c is in words: most words skip the map lookup.
	byLen      [32]uint32
	sample     int
	minLetters int
	// lingua detectors over all six languages and over the Scandinavian
	// four, in low- and high-accuracy mode; built on first use.
	all, allHigh, scand, scandHigh lazyDetector
}

// New returns an Identifier with the default options.
func New() (*Identifier, error) { return NewWith(Options{}) }

// NewWith returns an Identifier configured by opt.
func NewWith(opt Options) (*Identifier, error) {
	if opt.Words == nil {
		m, err := lexicon.Map("all/langid_words.tsv")
		if err != nil {
			return nil, fmt.Errorf("langid: %w", err)
		}
		opt.Words = m
	}
	id := &Identifier{
		words:      make(map[string]uint8, len(opt.Words)),
		suffixes:   map[string]uint8{},
		sample:     opt.Sample,
		minLetters: opt.MinLetters,
	}
	if id.sample <= 0 {
		id.sample = 1000
	}
	if id.minLetters <= 0 {
		id.minLetters = 40
	}
	for w, langs := range opt.Words {
		var set uint8
		for _, c := range strings.Fields(langs) {
			i := index(c)
			if i < 0 {
				return nil, fmt.Errorf("langid: word %q: unknown language %q", w, c)
			}
			set |= 1 << i
		}
		if suf, ok := strings.CutPrefix(w, "-"); ok {
			if len(suf) < 2 {
				return nil, fmt.Errorf("langid: ending %q: want at least 2 bytes", w)
			}
			id.suffixes[suf] = set
			id.maxSuffix = max(id.maxSuffix, len(suf))
			k := uint16(suf[len(suf)-2])<<8 | uint16(suf[len(suf)-1])
			id.sufEnd[k>>6] |= 1 << (k & 63)
		} else {
			id.words[w] = set
			if len(w) < len(id.byLen) {
				id.byLen[len(w)] |= 1 << firstClass(w[0])
			}
		}
	}
	scand := []lingua.Language{lingua.Danish, lingua.Swedish, lingua.Bokmal, lingua.Nynorsk}
	id.all = lazyDetector{langs: linguaLangs[:], low: true}
	id.allHigh = lazyDetector{langs: linguaLangs[:]}
	id.scand = lazyDetector{langs: scand, low: true}
	id.scandHigh = lazyDetector{langs: scand}
	return id, nil
}

func index(code string) int {
	for i, c := range codes {
		if c == code {
			return i
		}
	}
	return -1
}

// lazyDetector builds a lingua detector the first time it is needed, so
// that runs whose text the word counts decide never load its models.
type lazyDetector struct {
	langs []lingua.Language
	low   bool
	once  sync.Once
	det   lingua.LanguageDetector
}

func (l *lazyDetector) get() lingua.LanguageDetector {
	l.once.Do(func() {
		b := lingua.NewLanguageDetectorBuilder().FromLanguages(l.langs...)
		if l.low {
			b = b.WithLowAccuracyMode()
		}
		l.det = b.Build()
	})
	return l.det
}

func (id *Identifier) Name() string          { return "lang" }
func (id *Identifier) Requires() kilde.Layer { return 0 }
func (id *Identifier) Provides() kilde.Layer { return kilde.LayerLang }

// Annotate sets d.Lang when the input gave none, fills d.Paragraphs (blank
// lines separate them) when no annotator before did, and sets the Lang of
// each paragraph of at least MinLetters letters that is clearly in another
// language than the article.
func (id *Identifier) Annotate(d *kilde.Doc) error {
	if len(d.Paragraphs) == 0 {
		d.Paragraphs = Paragraphs(d.Text, d.Paragraphs)
	}
	ev := make([]evidence, len(d.Paragraphs))
	texts := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		if p.Start >= 0 && p.End <= len(d.Text) && p.Start < p.End {
			texts[i] = cut(d.Text[p.Start:p.End], id.sample)
			ev[i] = id.score(texts[i])
		}
	}
	if d.Lang == "" {
		// The paragraphs that begin within the sample decide.
		n := 0
		for n < len(d.Paragraphs) && (n == 0 || d.Paragraphs[n].Start < id.sample) {
			n++
		}
		if l, _ := id.decide(cut(d.Text, id.sample), texts[:n], ev[:n]); l >= 0 {
			d.Lang = codes[l]
		}
	}
	art := index(d.Lang)
	if art < 0 || len(d.Paragraphs) < 2 {
		return nil
	}
	for i := range d.Paragraphs {
		p := &d.Paragraphs[i]
		if ev[i].letters < id.minLetters {
			continue
		}
		if l := id.other(texts[i], ev[i], art); l >= 0 {
			p.Lang = codes[l]
		}
	}
	return nil
}

// Detect returns the ISO 639-1 code of text's language, judged on its first
// Sample bytes, and whether the function-word counts alone decided it. It
// returns "" for text without letters.
func (id *Identifier) Detect(text string) (code string, byWords bool) {
	text = cut(text, id.sample)
	var ev []evidence
	var texts []string
	for _, p := range Paragraphs(text, nil) {
		texts = append(texts, text[p.Start:p.End])
		ev = append(ev, id.score(texts[len(texts)-1]))
	}
	l, byWords := id.decide(text, texts, ev)
	if l < 0 {
		return "", false
	}
	return codes[l], byWords
}

// evidence is what the word counts say about a stretch of text.
type evidence struct {
	sc      scores
	letters int
}

// scores holds the function-word evidence for each language.
type scores [nLang]float32

// family groups languages that word counts tell apart easily: 0 for the
// Scandinavian four, 1 English, 2 German.
var family = [nLang]int{da: 0, sv: 0, nb: 0, nn: 0, en: 1, de: 2}

func (e evidence) families() (f [3]float32) {
	for i, s := range e.sc {
		f[family[i]] += s
	}
	return f
}

// lead returns the index of the largest of v and whether it leads clearly:
// by at least two whole words of evidence and by half again over the
// runner-up. Shared words count for all their languages, so only words
// that Danish does not share with Bokmål, Nynorsk or Swedish can make it
// lead.
func lead(v []float32) (int, bool) {
	best, second := -1, -1
	for i := range v {
		if v[i] <= 0 {
			continue
		}
		if best < 0 || v[i] > v[best] {
			best, second = i, best
		} else if second < 0 || v[i] > v[second] {
			second = i
		}
	}
	if best < 0 {
		return -1, false
	}
	var s2 float32
	if second >= 0 {
		s2 = v[second]
		if s2 == v[best] {
			return -1, false
		}
	}
	return best, v[best]-s2 >= 2 && v[best] >= 1.5*s2
}

// scandOf returns the leading Scandinavian language of e.
func scandOf(e evidence) (int, bool) {
	v := []float32{e.sc[da], e.sc[sv], e.sc[nb], e.sc[nn]}
	l, ok := lead(v)
	if l < 0 {
		return -1, false
	}
	return [4]int{da, sv, nb, nn}[l], ok
}

// decide finds the language of a text from the evidence of its
// paragraphs. The family (Scandinavian, English, German) with most letters
// in paragraphs that lean to it wins, so that an English tweet does not
// outvote the Danish article around it; within the Scandinavian family,
// paragraphs that lead clearly vote by their letters, and if they cover
// less than half of the family's letters, lingua reads the others and
// votes with their letters.
func (id *Identifier) decide(text string, texts []string, ev []evidence) (int, bool) {
	var famLetters [3]int
	total := 0
	for _, e := range ev {
		total += e.letters
		f := e.families()
		if fi, _ := lead(f[:]); fi >= 0 {
			famLetters[fi] += e.letters
		}
	}
	if total == 0 {
		return -1, false
	}
	fam, most := -1, 0
	for f, n := range famLetters {
		if n > most {
			fam, most = f, n
		}
	}
	switch fam {
	case -1:
		l, _ := id.lingua(&id.all, &id.allHigh, text)
		return l, false
	case 1:
		return en, true
	case 2:
		return de, true
	}
	var votes [nLang]int
	voted := 0
	var unclear strings.Builder
	for i, e := range ev {
		f := e.families()
		if fi, _ := lead(f[:]); fi != 0 {
			continue
		}
		if l, ok := scandOf(e); ok {
			votes[l] += e.letters
			voted += e.letters
		} else if unclear.Len() < id.sample {
			unclear.WriteString(texts[i])
			unclear.WriteString("\n\n")
		}
	}
	byWords := true
	if 2*voted < famLetters[0] {
		// Too few clear paragraphs: the family's paragraphs together may
		// still lead clearly, if they agree with every clear paragraph.
		var sum evidence
		for _, e := range ev {
			if f := e.families(); family0(f) {
				for i := range sum.sc {
					sum.sc[i] += e.sc[i]
				}
			}
		}
		if l, ok := scandOf(sum); ok && votes[l] == voted {
			return l, true
		}
		// Most of the text has no clear word evidence: lingua reads the
		// unclear paragraphs, and its answer gets their letters.
		byWords = false
		if l, _ := id.lingua(&id.scand, &id.scandHigh, cut(unclear.String(), id.sample)); l >= 0 {
			votes[l] += famLetters[0] - voted
		}
	}
	best := -1
	for l, n := range votes {
		if n > 0 && (best < 0 || n > votes[best]) {
			best = l
		}
	}
	if best < 0 {
		l, _ := id.lingua(&id.scand, &id.scandHigh, text)
		return l, false
	}
	return best, byWords
}

// family0 reports whether family scores lead to the Scandinavian family.
func family0(f [3]float32) bool {
	fi, _ := lead(f[:])
	return fi == 0
}

// other returns the language of a paragraph when it is clearly not art,
// else -1.
func (id *Identifier) other(text string, e evidence, art int) int {
	f := e.families()
	fam, clear := lead(f[:])
	switch {
	case fam < 0:
		return -1
	case fam != family[art]:
		if !clear {
			return -1
		}
		switch fam {
		case 1:
			return en
		case 2:
			return de
		}
		if l, ok := scandOf(e); ok {
			return l
		}
		l, conf := id.lingua(&id.scand, &id.scandHigh, text)
		if conf < 0.6 {
			return -1
		}
		return l
	case fam == 0:
		l, ok := scandOf(e)
		if !ok || l == art {
			return -1
		}
		// Clearly another Scandinavian language: lingua must agree.
		if ll, conf := id.lingua(&id.scand, &id.scandHigh, text); ll == l && conf >= 0.6 {
			return l
		}
	}
	return -1
}

// linguaSample bounds the bytes lingua-go reads: its cost grows with the
// text (about 1 µs a byte in low-accuracy mode), and 500 bytes of a
// paragraph that the word counts found unclear are plenty.
const linguaSample = 500

// lingua classifies text (its first linguaSample bytes) with lingua-go: in low-accuracy mode (trigrams
// only, a few MB of models) when it has 120 runes or more, where that mode
// is nearly as good, else in high-accuracy mode (all n-gram models, about
// 110 MB, loaded on first use). It returns -1 when lingua cannot tell.
func (id *Identifier) lingua(low, high *lazyDetector, text string) (int, float64) {
	text = cut(text, linguaSample)
	det := high
	if utf8.RuneCountInString(text) >= 120 {
		det = low
	}
	vals := det.get().ComputeLanguageConfidenceValues(text)
	if len(vals) == 0 || vals[0].Value() == 0 || (len(vals) > 1 && vals[0].Value() == vals[1].Value()) {
		return -1, 0
	}
	for i, l := range linguaLangs {
		if l == vals[0].Language() {
			return i, vals[0].Value()
		}
	}
	return -1, 0
}

// score counts function words and word endings in text, and its letters.
func (id *Identifier) score(text string) (e evidence) {
	var buf [32]byte
	w := buf[:0]
	long := false
	add := func(set uint8) {
		var k float32
		for s := set; s != 0; s &= s - 1 {
			k++
		}
		for i := range nLang {
			if set&(1<<i) != 0 {
				e.sc[i] += 1 / k
			}
		}
	}
	flush := func() {
		if len(w) > 0 && !long {
			if len(w) < len(id.byLen) && id.byLen[len(w)]&(1<<firstClass(w[0])) != 0 {
				if set, ok := id.words[string(w)]; ok {
					add(set)
					w, long = w[:0], false
					return
				}
			}
			if len(w) >= 4 {
				k := uint16(w[len(w)-2])<<8 | uint16(w[len(w)-1])
				if id.sufEnd[k>>6]&(1<<(k&63)) != 0 {
					for n := min(id.maxSuffix, len(w)-2); n >= 2; n-- {
						if set, ok := id.suffixes[string(w[len(w)-n:])]; ok {
							add(set)
							break
						}
					}
				}
			}
		}
		w, long = w[:0], false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				flush()
				continue
			}
			e.letters++
			if len(w) < cap(w) {
				w = append(w, c)
			} else {
				long = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		e.letters++
		r = unicode.ToLower(r)
		if len(w)+utf8.RuneLen(r) <= cap(w) {
			w = utf8.AppendRune(w, r)
		} else {
			long = true
		}
	}
	flush()
	return e
}

// firstClass maps a word's first byte to one of 32 classes: a-z apart, the
// lead bytes of other letters folded together.
func firstClass(c byte) uint {
	if 'a' <= c && c <= 'z' {
		return uint(c - 'a')
	}
	return 26 + uint(c&3)
}

// cut returns the first n bytes of s, shortened to a rune boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Paragraphs appends to ps the paragraphs of text: maximal runs of lines
// that are not blank, without surrounding white space.
func Paragraphs(text string, ps []kilde.Paragraph) []kilde.Paragraph {
	start := -1 // start of the current paragraph
	end := 0    // end of its last non-blank line
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text)
		} else {
			j += i
		}
		line := text[i:j]
		if t := strings.TrimSpace(line); t == "" {
			if start >= 0 {
				ps = append(ps, kilde.Paragraph{Span: kilde.Span{Start: start, End: end}})
				start = -1
			}
		} else {
			lead := strings.Index(line, t)
			if start < 0 {
				start = i + lead
			}
			end = i + lead + len(t)
		}
		i = j + 1
	}
	if start >= 0 {
		ps = append(ps, kilde.Paragraph{Span: kilde.Span{Start: start, End: end}})
	}
	return ps
}
