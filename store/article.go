package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/sqlar"
)

// Article rebuilds the findings of the article with the given id, as Put
// received them (except that an empty speaker kind reads back as "unknown",
// empty lists as empty, not nil, slices, and a speaker's reading of its
// names (Gender, Surname, Forms), which Put links people by and does not
// keep with the quote, as empty). It returns an error wrapping ErrNotFound
// when no such article is stored.
func (db *DB) Article(ctx context.Context, id string) (whosaid.Findings, error) {
	// One read transaction, so the parts all come from the same version of
	// the article even if ingest replaces it meanwhile.
	tx, err := db.r.BeginTx(ctx, nil)
	if err != nil {
		return whosaid.Findings{}, fmt.Errorf("article %s: %w", id, err)
	}
	defer tx.Rollback()
	f, err := readArticle(ctx, tx, id)
	if err != nil {
		return whosaid.Findings{}, fmt.Errorf("article %s: %w", id, err)
	}
	return f, nil
}

func readArticle(ctx context.Context, tx *sql.Tx, id string) (whosaid.Findings, error) {
	f := whosaid.Findings{
		Entities: []whosaid.Entity{}, Dates: []whosaid.Date{}, Amounts: []whosaid.Amount{},
		Quotes: []whosaid.Quote{}, Claims: []whosaid.Claim{},
	}
	a := &f.Article
	var place, agency, date sql.NullString
	var end sql.NullInt64
	var r rowRanges
	var body []byte
	var size sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT id, coalesce(url, ''), coalesce(title, ''), coalesce(byline, ''),
		coalesce(published, ''), coalesce(outlet, ''), coalesce(section, ''), dateline_place, dateline_agency, dateline_date, dateline_end,
		text, body, size, coalesce(source, ''), `+rangeColumns+` FROM articles WHERE id = ?`, id).Scan(
		&a.ID, &a.URL, &a.Title, &a.Byline, &a.Published, &a.Outlet, &a.Section, &place, &agency, &date, &end,
		&a.Text, &body, &size, &a.Source, &r.entities[0], &r.entities[1], &r.dates[0], &r.dates[1],
		&r.quotes[0], &r.quotes[1], &r.claims[0], &r.claims[1])
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNotFound
	}
	if err != nil {
		return f, err
	}
	if a.Text, err = articleText(a.Text, body, size); err != nil {
		return f, fmt.Errorf("article %s: %w", id, err)
	}
	if end.Valid {
		a.Dateline = &whosaid.Dateline{Place: place.String, Agency: agency.String, Date: date.String, End: int(end.Int64)}
	}
	for _, step := range []func(context.Context, *sql.Tx, *whosaid.Findings, rowRanges) error{
		readEntities, readDates, readAmounts, readQuotes, readClaims,
	} {
		if err := step(ctx, tx, &f, r); err != nil {
			return f, err
		}
	}
	return f, nil
}

// articleText is an article's text from its row's text, body and size
// columns: body and size hold it compressed (0019), or are NULL and text
// holds it.
func articleText(text string, body []byte, size sql.NullInt64) (string, error) {
	if !size.Valid {
		return text, nil
	}
	b, err := sqlar.Uncompress(body, size.Int64)
	if err != nil {
		return "", fmt.Errorf("text: %w", err)
	}
	return string(b), nil
}

// rowRanges are an article's first and last ids per table (0013); 1, 0 if none.
type rowRanges struct{ entities, dates, quotes, claims [2]int64 }

// rangeColumns read rowRanges from the article row.
const rangeColumns = `coalesce(entities_first, 1), coalesce(entities_last, 0), coalesce(dates_first, 1),
	coalesce(dates_last, 0), coalesce(quotes_first, 1), coalesce(quotes_last, 0), coalesce(claims_first, 1), coalesce(claims_last, 0)`

// each runs query and calls scan for every row.
func each(ctx context.Context, tx *sql.Tx, what, query string, scan func(*sql.Rows) error, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("read %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	return nil
}

func readEntities(ctx context.Context, tx *sql.Tx, f *whosaid.Findings, r rowRanges) error {
	// One pass over entities left-joined with their mentions, both in
	// insertion order; a new entity id starts a new entity.
	lastID := int64(-1)
	return each(ctx, tx, "entities", `SELECT e.id, e.type, e.name, coalesce(e.code, ''), e.titles,
		m.start, m."end", m.text
		FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
		WHERE e.id BETWEEN ? AND ? ORDER BY e.id, m.id`, func(rows *sql.Rows) error {
		var (
			eid          int64
			e            whosaid.Entity
			titles       string
			mStart, mEnd sql.NullInt64
			mText        sql.NullString
		)
		if err := rows.Scan(&eid, &e.Type, &e.Name, &e.Code, &titles, &mStart, &mEnd, &mText); err != nil {
			return err
		}
		if eid != lastID {
			if err := json.Unmarshal([]byte(titles), &e.Titles); err != nil {
				return fmt.Errorf("titles: %w", err)
			}
			if len(e.Titles) == 0 {
				e.Titles = nil
			}
			e.Mentions = []whosaid.Mention{}
			f.Entities = append(f.Entities, e)
			lastID = eid
		}
		if mStart.Valid {
			t, err := fromSpan(f.Article.Text, mText.String, mStart.Int64, mEnd.Int64)
			if err != nil {
				return err
			}
			cur := &f.Entities[len(f.Entities)-1]
			cur.Mentions = append(cur.Mentions, whosaid.Mention{Text: t, Start: int(mStart.Int64), End: int(mEnd.Int64)})
		}
		return nil
	}, r.entities[0], r.entities[1])
}

func readDates(ctx context.Context, tx *sql.Tx, f *whosaid.Findings, r rowRanges) error {
	return each(ctx, tx, "dates", `SELECT text, start, "end", value FROM dates WHERE id BETWEEN ? AND ? ORDER BY id`,
		func(rows *sql.Rows) error {
			var d whosaid.Date
			if err := rows.Scan(&d.Text, &d.Start, &d.End, &d.Value); err != nil {
				return err
			}
			t, err := fromSpan(f.Article.Text, d.Text, int64(d.Start), int64(d.End))
			d.Text = t
			f.Dates = append(f.Dates, d)
			return err
		}, r.dates[0], r.dates[1])
}

func readAmounts(ctx context.Context, tx *sql.Tx, f *whosaid.Findings, _ rowRanges) error {
	return each(ctx, tx, "amounts", `SELECT text, start, "end", kind, value, unit, coalesce("of", ''), target,
		coalesce(deadline, ''), coalesce(holder, '') FROM amounts WHERE article_id = ? ORDER BY id`,
		func(rows *sql.Rows) error {
			var m whosaid.Amount
			if err := rows.Scan(&m.Text, &m.Start, &m.End, &m.Kind, &m.Value, &m.Unit, &m.Of, &m.Target,
				&m.Deadline, &m.Holder); err != nil {
				return err
			}
			f.Amounts = append(f.Amounts, m)
			return nil
		}, f.Article.ID)
}

// speechColumns are the columns quotes and claims share, after their own.
const speechColumns = `x.text, x.start, x."end", coalesce(x.cue, ''), s.name, s.kind,
	x.speaker_start, x.speaker_end, x.speaker_text, x.sentence, x.sentence_start, x.sentence_end`

// scanSpeech scans speechColumns into their destinations, with the text
// (0020), the speaker's optional mention and the sentence stored or taken
// from their span of article (0012).
func scanSpeech(rows *sql.Rows, article string, lead []any, text *string, start, end *int, cue *string, sp *whosaid.Speaker, sentence *string) error {
	var ms, me, ss, se sql.NullInt64
	var mt, st sql.NullString
	dest := append(lead, text, start, end, cue, &sp.Name, &sp.Kind, &ms, &me, &mt, &st, &ss, &se)
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	t, err := fromSpan(article, *text, int64(*start), int64(*end))
	if err != nil {
		return err
	}
	*text = t
	switch {
	case st.Valid:
		*sentence = st.String
	case ss.Valid && se.Valid:
		if ss.Int64 < 0 || ss.Int64 > se.Int64 || se.Int64 > int64(len(article)) {
			return fmt.Errorf("sentence span [%d, %d) outside the text", ss.Int64, se.Int64)
		}
		*sentence = article[ss.Int64:se.Int64]
	}
	if ms.Valid {
		t, err := fromSpan(article, mt.String, ms.Int64, me.Int64)
		if err != nil {
			return err
		}
		sp.Mention = &whosaid.Mention{Text: t, Start: int(ms.Int64), End: int(me.Int64)}
	}
	return nil
}

func readQuotes(ctx context.Context, tx *sql.Tx, f *whosaid.Findings, r rowRanges) error {
	return each(ctx, tx, "quotes", `SELECT x.kind, `+speechColumns+`
		FROM quotes x JOIN speakers s ON s.id = x.speaker_id WHERE x.id BETWEEN ? AND ? ORDER BY x.id`,
		func(rows *sql.Rows) error {
			var q whosaid.Quote
			if err := scanSpeech(rows, f.Article.Text, []any{&q.Kind}, &q.Text, &q.Start, &q.End, &q.Cue, &q.Speaker, &q.Sentence); err != nil {
				return err
			}
			f.Quotes = append(f.Quotes, q)
			return nil
		}, r.quotes[0], r.quotes[1])
}

func readClaims(ctx context.Context, tx *sql.Tx, f *whosaid.Findings, r rowRanges) error {
	return each(ctx, tx, "claims", `SELECT `+speechColumns+`
		FROM claims x JOIN speakers s ON s.id = x.speaker_id WHERE x.id BETWEEN ? AND ? ORDER BY x.id`,
		func(rows *sql.Rows) error {
			var c whosaid.Claim
			if err := scanSpeech(rows, f.Article.Text, nil, &c.Text, &c.Start, &c.End, &c.Cue, &c.Speaker, &c.Sentence); err != nil {
				return err
			}
			f.Claims = append(f.Claims, c)
			return nil
		}, r.claims[0], r.claims[1])
}
