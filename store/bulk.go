package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// bulkRows is the most rows one multi-row INSERT of a bulk carries.
// Storing an article costs a cgo call and a statement step per row; one
// statement for many rows pays that once (and stays far below SQLite's
// limit of 32,766 parameters).
const bulkRows = 32

// bulk inserts rows into one table with multi-row INSERTs, for rows whose
// ids nobody reads back (mentions, dates) or that carry the ids the writer
// gave them (entities, quotes, claims: ids.go). Rows are inserted in the order
// given, so they get the ids one INSERT per row would give them. Its
// statements are prepared on first use, one per power-of-two row count, and
// belong to the writer that owns it.
type bulk struct {
	conn  *sql.Conn
	name  string // for errors: "insert mentions"
	head  string // INSERT OR FAIL INTO t (a, b) VALUES
	row   string // (?, ?)
	cols  int
	stmts [6]*sql.Stmt // by log2 of the row count: 1, 2, 4 … bulkRows
}

// newBulk returns a bulk inserting into (a table and its columns: "t (a,
// b)") with cols parameters per row.
//
// The rows are inserted OR FAIL, not with the default ABORT: a multi-row
// INSERT that may abort after writing some of its rows makes SQLite copy
// every page it changes into a statement journal first, to undo them. FAIL
// leaves the rows written before a refused one, which is safe here because
// a refused article is taken back whole (its savepoint, or the
// transaction, is rolled back: put). It spares the copies for mentions,
// dates and amounts; SQLite still journals the rows of entities, quotes
// and claims, whose ids it must be able to refuse (not an integer) and, for
// entities, whose CHECK calls functions.
func newBulk(conn *sql.Conn, name, into string, cols int) *bulk {
	return &bulk{conn: conn, name: name, head: "INSERT OR FAIL INTO " + into + " VALUES ",
		row: "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")", cols: cols}
}

// exec inserts the rows whose parameters are laid end to end in args
// (cols per row), in as few statements as the power-of-two sizes allow.
func (b *bulk) exec(ctx context.Context, args []any) error {
	for len(args) > 0 {
		n := len(args) / b.cols
		k := 0 // log2 of the largest size that fits n
		for k+1 < len(b.stmts) && 1<<(k+1) <= n {
			k++
		}
		st, err := b.stmt(ctx, k)
		if err != nil {
			return err
		}
		m := (1 << k) * b.cols
		if _, err := st.ExecContext(ctx, args[:m]...); err != nil {
			return fmt.Errorf("%s: %w", b.name, err)
		}
		args = args[m:]
	}
	return nil
}

// stmt returns the statement for 1<<k rows, preparing it when first asked.
func (b *bulk) stmt(ctx context.Context, k int) (*sql.Stmt, error) {
	if st := b.stmts[k]; st != nil {
		return st, nil
	}
	var q strings.Builder
	q.WriteString(b.head)
	for i := range 1 << k {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(b.row)
	}
	st, err := b.conn.PrepareContext(ctx, q.String())
	if err != nil {
		return nil, fmt.Errorf("prepare %s: %w", b.name, err)
	}
	b.stmts[k] = st
	return st, nil
}

// close closes the statements prepared so far.
func (b *bulk) close() {
	for _, st := range b.stmts {
		if st != nil {
			st.Close()
		}
	}
}
