package money

import (
	"strings"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file reads what the clause around an amount says of it: whether the
// amount is wanted, allowed or required (an intention), only guessed (an
// estimate) or already happened (the past). A bound ("up to", "at least",
// "below") or a deadline ("by 2030", "within five years") makes a target
// only of an amount that is still to come: "may give up to $2,900" is a
// limit, "rents rose by up to 12 percent" a fact, "could cost up to $300
// million" a guess.

// The moods of the clause before an amount, from the verb nearest to it.
const (
	moodNone int8 = iota
	moodIntent
	moodPermit
	moodCond
	moodEstimate
	moodPast
)

// moodWords are the verbs and modals that settle a clause's mood alone.
var moodWords = map[string]int8{
	"will": moodIntent, "must": moodIntent, "should": moodIntent, "shall": moodIntent,
	"may": moodPermit, "can": moodPermit, "cannot": moodPermit, "would": moodCond,
	"could": moodEstimate, "might": moodEstimate, "estimate": moodEstimate,
	"costing":   moodEstimate,
	"estimates": moodEstimate, "estimated": moodEstimate, "forecast": moodEstimate,
	"was": moodPast, "were": moodPast, "had": moodPast, "rose": moodPast, "fell": moodPast,
	"lost": moodPast, "grew": moodPast, "paid": moodPast, "spent": moodPast, "won": moodPast,
	"made": moodPast, "took": moodPast, "gave": moodPast, "got": moodPast, "saw": moodPast,
	"sold": moodPast, "held": moodPast, "hit": moodPast, "left": moodPast, "came": moodPast,
	"went": moodPast, "brought": moodPast, "bought": moodPast, "fallen": moodPast,
	"risen": moodPast, "grown": moodPast, "shrunk": moodPast, "taken": moodPast, "gone": moodPast,
}

// expectWords before "to" make a forecast of the verb after it ("is
// expected to generate", "expect it to raise").
var expectWords = map[string]bool{"expect": true, "expects": true, "expected": true,
	"expecting": true, "likely": true, "projected": true, "forecast": true, "predicted": true}

// moodSkips say nothing of the amount's mood: reporting verbs, whose
// tense is the telling's ("the minister said it will"), and the forms of
// "be" and "have" before a participle ("will be held", "has been cut").
var moodSkips = map[string]bool{"said": true, "says": true, "told": true, "added": true,
	"noted": true, "stated": true, "announced": true, "be": true, "been": true, "being": true,
	"is": true, "are": true, "has": true, "have": true}

// clauseMood walks back from token k to the clause start (not before lo)
// and at most window tokens, and returns the mood of the nearest word that
// has one and that word's token. "to" before a lower-case word is an
// infinitive of purpose or plan ("wants lenders to hold", "is required to
// pay"), so an intention, unless an expectation governs it ("is expected
// to generate"). "Could" guesses, "may" and "can" permit, and "would" is
// a condition: a plan's aim when a date follows ("would cut the deficit
// to 3 percent by 2021"), a projection over a span or up to a bound
// ("would raise only $1.1 trillion over the next decade", "would add up
// to $1.5 trillion"). An
// "-ed" verb after its subject is the past, and so is a participle after
// "have" ("has fallen"); after "be" it is a passive, whose auxiliary
// decides ("will be capped").
func (a *amountScan) clauseMood(k, lo, window int) (int8, int) {
	var buf [24]byte
	from := k
	for ; k >= lo && k > from-window; k-- {
		t := a.tok(k)
		b := text.Fold(buf[:], t)
		if b == nil || len(b) == 0 {
			continue
		}
		w := string(b)
		if clauseBreaks[w] {
			return moodNone, -1
		}
		if moodSkips[w] {
			continue
		}
		m, ok := moodWords[w]
		if !ok && len(w) >= 5 && strings.HasSuffix(w, "ed") && !text.StartsUpper(t) && !determiners[strings.ToLower(a.tok(k-1))] {
			m, ok = moodPast, true
		}
		if ok && m == moodPast && len(w) > 3 {
			switch strings.ToLower(a.tok(k - 1)) {
			case "be", "been", "being", "is", "are":
				continue // a passive: its auxiliary decides
			case "has", "have", "had":
				return moodPast, k
			}
		}
		if ok {
			return m, k
		}
		if w == "to" && k < from && infinitiveNext(a.tok(k+1)) {
			if expectWords[strings.ToLower(a.tok(k-1))] || expectWords[strings.ToLower(a.tok(k-2))] {
				return moodEstimate, k
			}
			return moodIntent, k
		}
	}
	return moodNone, -1
}

// determiners before an "-ed" word make it an adjective ("the planned
// cut"), not a verb.
var determiners = map[string]bool{"a": true, "an": true, "the": true, "its": true, "their": true,
	"his": true, "her": true, "our": true, "most": true, "many": true, "some": true, "all": true}

// infinitiveNext reports whether t, after "to", can be a verb: a lower-case
// word that is not an article or a possessive ("to hold", not "to the" or
// "to $5 million").
func infinitiveNext(t string) bool {
	if t == "" || !('a' <= t[0] && t[0] <= 'z') {
		return false
	}
	return !determiners[t] && !possessivePronouns[t] && !text.IsDigit(t[0])
}

// boundBefore finds a bound that governs the amount at token start: "up
// to", "no more than", "no less than", "not more than" or "at most" within
// ten words before it in its clause ("pay up to 50 percent of costs and
// $2 million"), or "at least", "below" or "under" right before it. It
// returns the bound's first token, or -1, and whether the bound is an
// upper one, a limit unless the clause reports or guesses, while "at
// least" and "below" need an intention ("must hold at least 10 percent")
// or a deadline.
func (a *amountScan) boundBefore(start, lo int) (int, bool) {
	k := start - 1
	switch {
	case a.is(k-1, "at") && a.is(k, "least"):
		return k - 1, false
	case a.is(k, "below") || a.is(k, "under") || a.is(k, "beneath"):
		return k, false
	}
	var buf [24]byte
	for words := 0; k >= lo && words < 10; k-- {
		t := a.tok(k)
		b := text.Fold(buf[:], t)
		if b == nil {
			continue
		}
		if clauseBreaks[string(b)] {
			break
		}
		if isWordStart(t) || text.IsDigit(t[0]) {
			words++
		}
		switch {
		case a.is(k, "up") && a.is(k+1, "to") && k+2 < len(a.d.Tokens) && a.inDate(a.d.Tokens[k+2].Start):
			return -1, false // "up to mid-September": a time, not a bound
		case a.is(k, "up") && a.is(k+1, "to") && a.is(k-1, "at"):
			return -1, false // "estimated its value at up to $118 million": a valuation
		case a.is(k, "up") && a.is(k+1, "to"), a.is(k, "at") && a.is(k+1, "most"):
			return k, true
		case (a.is(k, "no") || a.is(k, "not")) && comparatives[strings.ToLower(a.tok(k+1))] && a.is(k+2, "than"):
			return k, true
		}
	}
	return -1, false
}

// comparatives after "no" or "not" make a bound: "no more than", "not less
// than", "no higher than".
var comparatives = map[string]bool{"more": true, "less": true, "fewer": true, "higher": true,
	"lower": true, "greater": true}

// spanDeadline reports whether a span to do something in follows the
// amount at token end within the sentence (before token hi): "within five
// years", "within a decade", "over the next three years", "in the coming
// months". Such a span is a deadline like "by 2030" without naming a date.
func (a *amountScan) spanDeadline(end, hi int) bool {
	for k := end; k < hi && k < end+6; k++ {
		switch {
		case a.is(k, "within"):
			return a.spanUnit(k+1, hi)
		case (a.is(k, "over") || a.is(k, "in")) && a.is(k+1, "the") && (a.is(k+2, "next") || a.is(k+2, "coming")):
			return a.spanUnit(k+3, hi)
		}
	}
	return false
}

// spanUnit reads an optional count ("five", "3", "a") and a time unit at
// token k.
func (a *amountScan) spanUnit(k, hi int) bool {
	t := a.tok(k)
	if _, ok := text.WordNumber(t); ok || t != "" && text.IsDigit(t[0]) || a.is(k, "a") || a.is(k, "an") || a.is(k, "the") {
		k++
	}
	if k >= hi {
		return false
	}
	switch strings.ToLower(a.tok(k)) {
	case "year", "years", "decade", "decades", "month", "months", "week", "weeks", "days":
		return true
	}
	return false
}
