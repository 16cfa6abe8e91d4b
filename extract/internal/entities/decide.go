package entities

import (
	"cmp"
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// The decider is the last word of the entity stage: context decides, the
// gazetteer informs. The rules and gazetteers propose mentions (a county
// found in the gazetteer is a place, a run ending in "Corp" a company), the
// statistical tagger proposes its names, and a linear classifier over every
// proposed span weighs them together with the context (the words around,
// the headline the span sits in, what the rest of the article calls the
// same words, whether a lone word is the surname of a person named in
// full) and says what each span is: a person, an organization, a place, some
// other name or nothing. "Surrey" beating "Kent" are cricket sides, not
// counties; "Clinton" after "Bill Clinton" is a person.
//
// It is a multiclass averaged perceptron over hashed features, trained on
// CoNLL-2003 eng.train rebuilt as text with the entity stage run over it
// and the tagger's features coming from models that had not seen the
// document (decide_train_test.go; `make model` retrains it byte for byte).
//
//go:embed data/decide.model
var decideModel []byte

// The decider's classes.
const (
	dcO = iota // not a name
	dcPER
	dcORG
	dcLOC
	dcMISC
	dcN
)

// decider holds the weights of the span classifier, one row of dcN weights
// per feature hash. It is read-only once loaded.
type decider struct {
	w map[uint64][dcN]float32
	// The same weights in an open-addressing table, which scores reads:
	// a span asks forty-odd features, and a Go map's look-up was half of
	// the decider's time.
	slots []wslot
	shift uint
}

// wslot is a feature's hash and weights side by side, so a probe reads one
// cache line. Key 0 marks an empty slot (a feature hashing to 0 is dropped).
type wslot struct {
	key uint64
	w   [dcN]float32
}

// newDecider builds the look-up table of weights w; training keeps w for
// marshal.
func newDecider(w map[uint64][dcN]float32) *decider {
	m := sizedDecider(len(w))
	m.w = w
	for h, r := range w {
		m.insert(h, r)
	}
	return m
}

// sizedDecider is an empty table for n features, at most three quarters
// full: a smaller table misses the cache less.
func sizedDecider(n int) *decider {
	m := &decider{shift: 64}
	size := 1
	for 3*size < 4*n {
		size *= 2
		m.shift--
	}
	m.slots = make([]wslot, size)
	return m
}

// insert adds the weights r of feature h.
func (m *decider) insert(h uint64, r [dcN]float32) {
	if h == 0 {
		return
	}
	i := m.slot(h)
	for m.slots[i].key != 0 {
		i = (i + 1) & (len(m.slots) - 1)
	}
	m.slots[i] = wslot{h, r}
}

// slot is where the probe for feature h starts.
func (m *decider) slot(h uint64) int { return int((h * 0x9E3779B97F4A7C15) >> m.shift) }

const decideMagic = "WSDC1\n"

// loadDecider reads a model written by marshal; an empty model gives a nil
// decider, which leaves the rules' output as it is.
func loadDecider(b []byte) (*decider, error) {
	if len(b) == 0 {
		return nil, nil
	}
	if len(b) < len(decideMagic)+4 || string(b[:len(decideMagic)]) != decideMagic {
		return nil, errors.New("decide model: bad header")
	}
	b = b[len(decideMagic):]
	n := int(binary.LittleEndian.Uint32(b))
	b = b[4:]
	const row = 8 + 4*dcN
	if len(b) != n*row {
		return nil, errors.New("decide model: truncated")
	}
	m := sizedDecider(n)
	for i := 0; i < n; i++ {
		r := b[i*row:]
		var row [dcN]float32
		for k := range row {
			row[k] = math.Float32frombits(binary.LittleEndian.Uint32(r[8+4*k:]))
		}
		m.insert(binary.LittleEndian.Uint64(r), row)
	}
	return m, nil
}

// marshal writes the weights sorted by hash, so the same weights always
// give the same bytes.
func (m *decider) marshal() []byte {
	keys := make([]uint64, 0, len(m.w))
	for h := range m.w {
		keys = append(keys, h)
	}
	slices.Sort(keys)
	b := append([]byte(decideMagic), 0, 0, 0, 0)
	binary.LittleEndian.PutUint32(b[len(decideMagic):], uint32(len(keys)))
	for _, h := range keys {
		b = binary.LittleEndian.AppendUint64(b, h)
		for _, v := range m.w[h] {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
		}
	}
	return b
}

// scores adds up the weights of features fs.
func (m *decider) scores(fs []uint64) (s [dcN]float32) {
	mask := len(m.slots) - 1
	for _, f := range fs {
		for i := m.slot(f); m.slots[i].key != 0; i = (i + 1) & mask {
			if m.slots[i].key == f {
				w := &m.slots[i].w
				for k := range s {
					s[k] += w[k]
				}
				break
			}
		}
	}
	return s
}

// spanCand is a span the decider weighs: a mention the rules linked, a name
// the tagger found, or both on the same words.
type spanCand struct {
	start, end int   // bytes
	s, e       int   // tokens [s, e)
	found      int   // index into state.found of the rules' mention, -1 if none
	rule       int8  // the rules' type: rkNone, rkPerson…
	tag        int8  // the tagger's class on exactly these words, dcO if none
	how, flags uint8 // the rules' provenance (hwDateline…) and mention flags (mfStrong…)
	fs, fe     int   // features: state.feats[fs:fe]
	label      int8  // the decision
	margin     float32
	settled    bool // the rules and the tagger call it a person and no rival overlaps
	joined     bool // an organization the rules' keyword joins across "and" (stands)
}

// The rules' types as the decider tells them apart.
const (
	rkNone = iota
	rkPerson
	rkOrg
	rkCountry
	rkLocation
)

func ruleKind(typ string) int8 {
	switch typ {
	case whosaid.Person:
		return rkPerson
	case whosaid.Org:
		return rkOrg
	case whosaid.Country:
		return rkCountry
	case whosaid.Location:
		return rkLocation
	}
	return rkNone
}

func tagClass(typ string) int8 {
	switch typ {
	case "PER":
		return dcPER
	case "ORG":
		return dcORG
	case "LOC":
		return dcLOC
	case "MISC":
		return dcMISC
	}
	return dcO
}

// docWord is what the article says of one text, over all its candidates.
type docWord struct {
	rule [5]uint16 // candidates of these words per rule kind
	tag  [dcN]uint16
	role uint8 // dwSurname…
	last int32 // 1+index of the last candidate of these words; state.dcSame chains back
}

const (
	dwSurname = 1 << iota // the last word of a person named in full
	dwFirst               // the first word of a person named in full
	dwInOrg               // a word of a longer organization name
	dwInLoc               // a word of a longer place name
	dwIsPer               // a name of its own somewhere: a person
	dwIsOrg               // an organization
	dwIsLoc               // a place
)

// candidates lists the spans to decide on, sorted by start then end, with
// a rule's mention and the tagger's name on the same words merged.
func (t *Tagger) candidates(st *state) {
	st.dc = st.dc[:0]
	for i, f := range st.found {
		st.dc = append(st.dc, spanCand{start: f.m.Start, end: f.m.End, found: i, rule: ruleKind(st.ents[f.entity].typ), how: f.how, flags: f.flags})
	}
	if !slices.IsSortedFunc(st.dc, candOrder) {
		slices.SortFunc(st.dc, candOrder)
	}
	rules := len(st.dc)
	k := 0 // the tagger's names come in text order: one walk over the tokens
	for _, n := range st.names {
		end := n.End
		// The tagger reads a possessive as a word of its own and now and
		// then takes it into the name ("Group of Seven's"): a mention ends
		// before it, as the rules' do.
		for k+1 < len(st.toks) && st.toks[k+1].start < end {
			k++
		}
		if st.toks[k].end == end && st.is(k, tfPoss) && st.toks[k].core > n.Start {
			end = st.toks[k].core
		}
		st.dc = append(st.dc, spanCand{start: n.Start, end: end, found: -1, tag: tagClass(n.Type)})
	}
	st.mergeCands(rules)
	k = 0
	for i := range st.dc {
		c := &st.dc[i]
		for k+1 < len(st.toks) && st.toks[k+1].start <= c.start {
			k++
		}
		e := k
		for e+1 < len(st.toks) && st.toks[e+1].start < c.end {
			e++
		}
		c.s, c.e = k, e+1
		if c.rule == rkOrg && c.how == hwKeyword {
			for j := c.s + 1; j < c.e-1 && !c.joined; j++ {
				w := st.full(j)
				c.joined = w == "and" || w == "&"
			}
		}
	}
	n := len(st.dc)
	t.derive(st)
	if len(st.dc) > n {
		slices.SortFunc(st.dc[n:], candOrder)
		st.mergeCands(n)
	}
	// A person of the rules that the tagger also calls a person can be
	// neither retyped nor dropped (decideSpan); unless another span
	// competes for its words, it needs no features and no scores.
	end := 0
	for i := range st.dc {
		c := &st.dc[i]
		alone := c.s >= end && (i+1 == len(st.dc) || st.dc[i+1].s >= c.e)
		c.settled = alone && c.rule == rkPerson && c.tag == dcPER && t.collect == nil
		end = max(end, c.e)
	}
}

// candOrder orders candidates by start, then end; on the same words the
// rules' mentions come first in the order they were found, then the
// tagger's name, then derived spans, so the order never depends on a sort.
func candOrder(a, b spanCand) int {
	if c := cmp.Compare(a.start, b.start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.end, b.end); c != 0 {
		return c
	}
	return cmp.Or(cmp.Compare(uint(a.found), uint(b.found)), cmp.Compare(a.how, b.how))
}

// mergeCands merges the sorted runs st.dc[:n] and st.dc[n:] and folds
// candidates on the same words into one: a rule's mention takes the
// tagger's class of its words.
func (st *state) mergeCands(n int) {
	out := st.dcTmp[:0]
	add := func(c spanCand) {
		if m := len(out); m > 0 && out[m-1].start == c.start && out[m-1].end == c.end {
			p := &out[m-1]
			if p.found < 0 {
				p.found, p.rule, p.how, p.flags = c.found, c.rule, c.how, c.flags
			}
			if p.tag == dcO {
				p.tag = c.tag
			}
			return
		}
		out = append(out, c)
	}
	i, j := 0, n
	for i < n || j < len(st.dc) {
		if j == len(st.dc) || i < n && candOrder(st.dc[i], st.dc[j]) <= 0 {
			add(st.dc[i])
			i++
		} else {
			add(st.dc[j])
			j++
		}
	}
	st.dc, st.dcTmp = out, st.dc
}

// derive adds the candidates the rules and the tagger may have joined or
// widened wrongly, for the decider to weigh against the wider ones: the
// parts of a name of three words or more on either side of an "and" or "&"
// ("Qantas and Air New Zealand"), and a name without its first word where
// that word is an ordinary one ("About Acme", "Women Lawyers").
func (t *Tagger) derive(st *state) {
	n := len(st.dc)
	t.cueCands(st)
	for i := 0; i < n; i++ {
		c := st.dc[i]
		if c.e-c.s >= 3 {
			for k := c.s + 1; k < c.e-1; k++ {
				if w := st.full(k); w == "and" || w == "&" {
					st.addDerived(c.s, k, hwSplit)
					st.addDerived(k+1, c.e, hwSplit)
				}
			}
		}
		if c.e-c.s >= 2 && st.is(c.s, tfCap) && t.isCommon(st, c.s) {
			st.addDerived(c.s+1, c.e, hwStrip)
		}
	}
}

// addDerived adds tokens [s, e) as a candidate of neither the rules nor the
// tagger, if they start with a capital.
func (st *state) addDerived(s, e int, how uint8) {
	if s >= e || !st.is(s, tfCap) {
		return
	}
	st.dc = append(st.dc, spanCand{start: st.toks[s].start, end: st.toks[e-1].core, s: s, e: e, found: -1, how: how})
}

// tokenAt is the token holding byte off (or the last one before it).
func (st *state) tokenAt(off int) int {
	lo, hi := 0, len(st.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if st.toks[m].start <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return max(0, lo-1)
}

// decide classifies every candidate span, keeps the best non-overlapping
// names and moves each kept mention to the entity of its decided type.
// st.found is rewritten; attachMentions then builds the entities from it.
func (t *Tagger) decide(st *state) {
	if t.dec == nil && t.collect == nil {
		return
	}
	t.candidates(st)
	if len(st.dc) == 0 {
		return
	}
	t.features(st)
	if t.collect != nil {
		t.collect(st)
		return
	}
	t.label(st)
	kept := st.keepBest()
	found := st.found2[:0]
	for _, i := range kept {
		c := &st.dc[i]
		if c.found >= 0 {
			f := st.found[c.found]
			typ := st.ents[f.entity].typ
			switch {
			case c.label == dcMISC && (typ == whosaid.Country || typ == whosaid.Org):
				// A name CoNLL would call "other", used as an adjective: a
				// demonym is its country, "GOP" of "GOP candidates" its
				// party, as the rules have it.
			case c.label == dcMISC:
				continue
			case sameClass(typ, c.label):
			default:
				f.entity = t.entityOf(st, c, found)
			}
			found = append(found, f)
			continue
		}
		if c.label == dcMISC {
			continue
		}
		e := t.entityOf(st, c, found)
		found = append(found, mention{entity: e, m: whosaid.Mention{Text: st.d.Text[c.start:c.end], Start: c.start, End: c.end}})
	}
	st.found, st.found2 = found, st.found
}

// label decides the class of every candidate and its margin.
func (t *Tagger) label(st *state) {
	for i := range st.dc {
		c := &st.dc[i]
		if t.product(st, c.s) {
			c.label = dcO
			continue
		}
		if c.settled {
			c.label, c.margin = dcPER, decideKeep
			continue
		}
		if stands(c) {
			c.label, c.margin = int8(ruleClass[c.rule]), math.MaxFloat32
			continue
		}
		c.label, c.margin = decideSpan(t.dec.scores(st.feats[c.fs:c.fe]), c.rule, c.tag)
		if c.label == dcPER && t.unvouched(st, c) {
			c.label = dcO
		}
	}
}

// keepBest returns the candidates kept, the most confident first among
// rivals for the same words, in text order.
func (st *state) keepBest() []int {
	st.keep = st.keep[:0]
	for i := range st.dc {
		if st.dc[i].label != dcO {
			st.keep = append(st.keep, i)
		}
	}
	slices.SortStableFunc(st.keep, func(a, b int) int { return cmp.Compare(st.dc[b].margin, st.dc[a].margin) })
	taken := text.Resize(st.taken, len(st.toks))
	clear(taken)
	st.taken = taken
	kept := st.keep[:0]
	for _, i := range st.keep {
		c := &st.dc[i]
		free := true
		for k := c.s; k < c.e; k++ {
			free = free && taken[k] == 0
		}
		if !free {
			continue
		}
		for k := c.s; k < c.e; k++ {
			taken[k] = 1
		}
		kept = append(kept, i)
	}
	slices.Sort(kept) // text order, so a surname meets its full name first
	return kept
}

// product reports whether token i is a maker's name followed by a model:
// a capitalised word that is no ordinary word, organization keyword or
// gazetteer phrase ("Toyota Corolla", not "Toyota Motor", "Mitsubishi Gas"
// or "Toyota Australia"), or a code of digits with letters or hyphens
// ("Airbus A310", "Boeing 787-9"). The pair names a product, neither a
// person nor an organization. Among the candidate spans of CoNLL-2003
// eng.train the test fires on, 26 are products (MISC: Toyota Celica, Ford
// Escort, Airbus A310…) and 3 not (the club Lada Togliatti twice, a
// person once); admitting ordinary words as models would add 4 mistakes
// (Fokker Aviation, Mitsubishi Gas, "Honda Second") and no product.
func (t *Tagger) product(st *state, i int) bool {
	if i+1 >= len(st.toks) || st.atomAt[i+1] > 0 || !makers[st.word(i)] {
		return false
	}
	w := st.word(i + 1)
	if st.is(i+1, tfCap) {
		return !st.is(i+1, tfAllCaps) && !st.has(i+1, lxOrgSuffix|lxCalendar|lxTitleHead) && !t.isCommon(st, i+1)
	}
	digit, other := false, false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == '-' || unicode.IsLetter(r):
			other = true
		default:
			return false
		}
	}
	return digit && other
}

// unvouched reports whether c, decided a person, is a lone word that only
// the tagger calls a person and that nothing in the article vouches for:
// in prose, no title, first name, "said he" or "his" by it anywhere, no
// full name it is part of, and not a first name or a word of a person's
// name the tagger's training data knows. In modern news a person is named
// in full or titled before being met alone, and such words are mostly
// companies, products, groups and sites ("Twitter", "Gallup", "Muslims",
// "Viagra"): on a hand-labelled sample of PolNeAR train
// (testdata/entities-polnear) 43 of the 55 the test fires on are no
// person. 1996 Reuters names people bare more often (CoNLL-2003 train,
// cross-validated, fold-held-out name words: 10 in 25), all-capital
// headlines most of all ("SOCCER - DALGLISH SAD"), which are left out.
func (t *Tagger) unvouched(st *state, c *spanCand) bool {
	if c.e-c.s != 1 || c.rule != rkNone || c.tag != dcPER || st.genreOf != 0 || st.is(c.s, tfAllCaps) || st.has(c.s, lxFirstName|lxNameWord) {
		return false
	}
	w := st.word(c.s)
	return st.cues[w]&cuePer == 0 && st.docw[w].role&(dwSurname|dwFirst) == 0
}

// stands reports whether the rules' mention c stands whatever the decider
// says. The dateline parser reads a structure the decider never saw in
// training (CoNLL's text has no "PLACE (Agency) -"). And the gazetteer's
// organizations are the project's word on what an organization is: on
// CoNLL train (fold taggers) such a phrase is an organization 320 times in
// 372, and where CoNLL differs it mostly differs by convention (its White
// House is a place), which the decider would otherwise learn.
//
// An organization keyword that the rules read across an "and"
// ("Competition and Markets Authority", joinAnd) stands too: the decider
// weighs the parts on either side against it and, trained where such
// names are rare, takes the part. On train such a span is an organization
// 21 times in 36.
func stands(c *spanCand) bool {
	return c.how == hwDateline || c.how == hwGaz && c.rule == rkOrg || c.joined
}

// decideKeep is how much more the decider must score another class than
// the rules' own before it overrides them, and the lead a span the rules
// and the decider agree on has over a rival span: the rules were written
// for today's news, the decider learnt from 1996 Reuters, and where the two
// nearly agree the rules stand. decide_train_test.go reports the
// cross-validated score on train without it; it costs little there.
const decideKeep = 5

// decideSpan is the class decided for a span from the decider's scores s,
// the rules' kind for it and the tagger's class, with the margin by which
// it beats "not a name" (how sure the decider is, which orders rival
// spans). The decider overrules the rules only where the tagger, the other
// statistical witness, does not contradict it: to retype a rule's mention
// the tagger must give the new type on the same words, and to drop a
// person the tagger must see no name there. Without that, sports pages of
// 1996 taught it to take "Jordan Ireland scored" for a team. A span the
// rules did not propose is decided by the scores alone.
func decideSpan(s [dcN]float32, rule, tag int8) (int8, float32) {
	best := dcO
	for k := 1; k < dcN; k++ {
		if s[k] > s[best] {
			best = k
		}
	}
	rc := ruleClass[rule]
	if rc != dcO && best != rc {
		none := best == dcO || best == dcMISC
		agree := int8(best) == tag ||
			none && (tag == dcO || tag == dcMISC || rule != rkPerson)
		if s[best]-s[rc] < decideKeep || !agree {
			best = rc
		}
	}
	margin := s[best] - s[dcO]
	if best != dcO && best == rc {
		margin += decideKeep
	}
	return int8(best), margin
}

// ruleClass is the decider's class of each rule kind.
var ruleClass = [...]int{rkNone: dcO, rkPerson: dcPER, rkOrg: dcORG, rkCountry: dcLOC, rkLocation: dcLOC}

// sameClass reports whether an entity type is the decided class.
func sameClass(typ string, label int8) bool {
	switch typ {
	case whosaid.Person:
		return label == dcPER
	case whosaid.Org:
		return label == dcORG
	case whosaid.Country, whosaid.Location:
		return label == dcLOC
	}
	return false
}

// entityOf is the entity a span decided to be of class c.label joins: a
// person named in full that the span names or ends, an organization or
// place already mentioned in the same words, a country the gazetteer knows,
// or a new entity.
func (t *Tagger) entityOf(st *state, c *spanCand, found []mention) int {
	text := st.d.Text[c.start:c.end]
	switch c.label {
	case dcPER:
		words := strings.Fields(text)
		best, most := -1, 0
		for k := range st.ents {
			e := &st.ents[k]
			if e.typ != whosaid.Person {
				continue
			}
			ew := e.words
			if ew == nil {
				ew = strings.Fields(e.name)
			}
			if wordsSuffix(ew, words) && len(ew) > most {
				best, most = k, len(ew)
			}
		}
		if best >= 0 {
			return best
		}
		k := st.entityFor(whosaid.Person, text, text, "", c.start)
		st.ents[k].setWords(words)
		return k
	case dcORG:
		for _, f := range found {
			if st.ents[f.entity].typ == whosaid.Org && strings.EqualFold(f.m.Text, text) {
				return f.entity
			}
		}
		return st.entityFor(whosaid.Org, text, text, "", c.start)
	}
	for _, f := range found {
		if typ := st.ents[f.entity].typ; (typ == whosaid.Country || typ == whosaid.Location) && strings.EqualFold(f.m.Text, text) {
			return f.entity
		}
	}
	if a := st.covering(c.s); a != nil && a.s == c.s && a.e == c.e && len(a.ent.codes) > 0 {
		code := a.ent.codes[0]
		switch a.ent.kind {
		case gzCountry:
			return st.entityFor(whosaid.Country, code, t.gz.countryName[code], code, c.start)
		case gzPlace:
			return st.entityFor(whosaid.Location, a.ent.name, a.ent.name, code, c.start)
		}
	}
	name := text
	if allCaps(name) && len(name) > 3 {
		name = string(titleCase(nil, name))
	}
	return st.entityFor(whosaid.Location, name, name, "", c.start)
}
