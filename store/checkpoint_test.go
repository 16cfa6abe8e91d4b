package store

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckpointAfterCommit: the writer does not checkpoint (its automatic
// checkpoint is off), so the stored pages reach the database file only
// through the checkpointer, soon after the commit and before Close.
func TestCheckpointAfterCommit(t *testing.T) {
	db := openTest(t)
	before, err := os.Stat(db.Path())
	require.NoError(t, err)
	put(t, db, natoFindings(t))
	require.Eventually(t, func() bool {
		st, err := os.Stat(db.Path())
		return err == nil && st.Size() > before.Size()
	}, 10*time.Second, 10*time.Millisecond, "the committed pages never reached %s", db.Path())

	var auto int
	require.NoError(t, db.w.QueryRow("PRAGMA wal_autocheckpoint").Scan(&auto))
	require.Zero(t, auto, "the writer must leave checkpoints to the checkpointer")
}

// TestWALStartsOver: a writer that begins each batch right after the last
// commit would find the copy of that commit still running every time, and
// SQLite would append to the WAL for ever; past its limit the writer waits
// for a full pass, and the WAL starts over from its beginning.
func TestWALStartsOver(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	db.ckpt.mu.Lock()
	db.ckpt.limit = 64 // pages
	// Every pass is slow, so the next batch always begins while the last
	// commit is being copied, as in a long ingest.
	db.ckpt.slow = func() { time.Sleep(20 * time.Millisecond) }
	db.ckpt.mu.Unlock()
	biggest := int64(0)
	for i := range 400 {
		f := natoFindings(t)
		f.Article.ID = fmt.Sprintf("copy-%d", i)
		f.Article.URL = ""
		f.Article.Text = strings.Replace(f.Article.Text, "Tillerson", fmt.Sprintf("Tillerson%d", i), 1)
		b, err := db.Begin(ctx)
		require.NoError(t, err)
		require.NoError(t, b.Add(ctx, Prepare(f)))
		_, err = b.Commit(ctx)
		require.NoError(t, err)
		if st, err := os.Stat(db.Path() + "-wal"); err == nil {
			biggest = max(biggest, st.Size())
		}
	}
	// Four hundred batches write about 6 MB of WAL; starting over keeps
	// it near the limit plus the batches written while a slow pass ran,
	// which on a loaded machine have reached 1.2 MB.
	assert.Less(t, biggest, int64(2<<20), "WAL grew to %d bytes", biggest)
}
