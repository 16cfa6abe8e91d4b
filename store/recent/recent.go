// Package recent keeps a SQLite tree keyed by random values (an entity's
// name, a sketch's band hash) as two: a small recent tree that takes the
// new rows, and a large one that the recent tree's rows are moved into, in
// key order, once it has grown to a share of both.
//
// A tree that takes each new row at a random place costs little while the
// page cache holds it; once it outgrows the cache, every batch read and
// rewrote nearly all of its pages, whatever the batch's size, and the cost
// of an article grew with the archive (issue 18: at 100,000 articles the
// entity name index was 75 MB and the sketches 40, against a 64 MiB cache).
// Kept small, the recent tree stays in the cache, and the large tree is
// rewritten once for every Share-th of its size added instead of at every
// commit. Readers read both trees; a row is in one or the other.
package recent

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Share is the part of the rows of both trees the recent tree may hold
// before it is merged: 1/Share.
const Share = 8

// Min is the fewest rows a recent tree is merged at.
const Min = 1 << 16

// chunk is how many rows a merge moves at a time: each chunk's pages,
// freed from the recent tree, take the next chunk's rows in the large one,
// so a merge leaves a chunk's pages free in the file, not the whole
// recent tree's (at 100,000 articles, 9.5 MB: 0.03 of the file).
const chunk = 1 << 14

// Tree is a large tree, its recent companion and their key, names that
// are constants of the code, never input.
type Tree struct {
	Large, Recent string
	// Key lists the columns of both trees, which are all of the key,
	// three, in its order.
	Key string
	// Rows is a query of about how many rows the two hold together,
	// cheaper than counting the large one.
	Rows string
}

// Merge moves the rows of each recent tree that holds at least
// max(min, rows/Share) into its large one, in the transaction open on
// conn. The rows are read in key order, so they go into the large tree
// from its first page to its last. OR IGNORE: an INSERT that may abort
// keeps the original of every page it changes in memory, and a row in both
// trees would be the same row.
func Merge(ctx context.Context, conn *sql.Conn, trees []Tree, min int64) error {
	for _, t := range trees {
		var n, rows int64
		if err := conn.QueryRowContext(ctx, fmt.Sprintf("SELECT (SELECT count(*) FROM %s), (%s)", t.Recent, t.Rows)).
			Scan(&n, &rows); err != nil {
			return fmt.Errorf("count %s: %w", t.Recent, err)
		}
		if n < max(min, rows/Share) {
			continue
		}
		if err := move(ctx, conn, t); err != nil {
			return fmt.Errorf("merge %s: %w", t.Recent, err)
		}
	}
	return nil
}

// move moves every row of t's recent tree into the large one, chunk rows
// at a time: the rows up to the chunk's last key, then the rest.
func move(ctx context.Context, conn *sql.Conn, t Tree) error {
	last := fmt.Sprintf("SELECT %[1]s FROM %[2]s ORDER BY %[1]s LIMIT 1 OFFSET %[3]d", t.Key, t.Recent, chunk-1)
	upTo := fmt.Sprintf("INSERT OR IGNORE INTO %[1]s (%[3]s) SELECT %[3]s FROM %[2]s WHERE (%[3]s) <= (?, ?, ?) ORDER BY %[3]s;"+
		" DELETE FROM %[2]s WHERE (%[3]s) <= (?, ?, ?)", t.Large, t.Recent, t.Key)
	for {
		var k [3]any
		err := conn.QueryRowContext(ctx, last).Scan(&k[0], &k[1], &k[2])
		if errors.Is(err, sql.ErrNoRows) {
			break
		}
		if err != nil {
			return err
		}
		res, err := conn.ExecContext(ctx, upTo, k[0], k[1], k[2], k[0], k[1], k[2])
		if err != nil {
			return err
		}
		if gone, err := res.RowsAffected(); err != nil || gone == 0 {
			break // the rest goes below
		}
	}
	_, err := conn.ExecContext(ctx, fmt.Sprintf("INSERT OR IGNORE INTO %[1]s (%[3]s) SELECT %[3]s FROM %[2]s ORDER BY %[3]s; DELETE FROM %[2]s",
		t.Large, t.Recent, t.Key))
	return err
}
