package eval_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// polnearScorer is the reference scorer, beside the checkout as ../shared.
const polnearScorer = "../../shared/eval/tools/polnear_score.py"

// TestPolNeARReferenceEqualsScript checks that the reference figures
// `whosaid eval` prints on PolNeAR dev are, to the character, what
// polnear_score.py prints on the same findings written as `whosaid extract`
// JSON Lines.
func TestPolNeARReferenceEqualsScript(t *testing.T) {
	needShared(t, polnearDev)
	needShared(t, polnearScorer)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skipf("python3 is not installed: %v", err)
	}
	x, err := extract.New()
	require.NoError(t, err)
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	out, err := os.Create(pred)
	require.NoError(t, err)
	enc := json.NewEncoder(out)
	r, err := eval.PolNeAR(polnearDev, func(a whosaid.Article) whosaid.Findings {
		f := x.Extract(a)
		require.NoError(t, enc.Encode(f))
		return f
	})
	require.NoError(t, err)
	require.NoError(t, out.Close())
	want, err := exec.Command(py, polnearScorer, polnearDev, pred).Output()
	require.NoError(t, err)
	assert.Equal(t, string(want), r.Reference.String())
}

// TestPolNeARReferenceAddDoc checks that scoring ReadPolNeAR's documents
// one by one (genrank's cross-validation) gives the reference figures. The
// exact matches may differ by a few: the annotation file's text of a
// content in pieces is not always its pieces joined by a space.
func TestPolNeARReferenceAddDoc(t *testing.T) {
	needShared(t, polnearDev)
	x, err := extract.New()
	require.NoError(t, err)
	want, err := eval.PolNeAR(polnearDev, x.Extract)
	require.NoError(t, err)
	docs, err := eval.ReadPolNeAR(polnearDev)
	require.NoError(t, err)
	var got eval.PolNeARReference
	for _, d := range docs {
		got.AddDoc(d, x.Extract(d.Article))
	}
	assert.InDelta(t, want.Reference.Exact, got.Exact, 3)
	got.Exact = want.Reference.Exact
	assert.Equal(t, want.Reference, got)
}
