package entities

import (
	"strings"

	"github.com/whosaid/whosaid"
)

// dateline is the "WASHINGTON (Reuters) -" opening as the entity stage
// needs it: where the story proper starts and which country the place lies
// in, which decides between same-named cities.
type dateline struct {
	body    int    // first token of the story proper, 0 if there is no dateline
	place   int    // index in cands of the dateline place, -1 if none
	usState bool   // the place is followed by a US state ("SAVANNAH, Ga.")
	cc      string // country named in the dateline ("MAPUTO, Mozambique"), if any
}

// usStateAbbrevs are the AP abbreviations of US states used in datelines.
var usStateAbbrevs = wordSet("Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
	"Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "N.H.",
	"N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla", "Ore", "Pa", "R.I.", "S.C.", "S.D.", "Tenn", "Vt",
	"Va", "Wash", "W.Va", "Wis", "Wyo", "D.C.")

// dateline finds the opening "PLACE[, REGION][, DATE] (AGENCY) -" of a wire
// story and adds its place and agency as mentions. The corpus reader may
// have parsed it already (a.Dateline); the text decides the offsets anyway.
func (t *Tagger) dateline(st *state, a whosaid.Article) dateline {
	dl := dateline{place: -1}
	toks := st.toks
	open, close := -1, -1
	for i := 0; i < len(toks) && i < 16; i++ {
		w := st.full(i)
		if w == "(" && open < 0 {
			open = i
		} else if w == ")" && open >= 0 {
			close = i
			break
		}
		if strings.ContainsRune(w, '\n') || (i > 0 && strings.ContainsRune(st.d.Text[toks[i-1].end:toks[i].start], '\n')) {
			break
		}
	}
	if open < 0 || close <= open+1 || close+1 >= len(toks) {
		t.agencyOnly(st, a)
		return dl
	}
	if dash := st.full(close + 1); dash != "-" && dash != "—" && dash != "–" {
		return dl
	}
	body := close + 2
	for body < len(toks) && st.full(body) == "-" {
		body++
	}
	dl.body = body
	// The agency: a known organization or whatever the brackets hold.
	ag := cand{s: open + 1, e: close, typ: whosaid.Org, s0: open + 1, entity: -1}
	if k := st.atomAt[open+1]; k > 0 && st.atoms[k-1].e == close && st.atoms[k-1].ent.kind == gzOrg {
		ag.ent = st.atoms[k-1].ent
	}
	ag.how = hwDateline
	st.addCand(ag)
	// The place: the words before the first comma or bracket.
	i := 0
	for i < open && st.is(i, tfLetter) {
		i++
	}
	if i > 0 {
		c := cand{s: 0, e: i, typ: whosaid.Location, s0: 0, entity: -1}
		if k := st.atomAt[0]; k > 0 && st.atoms[k-1].e == i {
			at := st.atoms[k-1]
			c.ent = at.ent
			if at.ent.kind == gzCountry {
				c.typ = whosaid.Country
				c.alt = at.alt
			} else if at.ent.kind == gzOrg {
				c.typ = whosaid.Org
			}
		}
		dl.place = len(st.cands)
		c.how = hwDateline
		st.addCand(c)
	}
	// After a comma: a US state, a country, or a date.
	if i < open && st.full(i) == "," {
		j := i + 1
		if j < open && usStateAbbrevs[st.word(j)] {
			dl.usState = true
		} else if k := st.atomAt[j]; j < open && k > 0 {
			at := st.atoms[k-1]
			switch at.ent.kind {
			case gzCountry:
				dl.cc = at.ent.codes[0]
				st.addCand(cand{s: at.s, e: at.e, typ: whosaid.Country, ent: at.ent, s0: at.s, entity: -1, how: hwDateline})
			case gzPlace:
				if len(at.ent.codes) > 0 && at.ent.codes[0] == "US" {
					dl.usState = true
				}
			}
		}
	}
	return dl
}

// agencyOnly adds the agency the corpus reader found in a dateline this
// stage could not parse, as an organization mention where the text has it.
func (t *Tagger) agencyOnly(st *state, a whosaid.Article) {
	if a.Dateline == nil || a.Dateline.Agency == "" {
		return
	}
	lim := min(len(st.d.Text), 200)
	at := strings.Index(st.d.Text[:lim], a.Dateline.Agency)
	if at < 0 {
		return
	}
	for i, tk := range st.toks {
		if tk.start == at {
			e := i + 1
			for e < len(st.toks) && st.toks[e].end <= at+len(a.Dateline.Agency) {
				e++
			}
			st.addCand(cand{s: i, e: e, typ: whosaid.Org, s0: i, how: hwDateline})
			return
		}
	}
}

// addCand appends c with its byte offsets.
func (st *state) addCand(c cand) int {
	c.start = st.toks[c.s].start
	c.end = st.toks[c.e-1].core
	if c.entity == 0 {
		c.entity = -1
	}
	st.cands = append(st.cands, c)
	return len(st.cands) - 1
}

// unitEnd is the end of the unit starting at token i: the gazetteer phrase
// there, or the token itself.
func (st *state) unitEnd(i int) int {
	if k := st.atomAt[i]; k > 0 {
		return st.atoms[k-1].e
	}
	return i + 1
}

// unitStart reports whether a capitalised run can start or go on at token i.
func (st *state) unitStart(i int) bool {
	if i >= len(st.toks) {
		return false
	}
	if st.atomAt[i] > 0 {
		return true
	}
	return st.is(i, tfCap) && !st.has(i, lxCalendar) && !st.compound(i)
}

// chunks cuts the story into capitalised runs ("U.S. Secretary of State
// Rex Tillerson", "Ministry of Defence", "Klára and Tereza Hrubešová") and
// classifies each.
func (t *Tagger) chunks(st *state, dl dateline) {
	n := len(st.toks)
	i := dl.body
	for i < n {
		s := i
		if st.is(i, tfLower) && strings.IndexByte(st.word(i), '-') > 0 {
			t.prefixed(st, i)
		} else if st.is(i, tfCap) && st.compound(i) {
			t.compoundHead(st, i)
		}
		if !st.unitStart(i) {
			if !(st.is(i, tfLower) && isParticle(st.word(i)) && st.particleRun(i) > i && (i == 0 || !st.is(i-1, tfCap))) {
				i++
				continue
			}
			i = st.particleRun(i)
		}
		j := st.unitEnd(i)
		for j < n && !st.is(j-1, tfPoss) {
			k := st.connect(j)
			if k >= n || !st.unitStart(k) || st.is(k, tfSentInit) {
				break
			}
			j = st.unitEnd(k)
		}
		t.classifyChunk(st, s, j)
		i = j
	}
}

// hyphenPrefixes make a word of a name without hiding it: "non-OPEC",
// "pro-Russian", "anti-American".
var hyphenPrefixes = wordSet("non", "anti", "pro", "ex", "post", "pre", "pan", "all")

// prefixed adds the name inside a prefixed word ("non-OPEC members"): a
// known organization, a country or a demonym.
func (t *Tagger) prefixed(st *state, i int) {
	w := st.word(i)
	h := strings.IndexByte(w, '-')
	if !hyphenPrefixes[w[:h]] {
		return
	}
	if k, ok := t.hyphenPart(st, i, w[h+1:], false); ok {
		st.cands[k].start += h + 1
	}
}

// compound reports whether token i is a description such as "Bergamo-based".
func (st *state) compound(i int) bool {
	w := st.word(i)
	h := strings.LastIndexByte(w, '-')
	return h > 0 && compoundTails[w[h+1:]]
}

// compoundHead adds the country, demonym or place before the hyphen of a
// description: "U.S.-led" names the United States.
func (t *Tagger) compoundHead(st *state, i int) {
	w := st.word(i)
	head := w[:strings.LastIndexByte(w, '-')]
	if k, ok := t.hyphenPart(st, i, head, true); ok {
		st.cands[k].end = st.cands[k].start + len(head)
	}
}

// hyphenPart adds, as a candidate over token i, the one-word organization,
// country or demonym (or, with places, place) that part of a hyphenated
// token names, and returns its index for the caller to narrow to the part.
func (t *Tagger) hyphenPart(st *state, i int, part string, places bool) (int, bool) {
	for _, e := range t.gz.phrases(t.gz.words[part]) {
		if len(e.rest) != 0 {
			continue
		}
		c := cand{s: i, e: i + 1, s0: i, ent: e}
		switch {
		case e.kind == gzOrg:
			c.typ = whosaid.Org
		case e.kind == gzCountry || e.kind == gzDemonym:
			c.typ = whosaid.Country
		case e.kind == gzPlace && places:
			c.typ = whosaid.Location
		default:
			continue
		}
		c.how = hwHyphen
		return st.addCand(c), true
	}
	return 0, false
}

// particleRun returns the token after a run of name particles starting at
// i if a capitalised word follows it ("van der Berg"), else i.
func (st *state) particleRun(i int) int {
	j := i
	for j < len(st.toks) && j-i < 3 && st.is(j, tfLower) && isParticle(st.word(j)) {
		j++
	}
	if j > i && j < len(st.toks) && st.is(j, tfCap) && st.atomAt[j] == 0 {
		return j
	}
	return i
}

// connect returns where the next unit of a run starts if the words at j
// join it to the unit before ("of" after "Ministry", "and", "de la", the
// full stop of "Dr."), or j itself.
func (st *state) connect(j int) int {
	w := st.full(j)
	switch {
	case w == "of" || w == "for":
		if st.has(j-1, lxOrgHead|lxTitleHead) {
			return j + 1
		}
	case w == "and" || w == "&":
		return j + 1
	case w == "." && st.toks[j].start == st.toks[j-1].end && (st.has(j-1, lxDotted) || st.initial(j-1)):
		return j + 1
	case st.is(j, tfLower) && isParticle(w):
		if k := st.particleRun(j); k > j {
			return k
		}
	}
	return j
}

// initial reports whether token i is a middle initial: one capital letter
// after a capitalised word that is not all capitals ("James B. Comey",
// "Robert W. Baird"). Joining the full stop after it keeps the name whole.
// Where the pattern is followed by a capitalised word, on CoNLL-2003
// eng.train it lies inside one name 5 times in 5 once all-capital
// headlines ("RESULTS OF S. KOREAN") are left out, and in 60 of 60 drawn
// from PolNeAR train's 493.
func (st *state) initial(i int) bool {
	w := st.full(i)
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && i > 0 &&
		st.is(i-1, tfCap) && !st.is(i-1, tfAllCaps) && st.toks[i-1].end < st.toks[i].start
}

// classifyChunk splits a run at "and" where it joins two names rather than
// being part of one, then classifies each part.
func (t *Tagger) classifyChunk(st *state, s, e int) {
	start := s
	for i := s; i < e; i = st.unitEnd(i) {
		w := st.full(i)
		if (w != "and" && w != "&") || st.atomAt[i] > 0 || i == start || i+1 >= e {
			continue
		}
		if t.joinAnd(st, start, i, e) {
			continue
		}
		left := t.classifySub(st, start, i, start == s)
		right := t.classifySub(st, i+1, e, false)
		t.coordinate(st, start, i, left, right)
		start = -1
		// Only the first "and" decides; a later one is inside the right part.
		return
	}
	if start >= 0 {
		t.classifySub(st, start, e, true)
	}
}

// joinAnd reports whether the "and" at token k is inside one organization
// name: "Competition and Markets Authority", "Ministry of Internal Affairs
// and Communications".
func (t *Tagger) joinAnd(st *state, s, k, e int) bool {
	if st.is(k-1, tfPoss) {
		return false
	}
	last := e - 1
	if st.has(last, lxOrgSuffix) && st.covering(last) == nil && !st.hasOrgWord(s, k) {
		return !t.twoNames(st, k)
	}
	headOf := false
	for i := s; i+1 < k; i++ {
		if st.has(i, lxOrgHead) && (st.full(i+1) == "of" || st.full(i+1) == "for") {
			headOf = true
		}
	}
	if !headOf {
		return false
	}
	for i := k + 1; i < e; i++ {
		if st.atomAt[i] > 0 || st.has(i, lxOrgSuffix) && e-k-1 > 1 || st.has(i, lxOrgHead|lxTitleHead) {
			return false
		}
	}
	return e-k-1 <= 3
}

// twoNames reports whether the "and" at token k, in a run ending in an
// organization keyword, joins two names ("Toyota and General Motors")
// rather than two words of one ("Truth and Reconciliation Commission",
// "Arthur Yates and Co"): the word before it is no ordinary word and the
// word after it no organization keyword. On CoNLL-2003 eng.train such a
// run is two names 5 times in 6, and the 13 it leaves joined ("&" aside)
// are one organization 12 times.
func (t *Tagger) twoNames(st *state, k int) bool {
	return st.full(k) == "and" && !t.isCommon(st, k-1) && !st.has(k+1, lxOrgSuffix)
}

// hasOrgWord reports whether tokens [s, e) hold an organization keyword.
func (st *state) hasOrgWord(s, e int) bool {
	for i := s; i < e; i++ {
		if st.has(i, lxOrgSuffix) && st.atomAt[i] == 0 {
			return true
		}
	}
	return false
}

// coordinate gives a lone first name the surname of the full name it is
// coordinated with: "sisters Klára and Tereza Hrubešová".
func (t *Tagger) coordinate(st *state, s, k, left, right int) {
	if right < 0 || k-s != 1 || st.atomAt[s] > 0 || t.isCommon(st, s) {
		return
	}
	r := st.cands[right]
	if r.typ != whosaid.Person || r.e-r.s < 2 {
		return
	}
	if left >= 0 && st.cands[left].s == s {
		st.cands[left] = st.cands[len(st.cands)-1]
		st.cands = st.cands[:len(st.cands)-1]
	}
	surname := st.d.Text[st.toks[r.s+1].start:r.end]
	c := cand{s: s, e: k, typ: whosaid.Person, s0: s, strong: r.strong, title: r.title}
	c.name = st.word(s) + " " + surname
	c.how = hwCoord
	st.addCand(c)
}

// classifySub classifies one part of a run, tokens [a, b), and returns the
// index of the last candidate it added, or -1.
func (t *Tagger) classifySub(st *state, a, b int, runStart bool) int {
	chunkStart := a
	// Words capitalised only by position: "But", "The", "Asked".
	for a < b && st.atomAt[a] == 0 && (st.has(a, lxLeadWord) && (st.is(a, tfSentInit) || st.word(a) == "The")) {
		a++
		for a < b && !st.is(a, tfCap) && st.atomAt[a] == 0 {
			a++
		}
	}
	if a >= b {
		return -1
	}
	if k := st.atomAt[a]; k > 0 && st.atoms[k-1].e == b && st.atoms[k-1].ent.kind == gzSkip {
		return -1
	}
	if (st.atomAt[b-1] == 0 && st.has(b-1, lxSkipSuffix) && b-a > 1) || (st.has(a, lxSkipPrefix) && st.atomAt[a] == 0 && b-a > 1) {
		return -1
	}
	if b-a >= 2 && st.word(a) == "Air" && st.atomAt[a] == 0 {
		return st.addCand(cand{s: a, e: b, typ: whosaid.Org, s0: a, how: hwGaz}) // "Air India"
	}
	if b-a >= 2 && st.atomAt[a] == 0 && st.has(a, lxOrgPrefix) {
		return st.addCand(cand{s: a, e: b, typ: whosaid.Org, s0: a, how: hwKeyword}) // "Stichting Fairwork"
	}
	if b-a >= 2 && st.has(b-1, lxPlaceSuffix) && !st.is(b-1, tfAllCaps) && st.covering(b-1) == nil {
		return st.addCand(cand{s: a, e: b, typ: whosaid.Location, s0: a, how: hwKeyword}) // "Byron Bay"
	}
	if r, ok := t.titled(st, a, b); ok {
		return r
	}
	if r, ok := t.orgByKeyword(st, a, b); ok {
		return r
	}
	// Gazetteer phrases at the front, then a name.
	w := a
	for w < b && st.atomAt[w] > 0 {
		w = st.atoms[st.atomAt[w]-1].e
	}
	if w > a && t.personOverride(st, a, w, b) {
		return t.name(st, a, b, chunkStart, runStart)
	}
	last := -1
	for i := a; i < w; {
		at := st.atoms[st.atomAt[i]-1]
		last = st.atomCand(at)
		i = at.e
	}
	if w < b {
		if r := t.name(st, w, b, chunkStart, runStart && w == a); r >= 0 {
			last = r
		}
	}
	return last
}

// atomCand adds the mention of a gazetteer phrase.
func (st *state) atomCand(at atom) int {
	c := cand{s: at.s, e: at.e, ent: at.ent, alt: at.alt, s0: at.s}
	switch at.ent.kind {
	case gzOrg:
		c.typ = whosaid.Org
	case gzCountry, gzDemonym:
		c.typ = whosaid.Country
	case gzPlace:
		c.typ = whosaid.Location
	default:
		return -1
	}
	c.how = hwGaz
	return st.addCand(c)
}

// personOverride reports whether a run that opens with a place-like first
// name is a person: "Chad Whitmore", "Georgia Mays", "Jordan Ireland".
func (t *Tagger) personOverride(st *state, a, w, b int) bool {
	at := st.atoms[st.atomAt[a]-1]
	if at.e-at.s != 1 || !st.has(a, lxFirstName) || at.ent.kind == gzDemonym || at.ent.kind == gzOrg {
		return false
	}
	if st.is(a, tfPoss) || b-a < 2 || b-a > 3 {
		return false
	}
	for i := a + 1; i < b; i++ {
		if !st.is(i, tfCap) || st.is(i, tfAllCaps) || st.has(i, lxOrgSuffix|lxTitleHead) {
			return false
		}
		if k := st.atomAt[i]; k > 0 && (st.atoms[k-1].ent.kind == gzDemonym || st.atoms[k-1].ent.kind == gzOrg || st.atoms[k-1].e-st.atoms[k-1].s > 1) {
			return false
		}
	}
	return true
}

// titled handles a run holding a title before a name: "U.S. Secretary of
// State Rex Tillerson" is the person "Rex Tillerson" with that title, and
// the country in the title is a mention of its own.
func (t *Tagger) titled(st *state, a, b int) (int, bool) {
	h := -1
	for i := a; i < b; i++ {
		if st.atomAt[i] == 0 && st.has(i, lxTitleHead) && !st.is(i, tfAllCaps) || st.word(i) == "CEO" {
			h = i
		}
	}
	if h < 0 {
		return -1, false
	}
	n := h + 1
	if n < b && st.full(n) == "." {
		n++
	}
	if n+1 < b && st.full(n) == "of" {
		n += 2 // "Secretary of State", "Minister of Defence"
	}
	if n < b && (st.full(n) == "and" || !st.is(n, tfCap) && !particles[st.word(n)]) {
		return -1, false
	}
	for i := n; i < b; i++ {
		w := st.word(i)
		if st.has(i, lxOrgSuffix|lxOrgHead) && st.covering(i) == nil || w == "of" || w == "for" {
			return -1, false // "General Motors", "General Administration of Customs"
		}
	}
	last := -1
	for i := a; i < h; {
		if k := st.atomAt[i]; k > 0 {
			last = st.atomCand(st.atoms[k-1])
			i = st.atoms[k-1].e
			continue
		}
		i++
	}
	if n >= b {
		return last, true
	}
	titleEnd := st.toks[n-1].end
	c := cand{s: n, e: b, typ: whosaid.Person, strong: true, s0: n}
	c.title = st.d.Text[st.toks[a].start:titleEnd]
	c.how = hwTitled
	return st.addCand(c), true
}

// orgByKeyword handles runs that end in an organization keyword or open
// with one followed by "of": "Hanseong Energy", "Ministry of Defence".
func (t *Tagger) orgByKeyword(st *state, a, b int) (int, bool) {
	if at := st.covering(b - 1); at != nil && at.ent.kind == gzOrg {
		return -1, false
	}
	org := b-a >= 2 && st.has(b-1, lxOrgSuffix) && !st.is(b-1, tfAllCaps) && !st.bindsEnd(b-1)
	if !org {
		for i := a; i+2 < b; i++ {
			if st.has(i, lxOrgHead) && (st.full(i+1) == "of" || st.full(i+1) == "for") && st.atomAt[i] == 0 {
				org = true
				break
			}
		}
	}
	if !org {
		return -1, false
	}
	c := cand{s: a, e: b, typ: whosaid.Org, s0: a, how: hwKeyword}
	r := st.addCand(c)
	if st.cands[r].end < len(st.d.Text) && st.d.Text[st.cands[r].end] == '.' && st.has(b-1, lxDotted) {
		st.cands[r].end++ // "Quillon Inc."
	}
	return r, true
}

// name classifies a run with no title and no keyword: a person by first
// name, role word, speech verb or rarity of its words; an organization by
// acronym or a noun like "brokerage" before it; otherwise pending, for the
// linker to match against names found elsewhere in the article.
func (t *Tagger) name(st *state, w, b, chunkStart int, runStart bool) int {
	s0 := w
	if st.is(w, tfSentInit) && st.atomAt[w] == 0 && !st.has(w, lxFirstName) && t.isCommon(st, w) {
		w++
		for w < b && !st.is(w, tfCap) {
			w++
		}
	}
	if w >= b {
		if b-s0 >= 1 {
			return st.addCand(cand{s: s0, e: b, s0: s0, pending: true, how: hwName})
		}
		return -1
	}
	words := 0
	for i := w; i < b; i++ {
		if st.is(i, tfCap) {
			words++
		}
	}
	before := ""
	if chunkStart > 0 && w == s0 {
		before = st.full(chunkStart - 1)
	}
	c := cand{s: w, e: b, s0: s0}
	switch {
	case words == 1 && st.is(w, tfAllCaps) && !st.has(w, lxStopAcronym) && len(st.word(w)) <= 6 && !t.isCommon(st, w):
		c.typ = whosaid.Org
	case orgNouns[before]:
		c.typ = whosaid.Org
	case roleWords[before]:
		c.typ = whosaid.Person
		c.strong = true
		c.title = t.rolePhrase(st, chunkStart-1)
	case words >= 2 && words <= 4 && (t.rare(st, w, b) || st.has(w, lxFirstName) || t.speaks(st, s0, b)):
		c.typ = whosaid.Person
		if st.has(w, lxFirstName) {
			break
		}
		// Rare words alone do not make a person ("Northrop Grumman said"):
		// the statistical tagger, which reads the context, has a vote.
		switch st.modelType(st.toks[w].start, st.toks[b-1].core) {
		case "ORG":
			c.typ = whosaid.Org
		case "LOC":
			c.typ = whosaid.Location
		}
	default:
		c.pending = true
	}
	c.how = hwName
	return st.addCand(c)
}

// rare reports whether no capitalised word of tokens [w, b) is an acronym,
// a gazetteer word or a common word. Only a run of two to four words asks,
// so single names never pay for the word-list look-ups.
func (t *Tagger) rare(st *state, w, b int) bool {
	for i := w; i < b; i++ {
		if st.is(i, tfCap) && (st.is(i, tfAllCaps) || st.atomAt[i] > 0 || t.isCommon(st, i)) {
			return false
		}
	}
	return true
}

// speaks reports whether the run [s, b) is a speaker: "X said", "said X",
// "X, 58,".
func (t *Tagger) speaks(st *state, s, b int) bool {
	if b < len(st.toks) && saidWords[st.full(b)] {
		return true
	}
	if s > 0 && (st.full(s-1) == "said" || st.full(s-1) == "says") {
		return true
	}
	if b+2 < len(st.toks) && st.full(b) == "," && st.full(b+2) == "," {
		w := st.full(b + 1)
		return len(w) <= 3 && w[0] >= '0' && w[0] <= '9'
	}
	return false
}

// rolePhrase is the title ending with the role word at token r, read back
// over modifiers: "deputy government spokeswoman", "Finance chief".
func (t *Tagger) rolePhrase(st *state, r int) string {
	s := r
	for s > 0 && r-s < 4 {
		p := s - 1
		if st.is(p, tfLower) && titleMods[st.word(p)] || st.is(p, tfCap) && !st.is(p, tfPoss) && (st.atomAt[p] > 0 || !st.is(p, tfSentInit) || !st.has(p, lxLeadWord)) {
			s = p
			continue
		}
		break
	}
	return st.d.Text[st.toks[s].start:st.toks[r].end]
}
