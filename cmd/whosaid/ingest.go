package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"

	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/queue"
)

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
	db, x, err := openAndLoad(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	prog := newProgress(e, "ingesting", *quiet)
	p := ingest.New(x, db, &corpus.Walker{Fetcher: fetcher, Stdin: e.stdin}, ingest.Options{
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

// openAndLoad opens the database at path (a file or a postgres:// URL) while the extraction models
// load: both are start-up time before the first article.
func openAndLoad(ctx context.Context, path string) (writer, *extract.Extractor, error) {
	type opened struct {
		db  writer
		err error
	}
	dbc := make(chan opened, 1)
	go func() {
		db, err := openWriter(ctx, path)
		dbc <- opened{db, err}
	}()
	x, err := loadExtractor()
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestMemLimit)
	}
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

// ingestMemLimit is the soft limit on the Go heap of an ingest unless
// GOMEMLIMIT says otherwise. An ingest keeps ~85 MB live (a batch of up to
// 2,048 articles' findings, the extraction scratch, the linker's cache);
// left to GOGC alone the heap grew to ~145 MB, which with SQLite's 64 MiB
// page cache and the binary took a 12,500-article ingest into a large
// archive to 290-337 MB, over issue 18's 300 MB. At this limit the
// 100,000-article scale run peaks at 237-284 MB (128 MiB: 261-301); the
// collector runs more often only once the heap nears it (docs/scale.md).
const ingestMemLimit = 112 << 20

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
