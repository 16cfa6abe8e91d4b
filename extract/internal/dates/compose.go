package dates

import (
	"strings"
	"time"

	"github.com/whosaid/whosaid/extract/internal/holidays"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file composes dates from parts, the way newsrooms write them: an
// ordinal day with a month ("the 3rd of June", "April the 9th"), the nth
// weekday of a month ("the second Thursday of November 2019"), the first or
// last day or week of a month or year, a weekday of a named week ("Friday of
// next week"), a day counted from yesterday or tomorrow, spans counted
// forward ("two weeks hence", "five years from today"), numeric dates in
// other orders and separators ("2019-7-4", "04/Jul/2019", "7/2019"), any
// holiday package holidays knows, with a year or placed by tense ("Easter
// 2019", "last Diwali"), and a part of the day after a day ("Friday night").
// Each part is read by a small function; matchComposed tries them before
// the single-word patterns of match.

// matchComposed tries the composed patterns at token i.
func (s *dateScan) matchComposed(i int) (int, bool) {
	switch s.cls[i].kind {
	case wThe:
		return s.composedThe(i)
	case wMonth:
		if end, ok := s.matchNamedHoliday(i, i, 0, false); ok {
			return end, true // "May Day"
		}
		return s.monthTheOrdinal(i)
	case wWeekday:
		return s.weekdayOfWeek(i)
	case wRel:
		return s.withPartOfDay(i, s.matchRel)
	case wMod:
		if s.kind(i-1) != wThe {
			return s.matchNamedHoliday(i, i+1, s.cls[i].val, true)
		}
		return 0, false
	case wNum:
		return s.countedForward(i, int(s.cls[i].val))
	case wHoliday:
		return s.matchNamedHoliday(i, i, 0, false)
	case wNone:
	default:
		return 0, false
	}
	t := s.tok(i)
	if t == "" {
		return 0, false
	}
	if text.IsDigit(t[0]) {
		if end, ok := s.numericDate(i); ok {
			return end, true
		}
		if len(t) <= 3 && text.AllDigits(t) {
			return s.countedForward(i, text.AtoiSmall(t))
		}
		return 0, false
	}
	if t[0] >= 'A' && t[0] <= 'Z' {
		return s.matchNamedHoliday(i, i, 0, false)
	}
	return 0, false
}

// composedThe handles the patterns that open with "the".
func (s *dateScan) composedThe(i int) (int, bool) {
	j := i + 1
	if end, ok := s.dayBeforeAfter(i, j); ok {
		return end, true
	}
	n, ok := s.ordinalAt(j)
	if !ok {
		return 0, false
	}
	if d, ok := s.ordinalDay(j); ok && s.kind(j+1) == wOf && n > 0 {
		if end, ok := s.dayOfMonth(i, j+2, d); ok {
			return end, true // "the 3rd of June", "the 30th of this month"
		}
	}
	switch {
	case s.kind(j+1) == wWeekday && (s.kind(j+2) == wOf || strings.EqualFold(s.tok(j+2), "in")):
		return s.nthWeekday(i, j+3, n, time.Weekday(s.cls[j+1].val))
	case (s.unit(j+1) == uDay || s.unit(j+1) == uWeek) && (s.kind(j+2) == wOf || strings.EqualFold(s.tok(j+2), "in")):
		return s.edgeOf(i, j+3, n, s.unit(j+1))
	}
	return 0, false
}

// ordinalAt reads an ordinal at token j: "first" to "fifth", "1st" to
// "5th", or "last" and "final" (n = -1).
func (s *dateScan) ordinalAt(j int) (int, bool) {
	if s.kind(j) == wMod && s.cls[j].val < 0 && strings.EqualFold(s.tok(j), "last") {
		return -1, true
	}
	if strings.EqualFold(s.tok(j), "final") {
		return -1, true
	}
	if d, ok := s.ordinalDay(j); ok && d <= 31 {
		return d, true
	}
	return 0, false
}

// ordinalDay reads a day of the month written as an ordinal at token j:
// "3rd", "21st", "second", "twenty-first".
func (s *dateScan) ordinalDay(j int) (int, bool) {
	t := s.tok(j)
	if len(t) < 3 {
		return 0, false
	}
	if text.IsDigit(t[0]) {
		if text.IsDigit(t[len(t)-1]) {
			return 0, false // a plain number is no ordinal
		}
		return dayNumber(t)
	}
	var buf [16]byte
	d, ok := spelledDays[string(text.Fold(buf[:], t))]
	return d, ok
}

// monthAt reads a month at token k: a month name with an optional year
// after it ("November 2019", "June, 2020"), "this/next/last month" or "the
// month". It returns the year (placed by tense when not written), the month
// and the token after.
func (s *dateScan) monthAt(k, from int) (int, time.Month, int, bool) {
	switch s.kind(k) {
	case wMonth:
		m := int(s.cls[k].val)
		e := k + 1
		if s.tok(e) == "." && s.adjacent(k) {
			e++
		}
		c := e
		if s.tok(c) == "," {
			c++
		}
		if y, ok := s.yearAt(c, true); ok {
			return y, time.Month(m), c + 1, true
		}
		if s.kind(e) == wMod && s.unit(e+1) == uYear && s.known {
			return s.ref.Year() + int(s.cls[e].val), time.Month(m), e + 2, true // "May next year"
		}
		if !s.known {
			return 0, 0, 0, false
		}
		return resolveMonth(s.ref, m, s.tense(from, e)), time.Month(m), e, true
	case wMod:
		if s.unit(k+1) == uMonth && s.known {
			t := time.Date(s.ref.Year(), s.ref.Month()+time.Month(s.cls[k].val), 1, 0, 0, 0, 0, time.UTC)
			return t.Year(), t.Month(), k + 2, true
		}
	case wThe:
		if s.unit(k+1) == uMonth && s.known {
			return s.ref.Year(), s.ref.Month(), k + 2, true
		}
	}
	return 0, 0, 0, false
}

// yearExprAt reads a year at token k: "2020", "the year", "next year".
func (s *dateScan) yearExprAt(k int) (int, int, bool) {
	if y, ok := s.yearAt(k, true); ok {
		return y, k + 1, true
	}
	if !s.known {
		return 0, 0, false
	}
	switch {
	case s.kind(k) == wThe && s.unit(k+1) == uYear:
		return s.ref.Year(), k + 2, true
	case s.kind(k) == wMod && s.unit(k+1) == uYear:
		return s.ref.Year() + int(s.cls[k].val), k + 2, true
	}
	return 0, 0, false
}

// dayOfMonth finishes "the 3rd of June (2019)" and "the 30th of this
// month": k is the month, d the day.
func (s *dateScan) dayOfMonth(from, k, d int) (int, bool) {
	if s.kind(k) == wMonth {
		m := int(s.cls[k].val)
		e := k + 1
		c := e
		if s.tok(c) == "," {
			c++
		}
		if y, ok := s.yearAt(c, true); ok {
			s.emit(from, c+1, timexDay(y, m, d))
			return c + 1, true
		}
		if !s.known {
			s.emit(from, e, timexDay(-1, m, d))
			return e, true
		}
		s.emit(from, e, timexDay(resolveMonthDay(s.ref, m, d, s.tense(from, e)), m, d))
		return e, true
	}
	y, m, end, ok := s.monthAt(k, from)
	if !ok {
		return 0, false
	}
	s.emit(from, end, timexDay(y, int(m), d))
	return end, true
}

// monthTheOrdinal handles "April the 9th (, 2019)" at the month token i.
func (s *dateScan) monthTheOrdinal(i int) (int, bool) {
	if s.kind(i+1) != wThe {
		return 0, false
	}
	d, ok := s.ordinalDay(i + 2)
	if !ok {
		return 0, false
	}
	m := int(s.cls[i].val)
	e := i + 3
	c := e
	if s.tok(c) == "," {
		c++
	}
	if y, ok := s.yearAt(c, true); ok {
		s.emit(i, c+1, timexDay(y, m, d))
		return c + 1, true
	}
	if !s.known {
		s.emit(i, e, timexDay(-1, m, d))
		return e, true
	}
	s.emit(i, e, timexDay(resolveMonthDay(s.ref, m, d, s.tense(i, e)), m, d))
	return e, true
}

// nthWeekday finishes "the second Thursday of November (2019)": k is the
// month, n the ordinal (-1 for the last).
func (s *dateScan) nthWeekday(from, k, n int, wd time.Weekday) (int, bool) {
	if n > 5 {
		return 0, false
	}
	y, m, end, ok := s.monthAt(k, from)
	if !ok {
		return 0, false
	}
	t := holidays.NthWeekday(y, m, wd, n)
	if t.Month() != m {
		return 0, false // no fifth Monday this month
	}
	s.emit(from, end, timexDate(t))
	return end, true
}

// edgeOf finishes "the last day of June 2021", "the first week of April",
// "the last day of the year": k is the month or year, n the ordinal, u day
// or week.
func (s *dateScan) edgeOf(from, k, n int, u int8) (int, bool) {
	if n > 5 {
		return 0, false
	}
	if y, m, end, ok := s.monthAt(k, from); ok {
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1)
		var t time.Time
		switch {
		case u == uDay && n < 0:
			t = last
		case u == uDay:
			t = first.AddDate(0, 0, n-1)
		case n < 0:
			t = last.AddDate(0, 0, -3) // the last week with most of its days in the month
		default:
			t = first.AddDate(0, 0, 3+7*(n-1))
		}
		if t.Month() != m {
			return 0, false
		}
		v := timexDate(t)
		if u == uWeek {
			v = timexWeek(t)
		}
		s.emit(from, end, v)
		return end, true
	}
	y, end, ok := s.yearExprAt(k)
	if !ok || n != 1 && n != -1 {
		return 0, false
	}
	t := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
	if n < 0 {
		t = time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)
	}
	v := timexDate(t)
	if u == uWeek {
		v = timexWeek(t.AddDate(0, 0, 3*n)) // the ISO week with most of its days in the year
	}
	s.emit(from, end, v)
	return end, true
}

// dayBeforeAfter handles "the day before yesterday" and "the day after
// tomorrow" (i is "the", j "day").
func (s *dateScan) dayBeforeAfter(i, j int) (int, bool) {
	if s.unit(j) != uDay || s.kind(j+2) != wRel || !s.known {
		return 0, false
	}
	step := 0
	switch strings.ToLower(s.tok(j + 1)) {
	case "before":
		step = -1
	case "after":
		step = 1
	default:
		return 0, false
	}
	s.emit(i, j+3, timexDate(s.ref.AddDate(0, 0, int(s.cls[j+2].val)+step)))
	return j + 3, true
}

// weekdayOfWeek handles "Friday of next week", "Tuesday next week",
// "Wednesday of this week" and a weekday with a part of the day ("Friday
// night").
func (s *dateScan) weekdayOfWeek(i int) (int, bool) {
	k := i + 1
	if s.kind(k) == wOf {
		k++
	}
	if s.kind(k) == wMod && s.unit(k+1) == uWeek && s.known && s.kind(i-1) != wEvery {
		wd := time.Weekday(s.cls[i].val)
		week := s.ref.AddDate(0, 0, 7*int(s.cls[k].val))
		monday := week.AddDate(0, 0, -((int(week.Weekday()) + 6) % 7))
		s.emit(i, k+2, timexDate(monday.AddDate(0, 0, (int(wd)+6)%7)))
		return k + 2, true
	}
	return s.withPartOfDay(i, s.matchWeekday)
}

// partsOfDay are the parts of a day that may follow one.
var partsOfDay = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// withPartOfDay runs match at token i and, when a part of the day follows
// the single day it found ("Wednesday night", "yesterday morning"), widens
// the date over it. The value stays the day's: FORMAT.md's dates have no
// times, and TimeBank's annotators wrote the day alone more often than
// TIMEX3's part-of-day codes (TNI, TMO) for these.
func (s *dateScan) withPartOfDay(i int, match func(int) (int, bool)) (int, bool) {
	var buf [16]byte
	if !partsOfDay[string(text.Fold(buf[:], s.tok(i+1)))] || !s.known {
		return 0, false
	}
	n := len(s.out)
	end, ok := match(i)
	if !ok || len(s.out) != n+1 || end != i+1 || len(s.out[n].Value) != 10 {
		return end, ok
	}
	d := &s.out[n]
	d.End = s.d.Tokens[i+1].End
	d.Text = s.d.Text[d.Start:d.End]
	return i + 2, true
}

// countedForward handles spans counted forward from publication: "two
// weeks hence", "five years from today", "three days from now", "in a
// week's time". n is the count at token i.
func (s *dateScan) countedForward(i, n int) (int, bool) {
	if n <= 0 || s.kind(i+1) != wUnit || !s.known || (n == 1) == s.cls[i+1].plural {
		return 0, false
	}
	end := 0
	k := i + 2
	if s.tok(k) == "'" || s.tok(k) == "’" {
		k++
	}
	switch {
	case strings.EqualFold(s.tok(k), "hence"):
		end = k + 1
	case strings.EqualFold(s.tok(k), "from") && (strings.EqualFold(s.tok(k+1), "now") || strings.EqualFold(s.tok(k+1), "today")):
		end = k + 2
	case strings.EqualFold(s.tok(k), "time") && strings.EqualFold(s.tok(i-1), "in") && k > i+2 || strings.EqualFold(s.tok(k), "time") && strings.EqualFold(s.tok(i-1), "in") && strings.ContainsAny(s.tok(i+1), "'’"):
		end = k + 1 // "in 10 days' time", "in a week's time"
	default:
		return 0, false
	}
	t := s.ref
	var v string
	switch s.cls[i+1].val {
	case uYear:
		v = timexYear(t.Year() + n)
	case uMonth:
		t = time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		v = timexMonth(t.Year(), int(t.Month()))
	case uWeek:
		v = timexWeek(t.AddDate(0, 0, 7*n))
	case uDay:
		v = timexDate(t.AddDate(0, 0, n))
	default:
		return 0, false
	}
	s.emit(i, end, v)
	return end, true
}

// monthAbbrevs are the three-letter months of numeric dates ("04/Jul/2019").
var monthAbbrevs = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// numericDate reads a date written as numbers in one run of characters
// from token i: "2019-7-4", "2019/07/04", "2019.07.04", "04/Jul/2019",
// "04-Jul-2019", "4.7.2019" (day first, as Europe writes it), "31/12/2018"
// (day first when it cannot be a month), "7/2019", "2019/07". Forms the
// other numeric readers already take ("2016-11-08", "3/31/2017", "2018-12",
// "2014-2018") are left to them.
func (s *dateScan) numericDate(i int) (int, bool) {
	end := i + 1
	for end < len(s.d.Tokens) && s.adjacent(end-1) && end-i < 7 {
		t := s.tok(end)
		if (t == "," || t == "." || t == ";" || t == ")") && !s.adjacent(end) {
			break
		}
		end++
	}
	if end == i+1 && !strings.ContainsAny(s.tok(i), "-/.") {
		return 0, false
	}
	run := s.d.Text[s.d.Tokens[i].Start:s.d.Tokens[end-1].End]
	run = strings.TrimRight(run, ".,;:")
	var sep byte
	for k := 0; k < len(run); k++ {
		if c := run[k]; c == '-' || c == '/' || c == '.' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return 0, false
	}
	parts := strings.Split(run, string(sep))
	num := func(p string, max int) int {
		if len(p) == 0 || len(p) > 4 || !text.AllDigits(p) {
			return -1
		}
		n := text.AtoiSmall(p)
		if n < 1 || n > max {
			return -1
		}
		return n
	}
	year := func(p string) int {
		if len(p) != 4 || !text.AllDigits(p) {
			return -1
		}
		if y := text.AtoiSmall(p); s.yearOK(y) {
			return y
		}
		return -1
	}
	v := ""
	switch len(parts) {
	case 3:
		a, b, c := parts[0], parts[1], parts[2]
		if y := year(a); y > 0 {
			m, d := num(b, 12), num(c, 31)
			if m < 0 || d < 0 || sep == '-' && len(b) == 2 && len(c) == 2 {
				return 0, false // "2016-11-08" is matchNumeric's
			}
			v = timexDay(y, m, d)
			break
		}
		y := year(c)
		d := num(a, 31)
		if y < 0 || d < 0 {
			return 0, false
		}
		if m, ok := monthAbbrevs[strings.ToLower(b)]; ok && len(b) == 3 {
			v = timexDay(y, m, d)
			break
		}
		m := num(b, 12)
		if m < 0 {
			return 0, false
		}
		switch {
		case sep == '.':
			v = timexDay(y, m, d) // day first
		case sep == '/' && d > 12:
			v = timexDay(y, m, d) // "31/12/2018"
		default:
			return 0, false // "3/31/2017" is matchNumeric's
		}
	case 2:
		if sep == '-' || sep == '.' {
			return 0, false // "2018-12", "2014-2018", "4.5" are matchNumeric's or no dates
		}
		if y := year(parts[0]); y > 0 && len(parts[1]) == 2 {
			if m := num(parts[1], 12); m > 0 {
				v = timexMonth(y, m) // "2019/07"
			}
		} else if y := year(parts[1]); y > 0 && len(parts[0]) <= 2 {
			if m := num(parts[0], 12); m > 0 {
				v = timexMonth(y, m) // "7/2019"
			}
		}
	}
	if v == "" {
		return 0, false
	}
	s.emit(i, end, v)
	return end, true
}

// matchNamedHoliday handles a holiday named at token j ("Easter", "Eid
// al-Fitr", "Valentine's Day"), the text starting at from ("last" or the
// holiday). A year after it fixes the occurrence ("Easter 2019"); else mod
// (after "this/last/next", whose direction is dir) or the sentence's tense
// picks it, as for "March 31".
func (s *dateScan) matchNamedHoliday(from, j int, dir int8, mod bool) (int, bool) {
	t := s.tok(j)
	if t == "" || t[0] < 'A' || t[0] > 'Z' {
		return 0, false
	}
	key, end := s.holidayAt(j)
	if key == "" {
		return 0, false
	}
	if n := s.tok(end); n != "" && n[0] >= 'A' && n[0] <= 'Z' && s.kind(end) == wNone && !s.adjacent(end-1) {
		return 0, false // "Christmas Island", "Easter Rising"
	}
	week := s.unit(end) == uWeek // "Easter week", "Thanksgiving week": the ISO week holding the day
	if week {
		end++
	}
	value := func(d time.Time) string {
		if week {
			return timexWeek(d)
		}
		return timexDate(d)
	}
	if y, ok := s.yearAt(end, true); ok && !mod {
		if d, ok := holidays.Date(key, y); ok {
			s.emit(from, end+1, value(d))
			return end + 1, true
		}
		return 0, false
	}
	if !s.known {
		a, ok1 := holidays.Date(key, 2001)
		b, ok2 := holidays.Date(key, 2002)
		if !ok1 || !ok2 || a.YearDay() != b.YearDay() || week {
			return 0, false // a moving day needs its year
		}
		s.emit(from, end, timexDay(-1, int(a.Month()), a.Day()))
		return end, true
	}
	ry := s.ref.Year()
	this, ok := holidays.Date(key, ry)
	if !ok {
		return 0, false
	}
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
		tense := s.tense(from, end)
		if key == "election-day" && s.soonAhead(int(this.Month())) {
			tense = cueFuture // "as Election Day nears" in August: the coming vote
		}
		y = resolveMonthDay(s.ref, int(this.Month()), this.Day(), tense)
	}
	d, ok := holidays.Date(key, y)
	if !ok {
		return 0, false
	}
	s.emit(from, end, value(d))
	return end, true
}

// holidayAt reads the longest holiday name starting at token j and returns
// its key and the token after it, or "".
func (s *dateScan) holidayAt(j int) (string, int) {
	var buf [64]byte
	b := buf[:0]
	key, end := "", 0
	words := 0
	for k := j; k < len(s.d.Tokens) && words <= holidays.MaxWords; k++ {
		t := s.tok(k)
		if t == "." && k > j && s.adjacent(k-1) {
			continue // "St. Patrick's Day"
		}
		if k > j {
			if !text.IsLetter(t[0]) && t[0] < 0x80 {
				break
			}
			b = append(b, ' ')
		}
		b = appendHolidayWord(b, t)
		if len(b) > 56 {
			break
		}
		words++
		if k == j && !holidays.Starts(string(b)) {
			return "", 0
		}
		if h, ok := holidays.Lookup(string(b)); ok {
			key, end = h, k+1
		}
	}
	return key, end
}

// appendHolidayWord appends token t in holidays.Normalize's form: lower
// case, without apostrophes and full stops, hyphens as spaces.
func appendHolidayWord(b []byte, t string) []byte {
	for k := 0; k < len(t); k++ {
		c := t[k]
		switch {
		case c == '\'' || c == '.':
		case c == '-':
			b = append(b, ' ')
		case c == 0xE2 && strings.HasPrefix(t[k:], "’"):
			k += len("’") - 1
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return b
}
