package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"
)

// FetchLog is the database's memory of HTTP fetches, for conditional GET:
// it implements corpus.FetchCache over the fetches table. Lookups read the
// database (and what this log holds unsaved); records are held in memory
// until Commit, so that a run that fails or is interrupted before its
// articles are stored does not leave validators behind that would make the
// next run skip those articles as unchanged. It is safe for concurrent use.
type FetchLog struct {
	db      *DB
	mu      sync.Mutex
	pending map[string]fetchRow
}

type fetchRow struct {
	etag, lastModified string
	status             int
	at                 time.Time
}

// FetchLog returns a new, empty log over db's fetches table.
func (db *DB) FetchLog() *FetchLog {
	return &FetchLog{db: db, pending: make(map[string]fetchRow)}
}

// GetFetch returns the validators last recorded for url; ok is false when
// url was never fetched, or was fetched without validators.
func (l *FetchLog) GetFetch(ctx context.Context, url string) (etag, lastModified string, ok bool, err error) {
	l.mu.Lock()
	row, held := l.pending[url]
	l.mu.Unlock()
	if held {
		return row.etag, row.lastModified, row.etag != "" || row.lastModified != "", nil
	}
	var e, m sql.NullString
	err = l.db.r.QueryRowContext(ctx, `SELECT etag, last_modified FROM fetches WHERE url = ?`, url).Scan(&e, &m)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, fmt.Errorf("read fetch of %s: %w", url, err)
	}
	return e.String, m.String, e.String != "" || m.String != "", nil
}

// PutFetch records the outcome of fetching url, to be written by Commit.
func (l *FetchLog) PutFetch(_ context.Context, url, etag, lastModified string, status int) error {
	l.mu.Lock()
	l.pending[url] = fetchRow{etag: etag, lastModified: lastModified, status: status, at: l.db.Now()}
	l.mu.Unlock()
	return nil
}

// Commit writes every record held in one transaction and forgets them.
// Call it once the articles fetched are stored. It returns ErrReadOnly on
// a read-only database.
func (l *FetchLog) Commit(ctx context.Context) error {
	if l.db.w == nil {
		return fmt.Errorf("save fetches: %w", ErrReadOnly)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.pending) == 0 {
		return nil
	}
	tx, err := l.db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save fetches: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `INSERT INTO fetches (url, etag, last_modified, fetched_at, status)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			fetched_at = excluded.fetched_at, status = excluded.status`)
	if err != nil {
		return fmt.Errorf("save fetches: %w", err)
	}
	defer st.Close()
	for url, r := range l.pending {
		if _, err := st.ExecContext(ctx, url, null(r.etag), null(r.lastModified),
			r.at.UTC().Format(time.RFC3339), r.status); err != nil {
			return fmt.Errorf("save fetch of %s: %w", url, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save fetches: %w", err)
	}
	clear(l.pending)
	return nil
}
