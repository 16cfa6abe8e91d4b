package entities

import (
	"maps"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/text"
)

func TestDocCues(t *testing.T) {
	et := newTestTagger(t)
	for _, tc := range []struct {
		name, text string
		want       map[string]uint16
	}{
		{"possessive noun", "Shares rose. Airbus's shares fell on Monday.", map[string]uint16{"Airbus": cuePossNoun}},
		{"corporate form", "The plane was built by Airbus SE in France.", map[string]uint16{"Airbus": cueCorp}},
		{"next noun", "Yesterday Airbus shares fell sharply.", map[string]uint16{"Airbus": cueNextNoun}},
		{"apposite", "He met Airbus, the plane maker, on Monday.", map[string]uint16{"Airbus": cueApposite}},
		{"not a company's spokesman", "He met Smith, a company spokesman, on Monday.", map[string]uint16{}},
		{"shares of", "He bought shares of Airbus on Monday.", map[string]uint16{"Airbus": cueOfShares}},
		{"at after a role", "said an analyst at Barclays on Monday.", map[string]uint16{"Barclays": cueAtRole}},
		{"which", "John Smith left. Acme said it would cut jobs. Acme, which makes tools, grew.", map[string]uint16{"Acme": cueWhich}},
		{"said he", "Smith said he would go. Jones, who lost, left.", map[string]uint16{"Smith": cueSaidHe | cueHis, "Jones": cueSaidHe}},
		{"pronouns", "John Smith left. Acme raised its prices while Jones kept his.", map[string]uint16{"Acme": cueIts, "Jones": cueHis}},
		{"possessive of its own", "He said Airbus 's shares fell .", map[string]uint16{"Airbus": cuePossNoun}},
		{"title and first name", "Mr. Smith met striker Jones and John Brown.", map[string]uint16{"Smith": cuePerTitle, "Jones": cuePerTitle, "Brown": cuePerFirst}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got map[string]uint16
			et.collect = func(st *state) { got = maps.Clone(st.cues) }
			defer func() { et.collect = nil }()
			et.Tag(text.NewDoc(tc.text), whosaid.Article{Text: tc.text})
			for w, c := range tc.want {
				assert.Equal(t, c, got[w], w)
			}
			for w, c := range got {
				if _, ok := tc.want[w]; !ok {
					assert.Zero(t, c&cueOrg, "%s has organization cues %b", w, c)
				}
			}
		})
	}
}
