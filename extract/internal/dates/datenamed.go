package dates

import (
	"strings"
	"time"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file reads dates named by words rather than numbers: holidays
// ("Thanksgiving Day", "last Christmas", "Election Day"), years said in
// words as broadcast transcripts write them ("nineteen ninety-six", "the
// year two thousand") and centuries ("the 20th century").

// Holidays, the val of wHoliday words.
const (
	hThanksgiving int8 = iota
	hChristmas
	hElection
)

// matchHoliday handles a holiday at token j, text starting at from ("last"
// or the holiday itself). mod is true after "this/last/next", whose
// direction dir then picks the occurrence; otherwise the tense of the
// sentence does, as for "March 31". "Election" counts only as "Election
// Day", and Christmas is the 25th unless it is "Christmas Eve".
func (s *dateScan) matchHoliday(from, j int, dir int8, mod bool) (int, bool) {
	h := s.cls[j].val
	if !text.StartsUpper(s.tok(j)) {
		return 0, false
	}
	end := j + 1
	eve := false
	switch strings.ToLower(s.tok(end)) {
	case "day":
		end++
	case "eve":
		eve = h == hChristmas
		end++
	default:
		if h == hElection {
			return 0, false
		}
	}
	if h == hChristmas && !eve && end == j+1 && s.kind(end) == wNone && text.StartsUpper(s.tok(end)) {
		return 0, false // "Christmas Island", "Christmas Carol"
	}
	if !s.known {
		m, d := holidayDay(h, eve, 2000)
		s.emit(from, end, timexDay(-1, m, d))
		return end, true
	}
	ry := s.ref.Year()
	m, d := holidayDay(h, eve, ry)
	this := time.Date(ry, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	r := time.Date(ry, s.ref.Month(), s.ref.Day(), 0, 0, 0, 0, time.UTC)
	y := ry
	switch {
	case mod && dir < 0:
		if !this.Before(r) {
			y--
		}
	case mod && dir > 0:
		if !this.After(r) {
			y++
		}
	case !mod:
		y = resolveMonthDay(s.ref, m, d, s.tense(from, end))
	}
	m, d = holidayDay(h, eve, y)
	s.emit(from, end, timexDay(y, m, d))
	return end, true
}

// holidayDay returns the month and day of holiday h in year y:
// Thanksgiving is the fourth Thursday of November, Election Day the
// Tuesday after the first Monday of November.
func holidayDay(h int8, eve bool, y int) (int, int) {
	first := time.Date(y, time.November, 1, 0, 0, 0, 0, time.UTC).Weekday()
	switch h {
	case hThanksgiving:
		return 11, 1 + (int(time.Thursday)-int(first)+7)%7 + 21
	case hElection:
		return 11, 1 + (int(time.Monday)-int(first)+7)%7 + 1
	}
	if eve {
		return 12, 24
	}
	return 12, 25
}

// tensWords are the tens said in a spelled year, "ninety" in "nineteen
// ninety-six".
var tensWords = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

// decadeWords name the decades of a century in words, "the nineties".
var decadeWords = map[string]int{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
	"sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}

// unitWords are the units after a hyphen in a spelled year.
var unitWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9}

// matchSpelledYear handles "nineteen ninety-six" and "nineteen eighty",
// years as a transcript of speech writes them.
func (s *dateScan) matchSpelledYear(i int) (int, bool) {
	y, ok := s.spelledYear(i)
	if !ok {
		return 0, false
	}
	s.emit(i, i+2, timexYear(y))
	return i + 2, true
}

// spelledYear reads a year said in words at token i ("nineteen
// ninety-six", two tokens). "Nineteen people" and "nineteen
// sixty-year-olds" stay numbers: the second word must be a tens word,
// optionally joined to a unit.
func (s *dateScan) spelledYear(i int) (int, bool) {
	if s.kind(i) != wSpelled {
		return 0, false
	}
	t := strings.ToLower(s.tok(i + 1))
	tens, unit := t, ""
	if h := strings.IndexByte(t, '-'); h > 0 {
		tens, unit = t[:h], t[h+1:]
	}
	n, ok := tensWords[tens]
	if !ok {
		return 0, false
	}
	if unit != "" {
		u, ok := unitWords[unit]
		if !ok {
			return 0, false
		}
		n += u
	}
	return int(s.cls[i].val)*100 + n, true
}

// century reads "20th century" at token i (the ordinal) and returns its
// TIMEX3 value, the two leading digits of its years ("19"), and the token
// after it.
func (s *dateScan) century(i int) (string, int, bool) {
	if !strings.EqualFold(s.tok(i+1), "century") || s.tok(i+1) == "Century" && text.StartsUpper(s.tok(i+2)) {
		return "", 0, false // "21st Century Fox" is a company
	}
	t := s.tok(i)
	k := 0
	for k < len(t) && text.IsDigit(t[k]) {
		k++
	}
	if k == 0 || k > 2 {
		return "", 0, false
	}
	switch t[k:] {
	case "st", "nd", "rd", "th":
	default:
		return "", 0, false
	}
	n := text.AtoiSmall(t[:k])
	if n < 2 || n > 21 {
		return "", 0, false
	}
	return timexYear(n - 1)[2:], i + 2, true
}

// shortDecade reads a decade named without its century at token i: "'80s"
// (an apostrophe, then two digits and "s") or "nineties". It is a decade
// of the 1900s ("the nineties" in 1998 or 2025); once the same decade of
// the 2000s has begun either could be meant ("the ’20s" in 2025 may be
// the Roaring Twenties or the pandemic years), and no value is given. It
// returns the value ("198") and the token after it.
func (s *dateScan) shortDecade(i int) (string, int, bool) {
	t := s.tok(i)
	d, end := 0, i+1
	switch {
	case (t == "'" || t == "’") && s.adjacent(i):
		n := s.tok(i + 1)
		if len(n) != 3 || n[2] != 's' || !text.AllDigits(n[:2]) || n[1] != '0' {
			return "", 0, false
		}
		d, end = int(n[0]-'0'), i+2
	case len(t) >= 7 && len(t) <= 9 && t[len(t)-4:] == "ties":
		var buf [16]byte
		n, ok := decadeWords[string(text.Fold(buf[:], t))]
		if !ok {
			return "", 0, false
		}
		d = n
	default:
		return "", 0, false
	}
	if !s.known || 2000+10*d <= s.ref.Year() {
		return "", 0, false
	}
	return timexYear(1900 + 10*d)[:3], end, true
}
