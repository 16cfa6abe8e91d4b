package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/queue"
	"github.com/whosaid/whosaid/store"
	"github.com/whosaid/whosaid/store/postgres"
)

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "worker", "--db postgres://… [flags]", "Runs queued ingest jobs (whosaid ingest --queue) against a PostgreSQL database: reads each\njob's sources, extracts and stores them, and marks the job done in the transaction that\nstores its articles, so a worker that crashes loses nothing and stores nothing twice:\nits job runs again elsewhere. Run as many workers, on as many machines, as the database\nand the sources can serve.")
	dbURL := fs.String("db", "", "PostgreSQL database `URL` (postgres://…)")
	workers := fs.Int("workers", 0, "jobs run at once by this process (0: one per CPU)")
	exitIdle := fs.Bool("exit-when-idle", false, "exit (0) once no job is waiting or running")
	jobTimeout := fs.Duration("job-timeout", 30*time.Minute, "cancel and retry a job running longer than this")
	quiet := fs.Bool("quiet", false, "no line per job")
	ff := addFetchFlags(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || !postgres.IsURL(*dbURL) {
		fs.Usage()
		return fmt.Errorf("--db must be a postgres:// URL: %w", errUsage)
	}
	db, err := postgres.Open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	x, err := loadExtractor()
	if err != nil {
		return err
	}
	n := *workers
	if n <= 0 {
		n = numCPU()
	}
	var mu sync.Mutex // one line at a time on stderr
	report := func(msg string) {
		mu.Lock()
		fmt.Fprintln(e.stderr, msg)
		mu.Unlock()
	}
	handle := func(ctx context.Context, job queue.Job, commit func(func(pgx.Tx) error) error) error {
		sum, stored, err := workJob(ctx, db, x, ff.fetcher, job, commit, report)
		if err != nil {
			return err
		}
		if !*quiet {
			report(fmt.Sprintf("job %s: %s; stored in %s", job, sum, stored.Round(time.Millisecond)))
		}
		return nil
	}
	var logOut io.Writer = e.stderr
	return queue.Run(ctx, db.Pool(), handle, queue.Options{Workers: n, JobTimeout: *jobTimeout, ExitWhenIdle: *exitIdle, Log: logOut})
}

// workJob runs one queued job: it reads and extracts the job's articles,
// then has commit store them (and the validators of the pages fetched) in
// the transaction that completes the job. Inputs that cannot be read and
// articles the store refuses are reported and skipped, as ingest does; an
// error fails the job, to be retried. stored is the time the transaction
// that stores the articles took (it holds the writer lock).
func workJob(ctx context.Context, db *postgres.DB, x *extract.Extractor, newFetcher func() *corpus.Fetcher,
	job queue.Job, commit func(func(pgx.Tx) error) error, report func(string)) (sum ingest.Summary, stored time.Duration, err error) {
	start := time.Now()
	fetches := db.FetchLog()
	f := newFetcher()
	f.Cache = fetches
	w := &corpus.Walker{Fetcher: f}
	var ps []store.Prepared
	type counted struct{ quotes, claims int }
	var counts []counted
	err = job.Walk(ctx, w, func(it corpus.Item) error {
		switch {
		case errors.Is(it.Err, corpus.ErrNotModified):
			sum.Read++
			sum.Unchanged++
		case it.Err != nil:
			sum.Skipped++
			report(it.Err.Error())
		default:
			p, err := extractSafely(x, it)
			if err != nil {
				sum.Skipped++
				report(fmt.Sprintf("%s: not extracted: %v", it.Article.Source, err))
				return nil
			}
			ps = append(ps, p)
			counts = append(counts, counted{quotes: len(p.Findings.Quotes), claims: len(p.Findings.Claims)})
		}
		return nil
	})
	if err != nil {
		return sum, 0, err
	}
	var res []store.Result
	storing := time.Now()
	err = commit(func(tx pgx.Tx) error {
		var err error
		if res, err = db.PutTx(ctx, tx, ps); err != nil {
			return err
		}
		return fetches.CommitTx(ctx, tx)
	})
	stored = time.Since(storing)
	if err != nil {
		return sum, stored, err
	}
	for i, r := range res {
		switch {
		case r.Err != nil:
			sum.Skipped++
			report(fmt.Sprintf("%s: not stored: %v", r.Source, r.Err))
		case r.Added:
			sum.Read++
			sum.Added++
			sum.Quotes += counts[i].quotes
			sum.Claims += counts[i].claims
		default:
			sum.Read++
			sum.Unchanged++
		}
	}
	sum.Took = time.Since(start)
	return sum, stored, nil
}

// extractSafely extracts one article, or completes the findings read with
// it (`whosaid extract` output as a source), and prepares them for the
// store; a panic in an extraction stage costs that article alone.
func extractSafely(x *extract.Extractor, it corpus.Item) (p store.Prepared, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extractor failed: %v", r)
		}
	}()
	if it.Findings != nil {
		f := *it.Findings
		x.Complete(&f)
		return store.Prepare(f), nil
	}
	return store.Prepare(x.Extract(it.Article)), nil
}

// fetchFlags are the HTTP politeness flags of ingest and worker.
type fetchFlags struct {
	perHost, retries *int
	delay, timeout   *time.Duration
}

func addFetchFlags(fs *flag.FlagSet) fetchFlags {
	return fetchFlags{
		perHost: fs.Int("per-host", 2, "most requests in flight to one host, for URL, feed and sitemap sources"),
		delay:   fs.Duration("delay", time.Second, "least time between requests to one host (a longer robots.txt Crawl-delay wins)"),
		timeout: fs.Duration("timeout", 30*time.Second, "time limit of one HTTP request"),
		retries: fs.Int("retries", 3, "retries of a request that failed with a network error, 429 or 5xx, with exponential backoff"),
	}
}

// fetcher returns a new Fetcher with the flags' settings.
func (f fetchFlags) fetcher() *corpus.Fetcher {
	return &corpus.Fetcher{PerHost: *f.perHost, Delay: *f.delay, Timeout: *f.timeout, Retries: *f.retries}
}

func numCPU() int { return runtime.GOMAXPROCS(0) }
