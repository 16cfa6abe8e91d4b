package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
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

// probeCost is what asking the full-text index whether one row matches
// costs, in matches listed (searchCount); a variable so tests can run both
// plans.
var probeCost = 150.0

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
	note := func(n int) {
		if candidates < 0 || n < candidates {
			candidates = n
		}
	}
	count := func(query string, arg ...any) error {
		var n int
		err := db.r.QueryRowContext(ctx, query, arg...).Scan(&n)
		note(n)
		return err
	}
	common := false // a search for a word in a good part of all rows
	if strings.TrimSpace(f.search) != "" {
		q, n, c, err := db.searchCount(ctx, t, f)
		if err != nil || q == "" {
			return nil, err
		}
		// t is one of two constants, never user text.
		conds = append(conds, fmt.Sprintf("{+}x.id IN (SELECT rowid FROM %[1]s_fts WHERE %[1]s_fts MATCH ?)", t))
		args = append(args, q)
		selective, common = true, c
		note(n)
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
		// Counted only as far as the choice of plan needs.
		if err := count("SELECT count(*) FROM (SELECT 1 FROM "+t+" WHERE speaker_id IN (SELECT value FROM json_each(?1)) LIMIT ?2)",
			string(list), narrowRows+1); err != nil {
			return nil, err
		}
	}
	if f.article != "" {
		conds = append(conds, fmt.Sprintf("x.id BETWEEN (SELECT %[1]s_first FROM articles WHERE id = ?) AND (SELECT %[1]s_last FROM articles WHERE id = ?)", t))
		args = append(args, f.article, f.article)
		selective, candidates = true, 0
	}
	if e := strings.TrimSpace(f.entity); e != "" {
		conds = append(conds, "{+}a.seq IN ("+entityNamesSQL+")")
		args = append(args, e, e)
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
	if common && len(conds) == 1 {
		// Walking articles in order, each row asks the index whether it
		// matches, and a page is found after a few hundred rows, instead
		// of first listing every row that matches.
		conds[0] = fmt.Sprintf("EXISTS (SELECT 1 FROM %[1]s_fts WHERE %[1]s_fts MATCH ? AND rowid = x.id)", t)
	}
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
	query := listingSQL(t, cols, where, narrow, f.offset > 0)
	args = append(args, limit, f.offset)
	return db.r.QueryContext(ctx, query, args...)
}

// listingSQL is the listing of the speech table t with where (conditions
// on x and a), its parameters followed by LIMIT ? OFFSET ?: from the
// candidates (narrow) or walking articles in order, for the ids alone when
// rows are skipped (offset).
func listingSQL(t, cols, where string, narrow, offset bool) string {
	// CROSS JOIN keeps articles as the outer loop, walked in listing order
	// through articles_order, so LIMIT stops the walk early.
	walk := "articles a CROSS JOIN " + t + " x ON x.id BETWEEN a." + t + "_first AND a." + t + "_last"
	switch {
	case narrow:
		// CROSS JOIN keeps x as the outer loop, so the candidates come from
		// the selective index and only their sort keys are sorted; the
		// columns of the page are read afterwards. Each candidate's date
		// comes from articles_id_published, not from the article's row, a
		// page of its own (SQLite, without statistics, preferred the
		// primary key's index).
		return pageOf(cols, t, t+" x CROSS JOIN articles a INDEXED BY articles_id_published ON a.id = x.article_id"+where)
	case offset:
		// The rows skipped are walked for their ids alone: the columns of
		// every row before the page were computed (its sentence read from
		// the article's text) to be sorted within their article.
		return pageOf(cols, t, walk+where)
	}
	return "SELECT " + cols + " FROM " + walk + " JOIN speakers s ON s.id = x.speaker_id" +
		where + speechOrder + " LIMIT ? OFFSET ?"
}

// pageOf selects cols of the rows of the speech table t whose ids the
// listing from (its FROM and WHERE) gives for the page, LIMIT ? OFFSET ?.
func pageOf(cols, t, from string) string {
	return "SELECT " + cols + " FROM " + t + ` x
		JOIN speakers s ON s.id = x.speaker_id JOIN articles a ON a.id = x.article_id
		WHERE x.id IN (SELECT x.id FROM ` + from + speechOrder + " LIMIT ? OFFSET ?)" + speechOrder
}

// searchCount returns the full-text query of f's search on the speech
// table t ("" when it can match nothing), its matches counted as far as
// narrowRows+1, and, past that, whether the search is common: so many of
// t's rows match that a walk in listing order finds the first
// limit+offset of them sooner by asking the full-text index of each row it
// passes (some 30 µs a row) than by listing every match first (some 0.2
// µs a match), when matches² ≥ probeCost × (limit+offset) × rows. Each
// count stops at its bound: counting every row of a common word read its
// whole posting list.
func (db *DB) searchCount(ctx context.Context, t string, f filter) (q string, n int, common bool, err error) {
	q = ftsQuery(f.search)
	if q == "" {
		return "", 0, false, nil
	}
	counted := fmt.Sprintf("SELECT count(*) FROM (SELECT 1 FROM %[1]s_fts WHERE %[1]s_fts MATCH ?1 LIMIT ?2)", t)
	if err := db.r.QueryRowContext(ctx, counted, q, narrowRows+1).Scan(&n); err != nil {
		return "", 0, false, err
	}
	if n <= narrowRows || f.limit == 0 {
		return q, n, false, nil
	}
	var rows int64
	// Ids are given in sequence, so the greatest is about the number of
	// rows.
	if err := db.r.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM "+t).Scan(&rows); err != nil {
		return "", 0, false, err
	}
	bound := int64(math.Sqrt(probeCost*float64(f.limit+f.offset)*float64(rows))) + 1
	var m int64
	if err := db.r.QueryRowContext(ctx, counted, q, bound).Scan(&m); err != nil {
		return "", 0, false, err
	}
	return q, n, m >= bound, nil
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
