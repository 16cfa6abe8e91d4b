package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/internal/testcorpus"
	"github.com/whosaid/whosaid/store"
)

// BenchmarkIngestVsProse measures whosaid's whole ingest (read the files,
// extract, store in a fresh SQLite file) of the speed corpus (~1,800 real
// articles, see testcorpus.Speed) against prose v2's own pipeline (tokenize,
// segment, tag, entities; model loaded once) on a fixed subset of the same
// articles, in the same run, and prints per-article times and their ratio.
// The machine is shared, so only the ratio of one run means much.
func BenchmarkIngestVsProse(b *testing.B) {
	articles := testcorpus.Speed(b)
	dir := filepath.Join(b.TempDir(), "corpus")
	testcorpus.Write(b, dir, articles)
	subset := testcorpus.ProseSubset(articles)
	var whosaidPer, prosePer time.Duration

	b.Run("whosaid", func(b *testing.B) {
		x, err := extract.New()
		require.NoError(b, err)
		ctx := context.Background()
		b.SetBytes(testcorpus.Bytes(articles))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			db, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			require.NoError(b, err)
			b.StartTimer()
			sum, err := New(x, DB(db), &corpus.Walker{}, Options{}).Run(ctx, []string{dir})
			require.NoError(b, err)
			require.Equal(b, len(articles), sum.Read+sum.Skipped)
			b.StopTimer()
			require.NoError(b, db.Close())
			b.StartTimer()
		}
		whosaidPer = b.Elapsed() / time.Duration(b.N*len(articles))
		b.ReportMetric(float64(b.N*len(articles))/b.Elapsed().Seconds(), "articles/s")
	})

	b.Run("prose", func(b *testing.B) {
		model := prose.ModelFromData("baseline")
		b.SetBytes(testcorpus.Bytes(subset))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, a := range subset {
				if _, err := prose.NewDocument(a.Text, prose.UsingModel(model)); err != nil {
					b.Fatal(err)
				}
			}
		}
		prosePer = b.Elapsed() / time.Duration(b.N*len(subset))
		b.ReportMetric(float64(b.N*len(subset))/b.Elapsed().Seconds(), "articles/s")
	})

	if whosaidPer > 0 && prosePer > 0 {
		fmt.Printf("ingest: whosaid %v/article over %d articles (%.0f B/article), prose v2 %v/article over every %dth (%d, %.0f B/article): whosaid is %.1fx faster\n",
			whosaidPer.Round(time.Microsecond), len(articles), float64(testcorpus.Bytes(articles))/float64(len(articles)),
			prosePer.Round(time.Microsecond), testcorpus.ProseEvery, len(subset), float64(testcorpus.Bytes(subset))/float64(len(subset)),
			float64(prosePer)/float64(whosaidPer))
	}
}
