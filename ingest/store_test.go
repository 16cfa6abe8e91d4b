package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/store"
)

// The real store's types are what the pipeline's interfaces describe.
var (
	_ Batch    = (*store.Batch)(nil)
	_ FetchLog = (*store.FetchLog)(nil)
	_ Store    = dbStore{}
)

// TestDBBeginFails checks that a batch the store cannot begin is a nil
// Batch, not a nil *store.Batch the writer would take for an open one.
func TestDBBeginFails(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	db, err := store.Open(ctx, path)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	ro, err := store.OpenReadOnly(ctx, path)
	require.NoError(t, err)
	defer ro.Close()

	b, err := DB(ro).Begin(ctx)
	require.ErrorIs(t, err, store.ErrReadOnly)
	assert.Nil(t, b)
}
