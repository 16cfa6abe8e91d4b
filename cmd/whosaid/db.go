package main

import (
	"context"

	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/store"
	"github.com/whosaid/whosaid/store/postgres"
	"github.com/whosaid/whosaid/web"
)

// The --db flag names a SQLite file or, as a postgres:// or postgresql://
// URL, a PostgreSQL database; the commands use either through the
// interfaces here.

// dbUsage is the help text of every --db flag.
const dbUsage = "database: a SQLite `file`, or a postgres:// URL"

// reader is what the query commands and the explorer read.
type reader interface {
	web.Store
	Targets(ctx context.Context, limit, offset int) ([]store.TargetRow, error)
	EachQuote(ctx context.Context, fn func(store.QuoteRow) error) error
	Close() error
}

var (
	_ reader = (*store.DB)(nil)
	_ reader = (*postgres.DB)(nil)
)

// openReader opens the database at dsn read-only.
func openReader(ctx context.Context, dsn string) (reader, error) {
	if postgres.IsURL(dsn) {
		db, err := postgres.OpenReadOnly(ctx, dsn)
		if err != nil {
			return nil, err
		}
		return db, nil
	}
	db, err := store.OpenReadOnly(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// writer is a database ingest writes to: ingest.Store, closed after.
type writer interface {
	ingest.Store
	Close() error
}

// sqliteWriter and pgWriter see the stores as ingest.Store, whose Begin
// and FetchLog return interfaces where the stores return their own types.
type sqliteWriter struct {
	ingest.Store
	db *store.DB
}

func (w sqliteWriter) Close() error { return w.db.Close() }

type pgWriter struct{ *postgres.DB }

func (w pgWriter) Begin(ctx context.Context) (ingest.Batch, error) {
	b, err := w.DB.Begin(ctx)
	if err != nil {
		return nil, err // not a nil *postgres.Batch in a non-nil Batch
	}
	return b, nil
}

func (w pgWriter) FetchLog() ingest.FetchLog { return w.DB.FetchLog() }

var (
	_ writer          = sqliteWriter{}
	_ writer          = pgWriter{}
	_ ingest.Batch    = (*postgres.Batch)(nil)
	_ ingest.FetchLog = (*postgres.FetchLog)(nil)
)

// openWriter opens the database at dsn for ingest, creating and
// migrating it as needed.
func openWriter(ctx context.Context, dsn string) (writer, error) {
	if postgres.IsURL(dsn) {
		db, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, err
		}
		return pgWriter{db}, nil
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return sqliteWriter{ingest.DB(db), db}, nil
}
