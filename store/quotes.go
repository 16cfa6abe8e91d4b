package store

import (
	"context"
	"database/sql"
	"fmt"
)

// QuoteQuery selects quotes. Zero fields select everything.
type QuoteQuery struct {
	// Speaker matches speaker names (and aliases) containing it,
	// case-insensitively for ASCII letters: "Tillerson" finds "Rex Tillerson".
	Speaker string
	// Search is full-text search over the quote text: words are ANDed, a
	// trailing * makes a prefix ("defen*"), "double quotes" make a phrase,
	// and anything else (operators, punctuation) is taken literally. Search
	// with no letters or digits matches nothing.
	Search string
	// Article restricts to one article id.
	Article string
	// From and To bound the article's published date, YYYY-MM-DD, inclusive.
	// Articles without a date are left out when either is set.
	From, To string
	// Limit caps the rows returned (0: no cap); Offset skips rows first.
	Limit, Offset int
}

// QuoteRow is one quote with its speaker and article.
type QuoteRow struct {
	ID          int64  `json:"id"`
	Text        string `json:"text"`
	Kind        string `json:"kind"`
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

func (q QuoteQuery) filter() filter {
	return filter{speaker: q.Speaker, search: q.Search, article: q.Article,
		from: q.From, to: q.To, limit: q.Limit, offset: q.Offset}
}

const quoteSelect = `SELECT x.id, x.text, x.kind, coalesce(x.cue, ''),
	s.id, s.name, s.kind,
	a.id, coalesce(a.url, ''), coalesce(a.title, ''), coalesce(a.published, ''), coalesce(a.outlet, ''),
	coalesce(x.sentence, ''), x.start, x."end"
FROM quotes x
JOIN speakers s ON s.id = x.speaker_id
JOIN articles a ON a.id = x.article_id`

func scanQuote(rows *sql.Rows) (QuoteRow, error) {
	var r QuoteRow
	err := rows.Scan(&r.ID, &r.Text, &r.Kind, &r.Cue, &r.SpeakerID, &r.Speaker, &r.SpeakerKind,
		&r.ArticleID, &r.URL, &r.Title, &r.Published, &r.Outlet, &r.Sentence, &r.Start, &r.End)
	return r, err
}

// Quotes returns the quotes q selects, ordered by published date (undated
// last), article id and offset. A malformed From/To or a negative
// Limit/Offset gives an error wrapping ErrInvalid.
func (db *DB) Quotes(ctx context.Context, q QuoteQuery) ([]QuoteRow, error) {
	rows := []QuoteRow{}
	err := db.eachQuote(ctx, q.filter(), func(r QuoteRow) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// EachQuote calls fn with every stored quote, in the order of Quotes, without
// holding them all in memory. It stops at, and returns, fn's first error.
// The quotes seen are a consistent snapshot: writes committed meanwhile are
// not.
func (db *DB) EachQuote(ctx context.Context, fn func(QuoteRow) error) error {
	return db.eachQuote(ctx, filter{}, fn)
}

func (db *DB) eachQuote(ctx context.Context, f filter, fn func(QuoteRow) error) error {
	join, where, args, none, err := f.where("quotes")
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	if none {
		return nil
	}
	page, args := f.page(args)
	rows, err := db.r.QueryContext(ctx, quoteSelect+join+where+speechOrder+page, args...)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanQuote(rows)
		if err != nil {
			return fmt.Errorf("quotes: scan: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	return nil
}
