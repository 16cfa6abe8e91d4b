package store

import (
	"context"
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

const speakersSQL = `SELECT s.id, s.name, s.kind,
	(SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS n_quotes,
	(SELECT count(*) FROM claims c WHERE c.speaker_id = s.id) AS n_claims,
	CASE WHEN s.kind IN ('person', 'organization') THEN
		(SELECT json_group_array(DISTINCT t.value)
		 FROM entities e, json_each(e.titles) t
		 WHERE e.name = s.name COLLATE NOCASE)
	ELSE '[]' END
FROM speakers s
ORDER BY n_quotes + n_claims DESC, n_quotes DESC, s.name, s.kind
LIMIT ?`

// Speakers returns up to limit speakers (0: all), those with the most quotes
// and claims first.
func (db *DB) Speakers(ctx context.Context, limit int) ([]SpeakerRow, error) {
	if limit < 0 {
		return nil, fmt.Errorf("speakers: negative limit: %w", ErrInvalid)
	}
	if limit == 0 {
		limit = -1
	}
	rows, err := db.r.QueryContext(ctx, speakersSQL, limit)
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	defer rows.Close()
	out := []SpeakerRow{}
	for rows.Next() {
		var r SpeakerRow
		var titles string
		if err := rows.Scan(&r.ID, &r.Name, &r.Kind, &r.Quotes, &r.Claims, &titles); err != nil {
			return nil, fmt.Errorf("speakers: scan: %w", err)
		}
		if err := json.Unmarshal([]byte(titles), &r.Titles); err != nil {
			return nil, fmt.Errorf("speakers: titles of %s: %w", r.Name, err)
		}
		if len(r.Titles) == 0 {
			r.Titles = nil
		}
		slices.Sort(r.Titles)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	return out, nil
}
