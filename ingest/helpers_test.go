package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store"
)

// fakeStore is a Store that records the sources of each committed batch,
// refuses the articles named in refuse (their Result says why), and fails
// as a whole at the failAt-th Add (counting from 1; 0: never).
type fakeStore struct {
	refuse map[string]bool
	failAt int

	mu      sync.Mutex
	adds    int
	batches [][]string // committed, each its articles' file names in order
	fetches fakeFetchLog
}

func (s *fakeStore) Begin(context.Context) (Batch, error) { return &fakeBatch{s: s}, nil }

func (s *fakeStore) FetchLog() FetchLog { return &s.fetches }

// committed returns the batches committed so far.
func (s *fakeStore) committed() [][]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([][]string(nil), s.batches...)
}

// errDiskFull is the fake store's failure as a whole.
var errDiskFull = errors.New("disk full")

type fakeBatch struct {
	s    *fakeStore
	res  []store.Result
	done bool
}

func (b *fakeBatch) Add(_ context.Context, p store.Prepared) error {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	b.s.adds++
	if b.s.adds == b.s.failAt {
		return errDiskFull
	}
	a := p.Findings.Article
	r := store.Result{ID: filepath.Base(a.Source), Source: a.Source, Status: store.Inserted, Added: true}
	if b.s.refuse[r.ID] {
		r = store.Result{ID: r.ID, Source: a.Source, Status: store.Failed, Err: errors.New("refused")}
	}
	b.res = append(b.res, r)
	return nil
}

func (b *fakeBatch) Commit(context.Context) ([]store.Result, error) {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	var names []string
	for _, r := range b.res {
		names = append(names, r.ID)
	}
	b.s.batches = append(b.s.batches, names)
	b.done = true
	return b.res, nil
}

func (b *fakeBatch) Rollback() { b.done = true }

// fakeFetchLog counts its commits.
type fakeFetchLog struct{ commits int }

func (l *fakeFetchLog) GetFetch(context.Context, string) (string, string, bool, error) {
	return "", "", false, nil
}

func (l *fakeFetchLog) PutFetch(context.Context, string, string, string, int) error { return nil }

func (l *fakeFetchLog) Commit(context.Context) error {
	l.commits++
	return nil
}

// fakeExtractor finds one quote per article. Text holding "panic" makes
// it panic; text "sleep N" makes it take N milliseconds first, so that
// articles finish out of order.
type fakeExtractor struct{}

func (fakeExtractor) Extract(a whosaid.Article) whosaid.Findings {
	if strings.Contains(a.Text, "panic") {
		panic("index out of range")
	}
	if ms, ok := strings.CutPrefix(a.Text, "sleep "); ok {
		n, _ := strconv.Atoi(strings.Fields(ms)[0])
		time.Sleep(time.Duration(n) * time.Millisecond)
	}
	return whosaid.Findings{Article: a, Quotes: []whosaid.Quote{{Text: a.Text, End: len(a.Text)}}}
}

// Complete marks the findings' quotes' speakers as read by it.
func (fakeExtractor) Complete(f *whosaid.Findings) {
	for i := range f.Quotes {
		f.Quotes[i].Speaker.Surname = "completed"
	}
}

// writeArticles writes one text file per entry of texts, named 00.txt,
// 01.txt …, into a new folder and returns it.
func writeArticles(tb testing.TB, texts ...string) string {
	tb.Helper()
	dir := tb.TempDir()
	for i, text := range texts {
		require.NoError(tb, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte(text), 0o644))
	}
	return dir
}

// names returns "00.txt" … for the numbers given.
func names(ns ...int) []string {
	var out []string
	for _, n := range ns {
		out = append(out, fmt.Sprintf("%02d.txt", n))
	}
	return out
}
