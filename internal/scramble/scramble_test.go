package scramble

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

func TestText(t *testing.T) {
	const text = `Rex Tillerson said on Tuesday: “We will see about $5 million.” The orchestra played beautifully in Zürich's café, co-operating 24/7.`
	span := func(s string) Span {
		i := strings.Index(text, s)
		return Span{i, i + len(s)}
	}
	for _, tc := range []struct {
		name     string
		keep     []Span
		words    map[string]bool
		same     []string // left as they are
		scramble []string // changed
	}{
		{"plain", nil, nil,
			[]string{"Rex Tillerson", "on Tuesday: “We", "$5", "The", "Zürich's", "café", "24/7", "co-", "” "},
			[]string{"said", "will", "see", "about", "million", "orchestra", "played", "beautifully", "operating"}},
		{"spans kept", []Span{span("We will see about $5 million."), span("play")}, nil,
			[]string{"We will see about $5 million.", "played"},
			[]string{"said", "orchestra", "beautifully"}},
		{"words kept", nil, map[string]bool{"said": true, "million": true},
			[]string{"Rex Tillerson said on", "$5 million."},
			[]string{"will", "orchestra"}},
		{"span past the end", []Span{{len(text) - 3, len(text) + 10}, {-5, 3}}, nil,
			[]string{"Rex", "24/7."},
			[]string{"orchestra"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := Text(text, 1, tc.keep, tc.words)
			require.Len(t, a, len(text), "offsets stay valid")
			assert.True(t, utf8.ValidString(a))
			for _, s := range tc.same {
				i := strings.Index(text, s)
				assert.Equal(t, s, a[i:i+len(s)])
			}
			for _, s := range tc.scramble {
				i := strings.Index(text, s)
				assert.NotEqual(t, s, a[i:i+len(s)])
			}
			assert.Equal(t, a, Text(text, 1, tc.keep, tc.words), "the same copy each time")
			assert.NotEqual(t, a, Text(text, 2, tc.keep, tc.words), "another copy differs")
		})
	}
	assert.Equal(t, "", Text("", 1, nil, nil))
	assert.Equal(t, "a to", Text("a to", 1, nil, nil), "short words stay")
}

// TestFindings checks that a scrambled copy keeps every finding in place
// and changes the rest of the text, differently for each copy.
func TestFindings(t *testing.T) {
	text := "WASHINGTON (Reuters) - Rex Tillerson said on Tuesday: “We will see.” The meeting ended early with 2 percent, an official said of the claim that it was over."
	at := func(s string) whosaid.Mention {
		i := strings.Index(text, s)
		return whosaid.Mention{Text: s, Start: i, End: i + len(s)}
	}
	rex, quote, tue, pct, off, claim := at("Rex Tillerson"), at("We will see."), at("Tuesday"), at("2 percent"), at("official"), at("that it was over")
	f := whosaid.Findings{
		Article:  whosaid.Article{Text: text},
		Entities: []whosaid.Entity{{Type: whosaid.Person, Name: "Rex Tillerson", Mentions: []whosaid.Mention{rex}}},
		Dates:    []whosaid.Date{{Text: tue.Text, Start: tue.Start, End: tue.End}},
		Amounts:  []whosaid.Amount{{Text: pct.Text, Start: pct.Start, End: pct.End}},
		Quotes:   []whosaid.Quote{{Text: quote.Text, Start: quote.Start, End: quote.End, Speaker: whosaid.Speaker{Mention: &rex}}},
		Claims:   []whosaid.Claim{{Text: claim.Text, Start: claim.Start, End: claim.End, Speaker: whosaid.Speaker{Mention: &off}}},
	}
	a, b := Findings(f, 1), Findings(f, 2)
	require.Len(t, a.Article.Text, len(text))
	for _, m := range []whosaid.Mention{rex, quote, tue, pct, off, claim} {
		assert.Equal(t, m.Text, a.Article.Text[m.Start:m.End])
		assert.Equal(t, m.Text, b.Article.Text[m.Start:m.End])
	}
	assert.NotContains(t, a.Article.Text, "meeting")
	assert.NotEqual(t, a.Article.Text, b.Article.Text)
	assert.Equal(t, text, f.Article.Text, "the original is left alone")
	a.Article.Text = text
	assert.Equal(t, f, a, "only the text differs")
}
