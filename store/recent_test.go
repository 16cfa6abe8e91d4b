package store

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecentTrees: names and sketches are found, and a replaced article's
// taken out, whether their rows are still in the recent trees, were
// merged into the large ones (0022), or were moved but for an eighth, so
// that each tree holds some (0023).
func TestRecentTrees(t *testing.T) {
	ctx := context.Background()
	rows := func(db *DB, table string) int {
		var n int
		require.NoError(t, db.r.QueryRow("SELECT count(*) FROM "+table).Scan(&n))
		return n
	}
	entity := func(db *DB, name string) int {
		qs, err := db.Quotes(ctx, QuoteQuery{Entity: name})
		require.NoError(t, err)
		return len(qs)
	}
	for _, least := range []int64{-1, 1 << 40, 1} {
		// -1: every commit merges every row; 1 << 40: none; 1: all but
		// an eighth of the rows
		merged, sliced := least < 0, least == 1
		db := openTest(t)
		db.minRecent = least
		res := put(t, db, storyFindings(t, "ap", "https://apnews.example/a", "AP", "Senate", wireStory), natoFindings(t))
		require.Equal(t, Inserted, res[0].Status)
		large, recent := rows(db, "entity_names")+rows(db, "article_sketches"), rows(db, "entity_names_recent")+rows(db, "article_sketches_recent")
		switch {
		case merged:
			assert.Zero(t, recent)
			assert.Positive(t, large)
		case sliced:
			assert.Positive(t, recent)
			assert.Positive(t, large)
		default:
			assert.Zero(t, large)
			assert.Positive(t, recent)
		}
		nato := entity(db, "nato")
		assert.Positive(t, nato, "min %d", least)

		// a copy of the stored story, with its last paragraph trimmed
		res = put(t, db, storyFindings(t, "copy", "https://copy.example/b", "Copy", "Senate", wireStory[:len(wireStory)-1]))
		assert.Equal(t, Duplicate, res[0].Status, "min %d", least)
		assert.Equal(t, "ap", res[0].DuplicateOf)

		// the NATO story replaced by one without entities: its names go
		f := natoFindings(t)
		f.Entities, f.Article.Text = nil, f.Article.Text+" "
		res = put(t, db, f)
		require.Equal(t, Replaced, res[0].Status)
		assert.Zero(t, entity(db, "NATO"), "min %d", least)
		var stale int
		require.NoError(t, db.r.QueryRow(`SELECT count(*) FROM (SELECT id FROM entity_names UNION ALL SELECT id FROM entity_names_recent)
			WHERE id NOT IN (SELECT id FROM entities)`).Scan(&stale))
		assert.Zero(t, stale)
	}
}
