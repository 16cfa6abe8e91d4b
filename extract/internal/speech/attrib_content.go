package speech

import (
	"strings"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// contentEndBefore returns the end token (exclusive) of a content clause
// that precedes the subject starting at nb: the comma is dropped, a closing
// quotation mark kept.
func (a *analyzer) contentEndBefore(t0, nb int) int {
	e := nb - 1
	for e > t0 && a.low[e] == "," {
		e--
	}
	return e + 1
}

// segEnd returns the end of the comma segment starting at nb, before end.
func (a *analyzer) segEnd(nb, end int) int {
	for x := nb; x < end; x++ {
		if a.low[x] == "," {
			return x
		}
	}
	return end
}

// afterEmpty reports whether only adverbials follow the cue at k up to the
// clause end: "…, the official said on Tuesday." or "said Wednesday, the
// deadliest assault…".
func (a *analyzer) afterEmpty(k, t1 int) bool {
	j := k + 1
	isTell := strings.HasPrefix(a.low[k], "tel") || a.low[k] == "told"
	for j < t1 && !a.inQ[j] {
		w := a.low[j]
		switch {
		case w == "," || w == "." || w == ";" || w == "-" || w == "—":
			return true
		case a.is(j, wcTime|wcAuxSkip):
			j++
			continue
		case a.is(j, wcAdvPrep):
			if e := a.adverbialEnd(j, t1); e > j {
				j = e
				continue
			}
		case isTell && j == k+1:
			if e := a.hearerEnd(j, t1); e > j {
				j = e
				continue
			}
		}
		break
	}
	return j >= t1 || a.low[j] == "." || a.low[j] == ","
}

// postContent returns the content of a cue that follows it: from the clause
// start (after any earlier attribution in the sentence) to end token e.
func (a *analyzer) postContent(t0, e, first int) text.Span {
	d := a.d
	st := d.Tokens[t0].Start
	for i := first; i < len(a.atts); i++ {
		// A stance verb inside the clause ("X also wants Y…, he said") is
		// part of what was said, not an earlier report to skip past.
		if c := a.atts[i].content; c.End > st && c.End <= d.Tokens[max(e-1, t0)].Start && a.atts[i].flags&cueWeak == 0 {
			st = c.End
		}
	}
	if e <= t0 {
		return text.Span{Start: st, End: st}
	}
	if a.isCloseMark(e - 1) {
		// "…his former wife: “She signed…,” he told": a quote after a colon
		// is the content; the lead before the colon is the writer's.
		for j := e - 2; j > t0 && d.Tokens[j].Start > st; j-- {
			if !a.inQ[j] && (a.low[j] == ":" || a.low[j] == ";") {
				st = d.Tokens[j+1].Start
				break
			}
		}
	}
	end := d.Tokens[e-1].End
	// Skip an opening connective: ", and", ";".
	for st < end && (d.Text[st] == ',' || d.Text[st] == ' ' || d.Text[st] == ';') {
		st++
	}
	return text.Span{Start: st, End: a.trimEnd(st, end)}
}

// trimEnd drops trailing spaces, commas and a final full stop outside marks.
func (a *analyzer) trimEnd(st, end int) int {
	t := a.d.Text
	for end > st {
		c := t[end-1]
		if c == ' ' || c == ',' || c == ';' || c == '.' && !a.insideQuote(end-1) || c == '-' {
			end--
			continue
		}
		break
	}
	return end
}

// insideQuote reports whether off lies strictly between quotation marks.
func (a *analyzer) insideQuote(off int) bool {
	for _, q := range a.qs {
		if q.Start <= off && off < q.End {
			return true
		}
	}
	return false
}

// preposedContent sets the content of a cue that precedes it: after
// adverbials ("on Tuesday", "in a statement"), the hearer of "told" and
// "that", up to the end of the clause.
func (a *analyzer) preposedContent(at *attrib, k, t1 int) {
	d := a.d
	j := k + 1
	isTell := strings.HasPrefix(a.low[k], "tel") || a.low[k] == "told"
	for j < t1 && !a.inQ[j] {
		w := a.low[j]
		if at.flags&cueObject != 0 && objectParticles[w] && j <= k+2 && !(w == "on" && j+1 < t1 && timeWords[a.low[j+1]]) {
			j++
			continue
		}
		if w == "that" {
			at.that = true
			j++
			break
		}
		if w == ":" {
			j++
			break
		}
		if timeWords[w] || auxSkip[w] && w != "this" {
			j++
			continue
		}
		// "that" close ahead with no comma in between: skip to it.
		if th := a.thatAhead(j, t1, 8); th > 0 && (adverbialPreps[w] || isTell || timeWords[w]) {
			j = th + 1
			at.that = true
			break
		}
		if adverbialPreps[w] {
			if e := a.adverbialEnd(j, t1); e > j {
				j = e
				continue
			}
			break
		}
		if isTell && j == k+1 {
			if e := a.hearerEnd(j, t1); e > j {
				j = e
				continue
			}
		}
		if at.flags&cueAsk != 0 && j == k+1 && j+1 < t1 && !questionWords[w] {
			// "asked him whether", "asked Trump if": the one asked.
			if e := a.hearerEnd(j, t1); e > j && e < t1 && questionWords[a.low[e]] {
				j = e
				continue
			}
		}
		if w == "," {
			// "said, “…”" or "said, on condition of anonymity".
			if j+1 < t1 && (a.inQ[j+1] || adverbialPreps[a.low[j+1]]) {
				j++
				continue
			}
			j = t1
		}
		break
	}
	if j >= t1 {
		at.content = text.Span{Start: d.Tokens[t1-1].End, End: d.Tokens[t1-1].End}
		return
	}
	st := d.Tokens[j].Start
	if a.inQ[j] {
		st = a.openAtOr(j, st)
	}
	end := a.contentEnd(j, t1)
	at.content = text.Span{Start: st, End: a.trimEnd(st, end)}
}

// openAtOr returns the opening mark of the quote holding token j, or def.
func (a *analyzer) openAtOr(j, def int) int {
	if o := a.openAt(j); o >= 0 {
		return o
	}
	return def
}

// thatAhead returns the index of a complementiser "that" within n tokens of
// j with no comma or quote between, or -1.
func (a *analyzer) thatAhead(j, t1, n int) int {
	for x := j; x < t1 && x < j+n; x++ {
		if a.inQ[x] || a.low[x] == "," || a.low[x] == ";" {
			return -1
		}
		if a.low[x] == "that" {
			return x
		}
	}
	return -1
}

// adverbialEnd returns the end of a prepositional phrase at j that says how
// or where something was said ("in a statement", "at the chancellery",
// "through an interpreter"), or j when it is not one.
func (a *analyzer) adverbialEnd(j, t1 int) int {
	for x := j + 1; x < t1 && x < j+7; x++ {
		w := a.low[x]
		if a.inQ[x] || w == "," || w == "that" {
			return j
		}
		if a.is(x, wcAdvNoun) || a.is(x, wcTime) && x == j+1 {
			e := x + 1
			// "in a video message", "in a radio interview": compounds of
			// such nouns end at the last one.
			for e < t1 && !a.inQ[e] && a.is(e, wcAdvNoun) {
				e++
			}
			// "in a statement read on state television": a participle
			// phrase still says how, not what.
			if e < t1 && !a.inQ[e] && (strings.HasSuffix(a.low[e], "ed") || participles[a.low[e]]) {
				for e < t1 && !a.inQ[e] && a.low[e] != "," && a.low[e] != "that" && e < x+8 {
					e++
				}
				return e
			}
			// "in a video posted on social media", "at a press conference in
			// Brussels": swallow a trailing short phrase.
			for e < t1 && (a.isCap(e) && !a.inQ[e] || a.low[e] == "in" && e+1 < t1 && a.isCap(e+1)) {
				e++
			}
			return e
		}
	}
	return j
}

// hearers are the usual objects of "told".
var hearers = map[string]bool{
	"reporters": true, "journalists": true, "delegates": true, "jurors": true, "lawmakers": true,
	"supporters": true, "investors": true, "analysts": true, "parliament": true, "court": true,
	"senators": true, "members": true, "me": true, "us": true, "him": true, "her": true,
	"them": true, "listeners": true, "viewers": true, "congress": true, "audience": true,
	"crowd": true, "students": true, "committee": true, "conference": true, "newspaper": true,
	"radio": true, "television": true, "station": true, "agency": true, "judges": true, "judge": true,
	"officials": true, "staff": true, "employees": true, "workers": true, "residents": true,
	"protesters": true, "fans": true, "hearing": true, "interviewer": true, "broadcaster": true,
}

// hearerEnd returns the end of the object of "told" at j: a name ("AFP") or
// a short noun phrase ending in a hearer noun ("the news conference").
func (a *analyzer) hearerEnd(j, t1 int) int {
	if a.isCap(j) {
		e := a.runEnd(j, t1)
		if e < t1 && (a.low[e] == "newspaper" || a.low[e] == "radio" || a.low[e] == "television") {
			e++
		}
		return e
	}
	for x := j; x < t1 && x < j+4; x++ {
		if hearers[a.low[x]] {
			return x + 1
		}
	}
	return j
}

// contentEnd finds where the content clause starting at j ends: at the
// sentence end, or before a participle of the main clause (", calling…"),
// ", while", ", though", ", but he…" (a new clause of the writer's), a
// semicolon, a lone em dash, or a second verb of the speaker ("…but gave no
// details", "…, and said…").
func (a *analyzer) contentEnd(j, t1 int) int {
	d := a.d
	for x := j; x < t1; x++ {
		if a.inQ[x] {
			continue
		}
		w := a.low[x]
		if w == ";" {
			return d.Tokens[x].Start
		}
		if isDash(w) && x > j+2 && !a.dashAhead(x+1, t1) {
			// "he was “encouraged” by the plan — a modest boost…": a lone
			// dash opens the writer's aside; a pair brackets one inside
			// the content.
			return d.Tokens[x].Start
		}
		if w == "," && x+1 < t1 {
			n := a.low[x+1]
			if a.is(x+1, wcGerundEnd) || n == "while" || n == "whereas" || n == "though" || n == "although" || n == "but" && x+2 < t1 && a.is(x+2, wcPronoun|wcDeterminer) {
				return d.Tokens[x].Start
			}
		}
		if (w == "and" || w == "but") && x+1 < t1 && x > j {
			n := a.low[x+1]
			if a.is(x+1, wcPastIrregular) || a.cueOf(x+1) != 0 && n != "that" && !a.isCap(x+1) && (strings.HasSuffix(n, "ed") || n == "said" || n == "told" || n == "says") {
				return d.Tokens[x].Start
			}
		}
	}
	return d.Tokens[t1-1].End
}

// isDash reports whether token w is an em dash, which sets off an aside
// (a spaced hyphen joins as often as it sets off, so it is left out).
func isDash(w string) bool {
	return w == "—" || w == "--"
}

// dashAhead reports whether another dash outside quotation marks follows
// in tokens [j,t1), closing a bracketed aside.
func (a *analyzer) dashAhead(j, t1 int) bool {
	for x := j; x < t1; x++ {
		if !a.inQ[x] && isDash(a.low[x]) {
			return true
		}
	}
	return false
}
