package extract

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// qAnalyzer holds the per-article state of the attribution stage: the quote
// spans, the token views, the names seen so far and the speakers found.
type qAnalyzer struct {
	d    *Doc
	ents []whosaid.Entity
	qs   []qQspan
	low  []string // lower-cased tokens
	inQ  []bool   // token lies inside quotation marks (marks included)
	// sentTok[i] is the token range of sentence i.
	sentTok   [][2]int
	bodyStart int // byte offset after the dateline
	reg       []qRegEntry
	focus     []qFocusItem
	atts      []qAttrib
	qAtt      []int // per quote, the index in atts of its attribution or -1
	ages      map[int]int
}

// qRegEntry is a name met in the text: a person or organization with the
// words around its first mention, so that "the minister" or "the company"
// can be traced back to it.
type qRegEntry struct {
	name    string
	kind    string
	desc    string // lower-case titles and appositions
	pos     int
	weak    bool // a capitalised run with no title: a name only by its shape
	subject bool // the mention opens its sentence
	para    int
	gender  byte
}

// qFocusItem is a candidate antecedent for a pronoun or role noun: a speaker
// or a person opening a sentence.
type qFocusItem struct {
	pos  int
	para int
	sp   whosaid.Speaker
	desc string
}

// qAttrib is one reporting cue with its speaker and content.
type qAttrib struct {
	sent    int
	cueTok  int
	cue     string
	flags   int
	sp      whosaid.Speaker
	content Span
	post    bool
	that    bool // content opened by "that"
	claim   bool
}

func qNewAnalyzer(d *Doc, ents []whosaid.Entity) *qAnalyzer {
	a := &qAnalyzer{d: d, ents: ents}
	a.qs = qScanQuotes(d.Text, d.Paragraphs)
	a.low = make([]string, len(d.Tokens))
	a.inQ = make([]bool, len(d.Tokens))
	for i := range d.Tokens {
		a.low[i] = strings.ToLower(d.Tok(i))
	}
	qi := 0
	for i, t := range d.Tokens {
		for qi < len(a.qs) && a.qs[qi].Close < t.Start {
			qi++
		}
		if qi < len(a.qs) && t.Start >= a.qs[qi].Open && t.Start <= a.qs[qi].Close && a.qs[qi].Close != t.Start || qi < len(a.qs) && t.Start == a.qs[qi].Close && a.qs[qi].Close < len(d.Text) {
			a.inQ[i] = true
		}
	}
	a.sentTok = make([][2]int, len(d.Sentences))
	k := 0
	for i, s := range d.Sentences {
		for k < len(d.Tokens) && d.Tokens[k].Start < s.Start {
			k++
		}
		st := k
		for k < len(d.Tokens) && d.Tokens[k].Start < s.End {
			k++
		}
		a.sentTok[i] = [2]int{st, k}
	}
	a.bodyStart = qDatelineEnd(d.Text)
	a.buildRegistry()
	return a
}

// qDatelineEnd returns the offset just after a wire dateline such as
// "WASHINGTON (Reuters) - " or "(Bloomberg) -- ", or 0.
func qDatelineEnd(t string) int {
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
func (a *qAnalyzer) tokAt(off int) int {
	return sort.Search(len(a.d.Tokens), func(i int) bool { return a.d.Tokens[i].Start >= off })
}

// isCap reports whether token k starts with an upper-case letter or digit-free
// symbol of a name.
func (a *qAnalyzer) isCap(k int) bool {
	r, _ := utf8.DecodeRuneInString(a.d.Tok(k))
	return unicode.IsUpper(r)
}

// isWordTok reports whether token k is a word rather than punctuation.
func (a *qAnalyzer) isWordTok(k int) bool {
	r, _ := utf8.DecodeRuneInString(a.d.Tok(k))
	return isWordRune(r)
}

// sentStartTok returns the first token of the sentence holding token k.
func (a *qAnalyzer) sentStartTok(k int) int {
	s := a.d.SentenceAt(a.d.Tokens[k].Start)
	if s < 0 {
		return k
	}
	return a.sentTok[s][0]
}

// qAbbrevDot are abbreviations whose full stop belongs to a name.
var qAbbrevDot = map[string]bool{
	"inc": true, "corp": true, "ltd": true, "co": true, "jr": true, "sr": true, "st": true,
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "adm": true, "sgt": true,
}

// qDateWords are capitalised words that never belong to a name.
var qDateWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true,
}

// runEnd extends a capitalised-name run from token k: capitalised words,
// inner particles ("de la", "of") followed by another capital, attached
// "+" (OPEC+) and the full stop of "Inc." or "Dr.".
func (a *qAnalyzer) runEnd(k, lim int) int {
	e := k
	for e < lim {
		t := a.d.Tok(e)
		switch {
		case a.isCap(e) && a.isWordTok(e) && !qDateWords[a.low[e]]:
			e++
		case (t == "+" || t == "&") && e > k && a.d.Tokens[e].Start == a.d.Tokens[e-1].End:
			e++
		case t == "." && e > k && qAbbrevDot[a.low[e-1]] && a.d.Tokens[e].Start == a.d.Tokens[e-1].End:
			e++
		case (qNameParticles[t] || qOrgParticles[t] && t != "the") && e > k && e+1 < lim && a.isCap(e+1):
			if t == "and" || t == "&" {
				// "Mr. John Hale and Mrs. Edith Hale" are two people; "Ministry
				// of Internal Affairs and Communications" is one body.
				hasOrg := false
				for j := k; j < e; j++ {
					hasOrg = hasOrg || qOrgWords[a.low[j]]
				}
				if !hasOrg {
					return e
				}
			}
			e++
		case t == "," && e > k && e+2 < lim && qOrgWords[a.low[e-1]] && false:
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
func (a *qAnalyzer) buildRegistry() {
	d := a.d
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
		for _, m := range e.Mentions {
			desc := strings.ToLower(strings.Join(e.Titles, " ") + " " + a.context(m.Start, m.End))
			a.reg = append(a.reg, qRegEntry{name: e.Name, kind: kind, desc: desc, pos: m.Start, para: d.ParagraphAt(m.Start),
				subject: a.isSubjectPos(m.Start)})
		}
	}
	for s := range d.Sentences {
		t0, t1 := a.sentTok[s][0], a.sentTok[s][1]
		for k := t0; k < t1; {
			if !a.isCap(k) || !a.isWordTok(k) || d.Tokens[k].Start < a.bodyStart || a.inQ[k] {
				k++
				continue
			}
			e := a.runEnd(k, t1)
			if a.overlapsAnyEnt(d.Tokens[k].Start, d.Tokens[e-1].End) {
				k = e
				continue
			}
			name, kind, titled, gender, ns := a.nameFromRun(k, e)
			if name != "" {
				weak := !titled && kind == whosaid.KindPerson
				if k == t0 && e-k == 1 && !titled {
					// A lone capital opening a sentence is usually a common word.
					if _, ok := a.lookupName(name, d.Tokens[k].Start, ""); !ok {
						k = e
						continue
					}
				}
				start := d.Tokens[ns].Start
				a.reg = append(a.reg, qRegEntry{name: name, kind: kind, desc: strings.ToLower(a.context(d.Tokens[k].Start, d.Tokens[e-1].End)),
					pos: start, weak: weak, subject: k == t0 || a.isSubjectPos(d.Tokens[k].Start), para: d.ParagraphAt(start), gender: gender})
			}
			k = e
		}
	}
	sort.SliceStable(a.reg, func(i, j int) bool { return a.reg[i].pos < a.reg[j].pos })
	for _, r := range a.reg {
		if r.kind == whosaid.KindPerson && r.subject {
			a.focus = append(a.focus, qFocusItem{pos: r.pos, para: r.para, sp: whosaid.Speaker{Name: r.name, Kind: r.kind}, desc: r.desc})
		}
	}
	// Ages: "Zhou, 26," and "the 23-year-old" point at people.
	a.ages = map[int]int{}
}

// isSubjectPos reports whether a mention at off opens its sentence, perhaps
// after an introductory phrase, which makes it the likely topic.
func (a *qAnalyzer) isSubjectPos(off int) bool {
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
	fw := strings.ToLower(strings.TrimRight(strings.Fields(pre)[0], ","))
	return strings.HasSuffix(pre, ",") && len(pre) < 60 && qIntroWords[fw] && strings.Count(pre, ",") == 1
}

// context returns the words around a mention that may hold its titles: up to
// four words before it in its sentence and the apposition after a comma.
func (a *qAnalyzer) context(start, end int) string {
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
func (a *qAnalyzer) coveredByEnt(s, e int) bool {
	_, ok := a.entAt(s, e)
	return ok
}

// overlapsAnyEnt reports whether [s,e) overlaps a mention of any entity:
// countries and places are then known not to be speakers' names.
func (a *qAnalyzer) overlapsAnyEnt(s, e int) bool {
	for _, en := range a.ents {
		for _, m := range en.Mentions {
			if m.Start < e && m.End > s {
				return true
			}
		}
	}
	return false
}

// entAt returns the PERSON or ORG entity with a mention overlapping [s,e),
// preferring the mention that ends last (the head of a noun phrase).
func (a *qAnalyzer) entAt(s, e int) (whosaid.Speaker, bool) {
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

// nameFromRun turns the capitalised run [k,e) into a name: possessives
// ("Argentina’s") and titles ("Defence Minister", "Dr.") are dropped, the
// kind is read from organization words or a preceding role noun ("firm"),
// and a later short form is linked to the full name met before. It returns
// the first token of the name as ns.
func (a *qAnalyzer) nameFromRun(k, e int) (name, kind string, titled bool, gender byte, ns int) {
	d := a.d
	ns = k
	for j := k; j < e-1; j++ {
		t := a.low[j]
		if strings.HasSuffix(t, "’s") || strings.HasSuffix(t, "'s") {
			ns = j + 1
		}
	}
	if ns < e && (a.low[ns] == "the") {
		ns++
	}
	// Titles: the name is what follows the last title word.
	for j := e - 2; j >= ns; j-- {
		w := strings.TrimSuffix(a.low[j], ".")
		if qTitleWords[a.low[j]] || qTitleWords[w] {
			if w == "mr" || w == "sir" || w == "lord" || w == "king" || w == "prince" {
				gender = 'm'
			} else if w == "mrs" || w == "ms" || w == "lady" || w == "dame" || w == "queen" || w == "princess" {
				gender = 'f'
			}
			n := j + 1
			if n < e && d.Tok(n) == "." {
				n++
			}
			if n < e && (a.low[n] == "of" || a.low[n] == "for") {
				n += 2
			}
			if n < e {
				ns, titled = n, true
			}
			break
		}
	}
	for ns < e && (d.Tok(ns) == "." || qOrgParticles[a.low[ns]] && a.low[ns] != "the") {
		ns++
	}
	if ns >= e {
		return "", "", false, 0, ns
	}
	name = d.Text[d.Tokens[ns].Start:d.Tokens[e-1].End]
	kind = whosaid.KindPerson
	isOrg := false
	for j := ns; j < e; j++ {
		if qOrgWords[a.low[j]] {
			isOrg = true
		}
	}
	if e-ns == 1 && qIsAcronym(name) {
		isOrg = true
	}
	if ns == k && k > 0 && qOrgRoles[a.low[k-1]] && !a.isCap(k-1) {
		isOrg = true
	}
	if isOrg && !titled {
		kind = whosaid.KindOrganization
	}
	if canon, ok := a.lookupName(name, d.Tokens[ns].Start, kind); ok {
		return canon.name, canon.kind, titled || !canon.weak, gender, ns
	}
	return name, kind, titled, gender, ns
}

// qIsAcronym reports whether s is an all-capitals abbreviation (NATO, WHO, EU,
// OPEC+, U.N.).
func qIsAcronym(s string) bool {
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

// qInitials returns the capitals of the words of name that are not particles:
// "World Health Organization" gives "WHO".
func qInitials(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		if qOrgParticles[f] || qNameParticles[f] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lookupName links name to a fuller name registered before pos: "Okafor" to
// the most recent "… Okafor", "Kim" to "Kim Eun-seol", "WHO" to "World
// Health Organization", "Hanseong" to "Hanseong Energy". kind, when set,
// restricts the kinds that may match.
func (a *qAnalyzer) lookupName(name string, pos int, kind string) (qRegEntry, bool) {
	lname := strings.ToLower(name)
	acro := qIsAcronym(name)
	bare := strings.NewReplacer(".", "", "+", "").Replace(name)
	best, found := qRegEntry{}, false
	score := func(r qRegEntry) int {
		ln := strings.ToLower(r.name)
		switch {
		case ln == lname:
			return 3
		case r.kind == whosaid.KindPerson && (strings.HasSuffix(ln, " "+lname) || strings.HasPrefix(ln, lname+" ")):
			return 2
		case r.kind == whosaid.KindOrganization && strings.HasPrefix(ln, lname+" "):
			return 2
		case acro && r.kind == whosaid.KindOrganization && len(bare) >= 2 && qInitials(r.name) == bare:
			return 2
		}
		return 0
	}
	bestScore := 0
	for _, r := range a.reg {
		if r.pos >= pos && found {
			break
		}
		if kind == whosaid.KindPerson && r.kind != whosaid.KindPerson && !acro {
			// An org name can still be met in short ("Quillon"), so only skip
			// orgs when the short form could not be one.
			if !strings.HasPrefix(strings.ToLower(r.name), lname+" ") {
				continue
			}
		}
		sc := score(r)
		if sc == 0 || len(r.name) < len(name) && sc < 3 {
			continue
		}
		if r.weak && sc < 3 && !found {
			sc = 1
		}
		if r.pos < pos && sc >= bestScore || !found {
			best, found, bestScore = r, true, sc
		}
	}
	if found && strings.EqualFold(best.name, name) && best.weak {
		return best, true
	}
	return best, found
}

// speakerFromNP turns the noun phrase in tokens [nb,ne) into a speaker: a
// named person or organization (titles and possessives dropped, short forms
// linked), a pronoun or role noun resolved backwards, or an anonymous source
// described by its head noun and modifiers.
func (a *qAnalyzer) speakerFromNP(nb, ne int) whosaid.Speaker {
	sp := a.npSpeaker(nb, ne)
	if sp.Name == "" {
		return whosaid.Speaker{Kind: whosaid.KindUnknown}
	}
	return sp
}

// npSpeaker does the work of speakerFromNP.
func (a *qAnalyzer) npSpeaker(nb, ne int) whosaid.Speaker {
	d := a.d
	// Trim conjunctions and relative clauses.
	for nb < ne && (a.low[nb] == "but" || a.low[nb] == "and" || a.low[nb] == "so" || a.low[nb] == "however" || a.low[nb] == "," || a.low[nb] == "—" || a.low[nb] == "-") {
		nb++
	}
	for j := nb; j < ne; j++ {
		if qRelativeStarts[a.low[j]] && !a.isCap(j) || a.low[j] == "that" || a.low[j] == "," && j > nb {
			ne = j
			break
		}
	}
	if nb >= ne {
		return whosaid.Speaker{Kind: whosaid.KindUnknown}
	}
	pos := d.Tokens[nb].Start
	mention := &whosaid.Mention{Text: d.Text[pos:d.Tokens[ne-1].End], Start: pos, End: d.Tokens[ne-1].End}
	if ne-nb == 1 && qPronouns[a.low[nb]] {
		sp := a.resolvePronoun(a.low[nb], pos)
		sp.Mention = mention
		return sp
	}
	// "one of the delegates": the group named before.
	if a.low[nb] == "one" && nb+2 < ne && a.low[nb+1] == "of" {
		nb += 2
	}
	// Find the head: the last word before a preposition that follows a
	// common noun, or the end.
	head := ne - 1
	for j := nb + 1; j < ne; j++ {
		w := a.low[j]
		if (qAdverbialPreps[w] || w == "of" || w == "familiar" || w == "close" || w == "who" || w == "based" || w == "(") &&
			(!a.isCap(j-1) || j+1 < ne && !a.isCap(j+1) || w == "familiar" || w == "(") {
			head = j - 1
			break
		}
	}
	for head > nb && !a.isWordTok(head) {
		head--
	}
	sentInitial := d.Tokens[nb].Start == a.clauseStartOff(nb)
	hw := a.low[head]
	capHead := a.isCap(head) && !(head == nb && sentInitial && (qAnonNouns[hw] || qOrgRoles[hw] || qPersonRoles[hw]))
	if capHead {
		if sp, ok := a.entAt(d.Tokens[head].Start, d.Tokens[head].End); ok {
			sp.Mention = mention
			return sp
		}
		rs := head
		for rs > nb && (a.isCap(rs-1) || qNameParticles[a.low[rs-1]] || qOrgParticles[a.low[rs-1]] && a.low[rs-1] != "the" || a.d.Tok(rs-1) == "." || a.d.Tok(rs-1) == "+") {
			rs--
		}
		re := a.runEnd(rs, ne)
		if re <= head {
			re = head + 1
		}
		name, kind, _, _, _ := a.nameFromRun(rs, re)
		if name == "" {
			return whosaid.Speaker{Kind: whosaid.KindUnknown}
		}
		if kind == whosaid.KindPerson {
			// A lone surname with Mr./Mrs. keeps them apart.
			if g := a.genderBefore(head); g != 0 {
				if r, ok := a.lookupGender(a.d.Tok(head), pos, g); ok {
					name = r
				}
			}
		}
		return whosaid.Speaker{Name: name, Kind: kind, Mention: mention}
	}
	// Lower-case head: age, role noun, anonymous source.
	if strings.HasSuffix(hw, "-year-old") {
		sp := a.resolveAge(hw, pos)
		sp.Mention = mention
		return sp
	}
	def := a.low[nb] == "the" || nb > 0 && a.low[nb-1] == "of" && a.low[nb] == "the" || strings.HasSuffix(a.low[nb], "’s") || strings.HasSuffix(a.low[nb], "'s")
	if a.low[nb] == "the" || def {
		if qOrgRoles[hw] && !qAnonNouns[hw] || hw == "police" {
			if sp, ok := a.resolveOrgRole(hw, pos); ok {
				sp.Mention = mention
				return sp
			}
		}
		if qPersonRoles[hw] || qAnonNouns[hw] {
			if sp, ok := a.resolveRole(hw, pos); ok {
				sp.Mention = mention
				return sp
			}
		}
	}
	if qAnonNouns[hw] || qPersonRoles[hw] {
		return whosaid.Speaker{Name: a.descriptor(nb, head), Kind: whosaid.KindAnonymous, Mention: mention}
	}
	if qOrgRoles[hw] {
		if sp, ok := a.resolveOrgRole(hw, pos); ok {
			sp.Mention = mention
			return sp
		}
	}
	// A noun phrase with a name inside and an unknown head ("Voltaris
	// founder"): fall back on the entity stage.
	if sp, ok := a.entAt(pos, d.Tokens[ne-1].End); ok && sp.Kind == whosaid.KindPerson {
		sp.Mention = mention
		return sp
	}
	return whosaid.Speaker{Kind: whosaid.KindUnknown}
}

// clauseStartOff returns the offset of the sentence holding token k, after
// the dateline when the sentence opens the story.
func (a *qAnalyzer) clauseStartOff(k int) int {
	s := a.d.SentenceAt(a.d.Tokens[k].Start)
	if s < 0 {
		return -1
	}
	st := a.d.Sentences[s].Start
	if st < a.bodyStart {
		st = a.bodyStart
	}
	for st < len(a.d.Text) && a.d.Text[st] == ' ' {
		st++
	}
	return st
}

// descriptor builds an anonymous source's name from its noun phrase as the
// gold does: no article, number or seniority word, head noun kept ("a senior
// State Department official" → "State Department official").
func (a *qAnalyzer) descriptor(nb, head int) string {
	var parts []string
	for j := nb; j <= head; j++ {
		w := a.low[j]
		if len(parts) == 0 && (qDeterminers[w] || qIsNumber(w)) || qSeniorityWords[w] || w == "of" && len(parts) == 0 {
			continue
		}
		t := a.d.Tok(j)
		if len(parts) == 0 && j < head && a.isCap(j) && a.d.Tokens[j].Start == a.clauseStartOff(j) && !a.isCap(j+1) {
			t = w
		}
		if j == head && a.isCap(j) && len(parts) == 0 {
			t = w
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}

func qIsNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && r != ',' && r != '.' {
			return false
		}
	}
	return true
}

// genderBefore reads Mr./Mrs./Ms. just before token k.
func (a *qAnalyzer) genderBefore(k int) byte {
	for j := k; j >= 0 && j >= k-2; j-- {
		switch strings.TrimSuffix(a.low[j], ".") {
		case "mr":
			return 'm'
		case "mrs", "ms":
			return 'f'
		}
	}
	return 0
}

// lookupGender finds the most recent registered person whose name ends with
// surname and whose gender, when known, is g: Mr. and Mrs. Smith stay apart.
func (a *qAnalyzer) lookupGender(surname string, pos int, g byte) (string, bool) {
	best, ok := "", false
	for _, r := range a.reg {
		if r.pos >= pos {
			break
		}
		if r.kind == whosaid.KindPerson && (r.gender == g) && strings.HasSuffix(strings.ToLower(r.name), strings.ToLower(surname)) {
			best, ok = r.name, true
		}
	}
	return best, ok
}

// resolvePronoun finds who "he" or "she" stands for: the most recent speaker
// or sentence-opening person in the same paragraph, else the last speaker,
// else the last person named. "it" goes to the last organization.
func (a *qAnalyzer) resolvePronoun(w string, pos int) whosaid.Speaker {
	para := a.d.ParagraphAt(pos)
	switch w {
	case "he", "she":
		var best *qFocusItem
		for i := range a.focus {
			f := &a.focus[i]
			if f.pos >= pos || f.para != para || f.sp.Kind == whosaid.KindOrganization || f.sp.Kind == whosaid.KindUnknown {
				continue
			}
			if best == nil || f.pos > best.pos {
				best = f
			}
		}
		if best == nil {
			for i := range a.focus {
				f := &a.focus[i]
				if f.pos >= pos || f.sp.Kind == whosaid.KindOrganization || f.sp.Kind == whosaid.KindUnknown {
					continue
				}
				if best == nil || f.pos > best.pos || f.isSpeaker() && !best.isSpeaker() && best.para == f.para {
					best = f
				}
			}
		}
		if best != nil {
			return whosaid.Speaker{Name: best.sp.Name, Kind: best.sp.Kind}
		}
		for i := len(a.reg) - 1; i >= 0; i-- {
			if r := a.reg[i]; r.pos < pos && r.kind == whosaid.KindPerson {
				return whosaid.Speaker{Name: r.name, Kind: r.kind}
			}
		}
	case "it":
		if sp, ok := a.resolveOrgRole("", pos); ok {
			return sp
		}
	}
	return whosaid.Speaker{Kind: whosaid.KindUnknown}
}

// isSpeaker reports whether the focus item came from an attribution rather
// than a mere mention.
func (f *qFocusItem) isSpeaker() bool {
	return f.desc == "\x00speaker" || strings.HasPrefix(f.desc, "\x00")
}

// resolveRole finds the person or anonymous source a definite role noun
// ("the official", "the minister", "one of the delegates") refers to: the
// latest speaker or named person whose description holds the role word.
func (a *qAnalyzer) resolveRole(role string, pos int) (whosaid.Speaker, bool) {
	stem := strings.TrimSuffix(role, "s")
	var best whosaid.Speaker
	bestPos := -1
	for _, f := range a.focus {
		if f.pos >= pos || f.sp.Kind == whosaid.KindOrganization || f.sp.Kind == whosaid.KindUnknown {
			continue
		}
		if qContainsWord(strings.ToLower(f.sp.Name)+" "+f.desc, stem) && f.pos > bestPos {
			best, bestPos = f.sp, f.pos
		}
	}
	if bestPos >= 0 {
		return whosaid.Speaker{Name: best.Name, Kind: best.Kind}, true
	}
	for i := len(a.reg) - 1; i >= 0; i-- {
		r := a.reg[i]
		if r.pos < pos && r.kind == whosaid.KindPerson && !r.weak && qContainsWord(r.desc, stem) {
			return whosaid.Speaker{Name: r.name, Kind: r.kind}, true
		}
	}
	return whosaid.Speaker{}, false
}

// qContainsWord reports whether s holds a word starting with stem ("minister"
// matches "ministers", "official" matches "officials").
func qContainsWord(s, stem string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], stem)
		if j < 0 {
			return false
		}
		j += i
		if j == 0 || !isWordRune(rune(s[j-1])) {
			return true
		}
		i = j + 1
	}
}

// resolveOrgRole finds the organization "the ministry", "the company", "the
// statement" or "it" refers to: the latest organization speaker or name
// holding the role word, else the latest organization speaker, else the
// first organization of the story that is not the news agency.
func (a *qAnalyzer) resolveOrgRole(role string, pos int) (whosaid.Speaker, bool) {
	generic := role == "" || role == "statement" || role == "company" || role == "group" || role == "firm" || role == "report"
	var last whosaid.Speaker
	lastPos := -1
	if role == "statement" || role == "report" {
		// "the statement said": whoever issued the last statement.
		for _, f := range a.focus {
			if f.pos < pos && f.sp.Kind == whosaid.KindOrganization && f.pos > lastPos && strings.Contains(f.desc, role) {
				last, lastPos = f.sp, f.pos
			}
		}
		if lastPos >= 0 {
			return whosaid.Speaker{Name: last.Name, Kind: last.Kind}, true
		}
	}
	for _, f := range a.focus {
		if f.pos < pos && f.sp.Kind == whosaid.KindOrganization && f.pos > lastPos {
			if role == "" || generic || qContainsWord(strings.ToLower(f.sp.Name), role) {
				last, lastPos = f.sp, f.pos
			}
		}
	}
	if lastPos >= 0 {
		return whosaid.Speaker{Name: last.Name, Kind: last.Kind}, true
	}
	for i := len(a.reg) - 1; i >= 0 && role != ""; i-- {
		r := a.reg[i]
		if r.pos < pos && r.kind == whosaid.KindOrganization && qContainsWord(strings.ToLower(r.name), role) {
			return whosaid.Speaker{Name: r.name, Kind: r.kind}, true
		}
	}
	if generic {
		for _, r := range a.reg {
			if r.pos < pos && r.kind == whosaid.KindOrganization && r.pos >= a.bodyStart && !a.isAgencyMention(r) {
				return whosaid.Speaker{Name: r.name, Kind: r.kind}, true
			}
		}
	}
	return whosaid.Speaker{}, false
}

// isAgencyMention reports whether r is the news agency the story was told to
// ("told AFP"), which is never the company a story is about.
func (a *qAnalyzer) isAgencyMention(r qRegEntry) bool {
	pre := strings.TrimSpace(a.d.Text[max(0, r.pos-12):r.pos])
	return strings.HasSuffix(pre, "told") || strings.HasSuffix(pre, "(")
}

// resolveAge finds the person "the 23-year-old" refers to: one introduced
// with that age ("Zhou, 26,", "a 34-year-old mother"), else the subject of the
// sentence before the first "the N-year-old".
func (a *qAnalyzer) resolveAge(w string, pos int) whosaid.Speaker {
	n := strings.TrimSuffix(w, "-year-old")
	if _, err := strconv.Atoi(n); err != nil {
		return whosaid.Speaker{Kind: whosaid.KindUnknown}
	}
	t := a.d.Text
	first := strings.Index(t, n+"-year-old")
	if first < 0 || first >= pos {
		first = pos
	}
	// "Name, N," earlier in the text.
	if i := strings.Index(t[:pos], ", "+n+","); i >= 0 {
		if r, ok := a.regEndingAt(i); ok {
			return whosaid.Speaker{Name: r.name, Kind: r.kind}
		}
	}
	s := a.d.SentenceAt(first)
	if s > 0 {
		prev := a.d.Sentences[s-1]
		for _, r := range a.reg {
			if r.pos >= prev.Start && r.pos < prev.End && r.kind == whosaid.KindPerson {
				return whosaid.Speaker{Name: r.name, Kind: r.kind}
			}
		}
	}
	return whosaid.Speaker{Name: w, Kind: whosaid.KindAnonymous}
}

// regEntryEndingAt finds a registered name whose mention ends at off.
func (a *qAnalyzer) regEndingAt(off int) (qRegEntry, bool) {
	for i := len(a.reg) - 1; i >= 0; i-- {
		r := a.reg[i]
		if r.pos < off && off-r.pos <= 40 {
			if strings.HasSuffix(a.d.Text[r.pos:off], strings.Fields(r.name)[len(strings.Fields(r.name))-1]) {
				return r, true
			}
		}
	}
	return qRegEntry{}, false
}

// addFocus records a speaker as the latest antecedent for qPronouns and
// role nouns.
func (a *qAnalyzer) addFocus(pos int, sp whosaid.Speaker, desc string) {
	if sp.Kind == whosaid.KindUnknown {
		return
	}
	a.focus = append(a.focus, qFocusItem{pos: pos, para: a.d.ParagraphAt(pos), sp: whosaid.Speaker{Name: sp.Name, Kind: sp.Kind}, desc: "\x00" + desc})
}
