package timex

import (
	"strconv"
	"strings"
	"time"
)

func (m *matcher) mk(start, end int, typ, val string, kind int) (match, bool) {
	return match{start: start, end: end, typ: typ, val: val, kind: kind}, true
}

// dayKind is kDay for a value of day granularity.
func dayKind(v string) int {
	if len(v) == 10 && v[4] == '-' && v[7] == '-' {
		return kDay
	}
	return kOther
}

// phrase matches the fixed phrases of time_phrases.tsv.
func (m *matcher) phrase(i, depth int) (match, bool) {
	t := m.tok(i)
	if t.k != kWord {
		return match{}, false
	}
	for _, ph := range m.l.phrases[t.low] {
		j := i
		ok := true
		for _, w := range ph.words {
			wantDot := len(w) > 1 && strings.HasSuffix(w, ".")
			if wantDot {
				w = w[:len(w)-1]
			}
			tj := m.tok(j)
			if tj.k != kWord || tj.low != w {
				ok = false
				break
			}
			j++
			if wantDot {
				if !m.isPunct(j, ".") {
					ok = false
					break
				}
				j++
			}
		}
		if !ok {
			continue
		}
		if r, ok := m.phraseValue(ph, i, j, depth); ok {
			return r, true
		}
	}
	return match{}, false
}

func (m *matcher) phraseValue(ph phrase, i, j, depth int) (match, bool) {
	a := m.anc
	switch ph.kind {
	case "day":
		off, _ := strconv.Atoi(ph.arg)
		v := a.shift(off, "D")
		return m.mk(i, j, "DATE", v, dayKind(v))
	case "unit":
		f := strings.Fields(ph.arg)
		if len(f) != 2 {
			return match{}, false
		}
		off, _ := strconv.Atoi(f[0])
		if off == 0 && f[1] == "WE" && a.prec >= precDay {
			// "i weekenden" on a Monday is the weekend just past (news
			// reports what happened) unless the sentence looks ahead; later
			// in the week it is the coming one, as before.
			if a.t.Weekday() == time.Monday && !m.future(i) {
				off = -1
			}
		}
		return m.mk(i, j, "DATE", a.shift(off, f[1]), kOther)
	case "pod":
		f := strings.Fields(ph.arg)
		if len(f) != 2 {
			return match{}, false
		}
		off, _ := strconv.Atoi(f[0])
		v := a.shift(off, "D")
		if len(v) != 10 {
			v = "XXXX-XX-XX"
		}
		return m.mk(i, j, "TIME", v+"T"+f[1], kOther)
	case "ref":
		if n := m.tok(j); n.k == kWord && m.l.units[n.low].unit != "" {
			return match{}, false // "the past decade"
		} else if n.k == kNum || n.k == kWord && isNumWord(m.l, n.low) {
			if _, k, ok := m.number(j); ph.arg != "PRESENT_REF" || ok && m.tok(k).k == kWord && m.l.units[m.tok(k).low].unit != "" {
				return match{}, false // "in the past two years" (but "har nu 58 point")
			}
		}
		if ph.adv {
			// "Tidligere denne måned", "earlier this year": the time that follows
			if depth == 0 {
				if r, ok := m.at(j, 1); ok && r.kind != kClock {
					r.start = i
					return r, true
				}
			}
			n := m.tok(j)
			if !(n.k == 0 || m.role(i-1) == "aux" || n.k == kPunct && n.low != "-" || n.k == kWord && m.l.words[n.low] == "aux") {
				return match{}, false
			}
		}
		return m.mk(i, j, "DATE", ph.arg, kOther)
	case "set":
		if ph.adv {
			p := m.tok(i - 1)
			if !(p.k == kNum || p.low == "%" || p.low == "times" || p.low == "twice" || p.low == "once" || p.low == "percent" ||
				p.low == "million" || p.low == "billion" || p.low == "trillion" || p.low == "bn" || p.low == "dollars" || p.low == "euros" || p.low == "pounds") {
				return match{}, false
			}
		}
		return m.mk(i, j, "SET", ph.arg, kOther)
	case "decade":
		return m.mk(i, j, "DATE", ph.arg, kOther)
	case "ctxy":
		// "året før", "the year before": only at the end of a clause or
		// before a verb, not "året før valget" (relative to an event)
		if w := ph.words[len(ph.words)-1]; w == "før" || w == "efter" || w == "before" || w == "after" {
			if n := m.tok(j); n.k == kNum || n.k == kWord && m.l.words[n.low] != "aux" && !m.isPast(j) {
				return match{}, false
			}
		}
		off, _ := strconv.Atoi(ph.arg)
		y, ok := m.refYear()
		if !ok {
			return m.mk(i, j, "DATE", "XXXX", kOther)
		}
		return m.mk(i, j, "DATE", fmtYear(y+off), kOther)
	case "yturn":
		if a.prec == precNone {
			return m.mk(i, j, "DATE", "XXXX-01-01", kOther)
		}
		y := a.year()
		if m.future(i) && !(a.prec >= precMonth && a.month() == 1 && a.t.Day() == 1) {
			y++
		}
		return m.mk(i, j, "DATE", fmtYear(y)+"-01-01", kDay)
	case "dur":
		return m.mk(i, j, "DURATION", ph.arg, kOther)
	case "clock":
		return m.mk(i, j, "TIME", "T"+ph.arg, kClock)
	case "mday":
		if len(ph.arg) != 5 {
			return match{}, false
		}
		mo, _ := strconv.Atoi(ph.arg[:2])
		d, _ := strconv.Atoi(ph.arg[3:])
		if y, ok := m.year4(j); ok {
			return m.mk(i, j+1, "DATE", fmtMonth(y, mo)+"-"+two(d), kDay)
		}
		v := a.dayMonth(d, mo, m.dirFor(i))
		return m.mk(i, j, "DATE", v, dayKind(v))
	}
	return match{}, false
}

// twoDigitYear expands "15" to 2015 and "74" to 1974, pivoting ten years
// after the article date.
func (m *matcher) twoDigitYear(y int) int {
	pivot := 2035
	if m.anc.prec > precNone {
		pivot = m.anc.year() + 10
	}
	if 2000+y <= pivot {
		return 2000 + y
	}
	return 1900 + y
}

func validDate(y, mo, d int) bool {
	return mo >= 1 && mo <= 12 && d >= 1 && y >= 1 && y <= 9999 && d <= daysIn(y, mo)
}

// numericDate: 2019-02-17, 17.02.2019, 17/2-2019, 3/3/15, 15/02, 25-4 kl. 16.
func (m *matcher) numericDate(i int) (match, bool) {
	a := m.tok(i)
	if a.k != kNum || a.nd > 4 {
		return match{}, false
	}
	sep1 := m.tok(i + 1)
	b := m.tok(i + 2)
	if sep1.k != kPunct || !m.adj(i+1) || b.k != kNum || !m.adj(i+2) || b.nd > 2 {
		return match{}, false
	}
	s1 := sep1.low
	if s1 != "-" && s1 != "/" && s1 != "." {
		return match{}, false
	}
	sep2 := m.tok(i + 3)
	c := m.tok(i + 4)
	hasThird := sep2.k == kPunct && m.adj(i+3) && c.k == kNum && m.adj(i+4) && (sep2.low == "-" || sep2.low == "/" || sep2.low == ".")
	if a.nd == 4 {
		// ISO: 2019-02-17 (also 2019/02/17)
		if !hasThird || c.nd > 2 || s1 == "." || sep2.low != s1 {
			return match{}, false
		}
		if !validDate(a.n, b.n, c.n) {
			return match{}, false
		}
		if m.tok(i+5).k == kNum && m.adj(i+5) {
			return match{}, false
		}
		return m.mk(i, i+5, "DATE", fmtMonth(a.n, b.n)+"-"+two(c.n), kDay)
	}
	if a.nd > 2 {
		return match{}, false
	}
	d, mo := a.n, b.n
	if m.l.code == "en" && s1 == "/" && a.n <= 12 {
		d, mo = b.n, a.n // US order
	}
	if hasThird && (c.nd == 4 || c.nd == 2) {
		if (m.isPunct(i+5, ".") || m.isPunct(i+5, "/") || m.isPunct(i+5, "-")) && m.tok(i+6).k == kNum && m.adj(i+6) {
			return match{}, false // 1.2.3.4, a version or a phone number
		}
		y := c.n
		if c.nd == 2 {
			if s1 == "." && sep2.low == "." && a.nd == 1 {
				return match{}, false
			}
			y = m.twoDigitYear(y)
		}
		if !validDate(y, mo, d) {
			return match{}, false
		}
		return m.mk(i, i+5, "DATE", fmtMonth(y, mo)+"-"+two(d), kDay)
	}
	if hasThird || s1 == "." {
		return match{}, false
	}
	// day and month only: "15/02", "25/4 kl. 16", not "1/2 procent" or "3-1"
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return match{}, false
	}
	n := m.tok(i + 3)
	ok := a.nd == 2 && b.nd == 2 && s1 == "/"
	if n.k == kWord && m.l.clock[n.low] == "clock" {
		ok = true
	}
	if p := m.tok(i - 1); p.k == kWord && (p.low == "den" || p.low == "d") {
		ok = true
	}
	if !ok || n.low == "%" || n.k == kWord && (n.low == "procent" || n.low == "percent") {
		return match{}, false
	}
	v := m.anc.dayMonth(d, mo, m.dirFor(i))
	return m.mk(i, i+3, "DATE", v, dayKind(v))
}

// monthAt reads a month name at i; abbreviations take an optional period.
func (m *matcher) monthAt(i int) (mo int, kind string, next int, ok bool) {
	t := m.tok(i)
	if t.k != kWord {
		return 0, "", i, false
	}
	wi, ok := m.l.months[t.low]
	if !ok {
		return 0, "", i, false
	}
	next = i + 1
	if wi.kind == "abbr" {
		next = m.dot(next)
	}
	return wi.val, wi.kind, next, true
}

// textDate: [weekday[,]] [den|the] 17. februar [2019], February 17[,] 2019,
// 17 Feb, februar 2019, and a month alone.
func (m *matcher) textDate(i int) (match, bool) {
	start := i
	j := i
	hadWeekday := false
	if t := m.tok(j); t.k == kWord {
		if wi, ok := m.l.weekdays[t.low]; ok && (wi.kind == "full" || wi.kind == "abbr" || wi.kind == "short") {
			j = m.dot(j + 1)
			if m.isPunct(j, ",") {
				j++
			}
			if m.tok(j).nl {
				return match{}, false // a headline weekday, then the date line
			}
			hadWeekday = true
		}
	}
	if r := m.role(j); r == "det" {
		if n := m.tok(j + 1); n.k == kNum || n.k == kWord && isOrdWord(m.l, n.low) {
			j++
		}
	}
	// day first
	if d, k, ok := m.ordinal(j, true); ok || m.tok(j).k == kNum && m.tok(j).nd <= 2 {
		if !ok {
			d, k = m.tok(j).n, j+1
		}
		if m.role(k) == "of" {
			k++
		}
		if mo, _, k2, ok := m.monthAt(k); ok && d >= 1 && d <= 31 {
			if m.isPunct(k2, ",") {
				if _, ok := m.year4(k2 + 1); ok {
					k2++
				}
			}
			if y, ok := m.year4(k2); ok {
				if !validDate(y, mo, d) {
					return match{}, false
				}
				return m.mk(start, k2+1, "DATE", fmtMonth(y, mo)+"-"+two(d), kDay)
			}
			if hadWeekday {
				if v, ok := m.weekdayYear(weekdayOf(m.tok(start).low, m.l), mo, d); ok {
					return m.mk(start, k2, "DATE", v, kDay)
				}
			}
			v := m.anc.dayMonth(d, mo, m.dirFor(j))
			return m.mk(start, k2, "DATE", v, dayKind(v))
		}
	}
	// month first
	mo, kind, k, ok := m.monthAt(j)
	if !ok {
		return match{}, false
	}
	if n := m.tok(k); n.k == kNum && n.nd <= 2 && n.n >= 1 && n.n <= 31 && !m.isPunct(k+1, ":") && !(m.isPunct(k+1, ".") && m.tok(k+2).k == kNum) {
		d := n.n
		k2 := k + 1
		if w := m.tok(k2); w.k == kWord && m.adj(k2) && (w.low == "st" || w.low == "nd" || w.low == "rd" || w.low == "th") {
			k2++
		}
		if m.isPunct(k2, ",") {
			if _, ok := m.year4(k2 + 1); ok {
				k2++
			}
		}
		if y, ok := m.year4(k2); ok {
			if validDate(y, mo, d) {
				return m.mk(start, k2+1, "DATE", fmtMonth(y, mo)+"-"+two(d), kDay)
			}
			return match{}, false
		}
		if m.isPunct(k2, ",") && m.isPunct(k2-1, ",") {
			k2--
		}
		end := k2
		wd := 0
		if hadWeekday {
			wd = weekdayOf(m.tok(start).low, m.l)
		} else if m.isPunct(k2, ",") { // "Jul 18, Fre"
			if wi, ok := m.l.weekdays[m.tok(k2+1).low]; ok && wi.kind != "past" && wi.kind != "set" {
				wd, end = wi.val, m.dot(k2+2)
			}
		}
		if wd > 0 {
			if v, ok := m.weekdayYear(wd, mo, d); ok {
				return m.mk(start, end, "DATE", v, kDay)
			}
		}
		if kind != "amb" || m.tok(j).cap {
			v := m.anc.dayMonth(d, mo, m.dirFor(j))
			return m.mk(start, k2, "DATE", v, dayKind(v))
		}
	}
	k2 := k
	if m.role(k2) == "of" {
		k2++
	}
	if y, ok := m.year4(k2); ok {
		return m.mk(start, k2+1, "DATE", fmtMonth(y, mo), kOther)
	}
	if hadWeekday {
		return match{}, false
	}
	if kind != "abbr" && (kind != "amb" || m.tok(j).cap) {
		// juli i år, maj sidste år, March of last year
		if _, rel, k3, ok := m.periodYear(k); ok && k3 > k+1 && !m.tok(k).nl {
			if m.anc.prec < precYear {
				return m.mk(start, k3, "DATE", "XXXX-"+two(mo), kOther)
			}
			return m.mk(start, k3, "DATE", fmtMonth(m.anc.year()+rel, mo), kOther)
		}
	}
	switch kind {
	case "abbr":
		return match{}, false
	case "amb":
		p := m.tok(j - 1)
		if !m.tok(j).cap || p.k == 0 || p.k == kWord && p.cap || m.boundary(j-1) || m.tok(j).nl {
			return match{}, false
		}
	}
	return m.mk(start, k, "DATE", m.anc.month1(mo, m.dirFor(j)), kOther)
}

// weekdayYear picks the year, within a year of the article date's, in
// which day d of month mo falls on weekday wd: "Mandag den 18. februar".
func (m *matcher) weekdayYear(wd, mo, d int) (string, bool) {
	if m.anc.prec < precYear {
		return "", false
	}
	for _, dy := range []int{0, -1, 1} {
		y := m.anc.year() + dy
		if validDate(y, mo, d) && isoWeekday(y, mo, d) == wd {
			return fmtMonth(y, mo) + "-" + two(d), true
		}
	}
	return "", false
}

func weekdayOf(w string, l *lang) int {
	return l.weekdays[w].val
}

func isoWeekday(y, mo, d int) int {
	t := parseAnchor(fmtMonth(y, mo) + "-" + two(d)).t
	wd := int(t.Weekday())
	if wd == 0 {
		wd = 7
	}
	return wd
}

// weekday: mandag, på mandag, i mandags, om mandagen, onsdag i næste uge.
func (m *matcher) weekday(i int) (match, bool) {
	start := i
	dir := dirOnBefore
	j := i
	if m.role(j) == "in" {
		if wi, ok := m.l.weekdays[m.tok(j+1).low]; ok && wi.kind == "past" {
			return m.mk(j, j+2, "DATE", m.anc.weekday(wi.val, dirBefore), kDay)
		}
	}
	if r := m.role(j); r == "on" {
		dir = dirAfter
		j++
	} else if r == "until" {
		dir = dirOnAfter // "until Friday", "indtil fredag"
		j++
	}
	t := m.tok(j)
	if t.k != kWord {
		return match{}, false
	}
	wi, ok := m.l.weekdays[t.low]
	if !ok {
		return match{}, false
	}
	end := j + 1
	switch wi.kind {
	case "abbr":
		return match{}, false
	case "short":
		end = m.dot(end)
	case "past":
		if m.role(j-1) != "in" {
			return match{}, false
		}
		return m.mk(j-1, j+1, "DATE", m.anc.weekday(wi.val, dirBefore), kDay)
	case "set":
		if m.l.code == "da" && m.tok(j-1).low != "om" {
			return match{}, false
		}
		if m.l.code == "da" {
			start = j - 1
		}
		return m.mk(start, j+1, "SET", "XXXX-WXX-"+strconv.Itoa(wi.val), kOther)
	}
	if start != j {
		start = j // "på", "until" stay out of the span
	}
	// onsdag i næste uge, Wednesday next week
	k := j + 1
	if m.role(k) == "in" {
		k++
	}
	if r := m.role(k); r == "last" || r == "next" || r == "this" {
		if u, ok := m.l.units[m.tok(k+1).low]; ok && u.unit == "W" && (u.form == "sg" || u.form == "def") {
			off := modOffset(r)
			if m.anc.prec < precDay {
				return m.mk(start, k+2, "DATE", "XXXX-WXX-"+strconv.Itoa(wi.val), kDay)
			}
			v := m.anc.weekday(wi.val, dirThis)
			a2 := parseAnchor(v)
			return m.mk(start, k+2, "DATE", a2.shift(7*off, "D"), kDay)
		}
	}
	if dir == dirOnBefore && (m.future(j) || m.futureV2(j, end)) {
		dir = dirOnAfter
	}
	return m.mk(start, end, "DATE", m.anc.weekday(wi.val, dir), kDay)
}

// futureV2 reports a weekday first in its sentence followed right away by
// a future cue, the finite verb in second place: "Torsdag forventes
// dommen", "Fredag fremlægger regeringen sit udspil".
func (m *matcher) futureV2(j, next int) bool {
	if j > 0 && !m.boundary(j-1) && !m.toks[j].nl {
		return false
	}
	t := m.tok(next)
	return t.k == kWord && (m.l.future[t.low] || m.l.other.future[t.low])
}

// relative: sidste år, næste måned, denne uge, last Tuesday, next spring,
// the past decade, de sidste seks måneder (P6M), the next two years.
func (m *matcher) relative(i int) (match, bool) {
	start := i
	j := i
	det := false
	if m.role(j) == "det" {
		det = true
		j++
	}
	r := m.role(j)
	if det && m.tok(j).low == "her" && m.l.code == "da" {
		r = "this" // den her sommer
	}
	if r != "last" && r != "next" && r != "this" {
		return match{}, false
	}
	off := modOffset(r)
	dir := modDir(r)
	j++
	t := m.tok(j)
	if t.k == kWord {
		if u, ok := m.l.units[t.low]; ok {
			plural := u.form == "pl" || det && m.tok(i).low == "de"
			switch {
			case plural:
				if !det && m.l.code == "da" {
					return match{}, false
				}
				return m.mk(start, j+1, "DURATION", durUnit("X", u.unit), kOther)
			case det && r == "last" && m.l.code == "da":
				return m.mk(start, j+1, "DURATION", durUnit("1", u.unit), kOther)
			case det && (m.tok(j-1).low == "past" || m.tok(j-1).low == "next" || m.tok(j-1).low == "coming") && m.l.code == "en" && u.form == "sg" && m.role(j+1) != "of" &&
				(u.unit == "Y" || u.unit == "M" || u.unit == "W" || u.unit == "DE" || u.unit == "CE"):
				// "the past year", "the next decade": a period, as TimeBank annotates it
				return m.mk(start, j+1, "DURATION", durUnit("1", u.unit), kOther)
			case det && r == "last" && t.low == "decade":
				return m.mk(start, j+1, "DATE", m.anc.shift(0, "DE"), kOther)
			}
			if u.unit == "W2" {
				return match{}, false
			}
			if u.unit == "D" && off != 0 {
				// "næste dag", "the next day", "sidste dag": relative to an event
				return m.mk(start, j+1, "DATE", "XXXX-XX-XX", kOther)
			}
			v := m.anc.shift(off, u.unit)
			return m.mk(start, j+1, "DATE", v, dayKind(v))
		}
		if code, ok := m.l.seasons[t.low]; ok {
			return m.mk(start, j+1, "DATE", m.anc.season(code, dir), kOther)
		}
		again := r == "next" && m.role(j+1) == "again" // næste fredag igen
		if wi, ok := m.l.weekdays[t.low]; ok && wi.kind == "full" {
			v := m.anc.weekday(wi.val, dir)
			if again && len(v) == 10 && v[0] != 'X' {
				return m.mk(start, j+2, "DATE", parseAnchor(v).shift(7, "D"), kDay)
			}
			return m.mk(start, j+1, "DATE", v, kDay)
		}
		if mo, kind, k, ok := m.monthAt(j); ok && kind != "abbr" && (kind != "amb" || t.cap) {
			v := m.anc.month1(mo, dir)
			if again && v[0] != 'X' {
				y, _ := strconv.Atoi(v[:4])
				return m.mk(start, k+1, "DATE", fmtMonth(y+1, mo), kOther)
			}
			return m.mk(start, k, "DATE", v, kOther)
		}
	}
	// de sidste seks måneder
	if n, k, ok := m.number(j); ok {
		if u, ok := m.l.units[m.tok(k).low]; ok && m.tok(k).k == kWord {
			return m.mk(start, k+1, "DURATION", durUnit(n, u.unit), kOther)
		}
	}
	return match{}, false
}

// season: i sommer, sommeren 2018, summer of 2018, (in the) winter.
func (m *matcher) season(i int) (match, bool) {
	start := i
	j := i
	deictic, til := false, false
	if m.l.code == "da" && m.role(j) == "in" && m.tok(j).low == "i" {
		deictic = true
		j++
	} else if m.l.code == "da" && m.tok(j).low == "til" && m.tok(j).k == kWord {
		til = true // "til sommer", "til efteråret"
		j++
	} else if m.role(j) == "det" {
		j++
	}
	t := m.tok(j)
	code, ok := m.l.seasons[t.low]
	if !ok || t.k != kWord {
		return match{}, false
	}
	k := j + 1
	if m.role(k) == "of" {
		k++
	}
	if y, ok := m.year4(k); ok {
		if m.role(i) == "det" && !deictic && m.role(k-1) == "of" {
			return m.mk(i, k+1, "DATE", fmtYear(y)+"-"+code, kOther) // the summer of 2022
		}
		return m.mk(j, k+1, "DATE", fmtYear(y)+"-"+code, kOther)
	}
	if !deictic && m.l.seasonAmb[t.low] && m.role(j-1) != "det" {
		return match{}, false // "stocks fall"
	}
	if !deictic {
		start = j
		if m.l.code == "da" && !strings.HasSuffix(t.low, "en") && !strings.HasSuffix(t.low, "et") && t.low != "forår" && t.low != "efterår" {
			if !til {
				// a bare indefinite Danish season ("sommer") is usually generic
				return match{}, false
			}
			start = i // "til sommer" is one deictic unit like "i sommer"
		}
	}
	return m.mk(start, j+1, "DATE", m.anc.season(code, m.dirFor(j)), kOther)
}

// week: uge 7, week 7 [2019].
func (m *matcher) week(i int) (match, bool) {
	u, ok := m.l.units[m.tok(i).low]
	if !ok || u.unit != "W" || u.form != "sg" || m.tok(i).k != kWord {
		return match{}, false
	}
	n := m.tok(i + 1)
	if n.k != kNum || n.nd > 2 || n.n < 1 || n.n > 53 {
		return match{}, false
	}
	if y, ok := m.year4(i + 2); ok {
		return m.mk(i, i+3, "DATE", fmtYear(y)+"-W"+two(n.n), kOther)
	}
	if m.anc.prec >= precYear {
		return m.mk(i, i+2, "DATE", fmtYear(m.anc.year())+"-W"+two(n.n), kOther)
	}
	return m.mk(i, i+2, "DATE", "XXXX-W"+two(n.n), kOther)
}

// periodYear reads what may follow "3. kvartal": a year, "of 2019",
// "of this year", "i år", "sidste år". It returns the year offset or
// absolute year.
func (m *matcher) periodYear(k int) (abs, rel int, next int, ok bool) {
	if r, ok := m.phrase(k, 1); ok && r.end == k+2 && m.tok(k).low == "i" && m.l.units[m.tok(k+1).low].unit == "Y" {
		return 0, 0, r.end, true // i år
	}
	j := k
	if m.role(j) == "of" || m.role(j) == "in" {
		j++
	}
	if y, ok := m.year4(j); ok {
		return y, 0, j + 1, true
	}
	if r := m.role(j); r == "last" || r == "next" || r == "this" {
		if u, ok := m.l.units[m.tok(j+1).low]; ok && u.unit == "Y" {
			return 0, modOffset(r), j + 2, true
		}
	}
	return 0, 0, k, false
}

// ordinalUnit: 3. kvartal, tredje kvartal 2018, the third quarter of 2009,
// første halvår, det 20. århundrede, the 20th century.
func (m *matcher) ordinalUnit(i int) (match, bool) {
	start := i
	j := i
	if m.role(j) == "det" {
		j++
	}
	var n, k int
	var unit string
	if t := m.tok(j); t.k == kWord && strings.IndexByte(t.low, '-') > 0 {
		// third-quarter
		h := strings.IndexByte(t.low, '-')
		v, ok := m.l.ordinalWord(t.low[:h])
		u, ok2 := m.l.units[t.low[h+1:]]
		if !ok || !ok2 {
			return match{}, false
		}
		n, k, unit = v, j+1, u.unit
	} else {
		v, k2, ok := m.ordinal(j, m.l.code == "da")
		if !ok {
			return match{}, false
		}
		u, ok := m.l.units[m.tok(k2).low]
		if !ok || m.tok(k2).k != kWord {
			return match{}, false
		}
		n, k, unit = v, k2+1, u.unit
	}
	if start != j && unit != "CE" && unit != "Q" && unit != "HY" {
		return match{}, false
	}
	switch unit {
	case "Q", "HY":
		max := 4
		letter := "Q"
		if unit == "HY" {
			max, letter = 2, "H"
		}
		if n < 1 || n > max {
			return match{}, false
		}
		y, rel, k2, ok := m.periodYear(k)
		if ok {
			if y == 0 {
				if m.anc.prec < precYear {
					return m.mk(start, k2, "DATE", "XXXX-"+letter+strconv.Itoa(n), kOther)
				}
				y = m.anc.year() + rel
			}
			return m.mk(start, k2, "DATE", fmtYear(y)+"-"+letter+strconv.Itoa(n), kOther)
		}
		if unit == "Q" {
			return m.mk(start, k, "DATE", m.anc.quarter(n, m.dirFor(j)), kOther)
		}
		v := "XXXX-H" + strconv.Itoa(n)
		if m.anc.prec >= precMonth {
			// the latest half on or before the article date; the next one
			// on or after it after a future cue ("We expect it to last well
			// into the second half")
			y := m.anc.year()
			if m.dirFor(j) == dirOnAfter {
				if n == 1 && m.anc.month() > 6 {
					y++
				}
			} else if n == 2 && m.anc.month() <= 6 {
				y--
			}
			v = fmtYear(y) + "-H" + strconv.Itoa(n)
		} else if m.anc.prec == precYear {
			v = fmtYear(m.anc.year()) + "-H" + strconv.Itoa(n)
		}
		return m.mk(start, k, "DATE", v, kOther)
	case "CE":
		if n < 1 || n > 22 {
			return match{}, false
		}
		return m.mk(start, k, "DATE", two(n-1), kOther)
	}
	return match{}, false
}

// qWord: Q3, Q3 2019, H1.
func (m *matcher) qWord(i int) (match, bool) {
	t := m.tok(i)
	if t.k != kWord || (t.low != "q" && t.low != "h") {
		return match{}, false
	}
	n := m.tok(i + 1)
	max := 4
	if t.low == "h" {
		max = 2
	}
	if n.k != kNum || !m.adj(i+1) || n.nd != 1 || n.n < 1 || n.n > max || !t.cap {
		return match{}, false
	}
	letter := strings.ToUpper(t.low)
	if y, ok := m.year4(i + 2); ok {
		return m.mk(i, i+3, "DATE", fmtYear(y)+"-"+letter+strconv.Itoa(n.n), kOther)
	}
	if letter == "H" {
		return match{}, false
	}
	return m.mk(i, i+2, "DATE", m.anc.quarter(n.n, m.dirFor(i)), kOther)
}

// year: 2019, 1990'erne, the 1990s, 90'erne, '90s, 1800-tallet.
func (m *matcher) year(i int) (match, bool) {
	start := i
	j := i
	if m.isPunct(j, "'") {
		j++ // '90s
		if !m.adj(j) {
			return match{}, false
		}
	}
	t := m.tok(j)
	if t.k != kNum || (t.nd != 4 && t.nd != 2) {
		return match{}, false
	}
	// decade suffix
	k := j + 1
	if m.isPunct(k, "'") && m.adj(k) {
		k++
	}
	if s := m.tok(k); s.k == kWord && m.adj(k) && (s.low == "erne" || s.low == "s") && t.n%10 == 0 {
		if t.nd == 4 {
			if t.n < 1000 {
				return match{}, false
			}
			return m.mk(start, k+1, "DATE", fmtYear(t.n)[:3], kOther)
		}
		return m.mk(start, k+1, "DATE", "19"+strconv.Itoa(t.n/10), kOther)
	}
	if start != j {
		if t.nd == 2 && !(m.tok(k).k == kWord && m.adj(k)) {
			return m.mk(start, j+1, "DATE", fmtYear(m.twoDigitYear(t.n)), kOther) // '82
		}
		return match{}, false
	}
	if t.nd != 4 {
		return match{}, false
	}
	if m.isPunct(k, "-") && m.adj(k) {
		if s := m.tok(k + 1); s.k == kWord && m.adj(k+1) && (s.low == "tallet" || s.low == "tal") {
			if t.n >= 1000 && t.n%100 == 0 {
				return m.mk(start, k+2, "DATE", fmtYear(t.n)[:2], kOther)
			}
			if t.n >= 1000 && t.n%10 == 0 {
				return m.mk(start, k+2, "DATE", fmtYear(t.n)[:3], kOther)
			}
		}
		if s := m.tok(k + 1); s.k == kNum && m.adj(k+1) {
			return match{}, false // 2019-20, 1234-5678
		}
	}
	y, ok := m.year4(j)
	if !ok {
		return match{}, false
	}
	if m.adj(j) && m.tok(j-1).k == kWord || m.adj(j+1) && m.tok(j+1).k == kWord {
		return match{}, false // B1903, 2019a
	}
	if y < 1900 || y > 2099 {
		// an older year only after "i", "in", "år", "year", "since"
		p := m.tok(j - 1)
		if !(m.role(j-1) == "in" || p.k == kWord && m.l.units[p.low].unit == "Y") {
			return match{}, false
		}
	}
	n := m.tok(j + 1)
	if n.low == "%" || n.k == kWord && (n.low == "procent" || n.low == "percent" || n.low == "kr" || n.low == "kroner" || n.low == "dollars") {
		return match{}, false
	}
	if p := m.tok(j - 1); p.low == "$" || p.low == "€" || p.low == "£" || p.low == "#" || p.low == "nr" || p.low == "no" {
		return match{}, false
	}
	return m.mk(start, j+1, "DATE", fmtYear(y), kOther)
}

// durationAt: seks måneder, for 48 hours, i over et årti, 12-year,
// for tre år siden, two weeks ago, om tre dage.
func (m *matcher) durationAt(i int) (match, bool) {
	start := i
	j := i
	ago := false
	if m.l.code == "da" && m.role(j) == "for" {
		ago = true
		j++
	}
	fut := false
	if m.l.code == "da" && m.tok(j).low == "om" && m.tok(j).k == kWord {
		fut = true
		j++
	}
	between := false
	if m.l.code == "en" && m.tok(j).low == "the" && !isArticleOne(m.tok(j+1).low) {
		// "the three weeks": TIMEX3 keeps the determiner (not of a compound
		// modifier: "the 10-year yield")
		if _, k, ok := m.number(j + 1); ok && m.tok(k).k == kWord && m.l.units[m.tok(k).low].form == "pl" && !m.isPunct(k-1, "-") {
			j++
		}
	}
	if m.role(j) == "between" && !ago && !fut {
		between = true // mellem 10 og 14 måneder
		j++
	} else if m.l.code == "da" && m.tok(j).low == "under" && !ago && !fut && m.role(j+1) != "det" {
		j++ // "under et år": less than a year (not "under de sidste to år")
	}
	for (m.role(j) == "approx" || m.role(j) == "than") && m.l.units[m.tok(j+1).low].unit == "" || m.tok(j).low == "at" && m.l.code == "en" && m.role(j+1) == "approx" || m.isPunct(j, ".") && m.tok(j-1).low == "ca" {
		j++
	}
	var n, unit string
	var k int
	t := m.tok(j)
	if t.k == kWord && strings.IndexByte(t.low, '-') > 0 {
		// five-year, twenty-one days handled below
		h := strings.LastIndexByte(t.low, '-')
		if u, ok := m.l.units[t.low[h+1:]]; ok {
			if v, ok := m.l.numberWord(t.low[:h]); ok && v > 0 {
				n, unit, k = strconv.Itoa(v), u.unit, j+1
			}
		}
	}
	if unit == "" {
		v, k2, ok := m.number(j)
		if !ok {
			return match{}, false
		}
		// a range: "mellem 10 og 14 måneder", "10-14 måneder", "10 til 14
		// måneder", "between 10 and 14 months": one DURATION over the whole
		// span, valued at the upper bound (TIMEX3 has no ranges)
		c := m.tok(k2)
		if between && m.role(k2) == "and" || !between && (m.isPunct(k2, "-") && m.adj(k2) && m.adj(k2+1) && t.k == kNum ||
			c.k == kWord && (c.low == "til" && m.l.code == "da" || c.low == "to" && m.l.code == "en")) {
			v2, k3, ok := m.number(k2 + 1)
			if n2 := m.tok(k2 + 1); m.isPunct(k2, "-") && n2.k == kNum && n2.nd <= 4 {
				v2, k3, ok = strconv.Itoa(n2.n), k2+2, true // "10-14 dage": number() refuses a tail after punctuation
			}
			if ok && v2 != "X" && m.tok(k3).k == kWord && m.l.units[m.tok(k3).low].unit != "" {
				v, k2 = v2, k3
				between = false
			}
		}
		if between {
			return match{}, false
		}
		if m.isPunct(k2, "-") && m.adj(k2) && m.tok(j).k == kNum {
			k2++ // 12-year, 48-hour
		}
		u, ok := m.l.units[m.tok(k2).low]
		if !ok || m.tok(k2).k != kWord {
			return match{}, false
		}
		if u.form == "def" {
			return match{}, false
		}
		n, unit, k = v, u.unit, k2+1
	}
	if m.l.code == "en" && t.k == kWord && (t.low == "a" || t.low == "an") {
		if unit == "S" {
			return match{}, false // "a second time"
		}
		if m.role(k) != "ago" {
			if _, ok := m.l.phrases[t.low]; ok {
				if r, ok := m.phrase(j, 1); ok && r.end == k {
					return match{}, false // "a year" as a set after a quantity
				}
			}
		}
	}
	if a, b := m.tok(k).low, m.tok(k+1).low; (a == "fra" || a == "from") && (b == "nu" || b == "now") {
		fut, k = true, k+2 // to minutter fra nu
	} else if a == "fra" && b == "i" && m.tok(k+2).low == "dag" {
		fut, k = true, k+3
	}
	if strings.HasSuffix(n, ".5") && (unit == "H" || unit == "MIN") && m.anc.prec >= precTime {
		f, _ := strconv.ParseFloat(n, 64)
		if unit == "H" {
			n, unit = strconv.Itoa(int(f*60)), "MIN"
		} else {
			n, unit = strconv.Itoa(int(f*60)), "S"
		}
	}
	if m.role(k) == "ago" {
		v, _ := strconv.Atoi(n)
		if n == "X" || strings.Contains(n, ".") || m.anc.prec > precNone && v*yearsIn(unit) >= m.anc.year() {
			return m.mk(start, k+1, "DATE", "PAST_REF", kOther)
		}
		val := m.agoValue(-v, unit)
		return m.mk(start, k+1, "DATE", val, dayKind(val))
	}
	if ago {
		start = j
		ago = false
		if m.tok(i).low == "for" {
			start = i + 1
		}
	}
	if fut {
		if n == "X" || strings.Contains(n, ".") {
			return m.mk(start, k, "DATE", "FUTURE_REF", kOther)
		}
		v, _ := strconv.Atoi(n)
		val := m.agoValue(v, unit)
		return m.mk(start, k, "DATE", val, dayKind(val))
	}
	if m.role(k) == "rel" && m.l.units[m.tok(k-1).low].form != "age" {
		// "ti år tidligere", "two years later": a year counted from the
		// last year named before it (else the article's); smaller units
		// ("seks uger senere") are relative to an event and stay durations
		if v, err := strconv.Atoi(n); err == nil && yearsIn(unit) > 0 && m.role(k+1) != "than" && m.l.units[m.tok(k-1).low].form != "age" {
			if y, ok := m.refYear(); ok {
				v *= yearsIn(unit)
				if w := m.tok(k).low; w == "tidligere" || w == "earlier" || w == "før" {
					v = -v
				}
				return m.mk(start, k+1, "DATE", fmtYear(y+v), kOther)
			}
		}
		k++
		return m.mk(start, k, "DURATION", durUnit(n, unit), kOther)
	}
	// "6 minutes and 17 seconds", "to år og seks måneder": one duration
	if r := unitRank(unit); r >= 0 && m.role(k) == "and" && !strings.Contains(n, ".") && n != "X" {
		if n2, k2, ok := m.number(k + 1); ok && n2 != "X" && !strings.Contains(n2, ".") && m.tok(k2).k == kWord && m.role(k2+1) != "ago" {
			if u2, ok := m.l.units[m.tok(k2).low]; ok && u2.form != "def" && unitRank(u2.unit) >= 0 && unitRank(u2.unit) < r {
				return m.mk(start, k2+1, "DURATION", durPair(n, unit, n2, u2.unit), kOther)
			}
		}
	}
	return m.mk(start, k, "DURATION", durUnit(n, unit), kOther)
}

// agoValue is the anchor moved by n units, at the unit's granularity.
func (m *matcher) agoValue(n int, unit string) string {
	switch unit {
	case "Q":
		return m.anc.shift(n, "Q")
	case "HY":
		return m.anc.shift(n, "HY")
	case "W", "W2":
		// weeks ago name a day, as TimeML annotators and Duckling do
		if unit == "W2" {
			n *= 2
		}
		return m.anc.shift(7*n, "D")
	case "WE":
		return m.anc.shift(n, "WE")
	case "DE":
		return m.anc.shift(10*n, "Y")
	case "CE":
		return m.anc.shift(100*n, "Y")
	}
	return m.anc.shift(n, unit)
}

// clock: kl. 14.30, klokken 15, klokken halv tre, kvart over 15, 2:30 pm,
// 10 a.m., 16:15 UTC.
func (m *matcher) clock(i int) (match, bool) {
	start := i
	j := i
	intro := false
	if t := m.tok(j); t.k == kWord && m.l.clock[t.low] == "clock" {
		intro = true
		j = m.dot(j + 1)
	}
	h, mi, sec := -1, 0, -1
	colon := false
	t := m.tok(j)
	cl := m.l.clock[t.low]
	switch {
	case t.k == kWord && cl == "half":
		v, k, ok := m.hourAt(j + 1)
		if !ok || !intro && t.k != kNum {
			if !intro {
				return match{}, false
			}
		}
		if !ok {
			return match{}, false
		}
		h, mi, j = (v+23)%24, 30, k
	case t.k == kWord && cl == "quarter":
		rel := m.l.clock[m.tok(j+1).low]
		v, k, ok := m.hourAt(j + 2)
		if !ok || (rel != "past" && rel != "to") {
			return match{}, false
		}
		if rel == "past" {
			h, mi = v, 15
		} else {
			h, mi = (v+23)%24, 45
		}
		j = k
	case t.k == kNum && t.nd <= 2 && t.n <= 24:
		h = t.n
		j++
		sep := m.tok(j)
		if (sep.low == ":" || sep.low == "." && intro) && m.adj(j) && m.tok(j+1).k == kNum && m.tok(j+1).nd == 2 && m.adj(j+1) && m.tok(j+1).n < 60 {
			mi = m.tok(j + 1).n
			colon = true
			j += 2
			if m.isPunct(j, ":") && m.adj(j) && m.tok(j+1).k == kNum && m.tok(j+1).nd == 2 && m.tok(j+1).n < 60 {
				sec = m.tok(j + 1).n
				j += 2
			}
		} else if intro {
			if rel := m.l.clock[m.tok(j).low]; (rel == "past" || rel == "to") && t.n < 60 {
				if v, k, ok := m.hourAt(j + 1); ok {
					if rel == "past" {
						h, mi = v, t.n
					} else {
						h, mi = (v+23)%24, 60-t.n
					}
					j = k
				}
			}
		} else if !m.ampmAt(j) && m.l.clock[m.tok(j).low] != "oclock" {
			return match{}, false
		}
		if !intro && !colon && !m.ampmAt(j) && m.l.clock[m.tok(j).low] != "oclock" {
			return match{}, false
		}
	case t.k == kNum && t.nd == 4 && t.n%100 < 60 && t.n/100 < 24 && m.l.clock[m.tok(j+1).low] == "utc":
		h, mi = t.n/100, t.n%100 // 0800 UTC
		j++
	case t.k == kWord && !intro:
		if v, ok := m.l.numberWord(t.low); ok && v >= 1 && v <= 12 && m.l.clock[m.tok(j+1).low] == "oclock" {
			h = v
			j++
		} else {
			return match{}, false
		}
	default:
		return match{}, false
	}
	if h < 0 || h > 24 {
		return match{}, false
	}
	// am/pm, o'clock, UTC
	if m.l.clock[m.tok(j).low] == "oclock" {
		j++
	}
	if k, pm, ok := m.ampm(j); ok {
		if h > 12 || h == 0 {
			return match{}, false
		}
		if pm && h < 12 {
			h += 12
		}
		if !pm && h == 12 {
			h = 0
		}
		j = k
	}
	v := "T" + two(h) + ":" + two(mi)
	if sec >= 0 {
		v += ":" + two(sec)
	}
	if m.l.clock[m.tok(j).low] == "utc" {
		v += "Z"
		j++
	}
	return m.mk(start, j, "TIME", v, kClock)
}

func (m *matcher) hourAt(j int) (int, int, bool) {
	t := m.tok(j)
	if t.k == kNum && t.nd <= 2 && t.n <= 24 {
		return t.n, j + 1, true
	}
	if v, ok := m.l.numberWord(t.low); ok && t.k == kWord && v >= 1 && v <= 12 {
		return v, j + 1, true
	}
	return 0, j, false
}

func (m *matcher) ampmAt(j int) bool {
	_, _, ok := m.ampm(j)
	return ok
}

// ampm reads "pm", "p.m.", "PM" at j.
func (m *matcher) ampm(j int) (int, bool, bool) {
	t := m.tok(j)
	if t.k != kWord {
		return j, false, false
	}
	if r := m.l.clock[t.low]; r == "am" || r == "pm" {
		return m.dot(j + 1), r == "pm", true
	}
	if (t.low == "a" || t.low == "p") && m.isPunct(j+1, ".") && m.tok(j+2).low == "m" && m.adj(j+2) {
		return m.dot(j + 3), t.low == "p", true
	}
	return j, false, false
}

// set: hver dag, hvert andet år, every two weeks, each Monday, per year.
func (m *matcher) set(i int) (match, bool) {
	if m.role(i) != "every" {
		return match{}, false
	}
	j := i + 1
	n := "1"
	if v, k, ok := m.ordinal(j, m.l.code == "da"); ok {
		n, j = strconv.Itoa(v), k
		if v == 1 {
			return match{}, false
		}
	} else if v, k, ok := m.number(j); ok && v != "X" {
		n, j = v, k
	}
	t := m.tok(j)
	if t.k != kWord {
		return match{}, false
	}
	if u, ok := m.l.units[t.low]; ok {
		return m.mk(i, j+1, "SET", durUnit(n, u.unit), kOther)
	}
	if wi, ok := m.l.weekdays[t.low]; ok && wi.kind == "full" {
		return m.mk(i, j+1, "SET", "XXXX-WXX-"+strconv.Itoa(wi.val), kOther)
	}
	if mo, kind, k, ok := m.monthAt(j); ok && kind != "abbr" {
		return m.mk(i, k, "SET", "XXXX-"+two(mo), kOther)
	}
	if code, ok := m.l.seasons[t.low]; ok {
		return m.mk(i, j+1, "SET", "XXXX-"+code, kOther)
	}
	return match{}, false
}

// earlyLate: starten af 2019, i slutningen af sidste år, early June, the end
// of this year, mid-2011. The value is the period's own.
func (m *matcher) earlyLate(i int) (match, bool) {
	start := i
	j := i
	if m.role(j) == "det" {
		j++
	}
	r := m.role(j)
	if r != "early" && r != "late" && r != "mid" {
		return match{}, false
	}
	j++
	if m.isPunct(j, "-") && m.adj(j) {
		j++
	}
	adv := false // "sent i aftes", "tidligt torsdag", "late Tuesday"
	of := false
	switch m.tok(j - 1).low {
	case "sent", "tidligt":
		adv = true
	case "sidst", "først", "midt":
		// "sidst i marts", "først på året", "midt i juni"
		if w := m.tok(j).low; m.l.code != "da" || w != "i" && w != "på" {
			return match{}, false
		}
		j++
		adv, of = true, true
	}
	if m.role(j) == "of" {
		j++
		of = true
	} else if m.l.code == "da" && !adv && m.tok(j-1).low != "primo" && m.tok(j-1).low != "ultimo" && m.tok(j-1).low != "medio" {
		return match{}, false
	}
	inner, ok := m.at(j, 1)
	if !ok && of {
		// "slutningen af året", "the end of the year": the current one
		k := j
		if m.role(k) == "det" {
			k++
		}
		if u, ok := m.l.units[m.tok(k).low]; ok && m.tok(k).k == kWord && (u.unit == "Y" || u.unit == "M" || u.unit == "W") &&
			(u.form == "def" || u.form == "sg" && k > j) && m.tok(k+1).k != kNum && m.role(k+1) != "of" {
			return m.mk(start, k+1, "DATE", m.anc.shift(0, u.unit), kOther)
		}
	}
	if !ok || inner.kind == kClock || inner.typ != "DATE" && !(adv || m.l.code == "en") || inner.typ != "DATE" && inner.typ != "TIME" {
		return match{}, false
	}
	if m.tok(start).low == "først" && len(inner.val) <= 4 {
		return match{}, false // "først i 1982" is "not until 1982"
	}
	inner.start = start
	return inner, true
}

// nthInMonth: første tirsdag i oktober, sidste mandag i marts 2014, tredje
// dag i oktober, første uge i oktober 2014, the last week of March.
func (m *matcher) nthInMonth(i int) (match, bool) {
	start := i
	j := i
	if m.role(j) == "det" {
		j++
	}
	n := 0
	if m.role(j) == "last" {
		n = -1
		j++
	} else if v, k, ok := m.ordinal(j, m.l.code == "da"); ok && v >= 1 && v <= 5 {
		n, j = v, k
	} else {
		return match{}, false
	}
	t := m.tok(j)
	if t.k != kWord {
		return match{}, false
	}
	wd := 0
	unit := ""
	if wi, ok := m.l.weekdays[t.low]; ok && wi.kind == "full" {
		wd = wi.val
	} else if u, ok := m.l.units[t.low]; ok && (u.unit == "D" || u.unit == "W") && u.form != "pl" {
		unit = u.unit
	} else {
		return match{}, false
	}
	k := j + 1
	if r := m.role(k); r != "in" && r != "of" {
		return match{}, false
	}
	mo, _, k2, ok := m.monthAt(k + 1)
	if !ok {
		return match{}, false
	}
	y := 0
	end := k2
	if yy, ok := m.year4(k2); ok {
		y, end = yy, k2+1
	} else {
		v := m.anc.month1(mo, m.dirFor(j))
		if v[0] == 'X' {
			return match{}, false
		}
		y, _ = strconv.Atoi(v[:4])
	}
	first := parseAnchor(fmtMonth(y, mo) + "-01").t
	last := first.AddDate(0, 1, -1)
	var day = first
	switch {
	case wd > 0 && n > 0:
		day = first.AddDate(0, 0, ((wd-isoWeekday(y, mo, 1))+7)%7+7*(n-1))
		if day.Month() != first.Month() {
			return match{}, false
		}
	case wd > 0:
		lw := isoWeekday(y, mo, last.Day())
		day = last.AddDate(0, 0, -((lw - wd + 7) % 7))
	case unit == "D" && n > 0:
		day = first.AddDate(0, 0, n-1)
	case unit == "D":
		day = last
	case unit == "W" && n > 0:
		// the first week that starts in the month
		day = first.AddDate(0, 0, (8-isoWeekday(y, mo, 1))%7+7*(n-1))
		return m.mk(start, end, "DATE", fmtWeek(day), kOther)
	default: // the last week that ends in the month
		lw := isoWeekday(y, mo, last.Day())
		mon := last.AddDate(0, 0, -(lw - 1))
		if lw != 7 {
			mon = mon.AddDate(0, 0, -7)
		}
		return m.mk(start, end, "DATE", fmtWeek(mon), kOther)
	}
	return m.mk(start, end, "DATE", fmtDay(day), kDay)
}

// dayOfMonth: "den 15.", "the 15th" with no month: a day of the article's
// month.
func (m *matcher) dayOfMonth(i int) (match, bool) {
	if w := m.tok(i).low; m.role(i) != "det" || w != "den" && w != "the" {
		return match{}, false
	}
	d, k, ok := m.ordinal(i+1, m.l.code == "da")
	if m.tok(i+1).k != kNum {
		return match{}, false
	}
	if !ok {
		t := m.tok(i + 1)
		if m.l.code != "da" || t.k != kNum || t.nd > 2 {
			return match{}, false
		}
		d, k = t.n, i+2
	}
	if d < 1 || d > 31 {
		return match{}, false
	}
	n := m.tok(k)
	if !(n.k == 0 || n.k == kPunct && n.low != "-" && n.low != "/" && n.low != "." && n.low != "%" || n.k == kWord && m.l.clock[n.low] == "clock") {
		return match{}, false
	}
	if m.anc.prec < precMonth || d > daysIn(m.anc.year(), m.anc.month()) {
		return m.mk(i, k, "DATE", "XXXX-XX-"+two(d), kDay)
	}
	return m.mk(i, k, "DATE", fmtMonth(m.anc.year(), m.anc.month())+"-"+two(d), kDay)
}

func modOffset(role string) int {
	switch role {
	case "last":
		return -1
	case "next":
		return 1
	}
	return 0
}

func modDir(role string) int {
	switch role {
	case "last":
		return dirBefore
	case "next":
		return dirAfter
	}
	return dirThis
}

// yearsIn is the whole number of years in a unit (0 below a year).
func yearsIn(unit string) int {
	switch unit {
	case "Y":
		return 1
	case "DE":
		return 10
	case "CE":
		return 100
	}
	return 0
}

func isNumWord(l *lang, w string) bool { _, ok := l.numberWord(w); return ok }
func isOrdWord(l *lang, w string) bool { _, ok := l.ordinalWord(w); return ok }

// nightTo: "natten til onsdag" is the night before Wednesday, written as
// Wednesday's date with TNI (TIME), as TimeML annotators of Danish news do.
func (m *matcher) nightTo(i int) (match, bool) {
	t := m.tok(i)
	if t.k != kWord || m.l.code != "da" || m.l.clock[t.low] != "NI" || !strings.HasSuffix(t.low, "en") || m.tok(i+1).low != "til" {
		return match{}, false
	}
	inner, ok := m.at(i+2, 1)
	if !ok || inner.kind != kDay || len(inner.val) != 10 {
		return match{}, false
	}
	return m.mk(i, inner.end, "TIME", inner.val+"TNI", kOther)
}

// unitRank orders the units a compound duration may combine (-1: none).
func unitRank(u string) int {
	switch u {
	case "Y":
		return 6
	case "M":
		return 5
	case "W":
		return 4
	case "D":
		return 3
	case "H":
		return 2
	case "MIN":
		return 1
	case "S":
		return 0
	}
	return -1
}

// durPair writes two units as one duration: P2Y6M, PT6M17S, P1DT2H.
func durPair(n1, u1, n2, u2 string) string {
	var b strings.Builder
	b.WriteByte('P')
	t := false
	for _, p := range [2][2]string{{n1, u1}, {n2, u2}} {
		if unitRank(p[1]) <= 2 && !t {
			b.WriteByte('T')
			t = true
		}
		b.WriteString(p[0])
		b.WriteString(p[1][:1])
	}
	return b.String()
}

func isArticleOne(w string) bool { return w == "a" || w == "an" || w == "one" }

// yearTo: "the year to September" (British statistics: the twelve months
// ending then) is a DURATION of a year over the whole span.
func (m *matcher) yearTo(i int) (match, bool) {
	if m.l.code != "en" || m.tok(i).low != "the" || m.tok(i+1).low != "year" || m.tok(i+2).low != "to" {
		return match{}, false
	}
	mo, kind, k, ok := m.monthAt(i + 3)
	if !ok || mo == 0 || kind == "abbr" || kind == "amb" && !m.tok(i+3).cap {
		return match{}, false
	}
	if _, ok := m.year4(k); ok {
		k++
	}
	return m.mk(i, k, "DURATION", "P1Y", kOther)
}
