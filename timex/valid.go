package timex

import "strings"

// ValidValue reports whether v is a well-formed TIMEX3 value of type typ as
// this package writes them: dates with X for unknown parts, seasons,
// weeks, quarters, halves, decades, centuries, times with parts of day,
// durations and the *_REF values.
func ValidValue(typ, v string) bool {
	switch v {
	case "PAST_REF", "PRESENT_REF", "FUTURE_REF":
		return typ == "DATE"
	}
	if v == "" {
		return false
	}
	switch typ {
	case "DURATION":
		return validDuration(v)
	case "SET":
		return validDuration(v) || validDateValue(v)
	case "DATE", "TIME":
		return validDateValue(v)
	}
	return false
}

func digitOrX(c byte) bool { return c >= '0' && c <= '9' || c == 'X' }

func validDuration(v string) bool {
	if len(v) < 3 || v[0] != 'P' {
		return false
	}
	if v == "PXDE" || v == "PXCE" || v == "PXWE" {
		return true
	}
	// ISO 8601: P[nY][nM][nW][nD][T[nH][nM][nS]], at least one part, the
	// units in order ("P2Y6M", "PT6M17S"); DE, CE and WE only alone.
	i := 1
	parts := 0
	date, tm := "YMWD", "HMS"
	order := date
	rank := 0
	for i < len(v) {
		if v[i] == 'T' {
			if order == tm || i == len(v)-1 {
				return false
			}
			order, rank = tm, 0
			i++
			continue
		}
		n := 0
		for i < len(v) && (digitOrX(v[i]) || v[i] == '.') {
			i++
			n++
		}
		if n == 0 || i >= len(v) {
			return false
		}
		if parts == 0 && i+2 == len(v) && order == date && (v[i:] == "DE" || v[i:] == "CE" || v[i:] == "WE") {
			return true
		}
		k := strings.IndexByte(order[rank:], v[i])
		if k < 0 {
			return false
		}
		rank += k + 1
		i++
		parts++
	}
	return parts > 0
}

func allDX(s string) bool {
	for i := 0; i < len(s); i++ {
		if !digitOrX(s[i]) {
			return false
		}
	}
	return true
}

func validDateValue(v string) bool {
	date, clock := v, ""
	for i := 0; i < len(v); i++ {
		if v[i] == 'T' {
			date, clock = v[:i], v[i+1:]
			break
		}
	}
	ok := false
	switch {
	case len(date) == 2 || len(date) == 3 || len(date) == 4:
		ok = allDX(date)
	case len(date) == 7 && date[4] == '-':
		ok = allDX(date[:4]) && (allDX(date[5:]) || date[5] == 'Q' && allDX(date[6:]) || date[5] == 'H' && allDX(date[6:]) ||
			date[5:] == "SP" || date[5:] == "SU" || date[5:] == "FA" || date[5:] == "WI")
	case len(date) == 8 && date[4] == '-' && date[5] == 'W':
		ok = allDX(date[:4]) && allDX(date[6:])
	case len(date) == 10 && date[4] == '-' && date[7] == '-':
		ok = allDX(date[:4]) && allDX(date[5:7]) && allDX(date[8:])
	case len(date) == 10 && date[4] == '-' && date[5] == 'W' && date[8] == '-':
		ok = allDX(date[:4]) && allDX(date[6:8]) && allDX(date[9:])
	case len(date) == 11 && date[4] == '-' && date[5] == 'W' && date[8:] == "-WE":
		ok = allDX(date[:4]) && allDX(date[6:8])
	}
	if !ok || clock == "" {
		return ok && len(v) == len(date)
	}
	if len(date) != 10 {
		return false
	}
	switch clock {
	case "MO", "AF", "EV", "NI", "MI":
		return true
	}
	c := clock
	if c[len(c)-1] == 'Z' {
		c = c[:len(c)-1]
	}
	switch len(c) {
	case 5:
		return allDX(c[:2]) && c[2] == ':' && allDX(c[3:])
	case 8:
		return allDX(c[:2]) && c[2] == ':' && allDX(c[3:5]) && c[5] == ':' && allDX(c[6:])
	}
	return false
}
