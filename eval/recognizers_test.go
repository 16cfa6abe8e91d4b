package eval_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// recognizersDir holds the Recognizers-Text English specs, kept outside the
// repository.
const recognizersDir = "../../shared/data/recognizers"

// recognizersFloors are the shares of exact cases whosaid reached on each
// spec, less a hair: quality may only go up. Raise them when it does.
var recognizersFloors = map[string]float64{
	"NumberWithUnit_English_CurrencyModel": 0.982,
	"Number_English_PercentModel":          0.999,
}

func TestRecognizersFloors(t *testing.T) {
	needShared(t, recognizersDir)
	specs, err := eval.LoadRecognizers(recognizersDir)
	require.NoError(t, err)
	require.Len(t, specs, 2, "the currency and percent specs; the DateTime spec is not read")
	exactness := map[string]float64{}
	for _, spec := range specs {
		r, err := eval.RunRecognizers(spec, extract.DatesAndAmounts)
		require.NoError(t, err)
		t.Logf("whosaid eval %s:\n%s", recognizersDir, r)
		_, ok := recognizersFloors[spec.Name]
		require.Truef(t, ok, "no floor for spec %s", spec.Name)
		exactness[spec.Name] = r.Exactness()
	}
	checkFloors(t, "exactness", recognizersFloors, exactness)
}
