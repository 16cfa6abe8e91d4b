package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/testcorpus"
)

// TestSpeed is the scripted measurement of the "done when": it runs
// the built whosaid binary, as a user would, on the speed corpus (1×) and
// on the corpus doubled (2×: every article once more as a testcorpus.Copy), each
// into a fresh SQLite file, and prose v2's pipeline in this process on every
// testcorpus.ProseEvery-th article of the same corpus, in the same run. It prints wall
// time, articles/s and ms/article, the child's peak RSS (getrusage's
// ru_maxrss of the finished child), the 2×/1× time ratio and the speed
// ratio to prose.
//
// It only runs when WHOSAID_SPEED is set (`make speed`): it takes a minute
// or two. WHOSAID_BIN names the binary to run (built from this checkout
// into a temporary folder when unset); WHOSAID_SPEED_RUNS repeats each
// ingest and keeps the fastest run, which tames a noisy shared machine;
// WHOSAID_SPEED_PROFILE names a folder for a CPU profile of every ingest.
func TestSpeed(t *testing.T) {
	if os.Getenv("WHOSAID_SPEED") == "" {
		t.Skip("set WHOSAID_SPEED=1 (make speed) to measure ingest speed and memory")
	}
	runs := 1
	if s := os.Getenv("WHOSAID_SPEED_RUNS"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(t, err, "WHOSAID_SPEED_RUNS")
		runs = max(n, 1)
	}
	tmp := t.TempDir()
	bin := os.Getenv("WHOSAID_BIN")
	if bin == "" {
		bin = filepath.Join(tmp, "whosaid")
		out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".").CombinedOutput()
		require.NoError(t, err, "build whosaid: %s", out)
	} else if abs, err := filepath.Abs(bin); err == nil {
		bin = abs
	}

	articles := testcorpus.Speed(t)
	keep := testcorpus.ExtractorWords(t)
	doubled := append([]testcorpus.Article(nil), articles...)
	for _, a := range articles {
		doubled = append(doubled, testcorpus.Copy(a, 1, keep))
	}
	one, two := filepath.Join(tmp, "corpus1"), filepath.Join(tmp, "corpus2")
	testcorpus.Write(t, one, articles)
	testcorpus.Write(t, two, doubled)

	subset := testcorpus.ProseSubset(articles)
	model := prose.ModelFromData("baseline")
	start := time.Now()
	for _, a := range subset {
		_, err := prose.NewDocument(a.Text, prose.UsingModel(model))
		require.NoError(t, err)
	}
	prosePer := time.Since(start) / time.Duration(len(subset))

	r1 := bestIngest(t, bin, one, filepath.Join(tmp, "one"), runs)
	r2 := bestIngest(t, bin, two, filepath.Join(tmp, "two"), runs)
	r1.articles, r2.articles = len(articles), len(doubled)

	fmt.Printf("speed corpus: %d articles, %.1f MB (PolNeAR train + CoNLL-2003 train as text); %d run(s) each, fastest kept\n",
		len(articles), float64(testcorpus.Bytes(articles))/1e6, runs)
	fmt.Printf("prose v2 (model loaded once), every %dth article (%d): %.1f ms/article, %.1f articles/s\n",
		testcorpus.ProseEvery, len(subset), ms(prosePer), 1/prosePer.Seconds())
	for _, r := range []struct {
		name string
		ingestRun
	}{{"1x", r1}, {"2x", r2}} {
		per := r.wall / time.Duration(r.articles)
		fmt.Printf("whosaid ingest %s: %d articles in %v: %.2f ms/article, %.0f articles/s, %.1fx prose; peak RSS %.0f MB; CPU %v; %s\n",
			r.name, r.articles, r.wall.Round(time.Millisecond), ms(per), float64(r.articles)/r.wall.Seconds(),
			float64(prosePer)/float64(per), float64(r.maxRSS)/(1<<20), r.cpu.Round(time.Millisecond), r.summary)
	}
	fmt.Printf("scaling: 2x/1x time %.2f (ideal 2.00), peak RSS %.2f (ideal 1.00)\n",
		r2.wall.Seconds()/r1.wall.Seconds(), float64(r2.maxRSS)/float64(r1.maxRSS))
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// ingestRun is one run of `whosaid ingest` as a child process.
type ingestRun struct {
	articles int
	wall     time.Duration
	cpu      time.Duration // user + system
	maxRSS   int64         // bytes
	summary  string        // the ingest's own summary line
}

// summaryLine finds the ingest's summary among its messages.
var summaryLine = regexp.MustCompile(`ingested \d+ articles[^\n]*`)

// bestIngest runs `whosaid ingest` of dir into a fresh database runs times
// and returns the fastest run. A run that skipped input (exit code 1) still
// counts: the summary says how many.
func bestIngest(t *testing.T, bin, dir, work string, runs int) ingestRun {
	t.Helper()
	var best ingestRun
	for i := range runs {
		db := filepath.Join(work, strconv.Itoa(i), "speed.db")
		require.NoError(t, os.MkdirAll(filepath.Dir(db), 0o755))
		var stderr bytes.Buffer
		args := []string{"ingest", "--db", db}
		if prof := os.Getenv("WHOSAID_SPEED_PROFILE"); prof != "" {
			// A CPU profile of each ingest, named after its corpus and run.
			args = append(args, "--cpuprofile", filepath.Join(prof, filepath.Base(dir)+"-"+strconv.Itoa(i)+".prof"))
		}
		cmd := exec.Command(bin, append(args, dir)...)
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start)
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
			err = nil // some input skipped; reported in the summary
		}
		require.NoError(t, err, "whosaid ingest: %s", stderr.String())
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		r := ingestRun{
			wall:    wall,
			cpu:     cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(),
			maxRSS:  ru.Maxrss * 1024, // Linux reports kilobytes
			summary: summaryLine.FindString(stderr.String()),
		}
		if i == 0 || r.wall < best.wall {
			best = r
		}
		require.NoError(t, os.RemoveAll(filepath.Dir(db)))
	}
	return best
}
