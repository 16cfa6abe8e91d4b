package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid/store"
)

// FetchLog is the database's memory of HTTP fetches, for conditional GET,
// as store.FetchLog is: records are held until Commit (or CommitTx), so
// that a run that fails before its articles are stored leaves no
// validators behind. It is safe for concurrent use.
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
	return &FetchLog{db: db, pending: map[string]fetchRow{}}
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
	var e, m *string
	err = l.db.pool.QueryRow(ctx, `SELECT etag, last_modified FROM fetches WHERE url = $1`, url).Scan(&e, &m)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, fmt.Errorf("read fetch of %s: %w", url, err)
	}
	return deref(e), deref(m), deref(e) != "" || deref(m) != "", nil
}

// PutFetch records the outcome of fetching url, to be written by Commit.
func (l *FetchLog) PutFetch(_ context.Context, url, etag, lastModified string, status int) error {
	l.mu.Lock()
	l.pending[url] = fetchRow{etag: etag, lastModified: lastModified, status: status, at: l.db.Now()}
	l.mu.Unlock()
	return nil
}

// Commit writes every record held, in one transaction, and forgets them.
func (l *FetchLog) Commit(ctx context.Context) error {
	if l.db.readOnly {
		return fmt.Errorf("save fetches: %w", store.ErrReadOnly)
	}
	return pgx.BeginFunc(ctx, l.db.pool, func(tx pgx.Tx) error { return l.CommitTx(ctx, tx) })
}

// CommitTx writes every record held in the caller's transaction and
// forgets them.
func (l *FetchLog) CommitTx(ctx context.Context, tx pgx.Tx) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.pending) == 0 {
		return nil
	}
	var b pgx.Batch
	for url, r := range l.pending {
		b.Queue(`INSERT INTO fetches (url, etag, last_modified, fetched_at, status) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
				fetched_at = excluded.fetched_at, status = excluded.status`,
			url, null(r.etag), null(r.lastModified), r.at.UTC().Format(time.RFC3339), int32(r.status))
	}
	if err := tx.SendBatch(ctx, &b).Close(); err != nil {
		return fmt.Errorf("save fetches: %w", err)
	}
	clear(l.pending)
	return nil
}
