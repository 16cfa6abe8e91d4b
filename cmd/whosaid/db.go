package main

import (
	"context"

	"github.com/whosaid/whosaid/corpus"
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

// writer is what ingest writes to.
type writer interface {
	// begin starts a batch of articles committed together.
	begin(ctx context.Context) (batch, error)
	// fetchLog remembers fetched URLs' validators, saved by its Commit.
	fetchLog() fetchLog
	Close() error
}

// batch is one transaction of articles (store.Batch, postgres.Batch).
type batch interface {
	Add(ctx context.Context, p store.Prepared) error
	Len() int
	Commit(ctx context.Context) ([]store.Result, error)
	Rollback()
}

var (
	_ batch = (*store.Batch)(nil)
	_ batch = (*postgres.Batch)(nil)
)

// fetchLog is the fetch cache a walk fills and a finished ingest saves.
type fetchLog interface {
	corpus.FetchCache
	Commit(ctx context.Context) error
}

var (
	_ fetchLog = (*store.FetchLog)(nil)
	_ fetchLog = (*postgres.FetchLog)(nil)
)

// sqliteWriter and pgWriter adapt the stores' Begin and FetchLog, which
// return their own concrete types, to writer.
type sqliteWriter struct{ *store.DB }

func (w sqliteWriter) begin(ctx context.Context) (batch, error) {
	b, err := w.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return b, nil
}

func (w sqliteWriter) fetchLog() fetchLog { return w.FetchLog() }

type pgWriter struct{ *postgres.DB }

func (w pgWriter) begin(ctx context.Context) (batch, error) {
	b, err := w.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return b, nil
}

func (w pgWriter) fetchLog() fetchLog { return w.FetchLog() }

var (
	_ writer = sqliteWriter{}
	_ writer = pgWriter{}
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
	return sqliteWriter{db}, nil
}
