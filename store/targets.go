package store

import (
	"context"
	"fmt"

	"github.com/whosaid/whosaid"
)

// TargetRow is an amount marked as a target (a goal, threshold, pledge, cap
// or demand) with the article it comes from.
type TargetRow struct {
	Amount    whosaid.Amount `json:"amount"`
	ArticleID string         `json:"article_id"`
	URL       string         `json:"url,omitempty"`
	Title     string         `json:"title,omitempty"`
	Published string         `json:"published,omitempty"`
	Outlet    string         `json:"outlet,omitempty"`
}

const targetsSQL = `SELECT m.text, m.start, m."end", m.kind, m.value, m.unit,
	coalesce(m."of", ''), m.target, coalesce(m.deadline, ''), coalesce(m.holder, ''),
	a.id, coalesce(a.url, ''), coalesce(a.title, ''), coalesce(a.published, ''), coalesce(a.outlet, '')
FROM amounts m
JOIN articles a ON a.id = m.article_id
WHERE m.target = 1
ORDER BY a.published IS NULL, a.published, a.id, m.start, m.id
LIMIT ? OFFSET ?`

// Targets returns the target amounts with their article, ordered by
// published date (undated last), article and offset: limit of them (0: all)
// after skipping offset. A negative limit or offset gives ErrInvalid.
func (db *DB) Targets(ctx context.Context, limit, offset int) ([]TargetRow, error) {
	if limit < 0 || offset < 0 {
		return nil, fmt.Errorf("targets: negative limit or offset: %w", ErrInvalid)
	}
	if limit == 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := db.r.QueryContext(ctx, targetsSQL, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("targets: %w", err)
	}
	defer rows.Close()
	out := []TargetRow{}
	for rows.Next() {
		var r TargetRow
		m := &r.Amount
		if err := rows.Scan(&m.Text, &m.Start, &m.End, &m.Kind, &m.Value, &m.Unit, &m.Of, &m.Target,
			&m.Deadline, &m.Holder, &r.ArticleID, &r.URL, &r.Title, &r.Published, &r.Outlet); err != nil {
			return nil, fmt.Errorf("targets: scan: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("targets: %w", err)
	}
	return out, nil
}
