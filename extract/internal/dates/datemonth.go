package dates

import (
	"strings"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file reads month expressions: "March", "March 31", "Jan. 5",
// "March 31, 2017", "March 2017", "January this year", and tells the month
// May from Theresa May.

// matchMonth handles "March", "March 31", "March 31, 2017" and "March
// 2017"; "31 March 2017" starts at the day and is matchNumeric's.
func (s *dateScan) matchMonth(i int) (int, bool) {
	if s.kind(i-1) == wEvery {
		return 0, false // "each July" is a frequency
	}
	if !s.monthContext(i) {
		return 0, false
	}
	end, v, ok := s.monthValue(i)
	if !ok {
		return 0, false
	}
	s.emit(i, end, v)
	if len(v) == 10 {
		end = s.secondDay(end, v)
	}
	return end, true
}

// secondDay reads the day joined to a full date at token k ("April 24
// and 25"), which shares its month and year, and returns the token after
// what it used.
func (s *dateScan) secondDay(k int, v string) int {
	if !strings.EqualFold(s.tok(k), "and") && !strings.EqualFold(s.tok(k), "or") || !s.dayFollows(k) {
		return k
	}
	if t := s.tok(k + 2); t != "" && (text.IsLetter(t[0]) || text.IsDigit(t[0])) && !yearToken(t) {
		return k // "on April 24 and 25 people died"
	}
	d, _ := dayNumber(s.tok(k + 1))
	y := -1
	if v[0] != 'X' {
		y = text.AtoiSmall(v[:4])
	}
	s.emit(k+1, k+2, timexDay(y, text.AtoiSmall(v[5:7]), d))
	return k + 2
}

// monthContext rejects month names that are names of people or things:
// "Theresa May", "April Ryan", "May said". A day after the month makes it
// a date whatever stands before ("arrived in the United States April 2",
// "will succeed Davison Feb. 1").
func (s *dateScan) monthContext(i int) bool {
	if s.dayFollows(i) {
		return true
	}
	prev := s.tok(i - 1)
	if prev != "" && text.StartsUpper(prev) && s.kind(i-1) == wNone && !s.sentenceStart(i-1) && !yearPrefixOK[prev] {
		if _, n := text.TrimPossessive(prev); n == 0 && !strings.HasSuffix(prev, ".") {
			return false
		}
	}
	next := s.tok(i + 1)
	if next != "" && text.StartsUpper(next) && s.kind(i+1) == wNone && !text.AllDigits(next) {
		return false
	}
	if (s.kind(i+1) == wOf || strings.EqualFold(next, "for")) && eventOpeners[prev] && !s.yearOK(yearOr0(s.tok(i+2))) {
		return false // "the annual March for Life", "the ``March of the Combatant Mothers''"
	}
	if s.cls[i].val == 5 || s.cls[i].val == 4 || s.cls[i].val == 6 { // May, April, June are also names
		var buf [16]byte
		if b := text.Fold(buf[:], next); len(b) > 0 && (b[len(b)-1] == 's' && len(b) > 3 || string(b) == "said" || string(b) == "told") && s.kind(i+1) == wNone {
			if string(b) != "is" && string(b) != "was" {
				return false
			}
		}
	}
	return true
}

// monthValue reads a month expression starting at the month token i.
func (s *dateScan) monthValue(i int) (int, string, bool) {
	m := int(s.cls[i].val)
	j := i + 1
	if s.tok(j) == "." && s.adjacent(i) && len(s.tok(i)) <= 4 && dayToken(s.tok(j+1)) {
		j++ // "Jan. 5", but not the full stop after "in March."
	}
	day := 0
	if t := s.tok(j); t != "" && text.IsDigit(t[0]) {
		if d, ok := dayNumber(t); ok {
			day = d
			j++
		}
	} else if d, ok := s.spelledDay(j); ok {
		day = d
		j++
	}
	k := j
	if s.tok(k) == "," && day > 0 {
		k++
	}
	if y, ok := s.yearAt(k, true); ok && (k == j || day > 0) {
		if day > 0 {
			return k + 1, timexDay(y, m, day), true
		}
		return k + 1, timexMonth(y, m), true
	}
	if y, ok := s.spelledYear(j); ok && day == 0 {
		return j + 2, timexMonth(y, m), true // "January nineteen ninety-seven"
	}
	if y, e := s.ofYear(j); e > j {
		// "January of last year", "March 23 of this year", "May of 2017".
		if day > 0 {
			return e, timexDay(y, m, day), true
		}
		return e, timexMonth(y, m), true
	}
	if !s.known {
		if day > 0 {
			return j, timexDay(-1, m, day), true
		}
		return j, timexMonth(-1, m), true
	}
	if s.kind(j) == wMod && s.unit(j+1) == uYear {
		// "January this year", "April 5 next year".
		y := s.ref.Year() + int(s.cls[j].val)
		if day > 0 {
			return j + 2, timexDay(y, m, day), true
		}
		return j + 2, timexMonth(y, m), true
	}
	tense := s.tense(i, j)
	if s.soonAhead(m) && s.namesEvent(i, j) {
		tense = cueFuture // "to influence the Nov. 8 election" in July: the verb's time is not the vote's
	}
	if day > 0 {
		return j, timexDay(resolveMonthDay(s.ref, m, day, tense), m, day), true
	}
	return j, timexMonth(resolveMonth(s.ref, m, tense), m), true
}

// eventOpeners before a month name followed by "of" or "for" make it the
// name of a march or an event rather than a date.
var eventOpeners = map[string]bool{"the": true, "The": true, "annual": true, "``": true, "`": true, "“": true, "‘": true, "\"": true}

// yearOr0 returns t as a number when it is four digits, else 0.
func yearOr0(t string) int {
	if len(t) == 4 && text.AllDigits(t) {
		return text.AtoiSmall(t)
	}
	return 0
}

// dayFollows reports whether the month at token i is followed by a day of
// the month ("April 2", "Feb. 1"), which no name is.
func (s *dateScan) dayFollows(i int) bool {
	j := i + 1
	if s.tok(j) == "." && s.adjacent(i) {
		j++
	}
	t := s.tok(j)
	if !dayToken(t) || s.kind(j+1) == wUnit {
		return false // "May 5 years ago" is no date
	}
	if !s.adjacent(j) {
		return true
	}
	switch s.tok(j + 1) {
	case ",", ".", ";", ")":
		return true
	}
	return false // "May 5%", "June 3-4"
}

// spelledDay reads a day of the month written as an ordinal word at token
// j ("March eighth", as transcripts write it), ending the phrase or before
// a year: "in April third parties" is no day.
func (s *dateScan) spelledDay(j int) (int, bool) {
	t := s.tok(j)
	if len(t) < 5 || t[len(t)-1] != 'h' && t[len(t)-1] != 't' && t[len(t)-1] != 'd' {
		return 0, false // every ordinal ends in -th, -st, -nd or -rd
	}
	if n := s.tok(j + 1); n != "" && (text.IsLetter(n[0]) || text.IsDigit(n[0])) && !yearToken(n) && s.kind(j+1) != wSpelled {
		return 0, false // "in April third parties", "March first quarter"
	}
	var buf [16]byte
	d, ok := spelledDays[string(text.Fold(buf[:], t))]
	return d, ok
}

// spelledDays are the days of a month as ordinal words, "eighth" and
// "twenty-first".
var spelledDays = buildSpelledDays()

// buildSpelledDays assembles spelledDays.
func buildSpelledDays() map[string]int {
	units := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}
	m := map[string]int{"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
		"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
		"twentieth": 20, "thirtieth": 30, "thirty-first": 31}
	for i, u := range units {
		m[u] = i + 1
		m["twenty-"+u] = 21 + i
	}
	return m
}

// eventNouns name a scheduled event that a date can head or follow: "the
// Nov. 8 election", "the election on Nov. 8".
var eventNouns = map[string]bool{"election": true, "elections": true, "primary": true,
	"primaries": true, "caucus": true, "caucuses": true, "referendum": true, "runoff": true,
	"vote": true, "debate": true, "convention": true}

// namesEvent reports whether the date at tokens [i, j) names the day of
// an event: after "the" and before the event's noun (with up to three
// qualifying words: "the Nov. 8 U.S. presidential election"), or after
// the noun and "on". The clause's tense then tells of something else
// ("Russia engineered the release to influence the Nov. 8 election"):
// a vote named up to six months ahead is the coming one.
func (s *dateScan) namesEvent(i, j int) bool {
	if strings.EqualFold(s.tok(i-1), "on") && eventNouns[strings.ToLower(s.tok(i-2))] {
		return true
	}
	if !strings.EqualFold(s.tok(i-1), "the") {
		return false
	}
	for k := j; k < j+4; k++ {
		t := s.tok(k)
		switch {
		case eventNouns[strings.ToLower(t)]:
			return true
		case t == "" || !text.StartsUpper(t) && t != "presidential" && t != "general" && t != "special":
			return false
		}
	}
	return false
}

// soonAhead reports whether month m comes one to six months after the
// publication month: a vote named that far ahead is the coming one.
func (s *dateScan) soonAhead(m int) bool {
	fwd := (m - int(s.ref.Month()) + 12) % 12
	return fwd > 0 && fwd <= 6
}
