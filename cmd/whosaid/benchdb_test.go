package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/store"
)

// benchCopies is how many times the dev articles are copied into the query
// benchmark database: the "dev articles copied 1,000 times".
const benchCopies = 1000

// devArticles is the folder of sample articles the benchmark copies.
const devArticles = "../../testdata/articles"

var benchDBOnce struct {
	sync.Once
	path string
	err  error
}

// benchDB returns the path of a database holding the dev articles copied
// benchCopies times. It is built once per test binary run, in a temporary
// folder (removed by TestMain), because building it takes seconds and every
// query benchmark reads the same data. Setting WHOSAID_BENCH_DB keeps the
// file at that path instead, to look at query plans with sqlite3.
func benchDB(tb testing.TB) string {
	tb.Helper()
	benchDBOnce.Do(func() {
		path := os.Getenv("WHOSAID_BENCH_DB")
		if path == "" {
			dir, err := os.MkdirTemp("", "whosaid-bench-")
			if err != nil {
				benchDBOnce.err = err
				return
			}
			benchTempDirs = append(benchTempDirs, dir)
			path = filepath.Join(dir, "bench.db")
		} else if _, err := os.Stat(path); err == nil {
			// Built by an earlier run: open it read-write once so that it
			// has this build's migrations.
			benchDBOnce.path = path
			db, err := store.Open(context.Background(), path)
			if err == nil {
				err = db.Close()
			}
			benchDBOnce.err = err
			return
		}
		benchDBOnce.path = path
		benchDBOnce.err = buildBenchDB(context.Background(), path, benchCopies)
	})
	if benchDBOnce.err != nil {
		tb.Fatalf("build benchmark database: %v", benchDBOnce.err)
	}
	return benchDBOnce.path
}

// benchTempDirs are removed when the test binary ends.
var benchTempDirs []string

// buildBenchDB extracts the dev articles once and stores copies of them
// under new ids. The store keeps one copy of a story (same text, same URL or
// near-duplicate text), so each copy gets its own URL and its text is
// disguised (see disguise), which leaves every offset and finding valid;
// each copy is also dated one day earlier than the last, so speakers have a
// history spread over the years as in a real archive.
func buildBenchDB(ctx context.Context, path string, copies int) error {
	x, err := extract.New()
	if err != nil {
		return err
	}
	var base []whosaid.Findings
	err = corpus.Walk(ctx, []string{devArticles}, func(it corpus.Item) error {
		if it.Err != nil {
			return it.Err
		}
		base = append(base, x.Extract(it.Article))
		return nil
	})
	if err != nil {
		return fmt.Errorf("read dev articles: %w", err)
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	batch := make([]whosaid.Findings, 0, 500)
	for i := range copies {
		for _, f := range base {
			c := f
			a := &c.Article
			if a.ID == "" {
				a.ID = "article"
			}
			a.ID = fmt.Sprintf("%s-%04d", a.ID, i)
			a.Text = disguise(f, i)
			if a.URL != "" {
				a.URL += fmt.Sprintf("?copy=%d", i)
			}
			if day, err := time.Parse(time.DateOnly, a.Published); err == nil {
				a.Published = day.AddDate(0, 0, -i).Format(time.DateOnly)
			}
			batch = append(batch, c)
		}
		if len(batch) >= 450 || i == copies-1 {
			res, err := db.Put(ctx, batch...)
			if err != nil {
				return err
			}
			for _, r := range res {
				if r.Status != store.Inserted {
					return fmt.Errorf("copy of %s: %s %v", r.ID, r.Status, r.Err)
				}
			}
			batch = batch[:0]
		}
	}
	return nil
}

// disguise returns the text of f with the words that no finding touches
// scrambled for copy n: each letter of such a word is shifted along the
// alphabet by an amount that depends on the copy and the word. Lengths stay
// the same, so every offset still points at the same (untouched) finding,
// while the 5-word shingles the store's near-duplicate detection compares
// differ between any two copies.
func disguise(f whosaid.Findings, n int) string {
	text := []byte(f.Article.Text)
	kept := make([]bool, len(text)+1)
	keep := func(start, end int) {
		for i := max(start, 0); i < end && i < len(text); i++ {
			kept[i] = true
		}
	}
	for _, e := range f.Entities {
		for _, m := range e.Mentions {
			keep(m.Start, m.End)
		}
	}
	for _, d := range f.Dates {
		keep(d.Start, d.End)
	}
	for _, a := range f.Amounts {
		keep(a.Start, a.End)
	}
	speaker := func(sp whosaid.Speaker) {
		if sp.Mention != nil {
			keep(sp.Mention.Start, sp.Mention.End)
		}
	}
	for _, q := range f.Quotes {
		keep(q.Start, q.End)
		speaker(q.Speaker)
	}
	for _, c := range f.Claims {
		keep(c.Start, c.End)
		speaker(c.Speaker)
	}
	isLetter := func(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }
	word := 0
	for i := 0; i < len(text); {
		if !isLetter(text[i]) {
			i++
			continue
		}
		j := i
		touched := false
		for j < len(text) && isLetter(text[j]) {
			touched = touched || kept[j]
			j++
		}
		word++
		if !touched && j-i >= 3 {
			// A mixed hash of (copy, word), so no two copies repeat the
			// same pattern of shifts.
			x := uint64(n)*0x9E3779B97F4A7C15 ^ uint64(word)*0xC2B2AE3D27D4EB4F
			x ^= x >> 31
			x *= 0xBF58476D1CE4E5B9
			x ^= x >> 29
			shift := byte(1 + x%25)
			for k := i; k < j; k++ {
				base := text[k] &^ 0x1f // 'A'-1 or 'a'-1 region
				text[k] = base + 1 + (text[k]-base-1+shift)%26
			}
		}
		i = j
	}
	return string(text)
}

// TestMain removes the benchmark database after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range benchTempDirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// TestDisguise checks that a disguised copy keeps every finding in place
// and changes the rest of the text, differently for each copy.
func TestDisguise(t *testing.T) {
	text := "WASHINGTON (Reuters) - Rex Tillerson said on Tuesday: “We will see.” The meeting ended early."
	at := func(s string) whosaid.Mention {
		i := strings.Index(text, s)
		return whosaid.Mention{Text: s, Start: i, End: i + len(s)}
	}
	rex, quote, tue := at("Rex Tillerson"), at("We will see."), at("Tuesday")
	f := whosaid.Findings{
		Article:  whosaid.Article{Text: text},
		Entities: []whosaid.Entity{{Type: whosaid.Person, Name: "Rex Tillerson", Mentions: []whosaid.Mention{rex}}},
		Dates:    []whosaid.Date{{Text: tue.Text, Start: tue.Start, End: tue.End}},
		Quotes:   []whosaid.Quote{{Text: quote.Text, Start: quote.Start, End: quote.End, Speaker: whosaid.Speaker{Mention: &rex}}},
	}
	a, b := disguise(f, 1), disguise(f, 2)
	require.Len(t, a, len(text))
	for _, m := range []whosaid.Mention{rex, quote, tue} {
		assert.Equal(t, m.Text, a[m.Start:m.End])
		assert.Equal(t, m.Text, b[m.Start:m.End])
	}
	assert.NotContains(t, a, "meeting")
	assert.NotEqual(t, a, b)
	assert.True(t, utf8.ValidString(a))
}
