package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/store"
	"github.com/whosaid/whosaid/store/storetest"
)

// TestConformance runs the conformance suite every store passes (the
// PostgreSQL store runs the same one).
func TestConformance(t *testing.T) {
	storetest.Run(t, func(tb testing.TB) storetest.Store {
		db, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "whosaid.db"))
		require.NoError(tb, err)
		tb.Cleanup(func() { db.Close() })
		return db
	})
}
