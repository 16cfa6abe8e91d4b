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
// lock the writer holds: it copies what was committed before it began.
//
// SQLite starts the WAL over from its beginning only at the commit of a
// transaction that began when every frame had been copied. A writer that
// begins its next batch right after a commit always finds the copy of the
// last one still running, so the WAL would grow for ever: once it holds
// more than walResetFrames, the writer waits for a checkpoint pass before
// it begins (drain), and that batch's commit starts the WAL over.
type checkpointer struct {
	conn *sql.DB
	wake chan struct{} // a commit or a drain wants a pass; capacity 1
	stop chan struct{}
	done sync.WaitGroup

	mu      sync.Mutex
	passed  *sync.Cond // broadcast at the end of every pass
	passes  uint64     // passes finished
	running bool       // a pass is running
	frames  int64      // frames in the WAL after the last pass
	limit   int64      // walResetFrames; tests lower it
	slow    func()     // for tests: runs before every pass
}

// walResetFrames is the size of the WAL, in pages, above which the writer
// waits for a checkpoint before a batch so that the WAL starts over: 32
// MiB of 4 KiB pages, the most a few batches write.
const walResetFrames = 8192

// newCheckpointer starts the checkpointer on its own connection pool.
func newCheckpointer(conn *sql.DB) *checkpointer {
	c := &checkpointer{conn: conn, wake: make(chan struct{}, 1), stop: make(chan struct{}), limit: walResetFrames}
	c.passed = sync.NewCond(&c.mu)
	c.conn.SetMaxOpenConns(1)
	c.done.Add(1)
	go c.run()
	return c
}

func (c *checkpointer) run() {
	defer c.done.Done()
	defer c.finish() // wakes a drain waiting when the checkpointer stops
	for {
		select {
		case <-c.stop:
			return
		case <-c.wake:
		}
		c.mu.Lock()
		c.running = true
		slow := c.slow
		c.mu.Unlock()
		if slow != nil {
			slow()
		}
		// A failed or partial checkpoint loses nothing: the pages stay in
		// the WAL, and the next pass, or the last close, copies them.
		var busy, log, copied int64
		err := c.conn.QueryRowContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &log, &copied)
		c.mu.Lock()
		if err == nil {
			c.frames = log
		}
		c.mu.Unlock()
		c.finish()
	}
}

// finish counts a pass and wakes the drains waiting for it.
func (c *checkpointer) finish() {
	c.mu.Lock()
	c.passes++
	c.running = false
	c.passed.Broadcast()
	c.mu.Unlock()
}

// committed tells the checkpointer that a transaction committed. It never
// blocks: commits that come while a pass runs make one more.
func (c *checkpointer) committed() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// drain waits, when the WAL has grown past walResetFrames, for a pass that
// begins after it was called: every frame committed before is then copied
// (unless a reader still needs them), so a transaction begun next starts
// the WAL over at its commit. The writer calls it with no transaction
// open.
func (c *checkpointer) drain() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.frames <= c.limit {
		return
	}
	// A pass running now may have begun before the last commit: then it
	// is the one after it that copies everything.
	target := c.passes + 1
	if c.running {
		target++
	}
	for c.passes < target {
		select {
		case <-c.stop:
			return
		default:
		}
		select {
		case c.wake <- struct{}{}:
		default: // a pass is queued already
		}
		c.passed.Wait()
	}
	c.frames = 0
}

// close waits for a running checkpoint and closes the connection.
func (c *checkpointer) close() error {
	close(c.stop)
	c.done.Wait()
	return c.conn.Close()
}
