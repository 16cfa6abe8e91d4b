package dates

import (
	"strings"
	"time"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// Find finds every calendar expression in d, in text order, and resolves it
// against ref, the publication date (zero when unknown). With an unknown ref
// absolute parts are kept and the rest written as X ("XXXX-03-31"), and
// purely relative expressions ("last month", "today") are dropped, since no
// value could be right. Durations, frequencies and clock times are not
// dates; the vague "now", "recently" and "the future" are, as PRESENT_REF,
// PAST_REF and FUTURE_REF (FORMAT.md).
func Find(d *text.Doc, ref time.Time) []whosaid.Date {
	s := dateScan{d: d, ref: ref, known: !ref.IsZero()}
	s.classify()
	for i := 0; i < len(d.Tokens); {
		if end, ok := s.match(i); ok {
			i = end
			continue
		}
		i++
	}
	return s.out
}

// dateScan is the state of one dates call.
type dateScan struct {
	d     *text.Doc
	ref   time.Time
	known bool
	cls   []dword // lexicon class of each token
	out   []whosaid.Date

	// lastQuarter is the last quarter named ("2017-Q3"), the period "the
	// quarter" refers to; reportQuarter the latest one named that was over by
	// publication, the period the story reports on and "a year earlier"
	// compares with. derived marks the value being emitted as computed from
	// them.
	lastQuarter   string
	reportQuarter string
	derived       bool

	// focus is the last year, quarter, month or day named ("1998-06",
	// "1995", "1988-Q2"), which "that year" and "the following year" refer
	// to.
	focus string
}

// classify looks every word token up once, so patterns can test classes by
// index without re-folding.
func (s *dateScan) classify() {
	s.cls = make([]dword, len(s.d.Tokens))
	var buf [16]byte
	for i := range s.d.Tokens {
		t := s.d.Tok(i)
		if t == "" || t[0] >= 0x80 || text.IsDigit(t[0]) {
			continue
		}
		if c := t[len(t)-1]; c == 's' || c == 'S' {
			t, _ = text.TrimPossessive(t) // "year's"; the many words that end otherwise need no suffix tests
		}
		if !dateFilter.MayHold(t) {
			continue
		}
		b := text.Fold(buf[:], t)
		if b == nil {
			continue
		}
		if w, ok := dateLexicon[string(b)]; ok {
			// "may" the verb and "march" the verb are months only when capitalised.
			if w.kind == wMonth && !text.StartsUpper(t) {
				continue
			}
			s.cls[i] = w
		}
	}
}

// kind returns the class of token i, wNone outside the document.
func (s *dateScan) kind(i int) uint8 {
	if i < 0 || i >= len(s.cls) {
		return wNone
	}
	return s.cls[i].kind
}

// tok returns token i's text, "" outside the document.
func (s *dateScan) tok(i int) string {
	if i < 0 || i >= len(s.d.Tokens) {
		return ""
	}
	return s.d.Tok(i)
}

// adjacent reports whether tokens i and i+1 touch (no space between), which
// tells "3/31/2017" from prose.
func (s *dateScan) adjacent(i int) bool {
	return i+1 < len(s.d.Tokens) && s.d.Tokens[i].End == s.d.Tokens[i+1].Start
}

// emit records tokens [from, to) as a date with value v. The span ends
// before a possessive "'s" so "this year’s" yields "this year".
func (s *dateScan) emit(from, to int, v string) {
	if v == "" {
		return
	}
	start := s.d.Tokens[from].Start
	end := s.d.Tokens[to-1].End
	if _, n := text.TrimPossessive(s.d.Text[start:end]); n > 0 {
		end -= n
	}
	s.out = append(s.out, whosaid.Date{Text: s.d.Text[start:end], Start: start, End: end, Value: v})
	if len(v) >= 4 && text.IsDigit(v[0]) && text.IsDigit(v[3]) && (len(v) == 4 || text.IsDigit(v[5]) || v[5] == 'Q') {
		s.focus = v
	}
	s.noteQuarter(v)
}

// match tries every pattern at token i and returns the token after the
// match.
func (s *dateScan) match(i int) (int, bool) {
	if end, ok := s.matchComposed(i); ok {
		return end, true
	}
	switch s.cls[i].kind {
	case wThe:
		return s.matchThe(i)
	case wEarly:
		return s.matchEarly(i)
	case wMod:
		return s.matchMod(i)
	case wNum:
		return s.matchAgo(i)
	case wRel:
		return s.matchRel(i)
	case wWeekday:
		return s.matchWeekday(i)
	case wRef:
		return s.matchRef(i)
	case wRecent, wFuture:
		return s.matchRecent(i)
	case wLatest:
		return s.matchCurrent(i)
	case wHoliday:
		return s.matchHoliday(i, i, 0, false)
	case wSeason:
		return s.bareSeason(i, i)
	case wSpelled:
		return s.matchSpelledYear(i)
	case wThat:
		if end, v, ok := s.thatValue(i); ok {
			s.emit(i, end, v)
			return end, true
		}
		return 0, false
	case wMonth:
		return s.matchMonth(i)
	case wOrd:
		return s.matchPart(i, i)
	case wUnit:
		return s.matchYearEnd(i)
	case wFiscal:
		if y, ok := s.yearAt(i+1, true); ok {
			s.emit(i, i+2, timexYear(y))
			return i + 2, true
		}
		if s.unit(i+1) == uYear {
			if y, ok := s.yearAt(i+2, true); ok {
				s.emit(i, i+3, timexYear(y))
				return i + 3, true
			}
		}
		return 0, false
	}
	t := s.tok(i)
	if t == "" {
		return 0, false
	}
	if text.IsDigit(t[0]) {
		return s.matchNumeric(i)
	}
	if strings.IndexByte(t, '-') > 0 {
		return s.matchHyphen(i)
	}
	if len(t) == 2 && (t[0] == 'Q' || t[0] == 'H') && t[1] >= '1' && t[1] <= '4' && (t[0] == 'Q' || t[1] <= '2') {
		y, end := s.refYearOr(i + 1)
		if y == 0 {
			y = s.pubYear()
		}
		s.emit(i, end, timexPart(y, t[:1], int(t[1]-'0')))
		return end, true
	}
	if strings.HasPrefix(t, "FY") && text.AllDigits(t[2:]) && (len(t) == 4 || len(t) == 6) {
		y := text.AtoiSmall(t[2:])
		if len(t) == 4 {
			y += 2000
		}
		s.emit(i, i+1, timexYear(y))
		return i + 1, true
	}
	return 0, false
}

// unit returns the unit class of token i (singular only), or 0.
func (s *dateScan) unit(i int) int8 {
	if s.kind(i) != wUnit || s.cls[i].plural {
		return 0
	}
	return s.cls[i].val
}

// pubYear is the publication year, or -1 (written XXXX) when it is
// unknown.
func (s *dateScan) pubYear() int {
	if s.known {
		return s.ref.Year()
	}
	return -1
}

// refYearOr reads an explicit year at token i ("Q3 2024") or falls back to
// the publication year (0 when unknown); it returns the year and the token
// after what it used.
func (s *dateScan) refYearOr(i int) (int, int) {
	if y, ok := s.yearAt(i, true); ok {
		return y, i + 1
	}
	if s.known {
		return s.ref.Year(), i
	}
	return 0, i
}

// matchThe handles expressions that open with "the": "the end of the year",
// "the first quarter (of 2017)", "the last half of 1989", "the summer",
// "the early summer", "the 1990s", "the '80s", "the nineties".
func (s *dateScan) matchThe(i int) (int, bool) {
	j := i + 1
	switch s.kind(j) {
	case wEdge:
		if s.kind(j+1) == wOf {
			if end, v, ok := s.anchor(j + 2); ok {
				s.emit(i, end, v)
				return end, true
			}
		}
	case wOrd:
		return s.matchPart(i, j)
	case wFiscal:
		if s.kind(j+1) == wOrd {
			return s.matchPart(i, j+1) // "the fiscal first quarter"
		}
	case wEarly:
		if s.kind(j+1) == wSeason {
			return s.theSeason(i, j+1) // "the early summer"
		}
	case wSeason:
		return s.theSeason(i, j)
	}
	if v, end, ok := s.century(j); ok {
		s.emit(i, end, v)
		return end, true
	}
	if t := s.tok(j); len(t) == 5 && t[4] == 's' && text.AllDigits(t[:4]) && t[3] == '0' {
		s.emit(i, j+1, t[:3])
		return j + 1, true
	}
	if v, end, ok := s.shortDecade(j); ok {
		s.emit(i, end, v)
		return end, true
	}
	if s.kind(j) == wMod && s.cls[j].val < 0 {
		if end, ok := s.lastHalf(i, j); ok {
			return end, true
		}
	}
	if y, ok := s.yearAt(j, true); ok {
		if s.kind(j+1) == wOrd {
			if end, ok := s.partOfYear(i, j+1, y); ok {
				return end, true // "the 1988 second quarter"
			}
		}
		if end, ok := s.yearPeriod(i, j, y); ok {
			return end, true
		}
	}
	return s.matchTheStory(i, j)
}

// lastHalf handles "the last half of 1989" and "the last two quarters of
// 1989" (j is "last"), the second half of that year; "the last half" with
// no year after it is the span before now, not a date.
func (s *dateScan) lastHalf(i, j int) (int, bool) {
	if s.twoQuarters(j + 1) {
		return s.halfOfTwoQuarters(i, j+3, 2)
	}
	if s.unit(j+1) != uHalf {
		return 0, false
	}
	y, end := s.ofYear(j + 2)
	if y == 0 {
		return 0, false
	}
	s.emit(i, end, timexPart(y, "H", 2))
	return end, true
}

// twoQuarters reports whether tokens k, k+1 are "two quarters".
func (s *dateScan) twoQuarters(k int) bool {
	return s.kind(k) == wNum && s.cls[k].val == 2 && s.kind(k+1) == wUnit && s.cls[k+1].plural && s.cls[k+1].val == uQuarter
}

// halfOfTwoQuarters emits the half year that "the first two quarters" (n
// 1) or "the last two quarters" (n 2) make, of the year that follows at
// token k ("of 1990") or else of publication.
func (s *dateScan) halfOfTwoQuarters(from, k, n int) (int, bool) {
	y, end := s.ofYear(k)
	if y == 0 {
		if !s.known {
			return 0, false
		}
		y = s.ref.Year()
	}
	s.emit(from, end, timexPart(y, "H", n))
	return end, true
}

// theSeason handles "the summer", "the spring of 2017" (i is "the", j the
// season): this year's unless a year follows.
func (s *dateScan) theSeason(i, j int) (int, bool) {
	if s.cls[j].val == sFall && s.kind(j+1) != wOf {
		return 0, false // "the fall in prices"
	}
	y, end := s.ofYear(j + 1)
	if y == 0 {
		if !s.known {
			return 0, false
		}
		y = s.ref.Year()
	}
	s.emit(i, end, timexPart(y, seasonCodes[s.cls[j].val], -1))
	return end, true
}

// bareSeason handles a season without "the" at token j, text starting at
// from: with its year ("Spring 2015", "summer of 2016"), or after "early"
// or "late" (from < j), this year's like "the summer" ("late summer"). A
// season alone is left out: "fall" and "spring" are as often verbs.
func (s *dateScan) bareSeason(from, j int) (int, bool) {
	y, end := 0, j+1
	if yy, ok := s.yearAt(j+1, true); ok {
		y, end = yy, j+2
	} else if yy, e := s.ofYear(j + 1); e > j+1 {
		y, end = yy, e
	} else if from < j && s.known {
		y = s.ref.Year()
	}
	if y == 0 {
		return 0, false
	}
	s.emit(from, end, timexPart(y, seasonCodes[s.cls[j].val], -1))
	return end, true
}

// partOfYear emits "<year> third quarter" forms whose year came first
// ("the 1988 second quarter", "this year's third quarter"); j is the
// ordinal.
func (s *dateScan) partOfYear(from, j, y int) (int, bool) {
	n := int(s.cls[j].val)
	switch u := s.unit(j + 1); {
	case u == uQuarter:
		s.emit(from, j+2, timexPart(y, "Q", n))
	case u == uHalf && n <= 2:
		s.emit(from, j+2, timexPart(y, "H", n))
	default:
		return 0, false
	}
	return j + 2, true
}

// ofYear reads "of 2017", "of the year", "of last year" after a part of a
// year; it returns 0 and i when there is none.
func (s *dateScan) ofYear(i int) (int, int) {
	if s.kind(i) != wOf {
		return 0, i
	}
	if y, ok := s.yearAt(i+1, true); ok {
		return y, i + 2
	}
	if y, ok := s.spelledYear(i + 1); ok {
		return y, i + 3 // "the winter of nineteen ninety-four"
	}
	if !s.known {
		return 0, i
	}
	if s.kind(i+1) == wThe && s.unit(i+2) == uYear {
		return s.ref.Year(), i + 3
	}
	if s.kind(i+1) == wMod && s.unit(i+2) == uYear {
		return s.ref.Year() + int(s.cls[i+1].val), i + 3
	}
	return 0, i
}

// matchPart handles quarters and halves: "the first quarter", "first
// quarter of 2016", "the second half of the year". from is where the text
// starts ("the" or the ordinal), j the ordinal.
func (s *dateScan) matchPart(from, j int) (int, bool) {
	u := s.unit(j + 1)
	n := int(s.cls[j].val)
	if n == 1 && s.twoQuarters(j+1) {
		return s.halfOfTwoQuarters(from, j+3, 1) // "the first two quarters of 1990"
	}
	if u != uQuarter && u != uHalf || u == uHalf && n > 2 {
		return 0, false
	}
	if u == uHalf && s.sportsSentence(j) {
		return 0, false // "scored in the first half"
	}
	y, end := s.ofYear(j + 2)
	if y == 0 {
		y = s.pubYear()
	}
	part := "Q"
	if u == uHalf {
		part = "H"
	}
	s.emit(from, end, timexPart(y, part, n))
	return end, true
}

// sportsSentence reports whether the sentence holding token i talks about a
// match, where "the first half" is a period of play, not of a year.
func (s *dateScan) sportsSentence(i int) bool {
	lo, hi := s.sentenceTokens(i)
	var buf [16]byte
	for k := lo; k < hi; k++ {
		if b := text.Fold(buf[:], s.d.Tok(k)); b != nil && sportsWords[string(b)] {
			return true
		}
	}
	return false
}

var sportsWords = map[string]bool{"scored": true, "goal": true, "goals": true, "match": true,
	"game": true, "minute": true, "minutes": true, "penalty": true, "kick": true, "inning": true,
	"halftime": true, "striker": true, "goalkeeper": true, "touchdown": true}

// sentenceTokens returns the token range of the sentence holding token i.
func (s *dateScan) sentenceTokens(i int) (int, int) {
	off := s.d.Tokens[i].Start
	si := s.d.SentenceAt(off)
	if si < 0 {
		return i, i + 1
	}
	sp := s.d.Sentences[si]
	lo, hi := i, i+1
	for lo > 0 && s.d.Tokens[lo-1].Start >= sp.Start {
		lo--
	}
	for hi < len(s.d.Tokens) && s.d.Tokens[hi].End <= sp.End {
		hi++
	}
	return lo, hi
}

// anchor reads what "the end of" / "the start of" applies to and returns its
// value: "the year", "the month", "this year", "next year", "2025", "March".
func (s *dateScan) anchor(i int) (int, string, bool) {
	if s.kind(i) == wThe && s.known {
		switch s.unit(i + 1) {
		case uYear:
			return i + 2, timexYear(s.ref.Year()), true
		case uMonth:
			return i + 2, timexMonth(s.ref.Year(), int(s.ref.Month())), true
		case uWeek:
			return i + 2, timexWeek(s.ref), true
		}
		return 0, "", false
	}
	if y, ok := s.yearAt(i, true); ok {
		return i + 1, timexYear(y), true
	}
	if s.kind(i) == wMod {
		if v, ok := s.modValue(i); ok {
			return i + 2, v, true
		}
	}
	if s.kind(i) == wMonth {
		if end, v, ok := s.monthValue(i); ok {
			return end, v, true
		}
	}
	return 0, "", false
}

// matchEarly handles "early next year", "earlier this month", "late 2024",
// "mid-March". Before a weekday the modifier is left out of the text ("late
// Saturday" is the day), which the next position picks up.
func (s *dateScan) matchEarly(i int) (int, bool) {
	j := i + 1
	if s.kind(i-1) == wNum && s.cls[i-1].val == 1 && strings.EqualFold(s.tok(j), "date") && strings.EqualFold(s.tok(i), "later") {
		s.emit(i-1, j+1, futureRef) // "at a later date"
		return j + 1, true
	}
	switch s.kind(j) {
	case wMod:
		if s.unit(j+1) != 0 {
			if v, ok := s.modValue(j); ok {
				s.emit(i, j+2, v)
				return j + 2, true
			}
		}
	case wMonth:
		if end, v, ok := s.monthValue(j); ok {
			s.emit(i, end, v)
			return end, true
		}
	case wThat:
		if end, v, ok := s.thatValue(j); ok {
			s.emit(i, end, v) // "later that year"
			return end, true
		}
	case wSeason:
		return s.bareSeason(i, j)
	}
	if s.known && strings.EqualFold(s.tok(j), "in") && s.kind(j+1) == wThe && s.unit(j+2) == uYear && !s.cls[j+2].plural {
		s.emit(i, j+3, timexYear(s.ref.Year())) // "earlier in the year": this year, as "earlier this year"
		return j + 3, true
	}
	if y, ok := s.yearAt(j, true); ok {
		s.emit(i, j+1, timexYear(y))
		return j + 1, true
	}
	return 0, false
}

// matchYearEnd handles "year end" and "year's end" ("by year end"), the
// end of the publication year, which TimeML dates as the year like "the
// end of the year".
func (s *dateScan) matchYearEnd(i int) (int, bool) {
	if !s.known || s.unit(i) != uYear || s.cls[i].plural {
		return 0, false
	}
	k := i + 1
	if t := s.tok(k); t == "'s" || t == "’s" {
		k++
	}
	if !strings.EqualFold(s.tok(k), "end") {
		return 0, false
	}
	s.emit(i, k+1, timexYear(s.ref.Year()))
	return k + 1, true
}
