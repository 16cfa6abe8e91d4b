package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	"github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/testcorpus"
	"github.com/whosaid/whosaid/queue"
	"github.com/whosaid/whosaid/store/postgres/pgtest"
	"github.com/whosaid/whosaid/store/sqlar"
)

// workerJobs is how many jobs the multi-worker test splits its corpus into.
const workerJobs = 20

// workersSubset keeps every n-th article of the speed corpus for make test
// (a third: about 600 articles); WHOSAID_WORKERS_FULL=1 (make workertest)
// takes all 1,786.
const workersSubset = 3

// TestWorkersKilledMidJob ingests the speed corpus through the job queue:
// 20 jobs, three `whosaid worker` processes on one PostgreSQL database, one
// of them killed with SIGKILL while it runs a job. The database must hold
// what a single-process SQLite ingest of the same articles holds (articles,
// quotes, claims, speakers and entities, compared as sets), nothing twice,
// and the killed job must have been retried.
func TestWorkersKilledMidJob(t *testing.T) {
	pg := pgtest.URL(t)
	articles := testcorpus.Speed(t)
	bin := crashBinary(t)
	if os.Getenv("WHOSAID_WORKERS_FULL") == "" {
		var sub []testcorpus.Article
		for i := 0; i < len(articles); i += workersSubset {
			sub = append(sub, articles[i])
		}
		articles = sub
	}
	dir := filepath.Join(t.TempDir(), "corpus")
	testcorpus.Write(t, dir, articles)
	t.Logf("%d articles", len(articles))

	start := time.Now()
	lite := filepath.Join(t.TempDir(), "lite.db")
	out, err := exec.Command(bin, "ingest", "--db", lite, dir).CombinedOutput()
	require.NoError(t, err, "%s", out)
	t.Logf("SQLite, one process: %s (%s)", strings.TrimSpace(string(out)), time.Since(start).Round(time.Millisecond))

	perJob := (len(articles) + workerJobs - 1) / workerJobs
	out, err = exec.Command(bin, "ingest", "--db", pg, "--queue", "--job-files", strconv.Itoa(perJob), dir).CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), fmt.Sprintf("queued %d jobs", workerJobs))

	start = time.Now()
	var workers []*exec.Cmd
	var logs []*bytes.Buffer
	for range 3 {
		cmd := exec.Command(bin, "worker", "--db", pg, "--workers", "1", "--exit-when-idle")
		var buf bytes.Buffer
		cmd.Stdout, cmd.Stderr = &buf, &buf
		require.NoError(t, cmd.Start())
		workers, logs = append(workers, cmd), append(logs, &buf)
	}
	defer func() {
		for _, w := range workers {
			if w != nil {
				w.Process.Kill()
				w.Wait()
			}
		}
	}()

	// Kill a worker in the middle of a job: its client id, in river's
	// attempted_by, holds its process id; a job still running under it
	// once it is dead shows the kill came mid-job. Should it have come
	// between two jobs, another worker is started and killed.
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pg)
	require.NoError(t, err)
	defer conn.Close(ctx)
	runningUnder := func(pid int) bool {
		var running bool
		require.NoError(t, conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM river_job WHERE state = 'running'
			AND attempted_by[array_upper(attempted_by, 1)] LIKE $1)`, fmt.Sprintf("%%\\_%d\\_%%", pid)).Scan(&running))
		return running
	}
	start1 := func() int {
		cmd := exec.Command(bin, "worker", "--db", pg, "--workers", "1", "--exit-when-idle")
		var buf bytes.Buffer
		cmd.Stdout, cmd.Stderr = &buf, &buf
		require.NoError(t, cmd.Start())
		workers, logs = append(workers, cmd), append(logs, &buf)
		return len(workers) - 1
	}
	victim, killed := 0, false
	for try := 0; try < 5 && !killed; try++ {
		if try > 0 {
			victim = start1()
		}
		pid := workers[victim].Process.Pid
		deadline := time.Now().Add(2 * time.Minute)
		for !runningUnder(pid) {
			require.True(t, time.Now().Before(deadline), "worker %d never ran a job:\n%s", pid, logs[victim])
			time.Sleep(10 * time.Millisecond)
		}
		time.Sleep(100 * time.Millisecond) // into its job
		require.NoError(t, workers[victim].Process.Signal(syscall.SIGKILL))
		workers[victim].Wait()
		killed = runningUnder(pid)
		t.Logf("killed worker %d; mid-job: %v", pid, killed)
		workers[victim] = nil
	}
	require.True(t, killed, "no worker could be killed mid-job")

	for i, w := range workers {
		if w == nil {
			continue
		}
		done := make(chan error, 1)
		go func() { done <- w.Wait() }()
		select {
		case err := <-done:
			require.NoError(t, err, "worker %d:\n%s", i+1, logs[i])
		case <-time.After(10 * time.Minute):
			t.Fatalf("worker %d did not exit when idle:\n%s", i+1, logs[i])
		}
	}
	workers = nil
	took := time.Since(start)

	out, err = exec.Command(bin, "queue", "--db", pg).CombinedOutput()
	require.NoError(t, err, "%s", out)
	t.Logf("whosaid queue:\n%s", out)
	pool, err := pgxpool.New(ctx, pg)
	require.NoError(t, err)
	defer pool.Close()
	st, err := queue.ReadStats(ctx, pool)
	require.NoError(t, err)
	assert.Equal(t, queue.Stats{Done: workerJobs, Retried: st.Retried, Problems: []queue.Problem{}}, st)
	assert.GreaterOrEqual(t, st.Retried, 1, "the killed worker's job ran again")

	got := dbSets(t, "pgx", pg)
	t.Logf("three workers, one killed: %d jobs, %d retried, %d articles in %s (%.0f articles/s)",
		st.Done, st.Retried, len(got["articles"]), took.Round(time.Millisecond), float64(len(articles))/took.Seconds())

	// Speaker linking depends on what is stored before ("Brown" alone is
	// the one Brown known so far), in SQLite as in PostgreSQL, and jobs
	// commit in the order workers finish them. Each job's writes hold the
	// writer lock until its commit, which completes the job: so the
	// database must be exactly what one process ingesting the jobs'
	// files in the order the jobs completed stores.
	rows, err := pool.Query(ctx, `SELECT args FROM river_job WHERE kind = $1 ORDER BY finalized_at, id`, queue.Job{}.Kind())
	require.NoError(t, err)
	jobs, err := pgx.CollectRows(rows, pgx.RowToStructByPos[struct{ Job queue.Job }])
	require.NoError(t, err)
	var files []string
	for _, j := range jobs {
		files = append(files, j.Job.Files...)
	}
	require.Len(t, files, len(articles))
	ordered := filepath.Join(t.TempDir(), "ordered.db")
	out, err = exec.Command(bin, append([]string{"ingest", "--quiet", "--db", ordered}, files...)...).CombinedOutput()
	require.NoError(t, err, "%s", out)
	same := dbSets(t, "sqlite3", ordered)
	for _, table := range []string{"articles", "quotes", "claims", "speakers", "entities"} {
		// As multisets: a row the extractor found twice in one article is
		// there twice in both; anything a worker stored twice is not.
		missing, extra := diffBags(same[table], got[table])
		assert.Empty(t, missing, "%s: rows of the SQLite ingest in job order missing", table)
		assert.Empty(t, extra, "%s: rows the SQLite ingest in job order has not (or has fewer times)", table)
		t.Logf("%s: %d rows, equal to SQLite's in job order", table, len(got[table]))
	}

	// And against the SQLite ingest of the folder, in its own order: the
	// same articles and entities; the same quotes and claims, but for the
	// person a few of them are linked to, and so a few speakers named
	// otherwise ("Diana" met before "Diana's", or after).
	want := dbSets(t, "sqlite3", lite)
	for _, table := range []string{"articles", "entities"} {
		missing, extra := diffBags(want[table], got[table])
		assert.Empty(t, missing, "%s: rows of the SQLite ingest missing", table)
		assert.Empty(t, extra, "%s: rows the SQLite ingest has not", table)
	}
	for _, table := range []string{"quotes", "claims"} {
		missing, extra := diffBags(unlinked(want[table]), unlinked(got[table]))
		assert.Empty(t, missing, "%s: rows of the SQLite ingest missing", table)
		assert.Empty(t, extra, "%s: rows the SQLite ingest has not", table)
		relinked, _ := diffBags(want[table], got[table])
		t.Logf("%s: %d rows as in the folder-order SQLite ingest; %d linked to another person of the same surname", table, len(got[table]), len(relinked))
	}
	missing, extra := diffBags(want["speakers"], got["speakers"])
	t.Logf("speakers: %d, %d named otherwise than in the folder-order SQLite ingest (%v for %v)", len(got["speakers"]), len(extra), extra, missing)
	assert.Equal(t, len(got["articles"]), len(setOf(got["articles"])), "no article twice")
	// Copies of one story in the corpus are stored once (the full corpus
	// has ten).
	assert.LessOrEqual(t, len(got["articles"]), len(articles))
}

// setQueries read each compared table as rows of text, without the ids a
// database gives (which differ between stores and runs). Quotes and claims
// are read through the views, which give their text in SQLite too, where
// the table may hold it as a span of the article (migration 0020);
// entities name their article by its id in PostgreSQL, by its seq in
// SQLite (0021), which {article} reads as the id; SQLite stores the hashes
// as bytes, which {content_hash} and {findings_hash} read as hex digits.
var setQueries = map[string]string{
	"articles": `SELECT id || '|' || {content_hash} || '|' || {findings_hash} FROM articles`,
	"quotes": `SELECT article_id || '|' || start || '|' || "end" || '|' || kind || '|' || text || '|' || speaker_kind || '|' || speaker
		FROM quote_details`,
	"claims": `SELECT article_id || '|' || start || '|' || "end" || '|' || text || '|' || speaker_kind || '|' || speaker
		FROM claim_details`,
	"speakers": `SELECT kind || '|' || name FROM speakers`,
	"entities": `SELECT {article} || '|' || e.type || '|' || e.name || '|' || coalesce(e.code, '') || '|' || e.titles || '|' ||
		(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) FROM entities e`,
}

// sqlarDriver is go-sqlite3 with sqlar_uncompress, which the SQLite views
// call (store/sqlar).
var sqlarDriver = sync.OnceValue(func() string {
	sql.Register("sqlite3_sqlar", &sqlite3.SQLiteDriver{ConnectHook: sqlar.Register})
	return "sqlite3_sqlar"
})

// dbSets reads the compared tables of a database.
func dbSets(tb testing.TB, driver, dsn string) map[string][]string {
	tb.Helper()
	cols := strings.NewReplacer("{article}", "e.article_id", "{content_hash}", "content_hash", "{findings_hash}", "findings_hash")
	if driver == "sqlite3" {
		driver = sqlarDriver()
		cols = strings.NewReplacer("{article}", "(SELECT id FROM articles WHERE seq = e.article)",
			"{content_hash}", "lower(hex(content_hash))", "{findings_hash}", "lower(hex(findings_hash))")
	}
	db, err := sql.Open(driver, dsn)
	require.NoError(tb, err)
	defer db.Close()
	out := map[string][]string{}
	for table, q := range setQueries {
		rows, err := db.Query(cols.Replace(q))
		require.NoError(tb, err, table)
		for rows.Next() {
			var s string
			require.NoError(tb, rows.Scan(&s))
			out[table] = append(out[table], s)
		}
		require.NoError(tb, rows.Err())
		rows.Close()
	}
	return out
}

// unlinked drops the speaker name from quote and claim rows.
func unlinked(rows []string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r[:strings.LastIndexByte(r, '|')]
	}
	return out
}

// diffBags returns the rows of want missing from got and those of got
// beyond want, counting repeats.
func diffBags(want, got []string) (missing, extra []string) {
	n := map[string]int{}
	for _, r := range want {
		n[r]++
	}
	for _, r := range got {
		n[r]--
	}
	for r, k := range n {
		switch {
		case k > 0:
			missing = append(missing, r)
		case k < 0:
			extra = append(extra, r)
		}
	}
	return missing, extra
}

func setOf(rows []string) map[string]bool {
	m := map[string]bool{}
	for _, r := range rows {
		m[r] = true
	}
	return m
}
