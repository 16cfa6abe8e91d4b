package store

import (
	"context"
	"database/sql"
	"fmt"
)

// idSeq hands out the rowids of one table's new rows, so that the writer
// can insert many rows with one multi-row INSERT and still know their ids
// (for the mentions of an entity, the FTS index of a quote). Inside the
// write transaction nobody else inserts, so max(id)+1 is the id SQLite
// itself would give the next row; the writer forgets the maximum (reset)
// whenever rows may have gone: a rolled-back savepoint, a replaced article.
type idSeq struct {
	conn  *sql.Conn
	table string // a constant of the code, never input
	max   string // the query of the greatest id, when not max(id) of table
	last  int64
	known bool
}

// next returns the id of the next new row.
func (s *idSeq) next(ctx context.Context) (int64, error) {
	if !s.known {
		q := s.max
		if q == "" {
			q = "SELECT coalesce(max(id), 0) FROM " + s.table
		}
		if err := s.conn.QueryRowContext(ctx, q).Scan(&s.last); err != nil {
			return 0, fmt.Errorf("max id of %s: %w", s.table, err)
		}
		s.known = true
	}
	s.last++
	return s.last, nil
}

// reset makes the next call read the table's maximum id again.
func (s *idSeq) reset() { s.known = false }
