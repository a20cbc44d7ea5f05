// Package fetch is a polite HTTP client for news sites: it obeys
// robots.txt, waits between requests to the same host, sends conditional
// requests, caps body size and time, and retries transient failures with
// backoff. It never follows more than 5 redirects.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// ErrRobots is returned for URLs that robots.txt disallows for us.
var ErrRobots = errors.New("disallowed by robots.txt")

// Client fetches pages. The zero value is not usable; call New.
type Client struct {
	UserAgent string
	Delay     time.Duration // between requests to one host
	MaxBytes  int64         // body size cap
	Retries   int           // for 429, 5xx and network errors
	http      *http.Client

	mu     sync.Mutex // guards next and robots
	next   map[string]time.Time
	robots map[string]*robotstxt.RobotsData
}

// New returns a client with a per-request timeout.
func New(userAgent string, timeout time.Duration) *Client {
	return &Client{
		UserAgent: userAgent,
		Delay:     time.Second,
		MaxBytes:  10 << 20,
		Retries:   2,
		http: &http.Client{
			Timeout: timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= 5 {
					return errors.New("stopped after 5 redirects")
				}
				return nil
			},
		},
		next:   map[string]time.Time{},
		robots: map[string]*robotstxt.RobotsData{},
	}
}

// Validators are the conditional-request headers of an earlier response.
type Validators struct {
	ETag, LastModified string
}

// Response is a fetched body.
type Response struct {
	URL         string // after redirects
	Status      int
	ContentType string
	Body        []byte
	Validators  Validators
	NotModified bool // 304: Body is empty, nothing changed
	Date        string
}

// StatusError is an HTTP error status.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string { return fmt.Sprintf("%s: HTTP %d", e.URL, e.Status) }

// Get fetches u, waiting for the host's turn and checking robots.txt.
func (c *Client) Get(ctx context.Context, u string, v Validators) (*Response, error) {
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") {
		return nil, fmt.Errorf("%s: not an http(s) URL", u)
	}
	if !c.allowed(ctx, pu) {
		return nil, fmt.Errorf("%s: %w", u, ErrRobots)
	}
	var last error
	for attempt := 0; attempt <= c.Retries; attempt++ {
		if attempt > 0 {
			backoff := time.Duration(1<<attempt)*500*time.Millisecond + time.Duration(rand.Int64N(int64(250*time.Millisecond)))
			select {
			case <-time.After(backoff):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		res, err := c.once(ctx, pu, v)
		if err == nil {
			return res, nil
		}
		last = err
		var se *StatusError
		if errors.As(err, &se) && se.Status != 429 && se.Status < 500 {
			return nil, err // permanent
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	return nil, last
}

func (c *Client) once(ctx context.Context, pu *url.URL, v Validators) (*Response, error) {
	if err := c.wait(ctx, pu.Host); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, "GET", pu.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.UserAgent)
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	out := &Response{URL: res.Request.URL.String(), Status: res.StatusCode, ContentType: res.Header.Get("Content-Type"),
		Validators: Validators{ETag: res.Header.Get("ETag"), LastModified: res.Header.Get("Last-Modified")}}
	if t, err := http.ParseTime(res.Header.Get("Date")); err == nil {
		out.Date = t.UTC().Format(time.RFC3339)
	}
	if res.StatusCode == http.StatusNotModified {
		out.NotModified = true
		out.Validators = v
		return out, nil
	}
	if res.StatusCode < 200 || res.StatusCode >= 300 {
		io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
		return nil, &StatusError{URL: pu.String(), Status: res.StatusCode}
	}
	if n, _ := strconv.ParseInt(res.Header.Get("Content-Length"), 10, 64); n > c.MaxBytes {
		return nil, fmt.Errorf("%s: body of %d bytes is over the %d limit", pu, n, c.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, c.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pu, err)
	}
	if int64(len(body)) > c.MaxBytes {
		return nil, fmt.Errorf("%s: body over the %d byte limit", pu, c.MaxBytes)
	}
	out.Body = body
	return out, nil
}

// wait blocks until host may be asked again.
func (c *Client) wait(ctx context.Context, host string) error {
	c.mu.Lock()
	now := time.Now()
	at := c.next[host]
	if at.Before(now) {
		at = now
	}
	c.next[host] = at.Add(c.Delay)
	c.mu.Unlock()
	select {
	case <-time.After(time.Until(at)):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// allowed checks robots.txt, fetched once per host; a missing or broken
// robots.txt allows everything, as crawlers conventionally read it.
func (c *Client) allowed(ctx context.Context, pu *url.URL) bool {
	base := pu.Scheme + "://" + pu.Host
	c.mu.Lock()
	rd, ok := c.robots[base]
	c.mu.Unlock()
	if !ok {
		if res, err := c.once(ctx, &url.URL{Scheme: pu.Scheme, Host: pu.Host, Path: "/robots.txt"}, Validators{}); err == nil {
			rd, _ = robotstxt.FromBytes(res.Body)
		} else {
			var se *StatusError
			if errors.As(err, &se) && (se.Status == 401 || se.Status == 403) {
				rd, _ = robotstxt.FromString("User-agent: *\nDisallow: /")
			}
		}
		c.mu.Lock()
		c.robots[base] = rd
		c.mu.Unlock()
	}
	if rd == nil {
		return true
	}
	return rd.TestAgent(pu.RequestURI(), c.UserAgent)
}
