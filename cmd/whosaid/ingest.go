package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/queue"
	"github.com/whosaid/whosaid/store"
)

// batchSize is how many articles the writer commits in one transaction;
// each article is still stored or refused whole (see store.Put), so one bad
// article costs only itself. A commit writes every page its batch touched,
// and the indexes are touched all over, so fewer, larger batches write
// less: 512 articles hold a few megabytes of findings.
const batchSize = 512

// maxBatchWait is the longest an extracted article waits for its batch to
// fill before it is committed anyway.
const maxBatchWait = 500 * time.Millisecond

// foundSize is how many extracted articles may wait for the writer. The
// writer stores each as it comes (store.Batch), so a few dozen let the
// workers go on through a commit; more would only let extraction run
// ahead, leaving the writer alone with the backlog once the input ends
// while the other cores idle.
const foundSize = 64

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "[flags] SOURCE...", "Reads articles from files, folders (recursively), JSON Lines, standard input (-),\nhttp(s) URLs of pages, RSS/Atom/JSON feeds and sitemaps (each linked article is fetched),\nand WARC files; extracts who said what, and stores it. Re-running on the same sources adds\nnothing twice, and fetches only pages that changed. Copies of one story from several\noutlets are stored once, as occurrences of the first.")
	dbPath := fs.String("db", "whosaid.db", dbUsage)
	workers := fs.Int("workers", 0, "extraction workers (0: one per CPU)")
	quiet := fs.Bool("quiet", false, "no progress bar and no summary")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to `file`, for `go tool pprof`")
	ff := addFetchFlags(fs)
	queued := fs.Bool("queue", false, "only split the sources into jobs and queue them for `whosaid worker` (needs a postgres:// --db)")
	var sizes queue.Sizes
	fs.IntVar(&sizes.Lines, "job-lines", 1000, "with --queue: most lines of a JSON Lines file per job")
	fs.IntVar(&sizes.Files, "job-files", 100, "with --queue: most files of a folder per job")
	maxAttempts := fs.Int("max-attempts", 5, "with --queue: times a failing job is tried before it is given up")
	sources, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(sources) == 0 {
		fs.Usage()
		return errUsage
	}
	if *queued {
		return enqueue(ctx, e, *dbPath, sources, sizes, *maxAttempts, *quiet)
	}
	fetcher := ff.fetcher()
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	// The database opens while the models load: both are start-up time
	// before the first article.
	type opened struct {
		db  writer
		err error
	}
	dbc := make(chan opened, 1)
	go func() {
		db, err := openWriter(ctx, *dbPath)
		dbc <- opened{db, err}
	}()
	x, err := loadExtractor()
	o := <-dbc
	if o.err == nil {
		defer o.db.Close()
	}
	if err != nil {
		return err
	}
	if o.err != nil {
		return o.err
	}
	db := o.db

	prog := newProgress(e, "ingesting", *quiet)
	sum, err := ingestFrom(ctx, db, x, &corpus.Walker{Fetcher: fetcher, Stdin: e.stdin}, sources, *workers, func(msg string) {
		prog.clear()
		fmt.Fprintln(e.stderr, msg)
	}, prog.add)
	prog.finish()
	if !*quiet {
		fmt.Fprintln(e.stderr, sum)
	}
	if err != nil {
		return err
	}
	if sum.skipped > 0 {
		return fmt.Errorf("%d of %d inputs skipped: %w", sum.skipped, sum.read+sum.skipped, errSkipped)
	}
	return nil
}

// loadExtractor loads the extraction models with the garbage collector
// off: loading builds the gazetteers' and the lexicon's maps, some
// megabytes, from a heap that starts at nothing, and the collector would
// run over them, growing, before the first article. (The tagger's
// model itself is used in place from the binary.)
func loadExtractor() (*extract.Extractor, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	return extract.New()
}

// startCPUProfile starts a CPU profile into the file path; stop ends it
// and closes the file.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile %s: %w", path, err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// summary counts what an ingest did.
type summary struct {
	read, added, unchanged, skipped int
	quotes, claims                  int
	took                            time.Duration
}

func (s summary) String() string {
	rate := float64(s.read) / s.took.Seconds()
	return fmt.Sprintf("ingested %d articles (%d new, %d already stored, %d skipped): %d quotes, %d claims in %s (%.0f articles/s)",
		s.read, s.added, s.unchanged, s.skipped, s.quotes, s.claims, s.took.Round(time.Millisecond), rate)
}

// ingestFrom streams articles from sources, read by walker, through workers
// extraction goroutines to one writer. Memory stays bounded by the channel
// sizes and the batch, not the corpus. report receives one line per skipped
// input; tick is called per article stored. Fetched URLs' validators are
// saved (for conditional GET next time) only once the whole run is stored.
//
// Articles are stored in the order the walk reads them, whatever order the
// workers finish in: which copy of a near-duplicate story is kept depends on
// what was stored before it, so only a fixed order makes two runs on the
// same sources give the same database, and makes a run killed halfway and
// started again give the database an uninterrupted run would have.
func ingestFrom(ctx context.Context, db writer, x *extract.Extractor, walker *corpus.Walker, sources []string, workers int,
	report func(string), tick func()) (summary, error) {
	start := time.Now()
	if walker.Fetcher == nil {
		walker.Fetcher = &corpus.Fetcher{}
	}
	fetches := db.fetchLog()
	walker.Fetcher.Cache = fetches
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var sum summary
	var mu sync.Mutex // guards sum.skipped, written by the reader and the writer
	skip := func(msg string) {
		mu.Lock()
		sum.skipped++
		report(msg)
		mu.Unlock()
	}

	// window holds a token per article between the walk and the writer,
	// so that one slow article cannot make the writer's reorder buffer
	// grow without bound while the others race ahead.
	window := make(chan struct{}, 8*workers+foundSize)
	articles := make(chan job, 4*workers)
	found := make(chan extracted, foundSize)
	walkErr := make(chan error, 1)
	go func() {
		defer close(articles)
		seq := 0
		walkErr <- walker.Walk(ctx, sources, func(it corpus.Item) error {
			if errors.Is(it.Err, corpus.ErrNotModified) {
				mu.Lock()
				sum.read++
				sum.unchanged++
				mu.Unlock()
				tick()
				return nil
			}
			if it.Err != nil {
				skip(it.Err.Error())
				return nil
			}
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case articles <- job{seq: seq, article: it.Article}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range articles {
				select {
				case found <- extractOne(x, j):
					// The writer is the pipeline's narrowest stage, and a
					// send that wakes it only queues it behind this
					// worker, which would keep the processor for up to a
					// time slice (10 ms) of the next article: yield, so
					// that it runs now. In a trace of the 1,786-article
					// ingest the writer waited 0.46-0.62 s for a processor
					// without this and 0.12-0.17 s with it; the ingest took
					// 5% less time.
					runtime.Gosched()
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(found) }()

	// The writer writes each article into the open batch as its turn
	// comes, and commits the batch when it holds batchSize articles or
	// its first has waited maxBatchWait, so that a slow trickle of input
	// is still stored promptly. (Committing whenever no finding was
	// waiting made batches of one or two articles once the writer kept up
	// with extraction, and each commit rewrites every index page its batch
	// touched.)
	var b batch
	var counts []counted // of the articles in b, for the summary
	defer func() {
		if b != nil {
			b.Rollback()
		}
	}()
	wait := time.NewTimer(maxBatchWait)
	wait.Stop()
	defer wait.Stop()
	flush := func() error {
		wait.Stop()
		if b == nil {
			return nil
		}
		res, err := b.Commit(ctx)
		b = nil
		if err != nil {
			return err
		}
		for i, r := range res {
			mu.Lock()
			switch {
			case r.Err != nil:
				sum.skipped++
				report(fmt.Sprintf("%s: not stored: %v", r.Source, r.Err))
			case r.Added:
				sum.read++
				sum.added++
				sum.quotes += counts[i].quotes
				sum.claims += counts[i].claims
			default:
				sum.read++
				sum.unchanged++
			}
			mu.Unlock()
			tick()
		}
		counts = counts[:0]
		return nil
	}
	add := func(p store.Prepared) error {
		if b == nil {
			var err error
			if b, err = db.begin(ctx); err != nil {
				return err
			}
			wait.Reset(maxBatchWait)
		}
		if err := b.Add(ctx, p); err != nil {
			return err
		}
		counts = append(counts, counted{quotes: len(p.Findings.Quotes), claims: len(p.Findings.Claims)})
		if b.Len() == batchSize {
			return flush()
		}
		return nil
	}
	var err error
	pending := make(map[int]extracted) // finished out of order, waiting for their turn
	next := 0
collect:
	for {
		var e extracted
		select {
		case got, ok := <-found:
			if !ok {
				break collect
			}
			e = got
		case <-wait.C:
			if err = flush(); err != nil {
				cancel()
				break collect
			}
			continue
		}
		pending[e.seq] = e
		for {
			e, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if e.err != nil {
				skip(fmt.Sprintf("%s: not extracted: %v", e.p.Findings.Article.Source, e.err))
				continue
			}
			if err = add(e.p); err != nil {
				cancel()
				break collect
			}
		}
	}
	for range found { // drain after an error so the workers can exit
	}
	if err == nil {
		err = flush()
	}
	if werr := <-walkErr; err == nil && werr != nil && ctx.Err() == nil {
		err = werr
	}
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = fetches.Commit(ctx)
	}
	sum.took = time.Since(start)
	return sum, err
}

// counted is what the summary counts of an article in the open batch.
type counted struct{ quotes, claims int }

// job is an article with its place in the order of the walk.
type job struct {
	seq     int
	article whosaid.Article
}

// extracted is the outcome of extracting one job: findings, passed
// through store.Prepare so that their hashes and near-duplicate sketch are
// computed by the worker rather than on the single writer; or the panic an
// extraction stage met on it.
type extracted struct {
	seq int
	p   store.Prepared
	err error
}

// extractOne extracts one article and prepares its findings for the store
// (store.Prepare), work that would otherwise wait on the single writer. A panic in an extraction stage (a bug
// that some text out of millions triggers) costs that article alone: it is
// turned into an error the writer reports as a skipped input, and the batch
// goes on.
func extractOne(x *extract.Extractor, j job) (e extracted) {
	e.seq = j.seq
	defer func() {
		if r := recover(); r != nil {
			e.p = store.Prepared{Findings: whosaid.Findings{Article: whosaid.Article{Source: j.article.Source}}}
			e.err = fmt.Errorf("extractor failed: %v", r)
		}
	}()
	e.p = store.Prepare(x.Extract(j.article))
	return e
}
