package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/kilde-news/kilde/server"
)

func runServe(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "serve", "", "Serves the JSON API (/api/..., documented at /api/openapi.json) and the web UI.\nWrite endpoints need KILDE_TOKEN; binding beyond loopback without it is refused.")
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	readOnly := fs.Bool("read-only", false, "allow a non-loopback address without KILDE_TOKEN; writes stay disabled")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	token := os.Getenv("KILDE_TOKEN")
	if token == "" && !isLoopback(*addr) && !*readOnly {
		fmt.Fprintf(e.stderr, "kilde serve: refusing to listen on %s without KILDE_TOKEN: set a token for the write endpoints, or pass --read-only\n", *addr)
		return 2
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde serve: %v\n", err)
		return 1
	}
	defer st.Close()
	p, err := buildPipeline()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde serve: %v\n", err)
		return 1
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	srv, err := server.New(st, server.Options{Token: token, Annotator: p, Logger: log})
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde serve: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde serve: %v\n", err)
		return 1
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	log.Info("serving", "addr", "http://"+ln.Addr().String(), "db", *db, "writes", token != "")
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintf(e.stderr, "kilde serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	// Finish requests in flight (a POST commits its batch before it answers).
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(e.stderr, "kilde serve: shutdown: %v\n", err)
		return 1
	}
	return 0
}

// isLoopback reports whether addr listens only on a loopback interface.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
