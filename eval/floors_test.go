package eval_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// devFloors are the F1 scores whosaid reached on testdata/gold, less a hair
// for float noise: quality may only go up. Raise them when it does.
var devFloors = map[string]float64{
	"people":            0.99,
	"organizations":     0.97,
	"countries":         0.99,
	"date values":       0.975,
	"amounts":           0.99,
	"targets":           0.99,
	"attributed quotes": 0.97,
	"attributed claims": 0.95,
}

func TestDevGoldFloors(t *testing.T) {
	golds, err := eval.LoadDir("../testdata/gold")
	require.NoError(t, err)
	x, err := extract.New()
	require.NoError(t, err)
	r := eval.Run(golds, x.Extract)
	t.Logf("whosaid eval testdata/gold:\n%s", r)
	for _, m := range r.Metrics() {
		if floor, ok := devFloors[m.Name]; ok {
			assert.GreaterOrEqualf(t, m.F1(), floor, "%s F1 fell below its floor", m.Name)
		}
	}
}
