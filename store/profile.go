package store

import (
	"context"
	"fmt"
)

// Profile is what the store knows of one speaker across articles: the
// speaker page of the web explorer.
type Profile struct {
	Speaker SpeakerRow `json:"speaker"`
	// Months counts quotes and claims by the month of publication
	// (YYYY-MM), oldest first; undated articles are left out.
	Months []MonthCount `json:"months"`
	// Entities are the entities (people, organizations, countries, places)
	// named in most of the speaker's recent articles (the latest
	// profileArticles in which they are reported), the speaker's own entity
	// left out: who and what they talk about now.
	Entities []EntityCount `json:"entities"`
}

// MonthCount is how much a speaker said in one month.
type MonthCount struct {
	Month  string `json:"month"`
	Quotes int    `json:"quotes"`
	Claims int    `json:"claims"`
}

// EntityCount is an entity with the number of articles naming it.
type EntityCount struct {
	Type     string `json:"type"`
	Name     string `json:"name"`
	Code     string `json:"code,omitempty"`
	Articles int    `json:"articles"`
}

const monthsSQL = `SELECT substr(a.published, 1, 7) AS month, sum(w.quote), sum(1 - w.quote)
FROM (SELECT article_id, 1 AS quote FROM quotes WHERE speaker_id = ?1
      UNION ALL SELECT article_id, 0 FROM claims WHERE speaker_id = ?1) w
JOIN articles a ON a.id = w.article_id
WHERE a.published IS NOT NULL
GROUP BY month ORDER BY month`

// profileArticles bounds the articles a profile reads entities from, so a
// speaker page costs the same for someone quoted ten thousand times.
const profileArticles = 200

const coEntitiesSQL = `SELECT e.type, min(e.name), coalesce(e.code, ''), count(DISTINCT e.article_id) AS n
FROM (
	SELECT a.entities_first, a.entities_last FROM (SELECT article_id FROM quotes WHERE speaker_id = ?1
	                          UNION SELECT article_id FROM claims WHERE speaker_id = ?1) w
	JOIN articles a ON a.id = w.article_id
	ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ?3) r
JOIN entities e ON e.id BETWEEN r.entities_first AND r.entities_last
WHERE e.name <> (SELECT name FROM speakers WHERE id = ?1) COLLATE NOCASE
GROUP BY e.type, e.name COLLATE NOCASE, e.code
ORDER BY n DESC, min(e.name)
LIMIT ?2`

// Profile returns the profile of the speaker with the given id, with up to
// entities co-mentioned entities (0: none). It returns an error wrapping
// ErrNotFound when there is no such speaker. The parts are read in one
// transaction, so they agree with each other even while ingest runs.
func (db *DB) Profile(ctx context.Context, id int64, entities int) (Profile, error) {
	var p Profile
	tx, err := db.r.BeginTx(ctx, nil)
	if err != nil {
		return p, fmt.Errorf("speaker %d: %w", id, err)
	}
	defer tx.Rollback()
	found, err := speakerRows(ctx, tx, " WHERE s.id = ?", 1, id)
	if err != nil {
		return p, fmt.Errorf("speaker %d: %w", id, err)
	}
	if len(found) == 0 {
		return p, fmt.Errorf("speaker %d: %w", id, ErrNotFound)
	}
	p.Speaker = found[0]
	p.Months = []MonthCount{}
	rows, err := tx.QueryContext(ctx, monthsSQL, id)
	if err != nil {
		return p, fmt.Errorf("speaker %d: months: %w", id, err)
	}
	for rows.Next() {
		var m MonthCount
		if err := rows.Scan(&m.Month, &m.Quotes, &m.Claims); err != nil {
			rows.Close()
			return p, fmt.Errorf("speaker %d: months: %w", id, err)
		}
		p.Months = append(p.Months, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, fmt.Errorf("speaker %d: months: %w", id, err)
	}
	p.Entities = []EntityCount{}
	if entities <= 0 {
		return p, nil
	}
	rows, err = tx.QueryContext(ctx, coEntitiesSQL, id, entities, profileArticles)
	if err != nil {
		return p, fmt.Errorf("speaker %d: entities: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var e EntityCount
		if err := rows.Scan(&e.Type, &e.Name, &e.Code, &e.Articles); err != nil {
			return p, fmt.Errorf("speaker %d: entities: %w", id, err)
		}
		p.Entities = append(p.Entities, e)
	}
	if err := rows.Err(); err != nil {
		return p, fmt.Errorf("speaker %d: entities: %w", id, err)
	}
	return p, nil
}
