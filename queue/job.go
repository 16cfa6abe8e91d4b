package queue

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/whosaid/whosaid/corpus"
)

// Job is one piece of an ingest: sources read as `whosaid ingest` reads
// its arguments (a URL of a page, feed or sitemap; a WARC or other file),
// files of a folder read as a walk of the folder reads them, or lines
// [From, To) of a JSON Lines file. Paths are absolute, so every worker
// must see the files at the same paths (a shared or network file system,
// or the same image on every machine).
type Job struct {
	Sources []string `json:"sources,omitempty"`
	Files   []string `json:"files,omitempty"`
	JSONL   string   `json:"jsonl,omitempty"`
	From    int      `json:"from,omitempty"`
	To      int      `json:"to,omitempty"`
}

// Kind names whosaid's jobs in river's table.
func (Job) Kind() string { return "whosaid_ingest" }

// String describes the job for messages.
func (j Job) String() string {
	switch {
	case j.JSONL != "":
		return fmt.Sprintf("%s lines %d-%d", j.JSONL, j.From, j.To-1)
	case len(j.Files) == 1:
		return j.Files[0]
	case len(j.Files) > 0:
		return fmt.Sprintf("%d files from %s", len(j.Files), j.Files[0])
	}
	return strings.Join(j.Sources, " ")
}

// Sizes are the most articles or files one job gets.
type Sizes struct {
	// Lines is the most lines of a JSON Lines file per job (0: 1,000).
	Lines int
	// Files is the most files of a folder per job (0: 100).
	Files int
}

func (s Sizes) lines() int { return positiveOr(s.Lines, 1000) }
func (s Sizes) files() int { return positiveOr(s.Files, 100) }

func positiveOr(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// Split cuts sources into jobs: a URL (a page, a feed, a sitemap) is one
// job, a WARC file one job, a JSON Lines file one job per s.Lines lines, a
// folder one job per s.Files of the files a walk of it reads (its JSON
// Lines files split by lines), any other file one job. Standard input
// cannot be queued.
func Split(ctx context.Context, sources []string, s Sizes) ([]Job, error) {
	var jobs []Job
	addJSONL := func(path string) error {
		n, err := corpus.CountLines(path)
		if err != nil {
			return err
		}
		for from := 1; from <= n; from += s.lines() {
			jobs = append(jobs, Job{JSONL: path, From: from, To: min(from+s.lines(), n+1)})
		}
		return nil
	}
	for _, src := range sources {
		switch {
		case src == "-":
			return nil, fmt.Errorf("standard input cannot be queued: write it to a file the workers can read")
		case strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://"):
			jobs = append(jobs, Job{Sources: []string{src}})
			continue
		}
		abs, err := filepath.Abs(src)
		if err != nil {
			return nil, fmt.Errorf("queue %s: %w", src, err)
		}
		if info, err := os.Stat(abs); err != nil || !info.IsDir() {
			// A file (or a missing one, which its worker reports).
			if err == nil && corpus.IsJSONL(abs) {
				if err := addJSONL(abs); err != nil {
					return nil, err
				}
				continue
			}
			jobs = append(jobs, Job{Sources: []string{abs}})
			continue
		}
		files, err := corpus.FolderFiles(ctx, abs)
		if err != nil {
			return nil, err
		}
		var chunk []string
		flush := func() {
			if len(chunk) > 0 {
				jobs = append(jobs, Job{Files: chunk})
				chunk = nil
			}
		}
		for _, f := range files {
			if corpus.IsJSONL(f) {
				if err := addJSONL(f); err != nil {
					return nil, err
				}
				continue
			}
			chunk = append(chunk, f)
			if len(chunk) == s.files() {
				flush()
			}
		}
		flush()
	}
	return jobs, nil
}

// Walk reads the job's articles with w, as Walker.Walk would read them
// from the sources the job was split from.
func (j Job) Walk(ctx context.Context, w *corpus.Walker, yield func(corpus.Item) error) error {
	switch {
	case j.JSONL != "":
		return w.ReadJSONLLines(ctx, j.JSONL, j.From, j.To, yield)
	case len(j.Files) > 0:
		return w.WalkFolderFiles(ctx, j.Files, yield)
	}
	return w.Walk(ctx, j.Sources, yield)
}
