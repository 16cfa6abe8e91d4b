package attrib_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/extract/internal/attrib"
	"github.com/whosaid/whosaid/extract/internal/speech"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// TestProposalContent checks where a proposed claim's content ends: on
// through a partial quotation inside the clause, as PolNeAR's contents run,
// but before a full quotation, which is speech of its own.
func TestProposalContent(t *testing.T) {
	x, err := extract.New()
	require.NoError(t, err)
	lex := map[string]bool{"portray": true}
	for _, tc := range []struct {
		name, text, want string
	}{
		{"through a partial quote", "White House officials started to portray the shooting as a “workplace” issue on Monday.",
			"the shooting as a “workplace” issue on Monday"},
		{"a straight partial quote", `White House officials started to portray the shooting as a "workplace" issue on Monday.`,
			`the shooting as a "workplace" issue on Monday`},
		{"stopped by a full quote", "Officials started to portray the shooting as an attack, “We will find the people who did this and we will bring them to justice.”",
			"the shooting as an attack"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := text.NewDoc(tc.text)
			ents := x.Extract(whosaid.Article{Text: tc.text}).Entities
			qs, cs := speech.Attribute(d, ents)
			var got []string
			for _, p := range attrib.Proposals(d, qs, cs, lex) {
				got = append(got, tc.text[p.Start:p.End])
			}
			assert.Contains(t, got, tc.want)
		})
	}
}
