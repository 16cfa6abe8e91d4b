package store

import (
	"context"
	"database/sql"
)

// ClaimQuery selects claims; its fields mean what QuoteQuery's do, with
// Search over the claim text.
type ClaimQuery QuoteQuery

// ClaimRow is one claim with its speaker and article; Titles are as in
// QuoteRow.
type ClaimRow struct {
	ID          int64    `json:"id"`
	Text        string   `json:"text"`
	Cue         string   `json:"cue,omitempty"`
	SpeakerID   int64    `json:"speaker_id"`
	Speaker     string   `json:"speaker"`
	SpeakerKind string   `json:"speaker_kind"`
	Titles      []string `json:"titles,omitempty"`
	ArticleID   string   `json:"article_id"`
	URL         string   `json:"url,omitempty"`
	Title       string   `json:"title,omitempty"`
	Published   string   `json:"published,omitempty"`
	Outlet      string   `json:"outlet,omitempty"`
	Sentence    string   `json:"sentence,omitempty"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
}

// filter turns the query into the form quotes and claims share.
func (q ClaimQuery) filter() filter { return QuoteQuery(q).filter() }

const claimColumns = `x.id, ` + speechText + `, coalesce(x.cue, ''),
	s.id, s.name, s.kind, ` + speakerTitles + `,
	a.id, coalesce(a.url, ''), coalesce(a.title, ''), coalesce(a.published, ''), coalesce(a.outlet, ''),
	` + sentenceColumn + `, x.start, x."end"`

// scanClaim reads one row of claimColumns.
func scanClaim(rows *sql.Rows) (ClaimRow, error) {
	var r ClaimRow
	var titles sql.NullString
	err := rows.Scan(&r.ID, &r.Text, &r.Cue, &r.SpeakerID, &r.Speaker, &r.SpeakerKind, &titles,
		&r.ArticleID, &r.URL, &r.Title, &r.Published, &r.Outlet, &r.Sentence, &r.Start, &r.End)
	if err == nil {
		r.Titles, err = parseTitles(titles)
	}
	return r, err
}

// Claims returns the claims q selects, in the order of Quotes. Errors are
// those of Quotes.
func (db *DB) Claims(ctx context.Context, q ClaimQuery) ([]ClaimRow, error) {
	return collect(func(fn func(ClaimRow) error) error { return db.eachClaim(ctx, q.filter(), fn) })
}

// EachClaim calls fn with every stored claim, as EachQuote does for quotes.
func (db *DB) EachClaim(ctx context.Context, fn func(ClaimRow) error) error {
	return db.eachClaim(ctx, filter{}, fn)
}

// eachClaim streams the claims f selects to fn, as eachQuote does.
func (db *DB) eachClaim(ctx context.Context, f filter, fn func(ClaimRow) error) error {
	return eachSpeech(ctx, db, "claims", claimColumns, f, scanClaim, fn)
}
