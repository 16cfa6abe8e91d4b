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
		}
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
// year's third quarter); otherwise it is the year before publication. The
// returned value is marked derived so that it does not become the story's
// quarter itself.
func (s *dateScan) yearBefore(i int) string {
	s.derived = true
	if s.lastQuarter != "" && s.quarterInScope(i) {
		y := atoiSmall(s.lastQuarter[:4])
		return timexYear(y-1) + s.lastQuarter[4:]
	}
	return timexYear(s.ref.Year() - 1)
}

// quarterInScope reports whether the last quarter named is close enough to
// token i to be what a "year earlier" there compares with.
func (s *dateScan) quarterInScope(i int) bool {
	return s.d.ParagraphAt(s.d.Tokens[i].Start) == s.lastQuarterPara
}

// noteQuarter remembers a quarter just named, as the period later "the
// quarter" and "a year earlier" refer to; values derived from that period
// are not noted.
func (s *dateScan) noteQuarter(v string, start int) {
	if s.derived {
		s.derived = false
		return
	}
	if len(v) == 7 && v[4] == '-' && v[5] == 'Q' && v[0] != 'X' {
		s.lastQuarter = v
		s.lastQuarterPara = s.d.ParagraphAt(start)
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
