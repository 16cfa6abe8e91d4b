package dates

import (
	"strconv"
	"time"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file holds the vocabulary of the dates stage and the arithmetic that
// turns an expression into a TIMEX3 value relative to the publication date.

// Word classes of the date lexicon.
const (
	wNone    uint8 = iota
	wMonth         // val 1..12
	wWeekday       // val time.Weekday
	wRel           // today, tonight 0, yesterday -1, tomorrow +1
	wMod           // this 0, last -1, next +1
	wUnit          // val one of the u* constants
	wSeason        // val one of the s* constants
	wOrd           // first 1 … fourth 4
	wNum           // a/an 1, one … twelve
	wEdge          // end, start, beginning, middle
	wEarly         // early, earlier, late, later, mid
	wThe
	wOf
	wAgo
	wEvery   // every, each: frequencies are not dates
	wFiscal  // fiscal: "fiscal 2024" is the year
	wRef     // now, currently 0; recently -1; soon 1: PRESENT_REF, PAST_REF, FUTURE_REF
	wRecent  // recent, past -1; these 0: "recent years" is PAST_REF, "these days" PRESENT_REF
	wFuture  // future: "the (near) future" is FUTURE_REF
	wLatest  // latest 0, current 1: "the latest quarter" is the one under discussion
	wHoliday // val one of the h* constants: "Thanksgiving", "Christmas", "Election Day"
	wSpelled // nineteen 19: the century of a year said in words ("nineteen ninety-six")
	wThat    // that: "that year", "later that day" refer to the date last named
)

// Units of time.
const (
	uDay int8 = iota + 1
	uWeek
	uWeekend
	uMonth
	uQuarter
	uHalf
	uYear
)

// Seasons in TIMEX3 order.
const (
	sSpring int8 = iota
	sSummer
	sFall
	sWinter
)

var seasonCodes = [...]string{"SP", "SU", "FA", "WI"}

// dword is one entry of the date lexicon. plural marks "years" and the like,
// which only count before "ago".
type dword struct {
	kind   uint8
	val    int8
	plural bool
}

// dateLexicon maps lower-case words to their class; it is read-only after
// init and shared by every goroutine.
var dateLexicon = buildDateLexicon()

// dateFilter answers "might this word be in dateLexicon?" from its first
// letter, last letter and length, so the common words of an article ("said",
// "and", "to") skip the map lookup.
var dateFilter = text.NewWordFilter(dateLexicon)

// buildDateLexicon assembles dateLexicon; month abbreviations are included
// because wire copy writes "Jan. 5" and "Sept. 30".
func buildDateLexicon() map[string]dword {
	m := map[string]dword{}
	months := [][]string{
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
		{"september", "sep", "sept"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
	}
	for i, names := range months {
		for _, n := range names {
			m[n] = dword{kind: wMonth, val: int8(i + 1)}
		}
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, n := range days {
		m[n] = dword{kind: wWeekday, val: int8(i)}
	}
	for w, v := range map[string]int8{"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1} {
		m[w] = dword{kind: wRel, val: v}
	}
	for w, v := range map[string]int8{"this": 0, "last": -1, "next": 1, "previous": -1, "coming": 1} {
		m[w] = dword{kind: wMod, val: v}
	}
	for w, v := range map[string]int8{"day": uDay, "week": uWeek, "weekend": uWeekend, "month": uMonth,
		"quarter": uQuarter, "half": uHalf, "year": uYear} {
		m[w] = dword{kind: wUnit, val: v}
	}
	for w, v := range map[string]int8{"days": uDay, "weeks": uWeek, "months": uMonth, "quarters": uQuarter, "years": uYear} {
		m[w] = dword{kind: wUnit, val: v, plural: true}
	}
	for w, v := range map[string]int8{"spring": sSpring, "summer": sSummer, "fall": sFall, "autumn": sFall, "winter": sWinter} {
		m[w] = dword{kind: wSeason, val: v}
	}
	for w, v := range map[string]int8{"first": 1, "second": 2, "third": 3, "fourth": 4} {
		m[w] = dword{kind: wOrd, val: v}
	}
	for w, v := range map[string]int8{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
		"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12} {
		m[w] = dword{kind: wNum, val: v}
	}
	for _, w := range []string{"end", "start", "beginning", "middle"} {
		m[w] = dword{kind: wEdge}
	}
	for _, w := range []string{"early", "earlier", "late", "later", "mid"} {
		m[w] = dword{kind: wEarly}
	}
	m["the"] = dword{kind: wThe}
	m["of"] = dword{kind: wOf}
	m["ago"] = dword{kind: wAgo}
	m["every"] = dword{kind: wEvery}
	m["each"] = dword{kind: wEvery}
	m["fiscal"] = dword{kind: wFiscal}
	for w, v := range map[string]int8{"now": 0, "currently": 0, "nowadays": 0, "recently": -1, "soon": 1} {
		m[w] = dword{kind: wRef, val: v}
	}
	for w, v := range map[string]int8{"recent": -1, "past": -1, "these": 0} {
		m[w] = dword{kind: wRecent, val: v}
	}
	m["future"] = dword{kind: wFuture}
	m["latest"] = dword{kind: wLatest}
	m["current"] = dword{kind: wLatest, val: 1}
	for w, v := range map[string]int8{"thanksgiving": hThanksgiving, "christmas": hChristmas, "election": hElection} {
		m[w] = dword{kind: wHoliday, val: v}
	}
	m["nineteen"] = dword{kind: wSpelled, val: 19}
	m["that"] = dword{kind: wThat}
	return m
}

// Tense cues: what a word says about when the event it governs happens.
const (
	cueNone     int8 = iota
	cuePast          // said, rose, since, ago
	cueFuture        // will, due, scheduled, next
	cuePresent       // is, has: no direction, take the nearest date
	cueBePast        // was, were: passive auxiliaries decide for their participle
	cueBeFuture      // be ("to be held")
	cueBeSkip        // been, being: keep looking for the auxiliary
)

// tenseCues maps lower-case words to the tense they signal. Intention and
// schedule verbs count as future even in the past tense ("had proposed
// March", "were due to take effect on July 1"): the date they govern is the
// planned one.
var tenseCues = buildTenseCues()

// buildTenseCues assembles tenseCues.
func buildTenseCues() map[string]int8 {
	m := map[string]int8{}
	for _, w := range []string{"will", "shall", "would", "could", "might", "may", "should", "must", "can",
		"going", "due", "scheduled", "slated", "expected", "expects", "expect", "planned", "plans", "plan",
		"planning", "proposed", "proposes", "propose", "aims", "aim", "aiming", "intends", "intend", "hopes",
		"hope", "likely", "upcoming", "next", "begins", "starts", "opens", "ends", "closes", "expires",
		"tomorrow", "wants", "want", "seeks", "meet", "meets", "resume", "resumes", "runs"} {
		m[w] = cueFuture
	}
	for _, w := range []string{"said", "says", "told", "was", "were", "had", "did", "made", "took", "met", "held",
		"won", "lost", "fell", "rose", "led", "left", "came", "went", "began", "saw", "gave", "got", "spoke",
		"wrote", "sold", "bought", "paid", "spent", "sent", "kept", "brought", "thought", "felt", "found",
		"struck", "ran", "became", "grew", "drew", "threw", "flew", "fought", "chose", "broke", "stood", "sat",
		"built", "meant", "heard", "caught", "shot", "fled", "slid", "sank", "shook", "knew", "withdrew",
		"ago", "since", "last", "earlier", "previously", "yesterday", "already", "ended", "began", "hit",
		"dealt", "swept", "forgot", "overtook", "understood", "rode", "drove", "ate", "woke", "wore",
		"couldn't", "couldn’t"} {
		m[w] = cuePast
	}
	for _, w := range []string{"is", "are", "am", "has", "have"} {
		m[w] = cuePresent
	}
	m["was"] = cueBePast
	m["were"] = cueBePast
	m["be"] = cueBeFuture
	m["been"] = cueBeSkip
	m["being"] = cueBeSkip
	return m
}

// edExceptions end in "ed" without being past tenses.
var edExceptions = map[string]bool{
	"need": true, "speed": true, "proceed": true, "exceed": true, "succeed": true, "indeed": true,
	"hundred": true, "united": true, "seed": true, "breed": true, "feed": true, "embed": true,
	"shed": true, "greed": true, "creed": true, "deed": true, "weed": true, "bed": true, "red": true,
}

// timexYear formats a year as TIMEX3 wants it: four digits.
func timexYear(y int) string {
	if y >= 1000 && y <= 9999 {
		return strconv.Itoa(y)
	}
	b := make([]byte, 0, 4)
	b = strconv.AppendInt(b, int64(y), 10)
	for len(b) < 4 {
		b = append([]byte{'0'}, b...)
	}
	return string(b)
}

// timexMonth formats a year and month; y < 0 means the year is unknown.
func timexMonth(y, m int) string {
	var b [7]byte
	appendYear(b[:0], y)
	b[4] = '-'
	b[5] = byte('0' + m/10)
	b[6] = byte('0' + m%10)
	return string(b[:])
}

// timexDay formats a calendar day; y < 0 means the year is unknown.
func timexDay(y, m, d int) string {
	var b [10]byte
	appendYear(b[:0], y)
	b[4] = '-'
	b[5] = byte('0' + m/10)
	b[6] = byte('0' + m%10)
	b[7] = '-'
	b[8] = byte('0' + d/10)
	b[9] = byte('0' + d%10)
	return string(b[:])
}

// timexDate formats t as a calendar day.
func timexDate(t time.Time) string {
	return timexDay(t.Year(), int(t.Month()), t.Day())
}

// appendYear writes four year digits into b (which has room), or "XXXX"
// when y < 0.
func appendYear(b []byte, y int) {
	b = b[:4]
	if y < 0 {
		copy(b, "XXXX")
		return
	}
	for i := 3; i >= 0; i-- {
		b[i] = byte('0' + y%10)
		y /= 10
	}
}

// timexPart formats "2017-W12", "2017-Q1", "2017-H1" and "2017-SU".
func timexPart(y int, part string, n int) string {
	var b [8]byte
	appendYear(b[:0], y)
	b[4] = '-'
	k := 5 + copy(b[5:], part)
	if n >= 0 {
		if n >= 10 || part == "W" {
			b[k] = byte('0' + n/10)
			k++
		}
		b[k] = byte('0' + n%10)
		k++
	}
	return string(b[:k])
}

// timexWeek formats the ISO week holding t.
func timexWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return timexPart(y, "W", w)
}

// resolveMonth picks the year of a month named without one. A month equal to
// the publication month is this year's; otherwise past tense picks the last
// occurrence, future the next, and no cue the nearer of the two (news
// mostly looks back, so ties go to the past).
func resolveMonth(ref time.Time, m int, tense int8) int {
	ry, rm := ref.Year(), int(ref.Month())
	if m == rm {
		return ry
	}
	past, fut := ry, ry
	if m > rm {
		past = ry - 1
	} else {
		fut = ry + 1
	}
	back := (rm - m + 12) % 12
	fwd := (m - rm + 12) % 12
	if t := nearTense(tense, back, fwd); t != cueNone {
		if t == cuePast {
			return past
		}
		return fut
	}
	if fwd < back {
		return fut
	}
	return past
}

// nearTense returns the direction a tense cue picks for a month back
// months behind and fwd months ahead of publication, or cueNone when the
// cue does not decide. A cue that points most of a year away while the
// other side is a month or two off is overruled: a story names the coming
// December or the past August without a year, rarely last year's December
// ("declared a dividend, payable Dec. 7" in a November story).
func nearTense(tense int8, back, fwd int) int8 {
	switch {
	case tense == cuePast && back >= 9 && fwd <= 2:
		return cueFuture
	case tense == cueFuture && fwd >= 9 && back <= 2:
		return cuePast
	case tense == cuePast || tense == cueFuture:
		return tense
	}
	return cueNone
}

// resolveMonthDay picks the year of "March 31". A day in the publication
// month is this year's whichever side of publication it falls ("sales to
// March 31" in a March 30 story, "extended to Nov. 20" in a Nov. 2 one):
// a tense cue a year away from the day is less likely than a story about
// its own month. Other days are placed like resolveMonth, at day precision.
func resolveMonthDay(ref time.Time, m, day int, tense int8) int {
	ry := ref.Year()
	if m == int(ref.Month()) {
		return ry
	}
	this := time.Date(ry, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	r := time.Date(ry, ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	if this.Equal(r) {
		return ry
	}
	past, fut := ry, ry
	if this.After(r) {
		past = ry - 1
	} else {
		fut = ry + 1
	}
	rm := int(ref.Month())
	if t := nearTense(tense, (rm-m+12)%12, (m-rm+12)%12); t != cueNone {
		if t == cuePast {
			return past
		}
		return fut
	}
	pd := r.Sub(time.Date(past, time.Month(m), day, 0, 0, 0, 0, time.UTC))
	fd := time.Date(fut, time.Month(m), day, 0, 0, 0, 0, time.UTC).Sub(r)
	if fd < pd {
		return fut
	}
	return past
}

// resolveWeekday returns the day a bare weekday names. The publication
// weekday itself is the publication day (wire stories say "on Tuesday" for
// today); otherwise future cues pick the coming one, present cues the
// nearer, and anything else the most recent past one.
func resolveWeekday(ref time.Time, wd time.Weekday, tense int8) time.Time {
	back := (int(ref.Weekday()) - int(wd) + 7) % 7
	if back == 0 {
		return ref
	}
	fwd := 7 - back
	switch tense {
	case cueFuture:
		return ref.AddDate(0, 0, fwd)
	case cuePresent:
		if fwd < back {
			return ref.AddDate(0, 0, fwd)
		}
	}
	return ref.AddDate(0, 0, -back)
}

// seasonYear gives the year of "this/last/next summer" (dir 0/-1/+1). A
// season counts as last when it has ended by the publication month.
func seasonYear(ref time.Time, s int8, dir int8) int {
	y, m := ref.Year(), int(ref.Month())
	endMonth := [...]int{5, 8, 11, 2}[s]
	startMonth := [...]int{3, 6, 9, 12}[s]
	switch dir {
	case -1:
		if s != sWinter && m > endMonth {
			return y
		}
		return y - 1
	case 1:
		if m < startMonth {
			return y
		}
		return y + 1
	}
	return y
}
