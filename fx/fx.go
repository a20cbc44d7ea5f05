// Package fx converts amounts between currencies with the European Central
// Bank's euro reference rates.
//
// The rates ship inside the binary: rates.csv.gz, derived from the ECB's
// eurofxref-hist.csv by `go generate ./fx` (see internal/gen), keeps daily
// rates for the currencies news converts most (USD, GBP, JPY, SEK, NOK, CHF,
// DKK, CNY, CAD, AUD, RUB, PLN, TRY, INR) and monthly means for all others.
// Load reads a full (newer) eurofxref-hist.csv instead.
//
// Rules, as the ECB and kilde/1 state them:
//   - a rate X→Y on a day is (Y per EUR)/(X per EUR) from the same day;
//   - a day without rates (weekend, holiday) falls back to the nearest
//     earlier business day, at most 10 days back;
//   - a month-precision date ("2019-02") uses that month's mean; a
//     year-precision date ("2019") that year's mean;
//   - a currency without daily rates in the table uses its month's mean
//     also for a day-precision date, and says so in Rate.Basis.
//
// Source: European Central Bank, euro foreign exchange reference rates,
// reused with attribution.
package fx

//go:generate go run ./internal/gen -in ../../shared/data/fx/eurofxref-hist.csv -out rates.csv.gz

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed rates.csv.gz
var embedded []byte

// ErrNoRate is returned when the table has no rate for the currencies and date.
var ErrNoRate = errors.New("no rate")

// Table holds reference rates in units per EUR.
type Table struct {
	days    []int32 // days since 1970-01-01, ascending
	daily   map[string][]float64
	months  []int32 // year*12 + month-1, ascending
	monthly map[string][]float64
}

// Rate is a conversion rate with where it came from.
type Rate struct {
	Value float64 // units of To per unit of From
	From  string
	To    string
	Date  string // the day ("2019-02-15") or period ("2019-02", "2019") used
	Basis string // "day", "month mean" or "year mean"
}

func (r Rate) String() string {
	return fmt.Sprintf("%s %.4f %s/%s (ECB, %s %s)", "1 "+r.From+" =", r.Value, r.To, r.From, r.Basis, r.Date)
}

var (
	defOnce sync.Once
	def     *Table
	defErr  error
)

// Default returns the embedded table, parsed once.
func Default() (*Table, error) {
	defOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(embedded))
		if err != nil {
			defErr = fmt.Errorf("fx: embedded rates: %w", err)
			return
		}
		def, defErr = Load(zr)
		if defErr != nil {
			defErr = fmt.Errorf("fx: embedded rates: %w", defErr)
		}
	})
	return def, defErr
}

// Load reads rates in the ECB's eurofxref-hist.csv format (a header
// "Date,USD,JPY,...", one row a day, "N/A" where none, any row order) or
// in the compact format of rates.csv.gz ('#' comment lines; sections
// headed "daily,..." and "monthly,..."). Monthly means are computed from
// daily rows where the input gives none.
func Load(r io.Reader) (*Table, error) {
	t := &Table{daily: map[string][]float64{}, monthly: map[string][]float64{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var cols []string
	section := ""
	type dayRow struct {
		day  int32
		vals []float64
	}
	var dayRows []dayRow
	type monRow struct {
		mon  int32
		vals []float64
	}
	var monRows []monRow
	var monCols []string
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, ",")
		for len(f) > 0 && f[len(f)-1] == "" {
			f = f[:len(f)-1]
		}
		switch strings.ToLower(f[0]) {
		case "date", "daily":
			section = "daily"
			cols = f[1:]
			continue
		case "monthly":
			section = "monthly"
			monCols = f[1:]
			continue
		}
		switch section {
		case "daily":
			d, err := parseDay(f[0])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			vals := make([]float64, len(cols))
			for i := range vals {
				vals[i] = math.NaN()
				if i+1 < len(f) {
					if v, err := strconv.ParseFloat(f[i+1], 64); err == nil && v > 0 {
						vals[i] = v
					}
				}
			}
			dayRows = append(dayRows, dayRow{d, vals})
		case "monthly":
			m, err := parseMonth(f[0])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			vals := make([]float64, len(monCols))
			for i := range vals {
				vals[i] = math.NaN()
				if i+1 < len(f) {
					if v, err := strconv.ParseFloat(f[i+1], 64); err == nil && v > 0 {
						vals[i] = v
					}
				}
			}
			monRows = append(monRows, monRow{m, vals})
		default:
			return nil, fmt.Errorf("line %d: no header (want \"Date,USD,...\")", line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(dayRows) == 0 && len(monRows) == 0 {
		return nil, errors.New("no rates")
	}
	sort.Slice(dayRows, func(i, j int) bool { return dayRows[i].day < dayRows[j].day })
	for _, r := range dayRows {
		t.days = append(t.days, r.day)
	}
	for i, c := range cols {
		col := make([]float64, len(dayRows))
		any := false
		for j, r := range dayRows {
			col[j] = r.vals[i]
			if !math.IsNaN(col[j]) {
				any = true
			}
		}
		if any {
			t.daily[c] = col
		}
	}
	if len(monRows) > 0 {
		sort.Slice(monRows, func(i, j int) bool { return monRows[i].mon < monRows[j].mon })
		for _, r := range monRows {
			t.months = append(t.months, r.mon)
		}
		for i, c := range monCols {
			col := make([]float64, len(monRows))
			for j, r := range monRows {
				col[j] = r.vals[i]
			}
			t.monthly[c] = col
		}
	} else {
		t.computeMonthly()
	}
	return t, nil
}

// computeMonthly fills monthly means from daily rates.
func (t *Table) computeMonthly() {
	if len(t.days) == 0 {
		return
	}
	idx := map[int32]int{}
	for _, d := range t.days {
		m := monthOf(d)
		if _, ok := idx[m]; !ok {
			idx[m] = len(t.months)
			t.months = append(t.months, m)
		}
	}
	for c, col := range t.daily {
		sum := make([]float64, len(t.months))
		n := make([]int, len(t.months))
		for j, d := range t.days {
			if v := col[j]; !math.IsNaN(v) {
				k := idx[monthOf(d)]
				sum[k] += v
				n[k]++
			}
		}
		out := make([]float64, len(t.months))
		for k := range out {
			out[k] = math.NaN()
			if n[k] > 0 {
				out[k] = sum[k] / float64(n[k])
			}
		}
		t.monthly[c] = out
	}
}

// WriteCompact writes t in the compact format: daily rows for the listed
// currencies, monthly means for all.
func (t *Table) WriteCompact(w io.Writer, dailyCurs []string) error {
	bw := bufio.NewWriter(w)
	var keep []string
	for _, c := range dailyCurs {
		if _, ok := t.daily[c]; ok {
			keep = append(keep, c)
		}
	}
	fmt.Fprintf(bw, "daily,%s\n", strings.Join(keep, ","))
	for j, d := range t.days {
		bw.WriteString(dayString(d))
		for _, c := range keep {
			bw.WriteByte(',')
			if v := t.daily[c][j]; !math.IsNaN(v) {
				bw.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
			}
		}
		bw.WriteByte('\n')
	}
	all := make([]string, 0, len(t.monthly))
	for c := range t.monthly {
		all = append(all, c)
	}
	sort.Strings(all)
	fmt.Fprintf(bw, "monthly,%s\n", strings.Join(all, ","))
	for k, m := range t.months {
		fmt.Fprintf(bw, "%04d-%02d", m/12, m%12+1)
		for _, c := range all {
			bw.WriteByte(',')
			if v := t.monthly[c][k]; !math.IsNaN(v) {
				bw.WriteString(strconv.FormatFloat(v, 'g', 6, 64))
			}
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// First and Last return the first and last day with rates.
func (t *Table) First() string {
	if len(t.days) == 0 {
		return ""
	}
	return dayString(t.days[0])
}

// Last returns the last day with rates.
func (t *Table) Last() string {
	if len(t.days) == 0 {
		return ""
	}
	return dayString(t.days[len(t.days)-1])
}

// Has reports whether the table knows the currency (EUR always).
func (t *Table) Has(cur string) bool {
	if cur == "EUR" {
		return true
	}
	_, ok := t.monthly[cur]
	return ok
}

// Rate returns how many units of to one unit of from bought at date, an
// ISO 8601 date at day ("2019-02-17", a time part is ignored), month
// ("2019-02") or year ("2019") precision. It wraps ErrNoRate when the table
// has no rate for that date or currency.
func (t *Table) Rate(from, to, date string) (Rate, error) {
	r := Rate{From: from, To: to}
	if !t.Has(from) || !t.Has(to) {
		return r, fmt.Errorf("fx: %s→%s: %w for the currency", from, to, ErrNoRate)
	}
	if from == to {
		r.Value, r.Date, r.Basis = 1, date, "identity"
		return r, nil
	}
	if len(date) > 10 {
		date = date[:10]
	}
	switch len(date) {
	case 10:
		d, err := parseDay(date)
		if err != nil {
			return r, err
		}
		_, okF := t.daily[from]
		_, okT := t.daily[to]
		if (okF || from == "EUR") && (okT || to == "EUR") {
			i := sort.Search(len(t.days), func(i int) bool { return t.days[i] > d }) - 1
			for ; i >= 0 && d-t.days[i] <= 10; i-- {
				a, b := t.dayRate(from, i), t.dayRate(to, i)
				if !math.IsNaN(a) && !math.IsNaN(b) {
					r.Value, r.Date, r.Basis = b/a, dayString(t.days[i]), "day"
					return r, nil
				}
			}
			return r, fmt.Errorf("fx: %s→%s on %s: %w", from, to, date, ErrNoRate)
		}
		date = date[:7]
		fallthrough
	case 7:
		m, err := parseMonth(date)
		if err != nil {
			return r, err
		}
		k := sort.Search(len(t.months), func(i int) bool { return t.months[i] >= m })
		if k < len(t.months) && t.months[k] == m {
			a, b := t.monRate(from, k), t.monRate(to, k)
			if !math.IsNaN(a) && !math.IsNaN(b) {
				r.Value, r.Date, r.Basis = b/a, date, "month mean"
				return r, nil
			}
		}
		return r, fmt.Errorf("fx: %s→%s in %s: %w", from, to, date, ErrNoRate)
	case 4:
		y, err := strconv.Atoi(date)
		if err != nil {
			return r, fmt.Errorf("fx: bad date %q", date)
		}
		var sa float64
		n := 0
		for k, m := range t.months {
			if int(m/12) == y {
				a, b := t.monRate(from, k), t.monRate(to, k)
				if !math.IsNaN(a) && !math.IsNaN(b) {
					sa += b / a
					n++
				}
			}
		}
		if n == 0 {
			return r, fmt.Errorf("fx: %s→%s in %s: %w", from, to, date, ErrNoRate)
		}
		r.Value, r.Date, r.Basis = sa/float64(n), date, "year mean"
		return r, nil
	}
	return r, fmt.Errorf("fx: bad date %q", date)
}

func (t *Table) dayRate(c string, i int) float64 {
	if c == "EUR" {
		return 1
	}
	return t.daily[c][i]
}

func (t *Table) monRate(c string, k int) float64 {
	if c == "EUR" {
		return 1
	}
	col := t.monthly[c]
	if k >= len(col) {
		return math.NaN()
	}
	return col[k]
}

func parseDay(s string) (int32, error) {
	tm, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("fx: bad date %q", s)
	}
	return int32(tm.Unix() / 86400), nil
}

func parseMonth(s string) (int32, error) {
	tm, err := time.Parse("2006-01", s)
	if err != nil {
		return 0, fmt.Errorf("fx: bad month %q", s)
	}
	return int32(tm.Year()*12 + int(tm.Month()) - 1), nil
}

func monthOf(d int32) int32 {
	tm := time.Unix(int64(d)*86400, 0).UTC()
	return int32(tm.Year()*12 + int(tm.Month()) - 1)
}

func dayString(d int32) string {
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}
