package attrib_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/attrib"
)

// quoteAt is the quote of src between the marks around the n-th
// occurrence (from 0) of inner, said by the mention of who at its first
// occurrence (who "" for none).
func quoteAt(src, inner, who string) whosaid.Quote {
	s := strings.Index(src, inner)
	q := whosaid.Quote{Text: inner, Start: s, End: s + len(inner), Kind: whosaid.FullQuote}
	if who != "" {
		m := strings.Index(src, who)
		q.Speaker = whosaid.Speaker{Name: who, Kind: whosaid.KindPerson,
			Mention: &whosaid.Mention{Text: who, Start: m, End: m + len(who)}}
	}
	return q
}

func TestDropEchoes(t *testing.T) {
	src := `He said: “This one is for you.” She said that “the plan” was bad.`
	q1, q2 := quoteAt(src, "This one is for you.", "He"), quoteAt(src, "the plan", "She")
	claim := func(text string) whosaid.Claim {
		s := strings.Index(src, text)
		return whosaid.Claim{Text: text, Start: s, End: s + len(text)}
	}
	cs := []whosaid.Claim{claim("“This one is for you.”"), claim("that “the plan” was bad")}
	got := attrib.DropEchoes([]whosaid.Quote{q1, q2}, cs)
	if assert.Len(t, got, 1, "the claim that is only the quote again goes; the wider one stays") {
		assert.Equal(t, "that “the plan” was bad", got[0].Text)
	}
}
