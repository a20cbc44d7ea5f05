package server

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

const (
	pageSize    = 20
	maxPage     = 500
	maxParamLen = 500
)

// searchQuery reads a SearchQuery from URL parameters: q, from, to, lang,
// outlet, entity, speaker, hedge, unit, page (1-based). It rejects what the
// store would choke on with a message a user can act on.
func searchQuery(v url.Values) (kilde.SearchQuery, int, error) {
	q := kilde.SearchQuery{Limit: pageSize, Count: true}
	var err error
	get := func(name string) string {
		s := strings.TrimSpace(v.Get(name))
		if err == nil && (len(s) > maxParamLen || !utf8.ValidString(s)) {
			err = fmt.Errorf("parameter %s: too long or not UTF-8", name)
		}
		return s
	}
	q.Text = get("q")
	q.From, q.To = get("from"), get("to")
	q.Lang, q.Outlet = get("lang"), get("outlet")
	q.Entity, q.Speaker = get("entity"), get("speaker")
	q.Hedge, q.Unit = get("hedge"), get("unit")
	if err != nil {
		return q, 0, err
	}
	for _, d := range []struct{ name, val string }{{"from", q.From}, {"to", q.To}} {
		if d.val != "" && !isoDate(d.val) {
			return q, 0, fmt.Errorf("parameter %s: %q is not an ISO date (2019, 2019-02 or 2019-02-17)", d.name, d.val)
		}
	}
	if q.Hedge != "" && !hedges[q.Hedge] {
		return q, 0, fmt.Errorf("parameter hedge: %q is not one of asserted, reported, alleged, estimated, predicted, opinion, possible, assumed, denied", q.Hedge)
	}
	page, err := pageParam(v.Get("page"))
	if err != nil {
		return q, 0, err
	}
	q.Offset = (page - 1) * pageSize
	return q, page, nil
}

func pageParam(s string) (int, error) {
	if s == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxPage {
		return 0, fmt.Errorf("parameter page: want a number from 1 to %d", maxPage)
	}
	return n, nil
}

var hedges = map[string]bool{"asserted": true, "reported": true, "alleged": true, "estimated": true,
	"predicted": true, "opinion": true, "possible": true, "assumed": true, "denied": true}

// isoDate accepts YYYY, YYYY-MM and YYYY-MM-DD with plausible fields.
func isoDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	if len(s) >= 7 {
		if m, _ := strconv.Atoi(s[5:7]); m < 1 || m > 12 {
			return false
		}
	}
	if len(s) == 10 {
		if d, _ := strconv.Atoi(s[8:10]); d < 1 || d > 31 {
			return false
		}
	}
	return true
}

// trackQuery reads a TrackQuery: measured, q, from, to, unit, all.
func trackQuery(v url.Values) (kilde.TrackQuery, error) {
	q := kilde.TrackQuery{
		Measured: strings.TrimSpace(v.Get("measured")),
		Text:     strings.TrimSpace(v.Get("q")),
		From:     strings.TrimSpace(v.Get("from")),
		To:       strings.TrimSpace(v.Get("to")),
		Unit:     strings.TrimSpace(v.Get("unit")),
		Limit:    2000,
	}
	for _, s := range []string{q.Measured, q.Text, q.Unit} {
		if len(s) > maxParamLen || !utf8.ValidString(s) {
			return q, fmt.Errorf("parameters: too long or not UTF-8")
		}
	}
	if (q.From != "" && !isoDate(q.From)) || (q.To != "" && !isoDate(q.To)) {
		return q, fmt.Errorf("parameters from/to: want ISO dates (2019, 2019-02 or 2019-02-17)")
	}
	switch v.Get("all") {
	case "", "0", "false":
	default:
		q.All = true
	}
	return q, nil
}
