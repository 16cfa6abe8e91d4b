package eval

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

// perfect builds the findings a flawless extractor would give for g, by
// placing every gold item in the text.
func perfect(tb testing.TB, g Gold) whosaid.Findings {
	tb.Helper()
	f := whosaid.Findings{Article: g.Article()}
	for _, p := range g.People {
		f.Entities = append(f.Entities, whosaid.Entity{Type: whosaid.Person, Name: p})
	}
	for _, o := range g.Organizations {
		f.Entities = append(f.Entities, whosaid.Entity{Type: whosaid.Org, Name: o})
	}
	for _, c := range g.Countries {
		f.Entities = append(f.Entities, whosaid.Entity{Type: whosaid.Country, Code: c})
	}
	texts := func(n int, at func(int) string) []span {
		ts := make([]string, n)
		for i := range ts {
			ts[i] = at(i)
		}
		return locate(g.Text, ts)
	}
	for i, s := range texts(len(g.Dates), func(i int) string { return g.Dates[i].Text }) {
		require.GreaterOrEqual(tb, s.start, 0, "date %q not in text", g.Dates[i].Text)
		f.Dates = append(f.Dates, whosaid.Date{Text: g.Dates[i].Text, Start: s.start, End: s.end, Value: g.Dates[i].Value})
	}
	for i, s := range texts(len(g.Amounts), func(i int) string { return g.Amounts[i].Text }) {
		a := g.Amounts[i]
		f.Amounts = append(f.Amounts, whosaid.Amount{Text: a.Text, Start: s.start, End: s.end, Kind: a.Kind,
			Value: a.Value, Unit: a.Unit, Of: a.Of, Target: a.Target})
	}
	speaker := func(gs GoldSpeech) whosaid.Speaker {
		if gs.Speaker == "" {
			return whosaid.Speaker{Kind: whosaid.KindUnknown}
		}
		return whosaid.Speaker{Name: gs.Speaker, Kind: gs.SpeakerKind}
	}
	for i, s := range texts(len(g.Quotes), func(i int) string { return g.Quotes[i].Text }) {
		f.Quotes = append(f.Quotes, whosaid.Quote{Text: g.Quotes[i].Text, Start: s.start, End: s.end, Speaker: speaker(g.Quotes[i])})
	}
	for _, c := range g.Claims {
		f.Claims = append(f.Claims, whosaid.Claim{Text: c.Text, Speaker: speaker(c)})
	}
	return f
}

func TestScorePerfectIsOne(t *testing.T) {
	golds, err := LoadDir("../testdata/gold")
	require.NoError(t, err)
	for _, g := range golds {
		r := Score(g, perfect(t, g))
		for _, m := range r.Metrics() {
			if m.TP+m.FP+m.FN == 0 {
				continue
			}
			assert.Equalf(t, 1.0, m.F1(), "%s: %s", g.ID, m)
		}
		assert.Empty(t, r.Misses, g.ID)
	}
}

func TestScoreRules(t *testing.T) {
	g, err := LoadFile("../testdata/gold/reuters-nato-tillerson.json")
	require.NoError(t, err)

	t.Run("date overlap but wrong value", func(t *testing.T) {
		f := perfect(t, g)
		f.Dates[len(f.Dates)-1].Value = "2017-03"
		r := Score(g, f)
		assert.Equal(t, 1.0, r.Dates.F1())
		assert.Less(t, r.DateValues.F1(), 1.0)
	})
	t.Run("amount with wrong unit does not match", func(t *testing.T) {
		f := perfect(t, g)
		f.Amounts[0].Unit = "pp"
		r := Score(g, f)
		assert.Equal(t, 1, r.Amounts.FP)
		assert.Equal(t, 1, r.Amounts.FN)
		assert.Equal(t, 1, r.Targets.TP)
	})
	t.Run("anonymous speaker needs the descriptor's last word", func(t *testing.T) {
		f := perfect(t, g)
		f.Quotes[1].Speaker = whosaid.Speaker{Name: "senior State Department official", Kind: whosaid.KindAnonymous}
		assert.Equal(t, 1.0, Score(g, f).AttributedQuotes.F1())
		f.Quotes[1].Speaker = whosaid.Speaker{Name: "State Department", Kind: whosaid.KindAnonymous}
		r := Score(g, f)
		assert.Equal(t, 1.0, r.Quotes.F1())
		assert.Less(t, r.AttributedQuotes.F1(), 1.0)
		f.Quotes[1].Speaker = whosaid.Speaker{Name: "State Department official", Kind: whosaid.KindPerson}
		assert.Less(t, Score(g, f).AttributedQuotes.F1(), 1.0)
	})
	t.Run("quote text needs 0.8 token overlap", func(t *testing.T) {
		f := perfect(t, g)
		words := strings.Fields(f.Quotes[1].Text)
		f.Quotes[1].Text = strings.Join(words[:len(words)/2], " ")
		assert.Equal(t, 1, Score(g, f).Quotes.FN)
	})
	t.Run("a quote inside another is not scored on its own", func(t *testing.T) {
		f := perfect(t, g)
		outer := f.Quotes[1]
		inner := whosaid.Quote{Text: "no longer sustainable", Start: outer.Start + 6, End: outer.Start + 27,
			Speaker: outer.Speaker}
		f.Quotes = append(f.Quotes, inner)
		assert.Equal(t, 1.0, Score(g, f).Quotes.F1())
	})
	t.Run("names compare case-insensitively with accents folded", func(t *testing.T) {
		f := perfect(t, g)
		f.Entities[0].Name = "REX TÌLLERSON"
		assert.Equal(t, 1.0, Score(g, f).People.F1())
	})
}

func TestLoadDirErrors(t *testing.T) {
	_, err := LoadDir(t.TempDir())
	assert.ErrorContains(t, err, "no gold files")
}
