package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/store"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "[flags] SOURCE...", "Reads articles from files, folders (recursively), JSON Lines, standard input (-),\nhttp(s) URLs of pages, RSS/Atom/JSON feeds and sitemaps (each linked article is fetched),\nand WARC files; extracts who said what, and stores it. Re-running on the same sources adds\nnothing twice, and fetches only pages that changed. Copies of one story from several\noutlets are stored once, as occurrences of the first.")
	dbPath := fs.String("db", "whosaid.db", "SQLite database `file`")
	workers := fs.Int("workers", 0, "extraction workers (0: one per CPU)")
	quiet := fs.Bool("quiet", false, "no progress bar and no summary")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to `file`, for `go tool pprof`")
	fetcher := &corpus.Fetcher{}
	fs.IntVar(&fetcher.PerHost, "per-host", 2, "most requests in flight to one host, for URL, feed and sitemap sources")
	fs.DurationVar(&fetcher.Delay, "delay", time.Second, "least time between requests to one host (a longer robots.txt Crawl-delay wins)")
	fs.DurationVar(&fetcher.Timeout, "timeout", 30*time.Second, "time limit of one HTTP request")
	fs.IntVar(&fetcher.Retries, "retries", 3, "retries of a request that failed with a network error, 429 or 5xx, with exponential backoff")
	sources, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(sources) == 0 {
		fs.Usage()
		return errUsage
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	db, x, err := openAndLoad(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	prog := newProgress(e, "ingesting", *quiet)
	p := ingest.New(x, ingest.DB(db), &corpus.Walker{Fetcher: fetcher, Stdin: e.stdin}, ingest.Options{
		Workers: *workers,
		Report: func(msg string) {
			prog.clear()
			fmt.Fprintln(e.stderr, msg)
		},
		Progress: prog.add,
	})
	sum, err := p.Run(ctx, sources)
	prog.finish()
	if !*quiet {
		fmt.Fprintln(e.stderr, sum)
	}
	if err != nil {
		return err
	}
	if sum.Skipped > 0 {
		return fmt.Errorf("%d of %d inputs skipped: %w", sum.Skipped, sum.Read+sum.Skipped, errSkipped)
	}
	return nil
}

// openAndLoad opens the database at path while the extraction models
// load: both are start-up time before the first article.
func openAndLoad(ctx context.Context, path string) (*store.DB, *extract.Extractor, error) {
	type opened struct {
		db  *store.DB
		err error
	}
	dbc := make(chan opened, 1)
	go func() {
		db, err := store.Open(ctx, path)
		dbc <- opened{db, err}
	}()
	x, err := loadExtractor()
	o := <-dbc
	if err == nil {
		err = o.err
	}
	if err != nil {
		if o.err == nil {
			o.db.Close()
		}
		return nil, nil, err
	}
	return o.db, x, nil
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
