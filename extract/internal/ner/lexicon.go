package ner

import (
	"strings"
)

// Lexicon flags of a word.
const (
	LexCountry = 1 << iota // part of a country name
	LexDemonym             // a country's adjective or people
	LexPlace               // part of a city, state or region name
	LexCommon              // seen in lower case in running text
	LexOrg                 // part of a known organization name
)

// Gazetteer phrase categories, for the phrase-position features.
const (
	gazCountry = iota + 1
	gazDemonym
	gazPlace
	gazOrg
)

// phrase is a gazetteer entry of several words, indexed by its first word.
type phrase struct {
	rest []string
	cat  uint8
}

// Lexicon maps words to gazetteer flags and holds the multi-word phrases of
// the same tables, so the tagger can tell "New Mexico" (a place) from
// "Mexico" inside it. It is built once and only read afterwards.
type Lexicon struct {
	m       map[string]lexWord
	phrases [][]phrase // the phrases starting with a word, longest first
}

// lexWord is what the lexicon knows of one word: one lookup finds both.
// The phrases are kept apart so that the map's entries stay small: it
// holds some twenty thousand words, is built at every start and is probed
// for every new word.
type lexWord struct {
	flags   uint8
	phrases int32 // 1 + the index in Lexicon.phrases of the word's phrases, 0 if none
}

// NewLexicon builds the word flags and phrases from the extract tables
// (countries.tsv, places.tsv, words.tsv) and a list of organization names
// ("Full Name|ACRONYM"). Training and tagging must use the same tables.
func NewLexicon(countries, places, words string, orgs []string) *Lexicon {
	// The map is made at about the size the tables give it (a word per
	// place, per common word and per form of a country, some ten a
	// country): grown from nothing, it was most of the time of loading.
	n := strings.Count(places, "\n") + strings.Count(words, "\nw\t") + 10*strings.Count(countries, "\n") + len(orgs)
	l := &Lexicon{m: make(map[string]lexWord, n), phrases: make([][]phrase, 0, n)}
	setFlags := func(w string, f uint8) {
		e := l.m[w]
		e.flags |= f
		l.m[w] = e
	}
	add := func(s string, f uint8, cat uint8) {
		// Most entries are one word ("Paris"): no Fields, no slice.
		first, rest := s, []string(nil)
		if !oneWord(s) {
			ws := strings.Fields(s)
			if len(ws) == 0 {
				return
			}
			first, rest = ws[0], ws[1:]
		}
		e := l.m[first]
		e.flags |= f
		if e.phrases == 0 {
			l.phrases = append(l.phrases, nil)
			e.phrases = int32(len(l.phrases))
		}
		l.m[first] = e
		l.phrases[e.phrases-1] = append(l.phrases[e.phrases-1], phrase{rest: rest, cat: cat})
		for _, w := range rest {
			setFlags(w, f)
		}
	}
	for _, line := range strings.Split(countries, "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) != 5 || line[0] == '#' {
			continue
		}
		for _, n := range strings.Split(cols[3], "|") {
			add(n, LexCountry, gazCountry)
		}
		for _, n := range strings.Split(cols[4], "|") {
			add(n, LexDemonym, gazDemonym)
		}
	}
	for line := range strings.SplitSeq(places, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if i := strings.IndexByte(line, '\t'); i > 0 {
			add(line[:i], LexPlace, gazPlace)
		}
	}
	for line := range strings.SplitSeq(words, "\n") {
		if len(line) < 3 || line[0] == '#' {
			continue
		}
		// The first names of words.tsv are counted from the CoNLL training
		// labels: always right on the training data, so the model would
		// learn to trust them and miss every name they lack. Only the
		// lower-case words, read from the text, are used.
		if line[0] == 'w' {
			setFlags(line[2:], LexCommon)
		}
	}
	for _, o := range orgs {
		for _, n := range strings.Split(o, "|") {
			add(n, LexOrg, gazOrg)
		}
	}
	for _, ps := range l.phrases {
		// Longest first, then by category, so the first match is the longest
		// and the order does not depend on map iteration.
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && (len(ps[j].rest) > len(ps[j-1].rest) || len(ps[j].rest) == len(ps[j-1].rest) && ps[j].cat < ps[j-1].cat); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
	}
	return l
}

// oneWord reports whether strings.Fields(s) is s alone: s is not empty
// and all ASCII without a space.
func oneWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c == ' ' || c >= '\t' && c <= '\r' {
			return false
		}
	}
	return s != ""
}

// word returns the flags of w, trying its lower-case form for commonness,
// and the phrases starting with w.
func (l *Lexicon) word(w string, lower string) (uint8, []phrase) {
	e := l.m[w]
	if lower != w {
		e.flags |= l.m[lower].flags & LexCommon
	}
	if e.phrases == 0 {
		return e.flags, nil
	}
	return e.flags, l.phrases[e.phrases-1]
}

// matchPhrase returns the category and length in words of the longest of
// phrases (those of words[i], longest first) that starts at words[i], or 0,
// 0. Single-word entries match too, so the position feature says "a whole
// country name" as well as "part of one".
func matchPhrase(phrases []phrase, words []string, i int) (uint8, int) {
	for _, p := range phrases {
		if i+1+len(p.rest) > len(words) {
			continue
		}
		ok := true
		for k, w := range p.rest {
			if words[i+1+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return p.cat, len(p.rest) + 1
		}
	}
	return 0, 0
}

// wholeWord returns the category of the first one-word entry of phrases
// (those of one word, longest first), 0 for none.
func wholeWord(phrases []phrase) uint8 {
	for _, p := range phrases {
		if len(p.rest) == 0 {
			return p.cat
		}
	}
	return 0
}
