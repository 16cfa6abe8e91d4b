package store

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenWAL(t *testing.T) {
	db := openTest(t)
	for _, pool := range []string{"writer", "reader"} {
		conn := db.w
		if pool == "reader" {
			conn = db.r
		}
		var mode string
		var timeout int
		require.NoError(t, conn.QueryRow("PRAGMA journal_mode").Scan(&mode))
		require.NoError(t, conn.QueryRow("PRAGMA busy_timeout").Scan(&timeout))
		assert.Equal(t, "wal", mode, pool)
		assert.Equal(t, 5000, timeout, pool)
	}
	_, err := db.r.Exec("CREATE TABLE nope (x)")
	assert.Error(t, err, "reader pool must be query-only")
}

func TestMigrationsIdempotent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "whosaid.db")
	schema := func(db *DB) []string {
		return queryStrings(t, db.r, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
	}
	names, err := migrationNames()
	require.NoError(t, err)
	require.NotEmpty(t, names)

	db, err := Open(ctx, path)
	require.NoError(t, err)
	put(t, db, natoFindings(t))
	first := schema(db)
	require.NoError(t, db.Close())

	for range 2 {
		db, err = Open(ctx, path)
		require.NoError(t, err)
		assert.Equal(t, first, schema(db))
		got, err := applied(ctx, db.r)
		require.NoError(t, err)
		assert.Equal(t, names, got)
		c, err := db.Counts(ctx)
		require.NoError(t, err)
		assert.Equal(t, 1, c.Articles)
		require.NoError(t, db.Close())
	}
}

func TestOpenRefusesNewerDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "whosaid.db")
	db, err := Open(ctx, path)
	require.NoError(t, err)
	_, err = db.w.Exec("INSERT INTO schema_migrations (name) VALUES ('migration/9999_future.sql')")
	require.NoError(t, err)
	require.NoError(t, db.Close())

	_, err = Open(ctx, path)
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = OpenReadOnly(ctx, path)
	assert.ErrorIs(t, err, ErrInvalid)
}

func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "whosaid.db")

	_, err := OpenReadOnly(ctx, path)
	require.ErrorIs(t, err, fs.ErrNotExist)
	_, err = os.Stat(path)
	require.ErrorIs(t, err, fs.ErrNotExist, "a read-only open must not create the file")

	db, err := Open(ctx, path)
	require.NoError(t, err)
	put(t, db, natoFindings(t))
	require.NoError(t, db.Close()) // the last close removes -wal and -shm

	ro, err := OpenReadOnly(ctx, path)
	require.NoError(t, err)
	qs, err := ro.Quotes(ctx, QuoteQuery{Speaker: "Mattis"})
	require.NoError(t, err)
	assert.Len(t, qs, 1)
	_, err = ro.Put(ctx, natoFindings(t))
	assert.ErrorIs(t, err, ErrReadOnly)
	_, err = ro.r.Exec("DELETE FROM articles")
	assert.Error(t, err)
	require.NoError(t, ro.Close())
	for _, leftover := range []string{path + "-wal", path + "-shm"} {
		_, err := os.Stat(leftover)
		assert.ErrorIs(t, err, fs.ErrNotExist, "a query left %s behind", filepath.Base(leftover))
	}

	other := filepath.Join(dir, "other.db")
	require.NoError(t, os.WriteFile(other, nil, 0o644))
	_, err = OpenReadOnly(ctx, other)
	assert.Error(t, err, "an empty file is not a whosaid database")
	st, err := os.Stat(other)
	require.NoError(t, err)
	assert.Zero(t, st.Size(), "a read-only open wrote to a file that is not a whosaid database")
}

func TestOpenPaths(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{"plain.db", "with space.db", "q?mark.db", "hash#tag.db", "per%25cent.db", "ünï.db"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			db, err := Open(ctx, path)
			require.NoError(t, err)
			require.NoError(t, db.Close())
			_, err = os.Stat(path)
			assert.NoError(t, err, "the file must have exactly the name asked for")
		})
	}
	_, err := Open(ctx, "")
	assert.ErrorIs(t, err, ErrInvalid)
}
