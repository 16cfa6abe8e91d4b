package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/store"
)

// TestRunBatches checks the batching policy over whole runs: batches of
// BatchSize articles and a last short one, in the order of the walk
// however the workers finish.
func TestRunBatches(t *testing.T) {
	var texts []string
	for i := range 10 {
		// Earlier articles take longer, so the workers finish them last.
		texts = append(texts, fmt.Sprintf("sleep %d ms: article %d.", 2*(10-i), i))
	}
	dir := writeArticles(t, texts...)
	for _, tc := range []struct {
		name      string
		batchSize int
		want      [][]string
	}{
		{"three", 3, [][]string{names(0, 1, 2), names(3, 4, 5), names(6, 7, 8), names(9)}},
		{"one", 1, [][]string{names(0), names(1), names(2), names(3), names(4), names(5), names(6), names(7), names(8), names(9)}},
		{"exactly all", 10, [][]string{names(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)}},
		{"more than all", 0, [][]string{names(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &fakeStore{}
			var ticks int
			var mu sync.Mutex
			p := New(fakeExtractor{}, s, &corpus.Walker{}, Options{Workers: 4, BatchSize: tc.batchSize, MaxWait: time.Minute,
				Progress: func() { mu.Lock(); ticks++; mu.Unlock() }})
			sum, err := p.Run(context.Background(), []string{dir})
			require.NoError(t, err)
			assert.Equal(t, tc.want, s.committed())
			assert.Equal(t, Summary{Read: 10, Added: 10, Quotes: 10, Took: sum.Took}, sum)
			assert.Equal(t, 10, ticks)
			assert.Equal(t, 1, s.fetches.commits, "fetches saved once the run is stored")
		})
	}
}

// TestRunSkipsOnlyTheBadArticle checks that an unreadable input, an
// extraction that panics and an article the store refuses each cost only
// themselves: reported with their file name, counted as skipped, the
// other articles stored in order and in the same batches.
func TestRunSkipsOnlyTheBadArticle(t *testing.T) {
	dir := writeArticles(t, "one", "two", "", "a text that makes the extractor panic", "refused", "six", "seven")
	s := &fakeStore{refuse: map[string]bool{"04.txt": true}}
	var reports []string
	p := New(fakeExtractor{}, s, &corpus.Walker{}, Options{Workers: 2, BatchSize: 2,
		Report: func(msg string) { reports = append(reports, msg) }})
	sum, err := p.Run(context.Background(), []string{dir})
	require.NoError(t, err)
	assert.Equal(t, [][]string{names(0, 1), names(4, 5), names(6)}, s.committed())
	assert.Equal(t, Summary{Read: 4, Added: 4, Skipped: 3, Quotes: 4, Took: sum.Took}, sum)
	at := func(n int) string { return filepath.Join(dir, names(n)[0]) }
	assert.Equal(t, []string{
		at(2) + ": empty input",
		at(3) + ": not extracted: extractor failed: index out of range",
		at(4) + ": not stored: refused",
	}, reports)
}

// TestRunStoreFails checks that a failure of the store as a whole stops
// the run with its error: the batches committed before it stay, the open
// one is rolled back, and the fetch log is not saved.
func TestRunStoreFails(t *testing.T) {
	var texts []string
	for i := range 40 {
		texts = append(texts, fmt.Sprintf("article %d", i))
	}
	s := &fakeStore{failAt: 6}
	p := New(fakeExtractor{}, s, &corpus.Walker{}, Options{Workers: 3, BatchSize: 4})
	sum, err := p.Run(context.Background(), []string{writeArticles(t, texts...)})
	require.ErrorIs(t, err, errDiskFull)
	assert.Equal(t, [][]string{names(0, 1, 2, 3)}, s.committed())
	assert.Equal(t, 4, sum.Added)
	assert.Zero(t, s.fetches.commits)
}

// TestRunCancelled checks that a cancelled context stops a run with its
// error and saves no fetches.
func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := &fakeStore{}
	_, err := New(fakeExtractor{}, s, &corpus.Walker{}, Options{}).Run(ctx, []string{writeArticles(t, "one", "two")})
	require.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, s.committed())
	assert.Zero(t, s.fetches.commits)
}

// TestWriteMaxWait feeds the writer a slow trickle: an article waits no
// longer than MaxWait for its batch to fill, and a batch is not committed
// before then while it is not full.
func TestWriteMaxWait(t *testing.T) {
	s := &fakeStore{}
	p := New(fakeExtractor{}, s, &corpus.Walker{}, Options{BatchSize: 100, MaxWait: 50 * time.Millisecond})
	found := make(chan extracted)
	window := make(chan struct{}, 10)
	for range 3 {
		window <- struct{}{}
	}
	done := make(chan error, 1)
	go func() {
		done <- p.write(context.Background(), found, window, &tally{report: func(string) {}, progress: func() {}})
	}()
	send := func(seq int) {
		a := whosaid.Article{Text: "text", Source: names(seq)[0]}
		found <- extracted{seq: seq, p: store.Prepare(whosaid.Findings{Article: a})}
	}

	send(0)
	send(1)
	assert.Empty(t, s.committed(), "a batch that is neither full nor old waits")
	require.Eventually(t, func() bool { return len(s.committed()) == 1 }, 2*time.Second, 5*time.Millisecond)
	assert.Equal(t, [][]string{names(0, 1)}, s.committed())

	time.Sleep(100 * time.Millisecond)
	assert.Len(t, s.committed(), 1, "no batch is begun, so none is committed, while nothing comes")
	send(2)
	close(found)
	require.NoError(t, <-done)
	assert.Equal(t, [][]string{names(0, 1), names(2)}, s.committed())
	assert.Empty(t, window, "every token given back")
}

// TestReorder checks that values come back in the order of their numbers,
// each once its turn has come.
func TestReorder(t *testing.T) {
	for _, tc := range []struct {
		name string
		puts []int
		want [][]int // what is popped after each put
	}{
		{"in order", []int{0, 1, 2}, [][]int{{0}, {1}, {2}}},
		{"reversed", []int{2, 1, 0}, [][]int{nil, nil, {0, 1, 2}}},
		{"gap filled late", []int{0, 2, 3, 1, 4}, [][]int{{0}, nil, nil, {1, 2, 3}, {4}}},
		{"never filled", []int{1, 2}, [][]int{nil, nil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newReorder[int]()
			for i, seq := range tc.puts {
				r.put(seq, seq)
				var got []int
				for v, ok := r.pop(); ok; v, ok = r.pop() {
					got = append(got, v)
				}
				assert.Equal(t, tc.want[i], got, "after put(%d)", seq)
			}
		})
	}
}

// TestOptionsDefaults checks what the zero Options mean.
func TestOptionsDefaults(t *testing.T) {
	o := Options{}.withDefaults()
	assert.Positive(t, o.Workers)
	assert.Equal(t, 512, o.BatchSize)
	assert.Equal(t, 500*time.Millisecond, o.MaxWait)
	assert.NotNil(t, o.Report)
	assert.NotNil(t, o.Progress)
	set := Options{Workers: 3, BatchSize: 7, MaxWait: time.Second}.withDefaults()
	assert.Equal(t, [3]any{3, 7, time.Second}, [3]any{set.Workers, set.BatchSize, set.MaxWait})
}

// TestSummaryString checks the summary line `whosaid ingest` prints.
func TestSummaryString(t *testing.T) {
	s := Summary{Read: 10, Added: 7, Unchanged: 3, Skipped: 2, Quotes: 40, Claims: 12, Took: 2*time.Second + 345678*time.Microsecond}
	assert.Equal(t, "ingested 10 articles (7 new, 3 already stored, 2 skipped): 40 quotes, 12 claims in 2.346s (4 articles/s)", s.String())
}

// TestRunIntoDB runs the real extractor into a real database, twice: the
// second run finds every article stored already.
func TestRunIntoDB(t *testing.T) {
	ctx := context.Background()
	x, err := extract.New()
	require.NoError(t, err)
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	require.NoError(t, err)
	defer db.Close()
	src := []string{"../testdata/articles"}

	first, err := New(x, DB(db), &corpus.Walker{}, Options{BatchSize: 2}).Run(ctx, src)
	require.NoError(t, err)
	assert.Positive(t, first.Added)
	assert.Positive(t, first.Quotes)
	assert.Zero(t, first.Skipped)
	n, err := db.Counts(ctx)
	require.NoError(t, err)
	assert.Equal(t, first.Added, n.Articles)

	again, err := New(x, DB(db), &corpus.Walker{}, Options{}).Run(ctx, src)
	require.NoError(t, err)
	assert.Equal(t, Summary{Read: first.Read, Unchanged: first.Read, Took: again.Took}, again)
}
