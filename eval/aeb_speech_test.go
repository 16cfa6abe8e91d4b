package eval_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// TestAEBQuotesHaveSpeakers runs extraction on the Zyte benchmark's pages,
// articles written by others with no attribution gold, and keeps the share
// of quotes left with no speaker under its ceiling (the rules alone left 151
// of 926; the issue asks for under 1 in 20).
func TestAEBQuotesHaveSpeakers(t *testing.T) {
	const dir = "../../shared/data/aeb"
	needShared(t, dir)
	if testing.Short() {
		t.Skip("181 pages: not in -short")
	}
	x, err := extract.New()
	require.NoError(t, err)
	var arts []whosaid.Article
	_, err = eval.AEB(dir, func(source string, page []byte) (string, error) {
		a, err := corpus.ReadHTML(source, bytes.NewReader(page))
		if err == nil {
			arts = append(arts, a)
		}
		return a.Text, err
	})
	require.NoError(t, err)
	var sp eval.AEBSpeech
	for _, a := range arts {
		sp.Add(x.Extract(a))
	}
	t.Log(sp.String())
	assert.Greater(t, sp.Quotes, 800)
	// 26-29 of 926 quotes across this session's retrains (issue 15 began at 151);
	// 30 (0.0324) with the descriptor links and the quote-run candidates,
	// whose retrain leaves three more quotes unnamed; 32 (0.0346) once the
	// ranker is retrained on the entities that no longer call an unvouched
	// lone word a person (issue 16): under 0.035, still far under issue 15's
	// 1 in 20.
	assert.Less(t, sp.Share(), 0.035, "share of quotes with no speaker")
}
