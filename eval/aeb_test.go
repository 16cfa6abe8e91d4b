package eval_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/eval"
)

// aebFloor is the article-body F1 whosaid reached on the Zyte benchmark
// (0.9611 with go-trafilatura), less a hair: quality may only go up.
const aebFloor = 0.960

// TestAEBFloor scores the HTML reader's body on the Zyte article-extraction
// benchmark in ../shared, when it is there.
func TestAEBFloor(t *testing.T) {
	const dir = "../../shared/data/aeb"
	needShared(t, dir)
	if testing.Short() {
		t.Skip("181 pages: not in -short")
	}
	require.Equal(t, eval.KindAEB, eval.Detect(dir))
	r, err := eval.AEB(dir, func(source string, page []byte) (string, error) {
		a, err := corpus.ReadHTML(source, bytes.NewReader(page))
		return a.Text, err
	})
	require.NoError(t, err)
	t.Log(r.String())
	assert.Equal(t, 181, r.Pages)
	assert.GreaterOrEqual(t, r.F1(), aebFloor)
}

// TestShingleScore pins the scorer to evaluate.py on hand-worked cases.
func TestShingleScore(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		p, r        float64
	}{
		{"same", "a b c d e", "a b c d e", 1, 1},
		{"nothing predicted", "a b c d e", "", 0, 0},
		// truth shingles: abcd, bcde; pred: abcd, bcdx, cdxy
		{"half", "a b c d e", "a b c d x y", 1.0 / 3, 0.5},
		// punctuation and case: `\w+` tokens, compared as written
		{"punctuation", "Hello, world - it's me!", "Hello world it s me", 1, 1},
		// fewer than four tokens: one shingle of them all
		{"short", "a b", "a b", 1, 1},
		// repeated shingles count as a multiset
		{"multiset", "a b c d a b c d", "a b c d", 1, 1.0 / 5},
		// Unicode letters and numbers are word characters, marks are not
		{"unicode", "café ² naïve x", "café ² naïve x", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r := eval.ShingleScore(tt.truth, tt.pred)
			assert.InDelta(t, tt.p, p, 1e-9, "precision")
			assert.InDelta(t, tt.r, r, 1e-9, "recall")
		})
	}
}
