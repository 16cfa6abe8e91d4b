package speech

// Word classes: one bit per lexicon that the attribution rules test in
// their inner loops. Each token's bits and cue flags are read from one table
// once per article (analyzer.wc), so the rules test bits instead of probing
// a dozen maps for the same word again and again.
const (
	wcAuxSkip = 1 << iota
	wcTime
	wcAdvPrep
	wcRelStart
	wcPronoun
	wcSubordinator
	wcGerundEnd
	wcPastIrregular
	wcDate
	wcDeterminer
	wcAnon
	wcPersonRole
	wcOrgRole
	wcDoc
	wcQuantity
	wcAdvNoun
)

// wordInfo is what the lexicons say of one lower-cased word.
type wordInfo struct {
	cls uint32 // wc* bits
	cue uint16 // cueWords flags
}

// wordTable merges the lexicons into one map keyed by lower-cased word; it
// is filled by init in cues.go once cueWords is complete.
var wordTable map[string]wordInfo

// buildWordTable merges the lexicons behind the wc* bits and the cue flags
// into one table, so an article pays a single probe per token.
func buildWordTable() map[string]wordInfo {
	t := map[string]wordInfo{}
	for _, l := range []struct {
		set map[string]bool
		bit uint32
	}{
		{auxSkip, wcAuxSkip}, {timeWords, wcTime}, {adverbialPreps, wcAdvPrep},
		{relativeStarts, wcRelStart}, {pronouns, wcPronoun}, {subordinators, wcSubordinator},
		{gerundEnds, wcGerundEnd}, {pastIrregular, wcPastIrregular}, {dateWords, wcDate},
		{determiners, wcDeterminer}, {anonNouns, wcAnon}, {personRoles, wcPersonRole},
		{orgRoles, wcOrgRole}, {docNouns, wcDoc}, {quantityWords, wcQuantity},
		{adverbialNouns, wcAdvNoun},
	} {
		for w, ok := range l.set {
			if ok {
				wi := t[w]
				wi.cls |= l.bit
				t[w] = wi
			}
		}
	}
	for w, fl := range cueWords {
		wi := t[w]
		wi.cue = uint16(fl)
		t[w] = wi
	}
	return t
}

// is reports whether token k belongs to any of the word classes in c.
func (a *analyzer) is(k int, c uint32) bool { return a.wc[k].cls&c != 0 }

// cueOf returns the cue flags of token k (0 when it is no reporting verb).
func (a *analyzer) cueOf(k int) int { return int(a.wc[k].cue) }
