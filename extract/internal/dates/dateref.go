package dates

import (
	"strings"
	"time"

	"github.com/whosaid/whosaid/extract/internal/text"
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

// refWords that, right before "now", make it part of an idiom or the start
// of a span rather than the present: "by now", "from now on", "just now".
// "For now" and "until now" stay dates, the present as a limit, as TimeML
// marks them.
var notBeforeNow = map[string]bool{"from": true, "by": true, "since": true, "just": true, "even": true}

// matchRef handles "now", "right now", "currently", "nowadays" and
// "recently". A sentence-opening "Now" is a discourse marker ("Now the test
// is whether …"), and "by now", "from now on" idioms; both are left out.
func (s *dateScan) matchRef(i int) (int, bool) {
	w := s.cls[i]
	if w.val > 0 {
		return s.matchSoon(i)
	}
	if w.val == 0 && len(s.tok(i)) == 3 {
		if s.sentenceStart(i) {
			return 0, false
		}
		var buf [8]byte
		if b := text.Fold(buf[:], s.tok(i-1)); b != nil && notBeforeNow[string(b)] {
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

// matchSoon handles "soon" and "as soon as possible", the vague future,
// when the sentence looks ahead ("may soon seek", "will soon begin"). After
// a past verb it is a short while after a past event ("was soon
// released"), and in "soon after the vote" or "as soon as Tuesday" it only
// measures from another time, which is the one to tag.
func (s *dateScan) matchSoon(i int) (int, bool) {
	if strings.EqualFold(s.tok(i-1), "as") && strings.EqualFold(s.tok(i+1), "as") {
		if !strings.EqualFold(s.tok(i+2), "possible") {
			return 0, false
		}
		s.emit(i-1, i+3, futureRef)
		return i + 3, true
	}
	var buf [16]byte
	switch string(text.Fold(buf[:], s.tok(i+1))) {
	case "after", "afterward", "afterwards", "thereafter", "before":
		return 0, false
	}
	if c, _ := s.wordCue(i + 1); c != cueFuture && s.tense(i, i+1) != cueFuture {
		return 0, false // the modal right after wins: "it soon will begin"
	}
	s.emit(i, i+1, futureRef)
	return i + 1, true
}

// matchRecent handles "recent years", "in past years": the vague past;
// "these days", the present; and "future quarters", the vague future. The
// adjective alone ("a recent poll", "future earnings") is no date, and
// "the past weeks", "the future years" or "these weeks" are spans.
func (s *dateScan) matchRecent(i int) (int, bool) {
	if s.kind(i+1) != wUnit || !s.cls[i+1].plural {
		return 0, false
	}
	if s.kind(i-1) == wThe && !strings.EqualFold(s.tok(i), "recent") {
		return 0, false // "over the past weeks", "the future years": spans
	}
	v := pastRef
	switch {
	case s.cls[i].kind == wFuture:
		v = futureRef
	case s.cls[i].val == 0:
		if s.cls[i+1].val != uDay {
			return 0, false
		}
		v = presentRef
	}
	s.emit(i, i+2, v)
	return i + 2, true
}

// matchTheStory handles the expressions after "the" (token i; j is the word
// after it) that refer to the story's own period or to the vague future:
// "the future", "the near future", "the quarter", "the latest quarter",
// "the latest period", "the current quarter", "the current year", "the
// fiscal year", "the year-earlier quarter", "the weekend", "the week of
// March 6", "the previous Friday".
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
			switch {
			case ok:
			case s.reportQuarter != "":
				v = s.reportQuarter // "the latest quarter" is over, whatever "fourth-quarter charge" looks ahead to
			default:
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
		case uWeek:
			if s.kind(j+1) == wOf && s.kind(j+2) == wMonth {
				if end, v, ok := s.monthValue(j + 2); ok && len(v) == 10 && v[0] != 'X' {
					s.emit(i, end, timexWeek(dayOf(v))) // "the week of March 6"
					return end, true
				}
			}
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
	if (strings.EqualFold(s.tok(j), "full") || s.kind(j) == wFiscal) && s.unit(j+1) == uYear && s.wholeYear(i, j+1) {
		s.emit(i, j+2, timexYear(s.ref.Year()))
		return j + 2, true
	}
	if s.kind(j+1) == wWeekday && s.known {
		if v, ok := s.weekdayBeside(j); ok {
			s.emit(i, j+2, v)
			return j + 2, true
		}
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
	if isYearAgoWord(s.tok(j)) && s.known && !s.beforeQuantity(j+1) {
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
	b := text.Fold(buf[:], s.tok(i-1))
	if b == nil || string(b) != "for" && string(b) != "of" {
		return false
	}
	switch strings.ToLower(s.tok(k + 1)) {
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
	if t != "" && text.IsDigit(t[0]) {
		return false
	}
	var buf [16]byte
	b := text.Fold(buf[:], t)
	return b == nil || !spanWords[string(b)]
}

// spanWords after "the past" make it a span: "the past several quarters".
var spanWords = map[string]bool{"few": true, "several": true, "couple": true, "decade": true,
	"decades": true, "century": true, "quarters": true, "quarter": true, "dozen": true, "many": true}

// matchCurrent handles the adjective "current" alone ("the current
// weakness", "his current wife"), which TimeBank marks as the present.
// "The current quarter" and "the current year" are matchTheStory's, "then
// current" is a present that has passed (PAST_REF), and "current account"
// is a term of trade.
func (s *dateScan) matchCurrent(i int) (int, bool) {
	if s.cls[i].val != 1 || !s.known {
		return 0, false
	}
	switch s.kind(i + 1) {
	case wUnit, wFiscal, wOf:
		return 0, false
	}
	var buf [16]byte
	if b := text.Fold(buf[:], s.tok(i+1)); b == nil || string(b) == "account" || string(b) == "accounts" || s.isPeriod(i+1) {
		return 0, false
	}
	if b := text.Fold(buf[:], s.tok(i-1)); b != nil && string(b) == "then" {
		s.emit(i-1, i+1, pastRef)
		return i + 1, true
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
			return j + 2, timexYear(text.AtoiSmall(v[:4]) + 1), true
		}
	case uMonth:
		if len(v) >= 7 && v[5] != 'Q' {
			t := time.Date(text.AtoiSmall(v[:4]), time.Month(text.AtoiSmall(v[5:7])+1), 1, 0, 0, 0, 0, time.UTC)
			return j + 2, timexMonth(t.Year(), int(t.Month())), true
		}
	}
	return 0, "", false
}

// weekdayBeside resolves "the previous Friday" and "the following
// Friday" (j is "previous" or "following"): the weekday before or after
// the day last named, the story's own time ("closed lower Friday … down
// 4.5% from the previous Friday" is a week earlier), or before or after
// publication when no day has been named.
func (s *dateScan) weekdayBeside(j int) (string, bool) {
	dir := 0
	var buf [16]byte
	switch string(text.Fold(buf[:], s.tok(j))) {
	case "previous":
		dir = -1
	case "following":
		dir = 1
	default:
		return "", false
	}
	base := s.ref
	if v := s.focus; len(v) == 10 && v[0] != 'X' {
		base = dayOf(v)
	}
	wd := time.Weekday(s.cls[j+1].val)
	n := (int(wd) - int(base.Weekday()) + 7) % 7 // days ahead to the next wd
	if dir < 0 {
		n = -((int(base.Weekday()) - int(wd) + 7) % 7)
	}
	if n == 0 {
		n = 7 * dir
	}
	return timexDate(base.AddDate(0, 0, n)), true
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
	m := text.AtoiSmall(v[5:7])
	return timexPart(text.AtoiSmall(v[:4]), "Q", (m-1)/3+1), true
}

// yearPeriod handles "the 1988 period" and "the 1988 quarter" at token j
// (the year), which in an earnings story name the story's quarter in that
// year; without a quarter in view, or beside a span of months ("in the
// first nine months … in the 1988 period"), they are the year.
func (s *dateScan) yearPeriod(i, j, y int) (int, bool) {
	if s.unit(j+1) != uQuarter && !s.isPeriod(j+1) {
		return 0, false
	}
	v := timexYear(y)
	q := s.reportQuarter // the quarter reported on, not "a flat second quarter" named as context
	if q == "" {
		q = s.lastQuarter
	}
	if q != "" && !s.monthsSentence(j) {
		v += q[4:]
		s.derived = true
	}
	s.emit(i, j+2, v)
	return j + 2, true
}

// isPeriod reports whether token i is "period", which in an earnings story
// is the reporting quarter.
func (s *dateScan) isPeriod(i int) bool { return strings.EqualFold(s.tok(i), "period") }

// beforeQuantity reports whether token k starts an amount or a count
// ("the year-earlier $4.5 million", "the year-earlier nine months"), which
// the adjective before it qualifies: a figure or a span, not a date.
func (s *dateScan) beforeQuantity(k int) bool {
	t := s.tok(k)
	return t != "" && (t[0] == '$' || text.IsDigit(t[0]) || s.kind(k) == wNum && s.kind(k+1) == wUnit)
}

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
		return timexYear(text.AtoiSmall(q[:4])-1) + q[4:]
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
			y, q := text.AtoiSmall(v[:4]), int(v[6]-'0')
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

// dayOf parses a calendar-day value ("2000-03-06") known to be well formed.
func dayOf(v string) time.Time {
	return time.Date(text.AtoiSmall(v[:4]), time.Month(text.AtoiSmall(v[5:7])), text.AtoiSmall(v[8:]), 0, 0, 0, 0, time.UTC)
}
