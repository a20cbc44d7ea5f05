package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/postgres"
	"github.com/kilde-news/kilde/sqlstore"
	"github.com/kilde-news/kilde/storetest"
)

// server is a throwaway PostgreSQL cluster started by TestMain: initdb in a
// temporary directory, postgres on a free port with its socket there. When
// running as root it runs as user nobody (PostgreSQL refuses root).
type server struct {
	dir, sock string
	port      int
	cmd       *exec.Cmd
}

var (
	srv     *server
	skipMsg string
	dbSeq   atomic.Int64
)

func TestMain(m *testing.M) {
	s, err := startServer()
	if err != nil {
		skipMsg = "no PostgreSQL server for the tests: " + err.Error()
	}
	srv = s
	code := m.Run()
	if srv != nil {
		srv.stop()
	}
	os.Exit(code)
}

func findBin(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, v := range []string{"17", "16", "15", "14", "13"} {
		p := filepath.Join("/usr/lib/postgresql", v, "bin", name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found in PATH or /usr/lib/postgresql/*/bin", name)
}

// asUser runs cmd as nobody when we are root.
func asUser(cmd *exec.Cmd) {
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
}

func startServer() (*server, error) {
	initdb, err := findBin("initdb")
	if err != nil {
		return nil, err
	}
	pg, err := findBin("postgres")
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "kilde-pg-")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir, sock: dir}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 {
		if err := os.Chown(dir, 65534, 65534); err != nil {
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	cmd := exec.Command(initdb, "-D", data, "-U", "kilde", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
	asUser(cmd)
	if out, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s.port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	s.cmd = exec.Command(pg, "-D", data, "-p", strconv.Itoa(s.port), "-k", s.sock, "-c", "listen_addresses=",
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	asUser(s.cmd)
	logf, _ := os.Create(filepath.Join(dir, "postgres.log"))
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	if err := s.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		db, err := sql.Open("pgx", s.dsn("postgres"))
		if err == nil {
			err = db.Ping()
			db.Close()
		}
		if err == nil {
			return s, nil
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("postgres did not start: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (s *server) dsn(db string) string {
	return fmt.Sprintf("host=%s port=%d user=kilde dbname=%s sslmode=disable", s.sock, s.port, db)
}

func (s *server) stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Signal(syscall.SIGINT) // fast shutdown
		done := make(chan struct{})
		go func() { s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			s.cmd.Process.Kill()
		}
	}
	os.RemoveAll(s.dir)
}

// open creates a fresh database for one test.
func open(t *testing.T) kilde.Store { return openTB(t) }

func openTB(t testing.TB) kilde.Store {
	t.Helper()
	if srv == nil {
		t.Skip(skipMsg)
	}
	name := fmt.Sprintf("kilde_test_%d", dbSeq.Add(1))
	admin, err := sql.Open("pgx", srv.dsn("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	// FILE_COPY (PostgreSQL 15+) is much faster than the default for a
	// small template; older servers reject it and get the default.
	if _, err := admin.Exec("CREATE DATABASE " + name + " STRATEGY = FILE_COPY"); err != nil {
		if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
			t.Fatal(err)
		}
	}
	s, err := postgres.Open(context.Background(), srv.dsn(name))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

func TestMigrationsRecorded(t *testing.T) {
	s := open(t).(interface{ DB() *sql.DB })
	var n int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	ms, err := sqlstore.Migrations(postgres.Dialect.Migrations)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(ms) || n < 2 {
		t.Errorf("schema_migrations has %d rows, want %d", n, len(ms))
	}
}

// BenchmarkPut stores b.N synthetic articles (see storetest.Corpus):
//
//	go test ./postgres -run XXX -bench Put -benchtime 2000x
func BenchmarkPut(b *testing.B) {
	shared, err := storetest.SharedDir()
	if err != nil {
		b.Skip(err)
	}
	c, err := storetest.LoadCorpus(filepath.Join(shared, storetest.DaNPlusTrain), 1)
	if err != nil {
		b.Skip(err)
	}
	s := openTB(b)
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i += 500 {
		docs := make([]*kilde.Doc, 0, 500)
		for j := i; j < min(i+500, b.N); j++ {
			docs = append(docs, c.Doc(j))
		}
		if _, err := s.Put(context.Background(), docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
