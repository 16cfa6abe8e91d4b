package eval_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// polnearDev is PolNeAR's dev split, beside the checkout as ../shared.
const polnearDev = "../../shared/data/polnear/dev"

// TestPolNeARDevFloors keeps the attribution scores on PolNeAR dev from
// falling: the floors are what the stage reached, less a hair. Issue 15's
// targets are stated in the reference scorer's figures (content F1 0.70,
// source 0.90, joint 0.63, exact 0.50, quoted recall 0.94); raise the
// floors as the stage gets there. Dev is for measuring only:
// rules and lexicons are learnt from train.
func TestPolNeARDevFloors(t *testing.T) {
	needShared(t, polnearDev)
	x, err := extract.New()
	require.NoError(t, err)
	r, err := eval.PolNeAR(polnearDev, x.Extract)
	require.NoError(t, err)
	t.Logf("whosaid eval %s:\n%s", polnearDev, r)
	assert.Equal(t, 84, r.Articles, "one annotator's file per dev article")
	assert.GreaterOrEqual(t, r.Contents.F1(), 0.711, "content F1")
	assert.GreaterOrEqual(t, r.Contents.Precision(), 0.772, "content precision")
	// Source floors sit 0.002 under the merged figures: every retrain of the
	// ranker moves them by up to 0.005 (genrank -cvorder: the fold order
	// alone moves ~20 of 9,500 decisions), and the merged model has more
	// matched contents to attribute.
	assert.GreaterOrEqual(t, r.Sources.Value(), 0.883, "source accuracy over matched contents")
	// Own matching lets a claim absorb the quotes inside it, so a proposed
	// claim run on through a partial quote costs that quote when it misses
	// its gold, where the reference scorer counts the quote itself.
	assert.GreaterOrEqual(t, r.Quoted.Value(), 0.916, "recall of contents holding a quotation mark")
	// The reference scorer's figures (polnear_score.py), the targets.
	ref := r.Reference
	assert.GreaterOrEqual(t, ref.ContentF1(), 0.678, "reference content F1")
	assert.GreaterOrEqual(t, ref.Source(), 0.872, "reference source")
	assert.GreaterOrEqual(t, ref.JointF1(), 0.592, "reference joint F1")
	assert.GreaterOrEqual(t, ref.ExactF1(), 0.370, "reference exact F1")
	assert.GreaterOrEqual(t, ref.QuotedRecall(), 0.930, "reference quoted recall")
}
