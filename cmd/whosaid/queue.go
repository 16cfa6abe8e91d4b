package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/whosaid/whosaid/queue"
	"github.com/whosaid/whosaid/store/postgres"
)

func runQueue(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "queue", "--db postgres://… [flags]", "Shows the ingest job queue of a PostgreSQL database: jobs waiting, running, done and\nfailed, and the last error of each job that failed and is not done.")
	dbURL := fs.String("db", "", "PostgreSQL database `URL` (postgres://…)")
	format := fs.String("format", formatTable, "output `format`: table or json")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || !postgres.IsURL(*dbURL) {
		fs.Usage()
		return fmt.Errorf("--db must be a postgres:// URL: %w", errUsage)
	}
	if *format != formatTable && *format != formatJSON {
		return fmt.Errorf("unknown --format %q (want table or json): %w", *format, errUsage)
	}
	db, err := postgres.OpenReadOnly(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := queue.ReadStats(ctx, db.Pool())
	if err != nil {
		return err
	}
	if *format == formatJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	fmt.Fprintf(e.stdout, "waiting  %d\nrunning  %d\ndone     %d\nfailed   %d\nretried  %d\n", s.Waiting, s.Running, s.Done, s.Failed, s.Retried)
	if len(s.Problems) == 0 {
		return nil
	}
	out := rows{header: []string{"job", "state", "attempt", "at", "error", "input"}, wide: 4}
	for _, p := range s.Problems {
		out.cells = append(out.cells, []string{itoa64(p.ID), p.State, itoa(p.Attempt), p.At.UTC().Format(time.RFC3339),
			strings.TrimSpace(p.Error), p.Job})
	}
	fmt.Fprintln(e.stdout)
	return out.write(e.stdout, formatTable)
}

// enqueue splits sources into jobs and queues them on the database at
// dbURL, for `whosaid ingest --queue`.
func enqueue(ctx context.Context, e *env, dbURL string, sources []string, sizes queue.Sizes, maxAttempts int, quiet bool) error {
	if !postgres.IsURL(dbURL) {
		return fmt.Errorf("--queue needs a postgres:// --db: %w", errUsage)
	}
	db, err := postgres.Open(ctx, dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	jobs, err := queue.Split(ctx, sources, sizes)
	if err != nil {
		return err
	}
	if err := queue.Enqueue(ctx, db.Pool(), jobs, maxAttempts); err != nil {
		return err
	}
	if !quiet {
		fmt.Fprintf(e.stderr, "queued %d jobs: run `whosaid worker --db URL` on any machine that reaches the database\n", len(jobs))
	}
	return nil
}
