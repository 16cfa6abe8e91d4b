package store

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBatchStreams: articles added one by one are written at once but
// seen by readers only after Commit; a refused article in the middle fails
// alone (the batch is written again with savepoints); a rolled-back batch
// leaves nothing; a finished batch refuses more work.
func TestBatchStreams(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	_, err := db.w.Exec(`CREATE TRIGGER boom BEFORE INSERT ON claims WHEN new.text LIKE '%BOOM%'
		BEGIN SELECT RAISE(ABORT, 'boom'); END`)
	require.NoError(t, err)

	b, err := db.Begin(ctx)
	require.NoError(t, err)
	bad := smallFindings(t, "bad", "2017-03-20", "Only In Bad Article", "I fail.")
	bad.Claims[0].Text = "BOOM"
	for _, f := range []Prepared{
		Prepare(smallFindings(t, "a1", "2017-03-20", "Sven Mikser", "Yes.")),
		Prepare(bad),
		{Findings: smallFindings(t, "a2", "2017-03-21", "Edgars Rinkevics", "No.")}, // not prepared yet
	} {
		require.NoError(t, b.Add(ctx, f))
	}
	assert.Equal(t, 3, b.Len())
	assert.Zero(t, tableCounts(t, db)["articles"], "readers see nothing before Commit")

	res, err := b.Commit(ctx)
	require.NoError(t, err)
	require.Len(t, res, 3)
	assert.Equal(t, []Status{Inserted, Failed, Inserted}, []Status{res[0].Status, res[1].Status, res[2].Status})
	assert.Equal(t, 2, tableCounts(t, db)["articles"])
	requireFTSIntact(t, db)

	require.ErrorIs(t, b.Add(ctx, Prepare(smallFindings(t, "a3", "", "Linas Linkevicius", "Maybe."))), errBatchDone)
	_, err = b.Commit(ctx)
	require.ErrorIs(t, err, errBatchDone)

	b, err = db.Begin(ctx)
	require.NoError(t, err)
	require.NoError(t, b.Add(ctx, Prepare(smallFindings(t, "a3", "", "Linas Linkevicius", "Maybe."))))
	b.Rollback()
	b.Rollback() // twice is harmless
	assert.Equal(t, 2, tableCounts(t, db)["articles"], "a rolled-back batch leaves nothing")

	// The writing connection is free again, out of the batch's
	// transaction (begun with SQL on it: batch.go), for a batch and for a
	// database/sql Tx.
	put(t, db, smallFindings(t, "a4", "", "Linas Linkevicius", "Maybe."))
	assert.Equal(t, 3, tableCounts(t, db)["articles"])
	l := db.FetchLog()
	require.NoError(t, l.PutFetch(ctx, "https://example.com/a4", "", "", 200))
	require.NoError(t, l.Commit(ctx))
}
