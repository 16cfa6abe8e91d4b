package ingest

import (
	"context"
	"errors"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
)

// job is an article with its place in the order of the walk.
type job struct {
	seq     int
	article whosaid.Article
	// findings, when the source held `whosaid extract` output, are
	// stored as read instead of extracting the article again.
	findings *whosaid.Findings
}

// walk reads the articles under sources and sends each to jobs, numbered
// in the order read, once it holds a token of window (which the writer
// gives back when the article's turn comes). Pages unchanged since the
// last run are counted, and inputs the walk cannot read counted and
// reported, here. It returns the walk's error, or ctx's once it is done.
func (p *Pipeline) walk(ctx context.Context, sources []string, t *tally, window chan<- struct{}, jobs chan<- job) error {
	seq := 0
	return p.walker.Walk(ctx, sources, func(it corpus.Item) error {
		if errors.Is(it.Err, corpus.ErrNotModified) {
			t.unchanged()
			return nil
		}
		if it.Err != nil {
			t.skip(it.Err.Error())
			return nil
		}
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case jobs <- job{seq: seq, article: it.Article, findings: it.Findings}:
			seq++
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}
