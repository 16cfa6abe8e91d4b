package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// QuoteQuery selects quotes. Zero fields select everything; set fields are
// ANDed.
type QuoteQuery struct {
	// Speaker matches speaker names (and aliases) containing it,
	// case-insensitively for ASCII letters: "Tillerson" finds "Rex Tillerson".
	Speaker string
	// SpeakerID restricts to one speaker (SpeakerRow.ID).
	SpeakerID int64
	// Search is full-text search over the quote text: words are ANDed, a
	// trailing * makes a prefix ("defen*"), "double quotes" make a phrase,
	// and anything else (operators, punctuation) is taken literally. Search
	// with no letters or digits matches nothing.
	Search string
	// Article restricts to one article id.
	Article string
	// Entity keeps quotes from articles that name this entity: its canonical
	// name ("Rex Tillerson", "NATO"), compared case-insensitively.
	Entity string
	// Country keeps quotes from articles that name this country, or a place
	// in it, by ISO 3166-1 alpha-2 code ("US", any case).
	Country string
	// Outlet keeps quotes from articles of this outlet ("Reuters"), compared
	// case-insensitively.
	Outlet string
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
	// Titles are those the article gives the speaker ("U.S. Secretary of
	// State"): the titles of the person or organization entity of the same
	// name in the same article. Empty for other speakers.
	Titles    []string `json:"titles,omitempty"`
	ArticleID string   `json:"article_id"`
	URL       string   `json:"url,omitempty"`
	Title     string   `json:"title,omitempty"`
	Published string   `json:"published,omitempty"`
	Outlet    string   `json:"outlet,omitempty"`
	Sentence  string   `json:"sentence,omitempty"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	// Occurrences is how many copies of the article were seen (outlets that
	// carried the same story; see dedupe.go): 1 for a story seen once.
	Occurrences int `json:"occurrences"`
}

// filter turns the query into the form quotes and claims share.
func (q QuoteQuery) filter() filter {
	return filter{speaker: q.Speaker, speakerID: q.SpeakerID, search: q.Search, article: q.Article,
		entity: q.Entity, country: q.Country, outlet: q.Outlet,
		from: q.From, to: q.To, limit: q.Limit, offset: q.Offset}
}

// speakerTitles is the titles column of a listing: the JSON titles of the
// speaker's own entity in the article. The + keeps the lookup on the
// article's few entities (its id range, migration 0013), not on every
// article naming the speaker.
const speakerTitles = `CASE WHEN s.kind IN ('person', 'organization') THEN
		(SELECT e.titles FROM entities e WHERE e.id BETWEEN a.entities_first AND a.entities_last
		 AND +e.name = s.name COLLATE NOCASE AND e.type IN ('PERSON', 'ORG') ORDER BY e.id LIMIT 1)
	END`

const quoteColumns = `x.id, ` + speechText + `, x.kind, coalesce(x.cue, ''),
	s.id, s.name, s.kind, ` + speakerTitles + `,
	a.id, coalesce(a.url, ''), coalesce(a.title, ''), coalesce(a.published, ''), coalesce(a.outlet, ''),
	` + sentenceColumn + `, x.start, x."end",
	(SELECT max(1, count(*)) FROM occurrences o WHERE o.article_id = a.id)`

// sentenceColumn is the sentence of quote or claim x in article a, stored
// or a span of the text (0012); substr on a blob counts bytes.
const sentenceColumn = `coalesce(x.sentence, CAST(substr(` + textBlob + `, x.sentence_start + 1,
		x.sentence_end - x.sentence_start) AS TEXT), '')`

// speechText is the text of quote or claim x in article a: stored, or
// stored empty for the text of its span (0020).
const speechText = `CASE WHEN x.text <> '' OR x."end" <= x.start THEN x.text
	ELSE CAST(substr(` + textBlob + `, x.start + 1, x."end" - x.start) AS TEXT) END`

// textBlob is the text of article a as a blob, compressed (0019) or not.
const textBlob = `coalesce(sqlar_uncompress(a.body, a.size), CAST(a.text AS BLOB))`

// scanQuote reads one row of quoteColumns.
func scanQuote(rows *sql.Rows) (QuoteRow, error) {
	var r QuoteRow
	var titles sql.NullString
	err := rows.Scan(&r.ID, &r.Text, &r.Kind, &r.Cue, &r.SpeakerID, &r.Speaker, &r.SpeakerKind, &titles,
		&r.ArticleID, &r.URL, &r.Title, &r.Published, &r.Outlet, &r.Sentence, &r.Start, &r.End, &r.Occurrences)
	if err == nil {
		r.Titles, err = parseTitles(titles)
	}
	return r, err
}

// parseTitles reads a JSON titles column; NULL and [] are no titles.
func parseTitles(s sql.NullString) ([]string, error) {
	if !s.Valid {
		return nil, nil
	}
	var titles []string
	if err := json.Unmarshal([]byte(s.String), &titles); err != nil {
		return nil, fmt.Errorf("titles: %w", err)
	}
	if len(titles) == 0 {
		return nil, nil
	}
	return titles, nil
}

// Quotes returns the quotes q selects, ordered by published date (undated
// last), article id and offset. A malformed From/To or a negative
// Limit/Offset gives an error wrapping ErrInvalid.
func (db *DB) Quotes(ctx context.Context, q QuoteQuery) ([]QuoteRow, error) {
	return collect(func(fn func(QuoteRow) error) error { return db.eachQuote(ctx, q.filter(), fn) })
}

// EachQuote calls fn with every stored quote, in the order of Quotes, without
// holding them all in memory. It stops at, and returns, fn's first error.
// The quotes seen are a consistent snapshot: writes committed meanwhile are
// not.
func (db *DB) EachQuote(ctx context.Context, fn func(QuoteRow) error) error {
	return db.eachQuote(ctx, filter{}, fn)
}

// eachQuote streams the quotes f selects to fn.
func (db *DB) eachQuote(ctx context.Context, f filter, fn func(QuoteRow) error) error {
	return eachSpeech(ctx, db, "quotes", quoteColumns, f, scanQuote, fn)
}

// eachSpeech streams the rows of table ("quotes" or "claims") that f selects
// to fn, scanned by scan. One query serves all of them, so that they come
// from one snapshot. It stops at, and returns, fn's first error.
func eachSpeech[T any](ctx context.Context, db *DB, table, columns string, f filter,
	scan func(*sql.Rows) (T, error), fn func(T) error) error {
	rows, err := db.speechRows(ctx, table, columns, f)
	if err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	if rows == nil {
		return nil
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			return fmt.Errorf("%s: scan: %w", table, err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	return nil
}

// collect gathers what each streams into a slice, empty rather than nil
// when there is nothing.
func collect[T any](each func(func(T) error) error) ([]T, error) {
	out := []T{}
	if err := each(func(r T) error { out = append(out, r); return nil }); err != nil {
		return nil, err
	}
	return out, nil
}
