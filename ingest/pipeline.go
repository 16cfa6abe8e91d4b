package ingest

import (
	"context"
	"runtime"
	"sync"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
)

// batchSize is the default of Options.BatchSize. Each article is still
// stored or refused whole (see store.Batch), so one bad article costs only
// itself. A commit writes every page its batch touched, and the indexes
// are touched all over, so fewer, larger batches write less: 512 articles
// hold a few megabytes of findings.
const batchSize = 512

// maxWait is the default of Options.MaxWait.
const maxWait = 500 * time.Millisecond

// foundSize is how many extracted articles may wait for the writer. The
// writer stores each as it comes (store.Batch), so a few dozen let the
// workers go on through a commit; more would only let extraction run
// ahead, leaving the writer alone with the backlog once the input ends
// while the other cores idle.
const foundSize = 64

// Extractor turns an article into its findings; *extract.Extractor is
// one. Extract is called from several goroutines at once.
type Extractor interface {
	Extract(a whosaid.Article) whosaid.Findings
	// Complete fills in what Extract gives beyond the `extract` JSON to
	// findings read back from it (whosaid extract output as a source).
	Complete(f *whosaid.Findings)
}

// Options tune a Pipeline. The zero value is the default of each field.
type Options struct {
	// Workers is the number of extraction goroutines. Zero or less means
	// one per processor (runtime.GOMAXPROCS).
	Workers int
	// BatchSize is the most articles the writer commits in one
	// transaction. Zero or less means 512.
	BatchSize int
	// MaxWait is the longest an extracted article waits for its batch to
	// fill before the batch is committed anyway, so that a slow trickle of
	// input is still stored promptly. Zero or less means 500 ms.
	MaxWait time.Duration
	// Report receives one line per input skipped: the walk's problem with
	// it, its extraction's failure or the store's refusal, naming the
	// input. Calls do not overlap. Nil discards the lines.
	Report func(msg string)
	// Progress is called once per article counted as read, from the walk
	// or the writer; it may be called while another call runs. Nil means
	// nothing is called.
	Progress func()
}

// withDefaults returns o with its zero fields set to their defaults.
func (o Options) withDefaults() Options {
	if o.Workers < 1 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.BatchSize < 1 {
		o.BatchSize = batchSize
	}
	if o.MaxWait <= 0 {
		o.MaxWait = maxWait
	}
	if o.Report == nil {
		o.Report = func(string) {}
	}
	if o.Progress == nil {
		o.Progress = func() {}
	}
	return o
}

// Pipeline reads articles, extracts and stores them. A Pipeline runs one
// Run at a time.
type Pipeline struct {
	x      Extractor
	store  Store
	walker *corpus.Walker
	opts   Options
}

// New returns a pipeline that reads with walker, extracts with x and
// stores into s. Fetches of the walk are made with walker.Fetcher (a
// default Fetcher when nil), whose Cache each Run sets to s's FetchLog.
func New(x Extractor, s Store, walker *corpus.Walker, opts Options) *Pipeline {
	if walker.Fetcher == nil {
		walker.Fetcher = &corpus.Fetcher{}
	}
	return &Pipeline{x: x, store: s, walker: walker, opts: opts.withDefaults()}
}

// Run reads every article under sources (as corpus.Walker.Walk reads
// them), extracts and stores it, and returns what it did. An input the
// walk cannot read, an article whose extraction fails and one the store
// refuses are skipped, reported and counted, and the run goes on. Run
// returns an error when the store fails as a whole, when the walk stops,
// or when ctx is done; the batch being written is then rolled back, and
// the batches committed before it stay.
//
// Articles are stored in the order the walk reads them, whatever order the
// workers finish in: which copy of a near-duplicate story is kept depends
// on what was stored before it, so only a fixed order makes two runs on
// the same sources give the same database, and makes a run killed halfway
// and started again give the database an uninterrupted run would have.
// Fetched URLs' validators are saved (for conditional GET next time) only
// once the whole run is stored.
func (p *Pipeline) Run(ctx context.Context, sources []string) (Summary, error) {
	start := time.Now()
	fetches := p.store.FetchLog()
	p.walker.Fetcher.Cache = fetches
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	t := &tally{report: p.opts.Report, progress: p.opts.Progress}

	// window holds a token per article between the walk and the writer,
	// so that one slow article cannot make the writer's reorder buffer
	// grow without bound while the others race ahead.
	window := make(chan struct{}, 8*p.opts.Workers+foundSize)
	jobs := make(chan job, 4*p.opts.Workers)
	found := make(chan extracted, foundSize)
	walkErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		walkErr <- p.walk(ctx, sources, t, window, jobs)
	}()
	var wg sync.WaitGroup
	for range p.opts.Workers {
		wg.Go(func() { p.extract(ctx, jobs, found) })
	}
	go func() { wg.Wait(); close(found) }()

	err := p.write(ctx, found, window, t)
	if err != nil {
		cancel()
	}
	for range found { // drain after an error so the workers can exit
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
	sum := t.summary()
	sum.Took = time.Since(start)
	return sum, err
}
