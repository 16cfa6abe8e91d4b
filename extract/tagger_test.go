package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/extract/internal/ner"
)

func TestNameTaggerFindsSpans(t *testing.T) {
	nt, err := newNameTagger()
	require.NoError(t, err)
	// Titles are the rules' job: alone, the model reads "Secretary of State
	// Rex Tillerson" as the organization "State Rex Tillerson".
	text := "NATO foreign ministers will meet in Brussels on Friday, Jim Mattis said."
	d := NewDoc(text)
	var s ner.Sentence
	got := map[string]string{}
	for _, sp := range nt.spans(d, &s, nil) {
		got[text[sp.Start:sp.End]] = sp.Type
	}
	assert.Equal(t, "PER", got["Jim Mattis"])
	assert.Equal(t, "ORG", got["NATO"])
	assert.Equal(t, "LOC", got["Brussels"])
}

// BenchmarkNameTagger runs the statistical tagger over the dev articles.
func BenchmarkNameTagger(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "gold", "*.json"))
	require.NoError(b, err)
	var docs []*Doc
	toks := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(b, err)
		var g struct{ Text string }
		require.NoError(b, json.Unmarshal(raw, &g))
		d := NewDoc(g.Text)
		docs = append(docs, d)
		toks += len(d.Tokens)
	}
	nt, err := newNameTagger()
	require.NoError(b, err)
	var s ner.Sentence
	var out []nameSpan
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out = nt.spans(docs[i%len(docs)], &s, out[:0])
	}
	b.ReportMetric(float64(toks/len(docs))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
