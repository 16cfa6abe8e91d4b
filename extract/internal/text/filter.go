package text

// WordFilter answers "might this word be in the lexicon?" from a bitmap
// over (first letter, last letter, length) of the lexicon's words, so that
// most words of an article skip the map lookup.
type WordFilter struct {
	bits [26 * 26 * 10]bool
	odd  bool // the lexicon has a word the bitmap cannot index ("d'", "hryvnias.")
}

// NewWordFilter builds the filter of a lexicon of lower-case ASCII words.
func NewWordFilter[V any](lex map[string]V) *WordFilter {
	f := new(WordFilter)
	for w := range lex {
		if k, ok := filterKey(w); ok {
			f.bits[k] = true
		} else {
			f.odd = true
		}
	}
	return f
}

// MayHold reports whether w, in any case, might be a word of the lexicon;
// false means it certainly is not. A word the bitmap cannot index (not
// framed by ASCII letters) might be one only if the lexicon has such words.
func (f *WordFilter) MayHold(w string) bool {
	k, ok := filterKey(w)
	if !ok {
		return f.odd
	}
	return f.bits[k]
}

// filterKey indexes w in a WordFilter; words of 9 bytes or more share the
// last length slot ("thanksgiving", "september"), and ok is false for words
// not framed by ASCII letters.
func filterKey(w string) (int, bool) {
	if len(w) == 0 {
		return 0, false
	}
	a, z := w[0]|0x20, w[len(w)-1]|0x20
	if a < 'a' || a > 'z' || z < 'a' || z > 'z' {
		return 0, false
	}
	return (int(a-'a')*26+int(z-'a'))*10 + min(len(w), 9), true
}
