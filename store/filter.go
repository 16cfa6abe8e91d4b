package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// filter is the common part of QuoteQuery and ClaimQuery, turned into SQL
// conditions whose user-given values travel only as parameters.
type filter struct {
	speaker                                            string
	speakerID                                          int64
	search, article, entity, country, outlet, from, to string
	limit, offset                                      int
}

// narrowRows (a variable so tests can run both plans) is the most candidate rows for which a listing starts from the
// matching rows and sorts them; above it, walking articles in date order
// (the articles_order index) and keeping the rows that match reaches a page
// sooner than sorting them all would.
var narrowRows = 4000

// speechOrder lists quotes and claims by publication date (undated articles
// last), then article, then position in the text. Its first keys are those
// of the articles_order index.
const speechOrder = ` ORDER BY a.published IS NULL, a.published, a.id, x.start, x.id`

// countryCond is --country, checked among each walked article's entities
// (migration 0013): a list of every article naming it grew with the archive.
const countryCond = "EXISTS (SELECT 1 FROM entities e WHERE e.id BETWEEN a.entities_first AND a.entities_last" +
	" AND e.code = ? AND e.type IN ('COUNTRY', 'LOCATION'))"

// speechRows runs the listing of the speech table t ("quotes" or "claims",
// aliased x, with speakers s and articles a) for f, selecting cols. It
// returns nil rows, and no error, when f can match nothing.
//
// SQLite has no statistics on a whosaid database (nothing runs ANALYZE), so
// the plan is chosen here from cheap counts: a selective filter (a speaker,
// a search, an article) with few candidates is answered from those rows,
// then sorted, and only the page is read in full; anything broader walks
// articles in listing order.
func (db *DB) speechRows(ctx context.Context, t, cols string, f filter) (*sql.Rows, error) {
	if f.limit < 0 || f.offset < 0 {
		return nil, fmt.Errorf("negative limit or offset: %w", ErrInvalid)
	}
	var conds []string
	var args []any
	narrow, selective := false, false
	candidates := -1 // unknown
	count := func(query string, arg any) error {
		var n int
		if err := db.r.QueryRowContext(ctx, query, arg).Scan(&n); err != nil {
			return err
		}
		if candidates < 0 || n < candidates {
			candidates = n
		}
		return nil
	}
	if strings.TrimSpace(f.search) != "" {
		q := ftsQuery(f.search)
		if q == "" {
			return nil, nil
		}
		// t is one of two constants, never user text.
		fts := t + "_fts"
		conds = append(conds, fmt.Sprintf("{+}x.id IN (SELECT rowid FROM %s WHERE %s MATCH ?)", fts, fts))
		args = append(args, q)
		selective = true
		if err := count(fmt.Sprintf("SELECT count(*) FROM %s WHERE %s MATCH ?", fts, fts), q); err != nil {
			return nil, err
		}
	}
	if name := strings.TrimSpace(f.speaker); name != "" || f.speakerID != 0 {
		ids, err := db.speakerIDs(ctx, name, f.speakerID)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			return nil, nil
		}
		list, _ := json.Marshal(ids)
		conds = append(conds, "{+}x.speaker_id IN (SELECT value FROM json_each(?))")
		args = append(args, string(list))
		selective = true
		if err := count("SELECT count(*) FROM "+t+" WHERE speaker_id IN (SELECT value FROM json_each(?))", string(list)); err != nil {
			return nil, err
		}
	}
	if f.article != "" {
		conds = append(conds, fmt.Sprintf("x.id BETWEEN (SELECT %[1]s_first FROM articles WHERE id = ?) AND (SELECT %[1]s_last FROM articles WHERE id = ?)", t))
		args = append(args, f.article, f.article)
		selective, candidates = true, 0
	}
	if e := strings.TrimSpace(f.entity); e != "" {
		conds = append(conds, "{+}x.article_id IN (SELECT article_id FROM entities WHERE name = ? COLLATE NOCASE)")
		args = append(args, e)
	}
	if c := strings.TrimSpace(f.country); c != "" {
		conds = append(conds, countryCond)
		args = append(args, strings.ToUpper(c))
	}
	if o := strings.TrimSpace(f.outlet); o != "" {
		conds = append(conds, "a.outlet = ? COLLATE NOCASE")
		args = append(args, o)
	}
	if f.from != "" {
		if err := checkDay("from", f.from); err != nil {
			return nil, err
		}
		conds = append(conds, "a.published >= ?")
		args = append(args, f.from)
	}
	if f.to != "" {
		if err := checkDay("to", f.to); err != nil {
			return nil, err
		}
		conds = append(conds, "a.published <= ?")
		args = append(args, f.to)
	}
	narrow = selective && candidates <= narrowRows
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	// Walking articles in order, the filters must stay filters: a unary +
	// keeps SQLite from driving the join from their IN lists (and then
	// sorting everything they match). Starting from the candidates, it may
	// use them.
	plus := "+"
	if narrow {
		plus = ""
	}
	where = strings.ReplaceAll(where, "{+}", plus)
	limit := f.limit
	if limit == 0 {
		limit = -1
	}
	var query string
	if narrow {
		// CROSS JOIN keeps x as the outer loop, so the candidates come from
		// the selective index and only their sort keys are sorted; the
		// columns of the page are read afterwards.
		query = "SELECT " + cols + " FROM " + t + ` x
			JOIN speakers s ON s.id = x.speaker_id JOIN articles a ON a.id = x.article_id
			WHERE x.id IN (SELECT x.id FROM ` + t + " x CROSS JOIN articles a ON a.id = x.article_id" +
			where + speechOrder + " LIMIT ? OFFSET ?)" + speechOrder
	} else {
		// CROSS JOIN keeps articles as the outer loop, walked in listing
		// order through articles_order, so LIMIT stops the walk early.
		query = "SELECT " + cols + " FROM articles a CROSS JOIN " + t +
			" x ON x.id BETWEEN a." + t + "_first AND a." + t + "_last JOIN speakers s ON s.id = x.speaker_id" +
			where + speechOrder + " LIMIT ? OFFSET ?"
	}
	args = append(args, limit, f.offset)
	return db.r.QueryContext(ctx, query, args...)
}

// speakerIDs resolves a speaker filter to speaker ids before the listing
// runs: matching part of a name cannot use an index, but the speakers and
// alias tables are small next to quotes, and the ids then can. id, when not
// zero, is one exact speaker, further narrowed by name when both are given.
func (db *DB) speakerIDs(ctx context.Context, name string, id int64) ([]int64, error) {
	query := `SELECT id FROM speakers WHERE instr(lower(name), lower(?1)) > 0
		UNION SELECT speaker_id FROM speaker_aliases WHERE instr(lower(alias), lower(?1)) > 0`
	args := []any{name}
	if id != 0 {
		query = `SELECT id FROM speakers WHERE id = ?2 AND (?1 = '' OR instr(lower(name), lower(?1)) > 0
			OR id IN (SELECT speaker_id FROM speaker_aliases WHERE instr(lower(alias), lower(?1)) > 0))`
		args = append(args, id)
	}
	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("find speakers: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("find speakers: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find speakers: %w", err)
	}
	return ids, nil
}

// checkDay refuses a date bound that is not YYYY-MM-DD, which would compare
// as text against published dates and silently select the wrong rows.
func checkDay(name, v string) error {
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return fmt.Errorf("%s date %q: want YYYY-MM-DD: %w", name, v, ErrInvalid)
	}
	return nil
}
