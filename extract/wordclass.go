package extract

// Word classes: one bit per lexicon that the attribution rules test in
// their inner loops. Each token's bits and cue flags are read from one table
// once per article (qAnalyzer.wc), so the rules test bits instead of probing
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

// qWordInfo is what the lexicons say of one lower-cased word.
type qWordInfo struct {
	cls uint32 // wc* bits
	cue uint16 // qCueWords flags
}

// qWordTable merges the lexicons into one map keyed by lower-cased word; it
// is filled by init in cues.go once qCueWords is complete.
var qWordTable map[string]qWordInfo

// qBuildWordTable merges the lexicons behind the wc* bits and the cue flags
// into one table, so an article pays a single probe per token.
func qBuildWordTable() map[string]qWordInfo {
	t := map[string]qWordInfo{}
	for _, l := range []struct {
		set map[string]bool
		bit uint32
	}{
		{qAuxSkip, wcAuxSkip}, {qTimeWords, wcTime}, {qAdverbialPreps, wcAdvPrep},
		{qRelativeStarts, wcRelStart}, {qPronouns, wcPronoun}, {qSubordinators, wcSubordinator},
		{qGerundEnds, wcGerundEnd}, {qPastIrregular, wcPastIrregular}, {qDateWords, wcDate},
		{qDeterminers, wcDeterminer}, {qAnonNouns, wcAnon}, {qPersonRoles, wcPersonRole},
		{qOrgRoles, wcOrgRole}, {qDocNouns, wcDoc}, {qQuantityWords, wcQuantity},
		{qAdverbialNouns, wcAdvNoun},
	} {
		for w, ok := range l.set {
			if ok {
				wi := t[w]
				wi.cls |= l.bit
				t[w] = wi
			}
		}
	}
	for w, fl := range qCueWords {
		wi := t[w]
		wi.cue = uint16(fl)
		t[w] = wi
	}
	return t
}

// is reports whether token k belongs to any of the word classes in c.
func (a *qAnalyzer) is(k int, c uint32) bool { return a.wc[k].cls&c != 0 }

// cueOf returns the cue flags of token k (0 when it is no reporting verb).
func (a *qAnalyzer) cueOf(k int) int { return int(a.wc[k].cue) }
