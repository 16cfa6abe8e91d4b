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
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env is the variable naming the test server.
const Env = "WHOSAID_TEST_POSTGRES"

var seq atomic.Int64

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
	name := fmt.Sprintf("whosaid_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, seq.Add(1))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
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
