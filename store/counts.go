package store

import (
	"context"
	"fmt"
)

// Counts is how much the database holds, for summaries.
type Counts struct {
	Articles int `json:"articles"`
	Entities int `json:"entities"`
	Speakers int `json:"speakers"`
	Quotes   int `json:"quotes"`
	Claims   int `json:"claims"`
	Dates    int `json:"dates"`
	Amounts  int `json:"amounts"`
}

// Counts counts the rows of the main tables, in one consistent snapshot.
func (db *DB) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := db.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM entities),
		(SELECT count(*) FROM speakers), (SELECT count(*) FROM quotes),
		(SELECT count(*) FROM claims), (SELECT count(*) FROM dates),
		(SELECT count(*) FROM amounts)`).Scan(
		&c.Articles, &c.Entities, &c.Speakers, &c.Quotes, &c.Claims, &c.Dates, &c.Amounts)
	if err != nil {
		return Counts{}, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}
