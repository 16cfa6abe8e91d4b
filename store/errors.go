package store

import (
	"errors"

	"github.com/mattn/go-sqlite3"
)

var (
	// ErrNotFound is returned (wrapped) when an asked-for article does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid is returned (wrapped) for input the store refuses: findings
	// whose offsets fall outside the article text, a malformed date, an
	// unusable query parameter.
	ErrInvalid = errors.New("invalid")
	// ErrReadOnly is returned by writes on a DB opened with OpenReadOnly.
	ErrReadOnly = errors.New("database opened read-only")
)

// sqliteCode returns the primary result code of a driver error, or 0 when err
// does not come from SQLite.
func sqliteCode(err error) sqlite3.ErrNo {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code
	}
	return 0
}

// articleFault reports whether err is the fault of one article's data, so
// that rolling back its savepoint and carrying on with the batch is right.
// Anything else (I/O, full disk, busy, interrupted, cancelled) means the
// transaction itself is in trouble and the whole batch must stop.
func articleFault(err error) bool {
	if errors.Is(err, ErrInvalid) {
		return true
	}
	switch sqliteCode(err) {
	case sqlite3.ErrConstraint, sqlite3.ErrTooBig, sqlite3.ErrMismatch, sqlite3.ErrRange:
		return true
	}
	return false
}
