package fetch_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kilde-news/kilde/fetch"
)

func TestPolitenessAndRetry(t *testing.T) {
	var n int32
	var times []time.Time
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		times = append(times, time.Now())
		if atomic.AddInt32(&n, 1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer ts.Close()
	c := fetch.New("kilde-test/1", 2*time.Second)
	c.Delay = 150 * time.Millisecond
	c.Retries = 1
	res, err := c.Get(context.Background(), ts.URL+"/page", fetch.Validators{})
	if err != nil || string(res.Body) != "ok" {
		t.Fatalf("Get after a 503: %v", err)
	}
	if len(times) != 2 || times[1].Sub(times[0]) < 150*time.Millisecond {
		t.Errorf("requests %v: want a retry at least the politeness delay after the first", times)
	}
	if _, err := c.Get(context.Background(), "ftp://x/y", fetch.Validators{}); err == nil {
		t.Error("ftp URL accepted")
	}
}
