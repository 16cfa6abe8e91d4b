package main

import (
	"bytes"
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

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/testcorpus"
)

// TestScale is `make scale`: what the next article costs when the archive
// is large. It builds one database block by block, each block a folder of
// new, distinct articles (testcorpus.ScaleBlock: the speed corpus's
// paragraphs dealt out afresh), ingested by the built binary (`whosaid ingest --db DB
// block.jsonl`) as a user feeding one database every day would, and prints
// per block: articles/s, ms/article, the database's bytes per article and
// per text byte, the WAL's largest size during the block and the ingest's
// peak RSS. At the end it prints what each table and index costs per
// article (sqlite3's dbstat, when the sqlite3 command is installed).
//
// It only runs when WHOSAID_SCALE is set. WHOSAID_SCALE_BLOCKS is the
// number of blocks (10), WHOSAID_SCALE_SIZE the articles per block (the
// speed corpus's count), WHOSAID_BIN the binary (built into a temporary
// folder when unset), WHOSAID_SCALE_DB a database file to build and keep
// (for the query benchmarks: WHOSAID_BENCH_DB), WHOSAID_SCALE_PROFILE a
// folder for a CPU profile of every block.
func TestScale(t *testing.T) {
	if os.Getenv("WHOSAID_SCALE") == "" {
		t.Skip("set WHOSAID_SCALE=1 (make scale) to measure ingest into a growing database")
	}
	blocks := envInt(t, "WHOSAID_SCALE_BLOCKS", 10)
	tmp := t.TempDir()
	bin := os.Getenv("WHOSAID_BIN")
	if bin == "" {
		bin = filepath.Join(tmp, "whosaid")
		out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".").CombinedOutput()
		require.NoError(t, err, "build whosaid: %s", out)
	} else if abs, err := filepath.Abs(bin); err == nil {
		bin = abs
	}
	db := os.Getenv("WHOSAID_SCALE_DB")
	if db == "" {
		db = filepath.Join(tmp, "scale.db")
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(db + suffix)
	}
	articles := testcorpus.Speed(t)
	size := envInt(t, "WHOSAID_SCALE_SIZE", len(articles))
	paras := testcorpus.Paragraphs(articles)
	profile := os.Getenv("WHOSAID_SCALE_PROFILE")

	fmt.Printf("scale: %d blocks of %d articles (the speed corpus's %d paragraphs dealt out afresh per block) into %s\n",
		blocks, size, len(paras), db)
	fmt.Printf("%5s %8s %7s %7s %7s %8s %7s %9s %7s %7s %7s\n",
		"block", "articles", "art/s", "ms/art", "CPU ms", "text MB", "DB MB", "DB B/art", "DB/text", "WAL MB", "RSS MB")
	var total, text int64
	var first float64
	for b := range blocks {
		file := filepath.Join(tmp, "block.jsonl")
		n, bytes := testcorpus.WriteScaleBlock(t, file, paras, articles, b, size)
		args := []string{"ingest", "--quiet", "--db", db}
		if profile != "" {
			args = append(args, "--cpuprofile", filepath.Join(profile, fmt.Sprintf("block%03d.prof", b)))
		}
		r := runScaleIngest(t, bin, db, append(args, file)...)
		total += int64(n)
		text += bytes
		st, err := os.Stat(db)
		require.NoError(t, err)
		rate := float64(n) / r.wall.Seconds()
		if b == 0 {
			first = rate
		}
		fmt.Printf("%5d %8d %7.0f %7.3f %7.3f %8.1f %7.1f %9.0f %7.2f %7.1f %7.0f   (%.2f× block 0)\n",
			b, total, rate, ms(r.wall)/float64(n), ms(r.cpu)/float64(n), float64(text)/1e6, float64(st.Size())/1e6,
			float64(st.Size())/float64(total), float64(st.Size())/float64(text),
			float64(r.wal)/1e6, float64(r.maxRSS)/(1<<20), rate/first)
	}
	printTableSizes(t, db, total)
}

// envInt reads an integer setting from the environment, def when unset.
func envInt(tb testing.TB, name string, def int) int {
	tb.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	require.NoError(tb, err, name)
	require.Positive(tb, n, name)
	return n
}

// scaleRun is one block's ingest.
type scaleRun struct {
	wall   time.Duration
	cpu    time.Duration // user + system
	maxRSS int64         // bytes
	wal    int64         // the largest the WAL grew, bytes
}

// runScaleIngest runs the binary with args and watches the size of db's
// WAL while it runs.
func runScaleIngest(t *testing.T, bin, db string, args ...string) scaleRun {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stderr = &stderr
	var r scaleRun
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			if st, err := os.Stat(db + "-wal"); err == nil && st.Size() > r.wal {
				r.wal = st.Size()
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	err := cmd.Run()
	r.wall = time.Since(start)
	close(done)
	wg.Wait()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil // some input skipped
	}
	require.NoError(t, err, "whosaid ingest: %s", stderr.String())
	r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	r.maxRSS = cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024
	return r
}

// printTableSizes prints the bytes per article of every table and index of
// db, from sqlite3's dbstat virtual table, when the sqlite3 command is
// there to ask.
func printTableSizes(t *testing.T, db string, articles int64) {
	t.Helper()
	if _, err := exec.LookPath("sqlite3"); err != nil {
		fmt.Println("(no sqlite3 command: table sizes skipped)")
		return
	}
	out, err := exec.Command("sqlite3", "-readonly", db,
		`SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC`).Output()
	if !assert.NoError(t, err, "dbstat") {
		return
	}
	fmt.Printf("%-32s %10s %10s\n", "table or index", "MB", "B/article")
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, size, ok := strings.Cut(line, "|")
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(size, 10, 64)
		fmt.Printf("%-32s %10.1f %10.0f\n", name, float64(n)/1e6, float64(n)/float64(articles))
	}
}

// TestScaleWriteBlocks writes the blocks of TestScale into the folder
// WHOSAID_SCALE_WRITE (block000.jsonl …) without ingesting them, to time
// one block against several builds on copies of one database:
// WHOSAID_SCALE_FROM is the first block (0), WHOSAID_SCALE_BLOCKS the
// count and WHOSAID_SCALE_SIZE the articles per block, as for TestScale.
func TestScaleWriteBlocks(t *testing.T) {
	dir := os.Getenv("WHOSAID_SCALE_WRITE")
	if dir == "" {
		t.Skip("set WHOSAID_SCALE_WRITE to a folder to write the scale blocks into")
	}
	articles := testcorpus.Speed(t)
	paras := testcorpus.Paragraphs(articles)
	from := 0
	if s := os.Getenv("WHOSAID_SCALE_FROM"); s != "" {
		var err error
		from, err = strconv.Atoi(s)
		require.NoError(t, err, "WHOSAID_SCALE_FROM")
	}
	size := envInt(t, "WHOSAID_SCALE_SIZE", len(articles))
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for b := from; b < from+envInt(t, "WHOSAID_SCALE_BLOCKS", 10); b++ {
		testcorpus.WriteScaleBlock(t, filepath.Join(dir, fmt.Sprintf("block%03d.jsonl", b)), paras, articles, b, size)
	}
}
