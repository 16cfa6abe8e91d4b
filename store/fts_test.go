package store

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFTSBatchIndexing checks that the quotes and claims a batch adds are
// searchable after it, including when an article in the batch replaces a
// stored one (the queue is flushed first, so the delete trigger finds the
// text it takes out) and when that replacement is then rolled back (rows
// indexed inside its savepoint must be queued again).
func TestFTSBatchIndexing(t *testing.T) {
	ctx := context.Background()
	matches := func(t *testing.T, db *DB, table, q string) int {
		t.Helper()
		var n int
		require.NoError(t, db.r.QueryRow("SELECT count(*) FROM "+table+" WHERE "+table+" MATCH ?", q).Scan(&n))
		return n
	}
	tests := []struct {
		name     string
		boom     bool // the replacing article fails after the old one is deleted
		oldWords int  // matches of the old article's quote afterwards
		newWords int  // matches of the replacement's quote afterwards
	}{
		{name: "replacement stored", oldWords: 0, newWords: 1},
		{name: "replacement rolled back", boom: true, oldWords: 1, newWords: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			put(t, db, smallFindings(t, "b", "2017-03-20", "Old Speaker", "Ancient words."))
			requireFTSIntact(t, db)

			quote := "Fresh words."
			if tt.boom {
				// The replacing article fails (its quote text is stored
				// empty, a span of the text: 0020, so the trigger
				// picks it by its id).
				_, err := db.w.Exec(`CREATE TRIGGER boom BEFORE INSERT ON quotes WHEN new.article_id = 'b'
					BEGIN SELECT RAISE(ABORT, 'boom'); END`)
				require.NoError(t, err)
				quote = "Fresh words BOOM."
			}
			before := smallFindings(t, "a", "2017-03-21", "Anne Before", "Early words.")
			after := smallFindings(t, "c", "2017-03-22", "Cecil After", "Later words.")
			res, err := db.Put(ctx, before, smallFindings(t, "b", "2017-03-20", "New Speaker", quote), after)
			require.NoError(t, err)
			assert.Equal(t, Inserted, res[0].Status)
			assert.Equal(t, Inserted, res[2].Status)
			if tt.boom {
				assert.Equal(t, Failed, res[1].Status)
			} else {
				assert.Equal(t, Replaced, res[1].Status)
			}

			requireFTSIntact(t, db)
			assert.Equal(t, 1, matches(t, db, "quotes_fts", "early"), "article before the replacement")
			assert.Equal(t, 1, matches(t, db, "quotes_fts", "later"), "article after the replacement")
			assert.Equal(t, tt.oldWords, matches(t, db, "quotes_fts", "ancient"))
			assert.Equal(t, tt.newWords, matches(t, db, "quotes_fts", "fresh"))
			assert.Equal(t, 2+tt.oldWords+tt.newWords, matches(t, db, "claims_fts", "talks"))
		})
	}
}
