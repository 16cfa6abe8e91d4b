package eval

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// fold lower-cases s and strips accents, so "Mikšer" equals "mikser".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(strings.TrimSpace(out))
}

// tokens splits s into lower-case words without punctuation, the unit of
// FORMAT.md's token overlap.
func tokens(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// overlapF1 is the F1 of the two token multisets: 1 for the same words, 0 for
// none in common.
func overlapF1(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := make(map[string]int, len(a))
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p := float64(common) / float64(len(b))
	r := float64(common) / float64(len(a))
	return 2 * p * r / (p + r)
}

// span is a located stretch of the article text; start < 0 when the gold
// text could not be found.
type span struct{ start, end int }

func (s span) overlaps(start, end int) bool {
	return s.start >= 0 && start < s.end && s.start < end
}

// locate places each of texts in text in order: each is searched for after
// the previous one, and from the start when it is not found there.
func locate(text string, texts []string) []span {
	out := make([]span, len(texts))
	cur := 0
	for i, t := range texts {
		if t == "" {
			out[i] = span{-1, -1}
			continue
		}
		j := strings.Index(text[cur:], t)
		if j >= 0 {
			j += cur
		} else {
			j = strings.Index(text, t)
		}
		if j < 0 {
			out[i] = span{-1, -1}
			continue
		}
		out[i] = span{j, j + len(t)}
		cur = j + 1
	}
	return out
}
