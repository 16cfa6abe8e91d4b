package store

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/whosaid/whosaid/store/recent"
)

// Batch stores articles one by one into one transaction, which Commit
// commits: the writer of a stream of articles (ingest) writes each as it
// arrives, instead of holding a batch's worth and writing it all at once
// while the articles after it wait. Put and PutPrepared are a Batch of the
// findings given.
//
// The contract is Put's: each article is stored or refused whole, a
// refused article costs only itself, and an error of the batch as a whole
// (I/O, a full disk, a cancelled context) leaves nothing of it committed;
// after such an error every later call returns it. A Batch is used by one
// goroutine, and while it is open the database's one writing connection is
// its own: other writes wait for Commit or Rollback.
//
// Articles are first written without savepoints, and only when SQLite
// refuses one is the transaction rolled back and everything so far written
// again with a savepoint each: a savepoint copies every page an article
// touches into its journal before changing it, which made up a large part
// of storing an article, while refused articles are rare. The outcome is
// the same either way.
type Batch struct {
	db         *DB
	sctx       context.Context // uncancellable: see begin
	conn       *sql.Conn       // the writing connection, in the batch's transaction
	w          *writer
	savepoints bool
	ps         []Prepared // the articles added, to write again with savepoints
	res        []Result
	replaced   bool
	err        error
}

// errBatchDone is what a Batch returns once committed or rolled back.
var errBatchDone = errors.New("put: batch already committed or rolled back")

// Begin starts a batch on the writing connection.
func (db *DB) Begin(ctx context.Context) (*Batch, error) {
	if db.w == nil {
		return nil, errReadOnlyPut
	}
	b := &Batch{db: db}
	if err := b.begin(ctx, false); err != nil {
		return nil, err
	}
	return b, nil
}

// begin opens the transaction and prepares the writer's statements.
//
// The transaction and its statements run under a context that cannot be
// cancelled, and the caller's context is checked between articles instead:
// go-sqlite3 runs each statement under a cancellable context on a
// goroutine of its own and waits for it, a hand-off per statement that
// cost more than most inserts. A cancel still stops the batch within one
// article and rolls it back.
//
// The transaction is begun with SQL on the connection, not as a *sql.Tx:
// database/sql gives a Tx a cancellable context of its own, whatever the
// caller's, and then starts a goroutine for every query run in it to
// watch that context, which cost as much again as the writer's look-ups
// themselves. Begun with BEGIN IMMEDIATE, as the DSN's _txlock has every
// Tx of the writing pool begun.
func (b *Batch) begin(ctx context.Context, savepoints bool) error {
	b.sctx = context.WithoutCancel(ctx)
	b.db.ckpt.drain()
	conn, err := b.db.w.Conn(b.sctx)
	if err != nil {
		return fmt.Errorf("put: begin: %w", err)
	}
	if _, err := conn.ExecContext(b.sctx, "BEGIN IMMEDIATE"); err != nil {
		conn.Close()
		return fmt.Errorf("put: begin: %w", err)
	}
	w, err := newWriter(b.sctx, conn, b.db.Now().UTC().Format(time.RFC3339))
	if err != nil {
		rollback(b.sctx, conn)
		return fmt.Errorf("put: %w", err)
	}
	w.savepoints = savepoints
	w.minRecent = cmp.Or(b.db.minRecent, recent.Min)
	b.conn, b.w, b.savepoints = conn, w, savepoints
	b.res, b.replaced = b.res[:0], false
	return nil
}

// Len is the number of articles added.
func (b *Batch) Len() int { return len(b.ps) }

// Add writes one article into the batch; its Result comes with Commit.
// Findings not passed through Prepare are prepared here.
func (b *Batch) Add(ctx context.Context, p Prepared) error {
	if b.err != nil {
		return b.err
	}
	if err := ctx.Err(); err != nil {
		return b.fail(fmt.Errorf("put: %w", err))
	}
	if !p.ready {
		p = Prepare(p.Findings)
	}
	b.ps = append(b.ps, p)
	err := b.write(len(b.ps) - 1)
	if errors.Is(err, errArticleFault) {
		// SQLite refused this article: write everything again, each
		// article in a savepoint of its own, so that it fails alone.
		b.end()
		if err := b.begin(ctx, true); err != nil {
			return b.fail(err)
		}
		for i := range b.ps {
			if err := ctx.Err(); err != nil {
				return b.fail(fmt.Errorf("put: %w", err))
			}
			if err := b.write(i); err != nil {
				return b.fail(err)
			}
		}
		return nil
	}
	if err != nil {
		return b.fail(err)
	}
	return nil
}

// write writes the i-th article added. Without savepoints, an article
// SQLite refuses is returned as an error wrapping errArticleFault.
func (b *Batch) write(i int) error {
	r, err := b.w.put(b.sctx, &b.ps[i])
	if err != nil {
		return fmt.Errorf("put article %s: %w", r.ID, err)
	}
	b.res = append(b.res, r)
	b.replaced = b.replaced || r.Status == Replaced
	return nil
}

// Commit commits the batch and returns the results of its articles, in
// the order they were added.
func (b *Batch) Commit(ctx context.Context) ([]Result, error) {
	if b.err != nil {
		return nil, b.err
	}
	if err := b.w.fts.flush(b.sctx); err != nil {
		return nil, b.fail(fmt.Errorf("put: %w", err))
	}
	if err := recent.Merge(b.sctx, b.conn, recentTrees, b.w.minRecent); err != nil {
		return nil, b.fail(fmt.Errorf("put: %w", err))
	}
	if b.replaced {
		if _, err := b.conn.ExecContext(b.sctx, deleteOrphanSpeakers); err != nil {
			return nil, b.fail(fmt.Errorf("put: delete orphan speakers: %w", err))
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, b.fail(fmt.Errorf("put: %w", err))
	}
	b.w.close() // statements go before their transaction ends
	b.w = nil
	if _, err := b.conn.ExecContext(b.sctx, "COMMIT"); err != nil {
		return nil, b.fail(fmt.Errorf("put: commit: %w", err))
	}
	b.conn.Close()
	b.conn = nil
	b.db.ckpt.committed()
	b.err = errBatchDone
	return b.res, nil
}

// Rollback discards the batch. It is a no-op after Commit.
func (b *Batch) Rollback() {
	if b.err == nil {
		b.fail(errBatchDone)
	}
}

// fail ends the batch with err, rolling back what it wrote.
func (b *Batch) fail(err error) error {
	b.end()
	b.err = err
	return err
}

// end closes the writer's statements and rolls the transaction back.
func (b *Batch) end() {
	if b.w != nil {
		b.w.close()
		b.w = nil
	}
	if b.conn != nil {
		rollback(b.sctx, b.conn)
		b.conn = nil
	}
}

// rollback rolls back the transaction open on conn and gives the
// connection back to the pool. A transaction SQLite has already rolled
// back itself (a full disk, a failed COMMIT) makes ROLLBACK fail
// harmlessly; a connection still in a transaction after it is closed
// rather than handed to the next writer.
func rollback(ctx context.Context, conn *sql.Conn) {
	conn.ExecContext(ctx, "ROLLBACK")
	conn.Raw(func(dc any) error {
		if c, ok := dc.(*sqlite3.SQLiteConn); ok && !c.AutoCommit() {
			return driver.ErrBadConn
		}
		return nil
	})
	conn.Close()
}
