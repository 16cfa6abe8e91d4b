package store

import (
	"context"
	"database/sql"
	"fmt"
)

// ClaimQuery selects claims; its fields mean what QuoteQuery's do, with
// Search over the claim text.
type ClaimQuery struct {
	Speaker       string
	Search        string
	Article       string
	From, To      string
	Limit, Offset int
}

// ClaimRow is one claim with its speaker and article.
type ClaimRow struct {
	ID          int64  `json:"id"`
	Text        string `json:"text"`
	Cue         string `json:"cue,omitempty"`
	SpeakerID   int64  `json:"speaker_id"`
	Speaker     string `json:"speaker"`
	SpeakerKind string `json:"speaker_kind"`
	ArticleID   string `json:"article_id"`
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Published   string `json:"published,omitempty"`
	Outlet      string `json:"outlet,omitempty"`
	Sentence    string `json:"sentence,omitempty"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
}

func (q ClaimQuery) filter() filter {
	return filter{speaker: q.Speaker, search: q.Search, article: q.Article,
		from: q.From, to: q.To, limit: q.Limit, offset: q.Offset}
}

const claimSelect = `SELECT x.id, x.text, coalesce(x.cue, ''),
	s.id, s.name, s.kind,
	a.id, coalesce(a.url, ''), coalesce(a.title, ''), coalesce(a.published, ''), coalesce(a.outlet, ''),
	coalesce(x.sentence, ''), x.start, x."end"
FROM claims x
JOIN speakers s ON s.id = x.speaker_id
JOIN articles a ON a.id = x.article_id`

func scanClaim(rows *sql.Rows) (ClaimRow, error) {
	var r ClaimRow
	err := rows.Scan(&r.ID, &r.Text, &r.Cue, &r.SpeakerID, &r.Speaker, &r.SpeakerKind,
		&r.ArticleID, &r.URL, &r.Title, &r.Published, &r.Outlet, &r.Sentence, &r.Start, &r.End)
	return r, err
}

// Claims returns the claims q selects, in the order of Quotes. Errors are
// those of Quotes.
func (db *DB) Claims(ctx context.Context, q ClaimQuery) ([]ClaimRow, error) {
	rows := []ClaimRow{}
	err := db.eachClaim(ctx, q.filter(), func(r ClaimRow) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// EachClaim calls fn with every stored claim, as EachQuote does for quotes.
func (db *DB) EachClaim(ctx context.Context, fn func(ClaimRow) error) error {
	return db.eachClaim(ctx, filter{}, fn)
}

func (db *DB) eachClaim(ctx context.Context, f filter, fn func(ClaimRow) error) error {
	join, where, args, none, err := f.where("claims")
	if err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	if none {
		return nil
	}
	page, args := f.page(args)
	rows, err := db.r.QueryContext(ctx, claimSelect+join+where+speechOrder+page, args...)
	if err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanClaim(rows)
		if err != nil {
			return fmt.Errorf("claims: scan: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	return nil
}
