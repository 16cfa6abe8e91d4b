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
// belong to the transaction of the writer that owns it.
type bulk struct {
	tx    *sql.Tx
	name  string // for errors: "insert mentions"
	head  string // INSERT INTO t (a, b) VALUES
	row   string // (?, ?)
	cols  int
	stmts [6]*sql.Stmt // by log2 of the row count: 1, 2, 4 … bulkRows
}

// newBulk returns a bulk for insert (the INSERT up to VALUES) with cols
// parameters per row.
func newBulk(tx *sql.Tx, name, insert string, cols int) *bulk {
	return &bulk{tx: tx, name: name, head: insert + " VALUES ",
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
	st, err := b.tx.PrepareContext(ctx, q.String())
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
