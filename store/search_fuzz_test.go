package store

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzFTSQuery holds ftsQuery to its promise: whatever a user types, the
// expression it makes is valid FTS5 syntax, so a search never fails with an
// FTS5 syntax error and never runs an operator the user did not mean.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"", "clear path", `"clear path" now`, "defen*", `say "hi`, "NEAR(a b, 2)",
		"a OR b NOT c", "col:word", "^start", "(x)", "'; DROP TABLE articles; --", "\x00", "\xff\xfe", `"""`, "* * *", "a\"*b"} {
		f.Add(s)
	}
	db, err := sql.Open("sqlite3", filepath.Join(f.TempDir(), "fts.db"))
	require.NoError(f, err)
	f.Cleanup(func() { db.Close() })
	_, err = db.Exec(`CREATE VIRTUAL TABLE t USING fts5 (text); INSERT INTO t (text) VALUES ('the clear path to defense, said NEAR the col')`)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, input string) {
		q := ftsQuery(input)
		if q == "" {
			return
		}
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM t WHERE t MATCH ?`, q).Scan(&n); err != nil {
			t.Fatalf("input %q: query %q: %v", input, q, err)
		}
	})
}
