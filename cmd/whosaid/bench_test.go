package main

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
	"github.com/whosaid/whosaid/store"
)

// proseEvery is the stride of the prose baseline's subset of the speed
// corpus: prose runs about 25 articles/s, so all ~1,800 articles would take
// over a minute per run; every 6th article (~300, the same mix of PolNeAR
// and CoNLL) gives a stable per-article time in about 12 s.
const proseEvery = 6

// proseSubset returns every proseEvery-th article, deterministically.
func proseSubset(articles []speedArticle) []speedArticle {
	var out []speedArticle
	for i := 0; i < len(articles); i += proseEvery {
		out = append(out, articles[i])
	}
	return out
}

// BenchmarkIngestVsProse measures whosaid's whole ingest (read the files,
// extract, store in a fresh SQLite file) of the speed corpus (~1,800 real
// articles, see speedCorpus) against prose v2's own pipeline (tokenize,
// segment, tag, entities; model loaded once) on a fixed subset of the same
// articles, in the same run, and prints per-article times and their ratio.
// The machine is shared, so only the ratio of one run means much.
func BenchmarkIngestVsProse(b *testing.B) {
	articles := speedCorpus(b)
	dir := filepath.Join(b.TempDir(), "corpus")
	writeSpeedCorpus(b, dir, articles)
	subset := proseSubset(articles)
	var whosaidPer, prosePer time.Duration

	b.Run("whosaid", func(b *testing.B) {
		x, err := extract.New()
		require.NoError(b, err)
		ctx := context.Background()
		b.SetBytes(speedBytes(articles))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			db, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			require.NoError(b, err)
			b.StartTimer()
			sum, err := ingestFrom(ctx, sqliteWriter{db}, x, &corpus.Walker{}, []string{dir}, 0, func(string) {}, func() {})
			require.NoError(b, err)
			require.Equal(b, len(articles), sum.read+sum.skipped)
			b.StopTimer()
			require.NoError(b, db.Close())
			b.StartTimer()
		}
		whosaidPer = b.Elapsed() / time.Duration(b.N*len(articles))
		b.ReportMetric(float64(b.N*len(articles))/b.Elapsed().Seconds(), "articles/s")
	})

	b.Run("prose", func(b *testing.B) {
		model := prose.ModelFromData("baseline")
		b.SetBytes(speedBytes(subset))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, a := range subset {
				if _, err := prose.NewDocument(a.text, prose.UsingModel(model)); err != nil {
					b.Fatal(err)
				}
			}
		}
		prosePer = b.Elapsed() / time.Duration(b.N*len(subset))
		b.ReportMetric(float64(b.N*len(subset))/b.Elapsed().Seconds(), "articles/s")
	})

	if whosaidPer > 0 && prosePer > 0 {
		fmt.Printf("ingest: whosaid %v/article over %d articles (%.0f B/article), prose v2 %v/article over every %dth (%d, %.0f B/article): whosaid is %.1fx faster\n",
			whosaidPer.Round(time.Microsecond), len(articles), float64(speedBytes(articles))/float64(len(articles)),
			prosePer.Round(time.Microsecond), proseEvery, len(subset), float64(speedBytes(subset))/float64(len(subset)),
			float64(prosePer)/float64(whosaidPer))
	}
}
