// Package recent keeps a SQLite tree keyed by random values (an entity's
// name, a sketch's band hash) as two: a small recent tree that takes the
// new rows, and a large one that the recent tree's rows are moved into, in
// key order, a slice of the key space at a time.
//
// A tree that takes each new row at a random place costs little while the
// page cache holds it; once it outgrows the cache, every batch read and
// rewrote nearly all of its pages, whatever the batch's size, and the cost
// of an article grew with the archive (issue 18: at 100,000 articles the
// entity name index was 75 MB and the sketches 40, against a 64 MiB cache).
// Kept small, the recent tree stays in the cache. Readers read both trees;
// a row is in one or the other.
//
// The recent tree is held at 1/Share of the rows: once it is full, each
// commit moves as many rows as it holds beyond that, the next ones in key
// order after a cursor that goes round the key space (recent_cursors,
// migration 0023), the way a log-structured tree merges one slice of a
// level at a time. A commit then rewrites only the slice of the large
// tree's pages its rows fall in, instead of one commit in every many
// rewriting all of them (the first scheme, 0022, emptied the whole recent
// tree at once: at 100,000 articles that commit read and wrote some 115
// MB, and which blocks of a run such commits fell in moved their speed by
// a tenth). The rows just ahead of the cursor have waited a whole round
// and lie twice as dense as the recent tree's average, so each page of
// the large tree rewritten takes twice the rows it took when the whole
// tree was merged at once: half the pages written for the rows moved.
//
// Within a key's prefix the rows move lowest last column first, so where
// that column grows with time (a sketch's article seq), every row of a
// prefix in the large tree stays below every row of it in the recent one.
package recent

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Share is the part of the rows of both trees the recent tree holds once
// full: 1/Share.
const Share = 8

// Min is the fewest rows a recent tree holds before it is merged.
const Min = 1 << 16

// chunk is the most rows one statement moves: each chunk's pages, freed
// from the recent tree, take the next chunk's rows in the large one, so a
// large move leaves a chunk's pages free in the file, not all it moved.
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

// Merge moves, from each recent tree that holds more than
// max(min, rows/Share) rows, as many rows as it holds beyond that into
// its large one, in the transaction open on conn: the rows that follow
// the tree's cursor in key order, going on from the first key after the
// last. The rows are read in key order, so they go into the large tree
// from the slice's first page to its last. OR IGNORE: an INSERT that may
// abort keeps the original of every page it changes in memory, and a row
// in both trees would be the same row. A min below zero moves every row
// (for tests).
func Merge(ctx context.Context, conn *sql.Conn, trees []Tree, min int64) error {
	for _, t := range trees {
		var n, rows int64
		if err := conn.QueryRowContext(ctx, fmt.Sprintf("SELECT (SELECT count(*) FROM %s), (%s)", t.Recent, t.Rows)).
			Scan(&n, &rows); err != nil {
			return fmt.Errorf("count %s: %w", t.Recent, err)
		}
		keep := max(min, rows/Share)
		if min < 0 {
			keep = 0
		}
		if n <= keep {
			continue
		}
		if err := slide(ctx, conn, t, n-keep); err != nil {
			return fmt.Errorf("merge %s: %w", t.Recent, err)
		}
	}
	return nil
}

// slide moves the m rows of t's recent tree that follow its cursor, at
// most chunk at a time, wrapping round to the first key after the last,
// and leaves the cursor on the last key moved.
func slide(ctx context.Context, conn *sql.Conn, t Tree, m int64) error {
	var c [3]any // the cursor; nil: before the first key
	err := conn.QueryRowContext(ctx, "SELECT k1, k2, k3 FROM recent_cursors WHERE tree = ?", t.Recent).Scan(&c[0], &c[1], &c[2])
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read cursor: %w", err)
	}
	after := fmt.Sprintf("(%s) > (?, ?, ?)", t.Key)
	for wrapped := false; m > 0; {
		where, args := "1", []any{}
		if c[0] != nil {
			where, args = after, c[:]
		}
		step := min(m, chunk)
		var k [3]any
		err := conn.QueryRowContext(ctx, fmt.Sprintf("SELECT %[1]s FROM %[2]s WHERE %[3]s ORDER BY %[1]s LIMIT 1 OFFSET %[4]d",
			t.Key, t.Recent, where, step-1), args...).Scan(&k[0], &k[1], &k[2])
		if errors.Is(err, sql.ErrNoRows) {
			// Fewer than step rows follow the cursor: move them all and
			// go on from the first key.
			moved, err := move(ctx, conn, t, where, args)
			if err != nil {
				return err
			}
			if wrapped && moved == 0 {
				break // the tree is empty
			}
			m, c, wrapped = m-moved, [3]any{}, true
			continue
		}
		if err != nil {
			return fmt.Errorf("find slice: %w", err)
		}
		slice := where + fmt.Sprintf(" AND (%s) <= (?, ?, ?)", t.Key)
		moved, err := move(ctx, conn, t, slice, append(args, k[:]...))
		if err != nil {
			return err
		}
		m, c = m-moved, k
	}
	_, err = conn.ExecContext(ctx, "INSERT OR REPLACE INTO recent_cursors (tree, k1, k2, k3) VALUES (?, ?, ?, ?)",
		t.Recent, c[0], c[1], c[2])
	if err != nil {
		return fmt.Errorf("write cursor: %w", err)
	}
	return nil
}

// move moves the rows of t's recent tree that match where into the large
// one, in key order, and returns how many it moved.
func move(ctx context.Context, conn *sql.Conn, t Tree, where string, args []any) (int64, error) {
	_, err := conn.ExecContext(ctx, fmt.Sprintf("INSERT OR IGNORE INTO %[1]s (%[3]s) SELECT %[3]s FROM %[2]s WHERE %[4]s ORDER BY %[3]s",
		t.Large, t.Recent, t.Key, where), args...)
	if err != nil {
		return 0, fmt.Errorf("move slice: %w", err)
	}
	res, err := conn.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE %s", t.Recent, where), args...)
	if err != nil {
		return 0, fmt.Errorf("move slice: %w", err)
	}
	return res.RowsAffected()
}
