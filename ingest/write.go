package ingest

import (
	"context"
	"fmt"
	"time"

	"github.com/whosaid/whosaid/store"
)

// write is the writer: it takes the extracted articles from found, puts
// them back in the order of the walk, gives back each one's window token
// as its turn comes, and stores it through a batcher; an article whose
// extraction failed is counted and reported instead. It returns when
// found is closed and the last batch committed, or at the first error of
// the store, with the open batch rolled back.
func (p *Pipeline) write(ctx context.Context, found <-chan extracted, window <-chan struct{}, t *tally) error {
	w := newBatcher(p.store, p.opts.BatchSize, p.opts.MaxWait, t)
	defer w.close()
	order := newReorder[extracted]()
	for {
		select {
		case e, ok := <-found:
			if !ok {
				return w.flush(ctx)
			}
			order.put(e.seq, e)
		case <-w.wait.C:
			if err := w.flush(ctx); err != nil {
				return err
			}
			continue
		}
		for e, ok := order.pop(); ok; e, ok = order.pop() {
			<-window
			if e.err != nil {
				t.skip(fmt.Sprintf("%s: not extracted: %v", e.p.Findings.Article.Source, e.err))
				continue
			}
			if err := w.add(ctx, e.p); err != nil {
				return err
			}
		}
	}
}

// batcher writes each article into the open batch as it comes, and
// commits the batch when it holds size articles or its first has waited
// maxWait. (Committing whenever no article was waiting made batches of
// one or two articles once the writer kept up with extraction, and each
// commit rewrites every index page its batch touched.)
type batcher struct {
	store   Store
	size    int
	maxWait time.Duration
	t       *tally
	b       Batch     // the open batch, nil when none is
	counts  []counted // of the articles in b, for the summary
	// wait fires when the open batch's first article has waited maxWait.
	wait *time.Timer
}

func newBatcher(s Store, size int, maxWait time.Duration, t *tally) *batcher {
	w := &batcher{store: s, size: size, maxWait: maxWait, t: t, wait: time.NewTimer(maxWait)}
	w.wait.Stop()
	return w
}

// add writes p into the open batch, beginning one when none is open, and
// commits the batch once full.
func (w *batcher) add(ctx context.Context, p store.Prepared) error {
	if w.b == nil {
		var err error
		if w.b, err = w.store.Begin(ctx); err != nil {
			return err
		}
		w.wait.Reset(w.maxWait)
	}
	if err := w.b.Add(ctx, p); err != nil {
		return err
	}
	w.counts = append(w.counts, counted{quotes: len(p.Findings.Quotes), claims: len(p.Findings.Claims)})
	if len(w.counts) == w.size {
		return w.flush(ctx)
	}
	return nil
}

// flush commits the open batch, if any, and counts its articles.
func (w *batcher) flush(ctx context.Context) error {
	w.wait.Stop()
	if w.b == nil {
		return nil
	}
	res, err := w.b.Commit(ctx)
	w.b = nil
	if err != nil {
		return err
	}
	for i, r := range res {
		w.t.stored(r, w.counts[i])
	}
	w.counts = w.counts[:0]
	return nil
}

// close rolls back the open batch, if any, and stops the timer.
func (w *batcher) close() {
	w.wait.Stop()
	if w.b != nil {
		w.b.Rollback()
		w.b = nil
	}
}

// reorder holds values that arrive out of order until their turn: it gives
// them back in the order of their sequence numbers, 0, 1, 2 …
type reorder[T any] struct {
	pending map[int]T
	next    int
}

func newReorder[T any]() *reorder[T] {
	return &reorder[T]{pending: make(map[int]T)}
}

// put holds v, number seq.
func (r *reorder[T]) put(seq int, v T) { r.pending[seq] = v }

// pop returns the value whose turn it is, if it has arrived.
func (r *reorder[T]) pop() (v T, ok bool) {
	v, ok = r.pending[r.next]
	if ok {
		delete(r.pending, r.next)
		r.next++
	}
	return v, ok
}
