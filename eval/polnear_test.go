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
//
// The quoted recall floors were lowered (0.924 to 0.920, reference 0.932
// to 0.928) when the entity decider weighed lone words by the article's
// share of numbers (issue 16) and the attribution model, retrained on that
// entity output as make model does, found 575 of 624 quoted contents
// instead of 577; every other figure rose and its floor with it.
func TestPolNeARDevFloors(t *testing.T) {
	needShared(t, polnearDev)
	x, err := extract.New()
	require.NoError(t, err)
	r, err := eval.PolNeAR(polnearDev, x.Extract)
	require.NoError(t, err)
	t.Logf("whosaid eval %s:\n%s", polnearDev, r)
	assert.Equal(t, 84, r.Articles, "one annotator's file per dev article")
	assert.GreaterOrEqual(t, r.Contents.F1(), 0.706, "content F1")
	assert.GreaterOrEqual(t, r.Contents.Precision(), 0.768, "content precision")
	assert.GreaterOrEqual(t, r.Sources.Value(), 0.885, "source accuracy over matched contents")
	assert.GreaterOrEqual(t, r.Quoted.Value(), 0.920, "recall of contents holding a quotation mark")
	// The reference scorer's figures (polnear_score.py), the targets.
	ref := r.Reference
	assert.GreaterOrEqual(t, ref.ContentF1(), 0.673, "reference content F1")
	assert.GreaterOrEqual(t, ref.Source(), 0.874, "reference source")
	assert.GreaterOrEqual(t, ref.JointF1(), 0.589, "reference joint F1")
	assert.GreaterOrEqual(t, ref.ExactF1(), 0.371, "reference exact F1")
	assert.GreaterOrEqual(t, ref.QuotedRecall(), 0.928, "reference quoted recall")
}
