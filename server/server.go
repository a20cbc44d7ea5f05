// Package server serves kilde's JSON API and web UI over a kilde.Store.
// Read endpoints are open; write endpoints need the bearer token. All pages
// are server-rendered html/template with a little vanilla JS, embedded in
// the binary, so no Node toolchain is needed to build it.
package server

import (
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/kilde-news/kilde"
)

//go:embed assets templates
var embedded embed.FS

// Annotator annotates one document; *pipeline.Pipeline satisfies it.
type Annotator interface {
	Annotate(d *kilde.Doc) error
}

// Options configure a Server.
type Options struct {
	// Token guards the write endpoints (POST /api/articles). Empty means
	// writes are refused: the caller decides whether that is acceptable.
	Token string
	// Annotator annotates posted articles before they are stored; nil
	// disables POST /api/articles.
	Annotator Annotator
	// MaxBody limits request bodies in bytes (default 32 MiB).
	MaxBody int64
	Logger  *slog.Logger
}

// Server is the HTTP API and UI. Create it with New.
type Server struct {
	store   kilde.Store
	opt     Options
	log     *slog.Logger
	pages   *template.Template
	metrics *metrics
	mux     *http.ServeMux
}

// New returns a server over store.
func New(store kilde.Store, opt Options) (*Server, error) {
	if opt.MaxBody <= 0 {
		opt.MaxBody = 32 << 20
	}
	log := opt.Logger
	if log == nil {
		log = slog.Default()
	}
	pages, err := template.New("").Funcs(funcs).ParseFS(embedded, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s := &Server{store: store, opt: opt, log: log, pages: pages, metrics: newMetrics()}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	m := http.NewServeMux()
	assets, _ := fs.Sub(embedded, "assets")
	m.Handle("GET /assets/", http.StripPrefix("/assets/", http.FileServerFS(assets)))
	m.HandleFunc("GET /healthz", s.healthz)
	m.HandleFunc("GET /metrics", s.metrics.serve)
	m.HandleFunc("GET /api/openapi.json", s.openapi)
	m.HandleFunc("GET /api/search", s.apiSearch)
	m.HandleFunc("GET /api/articles/{id}", s.apiArticle)
	m.HandleFunc("GET /api/entities/{name}", s.apiEntity)
	m.HandleFunc("GET /api/track", s.apiTrack)
	m.Handle("POST /api/articles", s.requireToken(http.HandlerFunc(s.apiPost)))
	m.HandleFunc("GET /{$}", s.pageSearch)
	m.HandleFunc("GET /search", s.pageSearch)
	m.HandleFunc("GET /articles/{id}", s.pageArticle)
	m.HandleFunc("GET /entities/{name}", s.pageEntity)
	m.HandleFunc("GET /track", s.pageTrack)
	s.mux = m
}

// ServeHTTP adds the security headers, the body limit, panic recovery and
// metrics around every route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &statusWriter{ResponseWriter: w, status: 200}
	h := rw.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	r.Body = http.MaxBytesReader(rw, r.Body, s.opt.MaxBody)
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic in handler", "path", r.URL.Path, "panic", p)
			if !rw.wrote {
				writeError(rw, http.StatusInternalServerError, "internal error")
			}
		}
		_, pattern := s.mux.Handler(r)
		s.metrics.observe(pattern, rw.status, time.Since(start))
	}()
	s.mux.ServeHTTP(rw, r)
}

type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// requireToken lets a request through only with "Authorization: Bearer
// <token>" matching Options.Token, compared in constant time.
func (s *Server) requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.opt.Token == "" {
			writeError(w, http.StatusForbidden, "writes are disabled: start kilde serve with KILDE_TOKEN set")
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.opt.Token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kilde"`)
			writeError(w, http.StatusUnauthorized, "missing or wrong bearer token")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if _, err := s.store.Stats(r.Context()); err != nil {
		writeError(w, http.StatusServiceUnavailable, "store unavailable")
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	b, _ := embedded.ReadFile("assets/openapi.json")
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

// apiError is the JSON body of every error response.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg, Status: status})
}

// storeError maps a store error to a status code; internal details are
// logged, never shown.
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, err error) {
	switch kilde.ErrorCodeOf(err) {
	case kilde.ENOTFOUND:
		writeError(w, http.StatusNotFound, userMessage(err))
	case kilde.EINVALID:
		writeError(w, http.StatusBadRequest, userMessage(err))
	default:
		if errors.Is(err, r.Context().Err()) && r.Context().Err() != nil {
			writeError(w, http.StatusServiceUnavailable, "request cancelled")
			return
		}
		s.log.Error("store", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}

func userMessage(err error) string {
	var e *kilde.Error
	if errors.As(err, &e) && e.Msg != "" {
		return e.Msg
	}
	return string(kilde.ErrorCodeOf(err))
}
