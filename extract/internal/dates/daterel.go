package dates

import (
	"strings"
	"time"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file holds the expressions counted from the publication date:
// "today", "last month", "next Tuesday", "two years ago", "in five years"
// and the bare weekday, which the tense of its sentence places.

// matchRel handles "today", "tonight", "yesterday" and "tomorrow", unless
// they name a paper or programme ("USA Today") or speak of the age rather
// than the day ("today's youth").
func (s *dateScan) matchRel(i int) (int, bool) {
	if !s.known || s.programmeName(i) || s.genericToday(i) {
		return 0, false
	}
	s.emit(i, i+1, timexDate(s.ref.AddDate(0, 0, int(s.cls[i].val))))
	return i + 1, true
}

// programmeName reports whether token i ends a capitalised name ("USA
// Today", "This is VOA Today"): a newspaper or a programme, not the day.
func (s *dateScan) programmeName(i int) bool {
	return text.StartsUpper(s.tok(i)) && !s.sentenceStart(i) && text.StartsUpper(s.tok(i-1)) && s.kind(i-1) == wNone
}

// genericToday reports whether token i is "today's" in its sense of
// "nowadays" ("today's youth", "in today's world"), or "of tomorrow" in
// the sense of the times ahead ("the people of tomorrow"): the present or
// the future in general rather than a day.
func (s *dateScan) genericToday(i int) bool {
	_, n := text.TrimPossessive(s.tok(i))
	if s.cls[i].val > 0 && n == 0 && strings.EqualFold(s.tok(i-1), "of") {
		return true // not "the end of tomorrow's session"
	}
	if n == 0 || s.cls[i].val != 0 {
		return false
	}
	var buf [16]byte
	return eraNouns[string(text.Fold(buf[:], s.tok(i+1)))]
}

// eraNouns after "today's" speak of the age, not the day.
var eraNouns = map[string]bool{"world": true, "youth": true, "society": true, "generation": true,
	"children": true, "kids": true, "young": true}

// matchMod handles "this week", "last month", "next year", "last Tuesday",
// "next March", "this summer", "last Oct. 23", "this past spring" and
// "coming months". After "the" ("the last year", "the next month", "the
// coming years") they are durations and skipped.
func (s *dateScan) matchMod(i int) (int, bool) {
	if s.kind(i-1) == wThe && s.cls[i].val != 0 {
		return 0, false
	}
	if s.kind(i+1) == wUnit && text.StartsUpper(s.tok(i)) && text.StartsUpper(s.tok(i+1)) && !s.sentenceStart(i) {
		return 0, false // ABC's "This Week" is a programme
	}
	if s.cls[i].val > 0 && s.kind(i+1) == wUnit && s.cls[i+1].plural {
		s.emit(i, i+2, futureRef) // "in coming months": the vague future, as "recent years" is the past
		return i + 2, true
	}
	if s.cls[i].val == 0 && strings.EqualFold(s.tok(i+1), "past") {
		if v, ok := s.dirValue(-1, i+2); ok {
			s.emit(i, i+3, v) // "this past spring" is the last one
			return i + 3, true
		}
	}
	if s.kind(i+1) == wMonth && s.dayFollows(i+1) {
		if end, v, ok := s.monthValue(i + 1); ok {
			s.emit(i, end, v) // "last Oct. 23": the day, placed by "last" as a tense cue
			return end, true
		}
	}
	if s.kind(i+1) == wWeekday {
		if end, v, ok := s.datedWeekday(i + 1); ok {
			s.emit(i, end, v) // "this coming Sunday, March eighth"
			return end, true
		}
	}
	if s.kind(i+1) == wHoliday {
		return s.matchHoliday(i, i+1, s.cls[i].val, true) // "last Thanksgiving"
	}
	if end, ok := s.lastYearsQuarter(i); ok {
		return end, true
	}
	if s.known && s.unit(i+1) == uYear && s.kind(i+2) == wOrd {
		if end, ok := s.partOfYear(i, i+2, s.ref.Year()+int(s.cls[i].val)); ok {
			return end, true // "this year's third quarter"
		}
	}
	if v, ok := s.modValue(i); ok {
		s.emit(i, i+2, v)
		return i + 2, true
	}
	return 0, false
}

// lastYearsQuarter handles "last year's quarter" and "the corresponding
// period last year" at token i ("last"): the story's quarter a year
// before, as "a year earlier" is.
func (s *dateScan) lastYearsQuarter(i int) (int, bool) {
	if s.cls[i].val >= 0 || s.unit(i+1) != uYear || !s.known {
		return 0, false
	}
	if _, n := text.TrimPossessive(s.tok(i + 1)); n > 0 && (s.unit(i+2) == uQuarter || s.isPeriod(i+2)) {
		s.emit(i, i+3, s.yearBefore(i))
		return i + 3, true
	}
	if s.unit(i-1) == uQuarter || s.isPeriod(i-1) {
		s.emit(i, i+2, s.yearBefore(i))
		return i + 2, true
	}
	return 0, false
}

// modValue resolves a modifier and the word after it.
func (s *dateScan) modValue(i int) (string, bool) {
	return s.dirValue(int(s.cls[i].val), i+1)
}

// dirValue resolves the word at token j in direction dir: this (0), last
// (-1) or next (+1).
func (s *dateScan) dirValue(dir, j int) (string, bool) {
	if !s.known {
		return "", false
	}
	ref := s.ref
	switch s.kind(j) {
	case wUnit:
		if s.cls[j].plural {
			return "", false
		}
		switch s.cls[j].val {
		case uWeek:
			return timexWeek(ref.AddDate(0, 0, 7*dir)), true
		case uWeekend:
			return timexWeek(ref.AddDate(0, 0, 7*dir)) + "-WE", true
		case uMonth:
			t := time.Date(ref.Year(), ref.Month()+time.Month(dir), 1, 0, 0, 0, 0, time.UTC)
			return timexMonth(t.Year(), int(t.Month())), true
		case uYear:
			return timexYear(ref.Year() + dir), true
		case uQuarter:
			q := (int(ref.Month())-1)/3 + dir
			y := ref.Year()
			for q < 0 {
				q += 4
				y--
			}
			for q > 3 {
				q -= 4
				y++
			}
			return timexPart(y, "Q", q+1), true
		}
	case wWeekday:
		wd := time.Weekday(s.cls[j].val)
		switch dir {
		case 0:
			return timexDate(resolveWeekday(ref, wd, cuePresent)), true
		case -1:
			back := (int(ref.Weekday()) - int(wd) + 7) % 7
			if back == 0 {
				back = 7
			}
			return timexDate(ref.AddDate(0, 0, -back)), true
		default:
			fwd := (int(wd) - int(ref.Weekday()) + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			return timexDate(ref.AddDate(0, 0, fwd)), true
		}
	case wMonth:
		m := int(s.cls[j].val)
		y := ref.Year()
		switch {
		case dir < 0 && m >= int(ref.Month()):
			y--
		case dir > 0 && m <= int(ref.Month()):
			y++
		}
		return timexMonth(y, m), true
	case wSeason:
		sn := s.cls[j].val
		return timexPart(seasonYear(ref, sn, int8(dir)), seasonCodes[sn], -1), true
	}
	return "", false
}

// datedWeekday reads the day named after the weekday at token i
// ("Tuesday, March 21", "Sunday, March eighth"), which is its value; it
// returns the token after it.
func (s *dateScan) datedWeekday(i int) (int, string, bool) {
	j := i + 1
	if s.tok(j) == "," {
		j++
	}
	if s.kind(j) != wMonth {
		return 0, "", false
	}
	if end, v, ok := s.monthValue(j); ok && len(v) == 10 {
		return end, v, true
	}
	return 0, "", false
}

// weeklyPart reports whether the weekday at token i names a part of every
// such day ("Tuesday nights", "on Monday and Tuesday nights"), a
// frequency rather than a date.
func (s *dateScan) weeklyPart(i int) bool {
	k := i + 1
	if (strings.EqualFold(s.tok(k), "and") || strings.EqualFold(s.tok(k), "or")) && s.kind(k+1) == wWeekday {
		k += 2
	}
	var buf [16]byte
	switch string(text.Fold(buf[:], s.tok(k))) {
	case "nights", "mornings", "afternoons", "evenings":
		return true
	}
	return false
}

// longAgo reads "decade(s) ago" or "century/centuries ago" at token k
// after a count n ("a decade ago", "two decades ago") and returns the year
// that many decades or centuries before publication, as "ten years ago"
// is read; 0 when the words are not there or the publication date is
// unknown.
func (s *dateScan) longAgo(k, n int) int {
	if !s.known || s.kind(k+1) != wAgo {
		return 0
	}
	years, plural := 0, false
	switch strings.ToLower(s.tok(k)) {
	case "decade":
		years = 10
	case "decades":
		years, plural = 10, true
	case "century":
		years = 100
	case "centuries":
		years, plural = 100, true
	default:
		return 0
	}
	if (n > 1) != plural {
		return 0 // "a decades ago", "two decade ago": not the phrase
	}
	return s.ref.Year() - n*years
}

// matchAgo handles "a year ago", "two years ago", "three months ago".
func (s *dateScan) matchAgo(i int) (int, bool) {
	n := int(s.cls[i].val)
	return s.ago(i, n)
}

// ago resolves n units before the publication date when token i+2 is "ago"
// or "earlier", and n units after it when "in" comes before and the
// sentence looks ahead ("would be redeemed in five years"); "the first
// win in 17 years" counts back over a span and is no date.
func (s *dateScan) ago(i, n int) (int, bool) {
	if y := s.longAgo(i+1, n); y != 0 {
		s.emit(i, i+3, timexYear(y))
		return i + 3, true
	}
	if s.kind(i+1) != wUnit || !s.known {
		return 0, false
	}
	if (n == 1) == s.cls[i+1].plural {
		return 0, false
	}
	end, dir := i+3, -1
	switch {
	case s.kind(i+2) == wAgo || strings.EqualFold(s.tok(i+2), "earlier"):
	case n > 1 && strings.EqualFold(s.tok(i-1), "in") && s.tense(i, i+2) == cueFuture:
		end, dir = i+2, 1
	default:
		return 0, false
	}
	ref := s.ref
	var v string
	switch s.cls[i+1].val {
	case uYear:
		v = timexYear(ref.Year() + dir*n)
		if n == 1 {
			v = s.yearBefore(i)
		}
	case uMonth:
		t := time.Date(ref.Year(), ref.Month()+time.Month(dir*n), 1, 0, 0, 0, 0, time.UTC)
		v = timexMonth(t.Year(), int(t.Month()))
	case uWeek:
		v = timexWeek(ref.AddDate(0, 0, 7*dir*n))
	case uDay:
		v = timexDate(ref.AddDate(0, 0, dir*n))
	default:
		return 0, false
	}
	s.emit(i, end, v)
	return end, true
}

// matchWeekday resolves "Tuesday" by the tense of its sentence, and reads a
// following explicit date ("Tuesday, March 21") as one expression.
func (s *dateScan) matchWeekday(i int) (int, bool) {
	if s.kind(i-1) == wEvery || s.weeklyPart(i) {
		return 0, false
	}
	if end, v, ok := s.datedWeekday(i); ok {
		s.emit(i, end, v)
		return end, true
	}
	wd := time.Weekday(s.cls[i].val)
	if !s.known {
		s.emit(i, i+1, "XXXX-WXX-"+string(rune('0'+(int(wd)+6)%7+1)))
		return i + 1, true
	}
	tense := cuePast // "Wednesday's ruling" reports a day that has been
	if _, n := text.TrimPossessive(s.tok(i)); n == 0 {
		tense = s.tense(s.clockBefore(i), i+1)
	}
	s.emit(i, i+1, timexDate(resolveWeekday(s.ref, wd, tense)))
	return i + 1, true
}
