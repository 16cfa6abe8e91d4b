package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/testcorpus"
	"github.com/whosaid/whosaid/store/postgres/pgtest"
)

// TestPostgresSpeed (make pgspeed, WHOSAID_PG_SPEED=1) ingests the speed
// corpus (1,786 articles) with the built binary into SQLite, into
// PostgreSQL in one process, and into PostgreSQL through the queue with
// two worker processes, each into a fresh database, and prints articles/s
// of each in the same run.
func TestPostgresSpeed(t *testing.T) {
	if os.Getenv("WHOSAID_PG_SPEED") == "" {
		t.Skip("set WHOSAID_PG_SPEED=1 (make pgspeed) to measure")
	}
	bin := crashBinary(t)
	articles := testcorpus.Speed(t)
	dir := filepath.Join(t.TempDir(), "corpus")
	testcorpus.Write(t, dir, articles)
	n := float64(len(articles))
	timed := func(name string, cmds ...[]string) float64 {
		start := time.Now()
		var procs []*exec.Cmd
		for _, args := range cmds {
			cmd := exec.Command(bin, args...)
			cmd.Stderr = os.Stderr
			require.NoError(t, cmd.Start())
			procs = append(procs, cmd)
		}
		for _, p := range procs {
			require.NoError(t, p.Wait())
		}
		rate := n / time.Since(start).Seconds()
		t.Logf("%-36s %6.0f articles/s (%s)", name, rate, time.Since(start).Round(time.Millisecond))
		return rate
	}
	lite := timed("SQLite, one process", []string{"ingest", "--quiet", "--db", filepath.Join(t.TempDir(), "w.db"), dir})
	pg := timed("PostgreSQL, one process", []string{"ingest", "--quiet", "--db", pgtest.URL(t), dir})
	url := pgtest.URL(t)
	out, err := exec.Command(bin, "ingest", "--db", url, "--queue", "--job-files", "90", dir).CombinedOutput()
	require.NoError(t, err, "%s", out)
	worker := []string{"worker", "--db", url, "--workers", "1", "--exit-when-idle"}
	two := timed("PostgreSQL, queue, two workers", worker, worker)
	t.Logf("PostgreSQL/SQLite: one process %.2f, two workers %.2f", pg/lite, two/lite)
}
