package ingest

import (
	"fmt"
	"sync"
	"time"

	"github.com/whosaid/whosaid/store"
)

// Summary counts what a Run did.
type Summary struct {
	// Read is the articles read and stored or found already stored:
	// Added + Unchanged.
	Read int
	// Added is the articles whose rows were written (new or replaced).
	Added int
	// Unchanged is the articles already stored, duplicates of a stored
	// story, and fetched pages unchanged since the last run.
	Unchanged int
	// Skipped is the inputs reported through Options.Report: unreadable,
	// not extracted or refused by the store.
	Skipped int
	// Quotes and Claims are the findings of the articles added.
	Quotes, Claims int
	// Took is the wall time of the run.
	Took time.Duration
}

// String is the summary line `whosaid ingest` prints.
func (s Summary) String() string {
	rate := float64(s.Read) / s.Took.Seconds()
	return fmt.Sprintf("ingested %d articles (%d new, %d already stored, %d skipped): %d quotes, %d claims in %s (%.0f articles/s)",
		s.Read, s.Added, s.Unchanged, s.Skipped, s.Quotes, s.Claims, s.Took.Round(time.Millisecond), rate)
}

// tally is a run's Summary as its stages count it: the walk and the writer
// both count, so under a lock, which also keeps Report's calls apart.
type tally struct {
	mu       sync.Mutex
	sum      Summary
	report   func(string)
	progress func()
}

// unchanged counts a fetched page unchanged since the last run.
func (t *tally) unchanged() {
	t.mu.Lock()
	t.sum.Read++
	t.sum.Unchanged++
	t.mu.Unlock()
	t.progress()
}

// skip counts and reports an input skipped.
func (t *tally) skip(msg string) {
	t.mu.Lock()
	t.sum.Skipped++
	t.report(msg)
	t.mu.Unlock()
}

// stored counts an article committed with result r and the findings c.
func (t *tally) stored(r store.Result, c counted) {
	t.mu.Lock()
	switch {
	case r.Err != nil:
		t.sum.Skipped++
		t.report(fmt.Sprintf("%s: not stored: %v", r.Source, r.Err))
	case r.Added:
		t.sum.Read++
		t.sum.Added++
		t.sum.Quotes += c.quotes
		t.sum.Claims += c.claims
	default:
		t.sum.Read++
		t.sum.Unchanged++
	}
	t.mu.Unlock()
	t.progress()
}

// summary returns the counts so far.
func (t *tally) summary() Summary {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.sum
}

// counted is what the summary counts of an article in the open batch.
type counted struct{ quotes, claims int }
