package store

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestMemStatusOff checks that SQLite's memory statistics are off: with
// them on, a database open and written has memory in use.
func TestMemStatusOff(t *testing.T) {
	db := openTest(t)
	put(t, db, natoFindings(t))
	assert.Zero(t, memoryUsed(), "SQLite counts its memory: memstatus is on")
}
