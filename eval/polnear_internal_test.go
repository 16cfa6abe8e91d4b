package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

// TestReadBratCharOffsets checks that brat's character offsets become byte
// offsets, that discontinuous spans join and that E lines tie Source to
// Content.
func TestReadBratCharOffsets(t *testing.T) {
	text := "“Déjà vu,” Zoë said. Officials said prices rose."
	ann := "T1\tContent 1 8\tDéjà vu\n" +
		"T2\tSource 11 14\tZoë\n" +
		"T3\tCue 15 19\tsaid\n" +
		"E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n" +
		"T4\tSource 21 30\tOfficials\n" +
		"T5\tContent 36 42;43 47\tprices rose\n" +
		"E2\tAttribution:T3 Source:T4 Content:T5\n"
	p := filepath.Join(t.TempDir(), "a_x.ann")
	require.NoError(t, os.WriteFile(p, []byte(ann), 0o644))
	gold, err := readBrat(p, text)
	require.NoError(t, err)
	require.Len(t, gold, 2)
	assert.Equal(t, "Déjà vu", gold[0].text)
	assert.Equal(t, "Zoë", text[gold[0].source[0].start:gold[0].source[0].end])
	assert.Equal(t, "prices rose", gold[1].text)
}

// TestPolNeARPredsCountWrappedQuoteOnce checks that a quote inside a claim
// is one content, not two.
func TestPolNeARPredsCountWrappedQuoteOnce(t *testing.T) {
	f := whosaid.Findings{
		Claims: []whosaid.Claim{{Text: "the plan was “dead”", Start: 10, End: 31}},
		Quotes: []whosaid.Quote{{Text: "dead", Start: 26, End: 30}, {Text: "We will fight,", Start: 40, End: 54}},
	}
	ps := polnearPreds(f)
	require.Len(t, ps, 2)
	assert.Equal(t, "the plan was “dead”", ps[0].text)
	assert.Equal(t, "We will fight,", ps[1].text)
}
