package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid/store"
	"github.com/whosaid/whosaid/store/link"
)

// speakerTitles is the titles column of a listing: the JSON titles of the
// speaker's own entity in the article.
const speakerTitles = `CASE WHEN s.kind IN ('person', 'organization') THEN
		(SELECT e.titles FROM entities e WHERE e.article_id = x.article_id
		 AND lower(e.name) = lower(s.name) AND e.type IN ('PERSON', 'ORG') ORDER BY e.id LIMIT 1)
	END`

const quoteColumns = `x.id, x.text, x.kind, coalesce(x.cue, ''),
	s.id, s.name, s.kind, ` + speakerTitles + `,
	a.id, coalesce(a.url, ''), coalesce(a.title, ''), coalesce(a.published, ''), coalesce(a.outlet, ''),
	coalesce(x.sentence, ''), x.start, x."end",
	(SELECT greatest(1, count(*)) FROM occurrences o WHERE o.article_id = a.id)`

const claimColumns = `x.id, x.text, coalesce(x.cue, ''),
	s.id, s.name, s.kind, ` + speakerTitles + `,
	a.id, coalesce(a.url, ''), coalesce(a.title, ''), coalesce(a.published, ''), coalesce(a.outlet, ''),
	coalesce(x.sentence, ''), x.start, x."end"`

func scanQuote(rows pgx.Rows) (store.QuoteRow, error) {
	var r store.QuoteRow
	var titles *string
	err := rows.Scan(&r.ID, &r.Text, &r.Kind, &r.Cue, &r.SpeakerID, &r.Speaker, &r.SpeakerKind, &titles,
		&r.ArticleID, &r.URL, &r.Title, &r.Published, &r.Outlet, &r.Sentence, &r.Start, &r.End, &r.Occurrences)
	if err == nil {
		r.Titles, err = parseTitles(titles)
	}
	return r, err
}

func scanClaim(rows pgx.Rows) (store.ClaimRow, error) {
	var r store.ClaimRow
	var titles *string
	err := rows.Scan(&r.ID, &r.Text, &r.Cue, &r.SpeakerID, &r.Speaker, &r.SpeakerKind, &titles,
		&r.ArticleID, &r.URL, &r.Title, &r.Published, &r.Outlet, &r.Sentence, &r.Start, &r.End)
	if err == nil {
		r.Titles, err = parseTitles(titles)
	}
	return r, err
}

// parseTitles reads a JSON titles column; NULL and [] are no titles.
func parseTitles(s *string) ([]string, error) {
	if s == nil {
		return nil, nil
	}
	var titles []string
	if err := json.Unmarshal([]byte(*s), &titles); err != nil {
		return nil, fmt.Errorf("titles: %w", err)
	}
	if len(titles) == 0 {
		return nil, nil
	}
	return titles, nil
}

// Quotes returns the quotes q selects, as store.DB.Quotes does.
func (db *DB) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteRow, error) {
	out := []store.QuoteRow{}
	err := eachSpeech(ctx, db, "quotes", quoteColumns, q, scanQuote, func(r store.QuoteRow) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachQuote calls fn with every stored quote, in the order of Quotes,
// from one snapshot, without holding them all in memory.
func (db *DB) EachQuote(ctx context.Context, fn func(store.QuoteRow) error) error {
	return eachSpeech(ctx, db, "quotes", quoteColumns, store.QuoteQuery{}, scanQuote, fn)
}

// Claims returns the claims q selects, in the order of Quotes.
func (db *DB) Claims(ctx context.Context, q store.ClaimQuery) ([]store.ClaimRow, error) {
	out := []store.ClaimRow{}
	err := eachSpeech(ctx, db, "claims", claimColumns, store.QuoteQuery(q), scanClaim, func(r store.ClaimRow) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachClaim calls fn with every stored claim, as EachQuote does.
func (db *DB) EachClaim(ctx context.Context, fn func(store.ClaimRow) error) error {
	return eachSpeech(ctx, db, "claims", claimColumns, store.QuoteQuery{}, scanClaim, fn)
}

// speechOrder lists quotes and claims by publication date (undated
// last), then article, then position in the text.
const speechOrder = ` ORDER BY a.published IS NULL, a.published, a.id, x.start, x.id`

// eachSpeech streams the rows of table t that q selects to fn.
func eachSpeech[T any](ctx context.Context, db *DB, t, cols string, q store.QuoteQuery,
	scan func(pgx.Rows) (T, error), fn func(T) error) error {
	query, args, err := db.speechQuery(ctx, t, cols, q)
	if err != nil {
		return fmt.Errorf("%s: %w", t, err)
	}
	if query == "" {
		return nil
	}
	rows, err := db.pool.Query(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", t, err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			return fmt.Errorf("%s: scan: %w", t, err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", t, err)
	}
	return nil
}

// speechQuery builds the listing of table t ("quotes" or "claims", as x,
// with speakers s and articles a) for q; "" when q can match nothing.
// User text travels only as parameters.
func (db *DB) speechQuery(ctx context.Context, t, cols string, q store.QuoteQuery) (string, []any, error) {
	if q.Limit < 0 || q.Offset < 0 {
		return "", nil, fmt.Errorf("negative limit or offset: %w", store.ErrInvalid)
	}
	var conds []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if strings.TrimSpace(q.Search) != "" {
		tq := tsquery(q.Search)
		if tq == "" {
			return "", nil, nil
		}
		conds = append(conds, "x.tsv @@ "+arg(tq)+"::tsquery")
	}
	if name := strings.TrimSpace(q.Speaker); name != "" || q.SpeakerID != 0 {
		ids, err := db.speakerIDs(ctx, name, q.SpeakerID)
		if err != nil {
			return "", nil, err
		}
		if len(ids) == 0 {
			return "", nil, nil
		}
		conds = append(conds, "x.speaker_id = ANY("+arg(ids)+"::bigint[])")
	}
	if q.Article != "" {
		conds = append(conds, "x.article_id = "+arg(q.Article))
	}
	if e := strings.TrimSpace(q.Entity); e != "" {
		conds = append(conds, "x.article_id IN (SELECT article_id FROM entities WHERE lower(name) = "+arg(link.ASCIILower(e))+")")
	}
	if c := strings.TrimSpace(q.Country); c != "" {
		conds = append(conds, "x.article_id IN (SELECT article_id FROM entities WHERE code = "+arg(strings.ToUpper(c))+" AND type IN ('COUNTRY', 'LOCATION'))")
	}
	if o := strings.TrimSpace(q.Outlet); o != "" {
		conds = append(conds, "lower(a.outlet) = "+arg(link.ASCIILower(o)))
	}
	if q.From != "" {
		if err := checkDay("from", q.From); err != nil {
			return "", nil, err
		}
		conds = append(conds, "a.published >= "+arg(q.From))
	}
	if q.To != "" {
		if err := checkDay("to", q.To); err != nil {
			return "", nil, err
		}
		conds = append(conds, "a.published <= "+arg(q.To))
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	var limit any // NULL: no limit
	if q.Limit > 0 {
		limit = int64(q.Limit)
	}
	query := "SELECT " + cols + " FROM " + t + ` x
		JOIN speakers s ON s.id = x.speaker_id JOIN articles a ON a.id = x.article_id` +
		where + speechOrder + " LIMIT " + arg(limit) + "::bigint OFFSET " + arg(int64(q.Offset))
	return query, args, nil
}

// speakerIDs resolves a speaker filter to speaker ids: names and aliases
// containing name (ASCII letters folded, as SQLite's lower), and when id
// is not zero, that one speaker, further narrowed by name when both are
// given.
func (db *DB) speakerIDs(ctx context.Context, name string, id int64) ([]int64, error) {
	query := `SELECT id FROM speakers WHERE strpos(lower(name), $1) > 0
		UNION SELECT speaker_id FROM speaker_aliases WHERE strpos(lower(alias), $1) > 0`
	args := []any{link.ASCIILower(name)}
	if id != 0 {
		query = `SELECT id FROM speakers WHERE id = $2 AND ($1 = '' OR strpos(lower(name), $1) > 0
			OR id IN (SELECT speaker_id FROM speaker_aliases WHERE strpos(lower(alias), $1) > 0))`
		args = append(args, id)
	}
	rows, err := db.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("find speakers: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("find speakers: %w", err)
	}
	return ids, nil
}

// checkDay refuses a date bound that is not YYYY-MM-DD.
func checkDay(name, v string) error {
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return fmt.Errorf("%s date %q: want YYYY-MM-DD: %w", name, v, store.ErrInvalid)
	}
	return nil
}
