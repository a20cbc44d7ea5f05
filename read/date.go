package read

import (
	"strings"
	"time"
)

// Date checks s as an article date and returns it in ISO 8601 at its own
// precision. Accepted, returned as given:
//
//	2019                       year
//	2019-02                    month
//	2019-02-17                 day
//	2019-02-17T10:00           minute, with optional seconds, fraction
//	2019-02-17T10:00:30.5Z     and zone (Z or ±hh:mm)
//
// Also accepted and rewritten to ISO 8601: a space instead of the T
// ("2019-02-17 10:00" → "2019-02-17T10:00"), day-first dates with dashes
// or dots as written in Denmark ("17-02-2019", "17.2.2019" → "2019-02-17";
// slashes are refused because 02/03/2019 means different days in Europe
// and the US), and RFC 1123 dates from RSS feeds ("Sun, 17 Feb 2019
// 10:00:00 +0100" → "2019-02-17T10:00:00+01:00"). Anything else, including
// impossible days such as 2019-02-30, gives ok false.
func Date(s string) (iso string, ok bool) {
	s = strings.TrimSpace(s)
	n := len(s)
	if n < 4 {
		return "", false
	}
	switch {
	case n == 4 && digits(s):
		return s, true
	case n == 7 && s[4] == '-' && digits(s[:4]) && digits(s[5:]):
		if m := (s[5]-'0')*10 + s[6] - '0'; m >= 1 && m <= 12 {
			return s, true
		}
		return "", false
	case n == 10 && s[4] == '-' && s[7] == '-':
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return "", false
		}
		return s, true
	case n > 10 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' '):
		if s[10] == ' ' {
			s = s[:10] + "T" + s[11:]
		}
		for _, layout := range isoLayouts {
			if _, err := time.Parse(layout, s); err == nil {
				return s, true
			}
		}
		return "", false
	}
	if iso, ok := dayFirst(s); ok {
		return iso, true
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02T15:04:05Z07:00"), true
		}
	}
	return "", false
}

// isoLayouts are the accepted date-times; time.Parse takes a fraction of a
// second after the seconds even when the layout has none.
var isoLayouts = []string{
	"2006-01-02T15:04",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05Z07:00",
}

// dayFirst reads D-M-YYYY and D.M.YYYY (one or two digits for day and month).
func dayFirst(s string) (string, bool) {
	sep := byte('-')
	if strings.IndexByte(s, '.') >= 0 {
		sep = '.'
	}
	parts := strings.Split(s, string(sep))
	if len(parts) != 3 || len(parts[2]) != 4 {
		return "", false
	}
	for _, p := range parts {
		if p == "" || len(p) > 4 || !digits(p) {
			return "", false
		}
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 {
		return "", false
	}
	t, err := time.Parse("2.1.2006", parts[0]+"."+parts[1]+"."+parts[2])
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}
