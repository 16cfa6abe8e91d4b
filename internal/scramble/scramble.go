// Package scramble disguises copies of news text for tests and
// benchmarks that need many distinct stories from a few real ones: the
// store keeps one copy of a story (same text or near-duplicate text), and
// a benchmark that stored the same story twice would measure duplicate
// detection, not storing.
package scramble

import "github.com/whosaid/whosaid"

// Span is a byte range of a text, End exclusive.
type Span struct{ Start, End int }

// Text returns the n-th copy of text. Every ordinary word (three or more
// lower-case ASCII letters, between characters that are not letters,
// digits or non-ASCII) has its letters shifted along the alphabet by an
// amount that depends on n and the word's place in the text, unless it
// overlaps a span of keep or is one of words. Everything else stays as it
// is: names, numbers, punctuation, quotation marks, spaces, and the length
// of the text and of each word, so offsets into the original still point
// at the same places. Two copies differ in most of their 5-word shingles,
// so the store's duplicate detection (exact or near) takes each for a
// story of its own. The same text, n, keep and words give the same copy.
func Text(text string, n int, keep []Span, words map[string]bool) string {
	b := []byte(text)
	kept := make([]bool, len(b))
	for _, s := range keep {
		for i := max(s.Start, 0); i < s.End && i < len(b); i++ {
			kept[i] = true
		}
	}
	word := 0
	for i := 0; i < len(b); {
		if !isWord(b[i]) {
			i++
			continue
		}
		j, lower, touched := i, true, false
		for j < len(b) && isWord(b[j]) {
			lower = lower && 'a' <= b[j] && b[j] <= 'z'
			touched = touched || kept[j]
			j++
		}
		word++
		if lower && !touched && j-i >= 3 && !words[string(b[i:j])] {
			shift := byte(1 + mix(n, word)%25)
			for k := i; k < j; k++ {
				b[k] = 'a' + (b[k]-'a'+shift)%26
			}
		}
		i = j
	}
	return string(b)
}

// isWord reports whether c belongs to a word: an ASCII letter or digit, or
// a byte of a non-ASCII character.
func isWord(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c >= 0x80
}

// mix hashes (copy, word) so that no two copies repeat the same pattern of
// shifts.
func mix(n, word int) uint64 {
	x := uint64(n)*0x9E3779B97F4A7C15 ^ uint64(word)*0xC2B2AE3D27D4EB4F
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 29
	return x
}

// Findings returns the n-th copy of f: its article text scrambled (Text)
// around every finding (entity mentions, dates, amounts, quotes, claims
// and their speakers' mentions), so every offset and finding stays valid
// and the copy's findings are the original's. Only Article.Text differs
// from f, whose slices of findings the copy shares.
func Findings(f whosaid.Findings, n int) whosaid.Findings {
	var keep []Span
	for _, e := range f.Entities {
		for _, m := range e.Mentions {
			keep = append(keep, Span{m.Start, m.End})
		}
	}
	for _, d := range f.Dates {
		keep = append(keep, Span{d.Start, d.End})
	}
	for _, a := range f.Amounts {
		keep = append(keep, Span{a.Start, a.End})
	}
	speaker := func(sp whosaid.Speaker) {
		if m := sp.Mention; m != nil {
			keep = append(keep, Span{m.Start, m.End})
		}
	}
	for _, q := range f.Quotes {
		keep = append(keep, Span{q.Start, q.End})
		speaker(q.Speaker)
	}
	for _, c := range f.Claims {
		keep = append(keep, Span{c.Start, c.End})
		speaker(c.Speaker)
	}
	f.Article.Text = Text(f.Article.Text, n, keep, nil)
	return f
}
