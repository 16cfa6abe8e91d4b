package extract

import (
	"strings"
	"time"
)

// This file holds the dates whose value comes from the story as much as
// from the calendar: the vague present, past and future ("now", "recently",
// "the future", written PRESENT_REF, PAST_REF and FUTURE_REF as FORMAT.md
// asks), and the periods of an earnings report ("the quarter", "the latest
// period", "a year earlier", "the year-ago quarter"), which name the period
// the story is about rather than the publication date's.

// Vague reference values.
const (
	presentRef = "PRESENT_REF"
	pastRef    = "PAST_REF"
	futureRef  = "FUTURE_REF"
)

// refWords that, right before "now", make it part of a duration or an idiom
// rather than a date: "for now", "until now", "by now", "from now on".
var notBeforeNow = map[string]bool{"for": true, "until": true, "till": true, "from": true,
	"by": true, "since": true, "just": true, "even": true}

// matchRef handles "now", "right now", "currently", "nowadays" and
// "recently". A sentence-opening "Now" is a discourse marker ("Now the test
// is whether …"), and "for now", "until now" are idioms of duration; both
// are left out.
func (s *dateScan) matchRef(i int) (int, bool) {
	w := s.cls[i]
	if w.val == 0 && len(s.tok(i)) == 3 {
		if s.sentenceStart(i) {
			return 0, false
		}
		var buf [8]byte
		if b := foldWord(buf[:], s.tok(i-1)); b != nil && notBeforeNow[string(b)] {
			return 0, false
		}
	}
	from := i
	if strings.EqualFold(s.tok(i-1), "right") {
		from = i - 1
	}
	v := presentRef
	if w.val < 0 {
		v = pastRef
	}
	s.emit(from, i+1, v)
	return i + 1, true
}

// matchRecent handles "recent years", "recent weeks": the vague past. The
// adjective alone ("a recent poll") is no date.
func (s *dateScan) matchRecent(i int) (int, bool) {
	if s.kind(i+1) == wUnit && s.cls[i+1].plural {
		s.emit(i, i+2, pastRef)
		return i + 2, true
	}
	return 0, false
}

// matchTheStory handles the expressions after "the" (token i; j is the word
// after it) that refer to the story's own period or to the vague future:
// "the future", "the near future", "the quarter", "the latest quarter",
// "the latest period", "the current quarter", "the current year", "the
// year-earlier quarter", "the weekend".
func (s *dateScan) matchTheStory(i, j int) (int, bool) {
	switch s.kind(j) {
	case wFuture:
		if s.kind(j+1) == wOf {
			return 0, false // "the future of the port" is a fate, not a time
		}
		s.emit(i, j+1, futureRef)
		return j + 1, true
	case wLatest:
		if !s.known {
			return 0, false
		}
		current := s.cls[j].val == 1
		switch {
		case s.unit(j+1) == uQuarter || !current && s.isPeriod(j+1):
			v, ok := s.endedQuarter(j + 2)
			if !ok {
				v = s.storyQuarter()
			}
			if current {
				v = timexPart(s.ref.Year(), "Q", (int(s.ref.Month())-1)/3+1)
			}
			if v == "" {
				return 0, false
			}
			s.emit(i, j+2, v)
			return j + 2, true
		case current && s.unit(j+1) == uYear:
			s.emit(i, j+2, timexYear(s.ref.Year()))
			return j + 2, true
		case current && s.kind(j+1) == wFiscal && s.unit(j+2) == uYear:
			s.emit(i, j+3, timexYear(s.ref.Year())) // "the current fiscal year"
			return j + 3, true
		}
	case wUnit:
		if !s.known || s.cls[j].plural {
			return 0, false
		}
		switch s.cls[j].val {
		case uQuarter:
			if s.kind(j+1) == wOf || s.kind(j+1) == wNum || s.tok(j+1) == "-" {
				return 0, false // "the quarter of a century", "the quarter-point"
			}
			v, ok := s.endedQuarter(j + 1)
			if !ok {
				v = s.storyQuarter()
			}
			if v != "" {
				s.emit(i, j+1, v)
				return j + 1, true
			}
		case uWeekend:
			s.emit(i, j+1, s.weekendValue(i))
			return j + 1, true
		case uYear:
			if strings.EqualFold(s.tok(j+1), "two") && strings.EqualFold(s.tok(j+2), "thousand") {
				s.emit(i, j+3, "2000") // "the year two thousand"
				return j + 3, true
			}
			if s.wholeYear(i, j) {
				s.emit(i, j+1, timexYear(s.ref.Year()))
				return j + 1, true
			}
		}
	}
	if strings.EqualFold(s.tok(j), "full") && s.unit(j+1) == uYear && s.wholeYear(i, j+1) {
		s.emit(i, j+2, timexYear(s.ref.Year()))
		return j + 2, true
	}
	if strings.EqualFold(s.tok(j), "following") {
		if end, v, ok := s.followingValue(j); ok {
			s.emit(i, end, v)
			return end, true
		}
	}
	if strings.EqualFold(s.tok(j), "past") && strings.EqualFold(s.tok(i-1), "in") && s.vaguePast(j+1) {
		s.emit(i, j+1, pastRef)
		return j + 1, true
	}
	if strings.EqualFold(s.tok(j), "near") && s.kind(j+1) == wFuture && s.kind(j+2) != wOf {
		s.emit(i, j+2, futureRef)
		return j + 2, true
	}
	if isYearAgoWord(s.tok(j)) && s.known {
		end := j + 1
		if s.unit(end) == uQuarter || s.isPeriod(end) {
			end++
		} else if s.kind(end) == wOrd && s.unit(end+1) == uQuarter {
			end += 2
		}
		s.emit(i, end, s.yearBefore(j))
		return end, true
	}
	return 0, false
}

// wholeYear reports whether "the year" (token i "the", k "year") names the
// publication year as a whole: after "for" or "of" ("sales for the full
// year", "a high for the year", "the first nine months of the year"), but
// not as the span of an account ("for the year ended Sept. 30", a duration
// in TimeBank) nor a comparison ("the year before").
func (s *dateScan) wholeYear(i, k int) bool {
	if !s.known {
		return false
	}
	var buf [16]byte
	b := foldWord(buf[:], s.tok(i-1))
	if b == nil || string(b) != "for" && string(b) != "of" {
		return false
	}
	switch lowerWord(s.tok(k + 1)) {
	case "ended", "ending", "before", "earlier", "ago", "to", "through", "-", "'s", "’s":
		return false
	}
	return true
}

// vaguePast reports whether "in the past" ends before token k, making it
// the vague past rather than the start of a span ("in the past four years",
// "in the past few months", "in the past decade").
func (s *dateScan) vaguePast(k int) bool {
	switch s.kind(k) {
	case wNum, wUnit, wOrd:
		return false
	}
	t := s.tok(k)
	if t != "" && isDigitByte(t[0]) {
		return false
	}
	var buf [16]byte
	b := foldWord(buf[:], t)
	return b == nil || !spanWords[string(b)]
}

// spanWords after "the past" make it a span: "the past several quarters".
var spanWords = map[string]bool{"few": true, "several": true, "couple": true, "decade": true,
	"decades": true, "century": true, "quarters": true, "quarter": true, "dozen": true, "many": true}

// matchCurrent handles the adjective "current" alone ("the current
// weakness", "his current wife"), which TimeBank marks as the present.
// "The current quarter" and "the current year" are matchTheStory's, "then
// current" is a past present, and "current account" is a term of trade.
func (s *dateScan) matchCurrent(i int) (int, bool) {
	if s.cls[i].val != 1 || !s.known {
		return 0, false
	}
	switch s.kind(i + 1) {
	case wUnit, wFiscal, wOf:
		return 0, false
	}
	var buf [16]byte
	if b := foldWord(buf[:], s.tok(i-1)); b != nil && string(b) == "then" {
		return 0, false
	}
	if b := foldWord(buf[:], s.tok(i+1)); b == nil || string(b) == "account" || string(b) == "accounts" || s.isPeriod(i+1) {
		return 0, false
	}
	s.emit(i, i+1, presentRef)
	return i + 1, true
}

// thatValue resolves "that year", "that same day", "that month" and "that
// quarter" at token j ("that"): the period of the date last named, when it
// is at least as precise ("in June 1998 … later that year" is 1998). It
// returns the token after the expression.
func (s *dateScan) thatValue(j int) (int, string, bool) {
	k := j + 1
	if strings.EqualFold(s.tok(k), "same") {
		k++
	}
	v := s.focus
	var n int
	switch s.unit(k) {
	case uYear:
		n = 4
	case uMonth:
		n = 7
	case uDay:
		n = 10
	case uQuarter:
		n = 7
	default:
		return 0, "", false
	}
	if len(v) < n || n > 4 && (s.unit(k) == uQuarter) != (v[5] == 'Q') {
		return 0, "", false
	}
	s.derived = true
	return k + 1, v[:n], true
}

// followingValue resolves "the following year" and "the following month"
// (j is "following"): the period after the date last named.
func (s *dateScan) followingValue(j int) (int, string, bool) {
	v := s.focus
	switch s.unit(j + 1) {
	case uYear:
		if len(v) >= 4 {
			return j + 2, timexYear(atoiSmall(v[:4]) + 1), true
		}
	case uMonth:
		if len(v) >= 7 && v[5] != 'Q' {
			t := time.Date(atoiSmall(v[:4]), time.Month(atoiSmall(v[5:7])+1), 1, 0, 0, 0, 0, time.UTC)
			return j + 2, timexMonth(t.Year(), int(t.Month())), true
		}
	}
	return 0, "", false
}

// endedQuarter reads "ended Sept. 30" at token k after "the quarter": the
// quarter holding that day is the one meant.
func (s *dateScan) endedQuarter(k int) (string, bool) {
	if !(strings.EqualFold(s.tok(k), "ended") || strings.EqualFold(s.tok(k), "ending")) || s.kind(k+1) != wMonth {
		return "", false
	}
	_, v, ok := s.monthValue(k + 1)
	if !ok || v[0] == 'X' {
		return "", false
	}
	m := atoiSmall(v[5:7])
	return timexPart(atoiSmall(v[:4]), "Q", (m-1)/3+1), true
}

// yearPeriod handles "the 1988 period" and "the 1988 quarter" at token j
// (the year), which in an earnings story name the story's quarter in that
// year; without a quarter in view they are the year.
func (s *dateScan) yearPeriod(i, j, y int) (int, bool) {
	if s.unit(j+1) != uQuarter && !s.isPeriod(j+1) {
		return 0, false
	}
	v := timexYear(y)
	if s.lastQuarter != "" {
		v += s.lastQuarter[4:]
		s.derived = true
	}
	s.emit(i, j+2, v)
	return j + 2, true
}

// isPeriod reports whether token i is "period", which in an earnings story
// is the reporting quarter.
func (s *dateScan) isPeriod(i int) bool { return strings.EqualFold(s.tok(i), "period") }

// isYearAgoWord reports whether t is the adjective "year-earlier" or
// "year-ago".
func isYearAgoWord(t string) bool {
	return strings.EqualFold(t, "year-earlier") || strings.EqualFold(t, "year-ago")
}

// storyQuarter returns the quarter the story is about: the last quarter it
// named ("third-quarter profit … in the quarter"), or else the last quarter
// completed before publication, which is the one companies report on. It
// returns "" when neither is known.
func (s *dateScan) storyQuarter() string {
	if s.lastQuarter != "" {
		return s.lastQuarter
	}
	if !s.known {
		return ""
	}
	q := (int(s.ref.Month()) - 1) / 3 // 0-based current quarter
	y := s.ref.Year()
	if q == 0 {
		return timexPart(y-1, "Q", 4)
	}
	return timexPart(y, "Q", q)
}

// yearBefore resolves "a year earlier", "a year ago" and "year-earlier" at
// token i. In a story about a quarter it is that quarter a year before
// ("third-quarter net … compared with $5 million a year earlier" is last
// year's third quarter, wherever in the story the quarter was named: TimeBank
// marks it so in earnings stories); otherwise, or when its own sentence
// names a span of months ("in the nine months, net rose from $4 million a
// year earlier"), it is the year before publication. The returned value is
// marked derived so that it does not become the story's quarter itself.
func (s *dateScan) yearBefore(i int) string {
	s.derived = true
	q := s.reportQuarter
	if q == "" {
		q = s.lastQuarter
	}
	if q != "" && !s.monthsSentence(i) {
		return timexYear(atoiSmall(q[:4])-1) + q[4:]
	}
	return timexYear(s.ref.Year() - 1)
}

// monthsSentence reports whether the sentence holding token i names a span
// of months ("the nine months", "the three months to March 31"), the period
// a "year earlier" there compares with instead of the story's quarter.
func (s *dateScan) monthsSentence(i int) bool {
	lo, hi := s.sentenceTokens(i)
	for k := lo; k < hi; k++ {
		if s.cls[k].kind == wUnit && s.cls[k].plural && s.cls[k].val == uMonth {
			return true
		}
	}
	return false
}

// noteQuarter remembers a quarter just named, as the period later "the
// quarter" refers to, and the latest one already over by publication as
// the quarter the story reports on, which "a year earlier" compares with (a
// "flat second quarter" before it or "the third quarter of 1990" ahead is
// context, not the report). Values derived from those periods are not noted.
func (s *dateScan) noteQuarter(v string) {
	if s.derived {
		s.derived = false
		return
	}
	if len(v) == 7 && v[4] == '-' && v[5] == 'Q' && v[0] != 'X' {
		s.lastQuarter = v
		if v > s.reportQuarter && s.known {
			y, q := atoiSmall(v[:4]), int(v[6]-'0')
			if end := time.Date(y, time.Month(3*q+1), 1, 0, 0, 0, 0, time.UTC); !end.After(s.ref) {
				s.reportQuarter = v
			}
		}
	}
}

// weekendValue resolves "the weekend" at token i: the coming one when the
// sentence looks ahead, else the last one begun by publication ("officials
// said over the weekend" in a Monday story).
func (s *dateScan) weekendValue(i int) string {
	sat := (int(time.Saturday) - int(s.ref.Weekday()) + 7) % 7 // days to the next Saturday
	var t time.Time
	switch {
	case s.ref.Weekday() == time.Saturday || s.ref.Weekday() == time.Sunday:
		t = s.ref
	case s.tense(i, i+2) == cueFuture:
		t = s.ref.AddDate(0, 0, sat)
	default:
		t = s.ref.AddDate(0, 0, sat-7)
	}
	return timexWeek(t) + "-WE"
}
