// Package store keeps articles and their findings in a SQLite database, and
// answers the who-said-what questions the commands ask of it.
//
// The database is a single file in WAL mode, so readers (the query commands,
// the web explorer) never block the writer (ingest) and vice versa. The schema
// is created and upgraded by the embedded migrations in migration/; see
// "The database" in the README for every table and column.
//
// The package needs SQLite's FTS5 extension, which github.com/mattn/go-sqlite3
// compiles in only under the sqlite_fts5 build tag. Building without it fails
// at compile time; see fts5_missing.go.
//
// A DB opened with Open writes through one connection (SQLite allows one
// writer at a time) and reads through a separate pool of query-only
// connections. OpenReadOnly opens an existing database for reading only.
package store
