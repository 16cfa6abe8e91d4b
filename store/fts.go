package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// ftsQueue indexes the quotes and claims a Put adds in quotes_fts and
// claims_fts, a batch at a time (see migration 0006 for why not a trigger
// per row): one INSERT … SELECT per table makes one FTS5 segment per batch.
//
// Rows are queued when their article's savepoint is released, so a rolled
// back article leaves nothing behind. Before a stored article is replaced
// the queue is flushed, since the delete trigger takes a row's text out of
// the index and must find it there; when that article is then rolled back,
// the rows indexed inside its savepoint were un-indexed with it and are
// queued again.
type ftsQueue struct {
	quotes, claims *sql.Stmt
	// pending rows of released articles, not yet indexed
	pendingQuotes, pendingClaims []ftsRow
	// rows added by the article being written
	curQuotes, curClaims []ftsRow
	// rows indexed inside the savepoint of the article being written
	doneQuotes, doneClaims []ftsRow
}

// ftsRow is a quote or claim to index: its id and its text, which the
// table may hold empty (a span of the article, migration 0020).
type ftsRow struct {
	id   int64
	text string
}

func newFTSQueue(ctx context.Context, conn *sql.Conn) (*ftsQueue, []*sql.Stmt, error) {
	q := &ftsQueue{}
	var stmts []*sql.Stmt
	for _, s := range []struct {
		dst   **sql.Stmt
		table string
	}{{&q.quotes, "quotes"}, {&q.claims, "claims"}} {
		st, err := conn.PrepareContext(ctx, fmt.Sprintf(`INSERT INTO %s_fts (rowid, text)
			SELECT value ->> 0, value ->> 1 FROM json_each(?)`, s.table))
		if err != nil {
			for _, st := range stmts {
				st.Close()
			}
			return nil, nil, fmt.Errorf("prepare index %s: %w", s.table, err)
		}
		*s.dst = st
		stmts = append(stmts, st)
	}
	return q, stmts, nil
}

// release is called when the current article's savepoint is released: its
// rows join the queue.
func (q *ftsQueue) release() {
	q.pendingQuotes = append(q.pendingQuotes, q.curQuotes...)
	q.pendingClaims = append(q.pendingClaims, q.curClaims...)
	q.curQuotes, q.curClaims = q.curQuotes[:0], q.curClaims[:0]
	q.doneQuotes, q.doneClaims = q.doneQuotes[:0], q.doneClaims[:0]
}

// rollback is called when the current article's savepoint is rolled back:
// its rows are gone, and rows indexed inside it are unindexed again.
func (q *ftsQueue) rollback() {
	q.pendingQuotes = append(q.pendingQuotes, q.doneQuotes...)
	q.pendingClaims = append(q.pendingClaims, q.doneClaims...)
	q.curQuotes, q.curClaims = q.curQuotes[:0], q.curClaims[:0]
	q.doneQuotes, q.doneClaims = q.doneQuotes[:0], q.doneClaims[:0]
}

// flush indexes every queued row.
func (q *ftsQueue) flush(ctx context.Context) error {
	if err := index(ctx, q.quotes, "quotes", q.pendingQuotes); err != nil {
		return err
	}
	if err := index(ctx, q.claims, "claims", q.pendingClaims); err != nil {
		return err
	}
	q.doneQuotes = append(q.doneQuotes, q.pendingQuotes...)
	q.doneClaims = append(q.doneClaims, q.pendingClaims...)
	q.pendingQuotes, q.pendingClaims = q.pendingQuotes[:0], q.pendingClaims[:0]
	return nil
}

// index runs st, an index statement of table, on rows.
func index(ctx context.Context, st *sql.Stmt, table string, rows []ftsRow) error {
	if len(rows) == 0 {
		return nil
	}
	pairs := make([][2]any, len(rows))
	for i, r := range rows {
		pairs[i] = [2]any{r.id, r.text}
	}
	js, err := json.Marshal(pairs)
	if err != nil {
		return fmt.Errorf("index %s: %w", table, err)
	}
	if _, err := st.ExecContext(ctx, string(js)); err != nil {
		return fmt.Errorf("index %s: %w", table, err)
	}
	return nil
}
