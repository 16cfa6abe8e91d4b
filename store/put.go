package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/link"
)

// Status says what Put did with one article.
type Status string

// The outcomes of Put for one article.
const (
	// Inserted: the article was new and is now stored.
	Inserted Status = "inserted"
	// Replaced: an article with this id was stored with other text or other
	// findings; its old rows were replaced by the new ones.
	Replaced Status = "replaced"
	// Unchanged: this id is already stored with the same text and findings;
	// nothing was written.
	Unchanged Status = "unchanged"
	// Duplicate: the same text, the same URL, or a near-duplicate text (see
	// dedupe.go) is already stored under another id (Result.DuplicateOf);
	// the article was recorded as an occurrence of that story and nothing
	// else of it was written.
	Duplicate Status = "duplicate"
	// Failed: the article was refused or could not be written (Result.Err);
	// nothing of it was written.
	Failed Status = "failed"
)

// Result reports what Put did with one of its findings. Results are in the
// order of Put's arguments.
type Result struct {
	// ID is the article id as stored: Article.ID, or when that is empty the
	// first 16 hex digits of the SHA-256 of the text.
	ID string
	// Source is Article.Source, for messages.
	Source string
	Status Status
	// Added is true when the article's rows were written (Inserted or
	// Replaced).
	Added bool
	// DuplicateOf is the id of the story this is a copy of, for Duplicate.
	DuplicateOf string
	// Err says why the article failed, for Failed; it wraps ErrInvalid for
	// findings the store refuses, or the SQLite constraint error.
	Err error
}

// Put stores a batch of findings in one transaction. Each article is stored
// or refused whole: an article whose data is refused (bad offsets, a
// violated constraint) is rolled back on its own, reported in its Result with
// Status Failed, and the rest of the batch commits. An article never lands
// half-written.
//
// An id already stored with the same content hash and findings is left alone
// (Unchanged); an id stored with other text or findings has all its rows
// replaced (Replaced); a copy of a story stored under another id (the same
// text, the same URL, or a near-duplicate text: a wire story republished
// with another headline or a trimmed ending) is not stored again but listed
// in occurrences as a copy of it (Duplicate). Every stored story is its own
// first occurrence.
//
// The returned error is for failures of the batch as a whole (I/O, a full
// disk, a cancelled context, ErrReadOnly): then nothing of the batch is
// committed and the results are nil.
// Articles are written as a Batch (batch.go) is.
func (db *DB) Put(ctx context.Context, fs ...whosaid.Findings) ([]Result, error) {
	if db.w == nil {
		return nil, errReadOnlyPut
	}
	if len(fs) == 0 {
		return nil, nil
	}
	ps := make([]Prepared, len(fs))
	for i, f := range fs {
		ps[i] = Prepare(f)
	}
	return db.putBatch(ctx, ps)
}

// errReadOnlyPut is what Put and PutPrepared return on a read-only DB.
var errReadOnlyPut = fmt.Errorf("put: %w", ErrReadOnly)

// putBatch writes prepared findings in one Batch.
func (db *DB) putBatch(ctx context.Context, ps []Prepared) ([]Result, error) {
	b, err := db.Begin(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if err := b.Add(ctx, p); err != nil {
			return nil, err
		}
	}
	return b.Commit(ctx)
}

// errArticleFault dooms a batch written without savepoints when one
// article's data is refused, so that the Batch writes it again with them.
var errArticleFault = errors.New("article refused in a batch without savepoints")

// deleteOrphanSpeakers removes speakers nothing refers to any more, after a
// replaced article took their last quote or claim with it. Aliases are
// recorded from what articles say, so they go with their speaker.
const deleteOrphanSpeakers = `DELETE FROM speaker_aliases
WHERE NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = speaker_aliases.speaker_id)
  AND NOT EXISTS (SELECT 1 FROM claims WHERE speaker_id = speaker_aliases.speaker_id);
DELETE FROM speakers
WHERE NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = speakers.id)
  AND NOT EXISTS (SELECT 1 FROM claims WHERE speaker_id = speakers.id)`

// deleteArticleSQL deletes an article and its rows but its sketch (unindex
// does that), children first: the writer does not enforce the foreign keys
// (see writerDSN), so it does what their cascade would.
var deleteArticleSQL = []string{
	`DELETE FROM entity_names WHERE (name, titles, id) IN (SELECT name, titles, id FROM entities WHERE id BETWEEN ` + rangeOf("entities") + `)`,
	`DELETE FROM entity_names_recent WHERE (name, titles, id) IN (SELECT name, titles, id FROM entities WHERE id BETWEEN ` + rangeOf("entities") + `)`,
	`DELETE FROM mentions WHERE entity_id BETWEEN ` + rangeOf("entities"),
	`DELETE FROM entities WHERE id BETWEEN ` + rangeOf("entities"),
	`DELETE FROM dates WHERE id BETWEEN ` + rangeOf("dates"),
	`DELETE FROM amounts WHERE article_id = ?1`,
	`DELETE FROM quotes WHERE id BETWEEN ` + rangeOf("quotes"),
	`DELETE FROM claims WHERE id BETWEEN ` + rangeOf("claims"),
	`DELETE FROM articles WHERE id = ?1`,
}

// rangeOf is the id range of article ?1's rows in table, for BETWEEN.
func rangeOf(table string) string {
	return fmt.Sprintf(`(SELECT %[1]s_first FROM articles WHERE id = ?1) AND (SELECT %[1]s_last FROM articles WHERE id = ?1)`, table)
}

// findArticleSQL looks up, in one statement, the hashes stored under an
// article's id (?1), NULL when there is none, and the id of another
// article with the same text (content hash ?2), NULL when there is none.
// Scalar subqueries, not a LEFT JOIN: SQLite prepared the join again at
// every execution, as it did byAlias (aliases.go).
const findArticleSQL = `SELECT (SELECT content_hash FROM articles WHERE id = ?1),
	(SELECT findings_hash FROM articles WHERE id = ?1),
	(SELECT id FROM articles WHERE content_hash IN (?2, ?3) AND id <> ?1)`

// writer holds the statements of one Put transaction, prepared once on
// the writing connection, which holds the transaction (batch.go).
type writer struct {
	conn *sql.Conn
	now  string
	// savepoints: each article is written in a savepoint of its own and
	// rolled back alone if refused; else a refused article dooms the
	// transaction with errArticleFault.
	savepoints bool

	find                    *sql.Stmt   // findArticleSQL
	deleteArticle           []*sql.Stmt // deleteArticleSQL
	article                 *sql.Stmt
	findSpeaker, addSpeaker *sql.Stmt
	stmts                   []*sql.Stmt
	dd                      *dedupe     // dedupe.go
	al                      *aliasStmts // aliases.go
	fts                     *ftsQueue   // fts.go
	// entities, their names (recent.go), mentions, dates, amounts, quotes
	// and claims are written with multi-row INSERTs (bulk.go); args is
	// their reused parameter buffer. The ids of new entities, quotes and claims, which mentions
	// and the FTS index refer to, are given by the writer (ids.go).
	entities, names, mentions, dates, amounts, quotes, claims *bulk
	args                                                      []any
	entityIDs, quoteIDs, claimIDs, dateIDs                    idSeq
	articleSeqs, mentionIDs                                   idSeq // articles.seq (0015), mentions.id (0016)
	// link links people across articles (store/link), remembering the
	// people of the article being written; reset with look when a
	// savepoint is rolled back.
	link link.Linker
	// look caches the results of the speaker look-ups of this
	// transaction (link.Cache; the look-ups are in lookups.go).
	look link.Cache
	// minRecent is the fewest rows a recent tree is merged at (store/recent).
	minRecent int64
}

func newWriter(ctx context.Context, conn *sql.Conn, now string) (*writer, error) {
	w := &writer{conn: conn, now: now}
	for _, s := range []struct {
		dst  **sql.Stmt
		name string
		sql  string
	}{
		{&w.find, "find article", findArticleSQL},
		{&w.article, "insert article", `INSERT INTO articles (id, url, title, byline, published, outlet, section,
			dateline_place, dateline_agency, dateline_date, dateline_end,
			text, body, size, source, content_hash, findings_hash, ingested_at,
			entities_first, entities_last, dates_first, dates_last,
			quotes_first, quotes_last, claims_first, claims_last, seq)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.findSpeaker, "find speaker", `SELECT id FROM speakers WHERE kind = ? AND name = ?`},
		{&w.addSpeaker, "insert speaker", `INSERT INTO speakers (kind, name) VALUES (?, ?)`},
	} {
		st, err := conn.PrepareContext(ctx, s.sql)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare %s: %w", s.name, err)
		}
		*s.dst = st
		w.stmts = append(w.stmts, st)
	}
	for _, q := range deleteArticleSQL {
		st, err := conn.PrepareContext(ctx, q)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare delete article: %w", err)
		}
		w.deleteArticle = append(w.deleteArticle, st)
		w.stmts = append(w.stmts, st)
	}
	dd, stmts, err := newDedupe(ctx, conn)
	if err != nil {
		w.close()
		return nil, err
	}
	w.dd, w.stmts = dd, append(w.stmts, stmts...)
	al, stmts, err := newAliasStmts(ctx, conn)
	if err != nil {
		w.close()
		return nil, err
	}
	w.al, w.stmts = al, append(w.stmts, stmts...)
	fts, stmts, err := newFTSQueue(ctx, conn)
	if err != nil {
		w.close()
		return nil, err
	}
	w.fts, w.stmts = fts, append(w.stmts, stmts...)
	w.entities = newBulk(conn, "insert entities", `entities (id, article, type, name, code, titles)`, 6)
	w.names = newBulk(conn, "insert entity names", `entity_names_recent (name, titles, id)`, 3)
	w.mentions = newBulk(conn, "insert mentions", `mentions (id, entity_id, start, "end", text)`, 5)
	w.dates = newBulk(conn, "insert dates", `dates (id, article, start, "end", text, value)`, 6)
	w.amounts = newBulk(conn, "insert amounts", `amounts (article_id, start, "end", text, kind, value, unit, "of", target, deadline, holder)`, 11)
	w.quotes = newBulk(conn, "insert quotes", `quotes (id, article_id, start, "end", text, kind, cue,
		speaker_id, speaker_start, speaker_end, speaker_text, sentence, sentence_start, sentence_end)`, 14)
	w.claims = newBulk(conn, "insert claims", `claims (id, article_id, start, "end", text, cue,
		speaker_id, speaker_start, speaker_end, speaker_text, sentence, sentence_start, sentence_end)`, 13)
	w.entityIDs = idSeq{conn: conn, table: "entities"}
	w.quoteIDs = idSeq{conn: conn, table: "quotes"}
	w.claimIDs = idSeq{conn: conn, table: "claims"}
	w.dateIDs = idSeq{conn: conn, table: "dates"}
	w.articleSeqs = idSeq{conn: conn, table: "articles", max: `SELECT coalesce(max(seq), 0) FROM articles`}
	// mentions is keyed by (entity_id, id), both growing: the last row's id is the greatest.
	w.mentionIDs = idSeq{conn: conn, table: "mentions", max: `SELECT coalesce((SELECT id FROM mentions ORDER BY entity_id DESC, id DESC LIMIT 1), 0)`}
	return w, nil
}

// close closes the statements of the writer, which must go before its
// transaction ends.
func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
	for _, b := range []*bulk{w.entities, w.names, w.mentions, w.dates, w.amounts, w.quotes, w.claims} {
		if b != nil {
			b.close()
		}
	}
}

// put stores one article, inside a savepoint when w.savepoints is set. A
// fault of the article's own data is reported in the Result (without
// savepoints, one found by SQLite is returned as errArticleFault); any other
// error is returned and dooms the batch.
func (w *writer) put(ctx context.Context, p *Prepared) (Result, error) {
	f := &p.Findings
	res := Result{ID: f.Article.ID, Source: f.Article.Source}
	fail := func(err error) (Result, error) {
		res.Status = Failed
		res.Err = fmt.Errorf("article %s: %w", res.ID, err)
		return res, nil
	}
	if res.ID == "" {
		res.ID = defaultID(p.hash)
	}
	if err := validate(f); err != nil {
		return fail(err)
	}
	if p.ferr != nil {
		return fail(p.ferr)
	}

	if !w.savepoints {
		status, dupOf, err := w.write(ctx, p, res.ID)
		if err != nil {
			if articleFault(err) {
				return res, fmt.Errorf("%w: %w", errArticleFault, err)
			}
			return res, err
		}
		w.fts.release()
		res.Status, res.DuplicateOf = status, dupOf
		res.Added = status == Inserted || status == Replaced
		return res, nil
	}
	if _, err := w.conn.ExecContext(ctx, "SAVEPOINT article"); err != nil {
		return res, fmt.Errorf("savepoint: %w", err)
	}
	status, dupOf, err := w.write(ctx, p, res.ID)
	if err != nil {
		if !articleFault(err) {
			return res, err
		}
		if _, rerr := w.conn.ExecContext(ctx, "ROLLBACK TO article; RELEASE article"); rerr != nil {
			return res, fmt.Errorf("roll back after %v: %w", err, rerr)
		}
		w.fts.rollback()
		w.look.Reset()
		w.link.Reset()
		w.resetIDs()
		return fail(err)
	}
	if _, err := w.conn.ExecContext(ctx, "RELEASE article"); err != nil {
		return res, fmt.Errorf("release savepoint: %w", err)
	}
	w.fts.release()
	res.Status, res.DuplicateOf = status, dupOf
	res.Added = status == Inserted || status == Replaced
	return res, nil
}

// write decides what to do with the prepared article p, stored as id, and
// does it.
func (w *writer) write(ctx context.Context, p *Prepared, id string) (Status, string, error) {
	f, sk, hash, fhash := &p.Findings, p.sk, p.hash, p.fhash
	var oldHash, oldFindings, same sql.NullString
	if err := w.find.QueryRowContext(ctx, id, hashValue(hash), hash).Scan(&oldHash, &oldFindings, &same); err != nil {
		return "", "", fmt.Errorf("find article: %w", err)
	}
	exists := oldHash.Valid
	if exists && sameHash(oldHash.String, hash) && sameHash(oldFindings.String, fhash) {
		return Unchanged, "", nil
	}
	if same.Valid {
		return Duplicate, same.String, w.dd.occur(ctx, same.String, id, &f.Article, matchContent, 1, w.now)
	}
	if !exists {
		if other, match, sim, err := w.copyOf(ctx, f, id, sk); err != nil || other != "" {
			if err == nil {
				err = w.dd.occur(ctx, other, id, &f.Article, match, sim, w.now)
			}
			return Duplicate, other, err
		}
	}
	status := Inserted
	if exists {
		// The FTS delete triggers take the old quotes' and claims' text
		// out of the index, where it must be (fts.go).
		if err := w.fts.flush(ctx); err != nil {
			return "", "", err
		}
		if err := w.dd.unindex(ctx, id); err != nil {
			return "", "", err
		}
		for _, st := range w.deleteArticle {
			if _, err := st.ExecContext(ctx, id); err != nil {
				return "", "", fmt.Errorf("delete old article: %w", err)
			}
		}
		w.resetIDs() // the deleted rows may have held the highest ids
		status = Replaced
	}
	seq, err := w.articleSeqs.next(ctx)
	if err != nil {
		return "", "", err
	}
	if err := w.insert(ctx, p, id, seq); err != nil {
		return "", "", err
	}
	if err := w.dd.index(ctx, sk, seq); err != nil {
		return "", "", err
	}
	if err := w.dd.occur(ctx, id, id, &f.Article, matchFirst, 1, w.now); err != nil {
		return "", "", err
	}
	return status, "", nil
}

func (w *writer) insert(ctx context.Context, p *Prepared, id string, seq int64) error {
	f, hash, fhash := &p.Findings, p.hash, p.fhash
	a := &f.Article
	var place, agency, date, end any
	if d := a.Dateline; d != nil {
		place, agency, date, end = null(d.Place), null(d.Agency), null(d.Date), int64(d.End)
	}
	w.link.StartArticle()
	// The article row, last, records each table's first and last id (0013).
	var ranges [4]idRange
	// Offsets go in as int64, which database/sql hands the driver as it
	// is; an int it converts by reflection into a new int64 first.
	eids, args, err := w.insertEntities(ctx, f.Entities, seq, &ranges[0])
	if err != nil {
		return err
	}
	for i, e := range f.Entities {
		for _, m := range e.Mentions {
			mid, err := w.mentionIDs.next(ctx)
			if err != nil {
				return err
			}
			args = append(args, mid, eids[i], int64(m.Start), int64(m.End), spanText(a.Text, m))
		}
	}
	if err := w.mentions.exec(ctx, args); err != nil {
		return err
	}
	args = args[:0]
	for _, d := range f.Dates {
		did, err := w.dateIDs.next(ctx)
		if err != nil {
			return err
		}
		ranges[1].add(did)
		args = append(args, did, seq, int64(d.Start), int64(d.End), spanText(a.Text, asMention(d.Text, d.Start, d.End)), d.Value)
	}
	if err := w.dates.exec(ctx, args); err != nil {
		return err
	}
	args = args[:0]
	for _, m := range f.Amounts {
		args = append(args, id, int64(m.Start), int64(m.End), m.Text, m.Kind, m.Value, m.Unit,
			null(m.Of), m.Target, null(m.Deadline), null(m.Holder))
	}
	if err := w.amounts.exec(ctx, args); err != nil {
		return err
	}
	args = args[:0]
	for i, q := range f.Quotes {
		sid, err := w.speaker(ctx, q.Speaker, f.Entities)
		if err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
		qid, err := w.quoteIDs.next(ctx)
		if err != nil {
			return err
		}
		ranges[2].add(qid)
		ms, me, mt := mention(a.Text, q.Speaker.Mention)
		st, ss, se := sentenceSpan(a.Text, q.Sentence)
		args = append(args, qid, id, int64(q.Start), int64(q.End), spanText(a.Text, asMention(q.Text, q.Start, q.End)),
			q.Kind, null(q.Cue), sid, ms, me, mt, st, ss, se)
		w.fts.curQuotes = append(w.fts.curQuotes, ftsRow{qid, q.Text})
	}
	if err := w.quotes.exec(ctx, args); err != nil {
		return err
	}
	args = args[:0]
	for i, c := range f.Claims {
		sid, err := w.speaker(ctx, c.Speaker, f.Entities)
		if err != nil {
			return fmt.Errorf("claim %d: %w", i, err)
		}
		cid, err := w.claimIDs.next(ctx)
		if err != nil {
			return err
		}
		ranges[3].add(cid)
		ms, me, mt := mention(a.Text, c.Speaker.Mention)
		st, ss, se := sentenceSpan(a.Text, c.Sentence)
		args = append(args, cid, id, int64(c.Start), int64(c.End), spanText(a.Text, asMention(c.Text, c.Start, c.End)),
			null(c.Cue), sid, ms, me, mt, st, ss, se)
		w.fts.curClaims = append(w.fts.curClaims, ftsRow{cid, c.Text})
	}
	if err := w.claims.exec(ctx, args); err != nil {
		return err
	}
	w.args = args[:0]
	if _, err := w.article.ExecContext(ctx, id, null(a.URL), null(a.Title), null(a.Byline),
		null(a.Published), null(a.Outlet), null(a.Section), place, agency, date, end,
		"", p.body, int64(len(a.Text)), null(a.Source), hashValue(hash), hashValue(fhash), w.now,
		ranges[0].first, ranges[0].last, ranges[1].first, ranges[1].last,
		ranges[2].first, ranges[2].last, ranges[3].first, ranges[3].last, seq); err != nil {
		return fmt.Errorf("insert article: %w", err)
	}
	return nil
}

// insertEntities writes the entity rows of article seq and their names
// (recent.go), extending r by their ids, and returns the ids and the
// emptied parameter buffer.
func (w *writer) insertEntities(ctx context.Context, es []whosaid.Entity, seq int64, r *idRange) ([]int64, []any, error) {
	args := w.args[:0]
	eids := make([]int64, len(es))
	titles := make([]string, len(es))
	for i, e := range es {
		titles[i] = "[]"
		if len(e.Titles) > 0 {
			b, err := json.Marshal(e.Titles)
			if err != nil {
				return nil, args, fmt.Errorf("entity %d titles: %w", i, err)
			}
			titles[i] = string(b)
		}
		eid, err := w.entityIDs.next(ctx)
		if err != nil {
			return nil, args, err
		}
		eids[i] = eid
		r.add(eid)
		args = append(args, eid, seq, e.Type, e.Name, null(e.Code), titles[i])
	}
	if err := w.entities.exec(ctx, args); err != nil {
		return nil, args, err
	}
	args = args[:0]
	for i, e := range es {
		args = append(args, e.Name, titles[i], eids[i])
	}
	if err := w.names.exec(ctx, args); err != nil {
		return nil, args, err
	}
	return eids, args[:0], nil
}

// idRange is the first and last id of an article's rows in one table,
// both NULL (nil) when it has none; add extends it by the next id.
type idRange struct{ first, last any }

func (r *idRange) add(id int64) {
	if r.first == nil {
		r.first = id
	}
	r.last = id
}

// resetIDs makes the id sequences read their tables' maximum ids again,
// after rows may have gone.
func (w *writer) resetIDs() {
	w.entityIDs.reset()
	w.quoteIDs.reset()
	w.claimIDs.reset()
	w.dateIDs.reset()
	w.articleSeqs.reset()
	w.mentionIDs.reset()
}

// speaker returns the id of the (kind, name) speaker row, adding it when
// new. Names compare case-insensitively (ASCII), so "senior official" and
// "Senior official" are one speaker, spelt as first seen. An empty kind is
// stored as "unknown". A person is linked across articles by name, alias
// or surname (store/link), with the titles of its entity among es.
func (w *writer) speaker(ctx context.Context, s whosaid.Speaker, es []whosaid.Entity) (int64, error) {
	kind := s.Kind
	if kind == "" {
		kind = whosaid.KindUnknown
	}
	if kind == whosaid.KindPerson && s.Name != "" {
		return w.link.ArticlePerson(ctx, w, s, es)
	}
	id, found, err := w.SpeakerID(ctx, kind, s.Name)
	if err != nil || found {
		return id, err
	}
	r, err := w.addSpeaker.ExecContext(ctx, kind, s.Name)
	if err != nil {
		return 0, fmt.Errorf("insert speaker: %w", err)
	}
	if id, err = r.LastInsertId(); err != nil {
		return 0, fmt.Errorf("insert speaker: %w", err)
	}
	w.look.Added(id, kind, s.Name)
	return id, nil
}

// null stores an empty optional string as NULL, so SQL users can tell
// "unknown" with IS NULL and pandas sees NaN/None rather than "".
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// hashValue is a hex hash (contentHash, findingsHash) as stored: its
// bytes, half the size of the hex digits in the row and in the unique
// index of content_hash (issue 18). Rows stored before keep the hex text,
// so look-ups ask for both forms (findArticleSQL, sameHash).
func hashValue(h string) []byte {
	b, err := hex.DecodeString(h)
	if err != nil { // not hex: stored as it is
		return []byte(h)
	}
	return b
}

// sameHash reports whether a stored hash, in either form, is hex hash h.
func sameHash(stored, h string) bool { return stored == h || stored == string(hashValue(h)) }

// sentenceSpan gives sentence, sentence_start, sentence_end: the span of
// sentence in text (the same words anywhere), else the sentence itself.
func sentenceSpan(text, sentence string) (s, ss, se any) {
	if sentence == "" {
		return nil, nil, nil
	}
	if i := strings.Index(text, sentence); i >= 0 {
		return nil, int64(i), int64(i + len(sentence))
	}
	return sentence, nil, nil
}

// mention spreads an optional speaker mention into three nullable columns,
// its text as spanText stores it.
func mention(text string, m *whosaid.Mention) (start, end, txt any) {
	if m == nil {
		return nil, nil, nil
	}
	return int64(m.Start), int64(m.End), spanText(text, *m)
}

// spanText is the text stored for mention m of the article text: empty when
// it is the text of its span, as the extractor's always are, so the
// article's text is not stored a second time. Quotes and claims are stored
// so too (migration 0020, asMention). The spans are inside the text
// (validate). Mentions stored before keep their text, which reads the same:
// rewriting every mention of a large archive in one migration held the
// original of each page it changed in memory (400 MB at 100,000 articles).
func spanText(text string, m whosaid.Mention) string {
	if m.End > m.Start && text[m.Start:m.End] == m.Text {
		return ""
	}
	return m.Text
}

// asMention is a quote's, claim's or date's text and span as the Mention
// that spanText and fromSpan take.
func asMention(text string, start, end int) whosaid.Mention {
	return whosaid.Mention{Text: text, Start: start, End: end}
}

// fromSpan is what spanText took away: the mention's text, given the
// stored one (stored) and the span [start, end) of the article text.
func fromSpan(text, stored string, start, end int64) (string, error) {
	if stored != "" || end <= start {
		return stored, nil
	}
	if start < 0 || end > int64(len(text)) {
		return "", fmt.Errorf("mention span [%d, %d) outside the text", start, end)
	}
	return text[start:end], nil
}
