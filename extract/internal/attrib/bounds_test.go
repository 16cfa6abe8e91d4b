package attrib_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/whosaid/whosaid/extract/internal/attrib"
	"github.com/whosaid/whosaid/extract/internal/rank"
)

// TestChooseBounds checks the stage's choice of a claim's bounds, which
// genrank's cross-validation repeats: the candidates the model ranks
// first, unless they cross or keep less than half the claim's tokens.
func TestChooseBounds(t *testing.T) {
	good, bad := []uint64{rank.Key("test", "good")}, []uint64{rank.Key("test", "bad")}
	m := &rank.Model{}
	m.Set(good[0], 1)
	m.Set(bad[0], -1)
	// A claim of bytes 0-100, tokens 0-20.
	claim := func(starts, ends []attrib.Edge) attrib.Bound {
		return attrib.Bound{Start: 0, End: 100, StartTok: 0, EndTok: 20, Starts: starts, Ends: ends}
	}
	for _, tc := range []struct {
		name       string
		b          attrib.Bound
		start, end int
		ok         bool
	}{
		{"no candidates", claim(nil, nil), 0, 100, true},
		{"best start and end", claim(
			[]attrib.Edge{{Off: 0, Tok: 0, Feats: bad}, {Off: 10, Tok: 2, Feats: good}},
			[]attrib.Edge{{Off: 100, Tok: 20, Feats: bad}, {Off: 80, Tok: 16, Feats: good}}), 10, 80, true},
		{"exactly half the tokens kept", claim(
			[]attrib.Edge{{Off: 20, Tok: 4, Feats: good}},
			[]attrib.Edge{{Off: 70, Tok: 14, Feats: good}}), 20, 70, true},
		{"less than half kept", claim(
			[]attrib.Edge{{Off: 25, Tok: 5, Feats: good}},
			[]attrib.Edge{{Off: 70, Tok: 14, Feats: good}}), 25, 70, false},
		{"crossed", claim(
			[]attrib.Edge{{Off: 90, Tok: 18, Feats: good}},
			[]attrib.Edge{{Off: 50, Tok: 10, Feats: good}}), 90, 50, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, e, ok := attrib.ChooseBounds(m, tc.b)
			assert.Equal(t, []any{tc.start, tc.end, tc.ok}, []any{s, e, ok})
		})
	}
}
