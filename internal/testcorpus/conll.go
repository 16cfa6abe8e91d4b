package testcorpus

import (
	"strings"

	"github.com/whosaid/whosaid/eval"
)

// conllText renders a CoNLL document as an article: one paragraph per
// sentence (the headline, the dateline line and each body sentence), its
// tokens joined by spaces with the common detokenisation rules, so that
// the extractor sees "said." and "(Reuters)" rather than "said ." and
// "( Reuters )".
func conllText(d eval.CoNLLDoc) string {
	var b strings.Builder
	start := 0
	for _, end := range d.Ends {
		if start > 0 {
			b.WriteByte('\n')
		}
		detokenize(&b, d.Words[start:end])
		start = end
	}
	return b.String()
}

// detokenize writes words as running text. A straight double quote opens
// and closes in turn, since CoNLL does not say which it is.
func detokenize(b *strings.Builder, words []string) {
	open := false // inside a "…" pair
	glue := true  // no space before the next word
	for _, w := range words {
		switch {
		case w == `"`:
			if open {
				b.WriteString(w)
				glue = false
			} else {
				if !glue {
					b.WriteByte(' ')
				}
				b.WriteString(w)
				glue = true
			}
			open = !open
			continue
		case attachesLeft(w):
			b.WriteString(w)
		default:
			if !glue {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		glue = w == "(" || w == "[" || w == "$" || w == "``"
	}
}

// attachesLeft reports whether a token is written without a space before
// it: closing punctuation and English clitics.
func attachesLeft(w string) bool {
	switch w {
	case ",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "...":
		return true
	}
	return false
}
