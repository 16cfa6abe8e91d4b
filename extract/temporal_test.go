package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/benchtest"
)

// TestDatesAmountsGold runs both stages, as DatesAndAmounts composes them,
// over the gold articles and checks a few items that exercise each
// resolution rule.
func TestDatesAmountsGold(t *testing.T) {
	byID := map[string]whosaid.Article{}
	for _, g := range benchtest.Gold(t) {
		byID[g.ID] = g
	}
	g, ok := byID["reuters-nato-tillerson"]
	require.True(t, ok)
	f := DatesAndAmounts(g)
	ds := f.Dates
	values := map[string]string{}
	for _, x := range ds {
		values[x.Text] = x.Value
	}
	assert.Equal(t, "2017-W12", values["this week"])
	assert.Equal(t, "2017-02", values["last month"])
	assert.Equal(t, "2017-03-31", values["March 31"])
	assert.Equal(t, "2017-03-21", values["Tuesday"])

	as := f.Amounts
	require.NotEmpty(t, as)
	assert.Equal(t, whosaid.Amount{
		Text: "2 percent of gross domestic product", Start: as[0].Start, End: as[0].End,
		Kind: whosaid.Percent, Value: 2, Unit: "%", Of: "gross domestic product", Target: true,
	}, as[0])

	g = byID["bloomberg-boj-rate-hike"]
	f = DatesAndAmounts(g)
	ds = f.Dates
	values = map[string]string{}
	for _, x := range ds {
		values[x.Text] = x.Value
	}
	assert.Equal(t, "2024-12", values["December"], "past tense in January reaches back a year")
	assert.Equal(t, "2025-SU", values["the summer"])
	var yen *whosaid.Amount
	for i := range f.Amounts {
		if a := f.Amounts[i]; a.Unit == "JPY" {
			yen = &a
		}
	}
	require.NotNil(t, yen)
	assert.Equal(t, 2.3e12, yen.Value)
}
