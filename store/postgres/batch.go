package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store"
)

// Batch collects articles for one transaction, written when Commit is
// called. The contract is store.Batch's: each article is stored or refused
// whole, a refused article costs only itself, and an error of the batch as
// a whole leaves nothing of it committed. Unlike SQLite's, whose one
// writer writes as articles arrive, a Batch writes them all at Commit,
// under writerLock: holding the lock while the caller extracts the next
// articles would keep every other writer waiting.
type Batch struct {
	db   *DB
	ps   []store.Prepared
	done bool
}

var errBatchDone = errors.New("put: batch already committed or rolled back")

// Begin starts a batch.
func (db *DB) Begin(ctx context.Context) (*Batch, error) {
	if db.readOnly {
		return nil, errReadOnlyPut
	}
	return &Batch{db: db}, nil
}

// Add adds one article to the batch; its Result comes with Commit.
func (b *Batch) Add(ctx context.Context, p store.Prepared) error {
	if b.done {
		return errBatchDone
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	b.ps = append(b.ps, p)
	return nil
}

// Len is the number of articles added.
func (b *Batch) Len() int { return len(b.ps) }

// Commit writes the batch in one transaction and returns the results of
// its articles in the order they were added.
func (b *Batch) Commit(ctx context.Context) ([]store.Result, error) {
	if b.done {
		return nil, errBatchDone
	}
	b.done = true
	return b.db.PutPrepared(ctx, b.ps...)
}

// Rollback discards the batch.
func (b *Batch) Rollback() { b.done = true }

// Put stores a batch of findings in one transaction, as store.DB.Put does.
func (db *DB) Put(ctx context.Context, fs ...whosaid.Findings) ([]store.Result, error) {
	ps := make([]store.Prepared, len(fs))
	for i, f := range fs {
		ps[i] = store.Prepare(f)
	}
	return db.PutPrepared(ctx, ps...)
}

// maxAttempts is how often a batch is tried when its transaction fails
// only because of another one (a deadlock, a serialization failure).
const maxAttempts = 5

// PutPrepared is Put for findings passed through store.Prepare.
func (db *DB) PutPrepared(ctx context.Context, ps ...store.Prepared) ([]store.Result, error) {
	if db.readOnly {
		return nil, errReadOnlyPut
	}
	if len(ps) == 0 {
		return nil, nil
	}
	for attempt := 1; ; attempt++ {
		var res []store.Result
		err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
			var err error
			res, err = db.PutTx(ctx, tx, ps)
			return err
		})
		if err == nil {
			return res, nil
		}
		if !retryable(err) || attempt == maxAttempts {
			return nil, fmt.Errorf("put: %w", err)
		}
	}
}

// PutTx writes ps inside the caller's transaction tx, taking writerLock
// for the rest of it, so that the caller can commit other work with the
// articles atomically (a worker completes its queue job in it). Results and
// errors are PutPrepared's; after an error tx must be rolled back.
func (db *DB) PutTx(ctx context.Context, tx pgx.Tx, ps []store.Prepared) ([]store.Result, error) {
	if db.readOnly {
		return nil, errReadOnlyPut
	}
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", writerLock); err != nil {
		return nil, fmt.Errorf("lock writer: %w", err)
	}
	now := db.Now().UTC().Format(time.RFC3339)
	// Articles are first written without a savepoint each, inside one
	// for them all; only when the server refuses one is that rolled back
	// and everything written again article by article, so that the
	// refused one fails alone.
	if _, err := tx.Exec(ctx, "SAVEPOINT batch"); err != nil {
		return nil, err
	}
	w := newWriter(tx, now, false)
	res, err := w.writeAll(ctx, ps)
	if err == nil {
		if _, err := tx.Exec(ctx, "RELEASE SAVEPOINT batch"); err != nil {
			return nil, err
		}
		return res, nil
	}
	if !errors.Is(err, errArticleFault) {
		return nil, err
	}
	if _, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT batch"); err != nil {
		return nil, err
	}
	w = newWriter(tx, now, true)
	return w.writeAll(ctx, ps)
}
