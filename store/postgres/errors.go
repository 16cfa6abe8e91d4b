package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/whosaid/whosaid/store"
)

// errReadOnlyPut is what writes return on a DB opened read-only.
var errReadOnlyPut = fmt.Errorf("put: %w", store.ErrReadOnly)

// errArticleFault dooms a batch written without savepoints when one
// article's data is refused, so that it is written again with them.
var errArticleFault = errors.New("article refused in a batch without savepoints")

// pgCode returns the SQLSTATE of a server error, or "" for another error.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// articleFault reports whether err is the fault of one article's data
// (store.ErrInvalid, or a data exception or integrity violation: SQLSTATE
// classes 22 and 23), so that rolling back its savepoint and going on
// with the batch is right. Anything else stops the batch.
func articleFault(err error) bool {
	if errors.Is(err, store.ErrInvalid) {
		return true
	}
	c := pgCode(err)
	return len(c) == 5 && (c[:2] == "22" || c[:2] == "23")
}

// retryable reports whether a transaction failed only because of another
// one (a deadlock, a serialization failure) and may simply run again.
func retryable(err error) bool {
	switch pgCode(err) {
	case "40001", "40P01":
		return true
	}
	return false
}
