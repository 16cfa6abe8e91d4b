package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/internal/benchtest"
	"github.com/whosaid/whosaid/internal/testcorpus"
	"github.com/whosaid/whosaid/store"
)

// BenchmarkIngestStages splits the ingest of the speed corpus into its two
// costly halves, so a profile of one is not drowned by the other: extract
// (every stage, one goroutine) and store (PutPrepared of the findings,
// extracted and prepared beforehand, into a fresh file in batches of
// batchSize as the pipeline's writer does).
func BenchmarkIngestStages(b *testing.B) {
	articles := testcorpus.Speed(b)
	ctx := context.Background()
	x, err := extract.New()
	require.NoError(b, err)
	docs := make([]whosaid.Article, len(articles))
	for i, a := range articles {
		docs[i] = whosaid.Article{Text: a.Text, Source: a.Name}
		docs[i].ID = corpus.ID(docs[i])
	}
	size := testcorpus.Bytes(articles)

	b.Run("extract", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, a := range docs {
				x.Extract(a)
			}
		}
		b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
	})

	// What one extraction worker does per article: extract, then
	// store.Prepare (hashes, shingles, MinHash sketch, compressed text).
	// CPU µs per article stay comparable when other processes share the
	// machine; wall-clock time does not.
	b.Run("worker", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		cpu0 := benchtest.CPUTime()
		for b.Loop() {
			for _, a := range docs {
				store.Prepare(x.Extract(a))
			}
		}
		if cpu := benchtest.CPUTime() - cpu0; cpu > 0 && cpu0 > 0 {
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*len(docs)), "cpu-µs/article")
		}
	})

	// Prepared as the pipeline's workers prepare them (hashes and sketches off
	// the writer), so this times what the single writer does.
	found := make([]store.Prepared, len(docs))
	for i, a := range docs {
		found[i] = store.Prepare(x.Extract(a))
	}
	b.Run("store", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			db, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			require.NoError(b, err)
			b.StartTimer()
			for i := 0; i < len(found); i += batchSize {
				if _, err := db.PutPrepared(ctx, found[i:min(i+batchSize, len(found))]...); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			require.NoError(b, db.Close())
			b.StartTimer()
		}
		b.ReportMetric(float64(b.N*len(found))/b.Elapsed().Seconds(), "articles/s")
	})
}
