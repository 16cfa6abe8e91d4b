package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store"
)

// querier is what the listings need of the pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// snapshot runs fn in a read-only transaction that sees one committed
// state of the database throughout, however much is written meanwhile.
func (db *DB) snapshot(ctx context.Context, fn func(pgx.Tx) error) error {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// speakersSQL ranks speakers by how much they said (%s: a WHERE clause on
// s), with the titles given to the entity of the same name across
// articles, looked up after the LIMIT ($1; NULL for all).
const speakersSQL = `SELECT r.id, r.name, r.kind, r.n_quotes, r.n_claims,
	CASE WHEN r.kind IN ('person', 'organization') THEN
		(SELECT coalesce(json_agg(DISTINCT t.value), '[]')::text
		 FROM (SELECT DISTINCT titles FROM entities
		       WHERE lower(name) = lower(r.name) AND titles <> '[]') e,
		      jsonb_array_elements_text(e.titles::jsonb) t(value))
	ELSE '[]' END
FROM (SELECT * FROM (SELECT s.id, s.name, s.kind,
		(SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS n_quotes,
		(SELECT count(*) FROM claims c WHERE c.speaker_id = s.id) AS n_claims
		FROM speakers s %s) c
	ORDER BY c.n_quotes + c.n_claims DESC, c.n_quotes DESC, lower(c.name), c.kind LIMIT $1) r
ORDER BY r.n_quotes + r.n_claims DESC, r.n_quotes DESC, lower(r.name), r.kind`

// Speakers returns up to limit speakers (0: all), those with the most
// quotes and claims first.
func (db *DB) Speakers(ctx context.Context, limit int) ([]store.SpeakerRow, error) {
	if limit < 0 {
		return nil, fmt.Errorf("speakers: negative limit: %w", store.ErrInvalid)
	}
	var lim any
	if limit > 0 {
		lim = int64(limit)
	}
	out, err := speakerRows(ctx, db.pool, "", lim)
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	return out, nil
}

func speakerRows(ctx context.Context, q querier, where string, args ...any) ([]store.SpeakerRow, error) {
	rows, err := q.Query(ctx, fmt.Sprintf(speakersSQL, where), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.SpeakerRow{}
	for rows.Next() {
		var r store.SpeakerRow
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
	return out, rows.Err()
}

const targetsSQL = `SELECT m.text, m.start, m."end", m.kind, m.value, m.unit,
	coalesce(m."of", ''), m.target, coalesce(m.deadline, ''), coalesce(m.holder, ''),
	a.id, coalesce(a.url, ''), coalesce(a.title, ''), coalesce(a.published, ''), coalesce(a.outlet, '')
FROM amounts m
JOIN articles a ON a.id = m.article_id
WHERE m.target
ORDER BY a.published IS NULL, a.published, a.id, m.start, m.id
LIMIT $1 OFFSET $2`

// Targets returns the target amounts with their article, as
// store.DB.Targets does.
func (db *DB) Targets(ctx context.Context, limit, offset int) ([]store.TargetRow, error) {
	if limit < 0 || offset < 0 {
		return nil, fmt.Errorf("targets: negative limit or offset: %w", store.ErrInvalid)
	}
	var lim any
	if limit > 0 {
		lim = int64(limit)
	}
	rows, err := db.pool.Query(ctx, targetsSQL, lim, int64(offset))
	if err != nil {
		return nil, fmt.Errorf("targets: %w", err)
	}
	defer rows.Close()
	out := []store.TargetRow{}
	for rows.Next() {
		var r store.TargetRow
		m := &r.Amount
		if err := rows.Scan(&m.Text, &m.Start, &m.End, &m.Kind, &m.Value, &m.Unit, &m.Of, &m.Target,
			&m.Deadline, &m.Holder, &r.ArticleID, &r.URL, &r.Title, &r.Published, &r.Outlet); err != nil {
			return nil, fmt.Errorf("targets: scan: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("targets: %w", err)
	}
	return out, nil
}

// Counts counts the rows of the main tables, in one snapshot.
func (db *DB) Counts(ctx context.Context) (store.Counts, error) {
	var c store.Counts
	err := db.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM entities),
		(SELECT count(*) FROM speakers), (SELECT count(*) FROM quotes),
		(SELECT count(*) FROM claims), (SELECT count(*) FROM dates),
		(SELECT count(*) FROM amounts)`).Scan(
		&c.Articles, &c.Entities, &c.Speakers, &c.Quotes, &c.Claims, &c.Dates, &c.Amounts)
	if err != nil {
		return store.Counts{}, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}

// Article rebuilds the findings of the article with the given id, as
// store.DB.Article does; an error wrapping store.ErrNotFound when there is
// none.
func (db *DB) Article(ctx context.Context, id string) (whosaid.Findings, error) {
	var f whosaid.Findings
	err := db.snapshot(ctx, func(tx pgx.Tx) error {
		var err error
		f, err = readArticle(ctx, tx, id)
		return err
	})
	if err != nil {
		return whosaid.Findings{}, fmt.Errorf("article %s: %w", id, err)
	}
	return f, nil
}

func readArticle(ctx context.Context, tx pgx.Tx, id string) (whosaid.Findings, error) {
	f := whosaid.Findings{
		Entities: []whosaid.Entity{}, Dates: []whosaid.Date{}, Amounts: []whosaid.Amount{},
		Quotes: []whosaid.Quote{}, Claims: []whosaid.Claim{},
	}
	a := &f.Article
	var place, agency, date *string
	var end *int32
	err := tx.QueryRow(ctx, `SELECT id, coalesce(url, ''), coalesce(title, ''), coalesce(byline, ''),
		coalesce(published, ''), coalesce(outlet, ''), coalesce(section, ''), dateline_place, dateline_agency, dateline_date, dateline_end,
		text, coalesce(source, '') FROM articles WHERE id = $1`, id).Scan(
		&a.ID, &a.URL, &a.Title, &a.Byline, &a.Published, &a.Outlet, &a.Section, &place, &agency, &date, &end,
		&a.Text, &a.Source)
	if errors.Is(err, pgx.ErrNoRows) {
		return f, store.ErrNotFound
	}
	if err != nil {
		return f, err
	}
	if end != nil {
		a.Dateline = &whosaid.Dateline{Place: deref(place), Agency: deref(agency), Date: deref(date), End: int(*end)}
	}
	for _, read := range []func(context.Context, pgx.Tx, *whosaid.Findings) error{readEntities, readDatesAmounts, readSpeech} {
		if err := read(ctx, tx, &f); err != nil {
			return f, err
		}
	}
	return f, nil
}

// readEntities reads an article's entities with their mentions, in one
// pass in insertion order: a new entity id starts a new entity.
func readEntities(ctx context.Context, tx pgx.Tx, f *whosaid.Findings) error {
	id := f.Article.ID
	lastID := int64(-1)
	var (
		eid             int64
		typ, name, code string
		titles          string
		mStart, mEnd    *int32
		mText           *string
	)
	rows, err := tx.Query(ctx, `SELECT e.id, e.type, e.name, coalesce(e.code, ''), e.titles, m.start, m."end", m.text
		FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
		WHERE e.article_id = $1 ORDER BY e.id, m.id`, id)
	if err != nil {
		return fmt.Errorf("read entities: %w", err)
	}
	if _, err := pgx.ForEachRow(rows, []any{&eid, &typ, &name, &code, &titles, &mStart, &mEnd, &mText}, func() error {
		if eid != lastID {
			e := whosaid.Entity{Type: typ, Name: name, Code: code, Mentions: []whosaid.Mention{}}
			if err := json.Unmarshal([]byte(titles), &e.Titles); err != nil {
				return fmt.Errorf("titles: %w", err)
			}
			if len(e.Titles) == 0 {
				e.Titles = nil
			}
			f.Entities = append(f.Entities, e)
			lastID = eid
		}
		if mStart != nil {
			cur := &f.Entities[len(f.Entities)-1]
			cur.Mentions = append(cur.Mentions, whosaid.Mention{Text: deref(mText), Start: int(*mStart), End: int(*mEnd)})
		}
		return nil
	}); err != nil {
		return fmt.Errorf("read entities: %w", err)
	}
	return nil
}

// readDatesAmounts reads an article's dates and amounts.
func readDatesAmounts(ctx context.Context, tx pgx.Tx, f *whosaid.Findings) error {
	id := f.Article.ID
	var d whosaid.Date
	rows, err := tx.Query(ctx, `SELECT text, start, "end", value FROM dates WHERE article_id = $1 ORDER BY id`, id)
	if err != nil {
		return fmt.Errorf("read dates: %w", err)
	}
	if _, err := pgx.ForEachRow(rows, []any{&d.Text, &d.Start, &d.End, &d.Value}, func() error {
		f.Dates = append(f.Dates, d)
		return nil
	}); err != nil {
		return fmt.Errorf("read dates: %w", err)
	}

	var m whosaid.Amount
	rows, err = tx.Query(ctx, `SELECT text, start, "end", kind, value, unit, coalesce("of", ''), target,
		coalesce(deadline, ''), coalesce(holder, '') FROM amounts WHERE article_id = $1 ORDER BY id`, id)
	if err != nil {
		return fmt.Errorf("read amounts: %w", err)
	}
	if _, err := pgx.ForEachRow(rows, []any{&m.Text, &m.Start, &m.End, &m.Kind, &m.Value, &m.Unit, &m.Of, &m.Target,
		&m.Deadline, &m.Holder}, func() error {
		f.Amounts = append(f.Amounts, m)
		return nil
	}); err != nil {
		return fmt.Errorf("read amounts: %w", err)
	}
	return nil
}

// readSpeech reads an article's quotes and claims with their speakers.
func readSpeech(ctx context.Context, tx pgx.Tx, f *whosaid.Findings) error {
	id := f.Article.ID
	var (
		kind, text, cue, sname, skind, sentence string
		start, stop                             int
		ms, me                                  *int32
		mt                                      *string
	)
	speech := []any{&text, &start, &stop, &cue, &sname, &skind, &ms, &me, &mt, &sentence}
	speaker := func() whosaid.Speaker {
		sp := whosaid.Speaker{Name: sname, Kind: skind}
		if ms != nil {
			sp.Mention = &whosaid.Mention{Text: deref(mt), Start: int(*ms), End: int(*me)}
		}
		return sp
	}
	const speechColumns = `x.text, x.start, x."end", coalesce(x.cue, ''), s.name, s.kind,
		x.speaker_start, x.speaker_end, x.speaker_text, coalesce(x.sentence, '')`
	rows, err := tx.Query(ctx, `SELECT x.kind, `+speechColumns+`
		FROM quotes x JOIN speakers s ON s.id = x.speaker_id WHERE x.article_id = $1 ORDER BY x.id`, id)
	if err != nil {
		return fmt.Errorf("read quotes: %w", err)
	}
	if _, err := pgx.ForEachRow(rows, append([]any{&kind}, speech...), func() error {
		f.Quotes = append(f.Quotes, whosaid.Quote{Text: text, Start: start, End: stop, Kind: kind, Cue: cue,
			Speaker: speaker(), Sentence: sentence})
		return nil
	}); err != nil {
		return fmt.Errorf("read quotes: %w", err)
	}
	rows, err = tx.Query(ctx, `SELECT `+speechColumns+`
		FROM claims x JOIN speakers s ON s.id = x.speaker_id WHERE x.article_id = $1 ORDER BY x.id`, id)
	if err != nil {
		return fmt.Errorf("read claims: %w", err)
	}
	if _, err := pgx.ForEachRow(rows, speech, func() error {
		f.Claims = append(f.Claims, whosaid.Claim{Text: text, Start: start, End: stop, Cue: cue,
			Speaker: speaker(), Sentence: sentence})
		return nil
	}); err != nil {
		return fmt.Errorf("read claims: %w", err)
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
