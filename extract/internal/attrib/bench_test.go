package attrib_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/extract/internal/attrib"
	"github.com/whosaid/whosaid/extract/internal/speech"
	"github.com/whosaid/whosaid/extract/internal/text"
	"github.com/whosaid/whosaid/internal/benchtest"
)

// BenchmarkLearned measures the learned step alone (proposed claims,
// speaker ranking, claim bounds) over the gold texts, segmentation,
// entities and the rules' attribution done before the timer starts.
func BenchmarkLearned(b *testing.B) {
	x, err := extract.New()
	require.NoError(b, err)
	r, err := attrib.Load()
	require.NoError(b, err)
	type input struct {
		d    *text.Doc
		ents []whosaid.Entity
		qs   []whosaid.Quote
		cs   []whosaid.Claim
	}
	var in []input
	bytes := 0
	for _, g := range benchtest.Gold(b) {
		d := text.NewDoc(g.Text)
		ents := x.Extract(whosaid.Article{Text: g.Text}).Entities
		qs, cs := speech.Attribute(d, ents)
		in = append(in, input{d, ents, qs, cs})
		bytes += len(g.Text)
	}
	b.SetBytes(int64(bytes / len(in)))
	b.ReportAllocs()
	qs, cs := []whosaid.Quote{}, []whosaid.Claim{}
	b.ResetTimer()
	cpu0 := benchtest.CPUTime()
	for i := 0; i < b.N; i++ {
		it := in[i%len(in)]
		qs, cs = append(qs[:0], it.qs...), append(cs[:0], it.cs...)
		r.Apply(it.d, it.ents, qs, cs)
	}
	if cpu := benchtest.CPUTime() - cpu0; cpu > 0 && cpu0 > 0 {
		perByte := float64(cpu.Nanoseconds()) / float64(b.N) / float64(bytes/len(in))
		b.ReportMetric(perByte*3072/1000, "cpu-µs/3KB")
	}
}

// BenchmarkLoad measures reading the embedded attribution model and gender
// table, which every run of whosaid does before its first article.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, err := attrib.Load()
		require.NoError(b, err)
	}
}
