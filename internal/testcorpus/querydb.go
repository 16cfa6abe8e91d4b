package testcorpus

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
	"github.com/whosaid/whosaid/internal/scramble"
	"github.com/whosaid/whosaid/store"
)

// QueryCopies is how many times QueryDB copies the dev articles: the
// issue's "dev articles copied 1,000 times".
const QueryCopies = 1000

// devArticles is the folder of sample articles QueryDB copies.
var devArticles = Path("testdata/articles")

var queryDB struct {
	sync.Once
	path string
	err  error
	temp []string // folders RemoveTemp removes
}

// QueryDB returns the path of a database holding the dev articles copied
// QueryCopies times. It is built once per test binary run, in a temporary
// folder (which RemoveTemp removes: call it from TestMain), because
// building it takes seconds and every query benchmark reads the same data.
// Setting WHOSAID_BENCH_DB keeps the file at that path instead, to look at
// query plans with sqlite3.
func QueryDB(tb testing.TB) string {
	tb.Helper()
	queryDB.Do(func() {
		path := os.Getenv("WHOSAID_BENCH_DB")
		if path == "" {
			dir, err := os.MkdirTemp("", "whosaid-bench-")
			if err != nil {
				queryDB.err = err
				return
			}
			queryDB.temp = append(queryDB.temp, dir)
			path = filepath.Join(dir, "bench.db")
		} else if _, err := os.Stat(path); err == nil {
			// Built by an earlier run: open it read-write once so that it
			// has this build's migrations.
			queryDB.path = path
			db, err := store.Open(context.Background(), path)
			if err == nil {
				err = db.Close()
			}
			queryDB.err = err
			return
		}
		queryDB.path = path
		queryDB.err = BuildQueryDB(context.Background(), path, QueryCopies)
	})
	if queryDB.err != nil {
		tb.Fatalf("build benchmark database: %v", queryDB.err)
	}
	return queryDB.path
}

// RemoveTemp removes the temporary folder QueryDB built its database in.
func RemoveTemp() {
	for _, dir := range queryDB.temp {
		os.RemoveAll(dir)
	}
}

// BuildQueryDB extracts the dev articles once and stores copies of them
// under new ids into a new database at path. The store keeps one copy of
// a story (same text, same URL or near-duplicate text), so each copy gets
// its own URL and its text is scrambled around its findings
// (scramble.Findings), which leaves every offset and finding valid; each
// copy is also dated one day earlier than the last, so speakers have a
// history spread over the years as in a real archive.
func BuildQueryDB(ctx context.Context, path string, copies int) error {
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
			c := scramble.Findings(f, i)
			a := &c.Article
			if a.ID == "" {
				a.ID = "article"
			}
			a.ID = fmt.Sprintf("%s-%04d", a.ID, i)
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
