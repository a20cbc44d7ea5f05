package timex

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kilde-news/kilde/lexicon"
	"github.com/kilde-news/kilde/number"
)

// wordInfo is a lexicon word with its value and kind column.
type wordInfo struct {
	val  int
	kind string
}

type unitInfo struct {
	unit string // Y HY Q M W W2 WE D H MIN S DE CE
	form string // sg, pl, def
}

type phrase struct {
	words []string
	kind  string
	arg   string
	adv   bool
}

// lang holds one language's time vocabulary, parsed once by New.
type lang struct {
	code     string
	months   map[string]wordInfo
	weekdays map[string]wordInfo
	seasons  map[string]string
	// seasonAmb holds season words that are also common words ("fall").
	seasonAmb map[string]bool
	units     map[string]unitInfo
	words     map[string]string // role
	clock     map[string]string // role
	future    map[string]bool
	other     *lang // the other language (its future cues count too)
	past      map[string]bool
	reported  map[string]string // say (reporting verb) or modal (would, ville)
	nums      map[string]wordInfo
	phrases   map[string][]phrase // first word → phrases, longest first
	// starts holds every word that may begin an expression (any word of
	// the tables above), so that Find skips other words with one lookup.
	starts map[string]bool
}

func loadLang(code string) (*lang, error) {
	l := &lang{code: code}
	var err error
	p := code + "/time_"
	if l.months, err = infoMap(p + "months.tsv"); err != nil {
		return nil, err
	}
	if l.weekdays, err = infoMap(p + "weekdays.tsv"); err != nil {
		return nil, err
	}
	if l.nums, err = infoMap(p + "numwords.tsv"); err != nil {
		return nil, err
	}
	if l.seasons, err = lexicon.Map(p + "seasons.tsv"); err != nil {
		return nil, err
	}
	srows, err := lexicon.Rows(p+"seasons.tsv", 2)
	if err != nil {
		return nil, err
	}
	l.seasonAmb = map[string]bool{}
	for _, r := range srows {
		if len(r) > 2 && r[2] == "amb" {
			l.seasonAmb[r[0]] = true
		}
	}
	if l.words, err = lexicon.Map(p + "words.tsv"); err != nil {
		return nil, err
	}
	if l.clock, err = lexicon.Map(p + "clock.tsv"); err != nil {
		return nil, err
	}
	if l.future, err = lexicon.Set(p + "future.tsv"); err != nil {
		return nil, err
	}
	if l.past, err = lexicon.Set(p + "past.tsv"); err != nil {
		return nil, err
	}
	if l.reported, err = lexicon.Map(p + "reported.tsv"); err != nil {
		return nil, err
	}
	rows, err := lexicon.Rows(p+"units.tsv", 3)
	if err != nil {
		return nil, err
	}
	l.units = make(map[string]unitInfo, len(rows))
	for _, r := range rows {
		l.units[r[0]] = unitInfo{r[1], r[2]}
	}
	rows, err = lexicon.Rows(p+"phrases.tsv", 3)
	if err != nil {
		return nil, err
	}
	l.phrases = map[string][]phrase{}
	for _, r := range rows {
		ph := phrase{words: strings.Fields(r[0]), kind: r[1], arg: r[2], adv: len(r) > 3 && r[3] == "adv"}
		l.phrases[ph.words[0]] = append(l.phrases[ph.words[0]], ph)
	}
	for k, v := range l.phrases {
		// longest first, so the first phrase that matches is the longest
		for i := 1; i < len(v); i++ {
			for j := i; j > 0 && len(v[j].words) > len(v[j-1].words); j-- {
				v[j], v[j-1] = v[j-1], v[j]
			}
		}
		l.phrases[k] = v
	}
	l.starts = map[string]bool{}
	for _, m := range []map[string]wordInfo{l.months, l.weekdays, l.nums} {
		for k := range m {
			l.starts[k] = true
		}
	}
	for _, m := range []map[string]string{l.seasons, l.words, l.clock} {
		for k, role := range m {
			switch role {
			case "aux", "lean", "of", "and":
				// context only, never the first word ("siger", "er",
				// "allerede", "af", "og"): frequent words skipped cheaply
				continue
			}
			l.starts[k] = true
		}
	}
	for k := range l.units {
		l.starts[k] = true
	}
	for k := range l.phrases {
		l.starts[k] = true
	}
	l.starts["q"], l.starts["h"] = true, true // Q3, H1
	return l, nil
}

// mayStart reports whether word w, followed by word next ("" if the next
// token is no word), may begin a time expression. Number words are not
// looked up here: they start a time only before a unit, month, weekday or
// clock word ("seks måneder", "tredje kvartal", "fjortende april",
// "seven o'clock"), so the next word decides, and compounds ("five-year",
// "third-quarter") by their last part.
func (l *lang) mayStart(w, next string) bool {
	if l.starts[w] {
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && (l.starts[w[:i]] || l.units[w[i+1:]].unit != "") {
		return true
	}
	if next == "" {
		return false
	}
	return l.units[next].unit != "" || l.months[next].kind != "" || l.weekdays[next].kind != "" || l.clock[next] == "oclock" ||
		l.words[next] == "and" || l.clock[next] == "half" || l.nums[next].kind != "" // to og en halv, en halv time, et par
}

func infoMap(name string) (map[string]wordInfo, error) {
	rows, err := lexicon.Rows(name, 3)
	if err != nil {
		return nil, err
	}
	m := make(map[string]wordInfo, len(rows))
	for _, r := range rows {
		v, err := strconv.Atoi(r[1])
		if err != nil {
			return nil, fmt.Errorf("timex: %s: %q: %w", name, r[0], err)
		}
		m[r[0]] = wordInfo{v, r[2]}
	}
	return m, nil
}

// numberWord returns the value of a cardinal number word ("seks", "twenty",
// "twenty-one", "syvoghalvfems") read by package number; -1 means an
// unspecified plural from time_numwords.tsv ("flere", "several") and -2 one
// and a half ("halvanden").
func (l *lang) numberWord(w string) (int, bool) {
	if wi, ok := l.nums[w]; ok && wi.kind == "card" {
		return wi.val, true
	}
	n, ok := number.Scan(l.code, w, 0)
	if !ok || n.End != len(w) || n.Ordinal || n.Fraction || n.Digits || n.Negative {
		return 0, false
	}
	if n.Value == 1.5 {
		return -2, true
	}
	if n.Value < 1 || n.Value > 1e6 || n.Value != float64(int(n.Value)) {
		return 0, false
	}
	return int(n.Value), true
}

// ordinalWord returns the value of an ordinal word ("tredje", "third",
// "enogtredivte"), read by package number.
func (l *lang) ordinalWord(w string) (int, bool) {
	n, ok := number.Scan(l.code, w, 0)
	if !ok || n.End != len(w) || !n.Ordinal || n.Digits || n.Value < 1 || n.Value > 1000 || n.Value != float64(int(n.Value)) {
		return 0, false
	}
	return int(n.Value), true
}
