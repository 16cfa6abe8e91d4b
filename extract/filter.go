package extract

// wordFilter is a bitmap over (first letter, last letter, length) of the
// words of a lexicon.
type wordFilter [26 * 26 * 10]bool

// newWordFilter builds the filter of a lexicon of lower-case ASCII words.
func newWordFilter[V any](lex map[string]V) *wordFilter {
	f := new(wordFilter)
	for w := range lex {
		if k, ok := filterKey(w); ok {
			f[k] = true
		}
	}
	return f
}

// mayHold reports whether w, in any case, might be a lexicon word; false
// means it certainly is not.
func (f *wordFilter) mayHold(w string) bool {
	k, ok := filterKey(w)
	return ok && f[k]
}

// filterKey indexes w in a wordFilter; words of 9 bytes or more share the
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

// mayBeIn reports whether w might be a word of the lexicon f was built
// from; false means it certainly is not. A word the filter cannot index
// (not framed by ASCII letters) might always be, so that a lexicon key of
// that shape is still found by the map probe after.
func mayBeIn(f *wordFilter, w string) bool {
	k, ok := filterKey(w)
	return !ok || f[k]
}
