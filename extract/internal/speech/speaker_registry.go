package speech

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// datelineEnd returns the offset just after a wire dateline such as
// "WASHINGTON (Reuters) - " or "(Bloomberg) -- ", or 0.
func datelineEnd(t string) int {
	lim := len(t)
	if lim > 120 {
		lim = 120
	}
	head := t[:lim]
	if nl := strings.IndexByte(head, '\n'); nl >= 0 {
		head = head[:nl]
	}
	cp := strings.IndexByte(head, ')')
	if cp < 0 {
		return 0
	}
	for _, sep := range []string{" -- ", " — ", " – ", " - "} {
		if i := strings.Index(head[cp:], sep); i >= 0 && i < 8 {
			return cp + i + len(sep)
		}
	}
	return 0
}

// tokAt returns the index of the first token starting at or after off.
func (a *analyzer) tokAt(off int) int {
	return sort.Search(len(a.d.Tokens), func(i int) bool { return a.d.Tokens[i].Start >= off })
}

// isCap reports whether token k starts with an upper-case letter, from the
// flags computed once per article.
func (a *analyzer) isCap(k int) bool { return a.tokFlags[k]&tokCap != 0 }

// isWordTok reports whether token k is a word rather than punctuation.
func (a *analyzer) isWordTok(k int) bool { return a.tokFlags[k]&tokWord != 0 }

// paraAt is Doc.ParagraphAt by binary search: attribution asks it for
// every cue and quote.
func (a *analyzer) paraAt(off int) int {
	ps := a.d.Paragraphs
	i := sort.Search(len(ps), func(i int) bool { return ps[i].End > off })
	if i < len(ps) && ps[i].Start <= off {
		return i
	}
	return -1
}

// sentStartTok returns the first token of the sentence holding token k.
func (a *analyzer) sentStartTok(k int) int {
	s := a.d.SentenceAt(a.d.Tokens[k].Start)
	if s < 0 {
		return k
	}
	return a.sentTok[s][0]
}

// abbrevDot are abbreviations whose full stop belongs to a name.
var abbrevDot = map[string]bool{
	"inc": true, "corp": true, "ltd": true, "co": true, "jr": true, "sr": true, "st": true,
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "adm": true, "sgt": true,
}

// dateWords are capitalised words that never belong to a name.
var dateWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true,
}

// runEnd extends a capitalised-name run from token k: capitalised words,
// inner particles ("de la", "of") followed by another capital, attached
// "+" (OPEC+) and the full stop of "Inc." or "Dr.".
func (a *analyzer) runEnd(k, lim int) int {
	e := k
	for e < lim {
		t := a.d.Tok(e)
		switch {
		case a.isCap(e) && a.isWordTok(e) && !a.is(e, wcDate):
			e++
		case (t == "+" || t == "&") && e > k && a.d.Tokens[e].Start == a.d.Tokens[e-1].End:
			e++
		case t == "." && e > k && abbrevDot[a.low[e-1]] && a.d.Tokens[e].Start == a.d.Tokens[e-1].End:
			e++
		case e > k && e+1 < lim && a.isCap(e+1) && !a.is(e+1, wcDate) && (nameParticles[t] || orgParticles[t] && t != "the"):
			if t == "and" || t == "&" {
				// "Mr. John Hale and Mrs. Edith Hale" are two people; "Ministry
				// of Internal Affairs and Communications" is one body.
				hasOrg := false
				for j := k; j < e; j++ {
					hasOrg = hasOrg || orgWords[a.low[j]]
				}
				if !hasOrg {
					return e
				}
			}
			e++
		default:
			return e
		}
	}
	return e
}

// buildRegistry records every name of the text in order: the entities
// handed in, then capitalised runs, each with its titles and the words just
// before it, which later resolve "the judge" or "the company".
func (a *analyzer) buildRegistry() {
	d := a.d
	n := 0
	for _, e := range a.ents {
		n += len(e.Mentions)
	}
	// The entity mentions and the capitalised runs are each gathered in
	// text order and merged at the end, cheaper than sorting the lot.
	a.reg = slices.Grow(a.reg[:0], n)
	for _, e := range a.ents {
		kind := ""
		switch e.Type {
		case whosaid.Person:
			kind = whosaid.KindPerson
		case whosaid.Org:
			kind = whosaid.KindOrganization
		default:
			continue
		}
		lname := a.lowerName(e)
		titles := strings.Join(e.Titles, " ")
		first := len(a.reg)
		for _, m := range e.Mentions {
			desc := a.context(m.Start, m.End)
			if titles != "" {
				desc = titles + " " + desc
			}
			a.reg = append(a.reg, regEntry{name: e.Name, lname: lname, kind: kind, desc: desc, pos: m.Start, para: a.paraAt(m.Start),
				subject: a.isSubjectPos(m.Start)})
			a.reg[len(a.reg)-1].setEnds()
		}
		for i := first; i < len(a.reg); i++ {
			a.reg[i].next = len(a.reg)
		}
	}
	n = len(a.reg) // entries from entities; runs follow
	for s := range d.Sentences {
		t0, t1 := a.sentTok[s][0], a.sentTok[s][1]
		for k := t0; k < t1; {
			if !a.isCap(k) || !a.isWordTok(k) || d.Tokens[k].Start < a.bodyStart || a.inQ[k] {
				k++
				continue
			}
			e := a.runEnd(k, t1)
			if e == k {
				k++
				continue
			}
			if a.entInRun(k, e) {
				k = e
				continue
			}
			name, lname, kind, titled, gender, ns := a.nameFromRun(k, e)
			if gender != 0 && kind == whosaid.KindPerson {
				// "Mr Pell" after "Mr Graham Pell and Mrs Alison Pell": the
				// title tells which Pell.
				if r, ok := a.lookupGender(d.Tok(e-1), d.Tokens[ns].Start, gender); ok {
					name, lname = r, strings.ToLower(r)
				}
			}
			if name != "" {
				weak := !titled && kind == whosaid.KindPerson
				if k == t0 && e-k == 1 && !titled {
					// A lone capital opening a sentence is usually a common word.
					if _, ok := a.lookupLower(name, lname, d.Tokens[k].Start, ""); !ok {
						k = e
						continue
					}
				}
				start := d.Tokens[ns].Start
				a.reg = append(a.reg, regEntry{name: name, lname: lname, kind: kind, desc: a.context(d.Tokens[k].Start, d.Tokens[e-1].End),
					pos: start, weak: weak, subject: k == t0 || a.isSubjectPos(d.Tokens[k].Start), para: a.paraAt(start), gender: gender,
					next: len(a.reg) + 1})
				a.reg[len(a.reg)-1].setEnds()
			}
			k = e
		}
	}
	if n > 0 {
		// The entity entries are put in text order through a list of
		// (position, index) pairs, which moves far less than sorting the
		// entries themselves; the index keeps equal positions in entity
		// order, as a stable sort would.
		order := a.order[:0]
		for i := range n {
			order = append(order, regOrder{pos: a.reg[i].pos, i: i})
		}
		slices.SortFunc(order, func(x, y regOrder) int {
			if c := cmp.Compare(x.pos, y.pos); c != 0 {
				return c
			}
			return cmp.Compare(x.i, y.i)
		})
		runs := a.reg[n:]
		reg := slices.Grow(a.merged[:0], len(a.reg))
		i, j := 0, 0
		for i < len(order) || j < len(runs) {
			if j == len(runs) || i < len(order) && order[i].pos <= runs[j].pos {
				reg = append(reg, a.reg[order[i].i])
				i++
			} else {
				reg = append(reg, runs[j])
				j++
			}
			reg[len(reg)-1].next = len(reg) // in text order an entity's mentions are apart
		}
		a.reg, a.merged, a.order = reg, a.reg, order
	}
	for _, r := range a.reg {
		if r.kind == whosaid.KindPerson && r.subject {
			a.focus = append(a.focus, focusItem{pos: r.pos, para: r.para, sp: whosaid.Speaker{Name: r.name, Kind: r.kind}, desc: r.desc, weak: r.weak})
		}
	}
}

// regOrder is a registry entry of an entity by position, for sorting.
type regOrder struct{ pos, i int }

// lowerName returns the name of e in lower case. The name is nearly always
// the text of one of its mentions, whose lower case the folded text holds.
func (a *analyzer) lowerName(e whosaid.Entity) string {
	for _, m := range e.Mentions {
		if m.Start >= 0 && m.End <= len(a.d.Text) && m.Start <= m.End && a.d.Text[m.Start:m.End] == e.Name {
			return a.lowerText(m.Start, m.End)
		}
	}
	return strings.ToLower(e.Name)
}

// isSubjectPos reports whether a mention at off opens its sentence, perhaps
// after an introductory phrase, which makes it the likely topic.
func (a *analyzer) isSubjectPos(off int) bool {
	s := a.d.SentenceAt(off)
	if s < 0 {
		return false
	}
	st := a.d.Sentences[s].Start
	if st < a.bodyStart && off >= a.bodyStart {
		st = a.bodyStart
	}
	pre := strings.TrimSpace(a.d.Text[st:off])
	if pre == "" || strings.EqualFold(pre, "the") {
		return true
	}
	if !strings.HasSuffix(pre, ",") || len(pre) >= 60 || strings.Count(pre, ",") != 1 {
		return false
	}
	fw := pre
	if i := strings.IndexAny(fw, " ,"); i >= 0 {
		fw = fw[:i]
	}
	fw = strings.ToLower(fw)
	// "In Vienna, X…" or "Its chairman, X, …".
	return introWords[fw] || determiners[fw] && strings.Count(pre, " ") < 4
}

// context returns the words around a mention that may hold its titles: up to
// four words before it in its sentence and the apposition after a comma.
func (a *analyzer) context(start, end int) string {
	s := a.d.SentenceAt(start)
	if s < 0 {
		return ""
	}
	sp := a.d.Sentences[s]
	b := start
	words := 0
	for b > sp.Start && words < 5 {
		c := a.d.Text[b-1]
		if c == ',' || c == '.' || c == ';' || c == '"' {
			break
		}
		if c == ' ' {
			words++
		}
		b--
	}
	e := end
	if e+2 < sp.End && a.d.Text[e] == ',' {
		e++
		for e < sp.End && a.d.Text[e] != ',' && a.d.Text[e] != '.' {
			e++
		}
	}
	return a.d.Text[b:e]
}

// coveredByEnt reports whether [s,e) overlaps a PERSON or ORG mention
// handed in by the entity stage, which then knows the name better.
func (a *analyzer) coveredByEnt(s, e int) bool {
	_, ok := a.entAt(s, e)
	return ok
}

// entInRun reports whether a token of the run [k,e) lies in a mention of
// any entity: overlapsAnyEnt for a run whose tokens are already known.
func (a *analyzer) entInRun(k, e int) bool {
	for ; k < e; k++ {
		if a.tokFlags[k]&tokEnt != 0 {
			return true
		}
	}
	return false
}

// overlapsAnyEnt reports whether [s,e) overlaps a mention of any entity:
// countries and places are then known not to be speakers' names.
func (a *analyzer) overlapsAnyEnt(s, e int) bool {
	for k := a.tokAt(s); k < len(a.d.Tokens) && a.d.Tokens[k].Start < e; k++ {
		if a.tokFlags[k]&tokEnt != 0 {
			return true
		}
	}
	// A mention may start inside a token the tokenizer kept whole.
	if k := a.tokAt(s) - 1; k >= 0 && a.d.Tokens[k].End > s && a.tokFlags[k]&tokEnt != 0 {
		return true
	}
	return false
}

// entAt returns the PERSON or ORG entity with a mention overlapping [s,e),
// preferring the mention that ends last (the head of a noun phrase).
func (a *analyzer) entAt(s, e int) (whosaid.Speaker, bool) {
	best, bestEnd := whosaid.Speaker{}, -1
	for _, en := range a.ents {
		if en.Type != whosaid.Person && en.Type != whosaid.Org {
			continue
		}
		for _, m := range en.Mentions {
			if m.Start < e && m.End > s && m.End > bestEnd {
				kind := whosaid.KindPerson
				if en.Type == whosaid.Org {
					kind = whosaid.KindOrganization
				}
				best, bestEnd = whosaid.Speaker{Name: en.Name, Kind: kind}, m.End
			}
		}
	}
	return best, bestEnd >= 0
}

// entAtTokens is entAt for the text of tokens [b, e). A mention overlapping
// them overlaps one of the tokens, whose tokEnt flag is then set: most
// noun phrases have none, and the flags spare them the walk over every
// mention of the article.
func (a *analyzer) entAtTokens(b, e int) (whosaid.Speaker, bool) {
	if !a.entInRun(b, e) {
		return whosaid.Speaker{}, false
	}
	return a.entAt(a.d.Tokens[b].Start, a.d.Tokens[e-1].End)
}

// isAcronym reports whether s is an all-capitals abbreviation (NATO, WHO, EU,
// OPEC+, U.N.).
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '+' || r == '&':
		default:
			return false
		}
	}
	return n >= 2
}

// initialsAre reports whether the capitals of the words of name that are
// not particles spell want: "World Health Organization" spells "WHO". It
// compares as it goes, for lookupName asks it of every organization
// registered.
func initialsAre(name, want string) bool {
	n := 0
	for f := range strings.FieldsSeq(name) {
		if orgParticles[f] || nameParticles[f] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			continue
		}
		var buf [utf8.UTFMax]byte
		c := buf[:utf8.EncodeRune(buf[:], r)]
		if !strings.HasPrefix(want[n:], string(c)) {
			return false
		}
		n += len(c)
	}
	return n == len(want)
}

// acronymStrip drops the dots and plus of "U.N." and "OPEC+" before an
// acronym is compared with initials.
var acronymStrip = strings.NewReplacer(".", "", "+", "")

// lookupName links name to a fuller name registered before pos: "Okafor" to
// the most recent "… Okafor", "Kim" to "Kim Eun-seol", "WHO" to "World
// Health Organization", "Hanseong" to "Hanseong Energy". kind, when set,
// restricts the kinds that may match.
func (a *analyzer) lookupName(name string, pos int, kind string) (regEntry, bool) {
	return a.lookupLower(name, strings.ToLower(name), pos, kind)
}

// lookupLower is lookupName for a caller that has the name in lower case
// (lname) already. It runs once per capitalised run over the whole registry
// so far, so each entry costs a few compares and no copy.
func (a *analyzer) lookupLower(name, lname string, pos int, kind string) (regEntry, bool) {
	acro := isAcronym(name)
	bare := ""
	if acro {
		bare = acronymStrip.Replace(name)
	}
	best, found := -1, false
	score := func(r *regEntry) int {
		ln := r.lname
		switch {
		case ln == lname:
			return 3
		case r.kind == whosaid.KindPerson && (text.HasWordSuffix(ln, lname) || text.HasWordPrefix(ln, lname)):
			return 2
		case r.kind == whosaid.KindOrganization && text.HasWordPrefix(ln, lname):
			return 2
		case acro && r.kind == whosaid.KindOrganization && len(bare) >= 2 && initialsAre(r.name, bare):
			return 2
		}
		return 0
	}
	bestScore := 0
	for i := 0; i < len(a.reg); i++ {
		r := &a.reg[i]
		if r.pos >= pos && found {
			break
		}
		// An entry passed over is passed over with the other mentions of
		// its entity, which differ from it only by position; position
		// counts only once a match is found.
		if !r.mayMatch(lname) && !(acro && r.kind == whosaid.KindOrganization) {
			if !found {
				i = max(i, r.next-1)
			}
			continue // score would be 0
		}
		if kind == whosaid.KindPerson && r.kind != whosaid.KindPerson && !acro {
			// An org name can still be met in short ("Quillon"), so only skip
			// orgs when the short form could not be one.
			if !text.HasWordPrefix(r.lname, lname) {
				if !found {
					i = max(i, r.next-1)
				}
				continue
			}
		}
		sc := score(r)
		if sc == 0 || len(r.name) < len(name) && sc < 3 {
			if !found {
				i = max(i, r.next-1)
			}
			continue
		}
		if r.weak && sc < 3 && !found {
			sc = 1
		}
		if r.pos < pos && sc >= bestScore || !found {
			best, found, bestScore = i, true, sc
		}
	}
	if !found {
		return regEntry{}, false
	}
	return a.reg[best], true
}

// mayMatch is lookupLower's quick test, on lengths and end bytes only,
// that the entry's lname could be lname or start or end with its words:
// false rules out every score but the acronym's. The end bytes are kept on
// the entry so that the test reads no name.
func (r *regEntry) mayMatch(lname string) bool {
	return len(lname) == 0 || len(r.lname) >= len(lname) && (r.lead == lname[0] || r.tail == lname[len(lname)-1])
}

// setEnds records the end bytes of r.lname for mayMatch.
func (r *regEntry) setEnds() {
	if r.lname != "" {
		r.lead, r.tail = r.lname[0], r.lname[len(r.lname)-1]
	}
}
