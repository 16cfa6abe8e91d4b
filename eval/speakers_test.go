package eval_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// polnearTrain is PolNeAR's train split, beside the checkout as ../shared.
const polnearTrain = "../../shared/data/polnear/train"

// notSpeakers are single words that never name who spoke: function words
// and the verbs of reporting.
var notSpeakers = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true, "at": true, "for": true,
	"and": true, "or": true, "but": true, "that": true, "which": true, "what": true, "this": true, "these": true,
	"those": true, "with": true, "by": true, "from": true, "as": true, "is": true, "was": true, "were": true,
	"be": true, "been": true, "has": true, "have": true, "had": true, "not": true, "if": true, "when": true,
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "asked": true,
	"according": true, "stated": true, "claimed": true, "argued": true, "wrote": true, "noted": true,
}

// TestSpeakerMentionsAreNames runs extraction over PolNeAR train and checks
// that every speaker mention is a stretch of its article, as written, and
// not a lone function word or reporting verb.
func TestSpeakerMentionsAreNames(t *testing.T) {
	needShared(t, polnearTrain)
	if testing.Short() {
		t.Skip("840 articles")
	}
	docs, err := eval.ReadPolNeAR(polnearTrain)
	require.NoError(t, err)
	x, err := extract.New()
	require.NoError(t, err)
	n, bad := 0, 0
	check := func(id, text string, sp whosaid.Speaker) {
		m := sp.Mention
		if m == nil {
			return
		}
		n++
		ok := m.Start >= 0 && m.End <= len(text) && m.Start < m.End && text[m.Start:m.End] == m.Text
		if ok && !strings.ContainsAny(strings.TrimSpace(m.Text), " \n") {
			// A surname may be a function word ("Al From").
			w := strings.Trim(m.Text, ".,:;“”\"'")
			ok = !notSpeakers[strings.ToLower(w)] || strings.Contains(sp.Name, " ") && strings.HasSuffix(sp.Name, " "+w)
		}
		if !ok {
			bad++
			if bad <= 20 {
				t.Errorf("%s: speaker mention %q at %d–%d", id, m.Text, m.Start, m.End)
			}
		}
	}
	for _, d := range docs {
		f := x.Extract(d.Article)
		for _, q := range f.Quotes {
			check(d.Article.ID, d.Article.Text, q.Speaker)
		}
		for _, c := range f.Claims {
			check(d.Article.ID, d.Article.Text, c.Speaker)
		}
	}
	t.Logf("%d speaker mentions checked", n)
	assert.Zero(t, bad, "speaker mentions that are not names, noun phrases or labels of the text")
}
