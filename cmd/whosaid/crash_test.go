package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests in this file run the real binary as a separate process, kill
// it with SIGKILL at several moments of an ingest, run it again, and check
// that the database is whole and equal to one from an uninterrupted run;
// and that readers in other processes keep working while an ingest writes.
// `make crashtest` runs them alone. They take some tens of seconds, so
// -short skips them.

// buildOnce builds the binary once per test binary run.
var buildOnce = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "whosaid-crash-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "whosaid")
	out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// crashBinary returns the built binary, skipping under -short.
func crashBinary(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds and kills a real ingest; skipped with -short")
	}
	bin, err := buildOnce()
	require.NoError(tb, err)
	return bin
}

// crashCorpus makes a folder of n real articles: the PolNeAR training
// stories when ../shared is beside the checkout, else variants of the
// project's gold stories. A few bad inputs are mixed in, so the skipped
// lines and the exit status are compared too.
func crashCorpus(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	src, _ := filepath.Glob("../../../shared/data/polnear/train/text/*.txt")
	if len(src) >= n {
		for _, p := range src[:n] {
			b, err := os.ReadFile(p)
			require.NoError(tb, err)
			require.NoError(tb, os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644))
		}
	} else {
		golds, err := filepath.Glob("../../testdata/gold/*.json")
		require.NoError(tb, err)
		require.NotEmpty(tb, golds)
		for i := range n {
			b, err := os.ReadFile(golds[i%len(golds)])
			require.NoError(tb, err)
			var g struct{ Text string }
			require.NoError(tb, json.Unmarshal(b, &g))
			// Each variant is a story of its own: its own closing
			// paragraph, quoting someone else.
			text := fmt.Sprintf("%s\n\"We are number %d,\" said spokesman John Doe%d.\n", g.Text, i, i)
			require.NoError(tb, os.WriteFile(filepath.Join(dir, fmt.Sprintf("story-%04d.txt", i)), []byte(text), 0o644))
		}
	}
	require.NoError(tb, os.WriteFile(filepath.Join(dir, "zz-empty.txt"), nil, 0o644))
	require.NoError(tb, os.WriteFile(filepath.Join(dir, "zz-bad.jsonl"), []byte("{\"text\":\"good line\"}\n{broken\n"), 0o644))
	return dir
}

// ingestProc starts `whosaid ingest` on corpus into db.
func ingestProc(tb testing.TB, bin, db, corpus string) (*exec.Cmd, *strings.Builder) {
	tb.Helper()
	cmd := exec.Command(bin, "ingest", "--db", db, corpus)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	require.NoError(tb, cmd.Start())
	return cmd, &stderr
}

// exitCode waits for cmd and returns its exit status, -1 when killed.
func exitCode(cmd *exec.Cmd) int {
	err := cmd.Wait()
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return -1
		}
		return ee.ExitCode()
	}
	return -2
}

// skippedLines returns the lines of an ingest's stderr that report a
// skipped input, sorted, without the summary.
func skippedLines(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if l != "" && !strings.HasPrefix(l, "ingested ") {
			out = append(out, l)
		}
	}
	return out
}

// dbState is what must be equal between a resumed and a clean database.
type dbState struct {
	Integrity string
	// Orphans are the rows PRAGMA foreign_key_check finds without their
	// parent: none, though the writer does not enforce the keys.
	Orphans  []string
	Articles []string // id, content hash, findings hash
	Quotes   []string // article id, start, end, text, speaker kind and name
	Claims   []string
	Entities []string // article id, type, name, mention count
	Speakers []string
	Counts   string // rows in the tables not listed above
}

// readState reads a database through SQL directly, independently of the
// store package.
func readState(tb testing.TB, path string) dbState {
	tb.Helper()
	// Not mode=ro: a WAL database whose -shm file was removed by the last
	// writer's clean close cannot be opened read-only.
	db, err := sql.Open("sqlite3", "file:"+strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path))
	require.NoError(tb, err)
	defer db.Close()
	rows := func(q string) []string {
		r, err := db.Query(q)
		require.NoError(tb, err, q)
		defer r.Close()
		var out []string
		for r.Next() {
			var s string
			require.NoError(tb, r.Scan(&s))
			out = append(out, s)
		}
		require.NoError(tb, r.Err())
		return out
	}
	var st dbState
	require.NoError(tb, db.QueryRow("PRAGMA integrity_check").Scan(&st.Integrity))
	st.Orphans = rows(`SELECT "table" || ' ' || rowid || ' -> ' || parent FROM pragma_foreign_key_check`)
	st.Articles = rows(`SELECT id || ' ' || hex(content_hash) || ' ' || hex(findings_hash) FROM articles ORDER BY id`)
	st.Quotes = rows(`SELECT q.article_id || ' ' || q.start || ' ' || q."end" || ' ' || q.text || ' | ' || coalesce(s.kind, '') || ' ' || coalesce(s.name, '')
		FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY q.article_id, q.start, q."end"`)
	st.Claims = rows(`SELECT c.article_id || ' ' || c.start || ' ' || c."end" || ' | ' || coalesce(s.kind, '') || ' ' || coalesce(s.name, '')
		FROM claims c LEFT JOIN speakers s ON s.id = c.speaker_id ORDER BY c.article_id, c.start, c."end"`)
	st.Entities = rows(`SELECT (SELECT id FROM articles WHERE seq = e.article) || ' ' || e.type || ' ' || e.name || ' ' || (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)
		FROM entities e ORDER BY 1`)
	st.Speakers = rows(`SELECT kind || ' ' || name || ' ' || n_quotes || ' ' || n_claims FROM speakers ORDER BY 1`)
	st.Counts = strings.Join(rows(`SELECT 'dates ' || (SELECT count(*) FROM dates) || ', amounts ' || (SELECT count(*) FROM amounts) ||
		', occurrences ' || (SELECT count(*) FROM occurrences) || ', quotes_fts ' || (SELECT count(*) FROM quotes_fts) ||
		', claims_fts ' || (SELECT count(*) FROM claims_fts)`), "")
	return st
}

// TestKillAndResume kills a real ingest with SIGKILL at several moments,
// then runs it again to completion, and checks the database against an
// uninterrupted run: integrity_check is ok and the articles, quotes,
// claims, entities and speakers are the same.
func TestKillAndResume(t *testing.T) {
	bin := crashBinary(t)
	corpus := crashCorpus(t, 200)
	dir := t.TempDir()

	cleanDB := filepath.Join(dir, "clean.db")
	cmd, stderr := ingestProc(t, bin, cleanDB, corpus)
	start := time.Now()
	cleanCode := exitCode(cmd)
	full := time.Since(start)
	require.Contains(t, []int{0, 1}, cleanCode, stderr.String())
	cleanSkipped := skippedLines(stderr.String())
	clean := readState(t, cleanDB)
	require.Equal(t, "ok", clean.Integrity)
	require.Empty(t, clean.Orphans)
	require.NotEmpty(t, clean.Articles)
	require.NotEmpty(t, clean.Quotes)
	t.Logf("clean run: %d articles, %d quotes in %s", len(clean.Articles), len(clean.Quotes), full.Round(time.Millisecond))

	// Kill points: fractions of the clean run's time (from the start-up to
	// the last commits), one run killed twice before it is resumed, and
	// kills timed by the write-ahead log growing, so that some land in
	// the middle of a transaction.
	type plan struct {
		name  string
		kills []func(db string) time.Duration // each returns how long to let a run live
	}
	after := func(frac float64) func(string) time.Duration {
		return func(string) time.Duration { return time.Duration(frac * float64(full)) }
	}
	plans := []plan{
		{"at 10%", []func(string) time.Duration{after(0.1)}},
		{"at 50%", []func(string) time.Duration{after(0.5)}},
		{"at 85%", []func(string) time.Duration{after(0.85)}},
		{"twice, at 25% then 50%", []func(string) time.Duration{after(0.25), after(0.5)}},
		{"when the WAL passes 200 KB", []func(string) time.Duration{nil}},
	}
	killed := 0
	for _, p := range plans {
		t.Run(p.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "crash.db")
			for _, k := range p.kills {
				cmd, _ := ingestProc(t, bin, db, corpus)
				done := make(chan int, 1)
				go func() { done <- exitCode(cmd) }()
				if k != nil {
					select {
					case code := <-done:
						t.Logf("finished (%d) before the kill", code)
						continue
					case <-time.After(k(db)):
					}
				} else if !waitWAL(db+"-wal", 200<<10, done) {
					t.Logf("finished before the WAL grew")
					continue
				}
				require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
				if code := <-done; code == -1 {
					killed++
					t.Logf("killed; WAL %d bytes", fileSize(db+"-wal"))
				}
			}
			cmd, stderr := ingestProc(t, bin, db, corpus)
			code := exitCode(cmd)
			assert.Equal(t, cleanCode, code, stderr.String())
			assert.Equal(t, cleanSkipped, skippedLines(stderr.String()), "the same inputs are reported as skipped")
			got := readState(t, db)
			assert.Equal(t, "ok", got.Integrity)
			assert.Empty(t, got.Orphans)
			assert.Equal(t, clean.Articles, got.Articles)
			assert.Equal(t, clean.Quotes, got.Quotes)
			assert.Equal(t, clean.Claims, got.Claims)
			assert.Equal(t, clean.Entities, got.Entities)
			assert.Equal(t, clean.Speakers, got.Speakers)
			assert.Equal(t, clean.Counts, got.Counts)
		})
	}
	assert.Greater(t, killed, 2, "most runs were killed mid-way, not finished first")
}

// fileSize is the size of the file at path, or -1 when there is none.
func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return -1
	}
	return fi.Size()
}

// waitWAL waits until the file at path is larger than size, and reports
// true, or until done says the process ended first.
func waitWAL(path string, size int64, done chan int) bool {
	for {
		select {
		case code := <-done:
			done <- code
			return false
		case <-time.After(2 * time.Millisecond):
		}
		if fi, err := os.Stat(path); err == nil && fi.Size() > size {
			return true
		}
	}
}

// TestReadersDuringIngest runs `quotes` and `speakers` in other processes,
// over and over, while an ingest writes: each must succeed and see a
// consistent database (WAL readers are never blocked by the writer).
func TestReadersDuringIngest(t *testing.T) {
	bin := crashBinary(t)
	corpus := crashCorpus(t, 300)
	db := filepath.Join(t.TempDir(), "w.db")
	// The database exists, with one story, before readers start.
	seed := filepath.Join(t.TempDir(), "seed.txt")
	require.NoError(t, os.WriteFile(seed, []byte(seedText(t)), 0o644))
	out, err := exec.Command(bin, "ingest", "--db", db, seed).CombinedOutput()
	require.NoError(t, err, string(out))

	cmd, stderr := ingestProc(t, bin, db, corpus)
	done := make(chan int, 1)
	go func() { done <- exitCode(cmd) }()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	reads, last := 0, 0
	for running := true; running; {
		select {
		case code := <-done:
			require.Contains(t, []int{0, 1}, code, stderr.String())
			running = false
		default:
		}
		out, err := exec.CommandContext(ctx, bin, "quotes", "--db", db, "--format", "json").Output()
		require.NoError(t, err, "quotes while ingesting")
		var quotes []map[string]any
		require.NoError(t, json.Unmarshal(out, &quotes))
		assert.GreaterOrEqual(t, len(quotes), last, "a reader sees committed quotes only, never fewer")
		last = len(quotes)
		_, err = exec.CommandContext(ctx, bin, "speakers", "--db", db).Output()
		require.NoError(t, err, "speakers while ingesting")
		reads++
	}
	t.Logf("%d reads during the ingest, %d quotes at the end", reads, last)
	assert.Greater(t, reads, 1)
}
