package store

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecentTrees: names and sketches are found, and a replaced article's
// taken out, whether their rows are still in the recent trees or were
// merged into the large ones (0022).
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
	for _, merged := range []bool{true, false} {
		db := openTest(t)
		db.minRecent = 1 << 40
		if merged {
			db.minRecent = -1 // every commit merges every row
		}
		res := put(t, db, storyFindings(t, "ap", "https://apnews.example/a", "AP", "Senate", wireStory), natoFindings(t))
		require.Equal(t, Inserted, res[0].Status)
		large, recent := rows(db, "entity_names")+rows(db, "article_sketches"), rows(db, "entity_names_recent")+rows(db, "article_sketches_recent")
		if merged {
			assert.Zero(t, recent)
			assert.Positive(t, large)
		} else {
			assert.Zero(t, large)
			assert.Positive(t, recent)
		}
		nato := entity(db, "nato")
		assert.Positive(t, nato, "merged %v", merged)

		// a copy of the stored story, with its last paragraph trimmed
		res = put(t, db, storyFindings(t, "copy", "https://copy.example/b", "Copy", "Senate", wireStory[:len(wireStory)-1]))
		assert.Equal(t, Duplicate, res[0].Status, "merged %v", merged)
		assert.Equal(t, "ap", res[0].DuplicateOf)

		// the NATO story replaced by one without entities: its names go
		f := natoFindings(t)
		f.Entities, f.Article.Text = nil, f.Article.Text+" "
		res = put(t, db, f)
		require.Equal(t, Replaced, res[0].Status)
		assert.Zero(t, entity(db, "NATO"), "merged %v", merged)
		var stale int
		require.NoError(t, db.r.QueryRow(`SELECT count(*) FROM (SELECT id FROM entity_names UNION ALL SELECT id FROM entity_names_recent)
			WHERE id NOT IN (SELECT id FROM entities)`).Scan(&stale))
		assert.Zero(t, stale)
	}
}
