package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
	"github.com/whosaid/whosaid/store/sqlar"
)

// busyTimeout is how long a connection waits for a lock held by another
// connection or process before giving up with SQLITE_BUSY.
const busyTimeout = 5 * time.Second

// DB is an open whosaid database. It is safe for concurrent use: writes are
// serialised on one connection, reads use their own pool and see the last
// committed state (WAL), so a long export never blocks ingest.
type DB struct {
	w    *sql.DB       // the single writing connection; nil when read-only
	r    *sql.DB       // query-only connections
	ckpt *checkpointer // WAL checkpoints off the writer; nil when read-only
	path string

	// Now is the clock that stamps articles.ingested_at. Open sets it to
	// time.Now; tests replace it for stable output.
	Now func() time.Time
	// minRecent is the fewest rows a recent tree is merged at
	// (store/recent); zero means recent.Min, below zero every row at
	// every commit. Tests lower it.
	minRecent int64
}

// Open opens the database at path for reading and writing, creating the file
// if needed and applying any pending migrations. It fails if the file cannot
// be put in WAL mode, if SQLite lacks FTS5, or if the database was written by
// a newer whosaid with migrations this build does not know.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("open db: empty path: %w", ErrInvalid)
	}
	w, err := openPool(ctx, path, "_journal_mode=WAL&_txlock=immediate&"+writerDSN, writerPragmas...)
	if err != nil {
		return nil, err
	}
	// SQLite has one writer at a time; one connection makes Put queue in Go
	// instead of spinning on SQLITE_BUSY, and "immediate" transactions take
	// the write lock at BEGIN so two processes never deadlock upgrading.
	w.SetMaxOpenConns(1)
	if err := checkFTS5(ctx, w); err != nil {
		w.Close()
		return nil, err
	}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, err
	}
	r, err := openPool(ctx, path, "_journal_mode=WAL&_query_only=1")
	if err != nil {
		w.Close()
		return nil, err
	}
	c, err := openPool(ctx, path, "_journal_mode=WAL&_query_only=1")
	if err != nil {
		r.Close()
		w.Close()
		return nil, err
	}
	return &DB{w: w, r: r, ckpt: newCheckpointer(c), path: path, Now: time.Now}, nil
}

// OpenReadOnly opens an existing database for the query commands. It never
// creates or migrates the file: it fails if path does not exist, and returns
// an error wrapping ErrInvalid if the schema is not the one this build
// expects. Put on the returned DB returns ErrReadOnly.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("open db: empty path: %w", ErrInvalid)
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open db: %w", err)
	}
	// mode=rw, not ro: SQLite's read-only connections cannot remove the
	// -wal and -shm files when the last of them closes, which left two
	// files beside the database after every query. rw never creates the
	// file (and opens a write-protected one read-only); the journal mode
	// is only read (openPool), never set; query_only refuses every write.
	// So opening writes nothing, and closing may only checkpoint a WAL
	// that a killed ingest left, as any last connection does.
	r, err := openPool(ctx, path, "mode=rw&_query_only=1")
	if err != nil {
		return nil, err
	}
	if err := checkFTS5(ctx, r); err != nil {
		r.Close()
		return nil, err
	}
	if err := checkMigrated(ctx, r); err != nil {
		r.Close()
		return nil, err
	}
	return &DB{r: r, path: path, Now: time.Now}, nil
}

// Close closes the database. The last connection to close checkpoints the
// WAL back into the main file.
func (db *DB) Close() error {
	var errs []error
	if db.ckpt != nil {
		errs = append(errs, db.ckpt.close())
	}
	if db.r != nil {
		errs = append(errs, db.r.Close())
	}
	if db.w != nil {
		errs = append(errs, db.w.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close db: %w", err)
	}
	return nil
}

// Path returns the file name the database was opened with.
func (db *DB) Path() string { return db.path }

// The writing connection is tuned for bulk ingest, where one Put stores a
// batch of articles:
//
//   - synchronous=NORMAL: in WAL mode a commit is safe against a crash or
//     kill of whosaid (the WAL is written before Put returns) and the
//     database can never be corrupted; only a power cut or OS crash may
//     lose the last commits, which a re-run of the same ingest restores
//     (ingest is idempotent). FULL would fsync the WAL at every commit.
//
//   - a 64 MiB page cache (the default is 2 MiB), holding the pages a batch
//     of up to 2,048 articles dirties at random places in the indexes: into
//     17,860 articles it took a third less CPU per article than 16 MiB with
//     batches of 512 (issue 18). It is a cap, used only as pages are.
//
//   - temp_store=MEMORY: a savepoint keeps the original of every page it
//     changes in a sub-journal, and a statement that fires triggers keeps
//     a statement journal; in temporary files (the default) that was a
//     write and often a read per page.
//
//   - no automatic checkpoint (wal_autocheckpoint = 0): a checkpoint
//     copies the pages in the WAL back into the database file, and the
//     automatic one runs inside a COMMIT, on the writer; the checkpointer
//     (checkpoint.go) does it on a connection of its own after every
//     commit instead. When the WAL starts over, its file is cut back to
//     the size it may reach (journal_size_limit).
//
//   - no SQLite mutexes (_mutex=no): database/sql hands a connection to
//     one goroutine at a time, so SQLite's own locking of it only cost
//     a lock and an unlock around every call.
//
//   - foreign keys declared but not enforced: checking them cost a lookup
//     of the parent row for every entity, mention, date, amount, quote,
//     claim and sketch row stored, while the writer is the only code that
//     writes those rows and gives them their parents' ids itself. The
//     cascades the schema declares are done by the writer
//     (deleteArticleSQL, deleteOrphanSpeakers), and the tests run
//     PRAGMA foreign_key_check after storing, replacing and crashing.
//
// writerDSN holds those the DSN can set, writerPragmas the rest, run on
// every new writing connection.
const writerDSN = "_synchronous=NORMAL&_cache_size=-65536&_mutex=no&_foreign_keys=off"

var writerPragmas = []string{"PRAGMA temp_store = MEMORY", "PRAGMA wal_autocheckpoint = 0",
	"PRAGMA journal_size_limit = " + strconv.Itoa(walResetFrames*4096)}

// openPool opens a connection pool on path with the busy timeout and extra
// DSN parameters (_journal_mode=WAL for the pools that may set it), runs
// pragmas on each new connection, and confirms the database is in WAL mode.
func openPool(ctx context.Context, path, extra string, pragmas ...string) (*sql.DB, error) {
	dsn := fmt.Sprintf("%s?_busy_timeout=%d&%s",
		fileURI(path), busyTimeout.Milliseconds(), extra)
	drv := &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		// The article text is stored compressed (migration 0019); the
		// views and the queries read it with sqlar_uncompress.
		if err := sqlar.Register(c); err != nil {
			return err
		}
		for _, p := range pragmas {
			if _, err := c.Exec(p, nil); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
		}
		return nil
	}}
	db := sql.OpenDB(connector{dsn: dsn, drv: drv})
	// A journal mode that silently stayed "delete" (a read-only file, a
	// filesystem without shared memory) would turn every concurrent read into
	// a lock wait; better to refuse now than to stall later.
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		db.Close()
		return nil, fmt.Errorf("open db %s: %w", path, err)
	}
	if !strings.EqualFold(mode, "wal") {
		db.Close()
		return nil, fmt.Errorf("open db %s: journal mode is %q, want wal", path, mode)
	}
	return db, nil
}

// connector opens connections with its own driver value, so that a pool
// can have a ConnectHook without registering a driver name globally.
type connector struct {
	dsn string
	drv *sqlite3.SQLiteDriver
}

var _ driver.Connector = connector{}

// Connect opens one connection; database/sql calls it as the pool grows.
func (c connector) Connect(context.Context) (driver.Conn, error) { return c.drv.Open(c.dsn) }

// Driver returns the driver the connections come from.
func (c connector) Driver() driver.Driver { return c.drv }

// fileURI turns a file name into an SQLite URI, escaping the characters that
// would otherwise end the path ('?', '#') or start an escape ('%').
func fileURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// checkFTS5 guards against an SQLite without FTS5 (say, a system library
// linked with -tags libsqlite3) that got past the build-tag check.
func checkFTS5(ctx context.Context, db *sql.DB) error {
	var ok bool
	if err := db.QueryRowContext(ctx, "SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&ok); err != nil {
		return fmt.Errorf("check fts5: %w", err)
	}
	if !ok {
		return errors.New("sqlite was built without FTS5: rebuild with -tags sqlite_fts5")
	}
	return nil
}
