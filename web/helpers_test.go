package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/store"
)

// devArticles is the folder of sample articles the tests serve.
const devArticles = "../testdata/articles"

var devFindings struct {
	sync.Once
	fs  []whosaid.Findings
	err error
}

// testServer ingests the sample articles into a fresh database file, opens
// it read-only as `whosaid serve` does, and returns the explorer and the
// database. Extraction runs once per test binary.
func testServer(tb testing.TB) (*Server, *store.DB) {
	tb.Helper()
	devFindings.Do(func() {
		x, err := extract.New()
		if err != nil {
			devFindings.err = err
			return
		}
		devFindings.err = corpus.Walk(context.Background(), []string{devArticles}, func(it corpus.Item) error {
			if it.Err != nil {
				return it.Err
			}
			devFindings.fs = append(devFindings.fs, x.Extract(it.Article))
			return nil
		})
	})
	require.NoError(tb, devFindings.err)
	ctx := context.Background()
	path := filepath.Join(tb.TempDir(), "whosaid.db")
	w, err := store.Open(ctx, path)
	require.NoError(tb, err)
	_, err = w.Put(ctx, devFindings.fs...)
	require.NoError(tb, err)
	require.NoError(tb, w.Close())
	db, err := store.OpenReadOnly(ctx, path)
	require.NoError(tb, err)
	tb.Cleanup(func() { db.Close() })
	s, err := New(db)
	require.NoError(tb, err)
	return s, db
}

// get asks the explorer for a page and returns its status and body.
func get(tb testing.TB, h http.Handler, target string) (int, string) {
	tb.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	body, err := io.ReadAll(rec.Body)
	require.NoError(tb, err)
	return rec.Code, string(body)
}

// httptestPost sends a POST, which the read-only explorer must refuse, and
// returns the status.
func httptestPost(tb testing.TB, h http.Handler, target string) int {
	tb.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, target, nil))
	return rec.Code
}
