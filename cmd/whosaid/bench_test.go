package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/store"
)

// polnearTrain holds the PolNeAR train texts, real political news articles.
const polnearTrain = "../../../shared/data/polnear/train/text"

// benchArticles copies the first n PolNeAR train texts into a fresh folder,
// so both pipelines read the same articles from disk.
func benchArticles(b *testing.B, n int) (dir string, texts []string) {
	b.Helper()
	paths, _ := filepath.Glob(filepath.Join(polnearTrain, "*.txt"))
	if len(paths) == 0 {
		b.Skipf("PolNeAR texts not found at %s (../shared is beside the checkout in CI)", polnearTrain)
	}
	sort.Strings(paths)
	if len(paths) > n {
		paths = paths[:n]
	}
	dir = b.TempDir()
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(b, err)
		texts = append(texts, string(data))
		require.NoError(b, os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644))
	}
	return dir, texts
}

// BenchmarkIngestVsProse measures whosaid's whole ingest (read, extract,
// store in a fresh SQLite file) against prose v2's own pipeline (tokenize,
// segment, tag, entities; model loaded once) on the same articles, and
// prints the ratio of their per-article speeds.
func BenchmarkIngestVsProse(b *testing.B) {
	const n = 200
	dir, texts := benchArticles(b, n)
	var whosaidPer, prosePer time.Duration

	b.Run("whosaid", func(b *testing.B) {
		x, err := extract.New()
		require.NoError(b, err)
		ctx := context.Background()
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			db, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			require.NoError(b, err)
			b.StartTimer()
			sum, err := ingest(ctx, db, x, []string{dir}, 0, func(string) {}, func() {})
			require.NoError(b, err)
			require.Equal(b, len(texts), sum.added)
			b.StopTimer()
			require.NoError(b, db.Close())
			b.StartTimer()
		}
		whosaidPer = b.Elapsed() / time.Duration(b.N*len(texts))
		b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "articles/s")
	})

	b.Run("prose", func(b *testing.B) {
		model := prose.ModelFromData("baseline")
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				if _, err := prose.NewDocument(t, prose.UsingModel(model)); err != nil {
					b.Fatal(err)
				}
			}
		}
		prosePer = b.Elapsed() / time.Duration(b.N*len(texts))
		b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "articles/s")
	})

	if whosaidPer > 0 && prosePer > 0 {
		fmt.Printf("ingest over %d PolNeAR articles: whosaid %v/article, prose v2 %v/article: whosaid is %.1fx faster\n",
			len(texts), whosaidPer, prosePer, float64(prosePer)/float64(whosaidPer))
	}
}
