package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/whosaid/whosaid/store"
)

// Advisory lock keys (pg_advisory_xact_lock), fixed so that every whosaid
// process on a database agrees on them.
const (
	// migrateLock is held while migrations are applied.
	migrateLock int64 = 0x77686f7361696401 // "whosaid\x01"
	// writerLock is held by the transaction of each batch write (doc.go).
	writerLock int64 = 0x77686f7361696402
)

// IsURL reports whether a --db value names a PostgreSQL database rather
// than a SQLite file: a postgres:// or postgresql:// URL.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// DB is an open whosaid database on PostgreSQL. It is safe for concurrent
// use.
type DB struct {
	pool     *pgxpool.Pool
	readOnly bool

	// Now is the clock that stamps articles.ingested_at. Open sets it to
	// time.Now; tests replace it for stable output.
	Now func() time.Time
}

// Open connects to the database at url, applying any pending migrations of
// whosaid and of river's job queue. It fails if the database was migrated
// by a newer whosaid with migrations this build does not know.
func Open(ctx context.Context, url string) (*DB, error) {
	pool, err := connect(ctx, url)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	return &DB{pool: pool, Now: time.Now}, nil
}

// OpenReadOnly connects for the query commands: it migrates nothing, fails
// with an error wrapping store.ErrInvalid if the schema is not the one
// this build expects, and every write returns store.ErrReadOnly.
func OpenReadOnly(ctx context.Context, url string) (*DB, error) {
	pool, err := connect(ctx, url)
	if err != nil {
		return nil, err
	}
	if err := checkMigrated(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	return &DB{pool: pool, readOnly: true, Now: time.Now}, nil
}

func connect(ctx context.Context, url string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("open db: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open db: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open db %s: %w", redact(url), err)
	}
	return pool, nil
}

// redact drops the password from a URL for messages.
func redact(url string) string {
	cfg, err := pgconn.ParseConfig(url)
	if err != nil || cfg.Password == "" {
		return url
	}
	return strings.Replace(url, ":"+cfg.Password+"@", ":xxxxx@", 1)
}

// Close closes the connections.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Pool is the connection pool, for the job queue that shares the database.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

//go:embed migration/*.sql
var migrations embed.FS

func migrationNames() ([]string, error) {
	names, err := fs.Glob(migrations, "migration/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	slices.Sort(names)
	return names, nil
}

// migrate applies every embedded migration not yet recorded, each in its
// own transaction with its record, and then river's. Each transaction
// first takes migrateLock, so processes opening a new database together
// apply each migration once: the second waits, then sees the record.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	if _, err := pool.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name       TEXT PRIMARY KEY,
		applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		// Two processes creating the table at once: one of them fails on
		// the catalog's unique index, and the table is there.
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "23505" {
			return fmt.Errorf("create migrations table: %w", err)
		}
	}
	known, err := migrationNames()
	if err != nil {
		return err
	}
	if err := checkUnknown(ctx, pool, known); err != nil {
		return err
	}
	for _, name := range known {
		if err := migrateFile(ctx, pool, name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return migrateQueue(ctx, pool)
}

// migrateQueue applies river's migrations, each version in a transaction
// of its own (one adds an enum value that a later statement of the same
// transaction could not use), while this process holds migrateLock on a
// connection of its own, so that two processes do not apply them at once.
func migrateQueue(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("job queue migrations: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrateLock); err != nil {
		return fmt.Errorf("lock migrations: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrateLock)
	m, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return fmt.Errorf("job queue migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("job queue migrations: %w", err)
	}
	return nil
}

func migrateFile(ctx context.Context, pool *pgxpool.Pool, name string) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrateLock); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, "SELECT count(*) FROM schema_migrations WHERE name = $1", name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		body, err := fs.ReadFile(migrations, name)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, string(body)); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "INSERT INTO schema_migrations (name) VALUES ($1)", name)
		return err
	})
}

func applied(ctx context.Context, pool *pgxpool.Pool) ([]string, error) {
	rows, err := pool.Query(ctx, "SELECT name FROM schema_migrations ORDER BY name")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	return names, nil
}

// checkUnknown refuses a database a newer build has migrated further.
func checkUnknown(ctx context.Context, pool *pgxpool.Pool, known []string) error {
	have, err := applied(ctx, pool)
	if err != nil {
		return err
	}
	for _, name := range have {
		if !slices.Contains(known, name) {
			return fmt.Errorf("database has migration %s unknown to this build (written by a newer whosaid?): %w", name, store.ErrInvalid)
		}
	}
	return nil
}

// checkMigrated confirms, for a read-only open, that every embedded
// migration has been applied and no unknown one has.
func checkMigrated(ctx context.Context, pool *pgxpool.Pool) error {
	var ok bool
	if err := pool.QueryRow(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&ok); err != nil {
		return fmt.Errorf("check schema: %w", err)
	}
	if !ok {
		return fmt.Errorf("not a whosaid database (no schema_migrations table): %w", store.ErrInvalid)
	}
	known, err := migrationNames()
	if err != nil {
		return err
	}
	if err := checkUnknown(ctx, pool, known); err != nil {
		return err
	}
	have, err := applied(ctx, pool)
	if err != nil {
		return err
	}
	for _, name := range known {
		if !slices.Contains(have, name) {
			return fmt.Errorf("database lacks migration %s: open it read-write once (whosaid ingest) to upgrade: %w", name, store.ErrInvalid)
		}
	}
	return nil
}
