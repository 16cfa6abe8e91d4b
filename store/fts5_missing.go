//go:build !sqlite_fts5

package store

// The store's full-text search needs SQLite's FTS5 extension, which
// github.com/mattn/go-sqlite3 compiles in only under a build tag. Without the
// tag every query on quotes_fts would fail at run time with "no such module:
// fts5", far from the cause; this file makes the build itself fail, naming
// the fix in the error ("undefined: rebuild_with_tags_sqlite_fts5"). Build and
// test with -tags sqlite_fts5 (the Makefile does).
var _ = rebuild_with_tags_sqlite_fts5
