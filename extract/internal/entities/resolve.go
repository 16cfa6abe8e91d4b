package entities

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// entity is an entity being assembled from linked mentions.
type entity struct {
	typ      string
	key      string
	name     string
	code     string
	words    []string // a person's name words, for surname and first-name links
	titles   []string
	mentions []whosaid.Mention
	first    int // byte offset of the first mention
	last     int // byte offset of the latest mention linked so far
	// firstLead and lastLead are leadByte of the first and last words,
	// set with them by setWords.
	firstLead, lastLead byte
}

// resolve links the candidates into entities: full names absorb surnames and
// first names, organizations absorb their acronyms and short names,
// countries and places get their codes. Entities come out in order of first
// mention, each with its mentions in text order.
func (t *Tagger) resolve(st *state, dl dateline) []whosaid.Entity {
	cs := st.cands
	// The chunker adds candidates nearly in text order; a sorted list, the
	// common case, is left as it is.
	byStart := func(a, b cand) int { return a.start - b.start }
	if !slices.IsSortedFunc(cs, byStart) {
		slices.SortStableFunc(cs, byStart)
	}
	t.collectPeople(st)
	t.collectOrgs(st)
	countries := t.countryContext(st)
	usContext := dl.usState || countries["US"]
	for i := range cs {
		c := &cs[i]
		if c.entity >= 0 {
			continue
		}
		switch {
		case c.pending:
			if c.entity = t.linkPending(st, c); c.entity < 0 {
				c.entity = t.modelEntity(st, c)
			}
		case c.typ == whosaid.Person:
			c.entity = t.linkPerson(st, c, st.d.Text[c.start:c.end])
		case c.typ == whosaid.Country:
			if e := t.linkPersonWord(st, c); e >= 0 {
				c.entity = e
				break
			}
			if c.alt != nil && (usContext || st.usPlaceAround()) && c.ent.kind == gzCountry {
				// "Georgia" with Atlanta or "SAVANNAH, Ga." about: the US state.
				c.typ, c.ent = whosaid.Location, c.alt
				c.entity = st.entityFor(whosaid.Location, c.ent.name, c.ent.name, "US", c.start)
				break
			}
			code := c.ent.codes[0]
			for _, k := range c.ent.codes {
				if countries[k] {
					code = k
					break
				}
			}
			c.entity = st.entityFor(whosaid.Country, code, t.gz.countryName[code], code, c.start)
		case c.typ == whosaid.Location:
			if e := t.linkPersonWord(st, c); e >= 0 {
				c.entity = e
				break
			}
			name, code := st.d.Text[c.start:c.end], ""
			if allCaps(name) && len(name) > 3 {
				name = string(titleCase(nil, name)) // "SAVANNAH" of a dateline
			}
			if c.ent != nil {
				name = c.ent.name
				code = t.placeCode(c.ent, countries, dl)
			} else if dl.usState {
				code = "US"
			} else {
				code = dl.cc
			}
			c.entity = st.entityFor(whosaid.Location, name, name, code, c.start)
		}
		if c.entity >= 0 {
			e := &st.ents[c.entity]
			st.addMention(c)
			if c.title != "" && !slices.Contains(e.titles, c.title) {
				e.titles = append(e.titles, c.title)
			}
			if c.start > e.last {
				e.last = c.start
			}
		}
	}
	st.attachMentions()
	return st.output()
}

// modelEntity gives a run the rules could neither classify nor link the
// type the statistical tagger gives it, if any: an unknown single name
// such as "Maersk" or "Sintrab". The mention takes the tagger's bounds when
// they lie inside the run ("Yorkshire" of "A Yorkshire couple").
func (t *Tagger) modelEntity(st *state, c *cand) int {
	if c.e-c.s == 1 && st.is(c.s, tfSentInit) && !st.capitalisedElsewhere(c.s) {
		return -1 // "Household spending rose": capitalised by position only
	}
	typ, n := st.modelName(c.start, c.end)
	if typ == "" || typ == "MISC" {
		return -1
	}
	if n.Start >= c.start && n.End <= c.end {
		c.start, c.end = n.Start, n.End
	}
	text := st.d.Text[c.start:c.end]
	if w, ok := strings.CutSuffix(text, "s"); ok && !strings.Contains(w, " ") && st.nearestPerson([]string{w}, c.start, "") >= 0 {
		return -1 // "the Pells": a family, not an organization
	}
	switch typ {
	case "PER":
		if !strings.Contains(text, " ") {
			// News introduces people by full name: a lone unknown word the
			// tagger calls a person is more often a company it never saw.
			return -1
		}
		c.typ = whosaid.Person
		return t.linkPerson(st, c, text)
	case "ORG":
		c.typ = whosaid.Org
		return st.entityFor(whosaid.Org, text, text, "", c.start)
	default:
		c.typ = whosaid.Location
		return st.entityFor(whosaid.Location, text, text, "", c.start)
	}
}

// capitalisedElsewhere reports whether the word of token i also appears
// capitalised in mid-sentence, which makes it a name rather than a word
// capitalised only because it opens a sentence.
func (st *state) capitalisedElsewhere(i int) bool {
	if !st.midCapsDone {
		st.findMidCaps()
	}
	w := st.word(i)
	for _, k := range st.midCaps {
		if int(k) != i && st.word(int(k)) == w {
			return true
		}
	}
	return false
}

// findMidCaps lists the tokens capitalised in mid-sentence. The question
// is asked for every lone sentence-initial run the rules left open, and a
// walk over the whole text for each made long articles slow; the list, a
// tenth of the tokens or so, is made once per article on the first question.
func (st *state) findMidCaps() {
	st.midCaps = st.midCaps[:0]
	for k := range st.toks {
		if !st.is(k, tfSentInit) && st.is(k, tfCap) {
			st.midCaps = append(st.midCaps, int32(k))
		}
	}
	st.midCapsDone = true
}

// entityFor returns the entity of type typ with key, creating it.
func (st *state) entityFor(typ, key, name, code string, at int) int {
	for i := range st.ents {
		if st.ents[i].typ == typ && st.ents[i].key == key {
			return i
		}
	}
	st.ents = append(st.ents, entity{typ: typ, key: key, name: name, code: code, first: at, last: -1})
	return len(st.ents) - 1
}

// collectPeople creates an entity for every full name (two words or more)
// before linking, so a surname can link to a full name given later, and a
// shorter full name ("De Smedt") joins the longer one ("Luc De Smedt").
// They are the first entities of the article and the only ones with words,
// which the linkers compare: st.named counts them.
func (t *Tagger) collectPeople(st *state) {
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ != whosaid.Person || c.pending {
			continue
		}
		name := c.name
		if name == "" {
			name = st.d.Text[c.start:c.end]
		}
		if strings.Count(name, " ") == 0 {
			continue
		}
		words := strings.Fields(name)
		found := -1
		for k := range st.ents {
			e := &st.ents[k]
			if e.typ == whosaid.Person && wordsSuffix(e.words, words) || wordsSuffix(words, e.words) && e.typ == whosaid.Person {
				found = k
				break
			}
		}
		if found < 0 {
			st.ents = append(st.ents, entity{typ: whosaid.Person, key: name, name: name, first: c.start, last: -1})
			st.ents[len(st.ents)-1].setWords(words)
			continue
		}
		if e := &st.ents[found]; len(words) > len(e.words) {
			e.name, e.key = name, name
			e.setWords(words)
		}
	}
	st.named = len(st.ents)
}

// setWords gives a person entity its name words and their lead bytes.
func (e *entity) setWords(words []string) {
	e.words = words
	e.firstLead, e.lastLead = 0xFF, 0xFF
	if len(words) > 0 {
		e.firstLead, e.lastLead = leadByte(words[0]), leadByte(words[len(words)-1])
	}
}

// wordsSuffix reports whether short ends long (case folded: "Van der Berg"
// ends "Inês van der Berg"). It is true for equal lists.
func wordsSuffix(long, short []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	// From the last word back: surnames differ where first names agree.
	off := len(long) - len(short)
	for i := len(short) - 1; i >= 0; i-- {
		if !equalFold(long[off+i], short[i]) {
			return false
		}
	}
	return true
}

// equalFold is strings.EqualFold with its most common answer, two words
// opening with different ASCII letters, given without a call: the linkers
// compare a name with every full name of the article.
func equalFold(a, b string) bool {
	if a != "" && b != "" && a[0] < utf8.RuneSelf && b[0] < utf8.RuneSelf && text.LowerByte(a[0]) != text.LowerByte(b[0]) {
		return false
	}
	return strings.EqualFold(a, b)
}

// leadByte is the first byte of a word with an ASCII letter lower-cased,
// what equalFold compares first.
func leadByte(w string) byte {
	if w == "" {
		return 0xFF // no byte: never said to differ
	}
	return text.LowerByte(w[0])
}

// leadsDiffer reports, from their lead bytes, that two words differ in
// more than case: both bytes ASCII and unequal.
func leadsDiffer(x, y byte) bool { return x < utf8.RuneSelf && y < utf8.RuneSelf && x != y }

// linkPerson finds the entity of a person mention: the full name it is
// part of, else a new entity of its own.
func (t *Tagger) linkPerson(st *state, c *cand, name string) int {
	if c.name != "" {
		name = c.name
	}
	st.words = appendFields(st.words[:0], name)
	words := st.words
	g := text.HonorificGender(c.title)
	if e := st.nearestPerson(words, c.start, g); e >= 0 {
		return e
	}
	if g != "" && len(words) == 1 {
		for k := range st.ents {
			if e := &st.ents[k]; e.typ == whosaid.Person && e.key == name && e.otherGender(g) {
				// "Mr. and Mrs. Smith": she is a person of her own, named
				// with her honorific.
				name = c.title + " " + name
				break
			}
		}
	}
	return st.entityFor(whosaid.Person, name, name, "", c.start)
}

// otherGender reports whether the person's honorifics so far say the
// other gender than g; false when either is unknown.
func (e *entity) otherGender(g string) bool {
	if g == "" {
		return false
	}
	for _, t := range e.titles {
		if eg := text.HonorificGender(t); eg != "" && eg != g {
			return true
		}
	}
	return false
}

// nearestPerson returns the person whose name ends with words (or, for a
// single word, starts with it: "Zhou" of "Zhou Yating", "Lena"), preferring
// the one mentioned most recently before at, else the first one after. A
// person whose honorifics say the other gender than g ("Mrs." for "Mr.
// Girard") is passed over.
func (st *state) nearestPerson(words []string, at int, g string) int {
	if len(words) == 0 {
		return -1
	}
	// Every full name is tried: the first bytes of the words, kept on the
	// entity, rule most out before any word is compared.
	first, last := leadByte(words[0]), leadByte(words[len(words)-1])
	best, bestLast := -1, -1
	next, nextFirst := -1, int(^uint(0)>>1)
	for k := range st.named {
		e := &st.ents[k]
		if len(e.words) == 0 || e.typ != whosaid.Person || e.otherGender(g) {
			continue
		}
		ok := !leadsDiffer(e.lastLead, last) && wordsSuffix(e.words, words)
		if !ok && len(words) == 1 && len(e.words) > 1 && !leadsDiffer(e.firstLead, first) && equalFold(e.words[0], words[0]) {
			ok = true
		}
		if !ok {
			continue
		}
		if e.first <= at {
			if last := max(e.last, e.first); last > bestLast {
				best, bestLast = k, last
			}
		} else if e.first < nextFirst {
			next, nextFirst = k, e.first
		}
	}
	if best >= 0 {
		return best
	}
	return next
}

// linkPersonWord links a one-word country or place to a person whose
// surname it is: "Ireland said" after "Jordan Ireland".
func (t *Tagger) linkPersonWord(st *state, c *cand) int {
	if c.e-c.s != 1 || c.ent == nil || c.ent.kind == gzDemonym {
		return -1
	}
	w := st.word(c.s)
	for k := range st.named {
		e := &st.ents[k]
		if e.typ == whosaid.Person && len(e.words) > 1 && e.words[len(e.words)-1] == w {
			c.typ = whosaid.Person
			return k
		}
	}
	return -1
}

// appendFields appends the words of s, as strings.Fields splits them, to
// dst: the linkers split a name per candidate only to compare its words,
// and a fresh slice each time was most of the stage's allocations.
func appendFields(dst []string, s string) []string {
	start := -1 // where the word being read starts, -1 between words
	for i := 0; i < len(s); {
		r, n := text.RuneAt(s, i)
		if text.IsSpace(r) {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += n
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// linkPending resolves a run the classifier could not place: a surname or
// first name of a person, the short name or acronym of an organization.
func (t *Tagger) linkPending(st *state, c *cand) int {
	for _, s := range []int{c.s0, c.s} {
		if s >= c.e {
			continue
		}
		text := st.d.Text[st.toks[s].start:c.end]
		st.words = appendFields(st.words[:0], text)
		if e := st.nearestPerson(st.words, c.start, ""); e >= 0 {
			c.start = st.toks[s].start
			c.typ = whosaid.Person
			return e
		}
	}
	if c.e-c.s != 1 {
		return -1
	}
	w := st.word(c.s)
	for k := range st.ents {
		e := &st.ents[k]
		if e.typ != whosaid.Org {
			continue
		}
		if text.HasWordPrefix(e.key, w) && !t.isCommon(st, c.s) {
			c.typ = whosaid.Org
			return k
		}
	}
	return -1
}

// collectOrgs creates the organization entities and folds acronyms into the
// full names they abbreviate: "Christian Democratic Union (CDU)". The
// canonical name is the longest form the article uses.
func (t *Tagger) collectOrgs(st *state) {
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ != whosaid.Org || c.pending {
			continue
		}
		text := st.d.Text[c.start:c.end]
		key := text
		if c.ent != nil {
			key = c.ent.name
		}
		c.entity = st.entityFor(whosaid.Org, key, text, "", c.start)
	}
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ != whosaid.Org || c.pending || c.e-c.s != 1 || !st.is(c.s, tfAllCaps) {
			continue
		}
		acr := st.word(c.s)
		for k := range st.ents {
			e := &st.ents[k]
			if e.typ == whosaid.Org && k != c.entity && strings.Contains(e.key, " ") && initials(e.key) == acr {
				c.entity = k
				break
			}
		}
	}
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ != whosaid.Org || c.entity < 0 {
			continue
		}
		text := st.d.Text[c.start:c.end]
		if e := &st.ents[c.entity]; utf8.RuneCountInString(text) > utf8.RuneCountInString(e.name) {
			e.name = text
		}
		st.ents[c.entity].first = min(st.ents[c.entity].first, c.start)
	}
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ == whosaid.Org && c.entity >= 0 {
			st.addMention(c)
		}
	}
}

// mention is a mention found for an entity, kept in the order the
// linking met it until attachMentions gives each entity its own.
type mention struct {
	entity int
	m      whosaid.Mention
}

// addMention records the mention of c for its entity.
func (st *state) addMention(c *cand) {
	st.found = append(st.found, mention{c.entity, whosaid.Mention{Text: st.d.Text[c.start:c.end], Start: c.start, End: c.end}})
}

// attachMentions gives every entity its mentions, in the order they were
// found, out of one array sized for all of them: appending entity by
// entity grew each list a few times over.
func (st *state) attachMentions() {
	if len(st.found) == 0 {
		return
	}
	n := text.Resize(st.counts, len(st.ents))
	clear(n)
	for _, f := range st.found {
		n[f.entity]++
	}
	all := make([]whosaid.Mention, 0, len(st.found))
	for k := range st.ents {
		if n[k] > 0 {
			// Full slice expressions: a caller appending to one entity's
			// mentions must not write over the next entity's.
			st.ents[k].mentions = all[len(all) : len(all) : len(all)+n[k]]
			all = all[:len(all)+n[k]]
		}
	}
	for _, f := range st.found {
		e := &st.ents[f.entity]
		e.mentions = append(e.mentions, f.m)
	}
	st.counts = n
}

// initials are the capitals of the words of name, skipping "of", "and" and
// the like: "World Health Organization" → "WHO".
func initials(name string) string {
	var b [16]byte
	n := 0
	for w := range strings.FieldsSeq(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || r >= utf8.RuneSelf {
			continue
		}
		if n == len(b) {
			return ""
		}
		b[n] = byte(r)
		n++
	}
	return string(b[:n])
}

// countryContext is the set of countries named unambiguously in the
// article, which decides between the candidates of an ambiguous name.
func (t *Tagger) countryContext(st *state) map[string]bool {
	m := map[string]bool{}
	for _, c := range st.cands {
		if c.typ == whosaid.Country && c.ent != nil && len(c.ent.codes) == 1 && c.alt == nil {
			m[c.ent.codes[0]] = true
		}
	}
	return m
}

// usPlaceAround reports whether the article names a US city or state other
// than an ambiguous country, which makes "Georgia" the state.
func (st *state) usPlaceAround() bool {
	for _, c := range st.cands {
		if c.typ == whosaid.Location && c.ent != nil && len(c.ent.codes) > 0 && c.ent.codes[0] == "US" {
			return true
		}
	}
	return false
}

// placeCode picks the country of a place name: the dateline's country, then
// a country the article names, then the biggest place of that name.
func (t *Tagger) placeCode(e *gazEntry, countries map[string]bool, dl dateline) string {
	if len(e.codes) == 0 {
		return ""
	}
	best, bestScore := e.codes[0], -1
	for i, code := range e.codes {
		score := max(e.pops[i], 0)
		if e.pops[i] < 0 {
			score = 1 << 30
		}
		if countries[code] {
			score *= 10
		}
		if code == dl.cc || dl.usState && code == "US" {
			score *= 100
		}
		if score > bestScore {
			best, bestScore = code, score
		}
	}
	return best
}

// output turns the assembled entities into the result, dropping entities
// that ended without mentions.
func (st *state) output() []whosaid.Entity {
	// Entities come out by first mention, ties in the order they were
	// made: the (offset, index) pairs are sorted rather than the entities,
	// which are large.
	order := st.order[:0]
	for i := range st.ents {
		e := &st.ents[i]
		if len(e.mentions) == 0 {
			continue
		}
		slices.SortFunc(e.mentions, func(a, b whosaid.Mention) int { return a.Start - b.Start })
		e.mentions = slices.CompactFunc(e.mentions, func(a, b whosaid.Mention) bool { return a.Start == b.Start })
		order = append(order, mentionOrder{start: e.mentions[0].Start, i: i})
	}
	st.order = order
	if len(order) == 0 {
		return nil
	}
	slices.SortFunc(order, func(a, b mentionOrder) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	out := make([]whosaid.Entity, len(order))
	for k, o := range order {
		e := &st.ents[o.i]
		out[k] = whosaid.Entity{Type: e.typ, Name: e.name, Code: e.code, Titles: e.titles, Mentions: e.mentions}
	}
	return out
}

// mentionOrder is an entity by its first mention, for output's sort.
type mentionOrder struct{ start, i int }
