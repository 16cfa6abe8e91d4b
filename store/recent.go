package store

import (
	"fmt"

	"github.com/whosaid/whosaid/store/recent"
)

// recentTrees are the trees kept as a large and a recent one (migration
// 0022, store/recent): entity names and near-duplicate sketches. The
// writer adds to the recent ones and merges them before each commit.
var recentTrees = []recent.Tree{
	{Large: "entity_names", Recent: "entity_names_recent", Key: "name, titles, id",
		Rows: "SELECT coalesce(max(id), 0) FROM entities"},
	{Large: "article_sketches", Recent: "article_sketches_recent", Key: "band, hash, article",
		Rows: fmt.Sprintf("SELECT coalesce(max(seq), 0) * %d FROM articles", sketchBands)},
}

// entityNamesSQL is the seq of each article that names entity ?.
const entityNamesSQL = `SELECT article FROM entities WHERE id IN (SELECT id FROM entity_names WHERE name = ?
	UNION ALL SELECT id FROM entity_names_recent WHERE name = ?)`
