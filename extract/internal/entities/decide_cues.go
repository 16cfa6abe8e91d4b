package entities

import "github.com/whosaid/whosaid/extract/internal/text"

// Document-level cues for the decider (issue 16): a name met once in a
// company's context ("Airbus's shares", "shares of Airbus", "Airbus Inc",
// "analyst at Airbus", "Airbus, the plane maker") is a company in all its
// mentions, and a lone word never met after a title, an honorific or a first
// name has no person evidence. The cues are features, so the decider's
// training weighs them; TestTrainDecider logs how often each is right on
// CoNLL-2003 train.

// Cue bits, kept per word of the article in state.cues. The organization
// cues to the right of a word apply to a name ending in it, those to the
// left to a name starting with it.
const (
	cueCorp     = 1 << iota // followed by a corporate form: "Airbus SE", "Sony Corp"
	cuePossNoun             // a possessive before a company noun: "Airbus's shares"
	cueNextNoun             // followed by a lower-case company noun: "Airbus shares rose"
	cueApposite             // ", the/a … maker" after it
	cueOfShares             // after "shares of", "stake in", "unit of"
	cueAtRole               // after a lower-case role word and "at": "analyst at Barclays"
	cueWhich                // ", which": a thing
	cuePerTitle             // after a title, an honorific or a role word: "Mr. Smith", "striker Smith"
	cuePerFirst             // after a first name: "John Smith"
	cueSaidHe               // "said he", ", who": a person speaks
	cueIts                  // the next pronoun is "its": a thing
	cueHis                  // the next pronoun is "his", "her", "he" or "she": a person
	cueRight    = cueCorp | cuePossNoun | cueNextNoun | cueApposite | cueWhich | cueSaidHe | cueIts | cueHis
	cueLeft     = cueOfShares | cueAtRole | cuePerTitle | cuePerFirst
	cueOrg      = cueCorp | cuePossNoun | cueNextNoun | cueApposite | cueOfShares | cueAtRole | cueWhich | cueIts
	cuePer      = cuePerTitle | cuePerFirst | cueSaidHe | cueHis
	cueBits     = 12
)

// corpForms are the legal forms that end a company's name.
var corpForms = wordSet("Inc", "Corp", "Corporation", "Co", "Ltd", "LLC", "Plc", "PLC", "plc", "AG",
	"GmbH", "NV", "SA", "SpA", "AB", "ASA", "SE", "Oyj", "KK", "Bhd", "Tbk", "Pty", "LP", "Llc", "Limited")

// companyNouns are what a company has or is: "Airbus's shares", "Airbus
// shares", "Airbus, the plane maker".
var companyNouns = wordSet(
	"shares", "share", "stock", "stocks", "shareholders", "stockholders", "profit", "profits",
	"revenue", "revenues", "sales", "earnings", "subsidiary", "unit", "units", "stake", "products",
	"customers", "employees", "headquarters", "bonds", "acquisition", "takeover", "merger", "plant",
	"plants", "factory", "factories", "brand", "board", "executives", "ceo", "dividend", "results",
	"maker", "company", "firm", "group", "bank", "carrier", "airline", "retailer", "manufacturer",
	"producer", "operator", "insurer", "lender", "supplier", "conglomerate", "giant", "provider",
	"developer", "distributor", "chain", "brokerage", "startup", "automaker", "carmaker", "bottler",
	"refiner", "miner", "utility", "newspaper", "broadcaster", "publisher", "agency",
)

// saidVerbs before "he" or "she" mark a person: "Smith said he". ("said
// it" does not mark a thing: on CoNLL-2003 train a lone word the tagger
// calls a person before it is one 19 times in 20.)
var saidVerbs = wordSet("said", "says", "added", "announced", "reported", "told", "expects", "expected", "confirmed", "denied")

// cueWords merges corpForms, companyNouns and saidVerbs, so that the word
// after each capitalised word is looked up once.
var cueWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, l := range []struct {
		set map[string]bool
		bit uint8
	}{{corpForms, cwCorp}, {companyNouns, cwNoun}, {saidVerbs, cwSaid}} {
		for w := range l.set {
			m[w] |= l.bit
		}
	}
	return m
}()

// The lists of cueWords.
const (
	cwCorp = 1 << iota
	cwNoun
	cwSaid
)

// companyLeft end the words before a company: "shares of", "stake in".
var companyLeft = wordSet("shares", "stake", "unit", "subsidiary", "stock", "division", "owner", "parent")

// docCues fills st.cues with the cue bits of every capitalised word of
// the article.
func (st *state) docCues() {
	if st.cues == nil {
		st.cues = map[string]uint16{}
	}
	clear(st.cues)
	for i := range st.toks {
		if !st.is(i, tfCap) {
			continue
		}
		var c uint16
		n, k := st.wordAt(i+1), i+1 // the word after, past a possessive "'s" written apart (CoNLL's tokens)
		if (n == "'" || n == "’") && st.wordAt(i+2) == "s" {
			k += 2
		}
		w := cueWords[n]
		switch {
		case st.is(i, tfPoss) || k > i+1:
			if companyNouns[st.lowerAt(k)] {
				c |= cuePossNoun
			}
		case w&cwCorp != 0:
			c |= cueCorp
		case w&cwNoun != 0 && st.is(i+1, tfLower) && !st.is(i+1, tfPoss):
			c |= cueNextNoun
		case n == ",":
			switch st.lowerAt(i + 2) {
			case "which":
				c |= cueWhich
			case "who":
				c |= cueSaidHe
			default:
				if st.apposite(i + 2) {
					c |= cueApposite
				}
			}
		case w&cwSaid != 0:
			switch st.lowerAt(i + 2) {
			case "he", "she":
				c |= cueSaidHe
			}
		}
		if !st.is(i+1, tfCap) {
			c |= st.nextPronoun(i + 1)
		}
		j := i - 1 // the word before, past an abbreviation's full stop ("Mr. Smith")
		if st.wordAt(j) == "." && j > 0 && st.toks[j].start == st.toks[j-1].end && st.has(j-1, lxDotted) {
			j--
		}
		switch p := st.lowerAt(j); {
		case st.is(j, tfCap):
			if st.has(j, lxTitleHead) {
				c |= cuePerTitle
			} else if st.has(j, lxFirstName) && !st.is(j, tfAllCaps) {
				c |= cuePerFirst
			}
		case (p == "of" || p == "in") && companyLeft[st.lowerAt(j-1)]:
			c |= cueOfShares
		case p == "at" && roleWords[st.lowerAt(j-1)]:
			c |= cueAtRole
		case p != "" && roleWords[p]:
			c |= cuePerTitle
		}
		if c != 0 {
			st.cues[st.word(i)] |= c
		}
	}
}

// apposite reports whether the words from token i are "the"/"a"/"an" and,
// within three words, a company noun that is not itself before a role
// ("Airbus, the plane maker"; not "Smith, a company spokesman").
func (st *state) apposite(i int) bool {
	if d := st.lowerAt(i); d != "the" && d != "a" && d != "an" {
		return false
	}
	for j := i + 1; j < i+4 && st.is(j, tfLower); j++ {
		if companyNouns[st.wordAt(j)] && !st.is(j, tfPoss) {
			return !roleWords[st.lowerAt(j+1)]
		}
	}
	return false
}

// lowerAt is the word of token i if it is written in lower case, "" if not
// or outside the text: the cue lists are of lower-case words.
func (st *state) lowerAt(i int) string {
	if !st.is(i, tfLower) {
		return ""
	}
	return st.word(i)
}

// cueFeatures adds the cues of candidate c's words: those to the right of
// its last word and to the left of its first, anywhere in the article.
func (st *state) cueFeatures(c *spanCand, genre int8) {
	add := func(h uint64) { st.feats = append(st.feats, h) }
	cue := st.cues[st.word(c.e-1)]&cueRight | st.cues[st.word(c.s)]&cueLeft
	for b := int8(0); b < cueBits; b++ {
		if cue&(1<<b) != 0 {
			add(feat(fCue, b))
			add(feat(fCueTag, b, c.rule, c.tag))
		}
	}
	if c.e-c.s == 1 {
		ev := int8(0)
		if cue&cuePer != 0 || st.docw[st.word(c.s)].role&(dwSurname|dwFirst) != 0 {
			ev = 1
		}
		if cue&cueOrg != 0 {
			ev |= 2
		}
		add(feat(fCueGenre, ev, genre, c.rule, c.tag))
	}
}

// cueCands fills st.cues and adds as candidates the lone capitalised words,
// not ordinary words, that no rule or tagger proposed but that are met
// somewhere in the article in a company's context: "Acme" of "Acme's
// shares" may be proposed nowhere else.
func (t *Tagger) cueCands(st *state) {
	st.docCues()
	n := len(st.dc)
	covered := text.Resize(st.taken, len(st.toks)) // scratch: decide clears it before use
	clear(covered)
	st.taken = covered
	for i := range st.dc[:n] {
		for k := st.dc[i].s; k < st.dc[i].e; k++ {
			covered[k] = 1
		}
	}
	for i := range st.toks {
		if covered[i] == 0 && st.is(i, tfCap) && st.cues[st.word(i)]&cueOrg != 0 && !t.isCommon(st, i) {
			st.addDerived(i, i+1, hwCue)
		}
	}
}

// nextPronoun is cueIts or cueHis by the first possessive or personal
// pronoun within eight words from token i, if no other name or the end of
// the sentence comes first: "Acme said its profit", "Smith said his".
func (st *state) nextPronoun(i int) uint16 {
	for j := i; j < i+8 && j < len(st.toks); j++ {
		if st.is(j, tfCap) || st.wordAt(j) == "." {
			return 0
		}
		switch st.lowerAt(j) {
		case "its":
			return cueIts
		case "his", "her", "he", "she", "him":
			return cueHis
		}
	}
	return 0
}
