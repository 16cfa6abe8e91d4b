package store

import (
	"context"
	"database/sql"
	"encoding/json"
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

// monthsSQL reads the counts each speaker keeps by month (migration 0018).
const monthsSQL = `SELECT month, quotes, claims FROM speaker_months WHERE speaker_id = ? ORDER BY month`

// profileArticles bounds the articles a profile reads entities from, so a
// speaker page costs the same for someone quoted ten thousand times. (A
// variable, as walkFrom and walkArticles are, so tests can run every plan.)
var profileArticles = 200

// coEntitiesSQL counts the entities of the speaker's recent articles,
// given by the subquery %s: their entities_first and entities_last, the
// speaker's id ?1, the limit ?2.
const coEntitiesSQL = `SELECT e.type, min(e.name), coalesce(e.code, ''), count(DISTINCT e.article) AS n
FROM (%s) r
JOIN entities e ON e.id BETWEEN r.entities_first AND r.entities_last
WHERE e.name <> (SELECT name FROM speakers WHERE id = ?1) COLLATE NOCASE
GROUP BY e.type, e.name COLLATE NOCASE, e.code
ORDER BY n DESC, min(e.name)
LIMIT ?2`

// recentBySpeaker is the latest ?3 of the speaker's articles, found by
// sorting them all: the cost grows with what the speaker said.
const recentBySpeaker = `SELECT a.entities_first, a.entities_last FROM (SELECT article_id FROM quotes WHERE speaker_id = ?1
	UNION SELECT article_id FROM claims WHERE speaker_id = ?1) w
	JOIN articles a ON a.id = w.article_id
	ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ?3`

// recentListed is the articles of the JSON list of ids ?3.
const recentListed = `SELECT entities_first, entities_last FROM articles WHERE id IN (SELECT value FROM json_each(?3))`

// recentWalkSQL finds the latest ?3 of the speaker's dated articles among
// the latest ?2 articles of the archive, walking them newest first (the
// articles_order index, which holds each article's ranges of quote and
// claim ids) and asking the speaker indexes for the speaker's rows within
// each range: for a speaker quoted in article after article, a few hundred
// probes instead of a sort of everything they said (a second at 100,000
// articles).
const recentWalkSQL = `SELECT a.id FROM (SELECT id, quotes_first, quotes_last, claims_first, claims_last
	FROM articles WHERE (published IS NULL) = 0 ORDER BY published DESC, id DESC LIMIT ?2) a
WHERE EXISTS (SELECT 1 FROM quotes WHERE speaker_id = ?1 AND id BETWEEN a.quotes_first AND a.quotes_last)
   OR EXISTS (SELECT 1 FROM claims WHERE speaker_id = ?1 AND id BETWEEN a.claims_first AND a.claims_last)
LIMIT ?3`

// walkFrom and walkArticles: a speaker with walkFrom quotes and claims or
// more has their recent articles found by recentWalkSQL, over the latest
// walkArticles of the archive; if fewer than profileArticles of theirs are
// among those, by recentBySpeaker.
var walkFrom, walkArticles = 1000, 20000

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
	recent, arg, err := recentArticles(ctx, tx, p.Speaker)
	if err != nil {
		return p, fmt.Errorf("speaker %d: entities: %w", id, err)
	}
	rows, err = tx.QueryContext(ctx, fmt.Sprintf(coEntitiesSQL, recent), id, entities, arg)
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

// recentArticles returns the subquery of coEntitiesSQL that gives the
// latest profileArticles articles of speaker s, and its argument ?3.
func recentArticles(ctx context.Context, tx *sql.Tx, s SpeakerRow) (string, any, error) {
	if s.Quotes+s.Claims < walkFrom {
		return recentBySpeaker, profileArticles, nil
	}
	rows, err := tx.QueryContext(ctx, recentWalkSQL, s.ID, walkArticles, profileArticles)
	if err != nil {
		return "", nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return "", nil, err
		}
		ids = append(ids, a)
	}
	if err := rows.Err(); err != nil {
		return "", nil, err
	}
	if len(ids) < profileArticles {
		return recentBySpeaker, profileArticles, nil
	}
	list, err := json.Marshal(ids)
	return recentListed, string(list), err
}
