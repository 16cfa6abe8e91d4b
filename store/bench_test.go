package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/scramble"
)

// BenchmarkPut stores batches of realistic findings (the NATO story, each
// copy with its own id, URL and its words scrambled around its findings,
// see scramble.Findings, so that duplicate detection stores every copy)
// and reports articles/s.
func BenchmarkPut(b *testing.B) {
	for _, size := range []int{1, 64} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			ctx := context.Background()
			db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			base := natoFindings(b)
			next := 0
			batch := func() []whosaid.Findings {
				fs := make([]whosaid.Findings, size)
				for i := range fs {
					f := scramble.Findings(base, next)
					f.Article.ID = fmt.Sprintf("bench-%d", next)
					f.Article.URL = fmt.Sprintf("%s?copy=%d", base.Article.URL, next)
					fs[i] = f
					next++
				}
				return fs
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				b.StopTimer()
				fs := batch()
				b.StartTimer()
				res, err := db.Put(ctx, fs...)
				if err != nil {
					b.Fatal(err)
				}
				if res[0].Status != Inserted {
					b.Fatalf("%+v", res[0])
				}
			}
			b.ReportMetric(float64(b.N*size)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
