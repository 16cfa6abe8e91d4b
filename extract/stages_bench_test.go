package extract

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/benchtest"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/attrib"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// reportBytesPerCPU reports MB of text per second of CPU time, which stays
// comparable when other processes share the cores (MB/s does not).
func reportBytesPerCPU(b *testing.B, bytes int, cpu0 time.Duration) {
	if cpu := benchtest.CPUTime() - cpu0; cpu > 0 && cpu0 > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkSegment measures NewDoc (paragraphs, sentences, tokens) over
// the gold articles, one op being all of them.
func BenchmarkSegment(b *testing.B) {
	texts := benchtest.GoldTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := benchtest.CPUTime()
	for b.Loop() {
		for _, t := range texts {
			text.NewDoc(t)
		}
	}
	reportBytesPerCPU(b, n, cpu0)
}

// BenchmarkExtract measures every stage (Extractor.Extract) over the gold
// articles, one op being all of them, with the models loaded once.
func BenchmarkExtract(b *testing.B) {
	texts := benchtest.GoldTexts(b)
	x, err := New()
	require.NoError(b, err)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := benchtest.CPUTime()
	for b.Loop() {
		for _, t := range texts {
			x.Extract(whosaid.Article{Text: t, Published: "2017-03-21"})
		}
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "articles/s")
	reportBytesPerCPU(b, n, cpu0)
}

// BenchmarkDropEchoes measures what attrib.DropEchoes costs after the
// speakers are chosen, over the gold articles' findings, one op being all
// of them: beside BenchmarkExtract's ns/op, its share of an article's CPU.
func BenchmarkDropEchoes(b *testing.B) {
	texts := benchtest.GoldTexts(b)
	x, err := New()
	require.NoError(b, err)
	fs := make([]whosaid.Findings, len(texts))
	for i, t := range texts {
		fs[i] = x.Extract(whosaid.Article{Text: t, Published: "2017-03-21"})
	}
	var cs []whosaid.Claim
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, f := range fs {
			cs = attrib.DropEchoes(f.Quotes, append(cs[:0], f.Claims...))
		}
	}
}

// BenchmarkNew measures loading the models (New) as the ingest command
// does it, with the garbage collector off: every start pays it before the
// first article. The heap is collected between loads, outside the timing;
// loads after the first reuse its memory, so they leave out the page faults
// of a fresh process's first touches (most of a cold start's time).
func BenchmarkNew(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
	}
}
