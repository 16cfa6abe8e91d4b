package ingest

import (
	"context"

	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/store"
)

// Store is what a Pipeline needs of a database: batches to write articles
// into, and a log of HTTP fetches.
type Store interface {
	// Begin starts a batch. Only one batch is open at a time.
	Begin(ctx context.Context) (Batch, error)
	// FetchLog returns a new log of fetches for the walk's conditional
	// GETs; the pipeline commits it once every article of the run is
	// stored.
	FetchLog() FetchLog
}

// Batch is one transaction of articles, with store.Batch's contract: each
// article is stored or refused whole, a refused article costs only itself
// (its store.Result says why), and an error of the batch as a whole leaves
// nothing of it committed.
type Batch interface {
	// Add writes one article into the batch.
	Add(ctx context.Context, p store.Prepared) error
	// Commit commits the batch and returns the results of its articles in
	// the order they were added.
	Commit(ctx context.Context) ([]store.Result, error)
	// Rollback discards the batch; it is a no-op after Commit.
	Rollback()
}

// FetchLog remembers the validators of fetched pages (corpus.FetchCache)
// and keeps new ones only once committed, so that a run that stops before
// its articles are stored does not have the next run skip them as
// unchanged.
type FetchLog interface {
	corpus.FetchCache
	// Commit keeps the validators recorded so far.
	Commit(ctx context.Context) error
}

// DB returns db as a Store.
func DB(db *store.DB) Store { return dbStore{db} }

// dbStore is a *store.DB seen as a Store: its Begin and FetchLog return
// concrete types, which Go does not take for the interfaces they satisfy.
type dbStore struct{ db *store.DB }

func (s dbStore) Begin(ctx context.Context) (Batch, error) {
	b, err := s.db.Begin(ctx)
	if err != nil {
		return nil, err // not a nil *store.Batch in a non-nil Batch
	}
	return b, nil
}

func (s dbStore) FetchLog() FetchLog { return s.db.FetchLog() }
