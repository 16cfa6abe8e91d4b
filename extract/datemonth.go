package extract

import "strings"

// This file reads month expressions: "March", "March 31", "Jan. 5",
// "March 31, 2017", "March 2017", "January this year", and tells the month
// May from Theresa May.

// matchMonth handles "March", "March 31", "March 31, 2017" and "March
// 2017"; "31 March 2017" starts at the day and is matchNumeric's.
func (s *dateScan) matchMonth(i int) (int, bool) {
	if !s.monthContext(i) {
		return 0, false
	}
	end, v, ok := s.monthValue(i)
	if !ok {
		return 0, false
	}
	s.emit(i, end, v)
	return end, true
}

// monthContext rejects month names that are names of people or things:
// "Theresa May", "April Ryan", "May said".
func (s *dateScan) monthContext(i int) bool {
	prev := s.tok(i - 1)
	if prev != "" && startsUpper(prev) && s.kind(i-1) == wNone && !s.sentenceStart(i-1) && !yearPrefixOK[prev] {
		if _, n := trimPossessive(prev); n == 0 && !strings.HasSuffix(prev, ".") {
			return false
		}
	}
	next := s.tok(i + 1)
	if next != "" && startsUpper(next) && s.kind(i+1) == wNone && !allDigits(next) {
		return false
	}
	if (s.kind(i+1) == wOf || strings.EqualFold(next, "for")) && eventOpeners[prev] && !s.yearOK(yearOr0(s.tok(i+2))) {
		return false // "the annual March for Life", "the ``March of the Combatant Mothers''"
	}
	if s.cls[i].val == 5 || s.cls[i].val == 4 || s.cls[i].val == 6 { // May, April, June are also names
		var buf [16]byte
		if b := foldWord(buf[:], next); len(b) > 0 && (b[len(b)-1] == 's' && len(b) > 3 || string(b) == "said" || string(b) == "told") && s.kind(i+1) == wNone {
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
	if t := s.tok(j); t != "" && isDigitByte(t[0]) {
		if d, ok := dayNumber(t); ok {
			day = d
			j++
		}
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
	if day > 0 {
		return j, timexDay(resolveMonthDay(s.ref, m, day, tense), m, day), true
	}
	return j, timexMonth(resolveMonth(s.ref, m, tense), m), true
}

// eventOpeners before a month name followed by "of" or "for" make it the
// name of a march or an event rather than a date.
var eventOpeners = map[string]bool{"the": true, "The": true, "annual": true, "``": true, "“": true, "\"": true}

// yearOr0 returns t as a number when it is four digits, else 0.
func yearOr0(t string) int {
	if len(t) == 4 && allDigits(t) {
		return atoiSmall(t)
	}
	return 0
}
