package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"slices"
)

// migrations holds the schema history. Files are applied in name order, so
// they are numbered (0001_init.sql, 0002_…); a file once released is never
// edited, only followed by a new one.
//
//go:embed migration/*.sql
var migrations embed.FS

// migrationNames lists the embedded migrations in the order they apply.
func migrationNames() ([]string, error) {
	names, err := fs.Glob(migrations, "migration/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	slices.Sort(names)
	return names, nil
}

// migrate applies every embedded migration not yet recorded in
// schema_migrations, each in its own transaction together with its record,
// so a failed migration leaves the schema as it was. Two processes opening a
// new database at once are safe: the write lock taken at BEGIN serialises
// them and the second sees the first's record.
func migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name       TEXT PRIMARY KEY,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
	)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	if err := checkUnknown(ctx, db); err != nil {
		return err
	}
	names, err := migrationNames()
	if err != nil {
		return err
	}
	for _, name := range names {
		if err := migrateFile(ctx, db, name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

func migrateFile(ctx context.Context, db *sql.DB, name string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE name = ?", name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := fs.ReadFile(migrations, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (name) VALUES (?)", name); err != nil {
		return err
	}
	return tx.Commit()
}

// applied returns the names recorded in schema_migrations.
func applied(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM schema_migrations ORDER BY name")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("read migrations: %w", err)
		}
		names = append(names, name)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	return names, nil
}

// checkUnknown refuses a database that a newer build has migrated further:
// this build would not know what its extra tables and columns mean.
func checkUnknown(ctx context.Context, db *sql.DB) error {
	have, err := applied(ctx, db)
	if err != nil {
		return err
	}
	known, err := migrationNames()
	if err != nil {
		return err
	}
	for _, name := range have {
		if !slices.Contains(known, name) {
			return fmt.Errorf("database has migration %s unknown to this build (written by a newer whosaid?): %w", name, ErrInvalid)
		}
	}
	return nil
}

// checkMigrated confirms, for a read-only open, that every embedded
// migration has been applied and no unknown one has.
func checkMigrated(ctx context.Context, db *sql.DB) error {
	var tables int
	if err := db.QueryRowContext(ctx,
		"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").Scan(&tables); err != nil {
		return fmt.Errorf("check schema: %w", err)
	}
	if tables == 0 {
		return fmt.Errorf("not a whosaid database (no schema_migrations table): %w", ErrInvalid)
	}
	if err := checkUnknown(ctx, db); err != nil {
		return err
	}
	have, err := applied(ctx, db)
	if err != nil {
		return err
	}
	known, err := migrationNames()
	if err != nil {
		return err
	}
	for _, name := range known {
		if !slices.Contains(have, name) {
			return fmt.Errorf("database lacks migration %s: open it read-write once (whosaid ingest) to upgrade: %w", name, ErrInvalid)
		}
	}
	return nil
}
