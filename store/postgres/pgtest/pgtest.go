// Package pgtest gives tests a fresh PostgreSQL database of their own on
// the server named by WHOSAID_TEST_POSTGRES (a postgres:// URL that may
// create databases; .ci/postgres.sh starts a throwaway one and `make test`
// sets it). Without it, tests that need PostgreSQL skip, saying so; in CI
// (CI=true) they fail instead, so a broken setup cannot pass unseen.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env is the variable naming the test server.
const Env = "WHOSAID_TEST_POSTGRES"

var seq atomic.Int64

// template is a database migrated once per test process, which each test's
// database is copied from: copying is much faster than migrating.
var template = struct {
	once sync.Once
	name string
	err  error
}{}

// Migrate, set by a test (postgres.Open), migrates the template; nil
// leaves the test databases empty.
var Migrate func(ctx context.Context, url string) error

// URL creates an empty database for the calling test, dropped when the
// test ends, and returns its URL. It skips the test (fails it in CI)
// when no server is configured or reachable.
func URL(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(Env)
	if base == "" {
		unavailable(tb, Env+" is not set (make test starts a throwaway PostgreSQL when its binaries are installed)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		unavailable(tb, fmt.Sprintf("cannot reach %s: %v", base, err))
	}
	defer conn.Close(ctx)
	if Migrate != nil {
		template.once.Do(func() { template.name, template.err = makeTemplate(ctx, tb, conn, base) })
		if template.err != nil {
			tb.Fatalf("template database: %v", template.err)
		}
	}
	name := fmt.Sprintf("whosaid_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, seq.Add(1))
	create := "CREATE DATABASE " + name
	if template.name != "" {
		create += " TEMPLATE " + template.name
	}
	if _, err := conn.Exec(ctx, create); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			tb.Errorf("drop test database: %v", err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop test database: %v", err)
		}
	})
	return withDatabase(tb, base, name)
}

// makeTemplate creates and migrates the template database. A test binary
// cannot drop it once its last test ended, so the next one to start drops
// the templates of test processes no longer running (on this machine).
func makeTemplate(ctx context.Context, tb testing.TB, conn *pgx.Conn, base string) (string, error) {
	name := fmt.Sprintf("whosaid_template_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	if err := Migrate(ctx, withDatabase(tb, base, name)); err != nil {
		return "", err
	}
	rows, err := conn.Query(ctx, `SELECT datname FROM pg_database WHERE datname LIKE 'whosaid\_template\_%' AND datname <> $1`, name)
	if err == nil {
		old, _ := pgx.CollectRows(rows, pgx.RowTo[string])
		for _, o := range old {
			var pid int
			if _, err := fmt.Sscanf(o, "whosaid_template_%d_", &pid); err == nil && syscall.Kill(pid, 0) == syscall.ESRCH {
				conn.Exec(ctx, "DROP DATABASE IF EXISTS "+o+" WITH (FORCE)")
			}
		}
	}
	return name, nil
}

// withDatabase returns base with its database replaced by name.
func withDatabase(tb testing.TB, base, name string) string {
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	u.Path = "/" + name
	return u.String()
}

func unavailable(tb testing.TB, why string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatalf("PostgreSQL tests cannot run in CI: %s", why)
	}
	tb.Skipf("PostgreSQL tests skipped: %s", why)
}
