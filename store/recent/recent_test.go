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

// TestMerge: a merge of every row (min below zero) of a recent tree larger
// than a chunk moves them all into the large one, names that differ only
// in case included, and leaves free no more than about a chunk's pages,
// not the whole recent tree's; a tree under its threshold stays.
func TestMerge(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
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
	require.NoError(t, Merge(ctx, conn, trees[:1], -1))
	require.NoError(t, Merge(ctx, conn, trees[1:], 1))
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

// TestSlide: once the recent tree holds more than its share, each merge
// moves the excess, the rows next in key order after the last moved,
// wrapping round at the last key; every row is moved once, none is lost,
// and within a key prefix the rows in the large tree stay below those in
// the recent one (the sketches' seq order).
func TestSlide(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	_, err := db.Exec(`CREATE TABLE large (band INTEGER, hash INTEGER, article INTEGER, PRIMARY KEY (band, hash, article)) WITHOUT ROWID;
		CREATE TABLE recent (band INTEGER, hash INTEGER, article INTEGER, PRIMARY KEY (band, hash, article)) WITHOUT ROWID`)
	require.NoError(t, err)
	tree := []Tree{{Large: "large", Recent: "recent", Key: "band, hash, article",
		Rows: "SELECT (SELECT count(*) FROM large) + (SELECT count(*) FROM recent)"}}
	count := func(q string) int64 {
		var c int64
		require.NoError(t, db.QueryRow(q).Scan(&c))
		return c
	}
	const batch, batches = 100, 60
	var cursors []int64
	for b := range batches {
		conn, err := db.Conn(ctx)
		require.NoError(t, err)
		_, err = conn.ExecContext(ctx, "BEGIN")
		require.NoError(t, err)
		for i := range batch {
			seq := int64(b*batch + i)
			// 7 bands, 13 hashes: every prefix gets rows from many batches
			_, err := conn.ExecContext(ctx, "INSERT INTO recent VALUES (?, ?, ?)", seq*5%7, seq*11%13, seq)
			require.NoError(t, err)
		}
		require.NoError(t, Merge(ctx, conn, tree, 200))
		_, err = conn.ExecContext(ctx, "COMMIT")
		require.NoError(t, err)
		require.NoError(t, conn.Close())

		total := int64((b + 1) * batch)
		keep := max(200, total/Share)
		assert.Equal(t, min(total, keep), count("SELECT count(*) FROM recent"), "batch %d", b)
		assert.Equal(t, total, count("SELECT count(*) FROM large")+count("SELECT count(*) FROM recent"), "batch %d", b)
		assert.Zero(t, count("SELECT count(*) FROM large JOIN recent USING (band, hash, article)"), "in both, batch %d", b)
		assert.Zero(t, count(`SELECT count(*) FROM large l WHERE article > (SELECT min(article) FROM recent r
			WHERE r.band = l.band AND r.hash = l.hash)`), "seq order within a prefix, batch %d", b)
		if total > keep {
			cursors = append(cursors, count("SELECT coalesce(k1, -1) * 100 + coalesce(k2, 0) FROM recent_cursors"))
		}
	}
	// the cursor went round the key space more than once: it came back
	// below where it was
	wraps := 0
	for i := 1; i < len(cursors); i++ {
		if cursors[i] < cursors[i-1] {
			wraps++
		}
	}
	assert.GreaterOrEqual(t, wraps, 2, "cursors %v", cursors)
}

// openDB opens a database of one connection (the merges' transactions are
// begun on it) holding the cursors' table of migration 0023.
func openDB(tb testing.TB) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite3", filepath.Join(tb.TempDir(), "t.db"))
	require.NoError(tb, err)
	tb.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	_, err = db.Exec(`CREATE TABLE recent_cursors (tree TEXT PRIMARY KEY, k1, k2, k3) WITHOUT ROWID`)
	require.NoError(tb, err)
	return db
}
