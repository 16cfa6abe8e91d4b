package postgres_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/store/postgres"
	"github.com/whosaid/whosaid/store/postgres/pgtest"
	"github.com/whosaid/whosaid/store/storetest"
)

// TestConformance runs the suite the SQLite store passes.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(tb testing.TB) storetest.Store {
		db, err := postgres.Open(context.Background(), pgtest.URL(tb))
		require.NoError(tb, err)
		tb.Cleanup(func() { db.Close() })
		return db
	})
}

func init() {
	pgtest.Migrate = func(ctx context.Context, url string) error {
		db, err := postgres.Open(ctx, url)
		if err != nil {
			return err
		}
		return db.Close()
	}
}
