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

// Batch writes articles one by one into one transaction, which Commit
// commits, as store.Batch does: a stream of articles (ingest) is written
// as it arrives, while the next articles are extracted. The contract is
// store.Batch's: each article is stored or refused whole, a refused
// article costs only itself, and an error of the batch as a whole leaves
// nothing of it committed. The transaction holds writerLock from the first
// article to Commit, so other writers wait meanwhile: keep batches short
// in time (ingest commits at least every half second).
type Batch struct {
	db  *DB
	ps  []store.Prepared
	res []store.Result
	tx  pgx.Tx
	w   *writer
	now string
	err error
}

var errBatchDone = errors.New("put: batch already committed or rolled back")

// Begin starts a batch; its transaction begins with its first article.
func (db *DB) Begin(ctx context.Context) (*Batch, error) {
	if db.readOnly {
		return nil, errReadOnlyPut
	}
	return &Batch{db: db}, nil
}

// Add writes one article into the batch; its Result comes with Commit.
func (b *Batch) Add(ctx context.Context, p store.Prepared) error {
	if b.err != nil {
		return b.err
	}
	b.ps = append(b.ps, p)
	for attempt := 1; ; attempt++ {
		err := b.write(ctx)
		if err == nil {
			return nil
		}
		if !retryable(err) || attempt == maxAttempts {
			return b.fail(fmt.Errorf("put: %w", err))
		}
		b.end(ctx) // and write everything again in a new transaction
	}
}

// write writes the articles added and not yet written, beginning the
// transaction if need be; an article the server refuses makes it write
// every article again, each in a savepoint of its own.
func (b *Batch) write(ctx context.Context) error {
	if b.tx == nil {
		tx, err := b.db.pool.Begin(ctx)
		if err != nil {
			return err
		}
		b.tx, b.res = tx, b.res[:0]
		b.now = b.db.Now().UTC().Format(time.RFC3339)
		if err := b.start(ctx, false); err != nil {
			return err
		}
	}
	for len(b.res) < len(b.ps) {
		r, err := b.w.putOne(ctx, &b.ps[len(b.res)])
		if errors.Is(err, errArticleFault) {
			if err := b.again(ctx); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		b.res = append(b.res, r)
	}
	return nil
}

// start takes writerLock and opens the savepoint the articles are written
// in, with a writer with or without savepoints of its own.
func (b *Batch) start(ctx context.Context, savepoints bool) error {
	if !savepoints {
		if _, err := b.tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", writerLock); err != nil {
			return fmt.Errorf("lock writer: %w", err)
		}
	}
	if _, err := b.tx.Exec(ctx, "SAVEPOINT batch"); err != nil {
		return err
	}
	b.w = newWriter(b.tx, b.now, savepoints)
	return nil
}

// again rolls back what the batch wrote and starts over with a savepoint
// per article.
func (b *Batch) again(ctx context.Context) error {
	if _, err := b.tx.Exec(ctx, "ROLLBACK TO SAVEPOINT batch"); err != nil {
		return err
	}
	b.res = b.res[:0]
	return b.start(ctx, true)
}

// Len is the number of articles added.
func (b *Batch) Len() int { return len(b.ps) }

// Commit commits the batch and returns the results of its articles, in
// the order they were added.
func (b *Batch) Commit(ctx context.Context) ([]store.Result, error) {
	if b.err != nil {
		return nil, b.err
	}
	if len(b.ps) == 0 {
		b.err = errBatchDone
		return nil, nil
	}
	for attempt := 1; ; attempt++ {
		err := b.commit(ctx)
		if err == nil {
			b.err = errBatchDone
			return b.res, nil
		}
		if !retryable(err) || attempt == maxAttempts {
			return nil, b.fail(fmt.Errorf("put: %w", err))
		}
		b.end(ctx)
	}
}

func (b *Batch) commit(ctx context.Context) error {
	if err := b.write(ctx); err != nil {
		return err
	}
	err := b.w.finish(ctx)
	if errors.Is(err, errArticleFault) {
		if err := b.again(ctx); err != nil {
			return err
		}
		if err := b.write(ctx); err != nil {
			return err
		}
		err = b.w.finish(ctx)
	}
	if err != nil {
		return err
	}
	if err := b.tx.Commit(ctx); err != nil {
		return err
	}
	b.tx = nil
	return nil
}

// Rollback discards the batch. It is a no-op after Commit.
func (b *Batch) Rollback() {
	if b.err == nil {
		b.fail(errBatchDone)
	}
}

// fail ends the batch with err, rolling back what it wrote.
func (b *Batch) fail(err error) error {
	b.end(context.Background())
	b.err = err
	return err
}

// end rolls back the transaction, if one is open.
func (b *Batch) end(ctx context.Context) {
	if b.tx != nil {
		b.tx.Rollback(context.WithoutCancel(ctx))
		b.tx, b.w = nil, nil
	}
	b.res = b.res[:0]
}

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
