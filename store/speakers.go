package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
)

// SpeakerRow is one speaker with how much they said across all articles.
type SpeakerRow struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Quotes int    `json:"quotes"`
	Claims int    `json:"claims"`
	// Titles are the titles given to the entity of the same name ("U.S.
	// Secretary of State"), across articles, sorted; only for person and
	// organization speakers.
	Titles []string `json:"titles,omitempty"`
}

// speakerCounts ranks speakers by how much they said (the counts each
// speaker keeps, migration 0017). Titles are looked up in an outer query,
// after the LIMIT, so a short list does not pay for the titles of every
// speaker; the distinct title lists come from the name trees alone
// (entity_names and entity_names_recent, migration 0022).
const speakerCounts = `SELECT s.id, s.name, s.kind, s.n_quotes, s.n_claims FROM speakers s`

const speakerOrder = ` ORDER BY n_quotes + n_claims DESC, n_quotes DESC, name, kind`

// speakerTitlesSQL adds each listed speaker's titles to the rows of
// speakerCounts, a WHERE clause and speakerOrder, ?-limited. The distinct
// title lists of a name are found by a loose scan of the name trees
// (titleAfter), one seek from each to the next (d), rather than
// by reading every entity of the name: the most quoted people are named
// tens of thousands of times, under a few dozen title lists.
var speakerTitlesSQL = `SELECT r.id, r.name, r.kind, r.n_quotes, r.n_claims,
	CASE WHEN r.kind IN ('person', 'organization') THEN
		(WITH RECURSIVE d(v) AS (
			SELECT ` + titleAfter("''") + `
			UNION ALL
			SELECT ` + titleAfter("d.v") + `
			FROM d WHERE d.v IS NOT NULL)
		 SELECT json_group_array(DISTINCT t.value) FROM d, json_each(d.v) t WHERE d.v <> '[]')
	ELSE '[]' END
FROM (%s%s%s LIMIT ?) r` + speakerOrder

// titleAfter is the least title list of r.name's entities after v, in
// either name tree (0022); ” is before every list.
func titleAfter(v string) string {
	return fmt.Sprintf(`(SELECT min(t) FROM (SELECT min(titles) AS t FROM entity_names WHERE name = r.name AND titles > %[1]s
		UNION ALL SELECT min(titles) FROM entity_names_recent WHERE name = r.name AND titles > %[1]s))`, v)
}

// querier is what speakerRows needs of a *sql.DB or *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Speakers returns up to limit speakers (0: all), those with the most quotes
// and claims first.
func (db *DB) Speakers(ctx context.Context, limit int) ([]SpeakerRow, error) {
	if limit < 0 {
		return nil, fmt.Errorf("speakers: negative limit: %w", ErrInvalid)
	}
	if limit == 0 {
		limit = -1
	}
	out, err := speakerRows(ctx, db.r, "", limit)
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	return out, nil
}

// speakerRows runs the speakers listing with an optional WHERE clause on s
// and its arguments, which follow the limit.
func speakerRows(ctx context.Context, q querier, where string, limit int, args ...any) ([]SpeakerRow, error) {
	rows, err := q.QueryContext(ctx, fmt.Sprintf(speakerTitlesSQL, speakerCounts, where, speakerOrder),
		append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []SpeakerRow{}
	for rows.Next() {
		var r SpeakerRow
		var titles string
		if err := rows.Scan(&r.ID, &r.Name, &r.Kind, &r.Quotes, &r.Claims, &titles); err != nil {
			return nil, fmt.Errorf("scan: %w", err)
		}
		if err := json.Unmarshal([]byte(titles), &r.Titles); err != nil {
			return nil, fmt.Errorf("titles of %s: %w", r.Name, err)
		}
		if len(r.Titles) == 0 {
			r.Titles = nil
		}
		slices.Sort(r.Titles)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
