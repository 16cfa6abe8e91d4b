package speech

// Subjects and clause edges of reported speech: who the subject of a cue is
// (a name, an apposition, a relative pronoun's antecedent), and where the
// clause around a cue begins and ends. Split from claims.go, which finds the
// attributions themselves.

import (
	"strings"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// relativeSubject resolves the relative pronoun at token p to the noun
// phrase just before it ("a voter, who"), back to its determiner or to the
// start of a name. The mention runs from that phrase to the pronoun, so it
// names both the antecedent and the word that stands for it.
func (a *analyzer) relativeSubject(t0, p int) whosaid.Speaker {
	end := p
	if a.low[p-1] == "," {
		end = p - 1
	}
	b := end - 1
	for x := end - 1; x >= t0 && x > end-7; x-- {
		w := a.low[x]
		if w == "," || a.inQ[x] || cueWords[w] != 0 && !a.isCap(x) {
			break
		}
		b = x
		if determiners[w] && w != "of" || pronouns[w] {
			break
		}
	}
	sp := whosaid.Speaker{Kind: whosaid.KindUnknown}
	if b >= t0 && b < end {
		sp = a.speakerFromNP(b, end)
		if sp.Kind == whosaid.KindUnknown && a.isWordTok(end-1) {
			sp = whosaid.Speaker{Name: a.descriptor(b, end-1), Kind: whosaid.KindAnonymous}
		}
	} else {
		b = p
	}
	st := a.d.Tokens[b].Start
	sp.Mention = &whosaid.Mention{Text: a.d.Text[st:a.d.Tokens[p].End], Start: st, End: a.d.Tokens[p].End}
	return sp
}

// continuesClause reports whether token j, right after ", he said,", goes
// on with the interrupted clause (a lower-case verb or adverb) rather than
// opening an addition of the writer's own (", adding", ", who", ", and").
func (a *analyzer) continuesClause(j int) bool {
	w := a.low[j]
	if a.inQ[j] || !a.isWordTok(j) || a.isCap(j) || a.is(j, wcGerundEnd|wcRelStart) || a.cueOf(j) != 0 {
		return false
	}
	switch w {
	case "and", "but", "while", "though", "although", "according", "as", "because", "so", "which", "who", "in", "on", "at", "after", "before":
		return false
	}
	return true
}

// quotedBefore reports whether the subject at nb follows a closing
// quotation mark ("“…,” he said, just prior to…"): the quote is the whole
// content then, and what follows the cue is the writer's.
func (a *analyzer) quotedBefore(nb int) bool {
	b := nb - 1
	for b >= 0 && a.low[b] == "," {
		b--
	}
	return b >= 0 && a.isCloseMark(b)
}

// clauseAfter reports whether the cue at k is followed by a clause of its
// own ("said she turned out…") rather than by its inverted subject ("said
// Paulo Matsinhe"): a subject pronoun and another word.
func (a *analyzer) clauseAfter(k, t1 int) bool {
	return k+2 < t1 && !a.inQ[k+1] && (pronouns[a.low[k+1]] && a.low[k+1] != "it" || a.low[k+1] == "the" && a.isWordTok(k+2) && !a.isCap(k+2) && k+3 < t1 && cueWords[a.low[k+3]] == 0 && !anonNouns[a.low[k+2]] && !personRoles[a.low[k+2]] && !orgRoles[a.low[k+2]]) && a.isWordTok(k+2)
}

// insideContent reports whether off lies in the content of an earlier
// attribution of the same sentence.
func (a *analyzer) insideContent(off, first int) bool {
	for i := first; i < len(a.atts); i++ {
		if c := a.atts[i].content; c.Start <= off && off < c.End {
			return true
		}
	}
	return false
}

// nameSegmentBefore returns the start of the comma segment ending at the
// comma p when it is a name set off by commas after a noun phrase ("Its
// chairman, Pieter Jansen, said"), or -1.
func (a *analyzer) nameSegmentBefore(t0, p int) int {
	b := p
	for b > t0 && a.low[b-1] != "," && !a.inQ[b-1] {
		b--
	}
	if b >= p || b <= t0 || a.low[b-1] != "," || !a.nameLike(b, p) || !a.isCap(p-1) {
		return -1
	}
	ps := b - 1
	for ps > t0 && a.low[ps-1] != "," && !a.inQ[ps-1] {
		ps--
	}
	// The segment before must be a short noun phrase opening the clause.
	if ps != t0 || b-1-ps > 6 || !(determiners[a.low[ps]] || strings.HasSuffix(a.low[ps], "’s") || strings.HasSuffix(a.low[ps], "'s")) {
		return -1
	}
	return b
}

// appositionBefore reports whether the comma segment ending at the comma p
// is an apposition or relative clause ("58", "who hosted the talks",
// "visiting wounded soldiers", "the company's chief officer" after a name).
func (a *analyzer) appositionBefore(t0, p int) bool {
	b := p
	for b > t0 && a.low[b-1] != "," && !a.inQ[b-1] {
		b--
	}
	if b >= p || b <= t0 || a.low[b-1] != "," {
		return false
	}
	w := a.low[b]
	if relativeStarts[w] || isNumber(w) && p-b == 1 || strings.HasSuffix(w, "ing") && !a.isCap(b) {
		return true
	}
	if a.nameLike(b, p) && a.appositionStartBefore(t0, b) {
		return true
	}
	if (determiners[w] || !a.isCap(b)) && !pronouns[w] {
		ps := b - 1
		for ps > t0 && a.low[ps-1] != "," && !a.inQ[ps-1] {
			ps--
		}
		// "Marley Anderson, 21, a junior…": step back over the age.
		if ps == b-2 && isNumber(a.low[ps]) && ps > t0 && a.low[ps-1] == "," {
			pe := ps - 1
			ps = pe
			for ps > t0 && a.low[ps-1] != "," && !a.inQ[ps-1] {
				ps--
			}
			return ps < pe && a.nameLike(ps, pe)
		}
		return ps < b-1 && a.nameLike(ps, b-1)
	}
	return false
}

// appositionStartBefore reports whether the comma segment that ends just
// before token b (at the comma b-1) opens an apposition: "based in Austin"
// before ", Texas".
func (a *analyzer) appositionStartBefore(t0, b int) bool {
	if b-1 <= t0 || a.low[b-1] != "," {
		return false
	}
	s := b - 1
	for s > t0 && a.low[s-1] != "," && !a.inQ[s-1] {
		s--
	}
	if s >= b-1 || s <= t0 {
		return false // a sentence-initial phrase is an introduction
	}
	w := a.low[s]
	return relativeStarts[w] || strings.HasSuffix(w, "ing") && !a.isCap(s)
}

// isCloseMark reports whether token k is a quotation mark that closes a quote.
func (a *analyzer) isCloseMark(k int) bool {
	if k < 0 || k >= len(a.d.Tokens) {
		return false
	}
	off := a.d.Tokens[k].Start
	for _, q := range a.qs {
		if q.Close == off {
			return true
		}
		if q.Close > off {
			break
		}
	}
	return false
}

// coversQuote reports whether span c overlaps any quote.
func (a *analyzer) coversQuote(c text.Span) bool {
	for _, q := range a.qs {
		if q.Start < c.End && q.End > c.Start {
			return true
		}
	}
	return false
}

// subjectBefore finds the subject of the cue at k in tokens [t0,e): it walks
// back over comma-separated segments, skipping appositions and relative
// clauses ("Kim, who is not related…, said"), and tells whether the cue
// follows its content ("…, the official said") or precedes it.
func (a *analyzer) subjectBefore(t0, e, k, t1 int) (nb int, post bool) {
	segEnd := e
	var chosen = -1
	for iter := 0; iter < 5; iter++ {
		b := segEnd
		for b > t0 && a.low[b-1] != "," && a.low[b-1] != ";" && a.low[b-1] != ":" && !(a.inQ[b-1]) && a.low[b-1] != "that" {
			b--
		}
		if b == segEnd {
			return -1, false
		}
		if segEnd-b > 14 {
			// Too long for a subject: the cue is inside a longer clause
			// ("…said the company had found that…" is handled by its own cue).
			b = segEnd - 1
			for b > t0 && (a.isCap(b-1) || a.low[b-1] == "the") && segEnd-b < 6 {
				b--
			}
		}
		w := a.low[b]
		if (w == "which" || w == "who" || w == "whom") && b+1 < segEnd && (a.is(b+1, wcPronoun|wcDeterminer) || a.isCap(b+1)) {
			// "…bodies, which he called “a cartel”", "…, which an FBI
			// investigation said was…": the relative word is the object of
			// the report; its own subject follows it.
			return b + 1, false
		}
		// A lone number is an age ("Ortega, 58, told"); "47 percent" is a subject.
		apposition := b > t0 && (a.is(b, wcRelStart) || isNumber(w) && segEnd-b == 1 || strings.HasSuffix(w, "ing") && !a.isCap(b) && w != "something")
		if !apposition && a.nameLike(b, segEnd) && a.appositionStartBefore(t0, b) {
			// "Quillon, based in Austin, Texas, said": "Texas" ends the
			// apposition, it is not the subject.
			apposition = true
		}
		if !apposition && (determiners[w] || !a.isCap(b)) && b > t0 && a.low[b-1] == "," {
			// "X, the company's chief officer, said": apposition when the
			// segment before is a name.
			pb := b - 1
			ps := pb
			for ps > t0 && a.low[ps-1] != "," && !a.inQ[ps-1] {
				ps--
			}
			if ps < pb && a.nameLike(ps, pb) && !pronouns[a.low[b]] && !introWords[a.low[ps]] {
				apposition = true
			}
		}
		if !apposition {
			chosen = b
			break
		}
		if b <= t0 || a.low[b-1] != "," {
			return -1, false
		}
		segEnd = b - 1
	}
	if chosen < 0 {
		return -1, false
	}
	nb = chosen
	// Content before: a clause ending in a comma or a closing quote.
	before := nb - 1
	if before < t0 {
		return nb, false
	}
	if a.isCloseMark(before) || a.low[before] == "," && before > t0 && a.isCloseMark(before-1) {
		return nb, true
	}
	if a.low[before] != "," {
		return nb, false
	}
	if introWords[a.low[t0]] && !a.isCap(t0+1) || a.low[t0] == "asked" || a.low[t0] == "in" || a.low[t0] == "speaking" {
		return nb, false
	}
	if before-t0 < 2 {
		return nb, false
	}
	// What follows the cue decides: nothing but adverbials means the content
	// came before; a clause, "that", a colon or a quote mean it comes after.
	return nb, a.afterEmpty(k, t1)
}

// openAt returns the offset of the opening mark of the quote holding token j.
func (a *analyzer) openAt(j int) int {
	off := a.d.Tokens[j].Start
	for _, q := range a.qs {
		if q.Open <= off && off <= q.Close {
			return q.Open
		}
	}
	return -1
}

// nameLike reports whether tokens [b,e) look like a name with no verb:
// capitalised words, particles and commas only ("The Global Fund to Fight
// AIDS, Tuberculosis and Malaria", "Ruth Albrecht").
func (a *analyzer) nameLike(b, e int) bool {
	if e-b > 10 || e <= b {
		return false
	}
	caps := 0
	for j := b; j < e; j++ {
		w := a.low[j]
		switch {
		case a.isCap(j):
			caps++
		case nameParticles[w] || orgParticles[w] || w == "," || w == "." || w == "(" || w == ")" || w == "-":
		default:
			return false
		}
	}
	return caps > 0
}

// clauseSubject returns the speaker named at the start of the clause
// [t0,e): "The Bank of Japan raised …, and said…".
func (a *analyzer) clauseSubject(t0, e int) whosaid.Speaker {
	b := t0
	// Skip an introductory phrase ending in a comma.
	if introWords[a.low[b]] {
		for x := b; x < e; x++ {
			if a.low[x] == "," {
				b = x + 1
				break
			}
		}
	}
	x := b
	for x < e && (a.isCap(x) || a.low[x] == "the" || a.low[x] == "a" || nameParticles[a.low[x]] || orgParticles[a.low[x]] || a.d.Tok(x) == "+" || a.d.Tok(x) == ".") {
		x++
	}
	if x < e && (anonNouns[a.low[x]] || orgRoles[a.low[x]]) {
		x++
	}
	if x == b {
		if pronouns[a.low[b]] {
			return a.speakerFromNP(b, b+1)
		}
		return whosaid.Speaker{Kind: whosaid.KindUnknown}
	}
	return a.speakerFromNP(b, x)
}
