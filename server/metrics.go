package server

import (
	"fmt"
	"net/http"
	"sort"
	"sync"
	"time"
)

// metrics keeps request counts and latencies per route in the Prometheus
// text format. Hand-written: two counters do not justify a client library.
type metrics struct {
	mu    sync.Mutex // guards the maps
	count map[[2]string]uint64
	secs  map[string]float64
	n     map[string]uint64
	start time.Time
}

func newMetrics() *metrics {
	return &metrics{count: map[[2]string]uint64{}, secs: map[string]float64{}, n: map[string]uint64{}, start: time.Now()}
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	if route == "" {
		route = "unmatched"
	}
	m.mu.Lock()
	m.count[[2]string{route, fmt.Sprint(status)}]++
	m.secs[route] += d.Seconds()
	m.n[route]++
	m.mu.Unlock()
}

func (m *metrics) serve(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	fmt.Fprintln(w, "# HELP kilde_http_requests_total HTTP requests by route and status.")
	fmt.Fprintln(w, "# TYPE kilde_http_requests_total counter")
	keys := make([][2]string, 0, len(m.count))
	for k := range m.count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		fmt.Fprintf(w, "kilde_http_requests_total{route=%q,status=%q} %d\n", k[0], k[1], m.count[k])
	}
	fmt.Fprintln(w, "# HELP kilde_http_request_seconds Time spent serving requests by route.")
	fmt.Fprintln(w, "# TYPE kilde_http_request_seconds summary")
	routes := make([]string, 0, len(m.n))
	for r := range m.n {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		fmt.Fprintf(w, "kilde_http_request_seconds_sum{route=%q} %g\n", r, m.secs[r])
		fmt.Fprintf(w, "kilde_http_request_seconds_count{route=%q} %d\n", r, m.n[r])
	}
	fmt.Fprintln(w, "# HELP kilde_uptime_seconds Seconds since the server started.")
	fmt.Fprintln(w, "# TYPE kilde_uptime_seconds gauge")
	fmt.Fprintf(w, "kilde_uptime_seconds %g\n", time.Since(m.start).Seconds())
}
