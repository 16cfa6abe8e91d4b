package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

// TestReadWhileWriting checks what WAL buys: readers run, unblocked and
// error-free, while a writer commits, and a read transaction keeps its
// snapshot while newer data is committed under it.
func TestReadWhileWriting(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db := openTest(t)
	put(t, db, natoFindings(t))

	// A reader holding a snapshot open...
	snap, err := db.r.BeginTx(ctx, nil)
	require.NoError(t, err)
	var n int
	require.NoError(t, snap.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n))
	require.Equal(t, 1, n)

	// ...does not block the writer...
	put(t, db, smallFindings(t, "during-snapshot", "2017-03-22", "Sven Mikser", "Fine."))
	// ...and does not see its commit, while new reads do.
	require.NoError(t, snap.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n))
	assert.Equal(t, 1, n)
	require.NoError(t, snap.Rollback())
	c, err := db.Counts(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, c.Articles)

	const batches, perBatch = 20, 5
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		for b := range batches {
			var fs []whosaid.Findings
			for i := range perBatch {
				id := fmt.Sprintf("w-%d-%d", b, i)
				fs = append(fs, smallFindings(t, id, "2017-04-01", "Speaker "+id, "Quote "+id+"."))
			}
			if _, err := db.Put(ctx, fs...); err != nil {
				t.Errorf("put: %v", err)
				return
			}
		}
	}()
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for {
				select {
				case <-done:
					return
				default:
				}
				c, err := db.Counts(ctx)
				if err != nil {
					t.Errorf("counts: %v", err)
					return
				}
				if c.Articles < last {
					t.Errorf("articles went from %d to %d", last, c.Articles)
				}
				last = c.Articles
				qs, err := db.Quotes(ctx, QuoteQuery{Search: "quote", Speaker: "speaker"})
				if err != nil {
					t.Errorf("quotes: %v", err)
					return
				}
				// A batch is all or nothing: readers see whole batches.
				if len(qs)%perBatch != 0 {
					t.Errorf("saw %d quotes, not whole batches", len(qs))
				}
			}
		}()
	}
	wg.Wait()
	c, err = db.Counts(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2+batches*perBatch, c.Articles)
}

// TestTwoWriters opens the file twice, as two ingest processes would, and
// writes from both at once: the busy timeout and immediate transactions
// make them take turns instead of failing with SQLITE_BUSY.
func TestTwoWriters(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	path := filepath.Join(t.TempDir(), "whosaid.db")
	var wg sync.WaitGroup
	for w := range 2 {
		db, err := Open(ctx, path)
		require.NoError(t, err)
		defer db.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range 10 {
				id := fmt.Sprintf("p%d-%d", w, b)
				res, err := db.Put(ctx, smallFindings(t, id, "", "Speaker", "Quote "+id+"."))
				if err != nil || res[0].Status != Inserted {
					t.Errorf("put %s: %v %+v", id, err, res)
					return
				}
			}
		}()
	}
	wg.Wait()
	db, err := OpenReadOnly(ctx, path)
	require.NoError(t, err)
	defer db.Close()
	c, err := db.Counts(ctx)
	require.NoError(t, err)
	assert.Equal(t, 20, c.Articles)
	assert.Equal(t, 1, c.Speakers)
}
