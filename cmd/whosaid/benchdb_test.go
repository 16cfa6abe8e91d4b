package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/store"
)

// benchCopies is how many times the dev articles are copied into the query
// benchmark database: the "dev articles copied 1,000 times".
const benchCopies = 1000

// devArticles is the folder of sample articles the benchmark copies.
const devArticles = "../../testdata/articles"

var benchDBOnce struct {
	sync.Once
	path string
	err  error
}

// benchDB returns the path of a database holding the dev articles copied
// benchCopies times. It is built once per test binary run, in a temporary
// folder (removed by TestMain), because building it takes seconds and every
// query benchmark reads the same data. Setting WHOSAID_BENCH_DB keeps the
// file at that path instead, to look at query plans with sqlite3.
func benchDB(tb testing.TB) string {
	tb.Helper()
	benchDBOnce.Do(func() {
		path := os.Getenv("WHOSAID_BENCH_DB")
		if path == "" {
			dir, err := os.MkdirTemp("", "whosaid-bench-")
			if err != nil {
				benchDBOnce.err = err
				return
			}
			benchTempDirs = append(benchTempDirs, dir)
			path = filepath.Join(dir, "bench.db")
		} else if _, err := os.Stat(path); err == nil {
			// Built by an earlier run: open it read-write once so that it
			// has this build's migrations.
			benchDBOnce.path = path
			db, err := store.Open(context.Background(), path)
			if err == nil {
				err = db.Close()
			}
			benchDBOnce.err = err
			return
		}
		benchDBOnce.path = path
		benchDBOnce.err = buildBenchDB(context.Background(), path, benchCopies)
	})
	if benchDBOnce.err != nil {
		tb.Fatalf("build benchmark database: %v", benchDBOnce.err)
	}
	return benchDBOnce.path
}

// benchTempDirs are removed when the test binary ends.
var benchTempDirs []string

// buildBenchDB extracts the dev articles once and stores copies of them
// under new ids. The store skips text it already holds (content-hash dedupe),
// so each copy gets one sentence appended, which leaves every offset valid;
// each copy is also dated one day earlier than the last, so speakers have a
// history spread over the years as in a real archive.
func buildBenchDB(ctx context.Context, path string, copies int) error {
	x, err := extract.New()
	if err != nil {
		return err
	}
	var base []whosaid.Findings
	err = corpus.Walk(ctx, []string{devArticles}, func(it corpus.Item) error {
		if it.Err != nil {
			return it.Err
		}
		base = append(base, x.Extract(it.Article))
		return nil
	})
	if err != nil {
		return fmt.Errorf("read dev articles: %w", err)
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	batch := make([]whosaid.Findings, 0, 500)
	for i := range copies {
		for _, f := range base {
			c := f
			a := &c.Article
			if a.ID == "" {
				a.ID = "article"
			}
			a.ID = fmt.Sprintf("%s-%04d", a.ID, i)
			a.Text += fmt.Sprintf("\nThis is copy %d.", i)
			if a.URL != "" {
				a.URL += fmt.Sprintf("?copy=%d", i)
			}
			if day, err := time.Parse(time.DateOnly, a.Published); err == nil {
				a.Published = day.AddDate(0, 0, -i).Format(time.DateOnly)
			}
			batch = append(batch, c)
		}
		if len(batch) >= 450 || i == copies-1 {
			res, err := db.Put(ctx, batch...)
			if err != nil {
				return err
			}
			for _, r := range res {
				if r.Status != store.Inserted {
					return fmt.Errorf("copy of %s: %s %v", r.ID, r.Status, r.Err)
				}
			}
			batch = batch[:0]
		}
	}
	return nil
}

// TestMain removes the benchmark database after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range benchTempDirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}
