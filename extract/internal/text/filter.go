package text

// WordFilter is a bitmap over (first letter, last letter, length) of the
// words of a lexicon.
type WordFilter [26 * 26 * 10]bool

// NewWordFilter builds the filter of a lexicon of lower-case ASCII words.
func NewWordFilter[V any](lex map[string]V) *WordFilter {
	f := new(WordFilter)
	for w := range lex {
		if k, ok := filterKey(w); ok {
			f[k] = true
		}
	}
	return f
}

// mayHold reports whether w, in any case, might be a lexicon word; false
// means it certainly is not.
func (f *WordFilter) MayHold(w string) bool {
	k, ok := filterKey(w)
	return ok && f[k]
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

// MayBeIn reports whether w might be a word of the lexicon f was built
// from; false means it certainly is not. A word the filter cannot index
// (not framed by ASCII letters) might always be, so that a lexicon key of
// that shape is still found by the map probe after.
func MayBeIn(f *WordFilter, w string) bool {
	k, ok := filterKey(w)
	return !ok || f[k]
}
