package store

import (
	"context"
	"fmt"
)

// A tree keyed by a random value (a name, a sketch's band hash) takes each
// new row at a random place: once it outgrows the page cache, every batch
// read and rewrote nearly all of its pages, whatever the batch's size, and
// the cost of an article grew with the archive (issue 18). Such a tree is
// kept as two (migration 0022): the writer adds rows to a small recent
// one, which stays in the cache, and moves all of them into the large one,
// in key order, once the recent one holds 1/recentShare of the rows of
// both (and at least minRecent): the large tree is rewritten once for
// every eighth of its size added, instead of at every commit. Readers
// read both; a row is in one or the other.
const (
	minRecent   = 1 << 16
	recentShare = 8
)

// recentTree is a large tree, its recent companion and their columns.
type recentTree struct {
	large, recent, cols string
	// rows is a query of about how many rows the two hold together,
	// cheaper than counting the large one.
	rows string
}

var recentTrees = []recentTree{
	{"entity_names", "entity_names_recent", "name, titles, id, article",
		"SELECT coalesce(max(id), 0) FROM entities"},
	{"article_sketches", "article_sketches_recent", "band, hash, article",
		fmt.Sprintf("SELECT coalesce(max(seq), 0) * %d FROM articles", sketchBands)},
}

// entityNamesSQL is the seq of each article that names entity ?.
const entityNamesSQL = `SELECT article FROM entity_names WHERE name = ?
	UNION ALL SELECT article FROM entity_names_recent WHERE name = ?`

// mergeRecent moves the rows of each recent tree that has grown enough
// into its large one; the writer calls it before each commit. The rows
// are read in key order, so they go into the large tree from its first
// page to its last. OR IGNORE: an INSERT that may abort keeps the
// original of every page it changes in memory (bulk.go), and a row in
// both trees would be the same row.
func (w *writer) mergeRecent(ctx context.Context) error {
	for _, t := range recentTrees {
		var recent, rows int64
		if err := w.conn.QueryRowContext(ctx, fmt.Sprintf("SELECT (SELECT count(*) FROM %s), (%s)", t.recent, t.rows)).
			Scan(&recent, &rows); err != nil {
			return fmt.Errorf("count %s: %w", t.recent, err)
		}
		if recent < max(w.minRecent, rows/recentShare) {
			continue
		}
		if _, err := w.conn.ExecContext(ctx, fmt.Sprintf("INSERT OR IGNORE INTO %[1]s (%[3]s) SELECT %[3]s FROM %[2]s; DELETE FROM %[2]s",
			t.large, t.recent, t.cols)); err != nil {
			return fmt.Errorf("merge %s: %w", t.recent, err)
		}
	}
	return nil
}
