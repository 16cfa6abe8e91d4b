package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid/store"
)

const monthsSQL = `SELECT substr(a.published, 1, 7) AS month, sum(w.quote), sum(1 - w.quote)
FROM (SELECT article_id, 1 AS quote FROM quotes WHERE speaker_id = $1
      UNION ALL SELECT article_id, 0 FROM claims WHERE speaker_id = $1) w
JOIN articles a ON a.id = w.article_id
WHERE a.published IS NOT NULL
GROUP BY month ORDER BY month`

// profileArticles bounds the articles a profile reads entities from, as
// in store.
const profileArticles = 200

const coEntitiesSQL = `SELECT e.type, min(e.name), coalesce(e.code, ''), count(DISTINCT e.article_id) AS n
FROM entities e
WHERE e.article_id IN (
	SELECT w.article_id FROM (SELECT article_id FROM quotes WHERE speaker_id = $1
	                          UNION SELECT article_id FROM claims WHERE speaker_id = $1) w
	JOIN articles a ON a.id = w.article_id
	ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT $3)
  AND lower(e.name) <> (SELECT lower(name) FROM speakers WHERE id = $1)
GROUP BY e.type, lower(e.name), e.code
ORDER BY n DESC, min(e.name)
LIMIT $2`

// Profile returns the profile of the speaker with the given id, as
// store.DB.Profile does, read from one snapshot.
func (db *DB) Profile(ctx context.Context, id int64, entities int) (store.Profile, error) {
	var p store.Profile
	err := db.snapshot(ctx, func(tx pgx.Tx) error {
		found, err := speakerRows(ctx, tx, "WHERE s.id = $2", int64(1), id)
		if err != nil {
			return err
		}
		if len(found) == 0 {
			return store.ErrNotFound
		}
		p.Speaker = found[0]
		p.Months = []store.MonthCount{}
		rows, err := tx.Query(ctx, monthsSQL, id)
		if err != nil {
			return fmt.Errorf("months: %w", err)
		}
		var m store.MonthCount
		if _, err := pgx.ForEachRow(rows, []any{&m.Month, &m.Quotes, &m.Claims}, func() error {
			p.Months = append(p.Months, m)
			return nil
		}); err != nil {
			return fmt.Errorf("months: %w", err)
		}
		p.Entities = []store.EntityCount{}
		if entities <= 0 {
			return nil
		}
		rows, err = tx.Query(ctx, coEntitiesSQL, id, int64(entities), int64(profileArticles))
		if err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		var e store.EntityCount
		if _, err := pgx.ForEachRow(rows, []any{&e.Type, &e.Name, &e.Code, &e.Articles}, func() error {
			p.Entities = append(p.Entities, e)
			return nil
		}); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		return nil
	})
	if err != nil {
		return store.Profile{}, fmt.Errorf("speaker %d: %w", id, err)
	}
	return p, nil
}
