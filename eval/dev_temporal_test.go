package eval_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// devTemporalFloors are the dev gold scores of the dates and amounts stages
// alone, less a hair. They run without the entity and speech stages, so a
// fault there cannot hide a regression here. Raise them when scores go up.
var devTemporalFloors = map[string]float64{
	"date values": 0.98,
	"amounts":     0.995,
	"targets":     0.995,
}

func TestDevGoldTemporalFloors(t *testing.T) {
	golds, err := eval.LoadDir("../testdata/gold")
	require.NoError(t, err)
	r := eval.Run(golds, extract.DatesAndAmounts)
	for _, m := range r.Metrics() {
		if _, ok := devTemporalFloors[m.Name]; ok {
			t.Logf("%s", m)
		}
	}
	checkFloors(t, "F1", devTemporalFloors, f1s(r.Metrics()...))
}
