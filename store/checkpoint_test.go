package store

import (
	"os"
	"testing"
	"time"

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
