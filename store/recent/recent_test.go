package recent

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMerge: a merge moves every row of a recent tree larger than a chunk
// into the large one, names that differ only in case included, and leaves
// free no more than about a chunk's pages, not the whole recent tree's; a
// tree under its threshold stays.
func TestMerge(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite3", filepath.Join(t.TempDir(), "t.db"))
	require.NoError(t, err)
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, table := range []string{"large", "recent", "small", "small_recent"} {
		_, err := db.Exec(`CREATE TABLE ` + table + ` (name TEXT NOT NULL COLLATE NOCASE, titles TEXT NOT NULL, id INTEGER NOT NULL,
			PRIMARY KEY (name, titles, id)) WITHOUT ROWID`)
		require.NoError(t, err)
	}
	const n = 6<<14 + 1000 // six chunks and some
	tx, err := db.Begin()
	require.NoError(t, err)
	for i := range n {
		name := fmt.Sprintf("name %d", i*7919%n)
		if i%3 == 0 {
			name = fmt.Sprintf("NAME %d", i*7919%n)
		}
		_, err := tx.Exec(`INSERT INTO recent VALUES (?, '[]', ?)`, name, i)
		require.NoError(t, err)
	}
	_, err = tx.Exec(`INSERT INTO large VALUES ('name 5', '["x"]', -1); INSERT INTO small_recent VALUES ('a', '[]', 1)`)
	require.NoError(t, err)
	require.NoError(t, tx.Commit())

	count := func(q string) int {
		var c int
		require.NoError(t, db.QueryRow(q).Scan(&c))
		return c
	}
	before := count("PRAGMA page_count") // nearly all the recent tree's
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	_, err = conn.ExecContext(ctx, "BEGIN")
	require.NoError(t, err)
	trees := []Tree{
		{Large: "large", Recent: "recent", Key: "name, titles, id", Rows: "SELECT count(*) FROM large"},
		{Large: "small", Recent: "small_recent", Key: "name, titles, id", Rows: "SELECT 1000"},
	}
	require.NoError(t, Merge(ctx, conn, trees, 1))
	_, err = conn.ExecContext(ctx, "COMMIT")
	require.NoError(t, err)
	require.NoError(t, conn.Close()) // the pool's one connection

	assert.Equal(t, n+1, count("SELECT count(*) FROM large"))
	assert.Equal(t, n, count("SELECT count(DISTINCT id) FROM large WHERE id >= 0"))
	assert.Zero(t, count("SELECT count(*) FROM recent"))
	assert.Equal(t, 1, count("SELECT count(*) FROM small_recent"), "under its threshold: 1000/Share")
	// merged whole, the recent tree's pages would all be free
	assert.Less(t, count("PRAGMA freelist_count"), before/4)
}
