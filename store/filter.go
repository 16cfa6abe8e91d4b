package store

import (
	"fmt"
	"strings"
	"time"
)

// filter is the common part of QuoteQuery and ClaimQuery, turned into SQL
// conditions whose user-given values travel only as parameters.
type filter struct {
	speaker, search, article, from, to string
	limit, offset                      int
}

// where builds the FROM tail and WHERE clause for the speech table t
// ("quotes" or "claims", aliased x; speakers s; articles a). none is true when
// the search has no searchable words, so the answer is empty without asking.
func (f filter) where(t string) (join, where string, args []any, none bool, err error) {
	var conds []string
	if strings.TrimSpace(f.search) != "" {
		q := ftsQuery(f.search)
		if q == "" {
			return "", "", nil, true, nil
		}
		// t is one of two constants, never user text.
		join = fmt.Sprintf(" JOIN %s_fts ON %s_fts.rowid = x.id", t, t)
		conds = append(conds, t+"_fts MATCH ?")
		args = append(args, q)
	}
	if name := strings.TrimSpace(f.speaker); name != "" {
		conds = append(conds, `x.speaker_id IN (
			SELECT id FROM speakers WHERE instr(lower(name), lower(?)) > 0
			UNION SELECT speaker_id FROM speaker_aliases WHERE instr(lower(alias), lower(?)) > 0)`)
		args = append(args, name, name)
	}
	if f.article != "" {
		conds = append(conds, "x.article_id = ?")
		args = append(args, f.article)
	}
	if f.from != "" {
		if err := checkDay("from", f.from); err != nil {
			return "", "", nil, false, err
		}
		conds = append(conds, "a.published >= ?")
		args = append(args, f.from)
	}
	if f.to != "" {
		if err := checkDay("to", f.to); err != nil {
			return "", "", nil, false, err
		}
		conds = append(conds, "a.published <= ?")
		args = append(args, f.to)
	}
	if f.limit < 0 || f.offset < 0 {
		return "", "", nil, false, fmt.Errorf("negative limit or offset: %w", ErrInvalid)
	}
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	return join, where, args, false, nil
}

// page appends LIMIT and OFFSET; a zero limit means no limit.
func (f filter) page(args []any) (string, []any) {
	limit := f.limit
	if limit == 0 {
		limit = -1
	}
	return " LIMIT ? OFFSET ?", append(args, limit, f.offset)
}

func checkDay(name, v string) error {
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return fmt.Errorf("%s date %q: want YYYY-MM-DD: %w", name, v, ErrInvalid)
	}
	return nil
}

// speechOrder lists quotes and claims by publication date (undated articles
// last), then article, then position in the text.
const speechOrder = ` ORDER BY a.published IS NULL, a.published, a.id, x.start, x.id`
