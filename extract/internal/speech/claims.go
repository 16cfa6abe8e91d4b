package speech

import (
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// findAttributions walks each sentence once, left to right, and records
// every reporting cue outside quotation marks with its speaker and the span
// of what was reported. Speakers are resolved in text order so that
// pronouns and role nouns see only what came before them.
func (a *analyzer) findAttributions() {
	for s := range a.d.Sentences {
		t0, t1 := a.sentTok[s][0], a.sentTok[s][1]
		for t0 < t1 && a.d.Tokens[t0].Start < a.bodyStart {
			t0++
		}
		first := len(a.atts)
		a.colonLead(s, t0, t1)
		for k := t0; k < t1; k++ {
			if a.inQ[k] {
				continue
			}
			w := a.low[k]
			if w == "according" && k+1 < t1 && a.low[k+1] == "to" {
				a.according(s, t0, t1, k, first)
				k++
				continue
			}
			fl := a.cueOf(k)
			if fl == 0 || !a.isVerbUse(k, t0) || fl&cueWeak != 0 && a.insideContent(a.d.Tokens[k].Start, first) {
				continue
			}
			a.cue(s, t0, t1, k, fl, first)
		}
		if len(a.atts) == first {
			a.inSource(s, t0, t1)
		}
	}
	a.att = text.Resize(a.att, len(a.qs))
	for qi, q := range a.qs {
		a.att[qi] = -1
		best := -1
		for i, at := range a.atts {
			if at.content.End <= q.Start || at.content.Start >= q.End || at.sp.Kind == whosaid.KindUnknown && !at.post ||
				at.flags&cueWeak != 0 && at.flags&cueQuote == 0 {
				continue
			}
			if at.content.Start > q.Open+1 && a.d.SentenceAt(at.content.Start) != a.d.SentenceAt(q.Open) && !at.post {
				continue
			}
			// Among cues covering the quote, the nearest wins.
			if best < 0 || dist(a.d.Tokens[at.cueTok].Start, q) < dist(a.d.Tokens[a.atts[best].cueTok].Start, q) {
				best = i
			}
		}
		a.att[qi] = best
	}
}

// dist is how far the cue at off stands from quote q, so that the
// nearest of several covering cues wins it.
func dist(off int, q quoteSpan) int {
	if off < q.Open {
		return q.Open - off
	}
	return off - q.Close
}

// colonLead records the "Graham: Trump’s rhetoric is destroying the party"
// form of headlines and subheads: a short name or noun phrase opening a
// paragraph, a colon, and what it said. "Q:" and "A:" of interviews are left
// to the quotes.
func (a *analyzer) colonLead(s, t0, t1 int) {
	d := a.d
	if t0 >= t1 || a.paraAt(d.Tokens[t0].Start) < 0 || d.Paragraphs[a.paraAt(d.Tokens[t0].Start)].Start != d.Sentences[s].Start {
		return
	}
	c := -1
	for k := t0 + 1; k < t1 && k <= t0+4; k++ {
		if a.low[k] == ":" {
			c = k
			break
		}
		if a.inQ[k] || !a.isWordTok(k) && a.low[k] != "." {
			return
		}
	}
	if c < 0 || c+3 >= t1 || a.inQ[c+1] || !a.isCap(t0) || c-t0 == 1 && len(a.low[t0]) == 1 {
		return
	}
	if pageLabels[a.low[t0]] || a.low[t0] == "the" && c-t0 == 2 && a.low[t0+1] == "latest" {
		// "BYLINE: Amber Phillips", "Contributing: …", "Editor’s note: …":
		// page furniture, not a speaker.
		return
	}
	sp := a.speakerFromNP(t0, c)
	if sp.Kind == whosaid.KindUnknown {
		return
	}
	at := attrib{sent: s, cueTok: c, cue: ":", flags: cueClaim, sp: sp}
	st := d.Tokens[c+1].Start
	at.content = text.Span{Start: st, End: a.trimEnd(st, d.Tokens[t1-1].End)}
	at.claim = a.isClaim(&at)
	a.atts = append(a.atts, at)
}

// inSource records "In a new CNN poll, Trump leads by five points" and "In
// the statement, the group called…": a sentence with no cue of its own whose
// opening phrase names a poll or document as the source of the rest.
func (a *analyzer) inSource(s, t0, t1 int) {
	if t0+3 >= t1 || a.low[t0] != "in" && a.low[t0] != "from" {
		return
	}
	c := -1
	for k := t0 + 1; k < t1 && k <= t0+9; k++ {
		if a.inQ[k] {
			return
		}
		if a.low[k] == "," {
			c = k
			break
		}
	}
	if c < 0 || c+3 >= t1 || !docNouns[a.low[c-1]] {
		return
	}
	sp := a.speakerFromNP(t0+1, c)
	if sp.Kind == whosaid.KindUnknown {
		return
	}
	d := a.d
	at := attrib{sent: s, cueTok: t0, cue: a.d.Tok(t0), flags: cueClaim, sp: sp}
	st := d.Tokens[c+1].Start
	at.content = text.Span{Start: st, End: a.trimEnd(st, a.contentEnd(c+1, t1))}
	at.claim = a.isClaim(&at)
	a.atts = append(a.atts, at)
}

// quoteAttrib returns the attribution covering quote qi, or nil.
func (a *analyzer) quoteAttrib(qi int) *attrib {
	if i := a.att[qi]; i >= 0 {
		return &a.atts[i]
	}
	return nil
}

// isVerbUse rejects cue words used as nouns or adjectives ("the claims", "an
// estimated 100", "is expected to say", "as noted").
func (a *analyzer) isVerbUse(k, t0 int) bool {
	if k > t0 {
		p := a.low[k-1]
		switch p {
		case "a", "an", "the", "its", "his", "her", "their", "our", "this", "these", "those", "to", "as", "be", "been", "being", "was", "were", "is", "are":
			if p == "was" || p == "were" || p == "is" || p == "are" {
				// "was quoted", "is saying": progressive forms are speech.
				return strings.HasSuffix(a.low[k], "ing")
			}
			return false
		}
	}
	if k+1 < len(a.low) && a.low[k+1] == "for" && a.low[k] != "said" {
		return false
	}
	if k+1 < len(a.low) && a.low[k+1] == "to" && strings.HasPrefix(a.low[k], "add") {
		// "adding to the debt burdens": contributing, not speaking.
		return false
	}
	if nounish[a.low[k]] && !strings.HasSuffix(a.low[k], "ed") && !(k > t0 && a.low[k-1] == "," && strings.HasSuffix(a.low[k], "ing")) {
		// "an army post", "state television", "the claims": a noun unless a
		// subject pronoun or name comes right before.
		p := k - 1
		for p >= t0 && a.is(p, wcAuxSkip) {
			p--
		}
		if p < t0 || !(a.is(p, wcPronoun|wcDoc|wcAnon|wcQuantity) || a.isCap(p) && a.isWordTok(p) || a.low[p] == "who") {
			return false
		}
	}
	if k > t0 && a.isCap(k) && !a.titleCase(t0, k) {
		return false // "United States", "Post"
	}
	if strings.HasSuffix(a.low[k], "ing") && (k == t0 || a.low[k-1] != "," && a.low[k-1] != "and" && !a.closesWithComma(k-1)) {
		return false // "with the EU pledging…": a participle, not a report
	}
	if a.low[k] == "call" || a.low[k] == "calls" || a.low[k] == "called" || a.low[k] == "calling" {
		// "called" carries speech only as "called X “a disgrace”"; claims never.
		return true
	}
	return true
}

// titleCase reports whether the sentence holding token k, from t0, is a
// headline in title case ("Rubio Says Abandoning Reform Was A Sign Of
// Leadership"), where a capitalised "Says" is still the verb: at least four
// words and all but one of them capitalised, up to k and a few after it.
func (a *analyzer) titleCase(t0, k int) bool {
	words, lower := 0, 0
	for j := t0; j < len(a.low) && j < k+4; j++ {
		if a.inQ[j] || !a.isWordTok(j) {
			continue
		}
		words++
		if !a.isCap(j) && !a.is(j, wcDeterminer) && len(a.low[j]) > 3 {
			lower++
		}
	}
	return words >= 4 && lower <= 1
}

// cue records the attribution of the reporting verb at token k.
func (a *analyzer) cue(s, t0, t1, k, fl, first int) {
	d := a.d
	at := attrib{sent: s, cueTok: k, cue: d.Tok(k), flags: fl}
	p := k - 1
	for p >= t0 && !a.inQ[p] && a.is(p, wcAuxSkip) {
		p--
	}
	gerund := fl&cueGerund != 0 && p >= t0 && (a.low[p] == "," || a.closesWithComma(p))
	coord := p >= t0 && (a.low[p] == "and" || a.low[p] == "but")
	switch {
	case p > t0 && (a.low[p] == "who" || a.low[p] == "which") && !a.inQ[p]:
		a.relativeCue(&at, t0, t1, k, p)
	case gerund || coord:
		a.continuedCue(&at, t0, t1, k, p, first, fl, gerund)
	case p > t0 && a.low[p] == "," && a.nameSegmentBefore(t0, p) >= 0:
		// "The operators’ association, Deltalinqs, said…": the name just
		// before the comma is the subject.
		nb := a.nameSegmentBefore(t0, p)
		at.sp = a.speakerFromNP(nb, p)
		if a.afterEmpty(k, t1) {
			at.post = true
			at.content = a.postContent(t0, a.contentEndBefore(t0, nb), first)
		} else {
			a.preposedContent(&at, k, t1)
		}
	case p >= t0 && a.low[p] == "," && a.appositionBefore(t0, p):
		// "Ortega, 58, told…", "Hamani, visiting soldiers, vowed…".
		nb, post := a.subjectBefore(t0, p, k, t1)
		if nb < 0 {
			return
		}
		at.sp = a.speakerFromNP(nb, a.segEnd(nb, p))
		if post {
			at.post = true
			at.content = a.postContent(t0, a.contentEndBefore(t0, nb), first)
		} else {
			a.preposedContent(&at, k, t1)
		}
	case (p < t0 || a.low[p] == "," || a.isCloseMark(p)) && !a.clauseAfter(k, t1) && fl&cueWeak == 0:
		// Inverted: "…,” said Paulo Matsinhe, the WFP's coordinator". Verbs
		// of stance never invert ("…, a supporter, praised Sanders").
		ne := k + 1
		for ne < t1 && !a.inQ[ne] && a.low[ne] != "," && !(a.low[ne] == "." && !abbrevDot[a.low[ne-1]]) && a.low[ne] != ";" && a.low[ne] != "that" && a.low[ne] != ":" {
			ne++
		}
		if ne == k+1 || ne-k > 16 {
			if ne == k+1 {
				// "…,” he said" with the subject missing: a bare cue.
				a.preposedContent(&at, k, t1)
				break
			}
		}
		at.sp = a.speakerFromNP(k+1, ne)
		at.post = true
		at.content = a.postContent(t0, p+1, first)
	default:
		nb, post := a.subjectBefore(t0, p+1, k, t1)
		if nb < 0 {
			return
		}
		at.sp = a.speakerFromNP(nb, p+1)
		if !post && fl&cueWeak == 0 {
			a.cutCoordinated(nb, first, fl&cueQuote != 0 && a.quoteNext(k, t1))
		}
		if post {
			at.post = true
			at.content = a.postContent(t0, a.contentEndBefore(t0, nb), first)
			if k+2 < t1 && a.low[k+1] == "," && a.continuesClause(k+2) && !a.quotedBefore(nb) {
				// "The hashtag, he said, was even more popular": the cue sits
				// inside its content, which goes on after it.
				at.content.End = a.trimEnd(at.content.Start, a.contentEnd(k+2, t1))
			}
		} else {
			a.preposedContent(&at, k, t1)
		}
	}
	if at.sp.Kind == whosaid.KindUnknown {
		// No speaker: keep the cue only if it covers a quote and is not
		// itself part of what someone else said ("how households respond").
		if !a.coversQuote(at.content) || a.insideContent(d.Tokens[k].Start, first) {
			return
		}
	}
	if at.sp.Kind != whosaid.KindUnknown && fl&cueWeak == 0 {
		// Stance verbs ("the United States wants…") do not make their
		// subject the "he" of the next report.
		a.addFocus(d.Tokens[k].Start, at.sp, a.lt[d.Sentences[s].Start:d.Tokens[min(k+6, t1-1)].End])
	}
	at.claim = a.isClaim(&at)
	a.atts = append(a.atts, at)
}

// relativeCue reads a cue opened by "who" or "which" at token p: the
// antecedent speaks, and after a comma the clause closes at the next comma
// outside quotation marks.
func (a *analyzer) relativeCue(at *attrib, t0, t1, k, p int) {
	// "…, a junior from Las Vegas, who said she…": the antecedent speaks.
	at.sp = a.relativeSubject(t0, p)
	a.preposedContent(at, k, t1)
	if a.low[p-1] == "," {
		// "…, who said he votes Democratic, spoke": the clause closes at
		// the next comma outside quotation marks.
		for x := a.tokAt(at.content.Start); x < t1 && a.d.Tokens[x].Start < at.content.End; x++ {
			if a.low[x] == "," && !a.inQ[x] {
				at.content.End = a.trimEnd(at.content.Start, a.d.Tokens[x].Start)
				break
			}
		}
	}
}

// continuedCue reads a cue that continues an earlier clause (", adding
// that…", "…and said…"): the subject is the clause's, and the earlier
// content ends where this one begins.
func (a *analyzer) continuedCue(at *attrib, t0, t1, k, p, first, fl int, gerund bool) {
	d := a.d
	// ", adding that…", "…and said…": the subject is the clause's.
	at.sp = whosaid.Speaker{Kind: whosaid.KindUnknown}
	for i := len(a.atts) - 1; i >= first; i-- {
		if a.atts[i].sp.Kind != whosaid.KindUnknown {
			at.sp = a.atts[i].sp
			break
		}
	}
	if at.sp.Kind == whosaid.KindUnknown {
		at.sp = a.clauseSubject(t0, p)
	}
	// The earlier content ends at the comma, or after the closing mark
	// of a quote that holds the comma ("a “ridiculous proposition,”
	// adding that…").
	cut := d.Tokens[p].Start
	if a.low[p] != "," {
		cut = d.Tokens[p].End
	}
	for i := first; i < len(a.atts); i++ {
		if a.atts[i].content.End > cut && a.atts[i].content.Start < cut {
			a.atts[i].content.End = a.trimEnd(a.atts[i].content.Start, cut)
		}
	}
	a.preposedContent(at, k, t1)
	// A participle of saying carries its own content (", saying he
	// was…"); one of stance or naming only does with "that"
	// (", calling the savings “unavoidable”" leaves the quote alone).
	if gerund && !at.that && fl&(cueWeak|cueObject) != 0 {
		at.flags &^= cueClaim
	}
}

// according records "according to X": the source is X with "data compiled
// by", "figures" and the like dropped; the content is the clause before or
// after it.
func (a *analyzer) according(s, t0, t1, k, first int) {
	d := a.d
	b := k + 2
	e := b
	for e < t1 && !a.inQ[e] && a.low[e] != "," && a.low[e] != "." && a.low[e] != ";" {
		e++
	}
	if e == t1 && e > b && a.low[e-1] == "." {
		e--
	}
	// "data compiled by Bloomberg", "a statement from the group".
	for x := e - 1; x > b; x-- {
		if a.low[x] == "by" || a.low[x] == "from" {
			b = x + 1
			break
		}
	}
	for b < e && (determiners[a.low[b]] || isNumber(a.low[b]) || a.low[b] == "latest" || a.low[b] == "official" || a.low[b] == "new") {
		b++
	}
	ne := e
	for ne > b && (accordingSkip[a.low[ne-1]] || a.low[ne-1] == "latest" || a.low[ne-1] == "own" || a.low[ne-1] == "preliminary") {
		ne--
	}
	if ne > b && (strings.HasSuffix(a.low[ne-1], "’s") || strings.HasSuffix(a.low[ne-1], "'s")) && ne < e {
		// "the directorate’s latest forecast": the owner is the source.
		if sp := a.possessiveSource(b, ne); sp.Kind != whosaid.KindUnknown {
			a.addAccording(s, t0, t1, k, e, first, sp)
			return
		}
	}
	if ne <= b {
		// "according to the results": the document is all there is.
		ne = e
	}
	if ne <= b {
		return
	}
	// "ship-tracking firm Seatrace Analytics": the name after a role noun.
	for x := b; x < ne-1; x++ {
		if orgRoles[a.low[x]] && a.isCap(x+1) {
			b = x + 1
			break
		}
	}
	sp := a.speakerFromNP(b, ne)
	if sp.Kind == whosaid.KindUnknown && b < ne && !a.isCap(b) && (orgRoles[a.low[ne-1]] || a.low[ne-1] == "statement") {
		sp, _ = a.resolveOrgRole(a.low[ne-1], d.Tokens[b].Start)
	}
	if sp.Name == "" {
		return
	}
	a.addAccording(s, t0, t1, k, e, first, sp)
}

// possessiveSource resolves the owner in "the directorate’s forecast"
// (tokens [b,ne), the last one possessive).
func (a *analyzer) possessiveSource(b, ne int) whosaid.Speaker {
	last := a.low[ne-1]
	stem := strings.TrimSuffix(strings.TrimSuffix(last, "’s"), "'s")
	if !a.isCap(ne-1) && (orgRoles[stem] || orgWords[stem]) {
		if sp, ok := a.resolveOrgRole(stem, a.d.Tokens[b].Start); ok {
			return sp
		}
	}
	if a.isCap(ne - 1) {
		if sp := a.speakerFromNP(b, ne); sp.Kind != whosaid.KindUnknown {
			sp.Name = strings.TrimSuffix(strings.TrimSuffix(sp.Name, "’s"), "'s")
			return sp
		}
	}
	return whosaid.Speaker{Kind: whosaid.KindUnknown}
}

// addAccording records an "according to" attribution with source sp; e is
// the end of the source phrase.
func (a *analyzer) addAccording(s, t0, t1, k, e, first int, sp whosaid.Speaker) {
	d := a.d
	at := attrib{sent: s, cueTok: k, cue: "according to", flags: cueClaim, sp: sp}
	if k == t0 || k > t0 && (a.low[k-1] == "," && k-1 == t0) {
		// "According to X, CLAUSE."
		j := e
		for j < t1 && a.low[j] == "," {
			j++
		}
		if j >= t1 {
			return
		}
		at.content = text.Span{Start: d.Tokens[j].Start, End: a.trimEnd(d.Tokens[j].Start, a.contentEnd(j, t1))}
	} else {
		p := k - 1
		for p > t0 && a.low[p] == "," {
			p--
		}
		at.post = true
		at.content = a.postContent(t0, p+1, first)
	}
	a.addFocus(d.Tokens[k].Start, at.sp, a.d.Text[d.Tokens[k].Start:d.Tokens[max(e-1, k)].End])
	at.claim = a.isClaim(&at)
	a.atts = append(a.atts, at)
}

// isClaim reports whether an attribution makes a claim: a known speaker, a
// verb that takes a clause, and content that is more than a direct quote.
func (a *analyzer) isClaim(at *attrib) bool {
	// The object of a verb of judging may be a single name ("endorsed
	// Cruz"); other content is a clause of some length.
	minLen, minWords := 8, 2
	if at.flags&cueObject != 0 {
		minLen, minWords = 3, 1
	}
	if at.sp.Kind == whosaid.KindUnknown || at.content.End-at.content.Start < minLen {
		return false
	}
	c := at.content
	t := a.d.Text
	switch {
	case at.flags&cueAsk != 0:
		// A question is content only when it is one: "asked whether…".
		if !questionWords[a.low[a.tokAt(c.Start)]] {
			return false
		}
	case at.flags&cueClaim == 0 && !(at.flags&cueThat != 0 && (at.that || at.post)):
		return false
	case at.flags&cueEvidence != 0 && !at.that && !a.docSubject(at):
		// "police found the body" reports nothing; "the poll found…" does.
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[c.Start:])
	if text.IsQuoteMark(r) && a.quoteSpanning(c) {
		return false
	}
	// Words outside the quotes of the content.
	words := 0
	for k := a.tokAt(c.Start); k < len(a.d.Tokens) && a.d.Tokens[k].End <= c.End; k++ {
		if !a.inQ[k] && a.isWordTok(k) {
			words++
		}
	}
	return words >= minWords
}

// docSubject reports whether the speaker of at is an organization, a
// document or poll, or a share of people: the subjects for which verbs of
// showing and finding report a claim ("police found the car abandoned"
// reports none).
func (a *analyzer) docSubject(at *attrib) bool {
	if at.sp.Kind == whosaid.KindOrganization {
		return true
	}
	m := at.sp.Mention
	if m == nil {
		return false
	}
	k := a.tokAt(m.End) - 1
	if k < 0 {
		return false
	}
	return docNouns[a.low[k]] || quantityWords[a.low[k]]
}

// quoteSpanning reports whether a quote opens at the start of c and runs to
// (about) its end, so that c is a direct quotation and no claim.
func (a *analyzer) quoteSpanning(c text.Span) bool {
	for _, q := range a.qs {
		if q.Open == c.Start {
			rest := strings.TrimSpace(a.d.Text[min(q.Close+1, c.End):c.End])
			return wordCount(rest, 2) < 2
		}
	}
	return false
}

// claims turns the attributions that make claims into Claims.
func (a *analyzer) claims() []whosaid.Claim {
	var out []whosaid.Claim
	t := a.d.Text
	for _, at := range a.atts {
		if !at.claim {
			continue
		}
		c := at.content
		sent := ""
		if at.sent >= 0 {
			sent = t[a.d.Sentences[at.sent].Start:a.d.Sentences[at.sent].End]
		}
		sp := at.sp
		if sp.Kind == "" {
			sp.Kind = whosaid.KindUnknown // a cue with no subject at all; the contract says unknown
		}
		out = append(out, whosaid.Claim{Text: t[c.Start:c.End], Start: c.Start, End: c.End, Cue: at.cue, Speaker: sp, Sentence: sent})
	}
	return out
}

// coordinators join a second report to the first one of a sentence: ", and
// Devine responded: “I guess so.”", ", to which O’Malley interjected".
var coordinators = map[string]bool{"and": true, "but": true, "while": true, "whereas": true, "which": true}

// cutCoordinated ends the content of an earlier attribution of the sentence
// at the comma before a coordinated clause whose subject, at token nb,
// reports something of its own: what the second speaker said is not part of
// what the first one did, and PolNeAR gives each report its own content.
// With quoted set, the second cue is followed by its quotation ("…, a man
// yelled “Stay there!”"), and a comma alone before the subject is enough.
func (a *analyzer) cutCoordinated(nb, first int, quoted bool) {
	if quoted && nb >= 1 && a.low[nb-1] == "," && !a.inQ[nb-1] {
		a.cutAt(a.d.Tokens[nb-1].Start, first)
		return
	}
	j := nb
	if j < len(a.low) && coordinators[a.low[j]] {
		j++
	}
	// The connective is the subject's first word or one of the two before it
	// ("and", "to which"); a comma must precede it.
	c := -1
	for b := j - 1; b >= 1 && b >= nb-2; b-- {
		if coordinators[a.low[b]] && !a.inQ[b] {
			if a.low[b-1] == "," {
				c = b - 1
			} else if b >= 2 && a.low[b-1] == "to" && a.low[b-2] == "," {
				c = b - 2
			}
			break
		}
	}
	if c < 0 {
		return
	}
	a.cutAt(a.d.Tokens[c].Start, first)
}

// cutAt ends every content of the sentence's attributions (from index first)
// that runs across the byte offset cut.
func (a *analyzer) cutAt(cut, first int) {
	for i := first; i < len(a.atts); i++ {
		if at := &a.atts[i]; at.content.Start < cut && at.content.End > cut {
			at.content.End = a.trimEnd(at.content.Start, cut)
		}
	}
}

// quoteNext reports whether the cue at token k is followed by an opening
// quotation mark, right away or after a comma or colon ("chanted, “Lock her
// up!”", "responded: “I guess so.”").
func (a *analyzer) quoteNext(k, t1 int) bool {
	j := k + 1
	if j < t1 && (a.low[j] == "," || a.low[j] == ":") {
		j++
	}
	if j >= t1 {
		return false
	}
	off := a.d.Tokens[j].Start
	for _, q := range a.qs {
		if q.Open == off {
			return true
		}
		if q.Open > off {
			break
		}
	}
	return false
}

// closesWithComma reports whether token p is a closing quotation mark right
// after a comma inside the quote, the American placement of the comma that
// ends a clause ("a “ridiculous proposition,” adding that…").
func (a *analyzer) closesWithComma(p int) bool {
	st := a.d.Tokens[p].Start
	return a.isCloseMark(p) && st > 0 && a.d.Text[st-1] == ','
}
