package timex

import (
	"strconv"
	"strings"
	"time"
)

// Precision of the article date.
const (
	precNone = iota
	precYear
	precMonth
	precDay
	precTime
)

// anchor is the article date at its own precision.
type anchor struct {
	t    time.Time // UTC, parts below prec are zero
	prec int
}

// parseAnchor reads an ISO 8601 date at any precision: "2019", "2019-02",
// "2019-02-17", "2019-02-17T10:30:00Z", "2019-02-17 10:30". Anything else is
// no anchor.
func parseAnchor(s string) anchor {
	s = strings.TrimSpace(s)
	num := func(a, b int) (int, bool) {
		if len(s) < b {
			return 0, false
		}
		n, err := strconv.Atoi(s[a:b])
		return n, err == nil
	}
	y, ok := num(0, 4)
	if !ok || y < 1 {
		return anchor{}
	}
	if len(s) < 7 || s[4] != '-' {
		return anchor{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), precYear}
	}
	m, ok := num(5, 7)
	if !ok || m < 1 || m > 12 {
		return anchor{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), precYear}
	}
	if len(s) < 10 || s[7] != '-' {
		return anchor{time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), precMonth}
	}
	d, ok := num(8, 10)
	if !ok || d < 1 || d > daysIn(y, m) {
		return anchor{time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), precMonth}
	}
	if len(s) >= 16 && (s[10] == 'T' || s[10] == ' ') && s[13] == ':' {
		h, ok1 := num(11, 13)
		mi, ok2 := num(14, 16)
		if ok1 && ok2 && h < 24 && mi < 60 {
			return anchor{time.Date(y, time.Month(m), d, h, mi, 0, 0, time.UTC), precTime}
		}
	}
	return anchor{time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), precDay}
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func (a anchor) year() int  { return a.t.Year() }
func (a anchor) month() int { return int(a.t.Month()) }

// fmtDay, fmtMonth ... write TIMEX3 values.
func fmtYear(y int) string {
	if y < 0 || y > 9999 {
		return "XXXX"
	}
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

func two(n int) string {
	if n < 10 && n >= 0 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func fmtMonth(y, m int) string { return fmtYear(y) + "-" + two(m) }
func fmtDay(t time.Time) string {
	return fmtYear(t.Year()) + "-" + two(int(t.Month())) + "-" + two(t.Day())
}
func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmtYear(y) + "-W" + two(w)
}

// value returns the anchor itself at its precision ("" if none).
func (a anchor) value() string {
	switch a.prec {
	case precYear:
		return fmtYear(a.year())
	case precMonth:
		return fmtMonth(a.year(), a.month())
	case precDay, precTime:
		return fmtDay(a.t)
	}
	return ""
}

// unknown is the TIMEX3 value of a date at granularity unit whose parts
// cannot be known.
func unknown(unit string) string {
	switch unit {
	case "Y":
		return "XXXX"
	case "M":
		return "XXXX-XX"
	case "W", "WE", "W2":
		return "XXXX-WXX"
	case "Q":
		return "XXXX-QX"
	case "HY":
		return "XXXX-HX"
	case "DE":
		return "XXX"
	case "CE":
		return "XX"
	case "H", "MIN", "S":
		return "XXXX-XX-XXTXX:XX"
	}
	return "XXXX-XX-XX"
}

// needs is the anchor precision a unit needs to be resolved.
func needs(unit string) int {
	switch unit {
	case "Y", "DE", "CE":
		return precYear
	case "M", "Q", "HY":
		return precMonth
	case "H", "MIN", "S":
		return precTime
	}
	return precDay
}

// shift moves the anchor by n units and formats it at the unit's
// granularity. When the anchor is too coarse: n == 0 gives the anchor at its
// own precision (the article lies within the period), otherwise the unknown
// value — a day is never invented.
func (a anchor) shift(n int, unit string) string {
	if a.prec < needs(unit) {
		if n == 0 && a.prec > precNone {
			return a.value()
		}
		return unknown(unit)
	}
	t := a.t
	switch unit {
	case "Y":
		return fmtYear(t.Year() + n)
	case "DE":
		return fmtYear(t.Year() + 10*n)[:3]
	case "CE":
		return fmtYear(t.Year() + 100*n)[:2]
	case "M":
		t = time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return fmtMonth(t.Year(), int(t.Month()))
	case "Q":
		q := (t.Year()*4 + (int(t.Month())-1)/3) + n
		return fmtYear(floorDiv(q, 4)) + "-Q" + strconv.Itoa(q-4*floorDiv(q, 4)+1)
	case "HY":
		h := t.Year()*2 + (int(t.Month())-1)/6 + n
		return fmtYear(floorDiv(h, 2)) + "-H" + strconv.Itoa(h-2*floorDiv(h, 2)+1)
	case "W", "W2":
		if unit == "W2" {
			n *= 2
		}
		return fmtWeek(t.AddDate(0, 0, 7*n))
	case "WE":
		return fmtWeek(t.AddDate(0, 0, 7*n)) + "-WE"
	case "D":
		return fmtDay(t.AddDate(0, 0, n))
	case "H":
		t = t.Add(time.Duration(n) * time.Hour)
		return fmtDay(t) + "T" + two(t.Hour()) + ":" + two(t.Minute())
	case "MIN":
		t = t.Add(time.Duration(n) * time.Minute)
		return fmtDay(t) + "T" + two(t.Hour()) + ":" + two(t.Minute())
	case "S":
		t = t.Add(time.Duration(n) * time.Second)
		return fmtDay(t) + "T" + two(t.Hour()) + ":" + two(t.Minute()) + ":" + two(t.Second())
	}
	return unknown(unit)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// Direction of a reading relative to the article date.
const (
	dirNearest  = iota // nearest, ties to the past (months, seasons, quarters, day-month dates)
	dirOnBefore        // on or before (bare weekdays in news)
	dirOnAfter         // on or after (future context)
	dirBefore          // strictly before (sidste, last, i mandags)
	dirAfter           // strictly after (næste, next, på mandag)
	dirThis            // the one in the anchor's own week / year
)

// weekday resolves an ISO weekday (1 = Monday) against the anchor.
func (a anchor) weekday(wd, dir int) string {
	if a.prec < precDay {
		return "XXXX-WXX-" + strconv.Itoa(wd)
	}
	cur := int(a.t.Weekday())
	if cur == 0 {
		cur = 7
	}
	var diff int
	switch dir {
	case dirOnAfter:
		diff = (wd - cur + 7) % 7
	case dirAfter:
		diff = (wd-cur+7)%7 + 0
		if diff == 0 {
			diff = 7
		}
	case dirBefore:
		diff = -((cur - wd + 7) % 7)
		if diff == 0 {
			diff = -7
		}
	case dirThis:
		diff = wd - cur
	default:
		diff = -((cur - wd + 7) % 7)
	}
	return fmtDay(a.t.AddDate(0, 0, diff))
}

// cyclic picks the year of a period that recurs yearly: target and current
// are positions in the year counted in periods (months 0-11, quarters 0-3,
// seasons 0-3 with winter first), per periods in a year. It returns the
// year offset to add to the current period's year.
func cyclic(cur, target, per, dir int) int {
	d := target - cur // within (-per, per)
	switch dir {
	case dirOnBefore:
		if d > 0 {
			return -1
		}
	case dirOnAfter:
		if d < 0 {
			return 1
		}
	case dirBefore:
		if d >= 0 {
			return -1
		}
	case dirAfter:
		if d <= 0 {
			return 1
		}
	case dirThis:
		return 0
	default: // nearest, ties to the past
		if 2*d >= per {
			return -1
		}
		if 2*d < -per {
			return 1
		}
	}
	return 0
}

// month resolves a month (1-12) without a year.
func (a anchor) month1(m, dir int) string {
	switch {
	case a.prec >= precMonth:
		return fmtMonth(a.year()+cyclic(a.month()-1, m-1, 12, dir), m)
	case a.prec == precYear:
		return fmtMonth(a.year(), m)
	}
	return "XXXX-" + two(m)
}

// dayMonth resolves a day and month without a year.
func (a anchor) dayMonth(d, m, dir int) string {
	var y int
	switch {
	case a.prec >= precDay:
		y = a.year() + cyclic(a.month()-1, m-1, 12, dir)
		if dir == dirNearest || dir == dirOnBefore || dir == dirOnAfter {
			// refine by day when the month is the anchor's own
			if m == a.month() {
				y = a.year()
			}
		}
	case a.prec >= precYear:
		y = a.year() + cyclic(a.month()-1, m-1, 12, dir)
		if a.prec == precYear {
			y = a.year()
		}
	default:
		return "XXXX-" + two(m) + "-" + two(d)
	}
	if d > daysIn(y, m) {
		return "XXXX-" + two(m) + "-" + two(d)
	}
	return fmtMonth(y, m) + "-" + two(d)
}

var seasonCodes = [4]string{"WI", "SP", "SU", "FA"}

func seasonIndex(code string) int {
	for i, c := range seasonCodes {
		if c == code {
			return i
		}
	}
	return -1
}

// season resolves a season. Winter is labelled with the year of its
// January: December 2018 to February 2019 is 2019-WI.
func (a anchor) season(code string, dir int) string {
	s := seasonIndex(code)
	if s < 0 {
		return "XXXX-" + code
	}
	switch {
	case a.prec >= precMonth:
		m := a.month()
		y := a.year()
		cur := (m % 12) / 3 // Dec,Jan,Feb → 0 (WI), Mar-May → 1 ...
		if m == 12 {
			y++ // December belongs to next year's winter
		}
		return fmtYear(y+cyclic(cur, s, 4, dir)) + "-" + code
	case a.prec == precYear:
		return fmtYear(a.year()) + "-" + code
	}
	return "XXXX-" + code
}

// quarter resolves a quarter (1-4) without a year.
func (a anchor) quarter(q, dir int) string {
	switch {
	case a.prec >= precMonth:
		return fmtYear(a.year()+cyclic((a.month()-1)/3, q-1, 4, dir)) + "-Q" + strconv.Itoa(q)
	case a.prec == precYear:
		return fmtYear(a.year()) + "-Q" + strconv.Itoa(q)
	}
	return "XXXX-Q" + strconv.Itoa(q)
}
