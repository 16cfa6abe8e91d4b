package store

import (
	"context"
	"database/sql"
	"sync"
)

// checkpointer copies the pages of committed batches from the WAL back
// into the database file on a connection and goroutine of its own, while
// the writer goes on with the next batch.
//
// SQLite's own automatic checkpoint runs inside the COMMIT that passes
// the WAL's size limit, on the single writer, which then waits for the
// copy and its fsync; and the last connection to close checkpoints the
// whole rest of the WAL, which made a short ingest wait a tenth of a
// second or more after its last article. A passive checkpoint needs no
// lock the writer holds: it copies what was committed before it began,
// and the writer restarts the WAL from its start once all of it is copied.
type checkpointer struct {
	conn *sql.DB
	wake chan struct{} // a commit happened; capacity 1
	stop chan struct{}
	done sync.WaitGroup
}

// newCheckpointer starts the checkpointer on its own connection pool.
func newCheckpointer(conn *sql.DB) *checkpointer {
	c := &checkpointer{conn: conn, wake: make(chan struct{}, 1), stop: make(chan struct{})}
	c.conn.SetMaxOpenConns(1)
	c.done.Add(1)
	go c.run()
	return c
}

func (c *checkpointer) run() {
	defer c.done.Done()
	for {
		select {
		case <-c.stop:
			return
		case <-c.wake:
		}
		// A failed checkpoint loses nothing: the pages stay in the WAL,
		// and the next checkpoint, or the last close, copies them.
		c.conn.ExecContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)")
	}
}

// committed tells the checkpointer that a transaction committed. It never
// blocks: commits that come while a checkpoint runs make one more.
func (c *checkpointer) committed() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// close waits for a running checkpoint and closes the connection.
func (c *checkpointer) close() error {
	close(c.stop)
	c.done.Wait()
	return c.conn.Close()
}
