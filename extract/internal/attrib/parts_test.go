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

func TestJoinParts(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		quotes    [][2]string // inner text, speaker
		want      []string    // the texts after joining
	}{
		{"interrupted by its attribution",
			`“We will win,” Ortega said. “The people have spoken.”`,
			[][2]string{{"We will win,", "Ortega"}, {"The people have spoken.", "Ortega"}},
			[]string{"We will win,” “The people have spoken."}},
		{"three pieces",
			`“One,” she said, “two,” and “three.”`,
			[][2]string{{"One,", "she"}, {"two,", "she"}, {"three.", "she"}},
			[]string{"One,” “two,", "three."}},
		{"nothing but marks between",
			`She said: “One.” “Two.”`,
			[][2]string{{"One.", "She"}, {"Two.", "She"}},
			[]string{"One.” “Two."}},
		{"a claim of its own after adding that",
			`“We will win,” he said, adding that “nobody doubts it.”`,
			[][2]string{{"We will win,", "he"}, {"nobody doubts it.", "he"}},
			[]string{"We will win,", "nobody doubts it."}},
		{"a participle going on into the second piece",
			`“We will win,” he said, adding, “nobody doubts it.”`,
			[][2]string{{"We will win,", "he"}, {"nobody doubts it.", "he"}},
			[]string{"We will win,", "nobody doubts it."}},
		{"another paragraph",
			"“We will win,” Ortega said.\n\n“The people have spoken.”",
			[][2]string{{"We will win,", "Ortega"}, {"The people have spoken.", "Ortega"}},
			[]string{"We will win,", "The people have spoken."}},
		{"another speaker",
			`“We will win,” Ortega said. “We will not,” Diaz said.`,
			[][2]string{{"We will win,", "Ortega"}, {"We will not,", "Diaz"}},
			[]string{"We will win,", "We will not,"}},
		{"the speaker not between them",
			`Ortega said “we will win” and “the people have spoken.”`,
			[][2]string{{"we will win", "Ortega"}, {"the people have spoken.", "Ortega"}},
			[]string{"we will win", "the people have spoken."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var qs []whosaid.Quote
			for _, q := range tc.quotes {
				qs = append(qs, quoteAt(tc.src, q[0], q[1]))
			}
			got := attrib.JoinParts(tc.src, qs)
			var texts []string
			for _, q := range got {
				texts = append(texts, q.Text)
				ps := q.Pieces()
				assert.Equal(t, ps[0].Start, q.Start)
				assert.Equal(t, ps[len(ps)-1].End, q.End)
				for _, p := range ps {
					assert.Equal(t, tc.src[p.Start:p.End], p.Text)
				}
			}
			assert.Equal(t, tc.want, texts)
		})
	}
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
