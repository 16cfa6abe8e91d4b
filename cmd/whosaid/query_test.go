package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/store"
)

// devArticles is the folder of sample articles the query tests ingest.
const devArticles = "../../testdata/articles"

// ingestedDB ingests the sample articles into a fresh database file.
func ingestedDB(tb testing.TB) string {
	tb.Helper()
	db := filepath.Join(tb.TempDir(), "w.db")
	_, stderr, code := whosaidRun(tb, "", "ingest", "--db", db, devArticles)
	require.Equal(tb, 0, code, stderr)
	return db
}

// storedQuotes reads every quote back from the database, in listing order.
func storedQuotes(tb testing.TB, path string) []store.QuoteRow {
	tb.Helper()
	ctx := context.Background()
	db, err := store.OpenReadOnly(ctx, path)
	require.NoError(tb, err)
	defer db.Close()
	all, err := db.Quotes(ctx, store.QuoteQuery{})
	require.NoError(tb, err)
	require.NotEmpty(tb, all)
	return all
}

// TestExportsReadBack reads each export back, Parquet with the library's
// own reader, and checks it against the database record by record.
func TestExportsReadBack(t *testing.T) {
	db := ingestedDB(t)
	want := make([]exportRecord, 0)
	titled := 0
	for _, q := range storedQuotes(t, db) {
		want = append(want, record(q))
		if len(q.Titles) > 0 {
			titled++
		}
	}
	require.Positive(t, titled, "some speakers have titles in the sample")
	dir := t.TempDir()

	t.Run("parquet", func(t *testing.T) {
		path := filepath.Join(dir, "quotes.parquet")
		_, stderr, code := whosaidRun(t, "", "export", "--db", db, "--format", "parquet", "--out", path)
		require.Equal(t, 0, code, stderr)
		got, err := parquet.ReadFile[exportRecord](path)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})
	t.Run("jsonl", func(t *testing.T) {
		path := filepath.Join(dir, "quotes.jsonl")
		_, stderr, code := whosaidRun(t, "", "export", "--db", db, "--format", "jsonl", "--out", path)
		require.Equal(t, 0, code, stderr)
		f, err := os.Open(path)
		require.NoError(t, err)
		defer f.Close()
		var got []exportRecord
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var r exportRecord
			require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
			got = append(got, r)
		}
		require.NoError(t, sc.Err())
		assert.Equal(t, want, got)
	})
	t.Run("csv titles", func(t *testing.T) {
		out, stderr, code := whosaidRun(t, "", "export", "--db", db, "--format", "csv")
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, out, "Lithuanian Foreign Minister")
	})
	t.Run("quotebank", func(t *testing.T) {
		out, stderr, code := whosaidRun(t, "", "export", "--db", db, "--format", "quotebank")
		require.Equal(t, 0, code, stderr)
		n := 0
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var r struct {
				QuoteID        string     `json:"quoteID"`
				Quotation      string     `json:"quotation"`
				Speaker        string     `json:"speaker"`
				QIDs           []string   `json:"qids"`
				NumOccurrences int        `json:"numOccurrences"`
				Probas         [][]string `json:"probas"`
				URLs           []string   `json:"urls"`
			}
			require.NoError(t, json.Unmarshal([]byte(l), &r))
			assert.NotEmpty(t, r.QuoteID)
			assert.NotEmpty(t, r.URLs)
			assert.Equal(t, r.Speaker, r.Probas[0][0])
			n += r.NumOccurrences
		}
		assert.Equal(t, len(want), n, "every quote is counted once")
	})
}

func TestQuoteFilterFlags(t *testing.T) {
	db := ingestedDB(t)
	quotes := func(args ...string) []map[string]any {
		t.Helper()
		out, stderr, code := whosaidRun(t, "", append([]string{"quotes", "--db", db, "--format", "json"}, args...)...)
		require.Equal(t, 0, code, stderr)
		var got []map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		return got
	}
	got := quotes("--entity", "nato", "--speaker", "linkevicius")
	require.NotEmpty(t, got)
	assert.Equal(t, "Linas Linkevicius", got[0]["speaker"])
	assert.Equal(t, []any{"Lithuanian Foreign Minister"}, got[0]["titles"])
	assert.NotEmpty(t, quotes("--country", "lt", "--outlet", "REUTERS"))
	assert.Empty(t, quotes("--country", "lt", "--outlet", "no such outlet"))
	assert.Len(t, quotes("--limit", "2", "--offset", "1"), 2)
	for _, args := range [][]string{{"claims", "--country", "us"}, {"claims", "--entity", "NATO"}} {
		out, stderr, code := whosaidRun(t, "", append(args, "--db", db, "--format", "csv")...)
		require.Equal(t, 0, code, stderr)
		assert.Greater(t, strings.Count(out, "\n"), 1, args)
	}
}

// lineWriter hands what a command writes to stderr to the test, line by
// line, through a channel, so that the two goroutines share no buffer.
type lineWriter struct {
	lines chan string
}

func (b *lineWriter) Write(p []byte) (int, error) {
	for _, l := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		select {
		case b.lines <- l:
		default:
		}
	}
	return len(p), nil
}

// TestServe runs `whosaid serve` on a free port, asks it for the home page
// and a search as CONTRACT.md promises, and stops it as Ctrl-C would.
func TestServe(t *testing.T) {
	db := ingestedDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &lineWriter{lines: make(chan string, 16)}
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: stderr}
	done := make(chan int, 1)
	go func() { done <- run(ctx, e, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}) }()

	var base string
	select {
	case l := <-stderr.lines:
		m := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(l)
		require.NotEmpty(t, m, l)
		base = m
	case code := <-done:
		t.Fatalf("serve exited with %d", code)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	for _, tt := range []struct{ path, want string }{
		{"/", "<form"},
		{"/quotes?q=doubts", "No doubts about that"},
	} {
		resp, err := http.Get(base + tt.path)
		require.NoError(t, err)
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, resp.StatusCode, tt.path)
		assert.Contains(t, resp.Header.Get("Content-Type"), "text/html")
		assert.Contains(t, string(body), tt.want)
	}
	cancel()
	select {
	case code := <-done:
		assert.Equal(t, 0, code)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
