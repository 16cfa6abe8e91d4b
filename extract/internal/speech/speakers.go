package speech

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// analyzer holds the per-article state of the attribution stage: the quote
// spans, the token views, the names seen so far and the speakers found.
type analyzer struct {
	d    *text.Doc
	ents []whosaid.Entity
	qs   []quoteSpan
	low  []string // lower-cased tokens
	inQ  []bool   // token lies inside quotation marks (marks included)
	// sentTok[i] is the token range of sentence i.
	sentTok   [][2]int
	bodyStart int // byte offset after the dateline
	reg       []regEntry
	merged    []regEntry // spare array the registry is merged into
	order     []regOrder // scratch for putting the registry in order
	focus     []focusItem
	atts      []attrib
	att       []int // per quote, the index in atts of its attribution or -1
	tokFlags  []uint8
	wc        []wordInfo // per token, its word classes and cue flags
	lt        string     // the text with ASCII letters lower-cased, same offsets
	ltBuf     []byte     // where lt is folded before it is copied to a string
}

// Token flags, computed once per article because every rule asks them.
const (
	tokCap  = 1 << iota // starts with an upper-case letter
	tokWord             // starts with a letter or digit
	tokEnt              // overlaps a mention of an entity handed in
)

// regEntry is a name met in the text: a person or organization with the
// words around its first mention, so that "the minister" or "the company"
// can be traced back to it.
type regEntry struct {
	// The fields lookupLower reads of every entry come first, together.
	pos   int
	lname string // name in lower case
	kind  string
	// lead and tail are the first and last bytes of lname (see mayMatch).
	lead, tail byte
	weak       bool // a capitalised run with no title: a name only by its shape
	subject    bool // the mention opens its sentence
	gender     byte
	// next is the index after the last registry entry of the same entity
	// and mention text, which lookupLower passes over with this one.
	next int
	name string
	desc string // titles and appositions, as written
	para int
}

// focusItem is a candidate antecedent for a pronoun or role noun: a speaker
// or a person opening a sentence.
type focusItem struct {
	pos  int
	para int
	sp   whosaid.Speaker
	desc string
	weak bool // a name only by its shape: used when nothing better is near
	// spoke marks an item recorded from an attribution rather than a mere
	// mention.
	spoke bool
}

// attrib is one reporting cue with its speaker and content.
type attrib struct {
	sent    int
	cueTok  int
	cue     string
	flags   int
	sp      whosaid.Speaker
	content text.Span
	post    bool
	that    bool // content opened by "that"
	claim   bool
}

// prepare readies a for the article d: quote spans, lower-cased tokens,
// token flags, sentence token ranges and the registry of names. The views
// reuse the arrays of the article a analysed before.
func (a *analyzer) prepare(d *text.Doc, ents []whosaid.Entity) {
	*a = analyzer{d: d, ents: ents,
		qs: a.qs[:0], low: a.low, inQ: a.inQ, tokFlags: a.tokFlags, wc: a.wc, sentTok: a.sentTok,
		reg: a.reg[:0], merged: a.merged[:0], order: a.order[:0], focus: a.focus[:0], atts: a.atts[:0], att: a.att,
		ltBuf: a.ltBuf}
	a.qs = scanQuotes(a.qs, d.Text, d.Paragraphs, d.Tokens)
	n := len(d.Tokens)
	a.low = text.Resize(a.low, n)
	a.inQ = text.Resize(a.inQ, n)
	a.tokFlags = text.Resize(a.tokFlags, n)
	a.wc = text.Resize(a.wc, n)
	clear(a.inQ)
	clear(a.tokFlags)
	clear(a.wc)
	// One lower-cased copy of the text serves every token as a substring:
	// ASCII letters are folded, and the rare token holding other bytes is
	// lowered on its own (its length may change).
	a.ltBuf = text.AppendFold(a.ltBuf[:0], d.Text)
	a.lt = string(a.ltBuf)
	for i, t := range d.Tokens {
		r, _ := text.RuneAt(d.Text, t.Start)
		if unicode.IsUpper(r) {
			a.tokFlags[i] |= tokCap
		}
		if text.IsWordRune(r) {
			a.tokFlags[i] |= tokWord
		}
		w := a.lt[t.Start:t.End]
		for j := t.Start; j < t.End; j++ {
			if d.Text[j] >= utf8.RuneSelf {
				w = strings.ToLower(d.Text[t.Start:t.End])
				break
			}
		}
		a.low[i] = w
		// Punctuation is in no lexicon but quantityWords' "%": no probe.
		if a.tokFlags[i]&tokWord != 0 || w == "%" {
			a.wc[i] = wordTable[w]
		}
	}
	for _, en := range ents {
		for _, m := range en.Mentions {
			k := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > m.Start })
			for ; k < len(d.Tokens) && d.Tokens[k].Start < m.End; k++ {
				a.tokFlags[k] |= tokEnt
			}
		}
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
	a.sentTok = text.Resize(a.sentTok, len(d.Sentences))
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
	a.bodyStart = datelineEnd(d.Text)
	a.buildRegistry()
}

// nameFromRun turns the capitalised run [k,e) into a name: possessives
// ("Argentina’s") and titles ("Defence Minister", "Dr.") are dropped, the
// kind is read from organization words or a preceding role noun ("firm"),
// and a later short form is linked to the full name met before. It returns
// the first token of the name as ns.
func (a *analyzer) nameFromRun(k, e int) (name, lname, kind string, titled bool, gender byte, ns int) {
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
		if titleWords[a.low[j]] || titleWords[w] {
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
	for ns < e && (d.Tok(ns) == "." || orgParticles[a.low[ns]] && a.low[ns] != "the") {
		ns++
	}
	if ns >= e {
		return "", "", "", false, 0, ns
	}
	name = d.Text[d.Tokens[ns].Start:d.Tokens[e-1].End]
	lname = a.lowerText(d.Tokens[ns].Start, d.Tokens[e-1].End)
	kind = whosaid.KindPerson
	isOrg := false
	for j := ns; j < e; j++ {
		if orgWords[a.low[j]] {
			isOrg = true
		}
	}
	if e-ns == 1 && isAcronym(name) {
		isOrg = true
	}
	if ns == k && k > 0 && orgRoles[a.low[k-1]] && !a.isCap(k-1) {
		isOrg = true
	}
	if isOrg && !titled {
		kind = whosaid.KindOrganization
	}
	if canon, ok := a.lookupLower(name, lname, d.Tokens[ns].Start, kind); ok {
		return canon.name, canon.lname, canon.kind, titled || !canon.weak, gender, ns
	}
	return name, lname, kind, titled, gender, ns
}

// lowerText returns d.Text[s:e] in lower case, as strings.ToLower would:
// from the folded copy of the text when the stretch is ASCII, so that the
// registry does not allocate a lower-case copy of every name.
func (a *analyzer) lowerText(s, e int) string {
	for i := s; i < e; i++ {
		if a.d.Text[i] >= utf8.RuneSelf {
			return strings.ToLower(a.d.Text[s:e])
		}
	}
	return a.lt[s:e]
}

// speakerFromNP turns the noun phrase in tokens [nb,ne) into a speaker: a
// named person or organization (titles and possessives dropped, short forms
// linked), a pronoun or role noun resolved backwards, or an anonymous source
// described by its head noun and modifiers.
func (a *analyzer) speakerFromNP(nb, ne int) whosaid.Speaker {
	sp := a.npSpeaker(nb, ne)
	if sp.Name == "" {
		return whosaid.Speaker{Kind: whosaid.KindUnknown}
	}
	return sp
}

// npSpeaker does the work of speakerFromNP.
func (a *analyzer) npSpeaker(nb, ne int) whosaid.Speaker {
	d := a.d
	// Trim conjunctions and relative clauses.
	for nb < ne && (a.low[nb] == "but" || a.low[nb] == "and" || a.low[nb] == "so" || a.low[nb] == "however" || a.low[nb] == "," || a.low[nb] == "—" || a.low[nb] == "-") {
		nb++
	}
	for j := nb; j < ne; j++ {
		if a.is(j, wcRelStart) && !a.isCap(j) || a.low[j] == "that" || a.low[j] == "," && j > nb {
			ne = j
			break
		}
	}
	if ne-nb == 1 && a.is(nb, wcSubordinator) {
		// "When asked…": no subject at all.
		return whosaid.Speaker{Kind: whosaid.KindUnknown}
	}
	for j := ne - 2; j >= nb; j-- {
		if a.is(j, wcSubordinator) && (!a.isCap(j) || j == nb) {
			nb = j + 1
			break
		}
	}
	if nb >= ne {
		return whosaid.Speaker{Kind: whosaid.KindUnknown}
	}
	pos, first := d.Tokens[nb].Start, nb // the phrase as a whole, before "one of" is skipped
	mention := &whosaid.Mention{Text: d.Text[pos:d.Tokens[ne-1].End], Start: pos, End: d.Tokens[ne-1].End}
	if sp, ok := a.quantitySpeaker(nb, ne); ok {
		// "47 percent of Democrats", "Nearly half", "About 4 in 10": the
		// share of a poll's respondents is an unnamed group.
		sp.Mention = mention
		return sp
	}
	if ne-nb == 1 && a.is(nb, wcPronoun) {
		sp := a.resolvePronoun(a.low[nb], pos)
		sp.Mention = mention
		return sp
	}
	// "one of the delegates": the group named before.
	if a.low[nb] == "one" && nb+2 < ne && a.low[nb+1] == "of" {
		nb += 2
	}
	head := a.npHead(nb, ne)
	sentInitial := d.Tokens[nb].Start == a.clauseStartOff(nb)
	hw := a.low[head]
	capHead := a.isCap(head) && !(head == nb && sentInitial && (anonNouns[hw] || orgRoles[hw] || personRoles[hw]))
	if capHead {
		return a.namedSpeaker(nb, ne, head, pos, mention)
	}
	return a.commonSpeaker(nb, ne, head, first, pos, mention)
}

// npHead finds the head of the noun phrase in tokens [nb,ne): the last word
// before a preposition that follows a common noun, or the end.
func (a *analyzer) npHead(nb, ne int) int {
	head := ne - 1
	for j := nb + 1; j < ne; j++ {
		w := a.low[j]
		if !a.isCap(j) && strings.HasSuffix(w, "ing") && a.isWordTok(j-1) && strings.HasSuffix(a.low[j-1], "s") {
			// "Protesters marching through the streets": a participle
			// after a plural noun opens its modifier; the noun is the head.
			head = j - 1
			break
		}
		if (a.is(j, wcAdvPrep) || w == "of" || w == "familiar" || w == "close" || w == "who" || w == "based" || w == "(") &&
			(!a.isCap(j-1) || j+1 < ne && !a.isCap(j+1) || w == "familiar" || w == "(") {
			head = j - 1
			break
		}
	}
	for head > nb && !a.isWordTok(head) {
		head--
	}
	return head
}

// namedSpeaker is npSpeaker's answer for a capitalised head: the entity
// there, else the name of the capitalised run around it.
func (a *analyzer) namedSpeaker(nb, ne, head, pos int, mention *whosaid.Mention) whosaid.Speaker {
	if sp, ok := a.entAtTokens(head, head+1); ok {
		sp.Mention = mention
		return sp
	}
	rs := head
	for rs > nb && (a.isCap(rs-1) || nameParticles[a.low[rs-1]] || orgParticles[a.low[rs-1]] && a.low[rs-1] != "the" || a.d.Tok(rs-1) == "." || a.d.Tok(rs-1) == "+") {
		rs--
	}
	re := a.runEnd(rs, ne)
	if re <= head {
		re = head + 1
	}
	name, _, kind, _, _, _ := a.nameFromRun(rs, re)
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

// commonSpeaker is npSpeaker's answer for a lower-case head: an age, a role
// noun resolved backwards, a document, or an anonymous source; first is the
// phrase's first token before "one of" was skipped.
func (a *analyzer) commonSpeaker(nb, ne, head, first, pos int, mention *whosaid.Mention) whosaid.Speaker {
	hw := a.low[head]
	// Lower-case head: age, role noun, anonymous source.
	if strings.HasSuffix(hw, "-year-old") {
		sp := a.resolveAge(hw, pos)
		sp.Mention = mention
		return sp
	}
	def := a.low[nb] == "the" || nb > 0 && a.low[nb-1] == "of" && a.low[nb] == "the" || strings.HasSuffix(a.low[nb], "’s") || strings.HasSuffix(a.low[nb], "'s")
	if a.low[nb] == "the" || def {
		if orgRoles[hw] && !anonNouns[hw] || hw == "police" {
			if sp, ok := a.resolveOrgRole(hw, pos); ok {
				sp.Mention = mention
				return sp
			}
		}
		if personRoles[hw] || anonNouns[hw] {
			if sp, ok := a.resolveRole(hw, pos); ok {
				sp.Mention = mention
				return sp
			}
		}
	}
	if anonNouns[hw] || personRoles[hw] {
		return whosaid.Speaker{Name: a.descriptor(nb, head), Kind: whosaid.KindAnonymous, Mention: mention}
	}
	if docNouns[hw] && !orgRoles[hw] {
		// "The latest Reuters/Ipsos poll", "exit polls", "FEC records": a
		// document or poll speaks for whoever made it, named when a
		// capitalised modifier says so.
		if ms := a.capModifiers(nb, head); ms != "" {
			return whosaid.Speaker{Name: ms, Kind: whosaid.KindOrganization, Mention: mention}
		}
		return whosaid.Speaker{Name: a.descriptor(nb, head), Kind: whosaid.KindAnonymous, Mention: mention}
	}
	if orgRoles[hw] {
		// "the FNV union": the capitalised modifier names the body.
		if ms := a.capModifiers(nb, head); ms != "" {
			if r, ok := a.lookupName(ms, pos, whosaid.KindOrganization); ok {
				ms = r.name
			}
			return whosaid.Speaker{Name: ms, Kind: whosaid.KindOrganization, Mention: mention}
		}
		if sp, ok := a.resolveOrgRole(hw, pos); ok {
			sp.Mention = mention
			return sp
		}
		// An unnamed body ("Austria’s weather service") is an anonymous
		// source described by its noun phrase.
		return whosaid.Speaker{Name: a.descriptor(nb, head), Kind: whosaid.KindAnonymous, Mention: mention}
	}
	// A noun phrase with a name inside and an unknown head ("Voltaris
	// founder"): fall back on the entity stage.
	if sp, ok := a.entAtTokens(first, ne); ok && sp.Kind == whosaid.KindPerson {
		sp.Mention = mention
		return sp
	}
	// Any other short noun phrase opened by a determiner ("a reporter",
	// "the groups", "some advocates") is someone unnamed.
	if determiners[a.low[nb]] && a.low[nb] != "that" && a.low[nb] != "this" && a.low[nb] != "of" &&
		head > nb && head-nb < 6 && a.isWordTok(head) && !pronouns[hw] && cueWords[hw] == 0 {
		return whosaid.Speaker{Name: a.descriptor(nb, head), Kind: whosaid.KindAnonymous, Mention: mention}
	}
	return whosaid.Speaker{Kind: whosaid.KindUnknown}
}

// quantitySpeaker reads a noun phrase that counts people rather than naming
// them ("47 percent of Democrats", "Nearly half", "About 4 in 10", "Many"):
// poll stories attribute answers to such shares. The descriptor is the group
// after "of" when there is one.
func (a *analyzer) quantitySpeaker(nb, ne int) (whosaid.Speaker, bool) {
	j := nb
	for j < ne && j < nb+3 && approxWords[a.low[j]] {
		j++
	}
	if j >= ne {
		return whosaid.Speaker{}, false
	}
	w := a.low[j]
	switch {
	case isNumber(w) || isNumberWord(w) || strings.HasSuffix(w, "-percent"):
		// A number is a share only with "percent", "in 10" or "of".
		if j+1 >= ne {
			return whosaid.Speaker{}, false
		}
		n := a.low[j+1]
		if !(n == "percent" || n == "%" || n == "in" || n == "of" || n == "out" || quantityWords[n]) {
			return whosaid.Speaker{}, false
		}
	case quantityWords[w]:
		if j+1 < ne && a.low[j+1] != "of" && !quantityWords[a.low[j+1]] && a.low[j+1] != "percent" {
			// "Many voters", "Some analysts": the noun is the head, read as usual.
			return whosaid.Speaker{}, false
		}
	default:
		return whosaid.Speaker{}, false
	}
	name := strings.ToLower(a.d.Text[a.d.Tokens[nb].Start:a.d.Tokens[ne-1].End])
	for x := j; x < ne-1; x++ {
		if a.low[x] == "of" {
			name = a.descriptor(x+1, ne-1)
			break
		}
	}
	if name == "" {
		name = strings.ToLower(a.d.Text[a.d.Tokens[nb].Start:a.d.Tokens[ne-1].End])
	}
	return whosaid.Speaker{Name: name, Kind: whosaid.KindAnonymous}, true
}

// isNumberWord reports whether w is a spelled-out number, hyphenated
// ones included ("twenty-four").
func isNumberWord(w string) bool {
	if i := strings.IndexByte(w, '-'); i > 0 {
		w = w[:i]
	}
	return numberWords[w]
}

// capModifiers returns the capitalised words right before the head, not
// sentence-initial and not possessive ("FNV" in "the FNV union"), or "".
func (a *analyzer) capModifiers(nb, head int) string {
	s := head
	for s > nb && a.isCap(s-1) && !strings.HasSuffix(a.low[s-1], "’s") && !strings.HasSuffix(a.low[s-1], "'s") {
		s--
	}
	if s == head || a.d.Tokens[s].Start == a.clauseStartOff(s) {
		return ""
	}
	return a.d.Text[a.d.Tokens[s].Start:a.d.Tokens[head-1].End]
}

// clauseStartOff returns the offset of the sentence holding token k, after
// the dateline when the sentence opens the story.
func (a *analyzer) clauseStartOff(k int) int {
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
func (a *analyzer) descriptor(nb, head int) string {
	var parts []string
	for j := nb; j <= head; j++ {
		w := a.low[j]
		if len(parts) == 0 && (determiners[w] || isNumber(w) || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s")) || seniorityWords[w] || w == "of" && len(parts) == 0 {
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

// isNumber reports whether w is written in digits ("58", "2,000").
func isNumber(w string) bool {
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
