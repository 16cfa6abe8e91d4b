package eval_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// devFloors are the F1 scores whosaid reached on testdata/gold, less a hair
// for float noise: quality may only go up. Raise them when it does.
// People and organizations fell when a decider learnt from CoNLL took the
// last word on entities from rules written against these very stories
// (issue 16: people 1.000 to 0.986, organizations 0.978 to 0.961), while
// on the held-out testdata/gold-blind both rose (0.813 to 0.817, 0.682 to
// 0.720) and CoNLL testa as text rose by far more. Organizations went from
// 0.961 to 0.955 (one of 91) with the company and person cues across the
// article: 0.955/0.961/0.961 over shuffling seeds 16, 31, 46, the model's
// seed 16 the low draw, while CoNLL testa and MEANTIME organizations rose
// with every seed (docs/entities.md); its floor went from 0.960 to 0.954.
var devFloors = map[string]float64{
	"people":            0.985,
	"organizations":     0.954,
	"countries":         0.99,
	"date values":       0.98,
	"amounts":           0.995,
	"targets":           0.995,
	"attributed quotes": 0.99,
	"attributed claims": 0.95,
}

// blindFloors are the who-said-what F1 scores on testdata/gold-blind, the
// stories nobody here reads (issue 15), less a hair: a change to the
// speakers may only raise them. Its misses are not to be read (no -v).
// The speaker work alone gave 0.743 / 0.490; merged with the entity stage
// that drops unvouched lone words as people (decided on training text, it
// costs these stories three real people) and retrained, 0.733 / 0.483.
var blindFloors = map[string]float64{
	"attributed quotes": 0.730,
	"attributed claims": 0.480,
}

func TestBlindGoldFloors(t *testing.T) {
	// No log of the report: its figures are all one may see of these.
	checkGoldFloors(t, "../testdata/gold-blind", blindFloors, false)
}

func TestDevGoldFloors(t *testing.T) {
	checkGoldFloors(t, "../testdata/gold", devFloors, true)
}

// checkGoldFloors scores the gold stories of dir and checks their F1s
// against floors, logging the report when log is set.
func checkGoldFloors(t *testing.T, dir string, floors map[string]float64, log bool) {
	t.Helper()
	golds, err := eval.LoadDir(dir)
	require.NoError(t, err)
	x, err := extract.New()
	require.NoError(t, err)
	r := eval.Run(golds, x.Extract)
	if log {
		t.Logf("whosaid eval %s:\n%s", dir, r)
	}
	checkFloors(t, "F1", floors, f1s(r.Metrics()...))
}

// checkFloors fails tb for every score below its floor, and for every
// floor whose metric the scorer did not produce, so that a renamed or
// dropped metric cannot take its floor with it silently. A score without a
// floor is not checked. what names the score ("F1", "exactness").
func checkFloors(tb testing.TB, what string, floors, scores map[string]float64) {
	tb.Helper()
	for _, p := range floorProblems(what, floors, scores) {
		tb.Errorf("%s", p)
	}
}

// floorProblems lists, by metric name, what checkFloors fails for.
func floorProblems(what string, floors, scores map[string]float64) []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(floors)) {
		score, ok := scores[name]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("floor for %q, a metric the scorer did not produce (it produced %s): rename the floor with its metric",
				name, strings.Join(slices.Sorted(maps.Keys(scores)), ", ")))
		case score < floors[name]:
			out = append(out, fmt.Sprintf("%s %s %.4f fell below its floor %.4f", name, what, score, floors[name]))
		}
	}
	return out
}

// f1s maps the names of ms to their F1 scores.
func f1s(ms ...*eval.Metric) map[string]float64 {
	out := make(map[string]float64, len(ms))
	for _, m := range ms {
		out[m.Name] = m.F1()
	}
	return out
}

// typeF1s maps the names of a report's per-type metrics to their F1 scores.
func typeF1s(ms []eval.Metric) map[string]float64 {
	ps := make([]*eval.Metric, len(ms))
	for i := range ms {
		ps[i] = &ms[i]
	}
	return f1s(ps...)
}

// floorRecorder is a testing.TB that keeps the errors reported to it.
type floorRecorder struct {
	testing.TB
	errs []string
}

func (r *floorRecorder) Helper() {}

func (r *floorRecorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestCheckFloors(t *testing.T) {
	floors := map[string]float64{"people": 0.9, "attributed quotes": 0.8}
	for _, tt := range []struct {
		name   string
		scores map[string]float64
		want   []string // substrings of the errors, in order
	}{
		{"every floor met", map[string]float64{"people": 0.95, "attributed quotes": 0.8}, nil},
		{"a score with no floor is free", map[string]float64{"people": 0.95, "attributed quotes": 0.8, "claims": 0.1}, nil},
		{"a score below its floor", map[string]float64{"people": 0.85, "attributed quotes": 0.8},
			[]string{"people F1 0.8500 fell below its floor 0.9000"}},
		{"a renamed metric keeps its floor", map[string]float64{"people": 0.95, "quotes with speaker": 0.99},
			[]string{`floor for "attributed quotes", a metric the scorer did not produce (it produced people, quotes with speaker)`}},
		{"no scores at all", nil, []string{`floor for "attributed quotes"`, `floor for "people"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &floorRecorder{TB: t}
			checkFloors(r, "F1", floors, tt.scores)
			require.Len(t, r.errs, len(tt.want), "%q", r.errs)
			for i, w := range tt.want {
				assert.Contains(t, r.errs[i], w)
			}
		})
	}
}
