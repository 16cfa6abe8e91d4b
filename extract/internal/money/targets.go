package money

import (
	"strings"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file decides whether an amount is a target: a goal, pledge, cap,
// limit, threshold or demand. News states these with a handful of words
// near the number ("a goal of 2 percent", "pledged $10 billion", "limits
// the deficit to 0.35%", "the 2 percent spending threshold"), so the test is
// lexical: a cue shortly before the amount in the same clause, or a target
// noun right after it.

// targetCues before an amount. Economic nouns that share a spelling with a
// cue ("demand" for oil, "market cap") are left out or checked.
var targetCues = map[string]bool{
	"target": true, "targets": true, "targeted": true, "targeting": true, "targeting.": true,
	"goal": true, "goals": true, "aim": true, "aims": true, "aimed": true, "aiming": true,
	"objective": true, "pledge": true, "pledges": true, "pledged": true, "pledging": true,
	"promise": true, "promised": true, "promises": true, "promising": true, "vow": true,
	"vowed": true, "vows": true, "commit": true, "commits": true, "committed": true,
	"commitment": true, "commitments": true, "cap": true, "caps": true, "capped": true,
	"capping": true, "limit": true, "limits": true, "limiting": true, "ceiling": true,
	"threshold": true, "demands": true, "demanded": true, "demanding": true, "appeal": true,
	"appeals": true, "appealed": true, "appealing": true, "must": true, "quota": true,
	"maximum": true, "minimum": true, "seeks": true, "seeking": true, "sought": true,
	"requested": true, "requesting": true, "request": true, "urge": true, "urged": true,
	"urges": true, "urging": true,
}

// targetNouns after an amount: "the 2% target", "a 2 percent spending
// threshold".
var targetNouns = map[string]bool{
	"target": true, "targets": true, "goal": true, "goals": true, "threshold": true, "cap": true,
	"limit": true, "ceiling": true, "floor": true, "pledge": true, "commitment": true, "objective": true,
	"minimum": true, "maximum": true,
}

// changeVerbs make "to X by <date>" a target: "cutting the deficit to 1
// percent of GDP by 2027".
var changeVerbs = []string{"cut", "reduc", "rais", "lower", "increas", "boost", "bring", "lift",
	"slash", "hik", "doubl", "halv", "tripl", "grow", "expand", "reach", "trim", "shed", "sav", "fall",
	"decreas", "sell", "spend", "invest", "mobilis", "mobiliz", "generat"}

// clauseBreaks stop the look-back: a cue before them governs another clause.
var clauseBreaks = map[string]bool{"which": true, "while": true, "but": true, "whereas": true,
	"although": true, "though": true, "however": true, "because": true, ";": true, ":": true,
	"—": true, "–": true, "(": true}

// target decides whether the amount at tokens [start, end) is a target and
// returns its deadline and holder when the text gives them. endOff is the
// byte offset where the amount's text ends.
func (a *amountScan) target(start, end, endOff int) (bool, string, string) {
	lo, hi := a.sentenceRange(start)
	deadline := a.deadline(endOff, hi)
	due := deadline != "" || a.spanDeadline(end, hi)
	is, holderAt := a.cueBefore(start, lo, deadline)
	if b, upper := a.boundBefore(start, lo); !is && b >= 0 {
		// A bound decides by the mood of the verb it qualifies: "may give
		// up to", not "rose by up to"; "must hold at least", not "can
		// cost at least" nor "caused at least".
		switch m, _ := a.clauseMood(b-1, lo, boundWindow); {
		case m == moodIntent || upper && (m == moodNone || m == moodPermit):
			return true, deadline, a.holder(start, b, lo)
		case m != moodNone:
			return false, "", ""
		}
	}
	if m, at := a.clauseMood(start-1, lo, 12); !is && due && (m == moodIntent || m == moodCond && deadline != "") && a.changeVerbIn(at, start) {
		is, holderAt = true, at // "wants to cut traffic by 30 percent by 2030", "plans to shed $1 billion over the next three years"
	}
	if !is {
		is, holderAt = a.targetSubject(lo, start)
	}
	if !is {
		is = a.nounAfter(end, hi) || a.enoughAfter(end, hi)
	}
	if !is {
		return false, "", ""
	}
	return true, deadline, a.holder(start, holderAt, lo)
}

// cueBefore looks back from the amount at token start, within its clause
// and ten words, for a word that makes it a target ("pledged", "a cap
// of", "calls for"); it returns the cue's token, from which the holder
// is read. A cue followed by a comma governs its own clause, not the
// amount ("exceeded its limit, lending $4 billion more").
func (a *amountScan) cueBefore(start, lo int, deadline string) (bool, int) {
	var buf [24]byte
	words := 0
	for k := start - 1; k >= lo && words < 10; k-- {
		t := a.tok(k)
		b := text.Fold(buf[:], t)
		if b == nil {
			continue
		}
		w := string(b)
		if clauseBreaks[w] {
			break
		}
		if isWordStart(t) || text.IsDigit(t[0]) {
			words++
		}
		if targetCues[w] && !(w == "cap" && a.is(k-1, "market")) {
			// A cue followed by a comma governs its own clause; a capital
			// inside the sentence makes it a name ("Targeted Victory",
			// "Keep the Promise"); "targeted by" is "aimed at".
			if a.is(k+1, ",") && k+1 < start-1 || k > lo && text.StartsUpper(t) || w == "targeted" && a.is(k+1, "by") || a.attackTarget(k) {
				continue
			}
			return true, k
		}
		if (w == "need" || w == "needs") && (a.is(k+1, "to") || k == start-1 && a.purposeAfter(start)) {
			return true, k // "would need to win 55 percent of the delegates", "need 15 percent in the polls to qualify": a threshold
		}
		if (w == "have" || w == "has" || w == "had") && a.is(k+1, "to") && a.attainAfter(k+2) {
			return true, k // "he'd have to earn 15 percent in the polls", "all he has to do is win 91 percent"
		}
		if (w == "if" || w == "unless") && start-k <= 7 && a.conditionVerb(w, start) {
			return true, k // "would consider running if he could earn 15 percent of the vote", "won't debate unless they pay me $5 million"
		}
		if planWords[w] && a.is(k+1, "to") && a.planObject(k+2, start) {
			return true, k // "her plan to sink $30 billion into Appalachia", "a campaign to raise $5,000"
		}
		if (w == "calls" || w == "called" || w == "call" || w == "asked" || w == "asking") && a.is(k+1, "for") {
			return true, k
		}
		if deadline != "" && a.is(start-1, "to") && k < start-1 && isChangeVerb(w) && !strings.HasSuffix(w, "ed") {
			return true, k // "cutting the deficit to 1 percent of GDP by 2027"
		}
	}
	return false, -1
}

// planWords before "to" and a verb make the amount the plan's aim.
var planWords = map[string]bool{"plan": true, "plans": true, "planned": true, "planning": true,
	"proposal": true, "proposes": true, "proposed": true, "campaign": true, "effort": true, "drive": true, "bid": true}

// planVerbs, after a plan's "to", take the amount as their object.
var planVerbs = map[string]bool{"sink": true, "give": true, "spend": true, "raise": true, "provide": true,
	"put": true, "pour": true, "invest": true, "return": true, "cut": true, "reduce": true, "save": true}

// planObject reports whether token k is a verb of planVerbs whose object
// is the amount at token start, right after it or after a particle or an
// opening quotation mark ("to give away 99 percent", "to spend “a
// million dollars”"), not a noun the amount qualifies ("to open a $1.6
// billion plant").
func (a *amountScan) planObject(k, start int) bool {
	if !planVerbs[strings.ToLower(a.tok(k))] {
		return false
	}
	for j := k + 1; j < start; j++ {
		switch t := a.tok(j); t {
		case "away", "out", "back", "“", "\"", "‘":
		default:
			return false
		}
	}
	return true
}

// attainVerbs are what a threshold asks of its holder: to win or reach a
// share.
var attainVerbs = map[string]bool{"win": true, "earn": true, "get": true, "reach": true,
	"hit": true, "receive": true, "capture": true, "secure": true, "garner": true, "take": true}

// conditionVerb reports whether the verb before the amount at token start
// makes it the condition after "if" or "unless": winning a share, or
// after "unless" being paid a sum (a demand). An indirect object may
// stand between ("unless they pay me $5 million").
func (a *amountScan) conditionVerb(cond string, start int) bool {
	v := strings.ToLower(a.tok(start - 1))
	if attainVerbs[v] {
		return true
	}
	if cond != "unless" {
		return false
	}
	switch v {
	case "me", "him", "her", "us", "them":
		v = strings.ToLower(a.tok(start - 2))
	}
	return v == "pay" || v == "paid" || v == "pays" || v == "given"
}

// attainAfter reports whether a verb of attaining stands at token k, or
// after "do is" there ("all he has to do is win").
func (a *amountScan) attainAfter(k int) bool {
	if a.is(k, "do") && a.is(k+1, "is") {
		k += 2
	}
	return attainVerbs[strings.ToLower(a.tok(k))]
}

// nounAfter reports whether a target noun follows the amount, right after
// it or after a word or two that qualify it ("the 2% target", "a 2
// percent spending floor"); a function word ends the search ("40 percent
// since the pledge").
func (a *amountScan) nounAfter(end, hi int) bool {
	var buf [24]byte
	for k, words := end, 0; k < hi && words < 3; k++ {
		t := a.tok(k)
		if !isWordStart(t) {
			return false
		}
		words++
		b := text.Fold(buf[:], t)
		if b == nil {
			continue
		}
		if targetNouns[string(b)] {
			return true
		}
		if string(b) == "per" {
			k++ // a rate qualifies the amount: "$149 per tonne floor price"
			continue
		}
		if baseStops[string(b)] || determiners[string(b)] || string(b) == "of" {
			return false
		}
	}
	return false
}

// repeatTargets marks as a target every later mention of a sum already
// stated as one: once a story says "pledged $10 billion", "$10 billion
// over five years is a drop in the ocean" is the same pledge. Holder and
// deadline carry over when the later mention gives none.
func repeatTargets(out []whosaid.Amount) {
	for i := range out {
		if !out[i].Target || out[i].Kind != whosaid.Money {
			continue
		}
		for j := i + 1; j < len(out); j++ {
			b := &out[j]
			if b.Target || b.Unit != out[i].Unit || b.Value != out[i].Value {
				continue
			}
			b.Target = true
			if b.Holder == "" {
				b.Holder = out[i].Holder
			}
			if b.Deadline == "" {
				b.Deadline = out[i].Deadline
			}
		}
	}
}

// boundWindow is how many tokens before a bound its verb may stand:
// "must hold at least", "is required to pay out at least".
const boundWindow = 4

// changeVerbIn reports whether a verb that moves a quantity stands in
// tokens [from, to).
func (a *amountScan) changeVerbIn(from, to int) bool {
	var buf [24]byte
	for k := from; k >= 0 && k < to; k++ {
		if b := text.Fold(buf[:], a.tok(k)); b != nil && isChangeVerb(string(b)) {
			return true
		}
	}
	return false
}

// sameSum marks as a target an amount that restates the target just
// before it in another currency or unit: "up to 130 billion euros, about
// $148 billion", "€100 million ($110 million)".
func sameSum(src string, out []whosaid.Amount) {
	for i := 1; i < len(out); i++ {
		p, b := &out[i-1], &out[i]
		if !p.Target || b.Target || b.Start < p.End || b.Start-p.End > 12 {
			continue
		}
		gap := strings.TrimSpace(strings.Trim(src[p.End:b.Start], ",( "))
		switch strings.ToLower(gap) {
		case "", "about", "around", "roughly", "some", "nearly", "almost", "or", "or about", "worth":
			b.Target = true
			b.Holder, b.Deadline = p.Holder, p.Deadline
		}
	}
}

// listTargets marks as targets the amounts that go on a list begun by a
// target, each after a name that stands for the elided verb: "Trump must
// win 53 percent of the remaining delegates, Cruz 59 percent, Rubio 68
// percent, and Kasich 76 percent".
func listTargets(src string, out []whosaid.Amount) {
	for i := 1; i < len(out); i++ {
		p, b := &out[i-1], &out[i]
		if !p.Target || b.Target || b.Kind != p.Kind || b.Start < p.End || b.Start-p.End > 40 {
			continue
		}
		gap := strings.TrimPrefix(strings.TrimSpace(src[p.End:b.Start]), ",")
		gap = strings.TrimSpace(gap)
		gap = strings.TrimPrefix(gap, "and ")
		words := strings.Fields(gap)
		if len(words) == 0 || len(words) > 3 || !strings.HasPrefix(strings.TrimSpace(src[p.End:b.Start]), ",") {
			continue
		}
		name := true
		for _, w := range words {
			name = name && text.StartsUpper(w) && strings.IndexAny(w, ",.;:()") < 0
		}
		if name {
			b.Target = true
			b.Deadline = p.Deadline
		}
	}
}

// isChangeVerb reports whether w is a form of a verb that moves a quantity.
func isChangeVerb(w string) bool {
	for _, v := range changeVerbs {
		if strings.HasPrefix(w, v) {
			return true
		}
	}
	return false
}

// sentenceRange returns the token range of the sentence holding token i.
func (a *amountScan) sentenceRange(i int) (int, int) {
	si := a.d.SentenceAt(a.d.Tokens[i].Start)
	if si < 0 {
		return i, i + 1
	}
	sp := a.d.Sentences[si]
	lo, hi := i, i+1
	for lo > 0 && a.d.Tokens[lo-1].Start >= sp.Start {
		lo--
	}
	for hi < len(a.d.Tokens) && a.d.Tokens[hi].End <= sp.End {
		hi++
	}
	return lo, hi
}

// deadline returns the value of a date introduced by "by", "until" or
// "before" shortly after the amount ("$300 billion a year by 2035").
func (a *amountScan) deadline(endOff, hiTok int) string {
	limit := len(a.d.Text)
	if hiTok < len(a.d.Tokens) {
		limit = a.d.Tokens[hiTok].Start
	}
	for _, d := range a.dates {
		if d.Start < endOff {
			continue
		}
		if d.Start > limit || d.Start-endOff > 40 {
			break
		}
		before := strings.TrimRight(a.d.Text[endOff:d.Start], " ")
		for _, p := range []string{"by", "until", "before", "through", "By", "Until"} {
			if strings.HasSuffix(before, p) && (len(before) == len(p) || before[len(before)-len(p)-1] == ' ') {
				return d.Value
			}
		}
	}
	return ""
}

// holder names whose target it is: the possessive before the amount or the
// cue ("the central bank’s 2% target", "the EU's target of 3%"), or the
// capitalised name right before a cue verb ("Britain pledged £4 million").
func (a *amountScan) holder(start, cue, lo int) string {
	for _, k := range []int{start - 1, cue - 1} {
		if k < lo || k < 0 {
			continue
		}
		if _, n := text.TrimPossessive(a.tok(k)); n > 0 {
			first := k
			for first-1 >= lo && first > k-3 && isWordStart(a.tok(first-1)) && !holderStops[strings.ToLower(a.tok(first-1))] {
				first--
			}
			return a.d.Text[a.d.Tokens[first].Start : a.d.Tokens[k].End-n]
		}
	}
	if cue > lo {
		k := cue - 1
		first := -1
		for k >= lo && text.StartsUpper(a.tok(k)) {
			first = k
			k--
		}
		for first >= 0 && first < cue-1 && holderStops[strings.ToLower(a.tok(first))] {
			first++ // "The World Health Organization" → "World Health Organization"
		}
		if first >= 0 && !holderStops[strings.ToLower(a.tok(first))] {
			return a.d.Text[a.d.Tokens[first].Start:a.d.Tokens[cue-1].End]
		}
		if h := a.subjectBefore(cue, lo); h != "" {
			return h
		}
		return a.nounSubject(cue, lo)
	}
	return ""
}

// nounSubject reads a common-noun subject of the clause that holds the cue
// at token cue: "the" at the clause's start (the sentence's, or after its
// last comma) and up to three lower-case words after it, ending before an
// auxiliary, a cue or a verb in "-s" ("the central bank aims", "the union
// is seeking", "the government will cap").
func (a *amountScan) nounSubject(cue, lo int) string {
	s := lo
	for k := cue - 1; k > lo; k-- {
		if t := strings.ToLower(a.tok(k)); t == "," || reportingWords[t] || clauseBreaks[t] {
			s = k + 1
			break
		}
	}
	if !a.is(s, "the") {
		return ""
	}
	var buf [24]byte
	for k := s + 1; k <= cue && k <= s+4; k++ {
		t := a.tok(k)
		b := text.Fold(buf[:], t)
		if b == nil || !isWordStart(t) || text.StartsUpper(t) || determiners[string(b)] {
			return ""
		}
		w := string(b)
		if moodSkips[w] || targetCues[w] || moodWords[w] != moodNone || k > s+1 && a.verbInS(k) {
			if k == s+1 || k == cue && !verbForm(w) && moodWords[w] == moodNone && !moodSkips[w] {
				return "" // "the current federal minimum wage": the cue is a noun in the phrase
			}
			return a.d.Text[a.d.Tokens[s+1].Start:a.d.Tokens[k-1].End]
		}
	}
	return "" // no verb ends the phrase within three words: its end is unknown
}

// verbInS reports whether token k is a verb in "-s" rather than a plural
// noun: an object or "to" follows it ("the city wants to", "the bank
// sets the"), where a noun would be followed by its verb ("the three
// lower-basin states must").
func (a *amountScan) verbInS(k int) bool {
	if !strings.HasSuffix(a.tok(k), "s") {
		return false
	}
	n := strings.ToLower(a.tok(k + 1))
	return n == "to" || n == "for" || n == "that" || determiners[n] || possessivePronouns[n] ||
		n != "" && (text.IsDigit(n[0]) || n[0] == '$')
}

// verbForm reports whether w has a verb's inflection: "aims", "pledged",
// "demanding".
func verbForm(w string) bool {
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// subjectBefore finds the name that is the subject of the cue at token
// cue when a few lower-case words stand between them ("The United Nations
// launched a flash appeal", "Georgia law generally limits"): the nearest
// run of capitalised words at most five words back, not past punctuation
// or a reporting verb, whose subject would be someone else's.
func (a *amountScan) subjectBefore(cue, lo int) string {
	for k := cue - 1; k >= lo && k >= cue-6; k-- {
		t := a.tok(k)
		if !isWordStart(t) || reportingWords[strings.ToLower(t)] {
			return ""
		}
		if !text.StartsUpper(t) {
			continue
		}
		last, first := k, k
		for first-1 >= lo && text.StartsUpper(a.tok(first-1)) {
			first--
		}
		for first < last && holderStops[strings.ToLower(a.tok(first))] {
			first++
		}
		if first == last && holderStops[strings.ToLower(a.tok(first))] {
			return "" // "A group of nations": no name
		}
		if _, n := text.TrimPossessive(a.tok(last)); n > 0 {
			return a.d.Text[a.d.Tokens[first].Start : a.d.Tokens[last].End-n]
		}
		return a.d.Text[a.d.Tokens[first].Start:a.d.Tokens[last].End]
	}
	return ""
}

// reportingWords end the search for a holder: what comes before them is
// the speaker, not the subject of the target.
var reportingWords = map[string]bool{"said": true, "says": true, "told": true, "that": true,
	"who": true, "which": true, "according": true}

// holderStops end a holder's name.
var holderStops = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true,
	"his": true, "her": true, "of": false, "to": true, "toward": true, "towards": true, "with": true}

// intentionBefore reports whether the verb at token k is governed by an
// intention or obligation ("to cut", "will raise", "must lower"): with a
// deadline after the amount, the change it names is still to come.
func intentionBefore(a *amountScan, k int) bool {
	for _, w := range []string{"to", "will", "would", "should", "must", "shall"} {
		if a.is(k-1, w) {
			return true
		}
	}
	return false
}

// subjectNouns open a sentence whose subject is a goal, so that every
// amount it states is the goal's, however far from the noun: "The goal,
// set in 2015 after long talks, is for renewables to reach 40 percent."
var subjectNouns = map[string]bool{"goal": true, "target": true, "aim": true, "objective": true,
	"ambition": true, "pledge": true, "commitment": true}

// targetSubject finds a goal noun as the sentence's subject, within its
// first four words and before the amount at token start; it returns the
// noun's token, from which the holder is read.
func (a *amountScan) targetSubject(lo, start int) (bool, int) {
	var buf [24]byte
	for k := lo; k < start && k < lo+4; k++ {
		b := text.Fold(buf[:], a.tok(k))
		if b == nil {
			return false, -1
		}
		if subjectNouns[string(b)] {
			// "the goal is", "the goal, set in 2015, is": the noun is
			// followed by its verb or an aside, not by "of" (a goal of
			// something names its amount there and is read above).
			n := strings.ToLower(a.tok(k + 1))
			return n == "," || n == "is" || n == "was" || n == "remains", k
		}
	}
	return false, -1
}

// purposeAfter reports whether an infinitive of purpose follows the amount
// that starts at token start within its clause and eight tokens: what is
// needed "to qualify", "to win".
func (a *amountScan) purposeAfter(start int) bool {
	_, hi := a.sentenceRange(start)
	return a.clauseAhead(start+1, min(hi, start+9), func(k int, w string) bool {
		return w == "to" && infinitiveNext(a.tok(k+1))
	})
}

// enoughAfter reports whether the amount's clause goes on to call it
// "enough to" do something ("20 percent of the vote is enough to earn a
// delegate"), which makes it a threshold; it looks five tokens past the
// amount's end, not past a clause break.
func (a *amountScan) enoughAfter(end, hi int) bool {
	return a.clauseAhead(end, min(hi, end+5), func(k int, w string) bool {
		return w == "enough" && a.is(k+1, "to")
	})
}

// clauseAhead reports whether match holds at a token from k to hi
// (exclusive), given its folded word, before a clause break or a comma.
func (a *amountScan) clauseAhead(k, hi int, match func(k int, w string) bool) bool {
	var buf [24]byte
	for ; k < hi; k++ {
		b := text.Fold(buf[:], a.tok(k))
		if b == nil {
			continue
		}
		if clauseBreaks[string(b)] || string(b) == "," {
			return false
		}
		if match(k, string(b)) {
			return true
		}
	}
	return false
}

// attackTarget reports whether the cue at token k is "target" in the
// sense of whom something is aimed at: "was the target of $480,000 of
// advertising", "is the target of $2 million in attack ads".
func (a *amountScan) attackTarget(k int) bool {
	if !a.is(k, "target") || !a.is(k-1, "the") {
		return false
	}
	for j := k - 2; j >= k-3 && j >= 0; j-- {
		switch strings.ToLower(a.tok(j)) {
		case "is", "was", "were", "are", "been", "became", "become":
			return true
		case "also", "often", "now", "again":
			continue
		}
		return false
	}
	return false
}
