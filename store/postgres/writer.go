package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store"
	"github.com/whosaid/whosaid/store/link"
)

// writer writes the articles of one transaction, which holds writerLock:
// nothing else writes meanwhile, so what it reads stays true until it
// commits, and its caches of speakers may be trusted (link.Cache).
type writer struct {
	tx  pgx.Tx
	now string
	// savepoints: each article is written in a savepoint of its own and
	// rolled back alone if refused; else a refused article returns
	// errArticleFault.
	savepoints bool
	replaced   bool

	// rows of the tables written with COPY at the end of the batch (or of
	// the article, with savepoints); entity ids come from entityIDs.
	rows      map[string][][]any
	entityIDs []int64

	// pending are writes whose outcome nothing waits for (articles,
	// sketches, occurrences, speakers, aliases): they go to the server
	// with the next read, in one round trip (run), or at the end of the
	// article (sync), so that an error is still the article's own.
	pending pgx.Batch
	// speakerIDs gives new speakers their ids, as store's idSeq does:
	// under writerLock nobody else adds speakers, so max(id)+1 is free,
	// and the insert need not be waited for.
	speakerIDs idSeq

	link    link.Linker // store/link
	look    link.Cache
	genders map[int64]string // Gender's answers
}

// run sends the pending writes and the reads queue adds, in one round
// trip, and calls the reads' callbacks.
func (w *writer) run(ctx context.Context, queue func(b *pgx.Batch)) error {
	b := w.pending
	w.pending = pgx.Batch{}
	queue(&b)
	return w.tx.SendBatch(ctx, &b).Close()
}

// sync sends the pending writes.
func (w *writer) sync(ctx context.Context) error {
	if w.pending.Len() == 0 {
		return nil
	}
	return w.run(ctx, func(*pgx.Batch) {})
}

// later queues a write to go with the next round trip.
func (w *writer) later(sql string, args ...any) { w.pending.Queue(sql, args...) }

// idSeq hands out the ids of one table's new rows: max(id)+1 onwards,
// read again after a rollback may have taken rows back (reset).
type idSeq struct {
	table string // a constant of the code
	last  int64
	known bool
}

func (s *idSeq) next(ctx context.Context, w *writer) (int64, error) {
	if !s.known {
		if err := w.run(ctx, func(b *pgx.Batch) {
			b.Queue("SELECT coalesce(max(id), 0) FROM " + s.table).QueryRow(func(r pgx.Row) error { return r.Scan(&s.last) })
		}); err != nil {
			return 0, fmt.Errorf("max id of %s: %w", s.table, err)
		}
		s.known = true
	}
	s.last++
	return s.last, nil
}

func (s *idSeq) reset() { s.known = false }

func newWriter(tx pgx.Tx, now string, savepoints bool) *writer {
	return &writer{tx: tx, now: now, savepoints: savepoints, rows: map[string][][]any{},
		speakerIDs: idSeq{table: "speakers"}}
}

// copied lists the tables written with COPY, in the order their rows go
// (mentions after their entities), with their columns.
var copied = []struct {
	table string
	cols  []string
}{
	{"entities", []string{"id", "article_id", "type", "name", "code", "titles"}},
	{"mentions", []string{"entity_id", "start", "end", "text"}},
	{"dates", []string{"article_id", "start", "end", "text", "value"}},
	{"amounts", []string{"article_id", "start", "end", "text", "kind", "value", "unit", "of", "target", "deadline", "holder"}},
	{"quotes", []string{"article_id", "start", "end", "text", "kind", "cue", "speaker_id", "speaker_start", "speaker_end", "speaker_text", "sentence", "tsv"}},
	{"claims", []string{"article_id", "start", "end", "text", "cue", "speaker_id", "speaker_start", "speaker_end", "speaker_text", "sentence", "tsv"}},
}

// writeAll writes every article and returns their results.
func (w *writer) writeAll(ctx context.Context, ps []store.Prepared) ([]store.Result, error) {
	res := make([]store.Result, 0, len(ps))
	for i := range ps {
		r, err := w.putOne(ctx, &ps[i])
		if err != nil {
			return nil, err
		}
		res = append(res, r)
	}
	if err := w.finish(ctx); err != nil {
		return nil, err
	}
	return res, nil
}

// putOne writes one article; its error dooms the transaction.
func (w *writer) putOne(ctx context.Context, p *store.Prepared) (store.Result, error) {
	if err := ctx.Err(); err != nil {
		return store.Result{}, err
	}
	r, err := w.put(ctx, p)
	if err != nil {
		return r, fmt.Errorf("put article %s: %w", r.ID, err)
	}
	return r, nil
}

// finish writes the rows queued for COPY and removes the speakers that
// replaced articles left without quotes or claims.
func (w *writer) finish(ctx context.Context) error {
	if err := w.sync(ctx); err != nil {
		return err
	}
	if err := w.flush(ctx); err != nil {
		if !w.savepoints && articleFault(err) {
			return fmt.Errorf("%w: %w", errArticleFault, err)
		}
		return err
	}
	if w.replaced {
		if _, err := w.tx.Exec(ctx, deleteOrphanSpeakers); err != nil {
			return fmt.Errorf("delete orphan speakers: %w", err)
		}
	}
	if w.speakerIDs.known {
		// The identity's sequence follows the ids given, for whoever
		// adds speakers without one.
		if _, err := w.tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence('speakers', 'id'), max(id)) FROM speakers`); err != nil {
			return fmt.Errorf("speaker ids: %w", err)
		}
	}
	return nil
}

// deleteOrphanSpeakers removes speakers nothing refers to any more, after
// a replaced article took their last quote or claim with it; their aliases
// go with them (ON DELETE CASCADE).
const deleteOrphanSpeakers = `DELETE FROM speakers
WHERE NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = speakers.id)
  AND NOT EXISTS (SELECT 1 FROM claims WHERE speaker_id = speakers.id)`

// put stores one article, as store's writer does.
func (w *writer) put(ctx context.Context, p *store.Prepared) (store.Result, error) {
	k := p.Keys()
	f := &p.Findings
	res := store.Result{ID: k.ID, Source: f.Article.Source}
	fail := func(err error) (store.Result, error) {
		res.Status = store.Failed
		res.Err = fmt.Errorf("article %s: %w", res.ID, err)
		return res, nil
	}
	if err := store.Validate(f); err != nil {
		return fail(err)
	}
	if k.FindingsErr != nil {
		return fail(k.FindingsErr)
	}
	if !w.savepoints {
		// The article's writes go with the next article's first read:
		// should one fail there, the batch is written again with
		// savepoints, where each article's writes are its own.
		status, dupOf, err := w.write(ctx, f, &k)
		if err != nil {
			if articleFault(err) {
				return res, fmt.Errorf("%w: %w", errArticleFault, err)
			}
			return res, err
		}
		res.Status, res.DuplicateOf = status, dupOf
		res.Added = status == store.Inserted || status == store.Replaced
		return res, nil
	}
	if _, err := w.tx.Exec(ctx, "SAVEPOINT article"); err != nil {
		return res, fmt.Errorf("savepoint: %w", err)
	}
	status, dupOf, err := w.write(ctx, f, &k)
	if err == nil {
		err = w.sync(ctx)
	}
	if err == nil {
		err = w.flush(ctx)
	}
	if err != nil {
		if !articleFault(err) {
			return res, err
		}
		w.pending = pgx.Batch{}
		if _, rerr := w.tx.Exec(ctx, "ROLLBACK TO SAVEPOINT article"); rerr != nil {
			return res, fmt.Errorf("roll back after %v: %w", err, rerr)
		}
		w.look.Reset()
		w.link.Reset()
		clear(w.rows)
		clear(w.genders)
		w.speakerIDs.reset()
		return fail(err)
	}
	if _, err := w.tx.Exec(ctx, "RELEASE SAVEPOINT article"); err != nil {
		return res, fmt.Errorf("release savepoint: %w", err)
	}
	res.Status, res.DuplicateOf = status, dupOf
	res.Added = status == store.Inserted || status == store.Replaced
	return res, nil
}

// findArticleSQL: the hashes stored under the id ($1), and the id of
// another article with the same text (content hash $2).
const findArticleSQL = `SELECT (SELECT content_hash FROM articles WHERE id = $1),
	(SELECT findings_hash FROM articles WHERE id = $1),
	(SELECT id FROM articles WHERE content_hash = $2 AND id <> $1)`

// write decides what to do with one article and does it.
func (w *writer) write(ctx context.Context, f *whosaid.Findings, k *store.Keys) (store.Status, string, error) {
	var oldHash, oldFindings, same *string
	var hits []hit
	err := w.run(ctx, func(b *pgx.Batch) {
		b.Queue(findArticleSQL, k.ID, k.ContentHash).QueryRow(func(r pgx.Row) error {
			return r.Scan(&oldHash, &oldFindings, &same)
		})
		if k.Sketched {
			// Asked at once, whether or not needed: a round trip costs
			// more than the look-up.
			b.Queue(findSketchSQL, k.Bands[:], k.ID).Query(func(rows pgx.Rows) error {
				var err error
				hits, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (hit, error) {
					var h hit
					err := r.Scan(&h.band, &h.id)
					return h, err
				})
				return err
			})
		}
	})
	if err != nil {
		return "", "", fmt.Errorf("find article: %w", err)
	}
	exists := oldHash != nil
	if exists && *oldHash == k.ContentHash && *oldFindings == k.FindingsHash {
		return store.Unchanged, "", nil
	}
	if same != nil {
		w.occur(*same, k.ID, &f.Article, store.MatchContent, 1)
		return store.Duplicate, *same, nil
	}
	if !exists {
		other, match, sim, err := w.copyOf(ctx, &f.Article, k, hits)
		if err != nil {
			return "", "", err
		}
		if other != "" {
			w.occur(other, k.ID, &f.Article, match, sim)
			return store.Duplicate, other, nil
		}
	}
	status := store.Inserted
	if exists {
		// Rows waiting for COPY may be this very article's, met earlier
		// in the batch: they go in first, to be deleted with it.
		if err := w.sync(ctx); err != nil {
			return "", "", err
		}
		if err := w.flush(ctx); err != nil {
			return "", "", err
		}
		w.later(`DELETE FROM articles WHERE id = $1`, k.ID)
		w.replaced = true
		status = store.Replaced
	}
	if err := w.insert(ctx, f, k); err != nil {
		return "", "", err
	}
	return status, "", nil
}

// copyOf finds the stored story an article is a copy of: one under the
// same URL, or a near-duplicate text among the sketch's hits; "" when
// there is none.
func (w *writer) copyOf(ctx context.Context, a *whosaid.Article, k *store.Keys, hits []hit) (other, match string, similarity float64, err error) {
	if a.URL != "" {
		var found []string
		err := w.run(ctx, func(b *pgx.Batch) {
			b.Queue(`SELECT id FROM articles WHERE url = $1 AND id <> $2 ORDER BY id LIMIT 1`, a.URL, k.ID).Query(func(rows pgx.Rows) error {
				var err error
				found, err = pgx.CollectRows(rows, pgx.RowTo[string])
				return err
			})
		})
		if err != nil {
			return "", "", 0, fmt.Errorf("find by url: %w", err)
		}
		if len(found) > 0 {
			return found[0], store.MatchURL, 1, nil
		}
	}
	other, similarity, err = w.near(ctx, k, hits)
	return other, store.MatchNear, similarity, err
}

// hit is an article sharing a sketch band.
type hit struct {
	band int
	id   string
}

// findSketchSQL finds, band by band, up to store.CandidatesPerBand stored
// articles sharing the band hash, in id order as SQLite's primary key
// gives them. $1 are the band hashes, $2 the article's own id.
var findSketchSQL = `SELECT t.band - 1, s.article_id
FROM unnest($1::bigint[]) WITH ORDINALITY AS t(hash, band)
CROSS JOIN LATERAL (SELECT article_id FROM article_sketches
	WHERE band = t.band - 1 AND hash = t.hash AND article_id <> $2
	ORDER BY article_id LIMIT ` + strconv.Itoa(store.CandidatesPerBand) + `) s`

// near returns the stored story the article is a near-duplicate of, with
// its containment, as store's dedupe does, from the sketch's hits.
func (w *writer) near(ctx context.Context, k *store.Keys, hits []hit) (string, float64, error) {
	if !k.Sketched {
		return "", 0, nil
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.band, b.band), strings.Compare(a.id, b.id))
	})
	var candidates []string
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.id] && len(candidates) < store.MaxCandidates {
			seen[h.id] = true
			candidates = append(candidates, h.id)
		}
	}
	if len(candidates) == 0 {
		return "", 0, nil
	}
	texts := map[string]string{}
	err := w.run(ctx, func(b *pgx.Batch) {
		b.Queue(`SELECT id, text FROM articles WHERE id = ANY($1)`, candidates).Query(func(rows pgx.Rows) error {
			var id, text string
			_, err := pgx.ForEachRow(rows, []any{&id, &text}, func() error { texts[id] = text; return nil })
			return err
		})
	})
	if err != nil {
		return "", 0, fmt.Errorf("read candidates: %w", err)
	}
	best, bestScore := "", 0.0
	for _, c := range candidates {
		if s := store.Containment(k.Shingles, store.ShingleSet(texts[c])); s >= store.NearContainment && s > bestScore {
			best, bestScore = c, s
		}
	}
	return best, bestScore, nil
}

const occurrenceSQL = `INSERT INTO occurrences (article_id, copy_id, url, outlet, title, published, source, match, similarity, seen_at)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
	ON CONFLICT (article_id, copy_id) DO UPDATE SET
		url = excluded.url, outlet = excluded.outlet, title = excluded.title,
		published = excluded.published, source = excluded.source`

// occur records that the copy a (arriving as copyID) is an occurrence of
// the stored story storyID.
func (w *writer) occur(storyID, copyID string, a *whosaid.Article, match string, similarity float64) {
	w.later(occurrenceSQL, storyID, copyID, null(a.URL), null(a.Outlet), null(a.Title),
		null(a.Published), null(a.Source), match, similarity, w.now)
}

const insertArticleSQL = `INSERT INTO articles (id, url, title, byline, published, outlet, section,
	dateline_place, dateline_agency, dateline_date, dateline_end,
	text, source, content_hash, findings_hash, ingested_at)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`

const insertSketchSQL = `INSERT INTO article_sketches (band, hash, article_id)
	SELECT t.band - 1, t.hash, $2 FROM unnest($1::bigint[]) WITH ORDINALITY AS t(hash, band)
	ON CONFLICT DO NOTHING`

// insert writes the article row, its sketch and its first occurrence at
// once (later articles of the batch must find them), and queues the rows
// of its findings for COPY.
func (w *writer) insert(ctx context.Context, f *whosaid.Findings, k *store.Keys) error {
	a := &f.Article
	id := k.ID
	var place, agency, date, end any
	if d := a.Dateline; d != nil {
		place, agency, date, end = null(d.Place), null(d.Agency), null(d.Date), int64(d.End)
	}
	w.later(insertArticleSQL, id, null(a.URL), null(a.Title), null(a.Byline),
		null(a.Published), null(a.Outlet), null(a.Section), place, agency, date, end,
		a.Text, null(a.Source), k.ContentHash, k.FindingsHash, w.now)
	if k.Sketched {
		w.later(insertSketchSQL, k.Bands[:], id)
	}
	w.occur(id, id, a, store.MatchFirst, 1)

	w.link.StartArticle()
	eids, err := w.nextEntityIDs(ctx, len(f.Entities))
	if err != nil {
		return err
	}
	for i, e := range f.Entities {
		titles := "[]"
		if len(e.Titles) > 0 {
			js, err := json.Marshal(e.Titles)
			if err != nil {
				return fmt.Errorf("entity %d titles: %w", i, err)
			}
			titles = string(js)
		}
		w.add("entities", eids[i], id, e.Type, e.Name, null(e.Code), titles)
		for _, m := range e.Mentions {
			w.add("mentions", eids[i], int32(m.Start), int32(m.End), m.Text)
		}
	}
	for _, d := range f.Dates {
		w.add("dates", id, int32(d.Start), int32(d.End), d.Text, d.Value)
	}
	for _, m := range f.Amounts {
		w.add("amounts", id, int32(m.Start), int32(m.End), m.Text, m.Kind, m.Value, m.Unit,
			null(m.Of), m.Target, null(m.Deadline), null(m.Holder))
	}
	if err := w.prefetchSpeakers(ctx, f); err != nil {
		return err
	}
	for i, q := range f.Quotes {
		sid, err := w.speaker(ctx, q.Speaker, f.Entities)
		if err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
		ms, me, mt := mention(q.Speaker.Mention)
		w.add("quotes", id, int32(q.Start), int32(q.End), q.Text, q.Kind, null(q.Cue),
			sid, ms, me, mt, null(q.Sentence), tsvector(q.Text))
	}
	for i, c := range f.Claims {
		sid, err := w.speaker(ctx, c.Speaker, f.Entities)
		if err != nil {
			return fmt.Errorf("claim %d: %w", i, err)
		}
		ms, me, mt := mention(c.Speaker.Mention)
		w.add("claims", id, int32(c.Start), int32(c.End), c.Text, null(c.Cue),
			sid, ms, me, mt, null(c.Sentence), tsvector(c.Text))
	}
	return nil
}

// add queues one row of table for COPY.
func (w *writer) add(table string, row ...any) { w.rows[table] = append(w.rows[table], row) }

// flush writes the queued rows with one COPY per table, after the
// pending writes (their articles and speakers).
func (w *writer) flush(ctx context.Context) error {
	if err := w.sync(ctx); err != nil {
		return err
	}
	for _, c := range copied {
		rows := w.rows[c.table]
		if len(rows) == 0 {
			continue
		}
		if _, err := w.tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("insert %s: %w", c.table, err)
		}
		w.rows[c.table] = rows[:0]
	}
	return nil
}

// entityIDBlock is how many entity ids the writer takes from the sequence
// at a time: one round trip for the entities of many articles.
const entityIDBlock = 1024

// nextEntityIDs returns n new entity ids.
func (w *writer) nextEntityIDs(ctx context.Context, n int) ([]int64, error) {
	for len(w.entityIDs) < n {
		err := w.run(ctx, func(b *pgx.Batch) {
			b.Queue(`SELECT nextval('entities_id_seq') FROM generate_series(1, $1)`, max(entityIDBlock, n)).Query(func(rows pgx.Rows) error {
				ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
				w.entityIDs = append(w.entityIDs, ids...)
				return err
			})
		})
		if err != nil {
			return nil, fmt.Errorf("entity ids: %w", err)
		}
	}
	out := w.entityIDs[:n:n]
	w.entityIDs = w.entityIDs[n:]
	return out, nil
}

// null stores an empty optional string as NULL.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// mention spreads an optional speaker mention into three nullable columns.
func mention(m *whosaid.Mention) (start, end, text any) {
	if m == nil {
		return nil, nil, nil
	}
	return int32(m.Start), int32(m.End), m.Text
}
